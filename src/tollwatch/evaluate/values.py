"""Validated values of gold files: dates and counts, with errors naming the field and the fix."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import EvalError


def parse_date(value: Any, where: str) -> dt.date | None:
    """An ISO date (its first 10 characters), None for null; EvalError naming `where`."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise EvalError(f"{where}: date {value!r} is not a string; write dates as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as err:
        raise EvalError(f"{where}: {value!r} is not a date; write dates as YYYY-MM-DD") from err


def parse_count(value: Any, where: str) -> int | None:
    """A whole number >= 0, None for null; EvalError naming `where`."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise EvalError(f"{where}: count {value!r} is not a whole number >= 0 or null")
    return int(value)
