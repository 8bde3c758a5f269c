"""Watched sources, the articles met and their URLs (tables of 0008_sources).

    add_source(session, url, ...) / list_sources / remove_source / due_sources
    find_link / find_item_by_url / find_item_by_hash / recent_signatures

The watch loop (tollwatch.watch.loop) calls these inside the store's write
transactions; they never commit themselves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..errors import InputError
from .ingest_base import now
from .models import WatchItemRow, WatchLinkRow, WatchSourceRow

KINDS = ("rss", "atom", "html-index", "folder")
MAX_BACKOFF = timedelta(hours=6)  # a failing source is polled at least this often


def url_hash(url: str) -> str:
    """sha256 of a URL: the indexed identity of sources, items and links."""
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class SourceHealth:
    """A source as `tollwatch sources list` shows it."""

    id: int
    name: str
    url: str
    kind: str
    every_seconds: int
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    failures: int
    items_seen: int
    items_new: int
    next_due_at: datetime | None

    def as_dict(self) -> dict[str, object]:
        """JSON-friendly values (times in ISO 8601, UTC)."""
        out: dict[str, object] = {}
        for key, value in self.__dict__.items():
            out[key] = value.isoformat(timespec="seconds") if isinstance(value, datetime) else value
        return out


def add_source(
    session: Session, url: str, *, name: str | None = None, kind: str = "rss",
    every_seconds: int = 900, language: str | None = None,
) -> WatchSourceRow:
    """Add a source (due at once); an InputError when it is there already or the kind is unknown."""
    if kind not in KINDS:
        raise InputError(f"source kind {kind!r} is unknown; use one of {', '.join(KINDS)}")
    if every_seconds < 1:
        raise InputError(f"--every must be at least 1 second (got {every_seconds})")
    digest = url_hash(url)
    if session.scalar(select(WatchSourceRow.id).where(WatchSourceRow.url_hash == digest)):
        raise InputError(f"{url} is a source already; `tollwatch sources list` shows it")
    row = WatchSourceRow(
        url_hash=digest, url=url, name=name or url, kind=kind, every_seconds=every_seconds,
        language=language, failures=0, items_seen=0, items_new=0, created_at=now(),
        next_due_at=None,
    )
    session.add(row)
    session.flush()
    return row


def find_source(session: Session, ref: str) -> WatchSourceRow:
    """A source by id, URL or name; an InputError naming `sources list` when none is."""
    query = select(WatchSourceRow).where(
        or_(WatchSourceRow.url_hash == url_hash(ref), WatchSourceRow.name == ref)
    )
    if ref.isdigit():
        query = select(WatchSourceRow).where(WatchSourceRow.id == int(ref))
    row = session.scalars(query.order_by(WatchSourceRow.id)).first()
    if row is None:
        raise InputError(f"no source {ref!r}; `tollwatch sources list` shows the sources")
    return row


def remove_source(session: Session, ref: str) -> WatchSourceRow:
    """Remove a source (its stored reports and items stay)."""
    row = find_source(session, ref)
    session.delete(row)
    return row


def health(row: WatchSourceRow) -> SourceHealth:
    """The health of one source."""
    return SourceHealth(
        row.id, row.name, row.url, row.kind, row.every_seconds, row.last_success_at,
        row.last_error, row.last_error_at, row.failures, row.items_seen, row.items_new,
        row.next_due_at,
    )


def list_sources(session: Session) -> list[SourceHealth]:
    """Every source with its health, oldest first."""
    rows = session.scalars(select(WatchSourceRow).order_by(WatchSourceRow.id))
    return [health(r) for r in rows]


def due_sources(session: Session, at: datetime) -> list[WatchSourceRow]:
    """Sources whose next poll time has come (never polled: due at once)."""
    query = select(WatchSourceRow).where(
        or_(WatchSourceRow.next_due_at.is_(None), WatchSourceRow.next_due_at <= at)
    )
    return list(session.scalars(query.order_by(WatchSourceRow.id)))


def next_delay(every_seconds: int, failures: int) -> timedelta:
    """When to poll again: the source's period, doubled per consecutive failure
    (capped at MAX_BACKOFF, never below the period)."""
    period = timedelta(seconds=every_seconds)
    if failures <= 0:
        return period
    return max(period, min(period * (2 ** min(failures, 20)), MAX_BACKOFF))


def record_success(row: WatchSourceRow, at: datetime, seen: int, new: int) -> None:
    """A poll that reached the source (problems with single items are not failures)."""
    row.last_polled_at = row.last_success_at = at
    row.failures = 0
    row.items_seen += seen
    row.items_new += new
    row.next_due_at = at + next_delay(row.every_seconds, 0)


def record_failure(row: WatchSourceRow, at: datetime, error: str) -> None:
    """A poll that failed: the error kept, the source backed off."""
    row.last_polled_at = row.last_error_at = at
    row.last_error = error
    row.failures += 1
    row.next_due_at = at + next_delay(row.every_seconds, row.failures)


def find_link(session: Session, url: str) -> WatchLinkRow | None:
    """The link row of a normalised URL, if the loop met it."""
    return session.get(WatchLinkRow, url_hash(url))


def find_item_by_url(session: Session, url: str) -> WatchItemRow | None:
    """The item under a canonical URL, or the item a known link leads to."""
    digest = url_hash(url)
    item = session.scalars(select(WatchItemRow).where(WatchItemRow.url_hash == digest)).first()
    if item is not None:
        return item
    link = session.get(WatchLinkRow, digest)
    return session.get(WatchItemRow, link.item_id) if link and link.item_id else None


def find_item_by_hash(session: Session, content: str) -> WatchItemRow | None:
    """The item whose stored text has this content hash."""
    query = select(WatchItemRow).where(WatchItemRow.content_hash == content)
    return session.scalars(query.order_by(WatchItemRow.id)).first()


def recent_signatures(
    session: Session, since: datetime, limit: int = 20000
) -> Sequence[tuple[int, str]]:
    """(item id, MinHash signature) of the items last seen since `since`, newest first."""
    query = (
        select(WatchItemRow.id, WatchItemRow.minhash)
        .where(WatchItemRow.last_seen_at >= since)
        .order_by(WatchItemRow.last_seen_at.desc())
        .limit(limit)
    )
    return [(int(i), str(m)) for i, m in session.execute(query)]


def link(
    session: Session, url: str, item_id: int | None, source_id: int | None,
    entry_hash: str | None, note: str | None = None,
) -> None:
    """Record (or update) that `url` leads to `item_id` (None: not an article)."""
    row = session.get(WatchLinkRow, url_hash(url))
    if row is None:
        row = WatchLinkRow(url_hash=url_hash(url), url=url)
        session.add(row)
    row.item_id, row.source_id, row.entry_hash, row.note = item_id, source_id, entry_hash, note
    row.seen_at = now()


def new_item(
    session: Session, *, url: str, report_key: str, content: str, minhash: str,
    title: str | None, published: date | None, source_id: int | None,
) -> WatchItemRow:
    """Record a new article (flushed, so it has an id)."""
    stamp = now()
    row = WatchItemRow(
        url_hash=url_hash(url), url=url, report_key=report_key, content_hash=content,
        minhash=minhash, title=title, published=published, versions=1, source_id=source_id,
        first_seen_at=stamp, last_seen_at=stamp,
    )
    session.add(row)
    session.flush()
    return row


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_period(value: str) -> int:
    """Seconds in a period written as 90, 90s, 15m, 2h, 1d or 1w.

    >>> parse_period("15m")
    900
    """
    raw = value.strip().lower()
    unit = raw[-1:] if raw[-1:] in _UNITS else "s"
    number = raw[:-1] if raw[-1:] in _UNITS else raw
    try:
        seconds = int(float(number) * _UNITS[unit])
    except ValueError as err:
        raise InputError(
            f"period {value!r} is not understood; write a number with s, m, h, d or w "
            "(15m, 2h, 1d)") from err
    if seconds < 1:
        raise InputError(f"period {value!r} is shorter than a second; give 1s or more")
    return seconds
