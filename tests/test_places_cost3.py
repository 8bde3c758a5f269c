"""The places stage at stop 28 (issue 10): a name's country offers (`_offer`) give the
votes the loop gave; `find_places` re-picks a lone town where the report's
language is spoken itself (what pipeline.py did after it)."""

from __future__ import annotations

import math
from collections import defaultdict

import pytest

from tollwatch.pipeline import Resources
from tollwatch.places.context import _vote, primary_light, prior
from tollwatch.places.gazetteer.model import Gazetteer
from tollwatch.places.geocode import find_places
from tollwatch.places.names import light_key
from tollwatch.places.scan import Match
from tollwatch.places.speech import speakers_namesakes
from tollwatch.read import cleaning
from tollwatch.records import Report
from tollwatch.settings import Settings


def _gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    rows = [("Idlib", "SY", "07", 1, 2_000_000), ("Idlib", "SY", "07", 0, 165_000),
            ("Idlib", "TR", "31", 0, 900), ("Syria", "SY", "", 2, 20_000_000),
            ("Idleb", "SY", "07", 0, 0)]
    for name, country, code, kind, population in rows:
        gaz.names.append(name)
        gaz.countries.append(country)
        gaz.admin1_codes.append(code)
        gaz.admin2.append("")
        gaz.features.append("")
        gaz.kinds.append(kind)
        gaz.populations.append(population)
    gaz.light = {"idlib": (0, 1, 2, 4), "syria": (3,)}
    return gaz


def _old_vote(gaz: Gazetteer, m: Match, text: str, weight: float
              ) -> tuple[dict[str, float], dict[str, float]]:
    """`_vote` as it was written before stop 28 (one loop per name, nothing kept)."""
    light = light_key(text[m.start : m.end])
    spelled = set(gaz.spelled(light))
    candidates = m.candidates[:8]
    if m.strict and m.first == m.last:
        candidates = tuple(i for i in candidates if i in spelled and (
            gaz.kinds[i] in (1, 2, 3, 4)
            or (gaz.populations[i] >= 100_000 and primary_light(gaz.names[i]) == light)))
    best: dict[str, tuple[float, int]] = {}
    for i in candidates:
        value = prior(gaz, i) + (1.5 if i in spelled else 0.0)
        if (i in spelled or not light) and primary_light(gaz.names[i]) == light:
            value += 0.75
        held = best.get(gaz.countries[i])
        if held is None or value > held[0]:
            best[gaz.countries[i]] = (value, i)
    spread = math.sqrt(len(best)) * (2.0 if m.end - m.start <= 4 else 1.0)
    given: dict[str, float] = {}
    given_admin: dict[str, float] = {}
    for iso, (value, i) in best.items():
        share = weight * max(value - 1.0, 0.0) / spread / 2
        given[iso] = share
        if gaz.kinds[i] != 2:
            code = f"{iso}.{gaz.admin1_codes[i]}"
            given_admin[code] = given_admin.get(code, 0.0) + share
    return given, given_admin


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize(("text", "candidates"), [
    ("in Idlib today", (1, 0, 2, 4)), ("IN IDLIB TODAY", (0, 1, 2)), ("in Syria", (3,)),
    ("in Idleb", (4, 1, 0, 2)),
])
def test_the_offers_vote_as_the_loop_did(strict: bool, text: str,
                                          candidates: tuple[int, ...]) -> None:
    gaz = _gazetteer()
    start = 3
    end = start + len(text.split()[1])
    m = Match(0, 1, 1, start, end, candidates, strict)
    for weight in (1.5, 1.0, 1.5):
        votes: defaultdict[str, float] = defaultdict(float)
        admin: defaultdict[str, float] = defaultdict(float)
        given = _vote(gaz, votes, admin, m, text, weight)
        assert given == _old_vote(gaz, m, text, weight)
        assert dict(votes) == given[0]


def test_find_places_repicks_in_the_reports_language(
    settings: Settings, resources: Resources
) -> None:
    gaz = resources.gazetteer
    report = Report(id="t", text="Asesinan a dos hombres en San Roque. La policía investiga.")
    clean = cleaning.clean(report, settings)
    alone = find_places(clean, clean.content(), gaz, settings)
    for language in ("es", "en", None):
        assert find_places(clean, clean.content(), gaz, settings, language) == (
            speakers_namesakes(gaz, alone, language))
