"""Event cues, their flags, the candidate pre-filter and report relevance."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tollwatch.clean import clean
from tollwatch.records import CleanText, EventCue, Report, Sentence, Span
from tollwatch.settings import Settings
from tollwatch.violence import (
    candidate_sentences,
    find_cues,
    is_relevant,
    relevance_score,
)

SETTINGS = Settings()


def make_clean(text: str, upper: bool = False) -> CleanText:
    """One sentence per line (a tiny splitter of our own)."""
    sentences = [
        Sentence(i, Span(m.start(), m.end()), m.group())
        for i, m in enumerate(re.finditer(r"[^\n]+", text))
    ]
    return CleanText("t", text, tuple(sentences), upper=upper)


def cues(text: str) -> list[EventCue]:
    clean = make_clean(text)
    return find_cues(clean, clean.sentences, SETTINGS)


def first(text: str) -> EventCue:
    found = cues(text)
    assert found, f"no cue in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        pytest.param("Rebels clashed with troops near the border.", "battle", "armed_clash",
                     id="clash"),
        pytest.param("Heavy fighting raged in the north.", "battle", "armed_clash",
                     id="fighting"),
        pytest.param("Insurgents ambushed a convoy.", "battle", "ambush", id="ambush"),
        pytest.param("Gunmen exchanged fire with officers.", "battle", "armed_clash",
                     id="exchanged-fire"),
        pytest.param("Gunmen stormed a police station.", "battle", "attack", id="stormed"),
        pytest.param("An air strike hit the market.", "explosion_remote_violence", "air_strike",
                     id="air-strike"),
        pytest.param("Warplanes pounded the suburbs.", "explosion_remote_violence", "air_strike",
                     id="warplanes-pounded"),
        pytest.param("A drone strike killed a commander.", "explosion_remote_violence",
                     "drone_strike", id="drone-strike"),
        pytest.param("Artillery shelling damaged homes.", "explosion_remote_violence",
                     "shelling", id="shelling"),
        pytest.param("Mortar rounds fell on the camp.", "explosion_remote_violence", "shelling",
                     id="mortar"),
        pytest.param("A suicide bomber struck a checkpoint.", "explosion_remote_violence",
                     "suicide_bomb", id="suicide-bomber"),
        pytest.param("He blew himself up at the gate.", "explosion_remote_violence",
                     "suicide_bomb", id="blew-himself-up"),
        pytest.param("A roadside bomb hit a patrol.", "explosion_remote_violence", "ied",
                     id="roadside-bomb"),
        pytest.param("A grenade was thrown into a bar.", "explosion_remote_violence", "grenade",
                     id="grenade"),
        pytest.param("A car bomb went off downtown.", "explosion_remote_violence",
                     "remote_explosive", id="car-bomb"),
        pytest.param("A bomb exploded at the station.", "explosion_remote_violence",
                     "remote_explosive", id="bomb"),
        pytest.param("Five hostages were executed.", "violence_against_civilians", "execution",
                     id="executed"),
        pytest.param("Gunmen kidnapped two engineers.", "violence_against_civilians", "abduction",
                     id="kidnapped"),
        pytest.param("Soldiers raped women in the village.", "violence_against_civilians",
                     "sexual_violence", id="raped"),
        pytest.param("A mob lynched the suspect.", "other", "mob_violence", id="lynched"),
        pytest.param("Attackers torched the church.", "other", "arson", id="torched"),
        pytest.param("Looting spread overnight.", "other", "looting", id="looting"),
        pytest.param("The militia massacred villagers.", "violence_against_civilians", "attack",
                     id="massacre"),
        pytest.param("Gunmen shot dead a teacher.", "violence_against_civilians", "attack",
                     id="shot-dead-civilian"),
        pytest.param("Militants attacked an army checkpoint.", "battle", "attack",
                     id="attack-on-soldiers-is-battle"),
        pytest.param("Government forces recaptured the town.", "battle", "territory_change",
                     id="recaptured"),
        pytest.param("TERRORISTS DYNAMITED A POWER PYLON.", "explosion_remote_violence",
                     "remote_explosive", id="upper-case"),
        pytest.param("Sicarios asesinaron a dos policías.", "violence_against_civilians",
                     "attack", id="spanish-asesinaron"),
    ],
)
def test_cue_types(text: str, event_type: str, sub_event_type: str) -> None:
    found = [c for c in cues(text) if c.strength >= 0.5]
    assert (event_type, sub_event_type) in {(c.event_type, c.sub_event_type) for c in found}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("No attack took place overnight.", id="no-attack"),
        pytest.param("The army did not shell the town.", id="did-not-shell"),
        pytest.param("Police foiled a bomb plot.", id="foiled"),
    ],
)
def test_negated(text: str) -> None:
    assert first(text).negated


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The group threatened to bomb the embassy.", id="threatened-to"),
        pytest.param("Rebels plan to attack the capital.", id="plans-to"),
        pytest.param("Officials warned of possible attacks.", id="warned-of"),
        pytest.param("An offensive could begin next week.", id="could"),
    ],
)
def test_hypothetical(text: str) -> None:
    cue = first(text)
    assert cue.hypothetical and not cue.negated


def test_attack_on_government_troops_is_not_figurative() -> None:
    assert any(c.strength >= 0.8 for c in cues("Rebels attacked government troops at dawn."))


def test_plain_report_is_neither_negated_nor_hypothetical() -> None:
    cue = first("A bomb exploded at the station on Monday.")
    assert not cue.negated and not cue.hypothetical and cue.strength >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The war has lasted eight years.", id="war"),
        pytest.param("The conflict shows no sign of ending.", id="conflict"),
        pytest.param("Tensions rose between the parties.", id="tension"),
        pytest.param("Violence is common in the region.", id="violence"),
    ],
)
def test_weak_words_are_weak(text: str) -> None:
    found = cues(text)
    assert found and max(c.strength for c in found) <= 0.3


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("He died of a heart attack.", id="heart-attack"),
        pytest.param("A long legal battle followed.", id="legal-battle"),
        pytest.param("The firm executed the plan well.", id="executed-a-plan"),
        pytest.param("He attacked the government's plans.", id="verbal-attack"),
        pytest.param("The site was bombarded by people asking questions.", id="bombarded-by"),
        pytest.param("Two people were killed when the bus crashed.", id="accident"),
        pytest.param("Blair blasts Tory spending plans.", id="blasts-plans"),
        pytest.param("Tories attack EU asylum moves.", id="attack-moves"),
        pytest.param("He died after a long battle with skin cancer.", id="battle-with-cancer"),
        pytest.param("Council tax is a ticking bomb.", id="ticking-bomb"),
        pytest.param("Analysts at Merrill Lynch agreed.", id="lynch-surname"),
        pytest.param("Blair won the heated Commons clashes.", id="commons-clashes"),
        pytest.param("Howard has gone on the offensive over asylum.", id="on-the-offensive"),
        pytest.param("Kennedy attacked Mr Brown for his record.", id="attacked-mr"),
    ],
)
def test_figurative_or_accidental_uses_give_no_event_cue(text: str) -> None:
    assert all(c.strength <= 0.3 for c in cues(text))


BUSINESS = (
    "Crude prices rose on Thursday after the agency raised its demand forecast.\n"
    "Analysts expect the central bank to hold rates steady.\n"
    "Shares in the retailer climbed 4% on strong holiday sales."
)
VIOLENT = (
    "BAGHDAD, 3 March\n"
    "The central bank held rates steady.\n"
    "A car bomb killed 12 people at a market on Monday, police said.\n"
    "The football season starts next week."
)


def test_candidate_sentences_drop_business_news() -> None:
    assert candidate_sentences(make_clean(BUSINESS)) == []


def test_candidate_sentences_keep_violence_and_dateline() -> None:
    kept = [s.index for s in candidate_sentences(make_clean(VIOLENT))]
    assert kept == [0, 2]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Three soldiers were wounded in the clash.", id="wounded"),
        pytest.param("Gunmen opened fire on a bus.", id="opened-fire"),
        pytest.param("SEVEN PEASANTS WERE MURDERED.", id="upper-murdered"),
        pytest.param("Dos muertos tras una balacera en Culiacán.", id="spanish"),
    ],
)
def test_candidate_sentences_keep_casualty_sentences(text: str) -> None:
    assert candidate_sentences(make_clean(text))


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        pytest.param("A car bomb killed 12 people at a market on Monday.", True,
                     id="bomb-with-toll"),
        pytest.param("Gunmen kidnapped two engineers yesterday.", True, id="kidnap-yesterday"),
        pytest.param("Rebels ambushed a convoy, killing four soldiers.", True, id="ambush-toll"),
        pytest.param("The war has lasted eight years and tensions remain.", False,
                     id="war-background"),
        pytest.param("The group threatened to bomb the embassy.", False, id="threat-only"),
        pytest.param("No attack took place during the election.", False, id="negated"),
        pytest.param(BUSINESS, False, id="business"),
        pytest.param("He was executed in 1842 by his adversaries.", False, id="old-history"),
    ],
)
def test_is_relevant(text: str, relevant: bool) -> None:
    clean = make_clean(text)
    found = find_cues(clean, candidate_sentences(clean), SETTINGS)
    assert is_relevant(clean, found) is relevant


def test_relevance_score_is_between_zero_and_one() -> None:
    clean = make_clean(VIOLENT + "\nA second bomb killed 4 more; clashes and shelling followed.")
    score = relevance_score(clean, find_cues(clean, clean.sentences, SETTINGS))
    assert 0.0 <= score <= 1.0


@hsettings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(
    ["bomb", "killed", "no", "the", "army", "clashes", "heart", "attack", "market", "12",
     "threatened", "to", "shelling", "peace"]), min_size=1, max_size=12))
def test_cue_spans_point_into_the_text(words: list[str]) -> None:
    text = " ".join(words)
    clean = make_clean(text)
    for cue in find_cues(clean, clean.sentences, SETTINGS):
        assert text[cue.span.start:cue.span.end] == cue.text
        assert 0.0 <= cue.strength <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "On 19 May 2022, artillery units shelled a village near the river.",
        "Gunmen attacked a convoy on May 3, officials said.",
    ],
    ids=["month-may-before-cue", "month-may-after-cue"],
)
def test_month_may_is_not_a_modal(text: str) -> None:
    cleaned = clean(Report(id="m", text=text), Settings())
    cues = find_cues(cleaned, cleaned.sentences, Settings())
    assert cues and not any(c.hypothetical for c in cues)
