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
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from .errors import EncodingError, InputError, RecordError
from .reader_text import (
    SAMPLE_BYTES,
    Page,
    binary_message,
    decode_bytes,
    html_to_text,
    simple_html_text,
)
from .records import Rejection, Report
from .settings import Settings

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
KNOWN_SUFFIXES = JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
# Read in folders: .json is left out there (manifests, configs); name such files explicitly.
FOLDER_SUFFIXES = KNOWN_SUFFIXES - {".json"}
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
    ['ex-01-monitor']
    """
    for result in read_results(paths, published=published, settings=settings):
        if on_warning is not None:
            for message in result.warnings:
                on_warning(result.item, message)
        yield result.item


def read_results(
    paths: Iterable[str | Path], *, published: date | None = None, settings: Settings | None = None
) -> Iterator[ReadResult]:
    """Like `read_paths`, but each item comes with its reading warnings.

    `settings` is taken as every stage takes it; no reading rule depends on it yet
    (long texts are cut later, by the pipeline, at `max_report_chars`).
    """
    for path in paths:
        yield from _read_path(Path(path), published)


def _read_path(path: Path, published: date | None) -> Iterator[ReadResult]:
    if str(path) == "-":
        yield from read_stdin(sys.stdin.buffer.read(), published=published)
    elif path.is_dir():
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
    return " ".join(sorted(FOLDER_SUFFIXES))


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
            if not name.startswith(".") and Path(name).suffix.lower() in FOLDER_SUFFIXES
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
        if kind == "jsonl":
            yield from read_jsonl(path, published=published, name=name)
            return
        data = path.read_bytes()
    except OSError as err:
        yield _reject(name, str(path), InputError(f"{path} cannot be read: {err.strerror}"))
        return
    yield from read_bytes(data, kind, name=name, origin=str(path), published=published)


def read_bytes(
    data: bytes, kind: str, *, name: str, origin: str, published: date | None = None
) -> Iterator[ReadResult]:
    """Read content already in memory as `kind` ("jsonl", "text", "html", "feed")."""
    reader = {"feed": read_feed_bytes, "html": read_html_bytes, "jsonl": read_jsonl_bytes}.get(
        kind, read_text_bytes
    )
    yield from reader(data, name=name, origin=origin, published=published)


def read_stdin(data: bytes, *, published: date | None = None) -> Iterator[ReadResult]:
    """Standard input (the path "-"): JSON Lines, or a feed, HTML or text by content."""
    yield from read_bytes(data, sniff_format(data[:2048]), name="stdin", origin="stdin",
                          published=published)


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
        head = handle.read(2048)
    return sniff_format(head, default="feed" if suffix in FEED_SUFFIXES else "text")


def sniff_format(head: bytes, default: str = "text") -> str:
    """The format of content that has no telling extension, from its first bytes."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in start:
        return "html"
    if start.startswith((b"{", b"[")):
        return "jsonl"
    return default


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
        with path.open("rb") as handle:
            yield from read_jsonl_stream(handle, name=name, origin=str(path),
                                         published=published, suffix=path.suffix.lower())
    except OSError as err:
        yield _reject(name, str(path), InputError(f"{path} cannot be read: {err.strerror}"))


def read_jsonl_stream(
    handle: IO[bytes], *, name: str, origin: str, published: date | None = None,
    suffix: str = ".jsonl",
) -> Iterator[ReadResult]:
    """JSON Lines read line by line, so a file of any size is read in constant memory.

    A line that is not UTF-8 is decoded as `decode_bytes` would (with one warning for
    the file). UTF-16/32 files and .json files holding one JSON document are read whole.
    """
    head = handle.read(SAMPLE_BYTES)
    if _read_whole(head, suffix):
        data = head + handle.read()
        yield from read_jsonl_bytes(data, name=name, origin=origin, published=published,
                                    document=suffix == ".json")
        return
    if _binary_head(head, name):
        yield _reject(name, origin, EncodingError(binary_message(name)))
        return
    handle.seek(0)
    warned = seen = False
    for number, raw in enumerate(handle, start=1):
        raw = raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw
        if not raw.strip():
            continue
        seen = True
        try:
            line, note = raw.decode("utf-8"), None
        except UnicodeDecodeError:
            try:
                line, note = decode_bytes(raw, name)
            except EncodingError as err:
                yield _reject(name, origin, err)
                return
        result = parse_jsonl_line(line, number, name=name, origin=origin, published=published)
        notes = (note,) if note and not warned else ()
        warned = warned or bool(note)
        yield ReadResult(result.item, notes + result.warnings)
    if not seen:
        yield _reject(name, origin, InputError(f"{name} is empty; give a file with the reports"))


def _binary_head(head: bytes, name: str) -> bool:
    """Is the start of a file binary? (Checked once, not line by line.)"""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 4:  # more than a character cut at the end of the sample
            try:
                decode_bytes(head, name)
            except EncodingError:
                return True
    return False


def _read_whole(head: bytes, suffix: str) -> bool:
    """Must this JSONL/JSON file be read whole rather than line by line?"""
    if b"\x00" in head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16/32 (or binary: decode_bytes says so)
    if suffix != ".json":
        return False
    first = head.removeprefix(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0]
    try:
        json.loads(first)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return True  # a pretty-printed document or an array spread over lines
    return first.startswith(b"[")


def read_jsonl_bytes(
    data: bytes, *, name: str, origin: str, published: date | None = None, document: bool = True
) -> Iterator[ReadResult]:
    """JSON Lines (or, with `document`, one JSON array or object) already in memory."""
    try:
        text, warnings = _decode_nonempty(data, name)
    except InputError as err:
        yield _reject(name, origin, err)
        return
    records = _json_document(text) if document else None
    results = (
        _json_items(records, name=name, origin=origin, published=published)
        if records is not None
        else _jsonl_lines(text, name=name, origin=origin, published=published)
    )
    for number, result in enumerate(results):
        yield ReadResult(result.item, (warnings if number == 0 else ()) + result.warnings)


def _jsonl_lines(
    text: str, *, name: str, origin: str, published: date | None
) -> Iterator[ReadResult]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield parse_jsonl_line(line, number, name=name, origin=origin, published=published)


def _json_document(text: str) -> list[Any] | None:
    """A .json file holding one JSON array of records (or one pretty-printed record)."""
    if "\n" not in text.strip() and not text.lstrip().startswith("["):
        return None  # one line: read it as JSON Lines
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        return None
    if isinstance(document, list):
        return document
    return [document] if isinstance(document, dict) else None


def _json_items(
    items: list[Any], *, name: str, origin: str, published: date | None
) -> Iterator[ReadResult]:
    for number, record in enumerate(items, start=1):
        label = f"item {number} of {name}"
        yield parse_record(record, label=label, fallback_id=f"{name}[{number}]",
                           where=f"{origin}[{number}]", published=published)


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
    return parse_record(record, label=f"line {number} of {name}", fallback_id=fallback_id,
                        where=where, published=published)


def parse_record(
    record: Any, *, label: str, fallback_id: str, where: str, published: date | None = None
) -> ReadResult:
    """Turn one decoded JSON value into a Report, or a Rejection whose message starts with
    `label` ("line 12 of reports.jsonl")."""
    if not isinstance(record, dict):
        kind = {"list": "list", "str": "string", "int": "number", "float": "number",
                "bool": "boolean", "NoneType": "null"}.get(type(record).__name__, "value")
        return _reject(fallback_id, where, RecordError(
            f"{label} is a JSON {kind}, not an object; {JSONL_HINT}"))
    try:
        return _record_report(record, label=label, where=where, published=published)
    except RecordError as err:
        report_id = record.get("id")
        return _reject(str(report_id) if _usable_id(report_id) else fallback_id, where, err)


def _usable_id(value: Any) -> bool:
    return (isinstance(value, str) and value.strip() != "") or (
        isinstance(value, int) and not isinstance(value, bool)
    )


def _record_report(
    record: dict[str, Any], *, label: str, where: str, published: date | None
) -> ReadResult:
    at = label
    if "id" not in record or record["id"] is None:
        raise RecordError(f'{at} has no "id"; {JSONL_HINT}')
    if not _usable_id(record["id"]):
        raise RecordError(f'{at}: "id" must be a non-empty string or a number; {JSONL_HINT}')
    if "text" not in record or record["text"] is None:
        raise RecordError(f'{at} has no "text"; {JSONL_HINT}')
    if not isinstance(record["text"], str):
        raise RecordError(f'{at}: "text" must be a string; {JSONL_HINT}')
    warnings: list[str] = []
    if not record["text"].strip():
        warnings.append(f'{at}: "text" is empty; there is nothing to extract')
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


__all__ = [
    "Page",
    "ReadResult",
    "decode_bytes",
    "detect_format",
    "html_to_text",
    "iter_folder",
    "parse_jsonl_line",
    "parse_published",
    "parse_record",
    "read_bytes",
    "read_file",
    "read_jsonl_bytes",
    "read_jsonl_stream",
    "read_paths",
    "read_results",
    "read_stdin",
    "simple_html_text",
    "sniff_format",
]
