"""Event cues, their flags, the candidate pre-filter and report relevance."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tollwatch.read.cleaning import clean
from tollwatch.records import CleanText, EventCue, Report, Sentence, Span
from tollwatch.settings import Settings
from tollwatch.violence.detect import (
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


# -- cue families added for recall on coder notes and headlines (docs/events.md) -------------


def strongest(text: str) -> EventCue | None:
    """The strongest cue of a one-line text, or None."""
    found = cues(text)
    return max(found, key=lambda c: c.strength) if found else None


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type", "strength"),
    [
        pytest.param("A shoot-out between two gangs took place near the port.", "battle",
                     "armed_clash", 0.9, id="shoot-out"),
        pytest.param("Border guards reported bursts of machine-gun fire overnight.", "battle",
                     "armed_clash", 0.9, id="bursts-of-fire"),
        pytest.param("Fighting broke out between the militia and the army at noon.", "battle",
                     "armed_clash", 0.9, id="fighting-broke-out"),
        pytest.param("Tribal fighters fought with the army near the dam.", "battle",
                     "armed_clash", 0.9, id="fought-with-armed"),
        pytest.param("The rebel advance was repelled by troops.", "battle", "armed_clash", 0.9,
                     id="was-repelled"),
        pytest.param("Two rebels were killed in an encounter in the hills.", "battle",
                     "armed_clash", 0.9, id="killed-in-encounter"),
        pytest.param("Government forces heavily shell the northern suburbs.",
                     "explosion_remote_violence", "shelling", 1.0, id="forces-shell"),
        pytest.param("Army units fired cluster munitions at the town.",
                     "explosion_remote_violence", "shelling", 1.0, id="fired-munitions"),
        pytest.param("A child was hurt by the fall of shells on the market.",
                     "explosion_remote_violence", "shelling", 1.0, id="fall-of-shells"),
        pytest.param("Eight explosive barrels hit the valley town.", "explosion_remote_violence",
                     "air_strike", 1.0, id="explosive-barrels"),
        pytest.param("Jets from the north conducted strikes on the airfield.",
                     "explosion_remote_violence", "air_strike", 1.0, id="strikes-by-jets"),
        pytest.param("Rebels shot down an army helicopter.", "explosion_remote_violence",
                     "air_strike", 0.85, id="shot-down-helicopter"),
        pytest.param("Saboteurs blew up two power pylons outside the city.",
                     "explosion_remote_violence", "remote_explosive", 1.0, id="blew-up-pylons"),
        pytest.param("Unknown gunmen targeted a checkpoint with rockets.", "battle", "attack", 0.85,
                     id="gunmen-targeted"),
        pytest.param("Loyalist militias target positions of the rebels.", "battle", "attack",
                     0.85, id="target-positions"),
        pytest.param("Drones destroyed three tanks of the enemy forces.", "battle", "attack",
                     0.85, id="destroyed-tanks"),
        pytest.param("Masked men execute two farmers on a rural road.",
                     "violence_against_civilians", "execution", 1.0, id="execute-verb"),
        pytest.param("The decapitated body of a man lay by the road.",
                     "violence_against_civilians", "execution", 1.0, id="decapitated"),
        pytest.param("A trader was taken away by unidentified men.", "violence_against_civilians",
                     "abduction", 1.0, id="taken-away-by"),
        pytest.param("Levantan a un comerciante en el centro.", "violence_against_civilians",
                     "abduction", 1.0, id="levantan"),
        pytest.param("Militia fighters detained four shepherds near the well.",
                     "violence_against_civilians", "abduction", 0.85, id="detained-by-fighters"),
        pytest.param("Drivers blocked the highway with burning tyres.", "other", "mob_violence",
                     0.8, id="burning-tyres"),
        pytest.param("Youths threw stones at a passing police van.", "other", "mob_violence", 0.8,
                     id="threw-stones"),
        pytest.param("Demonstrators vandalised the gate of the town hall.", "other",
                     "mob_violence", 0.8, id="protesters-vandalised"),
        pytest.param("Residents protested by setting old furniture on fire.", "other", "arson",
                     1.0, id="setting-on-fire"),
        pytest.param("Two men on a motorbike gunned down a shopkeeper.",
                     "violence_against_civilians", "attack", 0.85, id="gunned-down"),
        pytest.param("A guard was shot and injured at the mine.", "violence_against_civilians",
                     "attack", 0.85, id="shot-and-injured"),
        pytest.param("Herders fired shots at a group of traders.", "violence_against_civilians",
                     "attack", 0.85, id="fired-shots-at"),
        pytest.param("They shoot a young man outside a bar.", "violence_against_civilians",
                     "attack", 0.85, id="shoot-a-man"),
        pytest.param("A woman was stoned to death in the square.", "violence_against_civilians",
                     "attack", 0.85, id="stoned-to-death"),
        pytest.param("Balean a un taxista en la colonia Centro.", "violence_against_civilians",
                     "attack", 0.85, id="spanish-balean"),
        pytest.param("Matan a dos hermanos en su casa.", "violence_against_civilians", "attack",
                     0.85, id="spanish-matan-a"),
        pytest.param("Gunmen kill a farmer in his field.", "violence_against_civilians", "attack",
                     0.85, id="armed-subject-kills"),
        pytest.param("A local journalist was killed in the port city.",
                     "violence_against_civilians", "attack", 0.85, id="journalist-killed"),
        pytest.param("The bodies of two men were found in a ditch.",
                     "violence_against_civilians", "attack", 0.8, id="bodies-found"),
        pytest.param("They find a lifeless man near the market.", "violence_against_civilians",
                     "attack", 0.8, id="lifeless-man"),
        pytest.param("Hallan restos humanos en un terreno baldío.", "violence_against_civilians",
                     "attack", 0.8, id="restos-humanos"),
        pytest.param("Searchers found a clandestine grave on the ranch.",
                     "violence_against_civilians", "attack", 0.8, id="clandestine-grave"),
        pytest.param("Rebel forces advance into the river town.", "battle", "territory_change",
                     0.8, id="armed-advance"),
    ],
)
def test_added_cue_families(
    text: str, event_type: str, sub_event_type: str, strength: float
) -> None:
    cue = strongest(text)
    assert cue is not None, f"no cue in {text!r}"
    assert (cue.event_type, cue.sub_event_type, cue.strength) == (
        event_type, sub_event_type, strength)
    assert not cue.negated and not cue.hypothetical


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The agency fought against corruption with armed guards.",
                     id="fought-against-corruption"),
        pytest.param("The firm set up shell companies abroad.", id="shell-companies"),
        pytest.param("The campaign targeted young voters.", id="targeted-voters"),
        pytest.param("Unions held strikes across the country.", id="labour-strikes"),
        pytest.param("The minister blew up at reporters.", id="blew-up-angry"),
        pytest.param("Ukrainian forces shot down five drones over the city.",
                     id="intercepted-drones"),
        pytest.param("The new script will execute the code twice.", id="execute-code"),
        pytest.param("Police detained three suspects after the match.", id="police-detained"),
        pytest.param("The author beat him to the literary award.", id="beat-him-to-an-award"),
        pytest.param("The panel found the governing body at fault.", id="governing-body"),
        pytest.param("He found a body of evidence in the archive.", id="body-of-evidence"),
        pytest.param("A body was found in the river after he drowned.", id="drowned"),
        pytest.param("Shares advanced into positive territory.", id="shares-advanced"),
        pytest.param("Rebels shot them into the air to celebrate.", id="shot-into-the-air"),
    ],
)
def test_added_families_ignore_figurative_and_unarmed_uses(text: str) -> None:
    assert all(c.strength < 0.75 for c in cues(text))


def test_kill_without_context_stays_weak() -> None:
    cue = strongest("Three people were killed on the outskirts.")
    assert cue is not None and cue.strength == 0.6


def test_killing_told_by_a_protest_is_not_raised() -> None:
    cue = strongest("Crowds rallied for justice for a man killed by police last month.")
    assert cue is not None and cue.strength == 0.6


@pytest.mark.parametrize(
    ("text", "minimum"),
    [
        pytest.param("Two explosions rock the northern district", 0.9, id="counted-explosions"),
        pytest.param("Militants attacks the airport of the capital", 0.85,
                     id="verb-with-object-is-not-a-habit"),
        pytest.param("Warplanes target the suburbs and leave casualties", 1.0,
                     id="leave-casualties"),
    ],
)
def test_headline_relevance(text: str, minimum: float) -> None:
    clean = make_clean(text)
    assert relevance_score(clean, find_cues(clean, clean.sentences, SETTINGS)) >= minimum


def test_plural_habit_still_counts_less() -> None:
    clean = make_clean("Several attacks and raids have taken place over the years")
    assert relevance_score(clean, find_cues(clean, clean.sentences, SETTINGS)) < 0.8


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('Muere "El Flaco", baleado en la plaza', id="spanish-baleado"),
        pytest.param("Residents blocked the road by setting tyres on fire.", id="tyres-on-fire"),
        pytest.param("QSD fighters detained two men at a checkpoint.", id="detained"),
        pytest.param("A man is deprived of his life in the west end", id="deprived-of-life"),
    ],
)
def test_candidate_sentences_keep_added_families(text: str) -> None:
    assert candidate_sentences(make_clean(text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Blog reading explodes in America.", id="reading-explodes"),
        pytest.param("China is ripe for a media explosion.", id="media-explosion"),
        pytest.param("Poverty could trigger a social explosion.", id="social-explosion"),
        pytest.param("Moya stormed into a 4-0 lead in the first set.", id="stormed-into-a-lead"),
        pytest.param("Wales finished the game on the attack.", id="on-the-attack"),
    ],
)
def test_figurative_growth_and_sport_give_no_event_cue(text: str) -> None:
    assert all(c.strength <= 0.3 for c in cues(text))


def test_clashes_overnight_is_not_figurative() -> None:
    cue = strongest("Clashes overnight left the market in ruins.")
    assert cue is not None and cue.sub_event_type == "armed_clash" and cue.strength == 0.9
