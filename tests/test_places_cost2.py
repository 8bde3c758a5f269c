"""The places stage made cheaper at stop 27 (issue 10) gives the answers of the code it
replaced: `prior` read from the entry's kind and population, the admin1 codes of a
province name from an index, the lower-case words of a report asked twice, the tokens
of strict and ordinary text."""

from __future__ import annotations

import math

import pytest

from tollwatch.places.admin2 import _admin1_codes
from tollwatch.places.context import ADMIN1_POPULATION_WEIGHT, prior
from tollwatch.places.gazetteer.model import Gazetteer
from tollwatch.places.ordinary import OrdinaryWords
from tollwatch.places.scan import _tokens


def _old_prior(kind: int, population: int) -> float:
    """`prior` as it was written before stop 27."""
    if kind == 1:
        size = math.log10(population + 10) - 6.0
        return 2.5 + ADMIN1_POPULATION_WEIGHT * size
    if 0 < kind < 5:
        return (0.0, 2.5, 4.5, 2.5, 3.0)[kind]
    return 0.5 * math.log10(population + 10) + (0.3 if kind == 5 else 0.0)


def _gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    for kind, population in [(0, 0), (0, 12_345), (1, 2_000_000), (2, 80_000_000), (3, 0),
                             (4, 9), (5, 1_500), (1, 0)]:
        gaz.names.append("X")
        gaz.countries.append("SY")
        gaz.admin1_codes.append("07")
        gaz.admin2.append("")
        gaz.features.append("")
        gaz.kinds.append(kind)
        gaz.populations.append(population)
    gaz.admin1_names = {"SY.07": "Idlib", "SY.08": "Idlib", "TR.07": "Idlib", "SY.09": "Aleppo",
                        "XX": "Idlib"}
    return gaz


def test_prior_from_kind_and_population_is_the_old_prior() -> None:
    gaz = _gazetteer()
    for i in range(len(gaz)):
        assert prior(gaz, i) == _old_prior(gaz.kinds[i], gaz.populations[i])


@pytest.mark.parametrize(("country", "name"), [("SY", "Idlib"), ("TR", "Idlib"),
                                               ("SY", "Aleppo"), ("SY", "Homs"), ("", "Idlib")])
def test_admin1_codes_from_the_index_are_the_full_pass(country: str, name: str) -> None:
    gaz = _gazetteer()
    full = [code.split(".", 1)[1] for code, held in gaz.admin1_names.items()
            if held == name and code.startswith(f"{country}.")]
    assert _admin1_codes(gaz, country, name) == full


def test_ordinary_words_asked_twice_answer_alike() -> None:
    words = OrdinaryWords("The man was shot; Man-made walls.")
    assert [w in words for w in ("man", "man", "made", "walls", "made", 3)] == [
        True, True, False, True, False, False]


@pytest.mark.parametrize("strict", [True, False])
def test_tokens_of_strict_and_ordinary_text(strict: bool) -> None:
    text = "Fighters of al-Shabaab's unit hit Cox's Bazar and the town"
    tokens = _tokens(text, 10, strict)
    assert [t.text for t in tokens] == [
        "Fighters", "of", "al-Shabaab", "unit", "hit", "Cox", "Bazar", "and", "the", "town"]
    assert all(text[t.start - 10 : t.end - 10] == t.text for t in tokens)
    assert bool(tokens[4].key) is strict  # "hit": keyed only where capitals say nothing
