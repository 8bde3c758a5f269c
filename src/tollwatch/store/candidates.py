"""Candidate queries of incremental matching, each served by an index.

    dated(session, spans)          matchable incidents of a country (or of none)
                                   whose date interval overlaps given ranges, near
                                   a place when the range has a vicinity
                                   (ix_incidents_match, ix_incidents_match_any, the
                                   place indexes of models.PLACE_INDEXES)
    of_reports(session, ids)       the incidents of these reports (ix_incidents_report_id)
    sharing(session, keys)         reports holding any of these keys (ix_report_keys_kind_key)
    common_names(session, names)   name keys too common to block on (counted up to
                                   the limit only, through the same index)

`dated` and `of_reports` return `Light` units: the matcher's view of an incident
(`MatchUnit`, as events.to_unit builds it) read in one query of plain columns, so
that candidates are scored without loading their ORM rows; only those that link
are loaded in full (incremental.py).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, false, func, literal, or_, select, true, union_all
from sqlalchemy.orm import Session, aliased

from .match_place import MAX_CELLS, Vicinity
from .matching import LONG_SPAN_DAYS
from .models import ActorRow, FigureRow, IncidentRow, PlaceRow, ReportKeyRow, ReportRow
from .unit import MatchUnit, unit_killed

CHUNK = 500  # ids per IN (...) query
RANGES = 10  # date ranges per query
NAMES = 50  # name keys counted per query


@dataclass(frozen=True)
class Light:
    """A candidate incident: its matcher's view (without keys) and whether it is a
    claim attached to an incident of its report (never matched by itself)."""

    unit: MatchUnit
    attached: bool


def chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    """Sorted distinct ids in slices of CHUNK."""
    values = sorted(set(ids))
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _unit_columns() -> Any:
    i, perp, victim = IncidentRow, aliased(ActorRow), aliased(ActorRow)
    return (
        select(
            i.id, i.report_id, i.kind, i.claim_of.is_not(None), ReportRow.published,
            i.date_start, i.date_end, i.date_precision, PlaceRow.country, PlaceRow.admin1,
            PlaceRow.name, i.place_text, PlaceRow.lat, PlaceRow.lon, i.place_precision,
            perp.name, perp.category, victim.type, i.event_type, i.sub_event_type,
            FigureRow.best, FigureRow.low,
        )
        .join(ReportRow, ReportRow.id == i.report_id)
        .outerjoin(PlaceRow, PlaceRow.id == i.place_id)
        .outerjoin(perp, perp.id == i.perpetrator_id)
        .outerjoin(victim, victim.id == i.victim_id)
        .outerjoin(FigureRow, and_(FigureRow.incident_id == i.id, FigureRow.outcome == "killed"))
    )


def light_units(session: Session, condition: Any, params: dict[str, Any] | None = None,
                *, statement: Any = None) -> list[Light]:
    """The incidents meeting `condition` (or the prepared `statement` with `params`),
    as `to_unit` would see them (keys apart)."""
    query = statement if statement is not None else _unit_columns().where(condition)
    out: dict[int, Light] = {}
    for r in session.execute(query, params or {}):
        if r[0] in out:
            continue  # a second killed figure: the first one counts, as in to_unit
        unit = MatchUnit(
            id=r[0], report=r[1], kind=r[2], published=r[4], date_start=r[5], date_end=r[6],
            date_precision=r[7], country=r[8], admin1=r[9], place=r[10], place_text=r[11],
            lat=r[12], lon=r[13], place_precision=r[14], perpetrator=r[15],
            perpetrator_category=r[16], victim_type=r[17], event_type=r[18],
            sub_event_type=r[19], killed=unit_killed(r[20], r[21]),
        )
        out[r[0]] = Light(unit, bool(r[2] == "claim" and r[3]))
    return list(out.values())


def _overlapping(known: bool, n: int) -> list[Any]:
    """Selects of the ids of matchable incidents whose interval overlaps the n-th
    range [lo_n, hi_n] (bound parameters), each one index range: short intervals by a
    bounded range on their first day (from reach_n), the few long ones (`date_long`)
    apart; of the country :country or of none when `known`, else of any country."""
    i = IncidentRow
    short, long = _short(n), _long(n)
    if not known:
        return [select(i.id).where(*short), select(i.id).where(*long)]
    # a place too weak to veto (`match_loose`, matching._unsure_place) may be in the
    # wrong country
    places = (
        i.match_country == bindparam("country"), i.match_country.is_(None),
        i.match_loose == true(),
    )
    return [select(i.id).where(p, *terms) for p in places for terms in (short, long)]


def _short(n: int) -> tuple[Any, ...]:
    i = IncidentRow
    lo: Any = bindparam(f"lo{n}")
    return (i.date_long == false(), i.date_from >= bindparam(f"reach{n}"),
            i.date_from <= bindparam(f"hi{n}"), i.date_to >= lo)


def _long(n: int) -> tuple[Any, ...]:
    i = IncidentRow
    return (i.date_long == true(), i.date_from <= bindparam(f"hi{n}"),
            i.date_to >= bindparam(f"lo{n}"))


def _nearby(n: int) -> list[Any]:
    """As `_overlapping` for a known country, the short intervals of that country
    narrowed to the n-th range's vicinity (match_place.Vicinity), one index range per
    way of being near: the same province or none known, a cell in reach, the same
    fine place name, the same written words, or a place that is a person's name."""
    i = IncidentRow
    country = i.match_country == bindparam("country")
    short = _short(n)
    # the ways but the province one are not limited to the country: a candidate of
    # another is never paired (incremental._cross_pairs), and without the country the
    # planner has one index to choose (SQLite has no statistics to choose by)
    near = (
        # the same province: any candidate for a unit that is not a located point, only
        # those that are not located points for one that is (two points: by cell)
        (country, i.match_admin1 == bindparam(f"admin1_{n}")),
        (country, i.match_admin1 == bindparam(f"unplaced{n}"), i.match_cell.is_(None)),
        (country, i.match_admin1.is_(None)),
        (i.match_cell.in_([bindparam(f"cell{n}_{k}") for k in range(MAX_CELLS)]),),
        (i.match_name == bindparam(f"name{n}"),),
        (i.match_words == bindparam(f"words{n}"),),
        (i.match_loose == true(),),
    )
    return [
        *(select(i.id).where(*way, *short) for way in near),
        select(i.id).where(country, *_long(n)),
        *(select(i.id).where(i.match_country.is_(None), *terms) for terms in (short, _long(n))),
    ]


@functools.cache
def _dated_statement(known: bool, narrowed: bool = False) -> Any:
    """One statement for RANGES ranges, built once (its shape never changes)."""
    parts = (_nearby(n) if narrowed else _overlapping(known, n) for n in range(RANGES))
    ids = union_all(*(q for part in parts for q in part)).subquery()
    return _unit_columns().where(IncidentRow.id.in_(select(ids.c.id)))


Range = tuple[date, date, Vicinity | None]


def dated(session: Session, spans: dict[str | None, list[Range]]) -> list[Light]:
    """Matchable incidents overlapping the ranges of `spans`, by country: of that
    country or of none (None: of any country), near the range's vicinity when it has
    one. Ranges go RANGES to a query, the last query padded with its last range."""
    out: list[Light] = []
    for country, ranges in sorted(spans.items(), key=lambda kv: kv[0] or ""):
        narrowed = [r for r in ranges if r[2] is not None] if country is not None else []
        wide = [r for r in ranges if r[2] is None] if country is not None else ranges
        for part, statement in ((wide, _dated_statement(country is not None)),
                                (narrowed, _dated_statement(True, narrowed=True))):
            for first in range(0, len(part), RANGES):
                params = _params(country, part[first : first + RANGES])
                out.extend(light_units(session, None, params, statement=statement))
    return list({c.unit.id: c for c in out}.values())


def _params(country: str | None, chunk: list[Range]) -> dict[str, Any]:
    """The bound values of one query: `chunk` padded to RANGES with its last range."""
    reach = timedelta(days=LONG_SPAN_DAYS)
    chunk = chunk + [chunk[-1]] * (RANGES - len(chunk))
    params: dict[str, Any] = {"country": country} if country is not None else {}
    for n, (lo, hi, near) in enumerate(chunk):
        params.update({f"lo{n}": lo, f"hi{n}": hi, f"reach{n}": lo - reach})
        if near is not None:
            # a fixed number of cells (padded with a cell already asked for, or NULL):
            # the statement's text never changes, so the driver prepares it once
            cells: list[int | None] = [*near.cells] or [None]
            cells += [cells[-1]] * (MAX_CELLS - len(cells))
            params.update({f"cell{n}_{k}": cell for k, cell in enumerate(cells)})
            located = bool(near.cells)
            params.update({f"admin1_{n}": None if located else near.admin1,
                           f"unplaced{n}": near.admin1 if located else None,
                           f"name{n}": near.name, f"words{n}": near.words})
    return params


def of_reports(session: Session, report_ids: Iterable[int]) -> list[Light]:
    """The incidents of these reports."""
    return [u for chunk in chunks(report_ids)
            for u in light_units(session, IncidentRow.report_id.in_(chunk))]


def keys_of(session: Session, report_ids: Iterable[int]) -> dict[int, frozenset[tuple[str, str]]]:
    """The match keys of these reports (reports without any are left out)."""
    found: dict[int, set[tuple[str, str]]] = {}
    for chunk in chunks(report_ids):
        query = select(ReportKeyRow.report_id, ReportKeyRow.kind, ReportKeyRow.key).where(
            ReportKeyRow.report_id.in_(chunk))
        for report_id, kind, key in session.execute(query):
            found.setdefault(report_id, set()).add((kind, key))
    return {r: frozenset(k) for r, k in found.items()}


def sharing(session: Session, keys: set[tuple[str, str]]) -> set[int]:
    """Reports holding any of `keys`."""
    out: set[int] = set()
    listed = sorted(keys)
    for start in range(0, len(listed), CHUNK):
        chunk = listed[start : start + CHUNK]
        query = select(ReportKeyRow.report_id).where(
            or_(*(and_(ReportKeyRow.kind == k, ReportKeyRow.key == v) for k, v in chunk)))
        out.update(session.scalars(query))
    return out


def common_names(session: Session, names: set[str], limit: int) -> set[str]:
    """Name keys that more than `limit` matchable units of the whole store hold (as the
    full pass counts them: units with a publication or start date, attached claims out).
    Each key's holders are counted up to limit + 1 only, however many there are."""
    out: set[str] = set()
    listed = sorted(names)
    for start in range(0, len(listed), NAMES):
        parts = [_holders(name, limit + 1) for name in listed[start : start + NAMES]]
        if not parts:
            continue
        union = union_all(*parts).subquery()
        query = select(union.c.name, func.count()).group_by(union.c.name)
        out.update(name for name, count in session.execute(query) if count > limit)
    return out


def _holders(name: str, cap: int) -> Any:
    attached = and_(IncidentRow.kind == "claim", IncidentRow.claim_of.is_not(None))
    inner = (
        select(IncidentRow.id)
        .join(ReportKeyRow, IncidentRow.report_id == ReportKeyRow.report_id)
        .join(ReportRow, ReportRow.id == IncidentRow.report_id)
        .where(ReportKeyRow.kind == "name", ReportKeyRow.key == name, ~attached,
               or_(ReportRow.published.is_not(None), IncidentRow.date_start.is_not(None)))
        .limit(cap)
        .subquery()
    )
    return select(literal(name).label("name"), inner.c.id)


def by_country(units: Sequence[MatchUnit]) -> dict[str | None, list[MatchUnit]]:
    """Units grouped by country (None: without one)."""
    out: dict[str | None, list[MatchUnit]] = {}
    for unit in units:
        out.setdefault(unit.country, []).append(unit)
    return out
