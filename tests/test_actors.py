"""The actor dictionary: aliases, country forms, upper case, folding, user files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tollwatch.actors.dictionary import ActorDictionary, find_actors, load_actors, victim_type
from tollwatch.errors import SettingsError
from tollwatch.records import Actor, ActorMention, CleanText, Sentence, Span
from tollwatch.settings import Settings


def make_clean(text: str, upper: bool = False) -> CleanText:
    """One sentence per line (our own tiny splitter, so these tests need no cleaner)."""
    sentences = [
        Sentence(i, Span(m.start(), m.end()), m.group())
        for i, m in enumerate(re.finditer(r"[^\n]+", text))
    ]
    return CleanText("t", text, tuple(sentences), upper=upper)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actors(Settings())


def mentions(text: str, actors: ActorDictionary, upper: bool = False) -> list[ActorMention]:
    clean = make_clean(text, upper)
    return find_actors(clean, clean.sentences, actors)


def names(text: str, actors: ActorDictionary, upper: bool = False) -> list[str]:
    return [m.actor.name for m in mentions(text, actors, upper)]


@pytest.mark.parametrize(
    ("text", "name", "category"),
    [
        pytest.param("Islamic State fighters struck at dawn.", "Islamic State", "jihadist",
                     id="islamic-state-full-name"),
        pytest.param("ISIS claimed the bombing.", "Islamic State", "jihadist", id="isis"),
        pytest.param("Daesh took the town.", "Islamic State", "jihadist", id="daesh"),
        pytest.param("ISIL lost ground.", "Islamic State", "jihadist", id="isil"),
        pytest.param("IS fighters attacked the base.", "Islamic State", "jihadist",
                     id="is-acronym-mixed-case"),
        pytest.param("Fighters of the Nusra Front shelled it.", "Hayat Tahrir al-Sham",
                     "jihadist", id="nusra-is-hts"),
        pytest.param("HTS fighters advanced.", "Hayat Tahrir al-Sham", "jihadist", id="hts"),
        pytest.param("Al-Shabaab gunmen stormed a hotel.", "Al-Shabaab", "jihadist",
                     id="al-shabaab"),
        pytest.param("Boko Haram raided a village.", "Boko Haram", "jihadist", id="boko-haram"),
        pytest.param("RSF fighters shelled the camp.", "Rapid Support Forces", "rebel",
                     id="rsf-at-war-with-the-army"),
        pytest.param("Janjaweed riders burned the village.", "Pro-Government Militia",
                     "pro_government", id="janjaweed"),
        pytest.param("The loyalists held the line.", "Pro-Government Militia", "pro_government",
                     id="loyalists"),
        pytest.param("Pro-Damascus fighters were hit.", "Pro-Government Militia",
                     "pro_government", id="pro-damascus"),
        pytest.param("Pro Assad forces retreated.", "Pro-Government Militia", "pro_government",
                     id="pro-assad-no-hyphen"),
        pytest.param("NDF members were killed.", "Pro-Government Militia", "pro_government",
                     id="ndf"),
        pytest.param("Opposition fighters shelled the town.", "Rebels", "rebel",
                     id="opposition-fighters"),
        pytest.param("The FARC attacked a patrol.", "FARC", "rebel", id="farc"),
        pytest.param("Sendero Luminoso blew up a pylon.", "Shining Path", "rebel",
                     id="sendero-is-shining-path"),
        pytest.param("The Sinaloa Cartel controls the route.", "Sinaloa Cartel", "criminal",
                     id="sinaloa-cartel"),
        pytest.param("Sicarios shot the mayor.", "Criminal Group", "criminal", id="sicarios"),
        pytest.param("Villagers fled the raid.", "Civilians", "civilians", id="villagers"),
        pytest.param("Unidentified gunmen opened fire.", "Unidentified Armed Group", "unknown",
                     id="unidentified-gunmen"),
        pytest.param("The SDF pushed into the town.", "Syrian Democratic Forces", "rebel",
                     id="sdf"),
        pytest.param("Houthi rebels fired a missile.", "Houthis", "rebel", id="houthis"),
        pytest.param("Ansar Allah denied it.", "Houthis", "rebel", id="ansar-allah"),
        pytest.param("Riot police charged the crowd.", "Police Forces", "police",
                     id="riot-police"),
    ],
)
def test_alias_gives_actor(text: str, name: str, category: str, actors: ActorDictionary) -> None:
    found = mentions(text, actors)
    assert found, f"no actor in {text!r}"
    assert (found[0].actor.name, found[0].actor.category) == (name, category)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("Syrian soldiers died.", "Military Forces of Syria", id="demonym-soldiers"),
        pytest.param("Iraq's army advanced.", "Military Forces of Iraq", id="possessive-country"),
        pytest.param("Pro-Syrian government forces held.", "Pro-Government Militia (Syria)",
                     id="pro-country-government-forces"),
        pytest.param("Nigerian police arrived.", "Police Forces of Nigeria", id="demonym-police"),
        pytest.param("Afghan civilians fled.", "Civilians (Afghanistan)", id="demonym-civilians"),
        pytest.param("The soldiers fired.", "Military Forces", id="no-country"),
        pytest.param("U.S. troops landed.", "Military Forces of United States", id="us-dotted"),
    ],
)
def test_country_forms(text: str, name: str, actors: ActorDictionary) -> None:
    assert names(text, actors)[0] == name


def test_all_names_of_islamic_state_are_one_actor(actors: ActorDictionary) -> None:
    text = "ISIS struck.\nISIL struck.\nDaesh struck.\nThe Islamic State struck.\nIS struck."
    assert set(names(text, actors)) == {"Islamic State"}


def test_lower_case_is_is_a_verb(actors: ActorDictionary) -> None:
    assert names("The road is closed and it is quiet.", actors) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("TERRORISTS OF THE FMLN ATTACKED THE TOWN.", "FMLN", id="muc-fmln"),
        pytest.param("THE SHINING PATH KILLED TWO PEASANTS.", "Shining Path", id="muc-sendero"),
        pytest.param("SALVADORAN SOLDIERS WERE AMBUSHED.", "Military Forces of El Salvador",
                     id="muc-demonym"),
    ],
)
def test_upper_case_text_matches(text: str, expected: str, actors: ActorDictionary) -> None:
    assert expected in names(text, actors, upper=True)


def test_upper_case_is_is_not_islamic_state(actors: ActorDictionary) -> None:
    assert "Islamic State" not in names("THE SITUATION IS TENSE.", actors, upper=True)


def test_named_group_absorbs_generic_words(actors: ActorDictionary) -> None:
    found = mentions("Since Thursday, Islamic State (IS) group militants killed 35 men.", actors)
    assert [m.actor.name for m in found][:1] == ["Islamic State"]
    assert found[0].text == "Islamic State (IS) group militants"


def test_militants_linked_to_a_named_group_are_that_group(actors: ActorDictionary) -> None:
    found = mentions("Militants linked to Syria's former Al-Qaeda affiliate attacked.", actors)
    assert found[0].actor.name == "Hayat Tahrir al-Sham"


def test_anaphor_takes_last_named_non_state_actor(actors: ActorDictionary) -> None:
    text = "Boko Haram attacked the town.\nSoldiers fled.\nThe group said it killed ten."
    found = mentions(text, actors)
    anaphor = [m for m in found if m.text == "The group"]
    assert anaphor and anaphor[0].actor.name == "Boko Haram"


def test_anaphor_without_antecedent_is_dropped(actors: ActorDictionary) -> None:
    assert names("The group said nothing.", actors) == []


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("state", "military"), ("police", "police"), ("pro_government", "militia"),
        ("militia", "militia"), ("rebel", "militant"), ("jihadist", "militant"),
        ("criminal", "militant"), ("civilians", "civilian"), ("unknown", "unknown"),
    ],
)
def test_victim_type(category: str, expected: str) -> None:
    assert victim_type(Actor("x", "unknown", category)) == expected


WORDS = ["soldiers", "IS", "Daesh", "the", "villagers", "pro-government", "forces", "Syrian",
         "said", "killed", "militants", "linked", "to", "Al-Qaeda", "(IS)", "group", "xyz"]


@hsettings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
def test_mention_spans_point_into_the_text(words: list[str]) -> None:
    text = " ".join(words)
    clean = make_clean(text)
    for m in find_actors(clean, clean.sentences, _PACKAGED):
        assert text[m.span.start:m.span.end] == m.text
        assert m.text.strip() == m.text


_PACKAGED = load_actors(Settings())


def write(tmp_path: Path, body: str) -> Settings:
    path = tmp_path / "my_actors.yaml"
    path.write_text(body, encoding="utf-8")
    return Settings(actors_file=str(path))


def test_user_file_extends_and_adds(tmp_path: Path) -> None:
    settings = write(tmp_path, """
actors:
  - name: Islamic State
    aliases: [Tanzim al Dawla]
  - name: Red Hand Brigade
    type: militia
    category: militia
    aliases: [Red Hand, the Red Hand Brigade]
""")
    actors = load_actors(settings)
    assert names("Tanzim al-Dawla fighters came.", actors) == ["Islamic State"]
    assert names("Daesh came.", actors) == ["Islamic State"]  # packaged aliases kept
    assert names("The Red Hand burned it.", actors) == ["Red Hand Brigade"]


def test_user_file_overrides_category(tmp_path: Path) -> None:
    settings = write(tmp_path, """
actors:
  - name: Taliban
    type: state
    category: state
""")
    found = mentions("The Taliban arrested him.", load_actors(settings))
    assert (found[0].actor.type, found[0].actor.category) == ("state", "state")


def test_user_file_can_replace_aliases(tmp_path: Path) -> None:
    settings = write(tmp_path, """
actors:
  - name: Hamas
    replace_aliases: true
    aliases: [Harakat al-Muqawama]
""")
    actors = load_actors(settings)
    assert names("Hamas fired rockets.", actors) == []
    assert names("Harakat al-Muqawama fired rockets.", actors) == ["Hamas"]


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        pytest.param("actors:\n  - name: X\n    aliases: [a, b\n", "line", id="bad-yaml-syntax"),
        pytest.param("actors:\n  - name: X\n    type: warlord\n    category: rebel\n",
                     "type: warlord", id="unknown-type"),
        pytest.param("actors:\n  - name: New\n    aliases: [n]\n", "needs `type`",
                     id="new-actor-without-type"),
        pytest.param("actors:\n  - aliases: [n]\n", "no `name`", id="no-name"),
        pytest.param("actors:\n  - name: X\n    type: rebel\n    category: rebel\n"
                     "    aliases: just-a-string\n", "list of strings", id="aliases-not-list"),
        pytest.param("people: []\n", "unknown top-level", id="unknown-key"),
    ],
)
def test_malformed_user_file_names_file_line_and_fix(
    tmp_path: Path, body: str, needle: str
) -> None:
    settings = write(tmp_path, body)
    with pytest.raises(SettingsError) as err:
        load_actors(settings)
    message = str(err.value)
    assert "my_actors.yaml" in message
    assert needle in message
    assert "docs/actors.md" in message


def test_missing_user_file_is_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot be read"):
        load_actors(Settings(actors_file=str(tmp_path / "absent.yaml")))


def test_error_names_the_line(tmp_path: Path) -> None:
    settings = write(tmp_path, "actors:\n  - name: X\n    type: rebel\n    category: bandit\n")
    with pytest.raises(SettingsError, match=r"line 4"):
        load_actors(settings)


def test_user_entry_wins_a_shared_form(tmp_path: Path) -> None:
    settings = write(tmp_path, """
actors:
  - name: Local Defence Units
    type: militia
    category: pro_government
    aliases: [the militia]
""")
    assert names("The militia attacked.", load_actors(settings)) == ["Local Defence Units"]
