"""RSS and Atom feeds (feedparser): each entry becomes a report."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ..errors import InputError
from ..records import Report
from .decode import html_to_text
from .keys import is_global_id, record_key
from .result import ReadResult, reject


def read_feed_bytes(
    data: bytes, *, name: str, origin: str, published: date | None = None,
    source: str | None = None,
) -> Iterator[ReadResult]:
    """An RSS or Atom feed: each entry becomes a report (title, then summary or content).

    An entry's id is its guid (else its link); its key (read/keys.py) is that id when
    it is a URI, else the id under the feed's own link (else under `source`, the file)."""
    import feedparser  # imported here: only feeds need it

    if not data.strip():
        yield reject(name, origin, InputError(f"{name} is empty; give an RSS or Atom feed"),
                     key=source)
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield reject(name, origin, InputError(
            f"{name} is not an RSS/Atom feed with entries{reason}; check the file"), key=source)
        return
    outlet = feed.feed.get("title")
    link = feed.feed.get("link")
    scope = link if isinstance(link, str) and is_global_id(link) else source
    for number, entry in enumerate(feed.entries, start=1):
        yield _feed_entry(entry, number, name, origin, published, outlet, (scope, source))


def _feed_entry(
    entry: Any, number: int, name: str, origin: str, published: date | None, outlet: str | None,
    scopes: tuple[str | None, str | None],
) -> ReadResult:
    scope, source = scopes
    guid = entry.get("id") or entry.get("link")
    report_id = str(guid or f"{name}#{number}")
    # Entries with neither a guid nor a link are numbered: only the file tells them apart.
    key = record_key(scope if guid else source, report_id)
    where = f"{origin}#{number}"
    title = (entry.get("title") or "").strip()
    body_html = entry["content"][0].get("value", "") if entry.get("content") else ""
    body = html_to_text(body_html or entry.get("summary") or "", main_text=False).text.strip()
    if not title and not body:
        return reject(report_id, where, InputError(
            f"entry {number} of {name} has neither a title nor a text; nothing to read"), key=key)
    text = title if not body else body if body.startswith(title) else f"{title}\n\n{body}"
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    when = date(*parsed[:3]) if parsed else published
    report = Report(id=report_id, text=text, published=when, title=title or None,
                    url=entry.get("link"), outlet=outlet, origin=where, key=key)
    return ReadResult(report)
