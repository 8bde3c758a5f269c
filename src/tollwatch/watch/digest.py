"""What changed in a period: new events, revised tolls, totals against the period before.

    build_digest(session, since, until, country=None) -> Digest
    render(digest, "md" | "json" | "html", pictures=()) -> str

The pictures (a map, a sparkline), the folder of files and the e-mail are made in
digest_out.py.

New events are the counted events created in the period; a revision is an
`event.update` of the audit log in the period that changed a toll of an event
created before it, with the value it had before (read from the event's earlier
audit rows: the history the store keeps).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InputError
from ..store.models import AuditRow, EventRow

TOLLS = ("killed_low", "killed_best", "killed_high")
FORMATS = ("md", "json", "html")
LARGEST = 5
SPARK_DAYS = 14  # the sparkline shows at least this many days
MAX_SPARK_DAYS = 366


@dataclass(frozen=True)
class EventLine:
    """One event as a digest shows it."""

    id: int
    date: str | None
    place: str
    country: str | None
    event_type: str
    perpetrator: str | None
    killed_low: int | None
    killed_best: int | None
    killed_high: int | None
    reports: int
    sources: str | None
    lat: float | None = None
    lon: float | None = None

    @property
    def toll(self) -> str:
        """The killed range as text: "12", "10-14", "at least 5", "-"."""
        return toll_text(self.killed_low, self.killed_best, self.killed_high)


@dataclass(frozen=True)
class Revision:
    """A toll of an event revised in the period: old -> new, and why."""

    event: EventLine
    old: str
    new: str
    at: str
    why: str


@dataclass(frozen=True)
class Picture:
    """A picture shown under the digest's title: its address (a file name, or
    "cid:..." in an e-mail), alt text and size in pixels."""

    alt: str
    src: str
    width: int
    height: int


@dataclass
class Digest:
    """What changed between `since` and `until` (UTC)."""

    since: str
    until: str
    country: str | None
    new_events: list[EventLine] = field(default_factory=list)
    revised: list[Revision] = field(default_factory=list)
    totals: dict[str, dict[str, int]] = field(default_factory=dict)
    previous: dict[str, dict[str, int]] = field(default_factory=dict)
    largest: list[EventLine] = field(default_factory=list)
    by_perpetrator: dict[str, dict[str, int]] = field(default_factory=dict)
    previous_by_perpetrator: dict[str, dict[str, int]] = field(default_factory=dict)
    daily: list[tuple[str, int]] = field(default_factory=list)  # (day, killed), by event date


def toll_text(low: int | None, best: int | None, high: int | None) -> str:
    """A killed range in words: best, low-high, or "at least low"."""
    if best is None and low is None:
        return "-"
    if high is not None and low is not None and high != low:
        return f"{low}-{high}" if best in (None, low, high) else f"{best} ({low}-{high})"
    if best is None or (high is None and low is not None and best == low):
        return f"at least {low}" if high is None and low is not None else str(best)
    return str(best)


def event_line(row: EventRow) -> EventLine:
    """An event row as a digest (or an alert) shows it."""
    place = ", ".join(p for p in (row.location, row.admin1, row.country) if p) or "unknown place"
    return EventLine(
        row.id, row.date_start.isoformat() if isinstance(row.date_start, date) else None,
        place, row.country, row.event_type, row.perpetrator, row.killed_low, row.killed_best,
        row.killed_high, row.n_reports, row.sources, row.lat, row.lon,
    )


def build_digest(
    session: Session, since: datetime, until: datetime, country: str | None = None
) -> Digest:
    """The digest of the period [since, until)."""
    if since >= until:
        raise InputError(
            f"the digest period is empty ({since} to {until}); give an earlier --since")
    digest = Digest(since.isoformat(timespec="seconds"), until.isoformat(timespec="seconds"),
                    country)
    new = _events(session, since, until, country)
    before = _events(session, since - (until - since), since, country)
    digest.new_events = [event_line(r) for r in new]
    digest.totals, digest.previous = _totals(new), _totals(before)
    digest.by_perpetrator = _totals(new, _perpetrator_type)
    digest.previous_by_perpetrator = _totals(before, _perpetrator_type)
    digest.daily = _daily(session, since, until, country)
    digest.largest = sorted(digest.new_events, key=lambda e: -(e.killed_best or e.killed_low or 0))
    digest.largest = digest.largest[:LARGEST]
    digest.revised = _revisions(session, since, until, country)
    return digest


def _events(
    session: Session, since: datetime, until: datetime, country: str | None
) -> list[EventRow]:
    query = select(EventRow).where(
        EventRow.counted.is_(True), EventRow.created_at >= since, EventRow.created_at < until
    )
    if country:
        query = query.where(EventRow.country == country.upper())
    return list(session.scalars(query.order_by(EventRow.date_start, EventRow.id)))


def _country(row: EventRow) -> str:
    return row.country or "??"


def _perpetrator_type(row: EventRow) -> str:
    return row.perpetrator_type or "unknown"


def _totals(
    rows: Iterable[EventRow], key: Callable[[EventRow], str] = _country
) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for row in rows:
        entry = out.setdefault(key(row), {"events": 0, "killed": 0})
        entry["events"] += 1
        entry["killed"] += row.killed_best or row.killed_low or 0
    return dict(sorted(out.items()))


def _daily(
    session: Session, since: datetime, until: datetime, country: str | None
) -> list[tuple[str, int]]:
    """Killed per day by event date (every counted event of the store, new or not) over
    the period's days, and at least the last SPARK_DAYS days, ending the day of `until`."""
    last = until.date()
    days = min(max(SPARK_DAYS, (until - since).days + 1), MAX_SPARK_DAYS)
    first = last - timedelta(days=days - 1)
    query = select(EventRow.date_start, EventRow.killed_best, EventRow.killed_low).where(
        EventRow.counted.is_(True), EventRow.date_start >= first, EventRow.date_start <= last)
    if country:
        query = query.where(EventRow.country == country.upper())
    killed = dict.fromkeys((first + timedelta(days=i) for i in range(days)), 0)
    for day, best, low in session.execute(query):
        if day in killed:
            killed[day] += best or low or 0
    return [(day.isoformat(), value) for day, value in killed.items()]


def _revisions(
    session: Session, since: datetime, until: datetime, country: str | None
) -> list[Revision]:
    updates = session.scalars(
        select(AuditRow).where(
            AuditRow.entity == "event", AuditRow.action == "event.update",
            AuditRow.at >= since, AuditRow.at < until,
        ).order_by(AuditRow.id)
    )
    touched = [a for a in updates if set(TOLLS) & set((a.detail or {}).get("changed", {}))]
    out: list[Revision] = []
    for event_id in dict.fromkeys(a.entity_id for a in touched if a.entity_id is not None):
        row = session.get(EventRow, event_id)
        if row is None or not row.counted or row.created_at >= since:
            continue
        if country and row.country != country.upper():
            continue
        old = _values_before(session, event_id, since)
        joined = any((a.detail or {}).get("joined") for a in touched if a.entity_id == event_id)
        last = max(a.at for a in touched if a.entity_id == event_id)
        why = ("new reports joined the event" if joined
               else "a report of the event was updated or re-read")
        out.append(Revision(event_line(row), toll_text(*old), event_line(row).toll,
                            last.isoformat(timespec="seconds"), why))
    return out


def _values_before(
    session: Session, event_id: int, since: datetime
) -> tuple[int | None, int | None, int | None]:
    """The event's killed low/best/high as the audit log had them before `since`."""
    values: dict[str, Any] = dict.fromkeys(TOLLS)
    rows = session.scalars(
        select(AuditRow).where(
            AuditRow.entity == "event", AuditRow.entity_id == event_id, AuditRow.at < since
        ).order_by(AuditRow.id)
    )
    for row in rows:
        for key, value in ((row.detail or {}).get("changed") or {}).items():
            if key in values:
                values[key] = value
    return values["killed_low"], values["killed_best"], values["killed_high"]


# --- rendering -------------------------------------------------------------------------


def render(digest: Digest, fmt: str, pictures: Sequence[Picture] = ()) -> str:
    """The digest as Markdown, JSON or HTML; `pictures` are shown under the title in
    md and html."""
    if fmt not in FORMATS:
        raise InputError(f"digest format {fmt!r} is unknown; use md, json or html")
    if fmt == "json":
        return json.dumps(_jsonable(digest), indent=1, ensure_ascii=False)
    lines = _markdown(digest, pictures)
    return "\n".join(lines) + "\n" if fmt == "md" else _html(lines, pictures)


def subject(digest: Digest) -> str:
    """The e-mail subject: scope, what changed, the period."""
    scope = f" ({digest.country})" if digest.country else ""
    killed = sum(t["killed"] for t in digest.totals.values())
    return (f"tollwatch digest{scope}: {len(digest.new_events)} new event"
            f"{'s' * (len(digest.new_events) != 1)}, {killed} killed, {len(digest.revised)} "
            f"revised toll{'s' * (len(digest.revised) != 1)} ({digest.since[:10]} to "
            f"{digest.until[:10]})")


def _jsonable(digest: Digest) -> dict[str, Any]:
    out = asdict(digest)
    for line in out["new_events"] + out["largest"]:
        line["toll"] = toll_text(line["killed_low"], line["killed_best"], line["killed_high"])
    out["daily"] = [{"day": day, "killed": killed} for day, killed in digest.daily]
    return out


def _event_md(e: EventLine) -> str:
    who = f" by {e.perpetrator}" if e.perpetrator else ""
    return (f"- {e.date or 'undated'}, {e.place}: {e.event_type}{who}, killed {e.toll} "
            f"({e.reports} report{'s' * (e.reports != 1)}"
            + (f": {e.sources}" if e.sources else "") + ")")


def _table(title: str, name: str, now_: dict[str, dict[str, int]],
           before_: dict[str, dict[str, int]]) -> list[str]:
    lines = ["", f"## {title}", "", f"| {name} | events | killed | previous period |",
             "| --- | --- | --- | --- |"]
    for key in sorted(set(now_) | set(before_)):
        here, before = now_.get(key, {}), before_.get(key, {})
        lines.append(f"| {key} | {here.get('events', 0)} | {here.get('killed', 0)} | "
                     f"{before.get('events', 0)} events, {before.get('killed', 0)} killed |")
    return lines


def _markdown(d: Digest, pictures: Sequence[Picture]) -> list[str]:
    scope = f" ({d.country})" if d.country else ""
    lines = [f"# tollwatch digest{scope}", "", f"From {d.since} to {d.until} (UTC).", ""]
    for picture in pictures:
        lines += [f"![{picture.alt}]({picture.src})", ""]
    lines += [f"## New events ({len(d.new_events)})", ""]
    lines += [_event_md(e) for e in d.new_events] or ["None."]
    lines += ["", f"## Revised tolls ({len(d.revised)})", ""]
    lines += [f"- {r.event.date or 'undated'}, {r.event.place}: killed {r.old} -> {r.new} "
              f"({r.why}, {r.at})" for r in d.revised] or ["None."]
    lines += _table("By country", "country", d.totals, d.previous)
    lines += _table("By perpetrator type", "perpetrator type", d.by_perpetrator,
                    d.previous_by_perpetrator)
    lines += ["", "## Largest new events", ""]
    lines += [_event_md(e) for e in d.largest] or ["None."]
    return lines


def _html(lines: list[str], pictures: Sequence[Picture]) -> str:
    """The Markdown lines (of `_markdown`: headings, lists, tables, pictures) as HTML."""
    sized = {p.src: p for p in pictures}
    body: list[str] = []
    block: str | None = None  # "ul" or "table" while one is open
    header = False
    for line in lines:
        kind = "ul" if line.startswith("- ") else "table" if line.startswith("|") else None
        if block and kind != block:
            body.append(f"</{block}>")
            block = None
        if kind and block is None:
            body.append('<table cellpadding="4" border="1" style="border-collapse:collapse">'
                        if kind == "table" else "<ul>")
            block, header = kind, kind == "table"
        if line.startswith("# "):
            body.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line.startswith("## "):
            body.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif kind == "ul":
            body.append(f"<li>{html.escape(line[2:])}</li>")
        elif line.startswith("| ---"):
            continue
        elif kind == "table":
            tag = "th" if header else "td"
            header = False
            cells = "".join(f"<{tag}>{html.escape(c.strip())}</{tag}>"
                            for c in line.strip("|").split("|"))
            body.append(f"<tr>{cells}</tr>")
        elif line.startswith("![") and line[:-1].rsplit("](", 1)[-1] in sized:
            pic = sized[line[:-1].rsplit("](", 1)[-1]]
            body.append(f'<p><img src="{html.escape(pic.src)}" alt="{html.escape(pic.alt)}" '
                        f'width="{pic.width}" height="{pic.height}"></p>')
        elif line:
            body.append(f"<p>{html.escape(line)}</p>")
    if block:
        body.append(f"</{block}>")
    text = "\n".join(body)
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>tollwatch digest</title>'
            f"</head><body>\n{text}\n</body></html>\n")
