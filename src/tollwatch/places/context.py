"""The report's country context: which countries and provinces its names speak for.

Part of rule ``places.v1`` (see places/geocode.py and docs/places.md): each name found
by scan.py votes for the countries of its candidates, demonyms vote for their country,
and a wire dateline's place leads; the context then favours its candidates.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer.model import Gazetteer
from .names import light_key
from .rules import DATELINE_AFTER, DATELINE_BEFORE
from .scan import Match, Token

VOTING_CANDIDATES = 8


DEMONYM_VOTE = 1.0  # "Ukrainian forces", "Syrian regime": the report's country, as a name
DATELINE_VOTE = 3.0  # a wire dateline's place: where the report is filed, most often its country
COUNTY_DATELINE_VOTE = 3.0  # "HORRY COUNTY, SC (WMBF) -": the county's state leads its towns
CO_LEADER = 0.8  # "Russian forces ... Ukrainian forces": no single country leads


@dataclass
class Context:
    """What the whole report says about where it is."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: set[str] = field(default_factory=set)  # "SY.07"
    # the province a local dateline names ("HORRY COUNTY, SC (WMBF) -"): it outranks the
    # provinces the report's own ambiguous names vote for ("Conway" votes for Arkansas)
    dateline_admin1: str | None = None

    main: str | None = None  # the country with most votes, when it has at least 1
    main_votes: float = 0.0
    leaders: frozenset[str] = frozenset()  # countries within 80 % of the main one's votes
    votes: dict[str, float] = field(default_factory=dict)  # every country's raw votes
    admin_votes: dict[str, float] = field(default_factory=dict)
    # what each name gave: (sentence, start) -> (country shares, province shares)
    shares: dict[tuple[int, int], tuple[dict[str, float], dict[str, float]]] = field(
        default_factory=dict
    )
    # `without`'s answers for this report, by name (sentence, start): asked again by the
    # container rules
    _without: dict[tuple[int, int], Context] = field(
        default_factory=dict, repr=False, compare=False
    )

    def without(self, m: Match) -> Context:
        """The context without the votes of name `m` itself: a name that is the
        report's only evidence must not vote its own namesake into the lead
        ("Palmyra" alone is not a town of the US because it has ten there)."""
        key = (m.sentence, m.start)
        own = self.shares.get(key)
        if own is None:
            return self
        known = self._without.get(key)
        if known is not None:
            return known
        votes = dict(self.votes)
        for iso, share in own[0].items():
            votes[iso] -= share
        admin = dict(self.admin_votes)
        for code, share in own[1].items():
            admin[code] -= share
        local = _settle(votes, admin)
        local.countries = {**self.countries, **local.countries}  # no country drops out
        local.dateline_admin1 = self.dateline_admin1
        self._without[key] = local
        return local


def read_context(
    gaz: Gazetteer, text: str, scans: dict[int, tuple[list[Token], list[Match]]]
) -> Context:
    """Countries and provinces the report is about: the ones that explain most names.

    Each name shares a vote among the countries of its candidates (less when it
    is ambiguous); demonyms vote for their country; early sentences count more; a
    wire dateline's name adds DATELINE_VOTE to its country.
    """
    votes: defaultdict[str, float] = defaultdict(float)
    admin_votes: defaultdict[str, float] = defaultdict(float)
    shares: dict[tuple[int, int], tuple[dict[str, float], dict[str, float]]] = {}
    for rank, (_, (tokens, matches)) in enumerate(sorted(scans.items())):
        weight = 1.5 if rank < 2 else 1.0
        demonyms = gaz.demonyms
        for key in [tok.key for tok in tokens if tok.cap and tok.key in demonyms]:
            iso = demonyms[key]
            if iso:
                votes[iso] += DEMONYM_VOTE * weight
        for m in matches:
            given = _vote(gaz, votes, admin_votes, m, text, weight)
            shares[(m.sentence, m.start)] = given
            if rank == 0 and given[0] and _dateline(text, m):
                # "SAN SALVADOR, 8 AUG 89 (...) --": the wire dateline's country leads
                votes[max(given[0], key=lambda iso: given[0][iso])] += DATELINE_VOTE
    state = county_dateline_state(gaz, text)
    if state:
        votes["US"] += COUNTY_DATELINE_VOTE
        admin_votes[f"US.{state}"] += COUNTY_DATELINE_VOTE
    ctx = _settle(dict(votes), dict(admin_votes))
    ctx.shares = shares
    ctx.dateline_admin1 = f"US.{state}" if state else None
    return ctx


# A US local station's dateline: "HORRY COUNTY, SC (WMBF) -", "Cook County, Ill. (WLS) --"
_COUNTY_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Za-z.'-]*\s+){1,4}(?:COUNTY|County|PARISH|Parish),\s*([A-Z]{2})\.?\s*"
    r"\([A-Z0-9 -]{2,12}\)\s*(?:-{1,2}|—|–)",
    re.MULTILINE,
)
COUNTY_DATELINE_REACH = 2000  # the dateline follows the headline and a teaser or two


def county_dateline_state(gaz: Gazetteer, text: str) -> str | None:
    """The state of a local station's county dateline at the report's start ("HORRY
    COUNTY, SC (WMBF) -"): the county names no town, but its state tells the report's
    Conway from Arkansas's; None without such a dateline or a known state code."""
    hit = _COUNTY_DATELINE.search(text, 0, COUNTY_DATELINE_REACH)
    if hit is None:
        return None
    code = hit.group(1)
    return code if gaz.admin1_place("US", code) is not None else None


def _dateline(text: str, m: Match) -> bool:
    """Whether a name opens a wire dateline ("BOGOTA, 2 SEP 89 (...) --")."""
    if m.start > 80:
        return False
    return (
        DATELINE_BEFORE.search(text[: m.start]) is not None
        and DATELINE_AFTER.match(text[m.end : m.end + 80]) is not None
    )


def _settle(votes: dict[str, float], admin_votes: dict[str, float]) -> Context:
    """The countries and provinces that count, from raw votes."""
    ctx = Context(votes=votes, admin_votes=admin_votes)
    floor = max(1.0, 0.2 * max(votes.values(), default=0.0)) - 1e-9
    countries = ctx.countries = {iso: v for iso, v in votes.items() if v >= floor}
    if countries:
        main = ctx.main = max(sorted(countries), key=countries.__getitem__)
        main_votes = ctx.main_votes = countries[main]
        least = CO_LEADER * main_votes
        ctx.leaders = frozenset([iso for iso, v in countries.items() if v >= least])
    ctx.admin1 = {
        code for code, v in admin_votes.items() if v >= 0.75 and code[:2] in countries
    }
    return ctx


def _vote(
    gaz: Gazetteer,
    votes: defaultdict[str, float],
    admin_votes: defaultdict[str, float],
    m: Match,
    text: str,
    weight: float,
) -> tuple[dict[str, float], dict[str, float]]:
    """Add one name's votes; returns what it gave (country shares, province shares)."""
    light = light_key(text[m.start : m.end])
    best = _offer(gaz, light, m.candidates[:VOTING_CANDIDATES], m.strict and m.first == m.last)
    spread = math.sqrt(len(best)) * (2.0 if m.end - m.start <= 4 else 1.0)  # "U.S." counts less
    given: dict[str, float] = {}
    given_admin: dict[str, float] = {}
    for iso, value, code in best:
        share = weight * max(value - 1.0, 0.0) / spread / 2
        votes[iso] += share
        given[iso] = share
        if code is not None:
            admin_votes[code] += share
            given_admin[code] = given_admin.get(code, 0.0) + share
    return given, given_admin


def _offer(
    gaz: Gazetteer, light: str, candidates: tuple[int, ...], lone: bool
) -> tuple[tuple[str, float, str | None], ...]:
    """What a name (its light key `light`, its voting candidates) offers each country: the
    value of its best candidate there, and that candidate's province ("SY.07"; None for a
    country), in the order the candidates give the countries. `lone`: a lone word in
    upper-case text."""
    spelled = set(gaz.spelled(light))
    if lone:
        # a lone word in upper-case text ("CASE", "BEGIN") votes only as a well-spelled
        # country, province or large town by its own name (not "GUTIERREZ", a surname
        # and an alternate name of Tuxtla Gutierrez)
        candidates = tuple(
            i
            for i in candidates
            if i in spelled
            and (
                gaz.kinds[i] in (1, 2, 3, 4)
                or (gaz.populations[i] >= 100_000 and own_name_light(gaz, i, light, spelled))
            )
        )
    best: dict[str, tuple[float, int]] = {}
    names, countries, kinds, populations = gaz.names, gaz.countries, gaz.kinds, gaz.populations
    for i in candidates:
        well_spelled = i in spelled
        value = _prior(kinds[i], populations[i]) + (1.5 if well_spelled else 0.0)  # `prior`
        # `own_name_light`, inlined: most candidates are not well spelled
        if (well_spelled or not light) and primary_light(names[i]) == light:
            value += 0.75
        iso = countries[i]
        held = best.get(iso)
        if held is None or value > held[0]:
            best[iso] = (value, i)
    return tuple(
        (iso, value, f"{iso}.{gaz.admin1_codes[i]}" if kinds[i] != 2 else None)
        for iso, (value, i) in best.items()
    )


_KIND_PRIOR = (0.0, 2.5, 4.5, 2.5, 3.0)
ADMIN1_POPULATION_WEIGHT = 0.05  # namesake provinces: the more populous one, by a hair


def prior(gaz: Gazetteer, i: int) -> float:
    """How likely an entry is meant before any context: by kind, then population."""
    return _prior(gaz.kinds[i], gaz.populations[i])


@lru_cache(maxsize=65_536)  # asked for every candidate of every name; few distinct pairs
def _prior(kind: int, population: int) -> float:
    """`prior` from the entry's kind and population, the only two things it reads."""
    if kind == 1:
        size = math.log10(population + 10) - 6.0  # 0 for a million people
        return _KIND_PRIOR[1] + ADMIN1_POPULATION_WEIGHT * size
    if 0 < kind < 5:
        return _KIND_PRIOR[kind]
    return 0.5 * math.log10(population + 10) + (0.3 if kind == 5 else 0.0)


@lru_cache(maxsize=65_536)
def primary_light(name: str) -> str:
    return light_key(name)


def own_name_light(gaz: Gazetteer, i: int, light: str, spelled: AbstractSet[int]) -> bool:
    """Whether entry i's own name (not an alternate one) has the light key `light`.

    `spelled` holds at least the entries with a name of that key (`gaz.spelled(light)`),
    which every entry whose own name has it is among: testing it first spares folding
    the names of the other candidates."""
    if light and i not in spelled:
        return False
    return primary_light(gaz.names[i]) == light
