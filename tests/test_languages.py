"""The per-language tables (docs/languages.md): one module per language and stage."""

from __future__ import annotations

import importlib
import re

import pytest

from tollwatch.actors.lang import SOURCE_WORDS
from tollwatch.dates.lang import DATE_WORDS
from tollwatch.places.lang import PLACE_WORDS
from tollwatch.read.languages import LANGUAGES, STAGES
from tollwatch.tolls.lang import TOLL_WORDS
from tollwatch.violence.lang import VIOLENCE_WORDS

REGISTRIES = {
    "tolls": TOLL_WORDS, "dates": DATE_WORDS, "violence": VIOLENCE_WORDS,
    "places": PLACE_WORDS, "actors": SOURCE_WORDS,
}  # fmt: skip


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_registers_its_language_modules(stage: str) -> None:
    registry = REGISTRIES[stage]
    assert "en" in registry
    assert set(registry) <= set(LANGUAGES)
    for code, words in registry.items():
        module = importlib.import_module(f"tollwatch.{stage}.lang.{code}")
        assert module.WORDS is words
        assert words.code == code


@pytest.mark.parametrize("code", sorted(TOLL_WORDS))
def test_toll_tables_compile(code: str) -> None:
    words = TOLL_WORDS[code]
    for piece in (words.precheck, *words.qualifiers.values(), *words.outcomes.values(),
                  *words.verbs.values()):
        if piece:
            re.compile(piece)
    assert words.precheck == words.precheck.lower()


@pytest.mark.parametrize("code", sorted(VIOLENCE_WORDS))
def test_violence_stems_are_lower_case(code: str) -> None:
    words = VIOLENCE_WORDS[code]
    assert words.candidate == words.candidate.lower()
    for rule in words.cues:
        assert rule.pattern == rule.pattern.lower(), rule.pattern


@pytest.mark.parametrize("code", sorted(DATE_WORDS))
def test_date_phrases_name_known_resolvers(code: str) -> None:
    from tollwatch.dates.rules import RESOLVERS

    for phrase, name in DATE_WORDS[code].phrases.items():
        kind, _, count = name.partition(":")
        assert kind in RESOLVERS or (kind in ("days", "months") and count.isdigit()), phrase
