"""A source's listing -> entries: the articles it links to (RSS/Atom, HTML index)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..read.decode import decode_bytes, html_to_text
from ..read.feed import _closed_entries, _malformed
from .dedupe import normalise_url

_ASSETS = (".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".pdf", ".xml",
           ".rss", ".zip", ".mp3", ".mp4", ".webp", ".woff", ".woff2", ".json")


@dataclass(frozen=True)
class Entry:
    """One article a listing links to. `fingerprint` changes when the entry does
    (new title, summary or update time): then the article is fetched again."""

    url: str
    title: str | None = None
    published: date | None = None
    summary: str = ""
    fingerprint: str = ""


@dataclass(frozen=True)
class Listing:
    """The entries of one poll, and what was wrong with the listing (if anything)."""

    entries: tuple[Entry, ...]
    problems: tuple[str, ...] = ()


def read_listing(kind: str, body: bytes, url: str, charset: str | None = None) -> Listing:
    """Entries of a feed (`rss`, `atom`) or an HTML index page (`html-index`)."""
    if kind == "html-index":
        return index_entries(body, url, charset)
    return feed_entries(body, url)


def _fingerprint(*parts: object) -> str:
    joined = "\x00".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def feed_entries(body: bytes, url: str) -> Listing:
    """The entries of an RSS or Atom feed; a cut-off feed keeps its complete entries."""
    import feedparser

    if not body.strip():
        raise InputError(f"{url} answered an empty feed; check that the URL is the feed's")
    feed = feedparser.parse(body)
    if not feed.entries and feed.get("version") and not feed.get("bozo"):
        return Listing(())  # a feed with no entry yet
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise InputError(f"{url} is not an RSS/Atom feed with entries{reason}; check the URL")
    broken = _malformed(feed)
    complete = _closed_entries(body) if broken else len(feed.entries)
    entries = [e for e in (_entry(raw, url) for raw in feed.entries[:complete]) if e is not None]
    problems: tuple[str, ...] = ()
    if broken:
        problems = (f"the feed is not well-formed XML ({broken}): {complete} complete "
                    f"entries read, {len(feed.entries) - complete} cut off",)
    return Listing(tuple(entries), problems)


def _entry(raw: Any, base: str) -> Entry | None:
    link = raw.get("link") or (raw.get("id") if str(raw.get("id", "")).startswith("http") else None)
    if not link:
        return None
    parsed = raw.get("published_parsed") or raw.get("updated_parsed")
    when = date(*parsed[:3]) if parsed else None
    summary_html = raw["content"][0].get("value", "") if raw.get("content") else ""
    summary = html_to_text(summary_html or raw.get("summary") or "", main_text=False).text
    title = (raw.get("title") or "").strip() or None
    url = normalise_url(urljoin(base, link))
    return Entry(url, title, when, summary.strip(),
                 _fingerprint(url, title, summary, raw.get("updated") or raw.get("published")))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None


def index_entries(body: bytes, url: str, charset: str | None = None) -> Listing:
    """Links of an index page that look like articles: same site, not the page
    itself, not an asset, a path of its own (not the home page or a bare section)."""
    html = body.decode(charset, "replace") if charset else decode_bytes(body, url)[0]
    parser = _Links()
    parser.feed(html)
    here = normalise_url(url)
    site = urlsplit(here).netloc
    seen: dict[str, Entry] = {}
    for href, text in parser.links:
        target = normalise_url(urljoin(url, href))
        parts = urlsplit(target)
        if (parts.scheme not in ("http", "https") or parts.netloc != site or target == here
                or parts.path.lower().endswith(_ASSETS) or not _article_path(parts.path)):
            continue
        seen.setdefault(target, Entry(target, text or None, None, "", _fingerprint(target)))
    if not seen:
        return Listing((), (f"{url} links to no article of its own site",))
    return Listing(tuple(seen.values()))


def _article_path(path: str) -> bool:
    """A path that names one page: two segments or more, or one with a dash or digit."""
    segments = [s for s in path.split("/") if s]
    if not segments:
        return False
    return len(segments) >= 2 or any(c.isdigit() or c == "-" for c in segments[-1])
