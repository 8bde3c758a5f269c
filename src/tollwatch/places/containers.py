"""Containers named in a sentence keep its towns in their country (rule ``places.v1``).

ACLED-style notes and many reports place a village by its district and province:
"in Inata (Tongomayel, Soum)", "in Dong village (Jos North, Plateau)". When the
village is missing from the gazetteer, its name often matches a town abroad (Inada
in Japan, a Dong in Viet Nam); the province named beside it says which country the
sentence is about. See docs/places.md ("Issue 10").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..records import PlaceMention
from . import rules
from .gazetteer.model import Gazetteer
from .names import light_key
from .scan import MAX_CANDIDATES, Context, Match, container_gap, primary_light, prior

_TOWN_KINDS = (0, 4, 5)
# "X (A, B)", "X village, B": a container follows a comma or an opening parenthesis, with
# no sentence punctuation ("Monterrey: ... Rising" is a headline, not a container)
_CONTAINER_PUNCTUATION = re.compile(r"^[^:;.!?\[\]]{0,40}$")  # populated place, user place, feature
_PROVINCE = 1
_TOWN_PRECISIONS = ("point", "near", "admin2")
_OTHER_VOICES = 0.5  # votes for a town's country from the report's other words


@dataclass
class Resolved:
    """A name of a sentence with the gazetteer entry chosen for it."""

    match: Match
    entry: int
    score: float
    shape: rules.Shape


def foreign_towns_in_named_countries(
    gaz: Gazetteer, text: str, found: list[Resolved], ctx: Context
) -> list[Resolved]:
    """A town abroad in a sentence that names provinces of other countries, or whose
    container names right after it ("Dong village (Jos North, Plateau)") lie in another
    country: its namesake there (one in a named province first), else it is dropped.

    A town in the report's main country stays whatever the provinces say (the province
    may be the wrong namesake; `_containers_in_the_towns_country` handles that), and so
    does the source's own place ("a spokesman in Damascus").
    """
    named = {
        (gaz.countries[r.entry], gaz.admin1_codes[r.entry])
        for r in found
        if gaz.kinds[r.entry] == _PROVINCE and not r.shape.source
    }
    provinces = {iso for iso, _ in named}
    out: list[Resolved] = []
    for k, r in enumerate(found):
        iso = gaz.countries[r.entry]
        if gaz.kinds[r.entry] not in _TOWN_KINDS or r.shape.source:
            out.append(r)
            continue
        # a town of the report's country stays, unless it alone speaks for that country
        # and by an alternate name: "at Khaldah junction (Aley)" is no Hayy Khilda abroad
        # voting itself into the lead
        if iso == ctx.main and not _alone_by_another_name(gaz, text, r, ctx):
            out.append(r)
            continue
        countries = provinces | _container_countries(gaz, text, found, k)
        if not countries or iso in countries:
            out.append(r)
            continue
        inside = [
            i
            for i in r.match.candidates[:MAX_CANDIDATES]
            if gaz.countries[i] in countries and gaz.kinds[i] in _TOWN_KINDS
        ]
        if not inside:
            continue  # a village the gazetteer lacks: its containers place the figure
        best = max(
            inside,
            key=lambda i: ((gaz.countries[i], gaz.admin1_codes[i]) in named, prior(gaz, i)),
        )
        out.append(Resolved(r.match, best, r.score, r.shape))
    return out


def _alone_by_another_name(gaz: Gazetteer, text: str, r: Resolved, ctx: Context) -> bool:
    """Whether a town is the only word of its report for its country and is written
    other than its own name."""
    surface = light_key(text[r.match.start : r.match.end])
    if primary_light(gaz.names[r.entry]) == surface:
        return False
    return ctx.without(r.match).votes.get(gaz.countries[r.entry], 0.0) < _OTHER_VOICES


def towns_outside_their_province(
    gaz: Gazetteer, text: str, found: list[Resolved]
) -> list[Resolved]:
    """A town followed, as its container, by a province of its own country that does not
    hold it ("near Kamyanka, Kharkiv" read as the Kamyanka of Cherkasy): its namesake in
    that province, else it is dropped and the province places the figure (the village is
    one the gazetteer lacks). Runs after `_within_named_provinces`, so only towns with no
    namesake there are left to drop."""
    out: list[Resolved] = []
    for k, r in enumerate(found):
        if gaz.kinds[r.entry] in _TOWN_KINDS and not r.shape.source:
            held = _container_provinces(gaz, text, found, k)
            where = (gaz.countries[r.entry], gaz.admin1_codes[r.entry])
            if held and where not in held and where[0] in {iso for iso, _ in held}:
                inside = [
                    i
                    for i in r.match.candidates[:MAX_CANDIDATES]
                    if (gaz.countries[i], gaz.admin1_codes[i]) in held
                    and gaz.kinds[i] in _TOWN_KINDS
                ]
                if not inside:
                    continue
                r = Resolved(r.match, max(inside, key=lambda i: prior(gaz, i)), r.score, r.shape)
        out.append(r)
    return out


def _container_provinces(
    gaz: Gazetteer, text: str, found: list[Resolved], k: int
) -> set[tuple[str, str]]:
    """(country, admin1 code) of the provinces among the container names after name `k`."""
    held: set[tuple[str, str]] = set()
    end = found[k].match.end
    for later in found[k + 1 : k + 3]:
        gap = text[end : later.match.start]
        if not _CONTAINER_PUNCTUATION.search(gap) or not container_gap(gap) or later.shape.source:
            break
        if gaz.kinds[later.entry] == _PROVINCE:
            held.add((gaz.countries[later.entry], gaz.admin1_codes[later.entry]))
        end = later.match.end
    return held


def _container_countries(gaz: Gazetteer, text: str, found: list[Resolved], k: int) -> set[str]:
    """Countries of the names that follow name `k` as its containers ("X (A, B)", "X, B"),
    when they agree on one country."""
    countries: set[str] = set()
    end = found[k].match.end
    for later in found[k + 1 : k + 3]:
        gap = text[end : later.match.start]
        if not _CONTAINER_PUNCTUATION.search(gap) or not container_gap(gap):
            break
        if later.shape.source:
            break
        countries.add(gaz.countries[later.entry])
        end = later.match.end
    return countries if len(countries) == 1 else set()


def without_neighbourhoods(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A town read from a neighbourhood's name ("in Santarem (Para) ... in the Sao
    Cristovao neighborhood": not Sao Cristovao, Sergipe) is moved into the town the
    report names: the mention keeps its name (two neighbourhoods stay two places for
    the incident builder) and takes that town's country, province and point (rule
    ``places.v1.part_of``). The town is the nearest earlier one, else the first; a
    report naming no other place keeps the namesake, its only clue to the country."""
    parts = [m for m in mentions if _neighbourhood(text, m)]
    if not parts:
        return mentions
    towns = [
        m for m in mentions
        if m not in parts
        and (not m.is_source_location or m.rule == "places.v1.dateline")  # "CHICAGO (AP)"
        and m.precision in _TOWN_PRECISIONS
    ]
    if not towns:
        towns = [m for m in mentions if m not in parts and m.precision != "country"]
    if not towns:
        return mentions
    out = []
    for m in mentions:
        if m in parts:
            earlier = [t for t in towns if t.span.start < m.span.start]
            town = earlier[-1] if earlier else towns[0]
            m = replace(
                m,
                country=town.country,
                admin1=town.admin1,
                admin2=town.admin2,
                lat=town.lat,
                lon=town.lon,
                geonameid=None,
                precision=town.precision,
                rule="places.v1.part_of",
            )
        out.append(m)
    return out


def _neighbourhood(text: str, m: PlaceMention) -> bool:
    if m.precision not in ("point", "near"):
        return False
    name = m.text.split()[-1] if m.text.split() else ""
    if re.fullmatch(r"(?i:neighbou?rhood|colony|colonia)", name):
        end = m.span.end - len(name) - 1
    elif rules.NEIGHBOURHOOD_AFTER.match(text, m.span.end):
        end = m.span.end
    else:
        return False
    if end <= m.span.start:
        return False
    before = text[max(0, m.span.start - 12) : m.span.start]  # "a San Salvador neighborhood"
    return rules.NEIGHBOURHOOD_OF_CITY_BEFORE.search(before) is None
