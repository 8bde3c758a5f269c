"""Reading reports: JSON Lines, plain text, HTML, RSS/Atom feeds and folders of these.

    paths -> files (folders walked in sorted order) -> bytes -> text -> Report | Rejection

A file or record that cannot be used becomes a `Rejection` whose `error` names the
file, the line and the fix; reading goes on with the next one. Encoding problems
that could be repaired (latin-1, UTF-16 with a BOM) give a warning, not an error.
Formats, encodings and messages are documented in docs/input.md.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .errors import EncodingError, InputError, RecordError
from .records import Rejection, Report
from .settings import Settings

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
KNOWN_SUFFIXES = JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
JSONL_HINT = 'each line must be one JSON object with "id" and "text"'


@dataclass(frozen=True)
class ReadResult:
    """One read item (a report or a rejection) and the warnings raised while reading it."""

    item: Report | Rejection
    warnings: tuple[str, ...] = ()


def read_paths(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    settings: Settings | None = None,
    on_warning: Callable[[Report | Rejection, str], None] | None = None,
) -> Iterator[Report | Rejection]:
    """Read every report in `paths` (files or folders), in order.

    `published` is the date given to reports that carry none (text and HTML files,
    JSONL records without "published", feed entries without a date). Warnings (an
    encoding guessed, a bad "published" value) go to `on_warning`.

    >>> [r.id for r in read_paths(["examples/reports.jsonl"])][:1]  # doctest: +SKIP
    ['ex-monitor']
    """
    for result in read_results(paths, published=published, settings=settings):
        if on_warning is not None:
            for message in result.warnings:
                on_warning(result.item, message)
        yield result.item


def read_results(
    paths: Iterable[str | Path], *, published: date | None = None, settings: Settings | None = None
) -> Iterator[ReadResult]:
    """Like `read_paths`, but each item comes with its reading warnings."""
    for path in paths:
        yield from _read_path(Path(path), published)


def _read_path(path: Path, published: date | None) -> Iterator[ReadResult]:
    if path.is_dir():
        found = False
        for file, name in iter_folder(path):
            found = True
            yield from read_file(file, published=published, name=name)
        if not found:
            yield _reject(
                path.name or str(path), str(path),
                InputError(f"folder {path} holds no report files ({_suffix_list()}); "
                           "check the path or the file extensions"),
            )
    elif path.is_file():
        yield from read_file(path, published=published)
    else:
        yield _reject(
            path.name or str(path), str(path),
            InputError(f"{path} does not exist; check the path (give files or folders of "
                       "JSON Lines, text, HTML or RSS/Atom)"),
        )


def _suffix_list() -> str:
    return " ".join(sorted(KNOWN_SUFFIXES))


def iter_folder(root: Path) -> Iterator[tuple[Path, str]]:
    """Report files under `root`, sorted, recursive; hidden files and folders skipped.

    Yields (path, name) where name is the path relative to `root` (the report id of
    text and HTML files).
    """
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(
            Path(folder) / name for name in filenames
            if not name.startswith(".") and Path(name).suffix.lower() in KNOWN_SUFFIXES
        )
    for file in sorted(found, key=lambda p: p.relative_to(root).parts):
        yield file, file.relative_to(root).as_posix()


def read_file(path: Path, *, published: date | None = None, name: str | None = None) -> Iterator[
    ReadResult
]:
    """Read one file of any supported format (chosen by extension, else by content)."""
    name = name or path.name
    try:
        kind = detect_format(path)
    except OSError as err:
        yield _reject(name, str(path), InputError(f"{path} cannot be read: {err.strerror}"))
        return
    if kind == "jsonl":
        yield from read_jsonl(path, published=published, name=name)
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield _reject(name, str(path), InputError(f"{path} cannot be read: {err.strerror}"))
        return
    reader = {"feed": read_feed_bytes, "html": read_html_bytes}.get(kind, read_text_bytes)
    yield from reader(data, name=name, origin=str(path), published=published)


def detect_format(path: Path) -> str:
    """"jsonl", "text", "html" or "feed", from the extension or the first bytes."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    with path.open("rb") as handle:
        head = handle.read(2048).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "feed" if suffix in FEED_SUFFIXES else "text"


def _reject(report_id: str, origin: str, err: InputError) -> ReadResult:
    return ReadResult(Rejection(id=report_id, origin=origin, error=str(err)))


def read_text_bytes(
    data: bytes, *, name: str, origin: str, published: date | None = None
) -> Iterator[ReadResult]:
    """A plain-text report: id = file name, text = the decoded file."""
    try:
        text, warnings = _decode_nonempty(data, name)
    except InputError as err:
        yield _reject(name, origin, err)
        return
    yield ReadResult(Report(id=name, text=text, published=published, origin=origin), warnings)


def _decode_nonempty(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    if not data.strip():
        raise InputError(f"{name} is empty; give a file with the report's text")
    text, warning = decode_bytes(data, name)
    if not text.strip():
        raise InputError(f"{name} holds only whitespace; give a file with the report's text")
    return text, (warning,) if warning else ()


def read_html_bytes(
    data: bytes, *, name: str, origin: str, published: date | None = None
) -> Iterator[ReadResult]:
    """An HTML page: the main text (through trafilatura), its title and date if found."""
    try:
        html, warnings = _decode_nonempty(data, name)
        page = html_to_text(html, main_text=True)
    except InputError as err:
        yield _reject(name, origin, err)
        return
    if not page.text.strip():
        yield _reject(name, origin, InputError(
            f"{name}: no main text found in the HTML page; save the article page itself, "
            "or give its text as a .txt file"))
        return
    when = published or _parse_date(page.date)
    yield ReadResult(
        Report(id=name, text=page.text, published=when, title=page.title, origin=origin),
        warnings + page.warnings,
    )


def read_feed_bytes(
    data: bytes, *, name: str, origin: str, published: date | None = None
) -> Iterator[ReadResult]:
    """An RSS or Atom feed: each entry becomes a report (title, then summary or content)."""
    import feedparser  # imported here: only feeds need it

    if not data.strip():
        yield _reject(name, origin, InputError(f"{name} is empty; give an RSS or Atom feed"))
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield _reject(name, origin, InputError(
            f"{name} is not an RSS/Atom feed with entries{reason}; check the file"))
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        yield _feed_entry(entry, number, name, origin, published, outlet)


def _feed_entry(
    entry: Any, number: int, name: str, origin: str, published: date | None, outlet: str | None
) -> ReadResult:
    report_id = str(entry.get("id") or entry.get("link") or f"{name}#{number}")
    where = f"{origin}#{number}"
    title = (entry.get("title") or "").strip()
    body_html = entry["content"][0].get("value", "") if entry.get("content") else ""
    body = html_to_text(body_html or entry.get("summary") or "", main_text=False).text.strip()
    if not title and not body:
        return _reject(report_id, where, InputError(
            f"entry {number} of {name} has neither a title nor a text; nothing to read"))
    text = title if not body else body if body.startswith(title) else f"{title}\n\n{body}"
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    when = date(*parsed[:3]) if parsed else published
    report = Report(id=report_id, text=text, published=when, title=title or None,
                    url=entry.get("link"), outlet=outlet, origin=where)
    return ReadResult(report)


def read_jsonl(path: Path, *, published: date | None = None, name: str | None = None) -> Iterator[
    ReadResult
]:
    """JSON Lines: one report per line; blank lines skipped; bad lines become rejections."""
    name = name or path.name
    try:
        data = path.read_bytes()
    except OSError as err:
        yield _reject(name, str(path), InputError(f"{path} cannot be read: {err.strerror}"))
        return
    try:
        text, warnings = _decode_nonempty(data, name)
    except InputError as err:
        yield _reject(name, str(path), err)
        return
    first = True
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            result = parse_jsonl_line(line, number, name=name, origin=str(path),
                                      published=published)
            extra = warnings if first else ()
            yield ReadResult(result.item, extra + result.warnings)
            first = False


def parse_jsonl_line(
    line: str, number: int, *, name: str, origin: str, published: date | None = None
) -> ReadResult:
    """Parse line `number` of JSONL file `name` into a Report, or a Rejection saying why not."""
    where = f"{origin}:{number}"
    fallback_id = f"{name}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return _reject(fallback_id, where, RecordError(
            f"line {number} of {name} is not JSON: {err.msg} (column {err.colno}); {JSONL_HINT}"))
    if not isinstance(record, dict):
        return _reject(fallback_id, where, RecordError(
            f"line {number} of {name} is a JSON {type(record).__name__}, not an object; "
            f"{JSONL_HINT}"))
    try:
        return _record_report(record, number, name=name, where=where, published=published)
    except RecordError as err:
        report_id = record.get("id")
        return _reject(str(report_id) if _usable_id(report_id) else fallback_id, where, err)


def _usable_id(value: Any) -> bool:
    return (isinstance(value, str) and value.strip() != "") or (
        isinstance(value, int) and not isinstance(value, bool)
    )


def _record_report(
    record: dict[str, Any], number: int, *, name: str, where: str, published: date | None
) -> ReadResult:
    at = f"line {number} of {name}"
    if "id" not in record or record["id"] is None:
        raise RecordError(f'{at} has no "id"; {JSONL_HINT}')
    if not _usable_id(record["id"]):
        raise RecordError(f'{at}: "id" must be a non-empty string or a number; {JSONL_HINT}')
    if "text" not in record or record["text"] is None:
        raise RecordError(f'{at} has no "text"; {JSONL_HINT}')
    if not isinstance(record["text"], str):
        raise RecordError(f'{at}: "text" must be a string; {JSONL_HINT}')
    warnings: list[str] = []
    when = published
    if record.get("published") not in (None, ""):
        when = _parse_date(record["published"])
        if when is None:
            instead = (
                f"using --published {published.isoformat()}" if published
                else "relative dates in this report stay unresolved"
            )
            warnings.append(
                f'{at}: "published" {record["published"]!r} is not a date (use YYYY-MM-DD); '
                + instead
            )
            when = published
    report = Report(
        id=str(record["id"]), text=record["text"], published=when,
        title=_optional_str(record.get("title")), url=_optional_str(record.get("url")),
        outlet=_optional_str(record.get("outlet")), origin=where,
    )
    return ReadResult(report, tuple(warnings))


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _parse_date(value: Any) -> date | None:
    """An ISO date or datetime ("2019-04-13", "2019-04-13T10:00:00Z"), else None."""
    if not isinstance(value, str):
        return None
    raw = value.strip()
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def parse_published(value: str) -> date:
    """Parse a --published value (YYYY-MM-DD); raise InputError saying what to give."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError as err:
        raise InputError(
            f"--published {value!r} is not a date; give it as YYYY-MM-DD, e.g. 2019-04-13"
        ) from err


# --- bytes to text ---------------------------------------------------------------------

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Characters a Western-European text decoded as cp1252 plausibly holds beyond ASCII.
_PLAUSIBLE_CP1252 = re.compile(r"[\u00a0-\u00ff‘’“”–—…€•]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SAMPLE = 256 * 1024


def decode_bytes(data: bytes, name: str) -> tuple[str, str | None]:
    """Decode a file's bytes; return the text and a warning when it was not plain UTF-8.

    Order: a byte-order mark (UTF-8/16/32), UTF-8, UTF-16 without a mark, then a
    Western cp1252 reading when it looks right, then charset-normalizer's guess.
    Raise EncodingError for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            note = None if encoding == "utf-8-sig" else _encoding_note(name, encoding.upper())
            return text, note
    if b"\x00" in data[:_SAMPLE]:
        return _decode_with_nuls(data, name)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    western = _decode_cp1252(data)
    if western is not None:
        text, encoding = western, "cp1252 (Windows Latin-1)"
    else:
        text, encoding = _guess_encoding(data, name)
    if _looks_binary(text):
        raise EncodingError(_binary_message(name))
    return text, _encoding_note(name, encoding)


def _encoding_note(name: str, encoding: str) -> str:
    return f"{name} is not UTF-8; read it as {encoding} (save it as UTF-8 to silence this warning)"


def _binary_message(name: str) -> str:
    return (f"{name} looks like a binary file, not text; give JSON Lines, plain-text, HTML "
            "or RSS/Atom files (UTF-8 preferred)")


def _decode_with_nuls(data: bytes, name: str) -> tuple[str, str | None]:
    """NUL bytes: UTF-16 without a byte-order mark (every other byte zero), else binary."""
    sample = data[: min(len(data), _SAMPLE) // 2 * 2]
    even_zero = sample[0::2].count(0) / max(1, len(sample) // 2)
    odd_zero = sample[1::2].count(0) / max(1, len(sample) // 2)
    encoding = "utf-16-le" if odd_zero > 0.3 > even_zero else (
        "utf-16-be" if even_zero > 0.3 > odd_zero else None)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = None
        if text is not None and not _looks_binary(text):
            return text, _encoding_note(name, encoding.upper())
    raise EncodingError(_binary_message(name))


def _decode_cp1252(data: bytes) -> str | None:
    """The cp1252 reading when it looks like Western-European text.

    Such text is mostly ASCII, with few accented letters or typographic quotes; a
    Cyrillic or Greek text read as cp1252 is nearly all accented letters instead.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    sample = text[:_SAMPLE]
    extra = sum(1 for c in sample if ord(c) > 127)
    plausible = len(_PLAUSIBLE_CP1252.findall(sample))
    letters = sum(1 for c in sample if c.isalpha())
    return text if extra and plausible == extra and extra <= 0.2 * letters else None


def _guess_encoding(data: bytes, name: str) -> tuple[str, str]:
    """charset-normalizer's best guess, from a sample; EncodingError when it has none."""
    from charset_normalizer import from_bytes  # imported here: most input is UTF-8

    best = from_bytes(data[:_SAMPLE]).best()
    if best is None:
        raise EncodingError(_binary_message(name))
    return data.decode(best.encoding, errors="replace"), best.encoding


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


# --- HTML to text ----------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """Text taken from HTML, with the page's title and date when found."""

    text: str
    title: str | None = None
    date: str | None = None
    warnings: tuple[str, ...] = ()


class _TextParser(HTMLParser):
    """All visible text of an HTML fragment; block elements become new lines."""

    _BLOCKS = frozenset(
        ["p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
         "table", "section", "article", "header", "footer", "blockquote", "pre"]
    )
    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)


def simple_html_text(html: str) -> str:
    """Visible text of HTML with the standard library (feed snippets, fallback)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return parser.text()


def html_to_text(html: str, *, main_text: bool = True) -> Page:
    """Text of an HTML page (main text through trafilatura) or of a fragment (all text)."""
    if not main_text or "<" not in html:
        return Page(simple_html_text(html) if "<" in html else html.strip())
    try:
        import trafilatura  # imported here: loading it takes a while
    except ImportError as err:  # e.g. lxml_html_clean missing
        note = f"trafilatura is not usable ({err}); took all text of the page instead"
        return Page(simple_html_text(html), warnings=(note,))
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = (getattr(doc, "text", None) or "").strip()
    if not text:
        note = "trafilatura found no main text; took all text of the page instead"
        return Page(simple_html_text(html), warnings=(note,))
    title = (getattr(doc, "title", None) or "").strip() or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Page(text, title=title, date=getattr(doc, "date", None))


__all__ = [
    "Page",
    "ReadResult",
    "decode_bytes",
    "detect_format",
    "html_to_text",
    "iter_folder",
    "parse_jsonl_line",
    "parse_published",
    "read_file",
    "read_paths",
    "read_results",
]
