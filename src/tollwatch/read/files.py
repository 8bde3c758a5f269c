"""Reading reports: JSON Lines, plain text, HTML, RSS/Atom feeds and folders of these.

    paths -> files (folders walked in sorted order) -> bytes -> text -> Report | Rejection

A file or record that cannot be used becomes a `Rejection` whose `error` names the
file, the line and the fix; reading goes on with the next one. Encoding problems
that could be repaired (latin-1, UTF-16 with a BOM) give a warning, not an error.
One module per format (jsonl, text, html, feed); this one walks paths and folders
and picks the reader. Formats, encodings and messages are documented in docs/input.md.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..records import Rejection, Report
from ..settings import Settings
from .feed import read_feed_bytes
from .html import read_html_bytes
from .jsonl import read_jsonl, read_jsonl_bytes
from .keys import file_source
from .result import ReadResult, reject
from .text import read_text_bytes

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
KNOWN_SUFFIXES = JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
# Read in folders: .json is left out there (manifests, configs); name such files explicitly.
FOLDER_SUFFIXES = KNOWN_SUFFIXES - {".json"}


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
        yield from _read_folder(path, published)
    elif path.is_file():
        yield from read_file(path, published=published)
    else:
        yield reject(
            path.name or str(path), str(path),
            InputError(f"{path} does not exist; check the path (give files or folders of "
                       "JSON Lines, text, HTML or RSS/Atom)"),
        )


def _suffix_list() -> str:
    return " ".join(sorted(FOLDER_SUFFIXES))


def _read_folder(path: Path, published: date | None) -> Iterator[ReadResult]:
    """Every report file of a folder; a subfolder that cannot be read is a rejection
    (its reports were not read), other files are counted in a warning."""
    scan = scan_folder(path)
    for folder, err in scan.unreadable:
        name = folder.relative_to(path).as_posix() if folder != path else str(path)
        yield reject(name, str(folder), InputError(
            f"folder {folder} cannot be read ({err.strerror or err}): the reports in it were "
            "skipped; give read permission to it, or leave it out of the folder"),
            key=folder.expanduser().resolve().as_uri())
    note = scan.skipped_note(path)
    for number, (file, name) in enumerate(scan.files):
        for result in read_file(file, published=published, name=name):
            if note and number == 0:
                result, note = ReadResult(result.item, (*result.warnings, note)), None
            yield result
    if not scan.files and not scan.unreadable:
        yield reject(
            path.name or str(path), str(path),
            InputError(f"folder {path} holds no report files ({_suffix_list()}); "
                       "check the path or the file extensions"),
        )


@dataclass
class FolderScan:
    """What a folder holds: report files (path, name relative to the folder), subfolders
    that could not be read, and the count of other files by extension."""

    files: list[tuple[Path, str]] = field(default_factory=list)
    unreadable: list[tuple[Path, OSError]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    def skipped_note(self, root: Path) -> str | None:
        """A warning counting the files that are not report files, or None."""
        if not self.skipped:
            return None
        total = sum(self.skipped.values())
        ranked = sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        kinds = ", ".join(f"{n} {s or 'without extension'}" for s, n in ranked)
        return (f"folder {root}: {total} file(s) that are not report files were not read "
                f"({kinds}); give such a file by name to read it")


def scan_folder(root: Path) -> FolderScan:
    """Report files under `root`, sorted, recursive (linked folders followed once);
    hidden files and folders skipped."""
    scan = FolderScan()
    found: list[Path] = []
    visited: set[str] = set()
    walk = os.walk(root, onerror=lambda err: _unreadable(scan, err), followlinks=True)
    for folder, dirnames, filenames in walk:
        real = os.path.realpath(folder)
        if real in visited:  # a link back to a folder read already: stop the loop here
            dirnames[:] = []
            continue
        visited.add(real)
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            suffix = Path(name).suffix.lower()
            if suffix in FOLDER_SUFFIXES:
                found.append(Path(folder) / name)
            else:
                scan.skipped[suffix] += 1
    scan.files = [(file, file.relative_to(root).as_posix())
                  for file in sorted(found, key=lambda p: p.relative_to(root).parts)]
    return scan


def _unreadable(scan: FolderScan, err: OSError) -> None:
    scan.unreadable.append((Path(err.filename) if err.filename else Path("?"), err))


def iter_folder(root: Path) -> Iterator[tuple[Path, str]]:
    """Report files under `root`, sorted, recursive; hidden files and folders skipped.

    Yields (path, name) where name is the path relative to `root` (the report id of
    text and HTML files). `scan_folder` also tells what could not be read.
    """
    yield from scan_folder(root).files


def read_file(path: Path, *, published: date | None = None, name: str | None = None) -> Iterator[
    ReadResult
]:
    """Read one file of any supported format (chosen by extension, else by content)."""
    name = name or path.name
    source = file_source(path)
    try:
        kind = detect_format(path)
        if kind == "jsonl":
            yield from read_jsonl(path, published=published, name=name)
            return
        data = path.read_bytes()
    except OSError as err:
        yield reject(name, str(path), InputError(f"{path} cannot be read: {err.strerror}"),
                     key=source)
        return
    yield from read_bytes(data, kind, name=name, origin=str(path), published=published,
                          source=source)


def read_bytes(
    data: bytes, kind: str, *, name: str, origin: str, published: date | None = None,
    source: str | None = None,
) -> Iterator[ReadResult]:
    """Read content already in memory as `kind` ("jsonl", "text", "html", "feed").

    `source` is the URI of the file the content came from (None for standard input):
    it makes the report keys (read/keys.py)."""
    reader = {"feed": read_feed_bytes, "html": read_html_bytes, "jsonl": read_jsonl_bytes}.get(
        kind, read_text_bytes
    )
    yield from reader(data, name=name, origin=origin, published=published, source=source)


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


def parse_published(value: str) -> date:
    """Parse a --published value (YYYY-MM-DD); raise InputError saying what to give."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError as err:
        raise InputError(
            f"--published {value!r} is not a date; give it as YYYY-MM-DD, e.g. 2019-04-13"
        ) from err
