"""Plain-text reports: one file, one report (id = the file's name)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..errors import InputError
from ..records import Report
from .result import ReadResult, decode_nonempty, reject


def read_text_bytes(
    data: bytes, *, name: str, origin: str, published: date | None = None
) -> Iterator[ReadResult]:
    """A plain-text report: id = file name, text = the decoded file."""
    try:
        text, warnings = decode_nonempty(data, name)
    except InputError as err:
        yield reject(name, origin, err)
        return
    yield ReadResult(Report(id=name, text=text, published=published, origin=origin), warnings)
