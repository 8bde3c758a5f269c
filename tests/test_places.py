"""Place phrases: variants, articles, upper case, organisations, sources, near/region phrases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollwatch.places.gazetteer import Gazetteer, load_gazetteer
from tollwatch.places.geocode import document_country, find_places
from tollwatch.records import CleanText, PlaceMention, Sentence, Span
from tollwatch.settings import Settings

SETTINGS = Settings()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    """The packaged gazetteer (built once into the user cache, then read from it)."""
    return load_gazetteer(SETTINGS)


def make_clean(text: str) -> CleanText:
    """Sentences split on full stops and line breaks (our own small splitter)."""
    sentences = [
        Sentence(i, Span(m.start(), m.end()), m.group())
        for i, m in enumerate(re.finditer(r"[^\n.]+(?:\.(?!\d)|\n|$)", text))
        if m.group().strip()
    ]
    sentences = [Sentence(i, s.span, s.text) for i, s in enumerate(sentences)]
    return CleanText("t", text, tuple(sentences), upper=not any(c.islower() for c in text))


def places_in(gaz: Gazetteer, text: str) -> list[PlaceMention]:
    clean = make_clean(text)
    return find_places(clean, clean.sentences, gaz, SETTINGS)


def incident_places(gaz: Gazetteer, text: str) -> list[PlaceMention]:
    return [m for m in places_in(gaz, text) if not m.is_source_location]


# --- variants and articles -----------------------------------------------------------

VARIANTS = [
    ("Clashes erupted in al-Mayadeen in Syria on Monday.", "Al Mayadin", "Deir ez-Zor"),
    ("Clashes erupted in Al Mayadin in Syria on Monday.", "Al Mayadin", "Deir ez-Zor"),
    ("Clashes erupted in Mayadin in Syria on Monday.", "Al Mayadin", "Deir ez-Zor"),
    ("Shelling hit Dayr az Zawr city, Syria.", "Deir ez-Zor", "Deir ez-Zor"),
    ("Shelling hit Deir Ezzor city, Syria.", "Deir ez-Zor", "Deir ez-Zor"),
    ("Five died in Deraa city in southern Syria.", "Dar'a", "Daraa"),
    ("Five died in Dar'a city in southern Syria.", "Dar'a", "Daraa"),
    ("Gunmen killed three in Culiacan, Mexico.", "Culiacan", "Sinaloa"),
]


@pytest.mark.parametrize(("text", "name", "admin1"), VARIANTS, ids=[v[0][:32] for v in VARIANTS])
def test_transliteration_variants_find_the_same_place(
    gaz: Gazetteer, text: str, name: str, admin1: str
) -> None:
    points = [m for m in incident_places(gaz, text) if m.precision in ("point", "near")]
    assert points, text
    assert (points[0].name, points[0].admin1) == (name, admin1)
    assert points[0].geonameid is not None and points[0].lat is not None


def test_upper_case_text_is_read_with_a_higher_bar(gaz: Gazetteer) -> None:
    text = (
        "SAN SALVADOR, 3 JAN 90 (RADIO) -- [TEXT] THE ARMED FORCES REPORTED THAT A\n"
        "GUERRILLA UNIT ATTACKED A POST IN USULUTAN DEPARTMENT. THE SALVADORAN ARMY\n"
        "STATION SAID THE FORCE WAS REPELLED.\n"
    )
    found = places_in(gaz, text)
    assert {m.country for m in found} == {"SV"}
    usulutan = [m for m in found if m.precision == "admin1"]
    assert usulutan and usulutan[0].text == "USULUTAN DEPARTMENT"
    dateline = found[0]
    assert dateline.name == "San Salvador" and dateline.is_source_location


# --- not places: organisations, persons, common words ---------------------------------

NOT_PLACES = [
    "Hayat Tahrir al-Sham fighters attacked an army post.",
    "The Islamic State of Iraq and the Levant claimed the attack.",
    "The Syrian Observatory for Human Rights reported the deaths.",
    "The Syrian Democratic Forces denied the report.",
    "Colonel Hama told reporters the attack had failed.",
    "Police said the Victory parade went ahead on Monday.",
    "Militants linked to Al-Qaeda attacked loyalists.",
]


@pytest.mark.parametrize("text", NOT_PLACES, ids=[t[:30] for t in NOT_PLACES])
def test_names_inside_organisations_and_persons_are_not_places(gaz: Gazetteer, text: str) -> None:
    assert places_in(gaz, text) == []


def test_pro_government_metonymy_is_not_a_place(gaz: Gazetteer) -> None:
    found = places_in(gaz, "IS killed 35 pro-Damascus fighters in Homs province.")
    assert [m.name for m in found] == ["Homs"]


# --- the source's place -----------------------------------------------------------------

SOURCES = [
    ("The UK-based Observatory said 12 died in Idlib province, Syria.", "GB"),
    ("The Britain-based monitor reported clashes in Hama, Syria.", "GB"),
    ("A spokesman in Damascus said 12 soldiers died in Idlib province.", "SY"),
    ("BEIRUT (AFP) - Twelve soldiers died in Idlib province, Syria.", "LB"),
]


@pytest.mark.parametrize(("text", "country"), SOURCES, ids=[s[0][:28] for s in SOURCES])
def test_source_locations_are_flagged(gaz: Gazetteer, text: str, country: str) -> None:
    found = places_in(gaz, text)
    sources = [m for m in found if m.is_source_location]
    assert len(sources) == 1 and sources[0].country == country
    assert any(m.admin1 in ("Idlib", "Hama") for m in found if not m.is_source_location)


# --- phrase shapes: province, near, between, regions ----------------------------------

SHAPES = [
    ("Air strikes hit Idlib province in Syria.", "Idlib province in Syria", "admin1", "Idlib"),
    ("Clashes hit outside Homs, in Syria.", "outside Homs", "near", "Homs"),
    (
        "Mortar fire struck houses near al-Mayadeen city in Deir Ezzor province at dawn.",
        "near al-Mayadeen city in Deir Ezzor province",
        "near",
        "Deir ez-Zor",
    ),
    ("Shells fell 10 km east of Palmyra, Syria.", "10 km east of Palmyra, Syria", "near", "Homs"),
    ("Militants attacked in central Syria.", "central Syria", "region", None),
    ("Rebels hold northwestern Idlib, Syria.", "northwestern Idlib, Syria", "region", "Idlib"),
    ("Cells hide in the Badia desert.", "Badia desert", "region", None),
    (
        "An ambush between Palmyra and Deir Ezzor killed 20 in Syria.",
        "between Palmyra and Deir Ezzor",
        "region",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "phrase", "precision", "admin1"), SHAPES, ids=[s[1][:30] for s in SHAPES]
)
def test_place_phrase_shapes(
    gaz: Gazetteer, text: str, phrase: str, precision: str, admin1: str | None
) -> None:
    found = [m for m in incident_places(gaz, text) if m.precision != "country"]
    assert found, text
    first = found[0]
    assert (first.text, first.precision, first.admin1) == (phrase, precision, admin1)
    assert text[first.span.start : first.span.end] == first.text


PARTS = [
    (
        "Gunmen killed two men in the Buenos Aires sector of Culiacán, Mexico.",
        "Culiacan",
        "Buenos Aires sector of Culiacán, Mexico",
    ),
    ("Police found a body in Al Mansoura village, Raqqa governorate, Syria.", "Al Mansurah", None),
]


@pytest.mark.parametrize(("text", "name", "phrase"), PARTS, ids=["part-of-town", "in-province"])
def test_parts_and_namesakes_follow_the_containing_place(
    gaz: Gazetteer, text: str, name: str, phrase: str | None
) -> None:
    found = incident_places(gaz, text)
    assert found[0].name == name
    assert phrase is None or found[0].text == phrase
    if phrase is None:
        assert (found[0].country, found[0].admin1) == ("SY", "Raqqa")


def test_a_list_of_towns_stays_a_list(gaz: Gazetteer) -> None:
    found = incident_places(gaz, "Shelling hit Douma, Harasta and Arbin in Syria.")
    assert [m.text for m in found][:2] == ["Douma", "Harasta"]


def test_only_the_given_sentences_are_searched(gaz: Gazetteer) -> None:
    clean = make_clean("Fighting raged in Aleppo, Syria. Later, shells hit Homs.")
    found = find_places(clean, clean.sentences[1:], gaz, SETTINGS)
    assert [m.name for m in found] == ["Homs"]
    assert all(m.sentence == 1 for m in found)


# --- false friends and the sentence frame ---------------------------------------------------

# (text, the only country its incident places may be in): a namesake abroad, matched by an
# alternate name or as part of a longer name, loses to the province named beside it
FALSE_FRIENDS = [
    ("Shelling hit Ghadir al Bostan village, Quneitra, on Monday.", "SY"),
    ("Gunmen attacked a market in Bani Hasan (Abs, Hajjah) on Friday.", "YE"),
    ("Shelling hit Jurf Al Nasr district, Babil.", "IQ"),
    ("Soldiers raided Bagram district, Parwan.", "AF"),
    ("Shells landed on Qaatabah, Ad Dali.", "YE"),
    ("A drone struck the Zap region (Al Amadiya district) of Duhok.", "IQ"),
    ("Turkish forces shelled Tal Shanan town in Al Hasakeh countryside.", "SY"),
    ("A man was shot in Colonia Rincon del Poniente in Guadalupe, Nuevo Leon.", "MX"),
    ("Fighters were killed in al-Tabaqa overnight.", "SY"),
    ("Clashes east of the Euphrates killed five fighters.", "SY"),
]


@pytest.mark.parametrize(("text", "country"), FALSE_FRIENDS, ids=[f[0][:30] for f in FALSE_FRIENDS])
def test_false_friends_lose_to_the_named_province(gaz: Gazetteer, text: str, country: str) -> None:
    found = incident_places(gaz, text)
    assert found, text
    assert {m.country for m in found} == {country}


def test_a_town_outside_the_named_province_gives_way_to_it(gaz: Gazetteer) -> None:
    found = incident_places(
        gaz, "Turkish forces shelled Tal Shanan town in Al Hasakeh countryside."
    )
    assert [m.admin1 for m in found] == ["Al-Hasakah"]


# (text, country, province): namesake provinces are told apart by the towns beside them,
# by a comma phrase ("X, Province") and by demonyms
NAMESAKE_PROVINCES = [
    ("Jets struck Houthi positions in Kitaf (Kitaf wa Al Boqee, Sadah).", "YE", "Saada"),
    (
        "Russian forces advanced towards Novomykhaylivka, Donetsk, clashing with Ukrainian forces.",
        "UA",
        "Donetsk",
    ),
    ("Ambazonian separatists attacked a post in Nseh village (Bui, Nord-Ouest).", "CM", None),
]


@pytest.mark.parametrize(
    ("text", "country", "admin1"), NAMESAKE_PROVINCES, ids=["sadah", "donetsk", "nord-ouest"]
)
def test_namesake_provinces_follow_their_neighbours(
    gaz: Gazetteer, text: str, country: str, admin1: str | None
) -> None:
    provinces = [m for m in incident_places(gaz, text) if m.precision == "admin1"]
    assert provinces, text
    assert provinces[-1].country == country
    if admin1:
        assert provinces[-1].admin1 == admin1


# (text, a word that must not become a place): weapons, parties and whose-not-where uses
NOT_WHERE = [
    ("Forces shelled Pervomaisk, Luhansk with BM-21 Grad missiles.", "Grad"),
    ("Two militants of Pakistan origin were killed in a gunfight in Kulgam district.", "Pakistan"),
    ("A reporter was shot by Israel forces near Jenin camp.", "Israel"),
    ("Factions loyal to Turkey clashed with regime forces west of al-Bab.", "Turkey"),
    ("U.S led coalition jets struck targets in Hajin.", "U.S"),
    ("A man was shot in Colonia Rincon del Poniente in Guadalupe, Nuevo Leon.", "Colonia"),
    ("Zacatecas: Gunmen Torture And Hang Man Near School In Fresnillo", "Hang"),
]


@pytest.mark.parametrize(("text", "word"), NOT_WHERE, ids=[w for _, w in NOT_WHERE])
def test_words_that_say_who_or_what_are_not_places(gaz: Gazetteer, text: str, word: str) -> None:
    assert all(word not in m.text for m in places_in(gaz, text))


def test_a_list_of_provinces_is_not_a_container(gaz: Gazetteer) -> None:
    found = incident_places(gaz, "Clashes continue in Aleppo and Idlib.")
    assert [(m.name, m.precision) for m in found] == [("Aleppo", "point"), ("Idlib", "point")]


def test_a_wire_datelines_country_is_the_sources(gaz: Gazetteer) -> None:
    text = (
        "HAVANA (CUBA), 20 MAR 89 (TASS) -- REBELS ATTACKED A POST IN SAN MIGUEL, EL SALVADOR."
        " THE SALVADORAN ARMY SAID TWO SOLDIERS DIED."
    )
    clean = make_clean(text)
    found = find_places(clean, clean.sentences, gaz, SETTINGS)
    assert [m.country for m in found if m.precision == "point" and not m.is_source_location] == [
        "SV"
    ]
    assert document_country(clean, found) == "SV"


# --- document country and the seed article ------------------------------------------------


def test_document_country_prefers_the_reports_country(gaz: Gazetteer) -> None:
    text = "US officials said Syrian troops shelled Idlib. Washington condemned it."
    clean = make_clean(text)
    assert document_country(clean, find_places(clean, clean.sentences, gaz, SETTINGS)) == "SY"
    assert document_country(make_clean("Nothing here."), []) is None


@pytest.mark.shared
def test_seed_article_places(gaz: Gazetteer, shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")
    found = places_in(gaz, text)
    by_text = {m.text: m for m in found}
    koum = [m for m in found if "Palmyra" in m.text and m.precision == "near"]
    assert koum and koum[0].name == "Tadmur" and koum[0].admin1 == "Homs"
    assert by_text["near al-Mayadeen city in Deir Ezzor province"].precision == "near"
    assert any(m.is_source_location and m.country == "GB" for m in found)
    assert document_country(make_clean(text), found) == "SY"


# --- invariants ------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "in",
        "near",
        "the",
        "of",
        "Homs",
        "Aleppo",
        "al-Mayadeen",
        "Syria",
        "province",
        "city",
        "killed",
        "UK-based",
        "between",
        "and",
        "outside",
        "central",
        "DEIR",
        "EZZOR",
        ",",
        ".",
        "Idlib",
        "Palmyra",
        "Observatory",
        "said",
    ]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(WORDS, min_size=1, max_size=25))
def test_mentions_point_into_their_sentence(gaz: Gazetteer, words: list[str]) -> None:
    clean = make_clean(" ".join(words))
    for m in find_places(clean, clean.sentences, gaz, SETTINGS):
        sentence = clean.sentences[m.sentence]
        assert clean.text[m.span.start : m.span.end] == m.text
        assert sentence.span.start <= m.span.start < m.span.end <= sentence.span.end
        assert 0.0 <= m.score <= 1.0
