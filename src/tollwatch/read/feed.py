"""RSS and Atom feeds (feedparser): each entry becomes a report."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ..errors import InputError
from ..records import Report
from .decode import html_to_text
from .result import ReadResult, reject


def read_feed_bytes(
    data: bytes, *, name: str, origin: str, published: date | None = None
) -> Iterator[ReadResult]:
    """An RSS or Atom feed: each entry becomes a report (title, then summary or content)."""
    import feedparser  # imported here: only feeds need it

    if not data.strip():
        yield reject(name, origin, InputError(f"{name} is empty; give an RSS or Atom feed"))
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield reject(name, origin, InputError(
            f"{name} is not an RSS/Atom feed with entries{reason}; check the file"))
        return
    outlet = feed.feed.get("title")
    language = feed.feed.get("language")  # RSS <language>, Atom xml:lang of the feed
    for number, entry in enumerate(feed.entries, start=1):
        yield _feed_entry(entry, number, name, origin, published, outlet, language)


def _feed_entry(
    entry: Any, number: int, name: str, origin: str, published: date | None, outlet: str | None,
    language: str | None = None,
) -> ReadResult:
    report_id = str(entry.get("id") or entry.get("link") or f"{name}#{number}")
    where = f"{origin}#{number}"
    title = (entry.get("title") or "").strip()
    body_html = entry["content"][0].get("value", "") if entry.get("content") else ""
    body = html_to_text(body_html or entry.get("summary") or "", main_text=False).text.strip()
    if not title and not body:
        return reject(report_id, where, InputError(
            f"entry {number} of {name} has neither a title nor a text; nothing to read"))
    text = title if not body else body if body.startswith(title) else f"{title}\n\n{body}"
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    when = date(*parsed[:3]) if parsed else published
    detail = entry.get("title_detail") or entry.get("summary_detail") or {}
    report = Report(id=report_id, text=text, published=when, title=title or None,
                    url=entry.get("link"), outlet=outlet, origin=where,
                    language=detail.get("language") or language)
    return ReadResult(report)
