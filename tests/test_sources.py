"""Attribution: named sources, roles, claims, `via`, pronouns and carry-over."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tollwatch.actors.dictionary import ActorDictionary, load_actors
from tollwatch.actors.sources import (
    CLAIM_RESULT,
    find_sources,
    is_claim_sentence,
    source_for_sentence,
)
from tollwatch.records import CleanText, Sentence, SourceMention, Span
from tollwatch.settings import Settings


def make_clean(text: str, upper: bool = False, headline: bool = False) -> CleanText:
    """One sentence per line; the first line is a headline when asked."""
    sentences = [
        Sentence(i, Span(m.start(), m.end()), m.group(), headline=headline and i == 0)
        for i, m in enumerate(re.finditer(r"[^\n]+", text))
    ]
    return CleanText("t", text, tuple(sentences), upper=upper)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actors(Settings())


def sources(text: str, actors: ActorDictionary, **kw: bool) -> list[SourceMention]:
    clean = make_clean(text, **kw)
    return find_sources(clean, clean.sentences, actors)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param("Ten died, the Syrian Observatory for Human Rights said.",
                     "Syrian Observatory for Human Rights", "monitor", id="sohr-full-name"),
        pytest.param("Ten died, the Observatory said.", "Syrian Observatory for Human Rights",
                     "monitor", id="the-observatory"),
        pytest.param("According to the Observatory, ten died.",
                     "Syrian Observatory for Human Rights", "monitor", id="according-to"),
        pytest.param("Ten died, according to local sources.", "local sources", "unknown",
                     id="local-sources"),
        pytest.param("Ten soldiers died, the ministry said.", "ministry", "official",
                     id="the-ministry"),
        pytest.param("Officials said ten people died.", "officials", "official",
                     id="officials-said"),
        pytest.param("Ten died, a police spokesman said.", "police spokesman", "official",
                     id="police-spokesman"),
        pytest.param("Ten died, said a police spokesman.", "police spokesman", "official",
                     id="inverted-said"),
        pytest.param("Witnesses said the gunmen fled.", "witnesses", "witness", id="witnesses"),
        pytest.param("State media reported ten dead.", "Other media", "media", id="state-media"),
        pytest.param("SANA reported a blast in Homs.", "SANA", "media", id="sana"),
        pytest.param("Ten died, Reuters reported.", "Reuters", "media", id="reuters"),
        pytest.param("Human Rights Watch said the strike killed ten.", "Human Rights Watch",
                     "monitor", id="hrw"),
        pytest.param("An activist group said ten died.", "activist group", "monitor",
                     id="activist-group-unnamed"),
        pytest.param("TEN PEASANTS DIED, THE ARMY SAID.", "Military Forces", "official",
                     id="upper-case-army"),
        pytest.param("A local official, speaking on condition of anonymity, said ten died.",
                     "local official", "official", id="aside-on-the-speaker"),
    ],
)
def test_source_and_role(text: str, name: str, role: str, actors: ActorDictionary) -> None:
    found = sources(text, actors, upper=text.isupper())
    assert found, f"no source in {text!r}"
    assert (found[0].name, found[0].role) == (name, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        pytest.param("The Taliban said it had killed 20 soldiers.", "perpetrator_claim",
                     id="group-said-it-killed"),
        # issue 8: a state force's claim is still a claim (rule claim_result, never added
        # to a toll), but its role is official: the speaker is the state, not an armed group
        pytest.param("The army said it killed 50 terrorists.", "official",
                     id="army-said-it-killed"),
        pytest.param("Troops killed 50 militants in the hills, the army said.", "official",
                     id="troops-killed-army-said"),
        pytest.param("Al-Shabaab claimed responsibility for the blast.", "perpetrator_claim",
                     id="claimed-resp"),
        pytest.param("The Houthis said ten Saudi soldiers were killed.", "perpetrator_claim",
                     id="enemy-losses"),
    ],
)
def test_party_speaking_of_its_own_action_is_a_claim(
    text: str, role: str, actors: ActorDictionary
) -> None:
    found = sources(text, actors)
    assert found and found[0].role == role
    assert found[0].rule == CLAIM_RESULT or role == "perpetrator_claim"


def test_armed_party_on_others_violence_is_not_a_claim(actors: ActorDictionary) -> None:
    found = sources("Hamas said the strike hit a school.", actors)
    assert (found[0].name, found[0].role) == ("Hamas", "unknown")
    assert found[0].rule == "sources.v1.party_statement"
    assert not is_claim_sentence(found, 0)


def test_army_reporting_civilian_deaths_is_official(actors: ActorDictionary) -> None:
    found = sources("A bomb killed five villagers, the army said.", actors)
    assert (found[0].role, found[0].rule) == ("official", "sources.v1")


def test_claim_via_propaganda_outlet_then_the_group(actors: ActorDictionary) -> None:
    text = (
        "Ten soldiers were killed, the Observatory said.\n"
        "IS claimed the raid on Friday in a message on its propaganda arm, Amaq.\n"
        "The militant group said it had killed 20 soldiers during an ambush.\n"
        "Eight more died in a separate attack, the Observatory said."
    )
    found = sources(text, actors)
    by_sentence = {s.sentence: s for s in found}
    assert by_sentence[1].name == "Amaq"
    assert by_sentence[1].role == "perpetrator_claim"
    assert (by_sentence[2].name, by_sentence[2].role) == ("Amaq", "perpetrator_claim")
    assert is_claim_sentence(found, 2)
    assert not is_claim_sentence(found, 1)  # responsibility only, not a figure
    assert by_sentence[3].role == "monitor"


def test_cited_by_gives_via_and_it_said_keeps_it(actors: ActorDictionary) -> None:
    text = (
        "Fighters came under attack, the Britain-based monitor was cited by AFP as saying.\n"
        "Militants killed 26 men, it said."
    )
    found = sources(text, actors)
    assert [(s.sentence, s.name, s.via) for s in found] == [
        (0, "Syrian Observatory for Human Rights", "AFP"),
        (1, "Syrian Observatory for Human Rights", "AFP"),
    ]


def test_generic_monitor_takes_the_one_named_monitor(actors: ActorDictionary) -> None:
    text = "Sixty died, an activist group said.\nThe Syrian Observatory said the toll may rise."
    assert {s.name for s in sources(text, actors)} == {"Syrian Observatory for Human Rights"}


def test_headline_tail_is_a_source(actors: ActorDictionary) -> None:
    found = sources("Militants kill 60 fighters: Activist group", actors, headline=True)
    assert found and found[0].role == "monitor"


def test_preposition_object_is_not_the_speaker(actors: ActorDictionary) -> None:
    found = sources("The militia, backed by US airstrikes, declared victory.", actors)
    assert all(s.name != "Military Forces of United States" for s in found)


def test_no_source_without_a_speech_frame(actors: ActorDictionary) -> None:
    assert sources("The Observatory is based in Coventry.", actors) == []


def test_carry_over_until_the_next_source(actors: ActorDictionary) -> None:
    text = (
        "Ten died in Homs, the Observatory said.\n"
        "Four more died in Hama.\n"
        "Police said two bodies were found.\n"
        "The road was closed."
    )
    found = sources(text, actors)
    got = [source_for_sentence(found, i) for i in range(4)]
    assert [g.name if g else None for g in got] == [
        "Syrian Observatory for Human Rights",
        "Syrian Observatory for Human Rights",
        "Police Forces",  # an actor speaking is named as the actor
        "Police Forces",
    ]


def test_claims_are_not_carried_over(actors: ActorDictionary) -> None:
    text = "Ten died, officials said.\nThe Taliban said it killed ten.\nThe road was closed."
    found = sources(text, actors)
    assert source_for_sentence(found, 1).role == "perpetrator_claim"  # type: ignore[union-attr]
    assert source_for_sentence(found, 2).name == "officials"  # type: ignore[union-attr]


def test_no_source_before_any(actors: ActorDictionary) -> None:
    assert source_for_sentence([], 3) is None


def test_seed_article(shared_dir: Path, actors: ActorDictionary) -> None:
    text = (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")
    clean = make_clean(text, headline=True)
    found = find_sources(clean, clean.sentences, actors)
    lines = text.splitlines()
    claim_line = next(i for i, line in enumerate(lines) if "said it had killed" in line)
    claim = source_for_sentence(found, claim_line)
    assert claim is not None and claim.role == "perpetrator_claim"
    assert claim.name in {"Amaq", "Islamic State"}
    assert is_claim_sentence(found, claim_line)
    observatory_lines = [i for i, line in enumerate(lines) if "the Observatory said" in line]
    assert observatory_lines
    for i in observatory_lines:
        src = source_for_sentence(found, i)
        assert src is not None
        assert (src.name, src.role) == ("Syrian Observatory for Human Rights", "monitor")
