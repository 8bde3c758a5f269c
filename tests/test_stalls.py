"""No input stalls a stage: the hostile and scraped texts of issue 11, item 5.

Each case ran for minutes (or for ever) before: exponential backtracking on a line of
periods, a whole-sentence search per cue or per figure, a search of the report's whole
prefix per place, a rescan of every sentence per place. Each stage call now runs under
a generous bound (`within`, a timer signal: a stall fails the test instead of hanging
the suite); the bound catches stalls, it does not measure speed (bench/stalls.py does).
The inputs are ours, written for these tests.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date

import pytest

from timing_support import bounded
from tollwatch.actors.dictionary import find_actors
from tollwatch.actors.sources import find_sources
from tollwatch.pipeline import Resources, extract
from tollwatch.places.geocode import find_places
from tollwatch.read.cleaning import MAX_SENTENCE_CHARS, clean
from tollwatch.records import Report
from tollwatch.settings import Settings
from tollwatch.tolls.find import find_tolls, sentence_tolls
from tollwatch.tolls.numbers import parse_number
from tollwatch.violence.detect import candidate_sentences, find_cues

BOUND_S = 30  # far above what any case takes now; far below what each took before


def within(seconds: int = BOUND_S) -> AbstractContextManager[None]:
    """Fail (raise Stalled) when the block runs longer than `seconds`."""
    return bounded(seconds)


HEADLINE = "Gunmen kill nine at a cattle market near the river crossing"
BODY = (
    "Nine traders were killed and eleven wounded on Tuesday when gunmen on motorbikes "
    "fired on a weekly cattle market outside Gwoza, a local official said. The attackers "
    "stayed for about twenty minutes and then rode off towards the hills, according to a "
    "trader who hid behind a truck. Troops were sent to the area on Wednesday morning and "
    "the wounded were taken to a hospital in Maiduguri, the official added. No group has "
    "said it carried out the raid. Raids on markets in the district left more than thirty "
    "dead last month, a rights group said, urging the state to protect rural traders."
)


def _report(text: str) -> Report:
    return Report(id="hostile", text=text, published=date(2024, 5, 7))


def test_a_separator_line_of_periods_after_the_headline(
    settings: Settings, resources: Resources
) -> None:
    """A scraped page: headline, a line of 180 periods, the story (never finished)."""
    text = f"{HEADLINE}\n{'.' * 180}\n{BODY}"
    with within():
        extraction = extract(_report(text), settings=settings, resources=resources)
    assert extraction.error is None
    assert any(i.killed is not None and i.killed.best == 9 for i in extraction.incidents)


@pytest.mark.parametrize("separator", [".", "!", "?", "…", ". ."])
def test_runs_of_sentence_marks_do_not_backtrack(separator: str, settings: Settings) -> None:
    text = f"{HEADLINE}\n{separator * 3000}x\n{BODY}"
    with within():
        cleaned = clean(_report(text), settings)
    assert cleaned.sentences[0].text == HEADLINE


def test_one_cue_repeated_fifty_thousand_times(settings: Settings) -> None:
    cleaned = clean(_report("killed " * 50_000), settings)
    with within():
        cues = find_cues(cleaned, candidate_sentences(cleaned), settings)
    assert len(cues) == 50_000


def test_a_figure_repeated_twenty_thousand_times(settings: Settings) -> None:
    cleaned = clean(_report("5 killed " * 20_000), settings)
    with within():
        tolls = find_tolls(cleaned, candidate_sentences(cleaned), settings)
    assert len(tolls) >= 10_000


def test_speech_frames_repeated(settings: Settings, resources: Resources) -> None:
    cleaned = clean(_report("police said gunmen said the army said " * 5_000), settings)
    sentences = candidate_sentences(cleaned)
    with within():
        actors = find_actors(cleaned, sentences, resources.actors)
        sources = find_sources(cleaned, sentences, resources.actors, actors)
    assert sources


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Five people were killed in Gwoza on Monday. " * 10_000, id="sentences"),
        pytest.param("Gunmen From Gwoza Killed Borno Maiduguri Kano " * 5_000, id="names"),
        pytest.param("clashes between Gwoza and Kano " * 5_000, id="between"),
    ],
)
def test_many_place_names(text: str, settings: Settings, resources: Resources) -> None:
    cleaned = clean(_report(text), settings)
    with within():
        places = find_places(cleaned, candidate_sentences(cleaned), resources.gazetteer, settings)
    assert places


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a" * 1_000_000, id="1MB-word"),
        pytest.param("gunmen attacked the village and soldiers fought rebels " * 36_000,
                     id="2MB-line"),
        pytest.param("killed" + " " * 500_000 + "x", id="spaces"),
        pytest.param("Dr. " * 200_000, id="abbreviations"),
    ],
)
def test_no_sentence_is_longer_than_the_bound(text: str, settings: Settings) -> None:
    """Long lines without punctuation are cut in pieces (at a comma, else a space), so
    that every sentence-local finder works on bounded sentences."""
    with within():
        cleaned = clean(_report(text), settings)
    assert cleaned.sentences
    assert max(len(s.text) for s in cleaned.sentences) <= MAX_SENTENCE_CHARS
    for s in cleaned.sentences:
        assert text[s.span.start : s.span.end] == s.text
        assert s.text == s.text.strip()


def test_long_lines_are_cut_after_a_comma_when_there_is_one(settings: Settings) -> None:
    text = "Gunmen killed five villagers in Gwoza, " * 300
    cleaned = clean(_report(text), settings)
    assert len(cleaned.sentences) > 1
    assert all(s.text.endswith(",") for s in cleaned.sentences[:-1])


def test_normal_sentences_are_not_cut(settings: Settings) -> None:
    cleaned = clean(_report(f"{HEADLINE}\n{BODY}"), settings)
    assert cleaned.sentences[0].text == HEADLINE
    assert all(len(s.text) < 400 for s in cleaned.sentences)


def test_a_whole_hostile_report_through_the_pipeline(
    settings: Settings, resources: Resources
) -> None:
    text = f"{HEADLINE}\n{'.' * 180}\n{BODY}\n" + "N killed" * 20_000
    with within():
        extraction = extract(_report(text), settings=settings, resources=resources)
    assert extraction.error is None


@pytest.mark.parametrize(
    ("written", "value"),
    [("9" * 18, 10**18 - 1), ("9" * 19, None), ("9" * 5_000, None),
     ("1" + ",000" * 2_000, None), ("1,000,000", 1_000_000)],
)
def test_figures_of_thousands_of_digits_are_no_count(written: str, value: int | None) -> None:
    """Python refuses to convert more than 4,300 digits: such a figure was an internal
    error; a figure of more than 18 digits (past 64-bit integers) is not read."""
    assert parse_number(written) == value


def test_a_toll_of_thousands_of_digits(settings: Settings, resources: Resources) -> None:
    text = f"Gunmen killed {'7' * 5_000} villagers in Gwoza on Monday."
    extraction = extract(_report(text), settings=settings, resources=resources)
    assert extraction.error is None
    assert all(i.killed is None or i.killed.best is None for i in extraction.incidents)


EDGE_TEXTS = [
    "Gunmen killed 5 villagers in Gwoza last Monday, police said on Tuesday.",
    "Five soldiers were killed on 3 January and two more on 31 December in Kabul.",
    "Since 1 January, 40 people have been killed; last month 10 died, two days ago 3.",
    "Attack: 4 dead this week; last year 20 were killed; tomorrow a funeral.",
    "Rebels killed 7 between 30 December and 2 January, in mid-December and late January.",
]


@pytest.mark.parametrize(
    "published",
    [date(1, 1, 1), date(1, 1, 2), date(1, 3, 1), date(1, 12, 31), date(9999, 1, 1),
     date(9999, 12, 24), date(9999, 12, 30), date(9999, 12, 31)],
    ids=str,
)
def test_publication_dates_at_the_edges_of_the_calendar(
    published: date, settings: Settings, resources: Resources
) -> None:
    """Dates read against 0001-01-01 or 9999-12-31 fall outside the calendar: such a
    reading is no date, not an internal error (OverflowError, "year 0 is out of range")."""
    for text in EDGE_TEXTS:
        report = Report(id="edge", text=text, published=published)
        extraction = extract(report, settings=settings, resources=resources)
        assert extraction.error is None, (text, extraction.error)
        for incident in extraction.incidents:
            if incident.date is not None and incident.date.start is not None:
                assert date(1, 1, 1) <= incident.date.start <= date(9999, 12, 31)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1" + ",111" * 20000 + " anos", id="a-long-figure-before-a-unit"),
        pytest.param("1" + ",111" * 20000 + " mortos", id="a-long-figure-without-a-unit"),
        pytest.param("1, " * 60000 + "anos", id="a-long-list-before-a-unit"),
        pytest.param("de 1 e " * 30000 + "anos", id="many-ages-listed"),
        pytest.param("Um homem morreu, " * 20000, id="many-singular-deaths"),
    ],
)
def test_the_units_and_singulars_of_a_language_stay_linear(text: str) -> None:
    """The unit mask once backtracked exponentially on a long run of figures (found by
    tests/test_fuzz.py); a clause's start was searched from the sentence's start per verb.
    A sentence is at most MAX_SENTENCE_CHARS long (read/cleaning.py), as here."""
    with within():
        sentence_tolls(text[-MAX_SENTENCE_CHARS:], language="pt")
