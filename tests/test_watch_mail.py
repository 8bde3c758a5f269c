"""Digests delivered: the pictures, the folder of files, the e-mail as a local SMTP
server (aiosmtpd on 127.0.0.1) receives it, and SMTP failures."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from smtp_support import (
    Inbox,
    add_event,
    client_context,
    free_port,
    make_certificate,
    smtp_server,
)
from tollwatch.cli import app
from tollwatch.errors import MailError, SettingsError
from tollwatch.settings import Settings
from tollwatch.store import Store
from tollwatch.watch import mail
from tollwatch.watch.digest import build_digest
from tollwatch.watch.digest_out import digest_message, send_digest, write_folder
from tollwatch.watch.images import MapPoint, fit_view, render_map, render_sparkline
from tollwatch.watch.mail import Mailer, RecipientRefused, compose


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    with smtp_server() as running:
        yield running


@pytest.fixture
def events(sqlite_store: Store) -> Store:
    """Two new events in Mali and Burkina Faso, one in Mali five days earlier."""
    add_event(sqlite_store, killed_low=12, killed_best=12, perpetrator="JNIM",
              perpetrator_type="rebel")
    add_event(sqlite_store, country="BF", location="Djibo", lat=14.10, lon=-1.63,
              killed_low=30, killed_best=34, killed_high=40)
    old = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=5)
    add_event(sqlite_store, killed_best=5, killed_low=5, created_at=old, updated_at=old)
    return sqlite_store


def _digest(store: Store, days: int = 1):  # type: ignore[no-untyped-def]
    end = datetime.now(UTC).replace(tzinfo=None) + timedelta(seconds=1)
    with store.sessions() as session:
        return build_digest(session, end - timedelta(days=days), end)


def _png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.format == "PNG"
    return image


# --- pictures ----------------------------------------------------------------------------


def test_the_map_puts_a_dot_where_the_event_is() -> None:
    point = MapPoint(14.49, -4.18, 50)
    image = _png(render_map([point])).convert("RGB")
    x, y = fit_view([point]).project(point.lat, point.lon)
    red, green, blue = image.getpixel((int(x), int(y)))  # type: ignore[misc]
    assert red > 180 and green < 120 and blue < 120
    corner = image.getpixel((5, 5))
    assert corner != (red, green, blue)  # sea or land, not the dot


def test_a_revised_event_is_a_ring_not_a_dot() -> None:
    revised = MapPoint(14.49, -4.18, 100, revised=True)
    image = _png(render_map([revised])).convert("RGB")
    x, y = fit_view([revised]).project(revised.lat, revised.lon)
    centre = image.getpixel((int(x), int(y)))
    assert centre[0] < 240 and abs(centre[0] - centre[1]) < 30  # land, not red  # type: ignore[index]
    edge = [image.getpixel((int(x + dx), int(y))) for dx in range(18, 30)]
    assert any(r > 200 and 80 < g < 160 and b < 60 for r, g, b in edge)  # type: ignore[misc]


def test_the_map_without_events_is_the_world_and_outlines_show() -> None:
    image = _png(render_map([])).convert("RGB")
    assert image.size == (640, 320)
    assert len(image.getcolors(maxcolors=100_000) or []) > 10  # not blank


def test_the_sparkline_has_its_size_and_draws_the_peak() -> None:
    days = [(f"2026-11-{d:02d}", v) for d, v in zip(range(1, 15), [0] * 6 + [40] + [0] * 7,
                                                    strict=True)]
    image = _png(render_sparkline(days)).convert("RGB")
    assert image.size == (400, 84)
    column = [image.getpixel((int(6 / 13 * (392 - 4) + 4), y)) for y in range(22, 80)]
    assert any(r > 150 and g < 120 for r, g, _ in column)  # type: ignore[misc]


# --- the digest's files -----------------------------------------------------------------


def test_the_digest_counts_perpetrator_types_and_days(events: Store) -> None:
    digest = _digest(events)
    assert len(digest.new_events) == 2
    assert digest.by_perpetrator == {"rebel": {"events": 1, "killed": 12},
                                     "unknown": {"events": 1, "killed": 34}}
    assert len(digest.daily) == 14 and dict(digest.daily)["2026-12-05"] == 51


def test_the_folder_has_three_formats_and_the_pictures(events: Store, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    written = write_folder(_digest(events), folder)
    assert sorted(p.name for p in written) == [
        "digest.html", "digest.json", "digest.md", "map.png", "sparkline.png"]
    page = (folder / "digest.html").read_text(encoding="utf-8")
    assert '<img src="map.png"' in page and '<img src="sparkline.png"' in page
    assert 'width="640" height="320"' in page and 'width="400" height="84"' in page
    assert "<th>perpetrator type</th>" in page
    assert "](map.png)" in (folder / "digest.md").read_text(encoding="utf-8")
    data = json.loads((folder / "digest.json").read_text(encoding="utf-8"))
    assert {e["lat"] for e in data["new_events"]} == {14.49, 14.10}
    assert _png((folder / "map.png").read_bytes()).size == (640, 320)


# --- the e-mail as received -------------------------------------------------------------


def test_the_digest_email_as_received(events: Store, inbox: Inbox) -> None:
    settings = Settings(db=events.url, **inbox.settings())
    send_digest(_digest(events), settings, ["desk@news.example.org", "chief@news.example.org"])
    (got,) = inbox.messages
    assert got.rcpt_tos == ["desk@news.example.org", "chief@news.example.org"]
    assert got.mail_from == "tollwatch@monitor.example.org"
    message = got.message
    assert message["Subject"].startswith("tollwatch digest: 2 new events, 46 killed")
    assert message.get_content_type() == "multipart/alternative"
    text, related = message.get_payload()  # type: ignore[misc]
    assert text.get_content_type() == "text/plain"
    assert "New events (2)" in text.get_content() and "Djibo" in text.get_content()
    assert related.get_content_type() == "multipart/related"
    page, *images = related.get_payload()
    assert page.get_content_type() == "text/html"
    assert {i["Content-ID"] for i in images} == {"<map@tollwatch>", "<sparkline@tollwatch>"}
    for image in images:
        assert image.get_content_type() == "image/png"
        assert image.get_content_disposition() == "inline"
        assert f'src="cid:{image["Content-ID"][1:-1]}"' in page.get_content()
        _png(image.get_content())


def test_the_digest_command_writes_a_folder_and_sends(
    events: Store, inbox: Inbox, tmp_path: Path
) -> None:
    env = {f"TOLLWATCH_{k.upper()}": str(v) for k, v in inbox.settings().items()}
    result = CliRunner().invoke(app, [
        "digest", "--period", "week", "--db", events.url, "-o", str(tmp_path / "week"),
        "--to", "desk@news.example.org", "--to", "chief@news.example.org"], env=env)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "week" / "map.png").exists()
    (got,) = inbox.messages
    assert "3 new events" in got.message["Subject"]  # the week holds the older one too
    assert got.rcpt_tos == ["desk@news.example.org", "chief@news.example.org"]


def test_period_and_until_choose_the_window(events: Store) -> None:
    later = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    result = CliRunner().invoke(app, ["digest", "--period", "day", "--until", later,
                                      "--format", "json", "--db", events.url])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["new_events"] == []
    both = CliRunner().invoke(app, ["digest", "--period", "day", "--since", "2d",
                                    "--db", events.url])
    assert both.exit_code == 1 and "not both" in both.output


# --- failures ---------------------------------------------------------------------------


def test_an_unreachable_server_names_the_settings(events: Store) -> None:
    settings = Settings(smtp_host="127.0.0.1", smtp_port=free_port(), smtp_tls="none",
                        smtp_from="tollwatch@monitor.example.org", smtp_timeout=5)
    with pytest.raises(MailError, match="smtp_host and smtp_port"):
        send_digest(_digest(events), settings, ["desk@news.example.org"])


@pytest.mark.parametrize(
    ("tls", "message"),
    [("starttls", "does not offer STARTTLS"), ("ssl", "TLS with the SMTP server")],
)
def test_a_tls_mode_the_server_does_not_speak_says_which_setting(
    inbox: Inbox, tls: str, message: str
) -> None:
    settings = Settings(**{**inbox.settings(), "smtp_tls": tls})
    with pytest.raises(MailError, match=message) as caught:
        Mailer(settings).__enter__()
    assert "smtp_tls" in str(caught.value) and inbox.messages == []


def test_a_refused_recipient_is_named_and_the_others_get_it(inbox: Inbox) -> None:
    inbox.refuse.add("gone@news.example.org")
    settings = Settings(**inbox.settings())
    message = compose("s", "tollwatch@monitor.example.org",
                      ["desk@news.example.org", "gone@news.example.org"], "text")
    with Mailer(settings) as mailer, pytest.raises(RecipientRefused) as caught:
        mailer.send(message)
    assert caught.value.refused == ("gone@news.example.org",)
    assert caught.value.delivered == ("desk@news.example.org",)
    assert "gone@news.example.org (550" in str(caught.value)
    assert [m.rcpt_tos for m in inbox.messages] == [["desk@news.example.org"]]


def test_the_password_is_never_printed(events: Store, inbox: Inbox) -> None:
    env = {f"TOLLWATCH_{k.upper()}": str(v) for k, v in inbox.settings().items()}
    env |= {"TOLLWATCH_SMTP_USER": "monitor", "TOLLWATCH_SMTP_PASSWORD": "s3cret-Pa55"}
    result = CliRunner().invoke(app, ["digest", "--db", events.url, "--to",
                                      "desk@news.example.org"], env=env)
    assert result.exit_code == 1  # the test server offers no login
    assert "smtp_user" in result.output and "s3cret-Pa55" not in result.output
    assert inbox.messages == []


def test_without_smtp_settings_nothing_is_built(events: Store) -> None:
    result = CliRunner().invoke(app, ["digest", "--db", events.url, "--to",
                                      "desk@news.example.org"])
    assert result.exit_code == 1 and "smtp_host is not set" in result.output
    with pytest.raises(SettingsError, match="not an e-mail address"):
        Settings(smtp_from="nobody")
    bad = CliRunner().invoke(app, ["digest", "--db", events.url, "--to", "desk at news"])
    assert bad.exit_code == 1 and "write it as name@host.org" in bad.output


def test_the_message_has_a_text_part_for_plain_readers(events: Store) -> None:
    message = digest_message(_digest(events), "tollwatch@monitor.example.org",
                             ["desk@news.example.org"])
    plain = message.get_body(preferencelist=("plain",))
    assert plain is not None and "## By country" in plain.get_content()


# --- TLS and login ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cert = make_certificate(tmp_path_factory.mktemp("tls"))
    if cert is None:
        pytest.skip("no openssl command to make a test certificate")
    return cert


@pytest.mark.parametrize("tls", ["starttls", "ssl"])
def test_a_digest_over_tls_with_a_login(
    events: Store, certificate: Path, tls: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mail, "tls_context", lambda: client_context(certificate))
    with smtp_server(tls, certificate) as server:
        settings = Settings(**{**server.settings(), "smtp_tls": tls, "smtp_user": "monitor",
                               "smtp_password": "s3cret-Pa55"})
        send_digest(_digest(events), settings, ["desk@news.example.org"])
        assert [m.rcpt_tos for m in server.messages] == [["desk@news.example.org"]]
        wrong = Settings(**{**settings.__dict__, "smtp_password": "not-it"})
        with pytest.raises(MailError, match="refused the login of smtp_user='monitor'") as err:
            send_digest(_digest(events), wrong, ["desk@news.example.org"])
        assert "not-it" not in str(err.value) and len(server.messages) == 1


def test_an_untrusted_certificate_is_refused(events: Store, certificate: Path) -> None:
    with smtp_server("starttls", certificate) as server:
        settings = Settings(**{**server.settings(), "smtp_tls": "starttls"})
        with pytest.raises(MailError, match=r"STARTTLS with the SMTP server .* failed"):
            send_digest(_digest(events), settings, ["desk@news.example.org"])
        assert server.messages == []


def test_a_server_that_wants_starttls_refuses_plain_mail(
    events: Store, certificate: Path
) -> None:
    with smtp_server("starttls", certificate) as server:
        with pytest.raises(MailError, match=r"nothing was sent|smtp_from"):
            send_digest(_digest(events), Settings(**server.settings()),
                        ["desk@news.example.org"])
        assert server.messages == []
