"""Query parameters and request bodies of the web workspace, parsed by hand.

A malformed value is a 400 that names the parameter and the expected form
(`parse_filter`, `_int_param`, `_bbox`, `_incident_ids`); `_query` and `REVIEW_BODY`
describe the hand-parsed parameters and the review body in the OpenAPI schema.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import HTTPException

from ..store import browse, review

FILTER_NAMES = (
    "country", "admin1", "since", "until", "event_type", "perpetrator_type", "victim_type",
    "min_killed", "q", "counted", "reviewed",
)  # fmt: skip


def _query(*names: str) -> dict[str, Any]:
    """OpenAPI description of optional string query parameters (parsed by hand, so
    that a malformed value is a 400 naming it)."""
    return {
        "parameters": [
            {"name": n, "in": "query", "required": False, "schema": {"type": "string"}}
            for n in names
        ]
    }


REVIEW_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["action"],
                    "properties": {
                        "action": {"type": "string", "enum": list(review.ACTIONS)},
                        "field": {"type": "string", "enum": [*review.FIELDS, "place"]},
                        "value": {"type": ["string", "number", "object", "null"]},
                        "other": {"type": ["integer", "string", "null"]},
                        "incidents": {"type": ["array", "null"], "items": {"type": "integer"}},
                        "comment": {"type": ["string", "null"]},
                    },
                }
            }
        },
    }
}


def parse_filter(params: Any) -> browse.EventFilter:
    """The list's filter from URL query parameters; empty values are ignored.
    A malformed date or number is a 400 naming the parameter and the expected form."""
    raw = {name: (params.get(name) or "").strip() for name in FILTER_NAMES}
    values: dict[str, Any] = {}
    for name, text in raw.items():
        if not text:
            continue
        if name in ("since", "until"):
            try:
                values[name] = date.fromisoformat(text)
            except ValueError as err:
                raise HTTPException(400, f"{name}={text!r} is not a date; use YYYY-MM-DD") from err
        elif name == "min_killed":
            if not text.isdigit() or len(text) > 9:
                raise HTTPException(400, f"min_killed={text!r} is not a whole number >= 0")
            values[name] = int(text)
        elif name in ("counted", "reviewed"):
            if text not in ("yes", "no"):
                raise HTTPException(400, f"{name}={text!r}: use yes or no")
            values[name] = text == "yes"
        elif "\x00" in text:  # no database stores it (PostgreSQL refuses it outright)
            raise HTTPException(400, f"{name} holds a NUL character")
        else:
            values[name] = text[:200]
    return browse.EventFilter(**values)


def _int_param(params: Any, name: str, default: int, low: int, high: int) -> int:
    text = (params.get(name) or "").strip()
    if not text:
        return default
    if not text.isdigit() or len(text) > 9:
        raise HTTPException(400, f"{name}={text!r} is not a whole number")
    return min(max(int(text), low), high)


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """south,west,north,east in degrees (None when absent); 400 when malformed."""
    if not text:
        return None
    try:
        south, west, north, east = (float(v) for v in text.split(","))
    except ValueError as err:
        raise HTTPException(400, "bbox must be south,west,north,east in degrees") from err
    if not (-90 <= south <= north <= 90 and -540 <= west <= east <= 540):
        raise HTTPException(400, "bbox must be south,west,north,east with south <= north")
    return south, west, north, east


def _incident_ids(raw: Any) -> list[int]:
    """A split's incident ids from a form (repeated field) or JSON (a list); 400 if not ids."""
    if raw in (None, "", []):
        return []
    items = raw if isinstance(raw, list) else [raw]
    if len(items) > 1000 or not all(
        (isinstance(i, int) and not isinstance(i, bool) and 0 <= i < 2**31)
        or (isinstance(i, str) and i.isdigit() and len(i) <= 9)
        for i in items
    ):
        raise HTTPException(400, "incidents must be a list of incident ids")
    return [int(i) for i in items]
