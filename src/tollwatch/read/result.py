"""What every reader returns, and the helpers they share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..errors import InputError
from ..records import Rejection, Report
from .decode import decode_bytes


@dataclass(frozen=True)
class ReadResult:
    """One read item (a report or a rejection) and the warnings raised while reading it."""

    item: Report | Rejection
    warnings: tuple[str, ...] = ()


def reject(report_id: str, origin: str, err: InputError, key: str | None = None) -> ReadResult:
    """A rejection of report `report_id` read at `origin`, saying why (`err`)."""
    return ReadResult(Rejection(id=report_id, origin=origin, error=str(err), key=key))


def decode_nonempty(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    if not data.strip():
        raise InputError(f"{name} is empty; give a file with the report's text")
    text, warning = decode_bytes(data, name)
    if not text.strip():
        raise InputError(f"{name} holds only whitespace; give a file with the report's text")
    return text, (warning,) if warning else ()


def parse_date(value: Any) -> date | None:
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
