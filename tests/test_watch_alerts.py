"""Alerts: rules of the settings, sent once per event and recipient, again only when the
toll changes; recorded only when the SMTP server took the message. On SQLite and
PostgreSQL, against a local SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from smtp_support import Inbox, add_event, free_port, set_toll, smtp_server
from test_watch import FAST, add, feed, publish
from test_watch_digest import _due_again
from tollwatch.cli import app
from tollwatch.errors import SettingsError
from tollwatch.settings import Settings, load_settings
from tollwatch.store import Store, open_store
from tollwatch.store.models import AlertSentRow, EventRow
from tollwatch.watch import Fetcher, Watcher
from tollwatch.watch.alerts import (
    AlertRule,
    check_alerts,
    distance_km,
    rule_name,
    rules_from_settings,
)
from watch_support import Site, rss, serve

DESK, CHIEF = "desk@news.example.org", "chief@news.example.org"
MALI = {"name": "mali-10", "country": "ML", "min_killed": 10, "recipients": [DESK, CHIEF]}


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    with smtp_server() as running:
        yield running


def _open(url: str, inbox: Inbox | None, rules: list[dict[str, Any]], **more: Any) -> Store:
    smtp = inbox.settings() if inbox is not None else {}
    return open_store(Settings(db=url, alerts=rules, **{**smtp, **more}))


def _sent_rows(store: Store) -> int:
    with store.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(AlertSentRow)) or 0)


def test_an_alert_is_sent_once_and_again_when_the_toll_changes(
    db_url: str, inbox: Inbox
) -> None:
    store = _open(db_url, inbox, [MALI])
    try:
        event = add_event(store)
        add_event(store, killed_low=3, killed_best=3, killed_high=3)  # too few killed
        add_event(store, country="BF", killed_best=50)  # another country
        first = check_alerts(store)
        assert (first.events, len(first.sent), first.errors) == (3, 2, [])
        assert sorted(m.rcpt_tos[0] for m in inbox.messages) == [CHIEF, DESK]
        subject = inbox.messages[0].message["Subject"]
        assert subject == "tollwatch alert [mali-10]: 12 killed, Mopti, ML"
        message = inbox.messages[0].message
        assert message.get_content_type() == "multipart/alternative"
        assert "Event " in message.get_body(preferencelist=("plain",)).get_content()

        assert check_alerts(store).sent == []  # nothing changed: nothing sent
        set_toll(store, event, 15)
        again = check_alerts(store)
        assert len(again.sent) == 2
        assert inbox.messages[-1].message["Subject"].startswith(
            "tollwatch alert [mali-10]: toll revised 12 -> 15")
        assert check_alerts(store).sent == []
        assert len(inbox.messages) == 4 and _sent_rows(store) == 4
    finally:
        store.close()


def test_place_actor_and_country_rules_in_the_database(db_url: str, inbox: Inbox) -> None:
    rules = [{"name": "near-mopti", "lat": 14.5, "lon": -4.2, "within_km": 25,
              "recipients": [DESK]},
             {"name": "jnim", "actor": "nusrat al-islam", "recipients": [CHIEF]},
             {"name": "sahel-20", "country": ["bf", "NE"], "min_killed": 20,
              "recipients": [CHIEF]}]
    store = _open(db_url, inbox, rules)
    try:
        mopti = add_event(store, perpetrator="Jama'at Nusrat al-Islam wal-Muslimin")
        add_event(store, location="Bamako", lat=12.65, lon=-8.0)
        add_event(store, location="Sevare", lat=14.53, lon=-4.09, killed_best=None,
                  killed_low=None, killed_high=None)  # near, toll unknown: still alerted
        djibo = add_event(store, country="BF", location="Djibo", lat=14.1, lon=-1.63,
                          killed_low=20, killed_best=20, killed_high=25)
        add_event(store, country="BF", location="Dori", lat=14.03, lon=-0.03, killed_low=19,
                  killed_best=19, killed_high=19)
        sent = {(a.rule.name, a.event.place) for a in check_alerts(store).sent}
        assert sent == {("near-mopti", "Mopti, ML"), ("near-mopti", "Sevare, ML"),
                        ("jnim", "Mopti, ML"), ("sahel-20", "Djibo, BF")}
        assert check_alerts(store, dry_run=True).due == []
        set_toll(store, djibo, 22)
        assert [a.event.id for a in check_alerts(store).sent] == [djibo]
        assert mopti not in {a.event.id for a in check_alerts(store, dry_run=True).due}
    finally:
        store.close()


def test_one_message_per_recipient_and_check(sqlite_store: Store, inbox: Inbox) -> None:
    rule = {"name": "ml", "country": "ML", "recipients": [DESK]}
    store = _open(sqlite_store.url, inbox, [rule])
    try:
        ids = [add_event(store, killed_low=k, killed_best=k, killed_high=k,
                         location=f"Town {k}") for k in (4, 30, 9)]
        report = check_alerts(store)
        assert len(report.sent) == 3 and _sent_rows(store) == 3
        (got,) = inbox.messages
        assert got.message["Subject"].strip() == (
            "tollwatch alerts: 3 events (3 new, 0 revised); largest 30 killed, Town 30, ML")
        plain = got.message.get_body(preferencelist=("plain",)).get_content()
        assert all(f"Event {i}:" in plain for i in ids)
        set_toll(store, ids[0], 6)
        assert len(check_alerts(store).sent) == 1
        assert inbox.messages[-1].message["Subject"].startswith(
            "tollwatch alert [ml]: toll revised 4 -> 6")
    finally:
        store.close()


def test_nothing_is_recorded_when_the_server_is_down(db_url: str, inbox: Inbox) -> None:
    store = _open(db_url, None, [MALI], smtp_host="127.0.0.1", smtp_port=free_port(),
                  smtp_tls="none", smtp_from="tollwatch@monitor.example.org", smtp_timeout=5)
    try:
        add_event(store)
        failed = check_alerts(store)
        assert failed.sent == [] and len(failed.due) == 2
        assert "smtp_host and smtp_port" in failed.errors[0]
        assert _sent_rows(store) == 0
    finally:
        store.close()
    store = _open(db_url, inbox, [MALI])  # the server is back: the alerts are still due
    try:
        assert len(check_alerts(store).sent) == 2 and _sent_rows(store) == 2
    finally:
        store.close()


def test_a_refused_recipient_stays_due_and_the_others_are_not_sent_twice(
    sqlite_store: Store, inbox: Inbox
) -> None:
    inbox.refuse.add(CHIEF)
    store = _open(sqlite_store.url, inbox, [MALI])
    try:
        add_event(store)
        report = check_alerts(store)
        assert [a.recipient for a in report.sent] == [DESK]
        assert CHIEF in report.errors[0] and "550" in report.errors[0]
        inbox.refuse.clear()
        assert [a.recipient for a in check_alerts(store).sent] == [CHIEF]
        assert sorted(m.rcpt_tos[0] for m in inbox.messages) == [CHIEF, DESK]
    finally:
        store.close()


def test_the_watch_round_checks_the_rules(sqlite_store: Store, inbox: Inbox) -> None:
    store = _open(sqlite_store.url, inbox, [MALI])
    try:
        add_event(store)
        report = Watcher(store).round()  # no source is due: only the alert check
        assert report.alerts is not None and len(report.alerts.sent) == 2
        assert Watcher(store).round().alerts.sent == []  # type: ignore[union-attr]
    finally:
        store.close()
    plain = open_store(Settings(db=sqlite_store.url))
    try:
        assert Watcher(plain).round().alerts is None  # no rules: no check
    finally:
        plain.close()


def test_events_outside_the_window_are_not_checked(sqlite_store: Store, inbox: Inbox) -> None:
    store = _open(sqlite_store.url, inbox, [MALI], alert_window_h=1)
    try:
        event = add_event(store)
        with store.writing() as session:
            row = session.get(EventRow, event)
            assert row is not None
            row.updated_at = row.updated_at.replace(year=row.updated_at.year - 1)
        assert check_alerts(store).events == 0 and inbox.messages == []
    finally:
        store.close()


# --- rules ------------------------------------------------------------------------------


def _event(**values: Any) -> EventRow:
    base: dict[str, Any] = {"counted": True, "country": "ML", "killed_best": 12, "lat": 14.49,
                            "lon": -4.18, "perpetrator": "Jama'at Nusrat al-Islam"}
    return EventRow(**{**base, **values})


def test_each_condition_of_a_rule() -> None:
    near_mopti = AlertRule("r", (DESK,), place=(14.5, -4.2, 25))
    assert near_mopti.matches(_event())
    assert not near_mopti.matches(_event(lat=12.65, lon=-8.0))  # Bamako, ~450 km
    assert not near_mopti.matches(_event(lat=None, lon=None))
    actor = AlertRule("r", (DESK,), actor="NUSRAT AL-ISLAM")
    assert actor.matches(_event()) and not actor.matches(_event(perpetrator=None))
    assert AlertRule("r", (DESK,), actor="Sécurité").matches(_event(perpetrator="securite"))
    assert not AlertRule("r", (DESK,), min_killed=0).matches(_event(counted=False))
    both = AlertRule("r", (DESK,), countries=frozenset({"ML", "BF"}), min_killed=13)
    assert not both.matches(_event()) and both.matches(_event(country="BF", killed_best=13))
    assert 440 < distance_km(14.49, -4.18, 12.65, -8.0) < 470


def test_rules_from_a_config_file(tmp_path: Path) -> None:
    config = tmp_path / "tollwatch.toml"
    config.write_text(
        "[tollwatch]\nsmtp_host = 'mail.example.org'\n\n"
        "[[tollwatch.alerts]]\ncountry = ['ml', 'BF']\nmin_killed = 20\n"
        f"recipients = ['{DESK}']\n\n"
        "[[tollwatch.alerts]]\nname = 'near Mopti'\nlat = 14.49\nlon = -4.18\n"
        f"within_km = 50\nrecipients = '{CHIEF}'\n", encoding="utf-8")
    rules = rules_from_settings(load_settings(config, environ={}))
    assert rules[0].countries == {"ML", "BF"} and rules[0].min_killed == 20
    assert rules[0].name.startswith("rule-") and rules[1].name == "near Mopti"
    assert rules[1].place == (14.49, -4.18, 50.0) and rules[1].recipients == (CHIEF,)
    shown = CliRunner().invoke(app, ["alerts", "rules", "--config", str(config)])
    assert shown.exit_code == 0 and "near Mopti" in shown.output


def test_a_rule_name_survives_new_recipients() -> None:
    one = {"country": "ML", "recipients": [DESK]}
    assert rule_name(one) == rule_name({**one, "recipients": [DESK, CHIEF]})
    assert rule_name(one) != rule_name({**one, "country": "BF"})


@pytest.mark.parametrize(
    ("rule", "message"),
    [({"country": "ML"}, "recipients"),
     ({"country": "Mali", "recipients": [DESK]}, "ISO alpha-2"),
     ({"recipients": [DESK]}, "at least one condition"),
     ({"min_kiled": 3, "recipients": [DESK]}, "did you mean 'min_killed'"),
     ({"lat": 14.0, "lon": -4.0, "recipients": [DESK]}, "lat, lon and within_km"),
     ({"min_killed": 3, "recipients": ["desk"]}, "not an e-mail address")],
    ids=["no-recipients", "country-name", "no-condition", "typo", "no-radius", "bad-address"],
)
def test_bad_rules_are_refused_with_the_fix(rule: dict[str, Any], message: str) -> None:
    with pytest.raises(SettingsError, match=message) as caught:
        Settings(alerts=[rule])
    assert "rule 1" in str(caught.value)


def test_the_password_is_read_from_the_environment_only(tmp_path: Path) -> None:
    config = tmp_path / "tollwatch.toml"
    config.write_text("[tollwatch]\nsmtp_password = 'hunter2'\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="TOLLWATCH_SMTP_PASSWORD") as caught:
        load_settings(config, environ={})
    assert "hunter2" not in str(caught.value)
    settings = load_settings(environ={"TOLLWATCH_SMTP_PASSWORD": "hunter2"})
    assert settings.smtp_password == "hunter2" and "hunter2" not in repr(settings)


def test_alerts_check_command_dry_run_then_send(sqlite_store: Store, inbox: Inbox,
                                              tmp_path: Path) -> None:
    add_event(sqlite_store)
    config = tmp_path / "tollwatch.toml"
    config.write_text(
        "[tollwatch]\n" + "".join(f"{k} = {v!r}\n" for k, v in inbox.settings().items())
        + f"\n[[tollwatch.alerts]]\nname = 'mali'\ncountry = 'ML'\nrecipients = ['{DESK}']\n",
        encoding="utf-8")
    args = ["alerts", "check", "--db", sqlite_store.url, "--config", str(config)]
    dry = CliRunner().invoke(app, [*args, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "due: [mali] event" in dry.output and inbox.messages == []
    sent = CliRunner().invoke(app, args)
    assert sent.exit_code == 0 and "sent: [mali]" in sent.output
    assert len(inbox.messages) == 1
    none = CliRunner().invoke(app, ["alerts", "check", "--db", sqlite_store.url])
    assert none.exit_code == 1 and "no alert rules" in none.output


def test_watch_rounds_alert_on_a_new_event_then_on_its_revised_toll(
    sqlite_store: Store, inbox: Inbox, resources: Any
) -> None:
    """The whole path: articles read by the watch loop, extracted, matched into an
    event; the round's check alerts, and alerts again when an update revises the toll."""
    rule = {"name": "any-5", "min_killed": 5, "recipients": [DESK]}
    store = _open(sqlite_store.url, inbox, [rule])
    try:
        with serve(Site()) as site:
            url = publish(site, "/news/attack-7", 7, 9)
            feed(site, "/feed.xml", [url])
            add(store, site.url("/feed.xml"), name="outlet")
            watch = Watcher(store, FAST, fetcher=Fetcher(FAST, sleep=lambda s: None),
                            resources=resources)
            first = watch.round().alerts
            assert first is not None and len(first.sent) == 1, first
            assert "9 killed" in inbox.messages[0].message["Subject"]
            publish(site, "/news/attack-7", 7, 13)
            site.put("/feed.xml", rss("Test outlet", [("update", url, "toll rises")]),
                     content_type="application/rss+xml", etag='"v2"')
            _due_again(store)
            second = watch.round().alerts
            assert second is not None and len(second.sent) == 1
            assert "toll revised 9 -> 13" in inbox.messages[1].message["Subject"]
            _due_again(store)
            assert watch.round().alerts.sent == []  # type: ignore[union-attr]
    finally:
        store.close()
