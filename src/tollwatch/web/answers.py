"""What the web workspace's routes answer with, beyond the templates.

`jsonable` (dates as ISO strings), `tally_response` (a tally as JSON or a CSV
download), `Snapshots` (tallies and timelines kept while the store's events do not
change) and `_Places` (the gazetteer search, built at the first search).
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import HTTPException
from fastapi.responses import Response

from ..places.gazetteer.model import Gazetteer
from ..store import Store, browse
from ..store.export import spreadsheet_safe
from ..store.tally import TallyRow
from .places import PlaceSearch


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, recursively (for JSON answers)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


class Snapshots:
    """Tallies and timelines kept while the store's events do not change (keyed on
    browse.version): a dashboard asks for the same ones again and again."""

    def __init__(self, size: int = 128) -> None:
        self.size = size
        self.kept: dict[Any, tuple[Any, Any]] = {}

    def get(self, session: Any, key: Any, compute: Callable[[], Any]) -> Any:
        """The cached value of `key` for the store's current version, else compute it."""
        now = browse.version(session)
        hit = self.kept.get(key)
        if hit is not None and hit[0] == now:
            return hit[1]
        value = compute()
        if len(self.kept) >= self.size:
            self.kept.pop(next(iter(self.kept)))
        self.kept[key] = (now, value)
        return value


def _default_gazetteer(store: Store) -> Callable[[], Gazetteer]:
    def load() -> Gazetteer:
        from ..places.gazetteer import load_gazetteer

        return load_gazetteer(store.settings)

    return load


class _Places:
    """The gazetteer search, built at the first search (loading takes a few seconds)."""

    def __init__(self, load: Callable[[], Gazetteer]) -> None:
        self._load = load
        self._search: PlaceSearch | None = None
        self._lock = threading.Lock()

    def search(self, query: str, limit: int) -> list[dict[str, Any]]:
        with self._lock:
            if self._search is None:
                self._search = PlaceSearch(self._load())
        return self._search.search(query, limit)


def tally_response(rows: list[TallyRow], fmt: str) -> Response:
    """A tally as a JSON or CSV download."""
    dicts = [r.as_dict() for r in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(TallyRow.__dataclass_fields__))
        writer.writeheader()
        writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in dicts)
        return Response(
            out.getvalue(),
            media_type="text/csv",
            headers={"Content-Disposition": 'attachment; filename="tally.csv"'},
        )
    if fmt != "json":
        raise HTTPException(400, f"format={fmt!r}: use json or csv")
    return Response(json.dumps(dicts), media_type="application/json")
