"""Where a candidate by date may lie: the stored place columns and the vicinity asked for.

    place_columns(...)           an incident's match_admin1, match_cell, match_name,
                                 match_words and match_loose (written with the row)
    vicinity(unit, settings)     what the candidate query by date asks of the stored
                                 columns for this unit, or None (no narrowing)

Without a shared key, a pair links only when its place score is high enough and not
vetoed (incremental._cannot_link). `place_score` gives that only when (as
matching.place_score reads): one place is a person's name in its report (`loose`),
both name the same fine place (`name`), both texts write the same words (`words`),
two located points lie within the far limit (`cells`: a coarse grid, the cells a
circle of `far_km` around the unit touches), or otherwise the provinces are equal or
one is unknown (`admin1`). A candidate meeting none of these cannot link with the
unit, so the query leaves it out (`loose` also marks an unsure place,
matching._unsure_place, which vetoes nothing); the decisions stay those of a full re-match
(tests/test_incremental.py).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from .pair_places import (
    FINE_PLACES,
    GENERIC_PLACE_WORDS,
    PRECISE_PLACES,
    _surname_place,
    _unsure_place,
    _words,
)
from .unit import MatchSettings, MatchUnit, norm_name

CELL_DEGREES = 0.25  # about 28 km north-south: a far_km circle touches a few cells
COLUMNS = round(360 / CELL_DEGREES)
ROWS = round(180 / CELL_DEGREES)
EARTH_KM = 6371.0088  # matching.haversine_km
MAX_CELLS = 25  # more (beyond about 60 degrees of latitude): no narrowing by cell
TEXT = 200  # stored characters of a name or words (equal texts stay equal)


@dataclass(frozen=True)
class PlaceColumns:
    """An incident's stored place columns for the candidate query (models.IncidentRow)."""

    admin1: str | None
    cell: int | None
    name: str | None
    words: str | None
    loose: bool


@dataclass(frozen=True)
class Vicinity:
    """What a candidate must share with a unit to be asked for: its province (or none
    known), a grid cell, the fine place's name, the written words, or be `loose`."""

    admin1: str
    cells: tuple[int, ...]
    name: str | None
    words: str | None


def written_words(place_text: str | None) -> str | None:
    """The place as written, less generic words, sorted (matching._written_words)."""
    words = sorted(_words(place_text) - GENERIC_PLACE_WORDS)
    return " ".join(words)[:TEXT] if words else None


def fine_name(name: str | None, precision: str) -> str | None:
    """The normalised place name when it is a fine place (`same place` in place_score)."""
    normal = norm_name(name) if precision in FINE_PLACES else None
    return normal[:TEXT] if normal else None


def cell_of(lat: float, lon: float) -> int:
    """The grid cell of a point.

    >>> cell_of(0.1, 0.1) - cell_of(0.1, -0.1)
    1
    """
    row = min(ROWS - 1, max(0, math.floor((lat + 90) / CELL_DEGREES)))
    column = math.floor((lon + 180) / CELL_DEGREES) % COLUMNS
    return row * COLUMNS + column


def cells_near(lat: float, lon: float, km: float) -> tuple[int, ...] | None:
    """The cells of every point within `km` of (lat, lon) (a bounding box of the
    circle, with a margin); None when too many (close to a pole)."""
    arc = km * 1.01 / EARTH_KM  # radians; the margin absorbs rounding at cell borders
    dlat = math.degrees(arc)
    top = abs(lat) + dlat
    if top >= 89.0:
        return None
    dlon = math.degrees(math.asin(min(1.0, math.sin(arc) / math.cos(math.radians(top)))))
    rows = range(max(0, math.floor((lat - dlat + 90) / CELL_DEGREES)),
                 min(ROWS - 1, math.floor((lat + dlat + 90) / CELL_DEGREES)) + 1)
    first = math.floor((lon - dlon + 180) / CELL_DEGREES)
    last = math.floor((lon + dlon + 180) / CELL_DEGREES)
    if len(rows) * (last - first + 1) > MAX_CELLS:
        return None
    columns = {c % COLUMNS for c in range(first, last + 1)}
    return tuple(sorted(r * COLUMNS + c for r in rows for c in columns))


def place_columns(
    place_text: str | None, precision: str, name: str | None, admin1: str | None,
    lat: float | None, lon: float | None, keys: Iterable[tuple[str, str]],
) -> PlaceColumns:
    """The stored place columns of an incident: its place as written (`place_text`,
    `precision`), the place resolved (`name`, `admin1`, `lat`, `lon`) and its report's
    match keys."""
    located = lat is not None and lon is not None and precision in PRECISE_PLACES
    province = norm_name(admin1)
    written = frozenset(_words(place_text) - GENERIC_PLACE_WORDS)
    # matching._surname_place: the place's words are part of a named person's;
    # matching._unsure_place: a place too weak to veto (a town's other name, a name's word)
    held = frozenset(keys)
    loose = bool(written) and (
        any(kind == "person" and written < set(key.split()) for kind, key in held)
        or _unsure_place(MatchUnit(0, 0, place=name, admin1=admin1, place_text=place_text,
                                   place_precision=precision, keys=held)) is not None
    )
    return PlaceColumns(
        admin1=province[:TEXT] if province else None,
        cell=cell_of(lat, lon) if located else None,  # type: ignore[arg-type]
        name=fine_name(name, precision),
        words=written_words(place_text),
        loose=loose,
    )


def vicinity(unit: MatchUnit, settings: MatchSettings) -> Vicinity | None:
    """What a candidate of the unit's country must share with it to be able to link
    without a shared key; None when any candidate may (unknown province, or the
    unit's place is a person's name in its report)."""
    province = norm_name(unit.admin1)
    if not province or _surname_place(unit) or _unsure_place(unit):
        return None
    cells: tuple[int, ...] | None = ()
    if unit.lat is not None and unit.lon is not None and unit.place_precision in PRECISE_PLACES:
        cells = cells_near(unit.lat, unit.lon, max(settings.far_km, settings.point_far_km))
    if cells is None:
        return None
    return Vicinity(province[:TEXT], cells, fine_name(unit.place, unit.place_precision),
                    written_words(unit.place_text))
