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
from tollwatch.places.scan import _INSIDE_NAMES, _TOKEN, Token, _tokens, _word_keys


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


def _old_tokens(text: str, offset: int, strict: bool) -> list[Token]:
    """`scan._tokens` as it was written before stop 27."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        start, end = m.span()
        start += offset
        if not strict and raw[0].islower() and raw not in _INSIDE_NAMES:
            out.append(Token(start, end + offset, raw, "", "-", False))
            continue
        word, key, core, cap = _word_keys(raw)
        out.append(Token(start, start + len(word), word, key, core, cap))
    return out


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize("text", [
    "Fighters of al-Shabaab's unit hit Cox's Bazar and the town of Deir ez-Zor",
    "TWO KILLED IN AMBUSH NEAR SAN SALVADOR", "", "Харків і Донецької області", "مدينة الباب",
])
def test_tokens_of_strict_and_ordinary_text(strict: bool, text: str) -> None:
    assert _tokens(text, 10, strict) == _old_tokens(text, 10, strict)
