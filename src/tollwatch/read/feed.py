"""RSS and Atom feeds (feedparser): each entry becomes a report."""

from __future__ import annotations

import re
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
    language = feed.feed.get("language")  # RSS <language>, Atom xml:lang of the feed
    link = feed.feed.get("link")
    scope = link if isinstance(link, str) and is_global_id(link) else source
    broken = _malformed(feed)
    complete = _closed_entries(data) if broken else len(feed.entries)
    for number, entry in enumerate(feed.entries, start=1):
        result = _feed_entry(entry, number, name, origin, published, outlet, (scope, source),
                             language)
        if broken and number > complete:
            item = result.item
            result = reject(item.id, f"{origin}#{number}", InputError(
                f"entry {number} of {name} is cut off: the feed ends before the entry does "
                f"({broken}), so its text is incomplete; fetch the feed again"),
                key=item.key)
        elif broken and number == 1:
            result = ReadResult(result.item, (*result.warnings, (
                f"{name} is not well-formed XML ({broken}); its entries were read leniently: "
                f"{complete} complete, {len(feed.entries) - complete} cut off")))
        yield result


_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>")


def _malformed(feed: Any) -> str | None:
    """What is wrong with a feed's XML, or None (a mislabelled encoding is not wrong)."""
    error = feed.get("bozo_exception") if feed.get("bozo") else None
    if error is None or type(error).__name__ in {"CharacterEncodingOverride",
                                                 "NonXMLContentType"}:
        return None
    where = getattr(error, "getLineNumber", None)
    at = f" at line {where()}" if callable(where) else ""
    return f"{error.__class__.__name__}: {getattr(error, 'getMessage', lambda: error)()}{at}"


def _closed_entries(data: bytes) -> int:
    """How many entries of a malformed feed end with their closing tag."""
    return len(_ENTRY_END.findall(data))


def _feed_entry(
    entry: Any, number: int, name: str, origin: str, published: date | None, outlet: str | None,
    scopes: tuple[str | None, str | None],
    language: str | None = None,
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
    detail = entry.get("title_detail") or entry.get("summary_detail") or {}
    report = Report(id=report_id, text=text, published=when, title=title or None,
                    url=entry.get("link"), outlet=outlet, origin=where, key=key,
                    language=detail.get("language") or language)
    return ReadResult(report)
