"""Alerts: rules of the settings checked against the events, one e-mail per match.

    rules_from_settings(settings) -> [AlertRule]
    due_alerts(session, rules, since) -> [Alert]      what a check would send
    check_alerts(store, since=None) -> AlertReport    send them, record each one sent

A rule matches a counted event when every condition it gives holds: the event's
country is one of `country`; its killed (best, else low) is at least `min_killed`;
`actor` is part of its perpetrator (case and accents ignored); it lies within
`within_km` of (`lat`, `lon`). Each recipient of the rule gets one alert per event,
and another only when the event's killed figures differ from the ones last sent to
them (table `alerts_sent`); the alerts of one check go to each recipient in one
message (one alert: its own subject; several: a list). Rows are written only after
the SMTP server took the message: a failure leaves the alerts due, and the next
check sends them.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from unidecode import unidecode

from ..errors import TollwatchError
from ..settings import Settings
from ..store import Store
from ..store.ingest_base import now
from ..store.models import AlertSentRow, EventRow
from .digest import EventLine, event_line, toll_text
from .mail import Mailer, RecipientRefused, compose, sender

EARTH_KM = 6371.0088
MAX_PER_MESSAGE = 50  # alerts of one recipient in one message, at most
Toll = tuple[int | None, int | None, int | None]


@dataclass(frozen=True)
class AlertRule:
    """One rule of the settings' `alerts` (checked there): conditions and recipients."""

    name: str
    recipients: tuple[str, ...]
    countries: frozenset[str] = frozenset()
    min_killed: int | None = None
    actor: str | None = None
    place: tuple[float, float, float] | None = None  # lat, lon, within_km

    def matches(self, event: EventRow) -> bool:
        """True when the counted `event` meets every condition of the rule."""
        if not event.counted:
            return False
        if self.countries and (event.country or "").upper() not in self.countries:
            return False
        if self.min_killed is not None and killed(event) < self.min_killed:
            return False
        if self.actor and _folded(self.actor) not in _folded(event.perpetrator or ""):
            return False
        if self.place is not None:
            if event.lat is None or event.lon is None:
                return False
            lat, lon, km = self.place
            if distance_km(lat, lon, event.lat, event.lon) > km:
                return False
        return True

    def describe(self) -> str:
        """The conditions in words."""
        parts = []
        if self.countries:
            parts.append("country " + " or ".join(sorted(self.countries)))
        if self.min_killed is not None:
            parts.append(f"at least {self.min_killed} killed")
        if self.actor:
            parts.append(f"perpetrator contains {self.actor!r}")
        if self.place is not None:
            lat, lon, km = self.place
            parts.append(f"within {km:g} km of {lat:g}, {lon:g}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Alert:
    """One message due: a rule's match, for one recipient; `before` is the toll last
    sent to them for this event (None: the first alert)."""

    rule: AlertRule
    event: EventLine
    recipient: str
    toll: Toll
    before: str | None


@dataclass
class AlertReport:
    """What a check did: events looked at, alerts due, sent, and the failures."""

    events: int = 0
    due: list[Alert] = field(default_factory=list)
    sent: list[Alert] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def killed(event: EventRow) -> int:
    """The event's killed as rules compare it: best, else low, else 0."""
    if event.killed_best is not None:
        return event.killed_best
    return event.killed_low or 0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _folded(text: str) -> str:
    return " ".join(unidecode(text).casefold().split())


def rule_name(raw: dict[str, Any]) -> str:
    """The rule's `name`, else a name made from its conditions (stable while they stay:
    recipients can be added without sending the alerts again to the others)."""
    if raw.get("name"):
        return str(raw["name"]).strip()
    conditions = {k: v for k, v in raw.items() if k not in ("name", "recipients")}
    digest = hashlib.sha1(json.dumps(conditions, sort_keys=True).encode()).hexdigest()
    return f"rule-{digest[:8]}"


def rules_from_settings(settings: Settings) -> list[AlertRule]:
    """The settings' alert rules (already checked by `Settings`)."""
    out = []
    for raw in settings.alerts:
        countries = raw.get("country") or []
        recipients = raw["recipients"]
        place = None
        if raw.get("lat") is not None:
            place = (float(raw["lat"]), float(raw["lon"]), float(raw["within_km"]))
        out.append(AlertRule(
            rule_name(raw),
            tuple(dict.fromkeys(a.strip() for a in (
                [recipients] if isinstance(recipients, str) else recipients))),
            frozenset(c.upper() for c in ([countries] if isinstance(countries, str)
                                          else countries)),
            raw.get("min_killed"), (raw.get("actor") or "").strip() or None, place,
        ))
    return out


def due_alerts(
    session: Session, rules: Sequence[AlertRule], since: datetime
) -> tuple[int, list[Alert]]:
    """The number of counted events created or updated since `since`, and the alerts
    due for them: a rule's match whose figures were never sent to a recipient, or
    differ from the ones last sent."""
    recent = (EventRow.counted.is_(True), EventRow.updated_at >= since)
    total = int(session.scalar(select(func.count()).select_from(EventRow).where(*recent))
                or 0)
    out: list[Alert] = []
    for rule in rules:
        candidates = session.scalars(
            select(EventRow).where(*recent, *_prefilter(rule)).order_by(EventRow.id))
        matched = [e for e in candidates if rule.matches(e)]
        last = _last_sent(session, rule.name, [e.id for e in matched])
        for event in matched:
            toll: Toll = (event.killed_low, event.killed_best, event.killed_high)
            for recipient in rule.recipients:
                before = last.get((event.id, recipient))
                if before == toll:
                    continue
                out.append(Alert(rule, event_line(event), recipient, toll,
                                 toll_text(*before) if before is not None else None))
    return total, out


def _prefilter(rule: AlertRule) -> list[Any]:
    """SQL conditions that every match of `rule` meets (the rule itself decides): its
    countries, its minimum killed, a lat/lon box around its place."""
    where: list[Any] = []
    if rule.countries:
        where.append(EventRow.country.in_(sorted(rule.countries)))
    if rule.min_killed:
        where.append(func.coalesce(EventRow.killed_best, EventRow.killed_low, 0)
                     >= rule.min_killed)
    if rule.place is not None:
        lat, _, km = rule.place
        span = km / 111.0 + 0.01  # degrees of latitude (and more) per km
        where += [EventRow.lat.between(lat - span, lat + span), EventRow.lon.is_not(None)]
    return where


def _last_sent(
    session: Session, rule: str, event_ids: list[int]
) -> dict[tuple[int, str], Toll]:
    out: dict[tuple[int, str], Toll] = {}
    for start in range(0, len(event_ids), 500):
        rows = session.scalars(
            select(AlertSentRow).where(AlertSentRow.rule == rule,
                                       AlertSentRow.event_id.in_(event_ids[start:start + 500]))
            .order_by(AlertSentRow.id))
        for row in rows:  # the last row of each (event, recipient) wins
            out[(row.event_id, row.recipient)] = (row.killed_low, row.killed_best,
                                                  row.killed_high)
    return out


def check_alerts(
    store: Store,
    since: datetime | None = None,
    *,
    dry_run: bool = False,
    clock: Callable[[], datetime] = now,
) -> AlertReport:
    """Send the alerts due for the events updated since `since` (default: the last
    `alert_window_h` hours) and record each one sent. Failures are in the report's
    `errors` (a refused recipient does not stop the others; a lost server stops the
    check); what was not sent stays due."""
    settings = store.settings
    report = AlertReport()
    rules = rules_from_settings(settings)
    if not rules:
        return report
    start = since or clock() - timedelta(hours=settings.alert_window_h)
    with store.sessions() as session:
        report.events, report.due = due_alerts(session, rules, start)
    if dry_run or not report.due:
        return report
    try:
        from_address = sender(settings)
        with Mailer(settings) as mailer:
            for group in batches(report.due):
                message = alert_message(group, from_address)
                try:
                    mailer.send(message, [group[0].recipient])
                except RecipientRefused as err:
                    report.errors.append(str(err))
                    continue
                _record(store, group, str(message["Message-ID"]), clock())
                report.sent.extend(group)
    except TollwatchError as err:  # no SMTP settings, the server lost
        report.errors.append(str(err))
    return report


def batches(alerts: Sequence[Alert]) -> list[list[Alert]]:
    """The alerts of one check grouped by recipient (one message each, at most
    MAX_PER_MESSAGE alerts), in the order they came."""
    by_recipient: dict[str, list[Alert]] = {}
    for alert in alerts:
        by_recipient.setdefault(alert.recipient, []).append(alert)
    return [group[i:i + MAX_PER_MESSAGE] for group in by_recipient.values()
            for i in range(0, len(group), MAX_PER_MESSAGE)]


def _record(store: Store, alerts: Sequence[Alert], message_id: str, at: datetime) -> None:
    with store.writing() as session:
        for alert in alerts:
            low, best, high = alert.toll
            session.add(AlertSentRow(
                rule=alert.rule.name, event_id=alert.event.id, recipient=alert.recipient,
                killed_low=low, killed_best=best, killed_high=high,
                message_id=message_id[:300], sent_at=at))


def alert_message(alerts: Sequence[Alert], from_address: str) -> Any:
    """The e-mail of one recipient's alerts: a subject with the toll and place (or the
    count and the largest), a plain-text and an HTML part with each event."""
    first = alerts[0]
    if len(alerts) == 1:
        e = first.event
        change = (f"toll revised {first.before} -> {e.toll}" if first.before is not None
                  else f"{e.toll} killed")
        subject = f"tollwatch alert [{first.rule.name}]: {change}, {e.place}"
    else:
        revised = sum(a.before is not None for a in alerts)
        top = max(alerts, key=lambda a: a.toll[1] if a.toll[1] is not None else a.toll[0] or 0)
        subject = (f"tollwatch alerts: {len(alerts)} events ({len(alerts) - revised} new, "
                   f"{revised} revised); largest {top.event.toll} killed, {top.event.place}")
    blocks = [_alert_lines(alert) for alert in alerts]
    text = "\n\n".join("\n".join(block) for block in blocks) + "\n"
    body = "<hr>".join("".join(f"<p>{html.escape(line)}</p>" for line in block)
                       for block in blocks)
    page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(subject)}'
            f"</title></head><body>{body}</body></html>\n")
    return compose(subject, from_address, [first.recipient], text, page)


def _alert_lines(alert: Alert) -> list[str]:
    e = alert.event
    lines = [
        f"{'Revised toll' if alert.before is not None else 'New event'} matching alert rule "
        f"{alert.rule.name!r} ({alert.rule.describe()}).",
        f"Event {e.id}: {e.date or 'undated'}, {e.place}",
        f"Type: {e.event_type}" + (f", by {e.perpetrator}" if e.perpetrator else ""),
        f"Killed: {e.toll}" + (f" (was {alert.before})" if alert.before is not None else ""),
        f"Reports: {e.reports}" + (f" ({e.sources})" if e.sources else ""),
    ]
    if e.lat is not None and e.lon is not None:
        lines.append(f"Place: {e.lat:.4f}, {e.lon:.4f}")
    return lines
