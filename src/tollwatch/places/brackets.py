"""Units written in brackets after a town, as coder notes place it (rule ``places.v1.admin2``).

"near the hamlet of Salem (Pissila, Sanmatenga)", "in the area of Kouri (Dablo,
Soum)": the names in brackets are the town's district and province. Where a country's
provinces are the gazetteer's second level (Burkina Faso, Niger, Mali), the province is
no place of the gazetteer by itself, so the village, when the gazetteer lacks it, is read
as a namesake abroad (a Salem in India) and the province as a town elsewhere (a Soum in
Senegal). A bracketed name spelled like an admin2 unit of one country says where the
town is: names abroad inside and right before the bracket give way to the unit, which
places the figure when the village is unknown; a town of the unit's country stays.

A country's name among containers of another country is its province of that name:
"at Kuta Gari (Niger, Shiroro)" is in Niger State, Nigeria, since Shiroro is a
Nigerian district.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import CleanText, PlaceMention, Sentence, Span
from .admin2 import RULE, Admin2Unit, admin2_index
from .context import Context
from .gazetteer.model import Gazetteer, Place
from .names import light_key, name_key, strip_type_words

_BRACKET = re.compile(r"\(([^()]{2,80})\)")
_PART = re.compile(r"[A-Z][^,]*")
_BEFORE_BRACKET = re.compile(r"(?:\s+(?:village|town|city|camp|area))?\s*$", re.IGNORECASE)
_AREA = ("admin1", "admin2", "region")


@dataclass(frozen=True)
class _Part:
    """One name inside a bracket, with its span in the text."""

    name: str
    start: int
    end: int


def _parts(sentence: Sentence, hit: re.Match[str]) -> list[_Part]:
    base = sentence.span.start + hit.start(1)
    return [
        _Part(p.group().strip(), base + p.start(), base + p.start() + len(p.group().strip()))
        for p in _PART.finditer(hit.group(1))
    ]


def _spelled_units(gaz: Gazetteer, name: str) -> list[Admin2Unit]:
    """Admin2 units whose own name (type words aside) is written as `name`."""
    light = light_key(name)
    return [
        u
        for u in admin2_index(gaz).get(name_key(name), ())
        if light in (light_key(u.name), light_key(strip_type_words(u.name)))
    ]


def _unit_of(gaz: Gazetteer, name: str, ctx: Context) -> Admin2Unit | None:
    """The unit a bracketed name is, when its spelling names units of one country (or
    the report's main country among several), one the report speaks of."""
    units = _spelled_units(gaz, name)
    if ctx.main:  # "Bosaso town (Bosaso, Bari)" in a report about Somalia: no Italian unit
        units = [u for u in units if u.country == ctx.main or u.country in ctx.countries]
    countries = {u.country for u in units}
    if len(countries) > 1 and ctx.main in countries:
        units = [u for u in units if u.country == ctx.main]
    elif len(countries) != 1:
        return None
    return max(units, key=lambda u: u.population)


def _unit_mention(gaz: Gazetteer, unit: Admin2Unit, part: _Part, sentence: int) -> PlaceMention:
    return PlaceMention(
        name=unit.name,
        country=unit.country,
        admin1=gaz.admin1_names.get(f"{unit.country}.{unit.admin1_code}"),
        admin2=unit.name,
        lat=round(unit.lat, 5),
        lon=round(unit.lon, 5),
        geonameid=None,
        precision="admin2",
        text=part.name,
        span=Span(part.start, part.end),
        sentence=sentence,
        score=0.8,
        rule=RULE,
    )


def _over(mentions: list[PlaceMention], start: int, end: int) -> list[PlaceMention]:
    return [m for m in mentions if m.span.start < end and start < m.span.end]


def _town_before(
    text: str, mentions: list[PlaceMention], opening: int
) -> PlaceMention | None:
    before = [m for m in mentions if m.span.end <= opening]
    if not before or not _BEFORE_BRACKET.fullmatch(text, before[-1].span.end, opening):
        return None
    town = before[-1]
    return town if town.precision in ("point", "near") and not town.is_source_location else None


def _province_named(gaz: Gazetteer, country: str, name: str) -> Place | None:
    """The province of `country` spelled `name` ("Niger" State of Nigeria), or None."""
    light = light_key(name)
    for i in gaz.candidates(name_key(name)):
        if gaz.kinds[i] == 1 and gaz.countries[i] == country and light_key(gaz.names[i]) == light:
            return gaz.place(i)
    return None


def _as_province(
    gaz: Gazetteer, m: PlaceMention, country: str
) -> PlaceMention | None:
    """A country's name read among another country's containers, as that country's
    province of the same name; None when it has none."""
    place = _province_named(gaz, country, m.text)
    if place is None:
        return None
    return replace(
        m,
        name=place.name,
        country=country,
        admin1=place.admin1 or place.name,
        admin2=None,
        lat=round(place.lat, 5),
        lon=round(place.lon, 5),
        geonameid=None,
        precision="admin1",
        rule="places.v1.admin1",
    )


def _one_bracket(
    gaz: Gazetteer,
    clean: CleanText,
    sentence: Sentence,
    hit: re.Match[str],
    ctx: Context,
    out: list[PlaceMention],
) -> list[PlaceMention]:
    opening = sentence.span.start + hit.start()
    units: list[tuple[_Part, Admin2Unit]] = []
    for part in _parts(sentence, hit):
        covering = _over(out, part.start, part.end)
        if any(m.precision in _AREA for m in covering):
            continue  # a province or unit the names already read
        unit = _unit_of(gaz, part.name, ctx)
        if unit is not None:
            units.append((part, unit))
    countries = {u.country for _, u in units}
    if len(countries) != 1:
        return out
    country = next(iter(countries))
    for part, unit in units:
        covering = _over(out, part.start, part.end)
        if covering and all(m.country == country for m in covering):
            continue  # "Goma (Goma, Nord-Kivu)": the seat town of the unit, read right
        out = [m for m in out if m not in covering]
        out.append(_unit_mention(gaz, unit, part, sentence.index))
    end = sentence.span.start + hit.end()
    for m in _over(out, opening, end):
        if m.precision == "country" and m.country != country:
            province = _as_province(gaz, m, country)
            out = [p for p in out if p is not m]
            if province is not None:
                out.append(province)
    town = _town_before(clean.text, out, opening)
    if town is not None and town.country != country:
        out = [m for m in out if m is not town]  # a namesake abroad of a village unknown
    out.sort(key=lambda m: m.span.start)
    return out


def bracket_units(
    gaz: Gazetteer,
    clean: CleanText,
    sentences: Sequence[Sentence],
    ctx: Context,
    mentions: list[PlaceMention],
) -> list[PlaceMention]:
    """`mentions` with bracketed admin2 names read as units (see the module doc)."""
    out = list(mentions)
    for sentence in sentences:
        if "(" not in sentence.text:
            continue
        for hit in _BRACKET.finditer(sentence.text):
            out = _one_bracket(gaz, clean, sentence, hit, ctx, out)
    return out
