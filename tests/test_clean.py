"""Cleaning: sentence splitting with offsets into the original text, headline, boilerplate."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tollwatch.read.cleaning import clean, dateline, is_boilerplate, is_hard_wrapped, is_upper
from tollwatch.records import CleanText, Report
from tollwatch.settings import Settings

SETTINGS = Settings()


def run(text: str) -> CleanText:
    return clean(Report(id="t", text=text), SETTINGS)


def texts(text: str) -> list[str]:
    return [s.text for s in run(text).sentences]


def check_offsets(cleaned: CleanText) -> None:
    previous_end = 0
    for number, s in enumerate(cleaned.sentences):
        assert s.index == number
        assert cleaned.text[s.span.start : s.span.end] == s.text
        assert s.span.start >= previous_end, "sentences overlap or are out of order"
        assert s.text and s.text == s.text.strip()
        previous_end = s.span.end
    assert previous_end <= len(cleaned.text)


SPLITS = [
    pytest.param("Gen. Lee arrived. Dr. Smith left.", ["Gen. Lee arrived.", "Dr. Smith left."],
                 id="titles"),
    pytest.param("Lt. Col. Ahmed Saleh was killed. Two soldiers died.",
                 ["Lt. Col. Ahmed Saleh was killed.", "Two soldiers died."], id="lt-col"),
    pytest.param("The U.S. embassy condemned the attack. It said 3 died.",
                 ["The U.S. embassy condemned the attack.", "It said 3 died."], id="us-inside"),
    pytest.param("Aid came from the U.S. It arrived on Monday.",
                 ["Aid came from the U.S.", "It arrived on Monday."], id="us-at-end"),
    pytest.param("On Jan. 5 gunmen attacked a bus. Police came.",
                 ["On Jan. 5 gunmen attacked a bus.", "Police came."], id="month"),
    pytest.param("Camp No. 4 was shelled. Five died.", ["Camp No. 4 was shelled.", "Five died."],
                 id="number-abbreviation"),
    pytest.param("Shots were fired in St. Louis on Monday. Nobody was hurt.",
                 ["Shots were fired in St. Louis on Monday.", "Nobody was hurt."], id="saint"),
    pytest.param("Losses reached 3.5 million dollars. Five died.",
                 ["Losses reached 3.5 million dollars.", "Five died."], id="decimal"),
    pytest.param("John F. Kennedy Airport was closed. Flights resumed.",
                 ["John F. Kennedy Airport was closed.", "Flights resumed."], id="initial"),
    pytest.param('He said: "Five people died." Police arrived.',
                 ['He said: "Five people died."', "Police arrived."], id="closing-quote"),
    pytest.param('"Why?" he asked. Nobody answered.', ['"Why?" he asked.', "Nobody answered."],
                 id="question-in-quote"),
    pytest.param("Rifles, grenades etc. were seized. Two men were held.",
                 ["Rifles, grenades etc. were seized.", "Two men were held."], id="etc-lowercase"),
    pytest.param("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."], id="question-bang"),
    pytest.param("First line.\nSecond line\nThird line.",
                 ["First line.", "Second line", "Third line."], id="newlines"),
    pytest.param("Gunmen killed three\npeople on Monday.",
                 ["Gunmen killed three\npeople on Monday."], id="newline-before-lowercase"),
    pytest.param("   LIMA, 2 FEB 89 -- [TEXT] FIVE SOLDIERS WERE KILLED AND SEVERAL WERE\n"
                 "WOUNDED BY A BOMB WHEN REBELS AMBUSHED A CONVOY IN THE NORTH OF THE\n"
                 "COUNTRY.", ["LIMA, 2 FEB 89 -- [TEXT]", "FIVE SOLDIERS WERE KILLED AND SEVERAL "
                 "WERE\nWOUNDED BY A BOMB WHEN REBELS AMBUSHED A CONVOY IN THE NORTH OF THE\n"
                 "COUNTRY."], id="short-wire"),
    pytest.param("Soldiers (two of them officers.) died. Rebels fled.",
                 ["Soldiers (two of them officers.) died.", "Rebels fled."], id="bracket"),
    pytest.param("GEN.  BUSTILLO RESIGNED.  THE ARMY SAID 5 DIED.",
                 ["GEN.  BUSTILLO RESIGNED.", "THE ARMY SAID 5 DIED."], id="upper-title"),
    pytest.param("THE DEPLOYMENT OF U.S.  SHIPS WAS CRITICIZED.  FIVE DIED.",
                 ["THE DEPLOYMENT OF U.S.  SHIPS WAS CRITICIZED.", "FIVE DIED."],
                 id="upper-us-double-space"),
    pytest.param("1. AT 0945 GUNMEN ATTACKED A CAR.\n\n2. THE VICTIM DIED.",
                 ["1. AT 0945 GUNMEN ATTACKED A CAR.", "2. THE VICTIM DIED."], id="upper-list"),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert texts(text) == expected
    check_offsets(run(text))


WIRE = (
    "   LA PAZ, 4 FEB 90 (EXAMPLE RADIO) -- [REPORT] [TEXT] UNIDENTIFIED MEN THREW A\n"
    "DYNAMITE CHARGE AT THE DOOR OF A BANK IN THE CITY CENTER LAST NIGHT.  THE\n"
    "BLAST DAMAGED TWO CARS AND BROKE THE WINDOWS OF SHOPS NEARBY.  GEN.  JORGE\n"
    "VARGAS SAID NOBODY WAS HURT.\n"
    "\n"
    "   POLICE HAVE ARRESTED TWO SUSPECTS, ACCORDING TO THE U.S. EMBASSY.\n"
)


def test_wire_text_keeps_sentences_across_line_breaks() -> None:
    cleaned = run(WIRE)
    check_offsets(cleaned)
    assert cleaned.upper
    assert is_hard_wrapped(WIRE)
    got = [s.text.replace("\n", " ") for s in cleaned.sentences]
    assert got == [
        "LA PAZ, 4 FEB 90 (EXAMPLE RADIO) -- [REPORT] [TEXT]",
        "UNIDENTIFIED MEN THREW A DYNAMITE CHARGE AT THE DOOR OF A BANK IN THE CITY CENTER "
        "LAST NIGHT.",
        "THE BLAST DAMAGED TWO CARS AND BROKE THE WINDOWS OF SHOPS NEARBY.",
        "GEN.  JORGE VARGAS SAID NOBODY WAS HURT.",
        "POLICE HAVE ARRESTED TWO SUSPECTS, ACCORDING TO THE U.S. EMBASSY.",
    ]
    assert not any(s.headline for s in cleaned.sentences), "a dateline is not a headline"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Five killed in attack on army post in north\nGunmen attacked an army post on "
                     "Monday, killing five.\nPolice said.\nMore later.", id="short-lines"),
        pytest.param("Blast kills 4\nA bomb killed four.\nSign up for our newsletter\nThe end.",
                     id="short-article"),
        pytest.param("One paragraph per line, long enough to be a real paragraph of a news "
                     "article on the web.\n" * 5, id="long-lines"),
    ],
)
def test_web_text_is_not_hard_wrapped(text: str) -> None:
    assert not is_hard_wrapped(text)
    assert len(run(text).sentences) >= 4


@pytest.mark.parametrize(
    "line",
    [
        "BEIRUT, March 3 (Reuters) -",
        "ROME (ITALY), 11 JAN 90 --",
        "TEGUCIGALPA, 1 MAY 89 (ACAN - EFE) --",
        "KABUL (AFP) -",
    ],
)
def test_datelines_are_their_own_sentence(line: str) -> None:
    cleaned = run(f"{line} Gunmen killed two guards at a depot, officials said.")
    assert cleaned.sentences[0].text == line
    assert cleaned.sentences[1].text.startswith("Gunmen killed")
    assert dateline(cleaned) == cleaned.sentences[0]


def test_dateline_after_a_headline() -> None:
    cleaned = run("Depot guards killed\nKABUL (AFP) - Gunmen killed two guards, police said.")
    assert [s.text for s in cleaned.sentences] == [
        "Depot guards killed", "KABUL (AFP) -", "Gunmen killed two guards, police said."]
    assert cleaned.sentences[0].headline
    assert dateline(cleaned) == cleaned.sentences[1]


def test_no_dateline_in_ordinary_headline() -> None:
    text = "Militants kill 5 in March 3 attack - monitor\nFive soldiers died on Friday."
    assert texts(text)[0] == "Militants kill 5 in March 3 attack - monitor"
    assert dateline(run(text)) is None
    assert dateline(run("")) is None


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        pytest.param("Five killed in market blast\nA bomb went off on Monday.", True, id="title"),
        pytest.param("A bomb went off on Monday.\nFive people died.", False, id="first-sentence"),
        pytest.param("Syria: shelling kills 4 in Idlib", True, id="single-line-title"),
        pytest.param("\n\n  Five killed in blast  \nText follows.", True, id="leading-blank"),
        pytest.param("On 5 May, a man was killed in Gao. [size=no report]", False, id="coder-tag"),
        pytest.param("Fighting kills 9 in north. Army says\nMore text.", False, id="two-sentences"),
    ],
)
def test_headline(text: str, headline: bool) -> None:
    cleaned = run(text)
    assert cleaned.sentences[0].headline is headline
    assert not any(s.headline for s in cleaned.sentences[1:])


@pytest.mark.parametrize(
    ("text", "upper"),
    [
        pytest.param(WIRE, True, id="wire"),
        pytest.param("Gunmen killed five people on Monday. NATO said so.", False, id="mixed"),
        pytest.param("UN: 5 DEAD", False, id="too-few-letters"),
        pytest.param("", False, id="empty"),
    ],
)
def test_upper(text: str, upper: bool) -> None:
    assert is_upper(text) is upper
    assert run(text).upper is upper


BOILERPLATE = [
    "Sign up to get the latest news and analysis in your inbox every morning",
    "Sign up for our newsletter.",
    "New Example newsletter: Gulf Briefing",
    "To learn more about republishing this article, contact our syndication desk.",
    "Follow us on Twitter and Facebook.",
    "Read more: How the war began",
    "Copyright 2024 Example Media",
    "© Example Media 2024",
    "All rights reserved.",
    "Click here to read the full report.",
    "Photo: Example Photographer/Example Agency",
    "Image credit: Example Agency",
    "Advertisement",
    "Subscribe now for unlimited access.",
]
NOT_BOILERPLATE = [
    "Police said they would follow the suspects to the border.",
    "Gunmen killed five people in the village on Monday.",
    "The group said in a newsletter that it had killed 20 soldiers.",
    "Read the statement, the minister told reporters.",
    "Residents said they heard gunfire here and there overnight.",
    "Photographers at the scene saw three bodies.",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_lines_are_marked(line: str) -> None:
    assert is_boilerplate(line)
    cleaned = run(f"Blast kills 4 in Kabul\nA bomb killed four people.\n{line}\nPolice arrived.")
    flags = {s.text: s.boilerplate for s in cleaned.sentences}
    assert not flags["A bomb killed four people."]
    assert not flags["Police arrived."]
    assert any(flag for text, flag in flags.items() if text in line)


@pytest.mark.parametrize("sentence", NOT_BOILERPLATE)
def test_news_sentences_are_not_boilerplate(sentence: str) -> None:
    assert not is_boilerplate(sentence)
    assert not any(s.boilerplate for s in run(f"Headline here\n{sentence}").sentences)


def test_promotional_paragraph_is_marked_whole() -> None:
    paragraph = (
        "Example Eye delivers independent coverage of the region. To learn more about "
        "republishing this content, please fill out this form. More about us can be found here."
    )
    cleaned = run(f"Two killed in raid\nTwo men were killed in a raid.\n{paragraph}")
    assert [s.boilerplate for s in cleaned.sentences] == [False, False, True, True, True]


ARTICLE = """Gunmen kill 6 at checkpoint
Gunmen killed six soldiers at a checkpoint on Monday, officials said.
The attackers fled on motorbikes.
Related
Curfew declared in the north
Talks resume in the capital
Police chief replaced
More violence feared, officials say that the army will respond with force soon.
Market prices rise ahead of holiday
Schools reopen after strike
Floods cut main road to the coast
Opposition names new leader
"""


def test_related_links_lists_are_marked() -> None:
    cleaned = run(ARTICLE)
    marked = [s.text for s in cleaned.sentences if s.boilerplate]
    assert marked == [
        "Related",
        "Curfew declared in the north",
        "Talks resume in the capital",
        "Police chief replaced",
        "Market prices rise ahead of holiday",
        "Schools reopen after strike",
        "Floods cut main road to the coast",
        "Opposition names new leader",
    ]
    assert cleaned.sentences[0].headline and not cleaned.sentences[0].boilerplate


def test_rows_of_figures_are_not_a_links_list() -> None:
    text = ("Clashes across the north\nFighting went on all week, officials said.\n"
            "Kabul: 12 killed, 20 wounded\nKandahar: 5 killed\nHelmand: 3 killed, 4 wounded\n"
            "Kunduz: 7 killed\n")
    assert not any(s.boilerplate for s in run(text).sentences)


def test_short_lines_at_the_top_are_not_a_links_list() -> None:
    text = "Gunmen kill 6 at checkpoint\nAttack in the north\nBy Example Writer\n12 May 2024\nText."
    assert not any(s.boilerplate for s in run(text).sentences)


def test_cleaning_never_changes_the_text() -> None:
    text = "  Gen. Lee\u00a0spoke.\r\nFive  died.\t\n\n"
    cleaned = run(text)
    assert cleaned.text is text
    check_offsets(cleaned)


PIECES = ["Gen.", "U.S.", "St.", "3.5", "No.", "said", "KILLED", "Five", "the", "\"", "”",
          "(", ")", ".", "!", "?", "...", "\n", "\n\n", " ", "  ", "--", "[TEXT]", "Jan.", "a", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join) | st.text(max_size=200))
def test_spans_are_in_bounds_ordered_and_map_back(text: str) -> None:
    check_offsets(run(text))


def test_seed_article(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))
    cleaned = run(text)
    check_offsets(cleaned)
    assert cleaned.sentences[0].headline
    marked = " ".join(s.text for s in cleaned.sentences if s.boilerplate)
    expected = " ".join(gold["boilerplate_lines"])
    assert marked == expected


def test_muc_wire_texts(shared_dir: Path) -> None:
    path = shared_dir / "gold" / "dev" / "muc34.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:200]]
    datelines = 0
    for record in records:
        cleaned = run(record["text"])
        check_offsets(cleaned)
        assert cleaned.upper
        for s in cleaned.sentences:
            assert not re.search(r"\b(?:GEN|LT|COL|DR|ST)\.$", s.text), s.text
        datelines += dateline(cleaned) is not None
    assert datelines >= 0.95 * len(records)
