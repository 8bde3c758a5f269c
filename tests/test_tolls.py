"""The casualty grammar (tollwatch.tolls): example tables, negatives, invariants."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tollwatch.errors import SettingsError
from tollwatch.records import CleanText, Sentence, Span, TollMention
from tollwatch.settings import Settings
from tollwatch.tolls.find import find_tolls

SETTINGS = Settings()


def report(*sentences: str, upper: bool = False) -> CleanText:
    """A report whose sentences are the given strings, joined by one space."""
    parts, start = [], 0
    for index, text in enumerate(sentences):
        parts.append(Sentence(index, Span(start, start + len(text)), text))
        start += len(text) + 1
    return CleanText("r", " ".join(sentences), tuple(parts), upper=upper)


def tolls(*sentences: str) -> list[TollMention]:
    clean = report(*sentences)
    return find_tolls(clean, clean.sentences, SETTINGS)


def counts(text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(m.outcome, m.toll.low, m.toll.best, m.toll.high) for m in tolls(text)]


K, W, A, M = "killed", "wounded", "abducted", "missing"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seed article's forms, reworded
        pytest.param(
            "Gunmen stormed the post, killing 31 loyalist fighters.",
            [(K, 31, 31, 31)],
            id="object-after-participle",
        ),
        pytest.param(
            "Rebels have killed 17 pro-government troops since Monday.",
            [(K, 17, 17, 17)],
            id="object-after-perfect",
        ),
        pytest.param(
            "A roadside bomb killed another nine soldiers on Friday.",
            [(K, 9, 9, 9)],
            id="object-with-another",
        ),
        pytest.param(
            "Three senior police commanders were killed in the ambush.",
            [(K, 3, 3, 3)],
            id="subject-passive-word",
        ),
        pytest.param(
            "Two policemen guarding the consulate in the capital were killed.",
            [(K, 2, 2, 2)],
            id="subject-with-participle-and-place",
        ),
        pytest.param(
            "11 border guards and volunteers died there.",
            [(K, 11, 11, 11)],
            id="subject-intransitive",
        ),
        pytest.param(
            "Seven IS fighters were killed in the raid.", [(K, 7, 7, 7)], id="acronym-is-not-a-verb"
        ),
        pytest.param(
            "Insurgents killed more than 40 soldiers in three days.",
            [(K, 41, 41, None)],
            id="more-than",
        ),
        # qualifiers and vague amounts in context
        pytest.param(
            "At least 14 villagers were hacked to death.", [(K, 14, 14, None)], id="at-least"
        ),
        pytest.param(
            "Nearly 30 people died when the bus hit a mine.", [(K, None, 30, 30)], id="nearly"
        ),
        pytest.param(
            "Between 10 and 15 fighters were killed.", [(K, 10, 10, 15)], id="between-and"
        ),
        pytest.param("Up to 20 people may have been killed.", [(K, None, 20, 20)], id="up-to"),
        pytest.param("Some 200 people were injured.", [(W, None, 200, None)], id="some-number"),
        pytest.param(
            "Dozens of civilians were wounded in the shelling.", [(W, 24, 24, None)], id="dozens"
        ),
        pytest.param("Scores of protesters were injured.", [(W, 40, 40, None)], id="scores"),
        pytest.param("The blast left several people injured.", [(W, 3, 3, None)], id="several"),
        # forms
        pytest.param("The attack left 12 dead.", [(K, 12, 12, 12)], id="left-dead"),
        pytest.param("The clash resulted in 3 fatalities.", [(K, 3, 3, 3)], id="fatalities"),
        pytest.param("The clash caused one fatality.", [(K, 1, 1, 1)], id="one-fatality"),
        pytest.param(
            "Rebels killed 5 and injured 12 in the raid.",
            [(K, 5, 5, 5), (W, 12, 12, 12)],
            id="killed-and-injured",
        ),
        pytest.param(
            "5 killed, 12 injured in market bombing",
            [(K, 5, 5, 5), (W, 12, 12, 12)],
            id="headline-pair",
        ),
        pytest.param("3 killed in Homs shelling", [(K, 3, 3, 3)], id="headline"),
        pytest.param("The bodies of 3 men were found in a ditch.", [(K, 3, 3, 3)], id="bodies-of"),
        pytest.param("The fighting killed all 4 crew members.", [(K, 4, 4, 4)], id="all-n"),
        pytest.param(
            "Troops killed five rebels and wounded 12 others.",
            [(K, 5, 5, 5), (W, 12, 12, 12)],
            id="n-others-is-one-figure",
        ),
        pytest.param(
            "The jets killed 3 soldiers and 2 civilians.",
            [(K, 3, 3, 3), (K, 2, 2, 2)],
            id="object-list",
        ),
        pytest.param(
            "3 soldiers and 2 civilians were killed.",
            [(K, 3, 3, 3), (K, 2, 2, 2)],
            id="subject-list",
        ),
        pytest.param(
            "Six men were shot dead and two others abducted.",
            [(K, 6, 6, 6), (A, 2, 2, 2)],
            id="shot-dead-and-abducted",
        ),
        pytest.param("Militants abducted 7 aid workers.", [(A, 7, 7, 7)], id="abducted"),
        pytest.param("Four soldiers are missing after the ambush.", [(M, 4, 4, 4)], id="missing"),
        pytest.param("Six bodies were found near the river.", [(K, 6, 6, 6)], id="bodies-found"),
        pytest.param(
            "Police found two lifeless men in a car.", [(K, 2, 2, 2)], id="death-adjective"
        ),
        pytest.param(
            "The army said it killed 50 rebels and wounded others.",
            [(K, 50, 50, 50), (W, 1, None, None)],
            id="wounded-others",
        ),
        # one victim without a figure
        pytest.param("A civilian was killed by a stray shell.", [(K, 1, 1, 1)], id="a-civilian"),
        pytest.param("Gunmen killed a man outside the mosque.", [(K, 1, 1, 1)], id="killed-a-man"),
        pytest.param("Gunmen shot dead a police officer.", [(K, 1, 1, 1)], id="shot-dead-a"),
        pytest.param("The militia raided the farm, killing him.", [(K, 1, 1, 1)], id="killing-him"),
        pytest.param(
            "The mayor was assassinated outside his home.", [(K, 1, 1, 1)], id="named-role-passive"
        ),
        pytest.param("He later died of his wounds.", [(K, 1, 1, 1)], id="he-died"),
        pytest.param(
            "A 9-year-old girl was killed by a stray bullet.",
            [(K, 1, 1, 1)],
            id="age-inside-victim",
        ),
        pytest.param(
            "Unknown gunmen killed the village chief.", [(K, 1, 1, 1)], id="killed-the-chief"
        ),
        pytest.param("A farmer's body was found in a well.", [(K, 1, 1, 1)], id="body-found"),
        pytest.param("A man was killed and his body was dumped in a canal.", [(K, 1, 1, 1)],
                     id="body-of-the-same-victim"),
        pytest.param(
            "Ahmed Ali and Omar Hassan were killed on Tuesday.",
            [(K, 2, 2, 2)],
            id="two-named-people",
        ),
        pytest.param("Both were killed instantly.", [(K, 2, 2, 2)], id="both"),
        pytest.param("A farmer and his son were shot dead.", [(K, 2, 2, 2)],
                     id="a-and-his-pair"),
        pytest.param("A soldier and a civilian were killed.", [(K, 2, 2, 2)], id="a-and-a-pair"),
        pytest.param(
            "Two people, including a child, were killed.",
            [(K, 2, 2, 2), (K, 1, 1, 1)],
            id="including-a-child",
        ),
        # updates, zero, either
        pytest.param("The death toll has risen to 40.", [(K, 40, 40, 40)], id="toll-rose"),
        pytest.param(
            "No casualties were reported.", [(K, 0, 0, 0), (W, 0, 0, 0)], id="no-casualties"
        ),
        pytest.param(
            "No one was hurt in the attack.", [(K, 0, 0, 0), (W, 0, 0, 0)], id="no-one-hurt"
        ),
        pytest.param("Nobody was killed.", [(K, 0, 0, 0)], id="nobody-killed"),
        pytest.param(
            "The convoy was ambushed without casualties.",
            [(K, 0, 0, 0), (W, 0, 0, 0)],
            id="without-casualties",
        ),
        pytest.param("There were no injuries.", [(W, 0, 0, 0)], id="no-injuries"),
        pytest.param(
            "4 militants were killed or injured in airstrikes.",
            [(K, None, None, 4)],
            id="killed-or-injured",
        ),
        # upper case wire text and Spanish headlines
        pytest.param("FIVE PEASANTS WERE KILLED BY THE PATROL.", [(K, 5, 5, 5)], id="upper-case"),
        pytest.param(
            "THE BOMB KILLED THREE POLICEMEN AND WOUNDED TWO CIVILIANS.",
            [(K, 3, 3, 3), (W, 2, 2, 2)],
            id="upper-case-active",
        ),
        pytest.param("Asesinan a 4 en carretera de Oaxaca", [(K, 4, 4, 4)], id="spanish-active"),
        pytest.param(
            "Ataque armado deja al menos 3 muertos y 2 heridos",
            [(K, 3, 3, None), (W, 2, 2, 2)],
            id="spanish-nouns",
        ),
        pytest.param("Hallan 2 cuerpos en un canal", [(K, 2, 2, 2)], id="spanish-bodies"),
    ],
)
def test_figures(text: str, expected: list[tuple[str, int | None, int | None, int | None]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The minister met 12 delegates in 2019.", id="no-casualty-word"),
        pytest.param("There is no information on the casualties.", id="unknown-is-not-zero"),
        pytest.param("Casualties unknown.", id="casualties-unknown"),
        pytest.param("The 2011 uprising has cost many lives in Syria.", id="year"),
        pytest.param("A 12-year-old was seen near the bodies.", id="age-near-bodies"),
        pytest.param("Soldiers of Brigade 47 killed on Route 66.", id="unit-labels"),
        pytest.param("Syria's eight-year war has killed.", id="duration"),
        pytest.param("He was shot 8 times but survived.", id="times"),
        pytest.param("Police said 4 suspects were arrested and 2 pistols seized.", id="things"),
        pytest.param("5 vehicles were set on fire.", id="objects"),
        pytest.param("Three gunmen killed a farmer.", id="agents-are-not-victims"),
        pytest.param("The 20 public bodies were audited.", id="public-bodies"),
        pytest.param("Around 50 cattle were killed in the raid.", id="animals"),
        pytest.param("Two men were shot at in the neighbourhood.", id="shot-at-not-killed"),
        pytest.param("At 10:30 the shelling killed.", id="clock-time"),
        pytest.param("He paid $5,000 after the killing.", id="money"),
        pytest.param("Locals killed time at the 3 cafes.", id="idiom-without-victims"),
    ],
)
def test_not_tolls(text: str) -> None:
    assert [(m.outcome, m.toll.best) for m in tolls(text) if (m.toll.best or 0) > 1] == []


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        pytest.param(
            "Militants killed 26 pro-Assad fighters near Idlib.", "pro-Assad fighters", id="object"
        ),
        pytest.param(
            "15 Syrian soldiers and militiamen died there.",
            "Syrian soldiers and militiamen",
            id="subject-coordination",
        ),
        pytest.param("Dozens of civilians were killed.", "civilians", id="vague-of"),
        pytest.param(
            "At least 2 Taliban policemen were killed.", "Taliban policemen", id="qualified"
        ),
        pytest.param("The army killed 4 IS militants.", "IS militants", id="acronym"),
        pytest.param("Three gunmen killed a farmer.", "farmer", id="agent-excluded"),
    ],
)
def test_victim_phrase(text: str, victim: str) -> None:
    mention = tolls(text)[0]
    assert mention.victim_text == victim
    assert mention.victim_span is not None
    assert report(text).text[mention.victim_span.start : mention.victim_span.end] == victim


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        pytest.param("Four officers were killed.", "passive", id="passive"),
        pytest.param("Militants killed four officers.", "active", id="active"),
        pytest.param("Dozens were killed.", "vague", id="vague"),
        pytest.param("The death toll rose to 40.", "update", id="update-rose"),
        pytest.param(
            "The blast killed 3, bringing the death toll to 50.", "update", id="update-bringing"
        ),
        pytest.param("Three children were among the dead.", "part", id="part-among"),
        pytest.param("Two people, including a child, were killed.", "part", id="part-including"),
        pytest.param("No casualties were reported.", "zero", id="zero"),
        pytest.param(
            "Militants killed more than 60 soldiers in two days.", "aggregate_cue", id="in-two-days"
        ),
        pytest.param("In total, 80 people were killed.", "aggregate_cue", id="in-total"),
        pytest.param("So far 12 people have died.", "aggregate_cue", id="so-far"),
        pytest.param(
            "Since Thursday, militants have killed 35 fighters.",
            "aggregate_cue",
            id="since-weekday",
        ),
        pytest.param(
            "More than 300,000 people have been killed since 2011.", "cumulative", id="since-year"
        ),
        pytest.param(
            "The war has killed 5,000 people since the war began.",
            "cumulative",
            id="since-war-began",
        ),
        pytest.param(
            "Over the past five years, 900 people were killed.", "cumulative", id="past-years"
        ),
        pytest.param(
            "The group claimed responsibility and said 9 soldiers were killed.",
            "claim_cue",
            id="claim",
        ),
        pytest.param("2 fatalities.", "summary", id="tally-sentence"),
        pytest.param(
            "Residents protested against the killing of nine people.",
            "background",
            id="protest-about-a-killing",
        ),
        pytest.param("One of them died in hospital.", "partitive", id="one-of-them"),
        pytest.param("4 militants were killed or injured.", "either", id="either"),
    ],
)
def test_flags(text: str, flag: str) -> None:
    assert any(flag in m.flags for m in tolls(text)), [sorted(m.flags) for m in tolls(text)]


def test_unknown_vague_convention_is_refused() -> None:
    clean = report("Dozens were killed.")
    with pytest.raises(SettingsError, match="vague_convention"):
        find_tolls(clean, clean.sentences, Settings(vague_convention="tolls.vague.v9"))


def test_only_given_sentences_are_read() -> None:
    clean = report("Nine soldiers were killed.", "Four police officers were wounded.")
    found = find_tolls(clean, clean.sentences[1:], SETTINGS)
    assert [(m.outcome, m.toll.best, m.sentence) for m in found] == [("wounded", 4, 1)]


def test_spans_are_offsets_into_the_report() -> None:
    clean = report("The convoy left at dawn.", "Later that day, 12 pilgrims were killed.")
    (mention,) = find_tolls(clean, clean.sentences, SETTINGS)
    assert clean.text[mention.span.start : mention.span.end] == "12"
    assert mention.toll.span == mention.span
    assert mention.toll.rule == "tolls.v1"


def test_upper_case_names_are_not_counted_as_two() -> None:
    clean = report("PEASANTS AND WORKERS WERE KILLED.", upper=True)
    assert all(m.toll.best != 2 for m in find_tolls(clean, clean.sentences, SETTINGS))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She and eight others were killed.", [(K, 9, 9, 9)], id="pronoun-plus-others"),
        pytest.param(
            "JESUITS IGNACIO, SEGUNDO AND JOAQUIN WERE KILLED.",
            [(K, 3, 3, 3)],
            id="upper-case-name-list",
        ),
    ],
)
@pytest.mark.xfail(strict=True, reason="known gap of tolls.v1 (docs/tolls.md)")
def test_known_gaps(text: str, expected: list[tuple[str, int, int, int]]) -> None:
    clean = report(text, upper=text.isupper())
    found = find_tolls(clean, clean.sentences, SETTINGS)
    assert [(m.outcome, m.toll.low, m.toll.best, m.toll.high) for m in found] == expected


def test_seed_article(shared_dir: Path) -> None:
    """The founding article: every figure of its gold is found, with its outcome."""
    text = (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")
    lines = [m for m in re.finditer(r"[^\n]+", text)]
    sentences = tuple(Sentence(i, Span(m.start(), m.end()), m.group()) for i, m in enumerate(lines))
    found = find_tolls(CleanText("seed", text, sentences), sentences, SETTINGS)
    killed = {m.toll.best for m in found if m.outcome == "killed"}
    assert {61, 35, 26, 4, 15, 20, 8, 6} <= killed
    assert ("wounded", 1, None) in {(m.outcome, m.toll.low, m.toll.best) for m in found}


_QUALIFIERS = st.sampled_from(
    [
        "",
        "at least ",
        "more than ",
        "nearly ",
        "up to ",
        "about ",
        "fewer than ",
        "between 3 and ",
        "some ",
        "as many as ",
    ]
)
_FIGURES = st.one_of(
    st.integers(0, 5000).map(str),
    st.sampled_from(
        [
            "two",
            "Eight",
            "twenty-six",
            "a dozen",
            "one hundred",
            "dozens of",
            "several",
            "scores of",
            "a few",
        ]
    ),
)
_NOUNS = st.sampled_from(["", "people ", "soldiers ", "IS fighters ", "children and women "])
_FRAMES = st.sampled_from(
    [
        "{q}{n} {v}were killed.",
        "Militants killed {q}{n} {v}near the town.",
        "The death toll rose to {q}{n}.",
        "{q}{n} {v}dead and {q}{n} {v}injured",
        "Gunmen abducted {q}{n} {v}on 12 March 2020.",
        "No one was hurt; {q}{n} {v}died later.",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    prefix=st.text(alphabet="abc XYZ.,0123456789-", max_size=30),
    frame=_FRAMES,
    q=_QUALIFIERS,
    n=_FIGURES,
    v=_NOUNS,
    noise=st.text(max_size=40),
)
def test_tolls_are_ordered_and_spans_point_into_the_text(
    prefix: str, frame: str, q: str, n: str, v: str, noise: str
) -> None:
    clean = report(prefix, frame.format(q=q, n=n, v=v), noise)
    for mention in find_tolls(clean, clean.sentences, SETTINGS):
        toll = mention.toll
        values = [x for x in (toll.low, toll.best, toll.high) if x is not None]
        assert values == sorted(values)
        sentence = clean.sentences[mention.sentence].span
        assert sentence.contains(mention.span)
        assert clean.text[mention.span.start : mention.span.end] == toll.text
        if mention.victim_span is not None:
            assert sentence.contains(mention.victim_span)
            assert clean.text[mention.victim_span.start : mention.victim_span.end] == (
                mention.victim_text
            )
