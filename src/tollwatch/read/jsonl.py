"""JSON Lines (and .json arrays): one report per record; bad lines become rejections."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..errors import EncodingError, InputError, RecordError
from ..records import Report
from .decode import SAMPLE_BYTES, binary_message, decode_bytes
from .keys import file_source, record_key
from .result import ReadResult, decode_nonempty, parse_date, reject

JSONL_HINT = 'each line must be one JSON object with "id" and "text"'
MAX_INT_DIGITS = 4_000  # Python refuses to convert an integer of more than 4,300 digits


def _json_int(digits: str) -> int | str:
    """A JSON integer; one too long to convert is kept as its text (it was a ValueError,
    an internal error that stopped the whole file, issue 11)."""
    return int(digits) if len(digits) <= MAX_INT_DIGITS else digits


def loads(text: str | bytes) -> Any:
    """`json.loads`, with integers of any length (see `_json_int`)."""
    return json.loads(text, parse_int=_json_int)


def read_jsonl(path: Path, *, published: date | None = None, name: str | None = None) -> Iterator[
    ReadResult
]:
    """JSON Lines: one report per line; blank lines skipped; bad lines become rejections."""
    name = name or path.name
    source = file_source(path)
    try:
        with path.open("rb") as handle:
            yield from read_jsonl_stream(handle, name=name, origin=str(path),
                                         published=published, suffix=path.suffix.lower(),
                                         source=source)
    except OSError as err:
        yield reject(name, str(path), InputError(f"{path} cannot be read: {err.strerror}"),
                     key=source)


def read_jsonl_stream(
    handle: IO[bytes], *, name: str, origin: str, published: date | None = None,
    suffix: str = ".jsonl", source: str | None = None,
) -> Iterator[ReadResult]:
    """JSON Lines read line by line, so a file of any size is read in constant memory
    (but for the ids seen, kept to refuse a repeated one).

    A line that is not UTF-8 is decoded as `decode_bytes` would (with one warning for
    the file). UTF-16/32 files and .json files holding one JSON document are read whole.
    `source` (the file's URI) namespaces the ids into report keys (read/keys.py).
    """
    head = handle.read(SAMPLE_BYTES)
    if _read_whole(head, suffix):
        data = head + handle.read()
        yield from read_jsonl_bytes(data, name=name, origin=origin, published=published,
                                    document=suffix == ".json", source=source)
        return
    if _binary_head(head, name):
        yield reject(name, origin, EncodingError(binary_message(name)), key=source)
        return
    handle.seek(0)
    yield from _unique_ids(_stream_lines(handle, name, origin, published, source), name)


def _stream_lines(
    handle: IO[bytes], name: str, origin: str, published: date | None, source: str | None
) -> Iterator[tuple[str, ReadResult]]:
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
                yield "", reject(name, origin, err, key=source)
                return
        result = parse_jsonl_line(line, number, name=name, origin=origin, published=published,
                                  source=source)
        notes = (note,) if note and not warned else ()
        warned = warned or bool(note)
        yield f"line {number}", ReadResult(result.item, notes + result.warnings)
    if not seen:
        yield "", reject(name, origin,
                         InputError(f"{name} is empty; give a file with the reports"), key=source)


def _unique_ids(results: Iterator[tuple[str, ReadResult]], name: str) -> Iterator[ReadResult]:
    """Each result, but a report whose id an earlier record of the file used is refused,
    with a message naming both places (the first record is kept)."""
    first: dict[str, str] = {}
    for where, result in results:
        item = result.item
        if isinstance(item, Report) and where:
            if item.id in first:
                yield reject(item.id, item.origin or name, RecordError(
                    f"{where} of {name} repeats the id {item.id!r} of {first[item.id]}; ids "
                    f"must be unique within a file (the record at {first[item.id]} is kept); "
                    "give this record an id of its own"), key=item.key)
                continue
            first[item.id] = where
        yield result


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
        loads(first)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return True  # a pretty-printed document or an array spread over lines
    return first.startswith(b"[")


def read_jsonl_bytes(
    data: bytes, *, name: str, origin: str, published: date | None = None, document: bool = True,
    source: str | None = None,
) -> Iterator[ReadResult]:
    """JSON Lines (or, with `document`, one JSON array or object) already in memory."""
    try:
        text, warnings = decode_nonempty(data, name)
    except InputError as err:
        yield reject(name, origin, err, key=source)
        return
    records = _json_document(text) if document else None
    results = (
        _json_items(records, name=name, origin=origin, published=published, source=source)
        if records is not None
        else _jsonl_lines(text, name=name, origin=origin, published=published, source=source)
    )
    for number, result in enumerate(_unique_ids(results, name)):
        yield ReadResult(result.item, (warnings if number == 0 else ()) + result.warnings)


def _jsonl_lines(
    text: str, *, name: str, origin: str, published: date | None, source: str | None
) -> Iterator[tuple[str, ReadResult]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield f"line {number}", parse_jsonl_line(
                line, number, name=name, origin=origin, published=published, source=source)


def _json_document(text: str) -> list[Any] | None:
    """A .json file holding one JSON array of records (or one pretty-printed record)."""
    if "\n" not in text.strip() and not text.lstrip().startswith("["):
        return None  # one line: read it as JSON Lines
    try:
        document = loads(text)
    except json.JSONDecodeError:
        return None
    if isinstance(document, list):
        return document
    return [document] if isinstance(document, dict) else None


def _json_items(
    items: list[Any], *, name: str, origin: str, published: date | None, source: str | None
) -> Iterator[tuple[str, ReadResult]]:
    for number, record in enumerate(items, start=1):
        label = f"item {number} of {name}"
        yield f"item {number}", parse_record(
            record, label=label, fallback_id=f"{name}[{number}]", where=f"{origin}[{number}]",
            published=published, source=source)


def parse_jsonl_line(
    line: str, number: int, *, name: str, origin: str, published: date | None = None,
    source: str | None = None,
) -> ReadResult:
    """Parse line `number` of JSONL file `name` into a Report, or a Rejection saying why not."""
    where = f"{origin}:{number}"
    fallback_id = f"{name}:{number}"
    try:
        record = loads(line)
    except json.JSONDecodeError as err:
        return reject(fallback_id, where, RecordError(
            f"line {number} of {name} is not JSON: {err.msg} (column {err.colno}); {JSONL_HINT}"),
            key=record_key(source, fallback_id))
    return parse_record(record, label=f"line {number} of {name}", fallback_id=fallback_id,
                        where=where, published=published, source=source)


def parse_record(
    record: Any, *, label: str, fallback_id: str, where: str, published: date | None = None,
    source: str | None = None,
) -> ReadResult:
    """Turn one decoded JSON value into a Report, or a Rejection whose message starts with
    `label` ("line 12 of reports.jsonl"). `source` (the file's URI) makes the report key."""
    if not isinstance(record, dict):
        kind = {"list": "list", "str": "string", "int": "number", "float": "number",
                "bool": "boolean", "NoneType": "null"}.get(type(record).__name__, "value")
        return reject(fallback_id, where, RecordError(
            f"{label} is a JSON {kind}, not an object; {JSONL_HINT}"),
            key=record_key(source, fallback_id))
    try:
        return _record_report(record, label=label, where=where, published=published,
                              source=source)
    except RecordError as err:
        report_id = record.get("id")
        rejected_id = str(report_id) if _usable_id(report_id) else fallback_id
        return reject(rejected_id, where, err, key=record_key(source, rejected_id))


def _usable_id(value: Any) -> bool:
    return (isinstance(value, str) and value.strip() != "") or (
        isinstance(value, int) and not isinstance(value, bool)
    )


def _record_report(
    record: dict[str, Any], *, label: str, where: str, published: date | None,
    source: str | None,
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
        when = parse_date(record["published"])
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
        language=_optional_str(record.get("language") or record.get("lang")),
        key=record_key(source, str(record["id"])),
    )
    return ReadResult(report, tuple(warnings))


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)
