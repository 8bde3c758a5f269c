"""Plain-text reports: one file, one report (id = the file's name)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..errors import InputError
from ..records import Report
from .result import ReadResult, decode_nonempty, reject


def read_text_bytes(
    data: bytes, *, name: str, origin: str, published: date | None = None,
    source: str | None = None,
) -> Iterator[ReadResult]:
    """A plain-text report: id = file name, key = the file's URI (`source`), text = the file."""
    try:
        text, warnings = decode_nonempty(data, name)
    except InputError as err:
        yield reject(name, origin, err, key=source)
        return
    report = Report(id=name, text=text, published=published, origin=origin, key=source)
    yield ReadResult(report, warnings)
