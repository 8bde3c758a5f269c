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
from .context import Context, primary_light, prior
from .frame import container_gap
from .gazetteer.model import Gazetteer
from .names import light_key
from .scan import MAX_CANDIDATES, Match

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


# "Burin village (Nablus, West Bank)": a bracket opened right after a town, and the
# container names before this one inside it
_INSIDE_BRACKET = re.compile(r"\(([^().;:!?]{0,60})$")
# "Burin village (", "Abu Shouk IDP camp (", "Kalma camp for displaced people ("
_BEFORE_BRACKET = re.compile(
    r"(?:\s+(?:village|town|city|area|(?:(?:IDPs?|refugee|displacement)\s+)?(?:camp|site)"
    r"(?:\s+for\s+(?:the\s+)?(?:internally\s+)?displaced(?:\s+people|\s+persons)?)?))?\s*$",
    re.IGNORECASE,
)
CONTAINER_RULE = "places.v1.container"


def bracketed_containers(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A town written in brackets after another town of its country names the unit that
    holds it, as coder notes place a village: "Burin village (Nablus, West Bank)" is in
    Burin, not in the city of Nablus. Such a container town is given precision
    ``admin2`` (rule ``places.v1.container``; its point is kept), so the town before it,
    the more precise place, is the incident's; when that town is one the gazetteer
    lacks, the container still places the figure."""
    out: list[PlaceMention] = []
    for m in mentions:
        if m.precision in ("point", "near") and not m.is_source_location:
            town = _town_before_bracket(text, m, out)
            if town is not None and town.country == m.country:
                m = replace(m, precision="admin2", rule=CONTAINER_RULE)
        out.append(m)
    return out


def _town_before_bracket(
    text: str, m: PlaceMention, earlier: list[PlaceMention]
) -> PlaceMention | None:
    """The town right before the bracket that holds `m`, if `m` is inside one."""
    inside = _INSIDE_BRACKET.search(text, max(0, m.span.start - 62), m.span.start)
    if inside is None or (inside.group(1).strip() and not inside.group(1).rstrip().endswith(",")):
        return None
    opening = inside.start()
    before = [t for t in earlier if t.span.end <= opening]
    if not before:
        return None
    t = before[-1]
    if not _BEFORE_BRACKET.fullmatch(text, t.span.end, opening):
        return None
    ok = t.precision in ("point", "near") and t.rule != CONTAINER_RULE
    return t if ok and not t.is_source_location else None


def within_named_provinces(gaz: Gazetteer, found: list[Resolved]) -> list[Resolved]:
    """Re-pick a town among its namesakes in the provinces its sentence names.

    "Al Mansoura village, Raqqa governorate": the Al Mansoura in Raqqa, not the
    larger one elsewhere, when the gazetteer has it.
    """
    named = {
        (gaz.countries[r.entry], gaz.admin1_codes[r.entry])
        for r in found
        if gaz.kinds[r.entry] == 1 and not r.shape.source
    }
    if not named:
        return found
    out = []
    for r in found:
        where = (gaz.countries[r.entry], gaz.admin1_codes[r.entry])
        if gaz.kinds[r.entry] in (0, 4, 5) and where not in named:
            inside = [
                i
                for i in r.match.candidates[:MAX_CANDIDATES]
                if (gaz.countries[i], gaz.admin1_codes[i]) in named and gaz.kinds[i] != 1
            ]
            if inside:
                best = max(inside, key=lambda i: prior(gaz, i))
                r = Resolved(r.match, best, r.score, r.shape)
        out.append(r)
    return out


def containers_in_the_towns_country(
    gaz: Gazetteer, text: str, found: list[Resolved], ctx: Context
) -> list[Resolved]:
    """A province named as a town's container lies in the town's country.

    "near Niangoloko (Niangoloko, Comoe)" in a report about Burkina Faso: Comoe is the
    Burkinabe province, not the Ivorian region of that name. A namesake province in the
    town's country is taken instead; without one (the gazetteer knows no such province,
    often a district) the name is dropped and the town stands alone. Only when the rest
    of the report speaks more for the town's country than for the province's ("Al Jubah
    district (Marib)" is not Juba, however big Juba is).
    """
    out: list[Resolved] = []
    for r in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and gaz.kinds[r.entry] == 1
            and gaz.kinds[prev.entry] in (0, 4, 5)
            and gaz.countries[prev.entry] != gaz.countries[r.entry]
            and _better_supported(gaz, ctx, prev, r)
            and not prev.shape.source
            and container_gap(text[prev.match.end : r.match.start])
        ):
            iso = gaz.countries[prev.entry]
            same = [
                i
                for i in r.match.candidates[:MAX_CANDIDATES]
                if gaz.countries[i] == iso and gaz.kinds[i] == 1
            ]
            if not same:
                continue
            r = Resolved(r.match, max(same, key=lambda i: prior(gaz, i)), r.score, r.shape)
        out.append(r)
    return out


def _better_supported(gaz: Gazetteer, ctx: Context, town: Resolved, province: Resolved) -> bool:
    """Whether the report, each name's own votes left out, speaks more for the town's
    country than for the province's."""
    for_town = ctx.without(town.match).votes.get(gaz.countries[town.entry], 0.0)
    for_province = ctx.without(province.match).votes.get(gaz.countries[province.entry], 0.0)
    return for_town > for_province + 1e-9


def demote_outside_named_provinces(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Halve the score of a town outside every province its sentence names.

    "in Sao Goncalo (Rio de Janeiro)": a Sao Goncalo in another province is
    probably the wrong one (or a village the gazetteer lacks).
    """
    named: dict[int, set[tuple[str | None, str | None]]] = {}
    for m in mentions:
        if m.precision == "admin1" and not m.is_source_location:
            named.setdefault(m.sentence, set()).add((m.country, m.admin1))
    if not named:
        return mentions
    out = []
    for m in mentions:
        provinces = named.get(m.sentence)
        countries = {c for c, _ in provinces} if provinces else set()
        if (
            provinces
            and m.precision in ("point", "near")
            and m.country in countries
            and (m.country, m.admin1) not in provinces
        ):
            m = replace(m, score=round(m.score / 2, 3))
        out.append(m)
    return out


def provinces_before_foreign_containers(
    gaz: Gazetteer, text: str, found: list[Resolved], ctx: Context
) -> list[Resolved]:
    """A name read as a province, followed as its container by a province of another
    country ("in Santa Cruz, San Juan-Laventille": no Bolivian department): the name's
    namesake in the container's country, else it is dropped and the container places the
    figure, as for a town abroad. Not when the container is an acronym ("Islamabad city
    (FCT)" is no Nigerian territory) or the name's country is the report's main one."""
    out: list[Resolved] = []
    for k, r in enumerate(found):
        if (
            gaz.kinds[r.entry] == _PROVINCE
            and not r.shape.source
            and gaz.countries[r.entry] != ctx.main
            and not _acronym_after(text, found, k)
        ):
            held = _container_provinces(gaz, text, found, k)
            countries = {iso for iso, _ in held}
            if len(countries) == 1 and gaz.countries[r.entry] not in countries:
                inside = [
                    i
                    for i in r.match.candidates[:MAX_CANDIDATES]
                    if gaz.countries[i] in countries and gaz.kinds[i] in (*_TOWN_KINDS, 1)
                ]
                if not inside:
                    continue
                r = Resolved(r.match, max(inside, key=lambda i: prior(gaz, i)), r.score, r.shape)
        out.append(r)
    return out


def _acronym_after(text: str, found: list[Resolved], k: int) -> bool:
    if k + 1 >= len(found):
        return False
    word = text[found[k + 1].match.start : found[k + 1].match.end]
    return word.isupper() and len(word) <= 4
