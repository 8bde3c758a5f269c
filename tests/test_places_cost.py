"""The places stage made cheaper at stop 26 (issue 10: geocoding under a quarter of
extraction time) gives the same answers as the code it replaced: the report's lower-case
words read where asked (`OrdinaryWords`) against the whole-text scan (`ordinary_words`),
the demonym votes of `document_country` read once per text, the person prefilter split
in two."""

from __future__ import annotations

import re

import pytest

from tollwatch.places import rules
from tollwatch.places.country import document_country
from tollwatch.places.ordinary import OrdinaryWords, is_ordinary, ordinary_words
from tollwatch.read.cleaning import clean
from tollwatch.records import Report
from tollwatch.settings import Settings

TEXTS = [
    "A man was shot near the bar; the man-made wall, O'man man’s, ’man man_ and x man.",
    "man",
    "Man man2 man",
    "éman man-",
    "ab' ab’ -ab- a'b teen teenagers",
    "TWO KILLED IN AMBUSH",
    "",
    "Teen hurt. The teenager was taken to hospital; a neighbour's dog barked.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_ordinary_words_read_where_asked_are_the_whole_scans(text: str) -> None:
    whole = ordinary_words(text)
    asked = OrdinaryWords(text)
    words = set(re.findall(r"[\w'’-]+", text.lower())) | set(re.findall(r"\w+", text))
    words |= {w + end for w in list(words) for end in ("s", "ed", "er", "ing")}
    for word in words:
        assert (word in asked) == (word in whole), word
        assert is_ordinary(word, asked) == is_ordinary(word, whole), word
    assert bool(asked) == bool(whole)


def test_a_word_written_only_inside_another_is_not_ordinary() -> None:
    asked = OrdinaryWords("The woman's son-in-law and the manager left.")
    assert "man" not in asked and "son" not in asked and "manager" in asked


def test_document_country_asked_twice_gives_one_answer() -> None:
    settings = Settings()
    cleaned = clean(Report(id="t", text="Syrian and Syrian forces met Iraqi units."), settings)
    first = document_country(cleaned, [])
    assert first == "SY"
    assert document_country(cleaned, []) == first


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Jaden Rahm, 16, died.", True),
        ("Toney Keith White II was shot.", True),
        ("Troops killed 12, and three more died.", False),
        ("Ana Ruiz, 34 and Luis Gil died.", True),
        ("No age is given here.", False),
    ],
)
def test_the_person_prefilter_in_two_patterns_is_the_alternation(text: str, found: bool) -> None:
    both = re.compile(r",\s+\d{1,3}(?:,|\s+and\s)|\s(?:II|III|IV|Jr|Sr)")
    split = (rules.PERSON_AGE_END.search(text) is not None
             or rules.PERSON_GENERATION_END.search(text) is not None)
    assert split == (both.search(text) is not None) == found
