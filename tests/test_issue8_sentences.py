"""Issue 8, sentence level: singular and listed victims, local-news death forms, ages,
the same victim told again, perpetrators' own dead, claims by state forces, dates.

Every sentence here is written for these tests (docs/tolls.md, docs/dates.md,
docs/sources.md say what each rule does).
"""

from __future__ import annotations

import pytest

from tollwatch import Report, extract
from tollwatch.evaluate.articles import document_toll
from tollwatch.pipeline import Resources
from tollwatch.records import CleanText, Sentence, Span, TollMention
from tollwatch.settings import Settings
from tollwatch.tolls.find import find_tolls

SETTINGS = Settings()
K, W, A = "killed", "wounded", "abducted"


def _clean(text: str) -> CleanText:
    return CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))


def tolls(text: str) -> list[TollMention]:
    clean = _clean(text)
    return find_tolls(clean, clean.sentences, SETTINGS)


def totals(text: str) -> dict[str, int]:
    """Best figures per outcome, summed over the sentence's bindings."""
    found: dict[str, int] = {}
    for mention in tolls(text):
        found[mention.outcome] = found.get(mention.outcome, 0) + (mention.toll.best or 0)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # US local-news forms of one death
        pytest.param("A 23-year-old man was fatally shot on Saturday night.", {K: 1},
                     id="fatally-shot"),
        pytest.param("She was pronounced dead at the scene by paramedics.", {K: 1},
                     id="pronounced-dead"),
        pytest.param("A nine year old passenger has been pronounced dead.", {K: 1},
                     id="word-age-never-a-count"),
        pytest.param("8-year-old girl was fatally stabbed Sunday night on Elm Court.", {K: 1},
                     id="bare-age-subject"),
        pytest.param("The clerk was shot fatally during the robbery.", {K: 1},
                     id="shot-fatally"),
        pytest.param("A man fatally shot two women outside the bar.", {K: 2},
                     id="fatally-shot-active"),
        # ages are never counts
        pytest.param("A 4-year-old boy was found dead in the flat.", {K: 1},
                     id="age-and-found-dead-count-once"),
        pytest.param("Tomas Reyes, 19, was pronounced dead at a hospital.", {K: 1},
                     id="age-apposition"),
        pytest.param("A stray round killed 31-year-old Dana Whitfield of Eastgate.", {K: 1},
                     id="named-object-with-age"),
        pytest.param("The gunfire hit Omar Lund, 7, and his uncle.", {},
                     id="age-apposition-is-no-wounded-count"),
        pytest.param("The second burst killed Marta Kovac as she ran.", {K: 1},
                     id="named-object"),
        # listed outcomes keep their own verbs
        pytest.param("Rocket fire kills two and wounds five.", {K: 2, W: 5},
                     id="kills-two-wounds-five"),
    ],
)
def test_sentence_counts(text: str, expected: dict[str, int]) -> None:
    assert totals(text) == expected


@pytest.mark.parametrize(
    ("text", "anaphoric"),
    [
        pytest.param("He died later at the county hospital.", True, id="pronoun"),
        pytest.param("The teenager was killed instantly.", True, id="definite"),
        pytest.param("Okafor was pronounced dead at 9 p.m.", True, id="bare-name"),
        pytest.param("A man was killed on Sunday.", False, id="indefinite"),
        pytest.param("Another man was killed on Sunday.", False, id="another"),
    ],
)
def test_victim_told_again_is_marked(text: str, anaphoric: bool) -> None:
    found = tolls(text)
    assert [m.toll.best for m in found if m.outcome == K] == [1]
    assert ("anaphoric" in found[0].flags) is anaphoric


def _toll(resources: Resources, text: str, published: str = "2016-03-14") -> int | None:
    from datetime import date

    report = Report(id="t", text=text, published=date.fromisoformat(published))
    return document_toll(extract(report, settings=SETTINGS, resources=resources))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Man shot dead in Riverside\n\nA man was shot and killed outside a store on Maple"
            " Avenue on Sunday night, police said. He was taken to a hospital, where he died"
            " shortly after midnight.",
            1,
            id="headline-lead-pronoun",
        ),
        pytest.param(
            "Police said a 17-year-old was fatally shot on Friday in Lakeside. Officers found"
            " Jaylen Brooks, 17, lying near a bus stop. Brooks was pronounced dead at the"
            " scene; the other two victims were treated for minor wounds.",
            1,
            id="bare-name-with-others",
        ),
    ],
)
def test_same_victim_told_again_counts_once(
    resources: Resources, text: str, expected: int
) -> None:
    assert _toll(resources, text) == expected
