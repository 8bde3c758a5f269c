"""Date phrases: example tables, known failures, and properties of the weekday rule."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tollwatch.dates import weekdays as cal
from tollwatch.dates.choice import incident_date, is_reporting_date
from tollwatch.dates.resolve import document_date, find_dates
from tollwatch.dates.words import WEEKDAYS
from tollwatch.records import CleanText, DateMention, Sentence, Span
from tollwatch.settings import Settings

SATURDAY = SAT = date(2019, 4, 13)  # the seed article's publication day
P = pytest.param
SETTINGS = Settings()


def one_sentence(text: str) -> CleanText:
    return CleanText("t", text, (Sentence(0, Span(0, len(text)), text),))


def dates_in(text: str, published: date | None) -> list[DateMention]:
    clean = one_sentence(text)
    return find_dates(clean, clean.sentences, published, SETTINGS)


def only(text: str, published: date | None) -> DateMention:
    found = dates_in(text, published)
    assert len(found) == 1, found
    return found[0]


def d(iso: str) -> date:
    return date.fromisoformat(iso)


# --- weekdays against a Saturday publication -------------------------------------------

WEEKDAY_CASES = [
    pytest.param(
        "Eight fighters were killed on Thursday.", "2019-04-11", id="on-thursday-two-days-earlier"
    ),
    pytest.param(
        "an activist group said on Saturday.", "2019-04-13", id="same-weekday-is-publication-day"
    ),
    pytest.param("The convoy was hit on Sunday.", "2019-04-07", id="sunday-six-days-earlier"),
    pytest.param("Gunmen struck last Saturday.", "2019-04-06", id="last-saturday-skips-today"),
    pytest.param("Shelling resumed on Tuesday night.", "2019-04-09", id="tuesday-night-is-tuesday"),
    pytest.param("Friday's raid killed two.", "2019-04-12", id="possessive-weekday"),
    pytest.param("ATTACKED ON THURSDAY", "2019-04-11", id="upper-case-weekday"),
    pytest.param(
        "El ataque ocurrió el pasado jueves.", "2019-04-11", id="spanish-el-pasado-jueves"
    ),
    pytest.param("Los hechos ocurrieron el domingo.", "2019-04-07", id="spanish-el-domingo"),
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAY_CASES)
def test_weekday_resolves_on_or_before_publication(text: str, expected: str) -> None:
    mention = only(text, SATURDAY)
    assert (mention.start, mention.end, mention.precision) == (d(expected), d(expected), "day")
    assert mention.relative


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Talks resume next Monday.", id="next-weekday-is-a-plan"),
        pytest.param("Police in Santo Domingo said nothing.", id="santo-domingo-is-a-place"),
        pytest.param("Gunmen fired on a sunday market.", id="lower-case-weekday-in-mixed-text"),
    ],
)
def test_weekday_words_that_are_not_incident_dates(text: str) -> None:
    assert dates_in(text, SATURDAY) == []


# --- ranges ending at publication, and stated ranges -------------------------------------

def span(expected: str) -> tuple[date, date, str]:
    """'2019-04-11..2019-04-13 day' -> (start, end, precision); one date means start = end."""
    days, precision = expected.split()
    first, _, last = days.partition("..")
    return d(first), d(last or first), precision


def resolved(mention: DateMention) -> tuple[date | None, date | None, str]:
    return mention.start, mention.end, mention.precision


RANGE_CASES = [
    P("Since Thursday, IS killed 35", SAT, "2019-04-11..2019-04-13 day", id="since-thursday"),
    P("60 killed in two days", SAT, "2019-04-12..2019-04-13 day", id="in-two-days"),
    P("over the past three days", SAT, "2019-04-11..2019-04-13 day", id="past-three-days"),
    P("in the past 48 hours", SAT, "2019-04-11..2019-04-13 day", id="past-48-hours"),
    P("from Thursday to Saturday", SAT, "2019-04-11..2019-04-13 day", id="from-to-weekdays"),
    P("since 2011", SAT, "2011-01-01..2019-04-13 year", id="since-a-year"),
    P("between 1 and 3 March 2022", None, "2022-03-01..2022-03-03 day", id="between-days"),
    P("between 28 Feb and 2 March 2022", None, "2022-02-28..2022-03-02 day", id="between-months"),
    P("1-3 MARCH 1990", None, "1990-03-01..1990-03-03 day", id="hyphen-day-range"),
    P("1 January to 30 September 2019", None, "2019-01-01..2019-09-30 day", id="date-to-date"),
    P("July 25-Aug. 1, clashes", SAT, "2018-07-25..2018-08-01 day", id="month-day-ranges"),
]


@pytest.mark.parametrize(("text", "published", "expected"), RANGE_CASES)
def test_ranges(text: str, published: date | None, expected: str) -> None:
    assert resolved(only(text, published)) == span(expected)


# --- relative words -----------------------------------------------------------------------

RELATIVE_CASES = [
    pytest.param("yesterday", "2019-04-12 day", id="yesterday"),
    pytest.param("TODAY", "2019-04-13 day", id="today-upper"),
    pytest.param("this morning", "2019-04-13 day", id="this-morning"),
    pytest.param("last night", "2019-04-12 day", id="last-night-is-the-day-before"),
    pytest.param("overnight", "2019-04-12..2019-04-13 day", id="overnight-into-publication"),
    pytest.param("the day before yesterday", "2019-04-11 day", id="day-before-yesterday"),
    pytest.param("15 DAYS AGO", "2019-03-29 day", id="days-ago"),
    pytest.param("two weeks ago", "2019-03-27..2019-04-02 week", id="weeks-ago-week-window"),
    pytest.param("nine years ago today", "2010-04-13 day", id="years-ago-today"),
    pytest.param("last week", "2019-04-01..2019-04-07 week", id="last-week-monday-to-sunday"),
    pytest.param("earlier this week", "2019-04-08..2019-04-13 week", id="earlier-this-week"),
    pytest.param("over the weekend", "2019-04-13 day", id="weekend-cut-at-publication"),
    pytest.param("last month", "2019-03-01..2019-03-31 month", id="last-month"),
    pytest.param("earlier this month", "2019-04-01..2019-04-13 month", id="earlier-this-month"),
    pytest.param("last year", "2018-01-01..2018-12-31 year", id="last-year"),
    pytest.param("ayer", "2019-04-12 day", id="spanish-ayer"),
    pytest.param("hace tres días", "2019-04-10 day", id="spanish-hace-dias"),
    pytest.param("el mes pasado", "2019-03-01..2019-03-31 month", id="spanish-el-mes-pasado"),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE_CASES)
def test_relative_words(text: str, expected: str) -> None:
    mention = only(text, SATURDAY)
    assert resolved(mention) == span(expected)
    assert mention.relative


def test_future_span_is_not_read() -> None:
    assert dates_in("The hostages will be freed in two days.", SATURDAY) == []


# --- explicit dates -------------------------------------------------------------------------

EXPLICIT_CASES = [
    pytest.param(
        "On 23 February 2022, gunmen attacked.",
        None,
        "2022-02-23",
        "day",
        id="acled-on-day-month-year",
    ),
    pytest.param(
        "Around 21 February 2022 (as reported), shells hit.",
        None,
        "2022-02-21",
        "day",
        id="around-date",
    ),
    pytest.param("February 23, 2022", None, "2022-02-23", "day", id="month-day-comma-year"),
    pytest.param("July 8th 2017: a strike", None, "2017-07-08", "day", id="ordinal-day"),
    pytest.param("the 20th of February 2018", None, "2018-02-20", "day", id="the-nth-of-month"),
    pytest.param("23/02/2022", None, "2022-02-23", "day", id="slash-day-first"),
    pytest.param(
        "Proceso (2-18-2014)", None, "2014-02-18", "day", id="month-first-when-day-first-impossible"
    ),
    pytest.param(
        "Daily Report 11/03/2016",
        d("2016-03-15"),
        "2016-03-11",
        "day",
        id="ambiguous-slash-reads-day-first",
    ),
    pytest.param("2022-02-23", None, "2022-02-23", "day", id="iso"),
    pytest.param("ON 23 FEB 90", None, "1990-02-23", "day", id="two-digit-year-1900s"),
    pytest.param("ON 5 MAR 02", None, "2002-03-05", "day", id="two-digit-year-2000s"),
    pytest.param(
        "3 de enero de 2022", None, "2022-01-03", "day", id="spanish-day-de-month-de-year"
    ),
    pytest.param("in March 2022", None, "2022-03-01", "month", id="month-year"),
    pytest.param("enero de 2020", None, "2020-01-01", "month", id="spanish-month-year"),
    pytest.param("in 2019", None, "2019-01-01", "year", id="in-year"),
]


@pytest.mark.parametrize(("text", "published", "start", "precision"), EXPLICIT_CASES)
def test_explicit_dates(text: str, published: date | None, start: str, precision: str) -> None:
    mention = only(text, published)
    assert (mention.start, mention.precision) == (d(start), precision)
    assert not mention.relative


YEARLESS_CASES = [
    pytest.param("ON 10 NOVEMBER", "1990-01-08", "1989-11-10", id="no-year-goes-back-to-last-year"),
    pytest.param("KILLED ON 12 MARCH", "1990-03-12", "1990-03-12", id="no-year-same-day"),
    pytest.param(
        "THE 7 JANUARY ASSASSINATION", "1989-02-08", "1989-01-07", id="no-year-earlier-this-year"
    ),
    pytest.param(
        "will begin meeting on 9 October",
        "1989-10-08",
        "1989-10-09",
        id="no-year-soon-after-stays-this-year",
    ),
    pytest.param("el 5 de mayo", "2020-06-01", "2020-05-05", id="spanish-no-year"),
    pytest.param(
        "TUESDAY, 31 OCTOBER", "1989-11-02", "1989-10-31", id="weekday-and-date-one-mention"
    ),
    pytest.param("Tuesday, 31 October", "2019-04-13", "2017-10-31", id="weekday-picks-the-year"),
    pytest.param(
        "yesterday, 30 March", "2019-03-31", "2019-03-30", id="yesterday-and-date-one-mention"
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), YEARLESS_CASES)
def test_dates_without_a_year(text: str, published: str, expected: str) -> None:
    mention = only(text, d(published))
    assert (mention.start, mention.end, mention.precision) == (d(expected), d(expected), "day")
    assert mention.relative


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("They killed 8 pro-government forces.", id="count"),
        pytest.param("the 2011 uprising", id="bare-year-is-not-read"),
        pytest.param("a 10-year-old boy and an AK-47", id="age-and-weapon"),
        pytest.param("In March 12 people were killed.", id="month-then-count"),
        pytest.param("They may 5 times refuse.", id="may-the-verb"),
        pytest.param("POSTED ALONG 9 OCTOBER AVENUE", id="street-name"),
        pytest.param("the 19 April Movement", id="movement-name"),
        pytest.param("AT 2230 HOURS, 0230 GMT", id="clock-times"),
    ],
)
def test_numbers_that_are_not_days(text: str) -> None:
    assert [m for m in dates_in(text, SATURDAY) if m.precision == "day"] == []


# --- without a publication date ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("killed on Thursday", id="weekday"),
        pytest.param("yesterday", id="yesterday"),
        pytest.param("ON 12 MARCH", id="no-year"),
        pytest.param("last month", id="last-month"),
        pytest.param("in two days", id="span"),
    ],
)
def test_relative_dates_stay_unresolved_without_published(text: str) -> None:
    mention = only(text, None)
    assert (mention.start, mention.end, mention.precision, mention.relative) == (
        None,
        None,
        "unknown",
        True,
    )


def test_explicit_dates_resolve_without_published() -> None:
    mention = only("On 25 March 2022, a fighter attacked.", None)
    assert mention.start == date(2022, 3, 25) and not mention.relative


# --- spans, sentences -------------------------------------------------------------------------


def test_spans_point_into_the_text_and_only_given_sentences_are_read() -> None:
    text = "Two died on Thursday. Three died yesterday."
    first = Sentence(0, Span(0, 21), text[0:21])
    second = Sentence(1, Span(22, len(text)), text[22:])
    clean = CleanText("t", text, (first, second))
    found = find_dates(clean, [second], SATURDAY, SETTINGS)
    assert [(m.text, m.sentence) for m in found] == [("yesterday", 1)]
    assert text[found[0].span.start : found[0].span.end] == "yesterday"


# --- datelines ---------------------------------------------------------------------------------

DATELINE_CASES = [
    pytest.param(
        "   LIMA, 9 JAN 90 (EFE) -- [TEXT] A BOMB WENT OFF.",
        None,
        "1990-01-09",
        False,
        id="wire-dateline",
    ),
    pytest.param(
        "  QUITO, 3 FEB 91 -- [TEXT] ...", None, "1991-02-03", False, id="dateline-without-source"
    ),
    pytest.param(
        "RIO DE JANEIRO (BRAZIL), 20 APR 89 (TV GLOBO) -- x",
        None,
        "1989-04-20",
        False,
        id="place-with-country",
    ),
    pytest.param(
        "Rebels hit town\n\nKABUL, May 2 (Reuters) - Rebels ...",
        d("2019-05-02"),
        "2019-05-02",
        True,
        id="agency-dateline-after-headline",
    ),
    pytest.param(
        "07/08/2017: an airstrike hit ...", None, "2017-07-08", False, id="month-first-prefix"
    ),
]


@pytest.mark.parametrize(("text", "published", "expected", "relative"), DATELINE_CASES)
def test_document_date(text: str, published: date | None, expected: str, relative: bool) -> None:
    mention = document_date(one_sentence(text), published)
    assert mention is not None
    assert (mention.start, mention.relative, mention.rule) == (
        d(expected),
        relative,
        "dates.dateline.v1",
    )
    assert text[mention.span.start : mention.span.end] == mention.text


def test_document_date_is_none_without_a_dateline() -> None:
    assert document_date(one_sentence("Gunmen killed two people in Kabul."), SATURDAY) is None


def test_yearless_dateline_without_published_is_unresolved() -> None:
    mention = document_date(one_sentence("  SAN SALVADOR, 9 OCT (AFP) -- [TEXT] ..."), None)
    assert mention is not None and mention.start is None and mention.precision == "unknown"


# --- statement dates and the incident's date -----------------------------------------------------

REPORTING_CASES = [
    pytest.param("an activist group said on Saturday.", "on Saturday", True, id="said-on-saturday"),
    pytest.param("POLICE REPORTED TODAY THAT TWO DIED", "TODAY", True, id="reported-today-that"),
    pytest.param("THE MINISTER TODAY STATED THAT", "TODAY", True, id="today-stated"),
    pytest.param("Eight were killed on Thursday.", "on Thursday", False, id="killed-on-thursday"),
    pytest.param(
        "POLICE REPORTED THAT ON 26 JANUARY GUNMEN", "26 JANUARY", False, id="reported-that-on-date"
    ),
    pytest.param("WOUNDED ON 21 JUNE, SAID: ", "21 JUNE", False, id="date-then-comma-said"),
]


@pytest.mark.parametrize(("text", "phrase", "expected"), REPORTING_CASES)
def test_is_reporting_date(text: str, phrase: str, expected: bool) -> None:
    mention = next(m for m in dates_in(text, SATURDAY) if m.text.endswith(phrase))
    assert is_reporting_date(text, mention) is expected


def _wire(text: str) -> CleanText:
    parts = [p for p in text.split("|")]
    sentences, offset = [], 0
    for i, part in enumerate(parts):
        sentences.append(Sentence(i, Span(offset, offset + len(part)), part))
        offset += len(part) + 1
    return CleanText("w", "|".join(parts), tuple(sentences))


def test_incident_date_skips_statement_dates_and_prefers_its_sentence() -> None:
    clean = _wire(
        "  LIMA, 9 JAN 90 (EFE) -- POLICE REPORTED TODAY THAT A JUDGE WAS SHOT."
        "|THE ATTACK TOOK PLACE YESTERDAY.|A GUARD WAS KILLED ON 2 JANUARY."
    )
    published = date(1990, 1, 9)
    mentions = find_dates(clean, clean.sentences, published, SETTINGS)
    first = incident_date(clean, mentions, 0, published)
    assert first is not None and first.start == date(1990, 1, 8)  # first event date of the report
    third = incident_date(clean, mentions, 2, published)
    assert third is not None and third.start == date(1990, 1, 2)  # its own sentence


def test_incident_date_falls_back_to_the_dateline() -> None:
    clean = _wire("  LIMA, 9 JAN 90 (EFE) -- POLICE SAID TODAY THAT A JUDGE WAS SHOT.")
    mentions = find_dates(clean, clean.sentences, date(1990, 1, 9), SETTINGS)
    chosen = incident_date(clean, mentions, 0, date(1990, 1, 9))
    assert chosen is not None and chosen.rule == "dates.dateline.v1"


# --- known failures (a fix makes these pass: then drop the mark) ----------------------------------


@pytest.mark.xfail(strict=True, reason="ordinal weekdays of a month are not in the grammar")
def test_known_gap_first_friday_of_march() -> None:
    mention = only("on the first Friday of March 2019", None)
    assert mention.start == date(2019, 3, 1)


@pytest.mark.xfail(strict=True, reason="'the night of 12 to 13 March' needs 'from'/'between'")
def test_known_gap_night_of_day_to_day() -> None:
    mention = only("on the night of 12 to 13 March 2022", None)
    assert (mention.start, mention.end) == (date(2022, 3, 12), date(2022, 3, 13))


@pytest.mark.xfail(
    strict=True, reason="dates relative to another event ('two days earlier') are not read"
)
def test_known_gap_relative_to_another_event() -> None:
    found = dates_in("Rebels took the town on 3 May 2022; two days earlier they shelled it.", None)
    assert [m.start for m in found] == [date(2022, 5, 3), date(2022, 5, 1)]


# --- properties ----------------------------------------------------------------------------------

PUBLISHED = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))
WEEKDAY_NAMES = sorted(WEEKDAYS, key=WEEKDAYS.__getitem__)


@given(PUBLISHED, st.sampled_from(WEEKDAY_NAMES))
def test_weekday_is_within_the_week_before_publication(published: date, name: str) -> None:
    mention = only(f"Gunmen attacked the town on {name.capitalize()}.", published)
    assert mention.start is not None
    assert published - timedelta(days=6) <= mention.start <= published
    assert mention.start.weekday() == WEEKDAYS[name]
    assert mention.start == mention.end


@given(PUBLISHED, st.integers(min_value=0, max_value=6))
def test_last_weekday_is_one_to_seven_days_before(published: date, weekday: int) -> None:
    day = cal.most_recent_weekday(weekday, published, same_day=False)
    assert 1 <= (published - day).days <= 7 and day.weekday() == weekday


@given(PUBLISHED, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=31))
def test_yearless_date_is_on_or_before_publication_or_soon_after(
    published: date, month: int, day: int
) -> None:
    found = cal.yearless(month, day, published, ahead=cal.YEARLESS_AHEAD)
    if found is None:
        assert cal.safe_date(2000, month, day) is None
        return
    assert (found.month, found.day) == (month, day)
    assert (
        published - timedelta(days=366 * 8)
        <= found
        <= published + timedelta(days=cal.YEARLESS_AHEAD)
    )


@given(
    st.text(alphabet="0123456789 /-.,:abcdefghijklmnoprstuvwyMTWFSJAONDayesterdonhur", max_size=60)
)
def test_spans_are_always_inside_the_sentence(text: str) -> None:
    for mention in dates_in(text, SATURDAY):
        assert 0 <= mention.span.start < mention.span.end <= len(text)
        assert text[mention.span.start : mention.span.end] == mention.text
        if mention.start is not None and mention.end is not None:
            assert mention.start <= mention.end


# --- the dev set (read at run time, skipped without ../shared) ---------------------------


@pytest.mark.shared
def test_acled_notes_first_date_is_the_event_date(shared_dir: Path) -> None:
    rows = [json.loads(line) for line in (shared_dir / "gold/dev/acled-2022.jsonl").open()]
    scored = hits = 0
    for row in rows:
        if row["meta"].get("time_precision") != 1:
            continue
        days = [m for m in dates_in(row["text"], None) if m.precision == "day"]
        scored += 1
        hits += bool(days) and days[0].start == date.fromisoformat(row["gold"]["date"])
    assert hits / scored >= 0.98


@pytest.mark.shared
def test_seed_article_dates(shared_dir: Path) -> None:
    text = (shared_dir / "seed/article.txt").read_text(encoding="utf-8")
    lines, offset = [], 0
    for i, line in enumerate(text.split("\n")):
        lines.append(Sentence(i, Span(offset, offset + len(line)), line))
        offset += len(line) + 1
    clean = CleanText("seed", text, tuple(lines))
    found = {m.text: (m.start, m.end) for m in find_dates(clean, lines, SATURDAY, SETTINGS)}
    assert found["in two days"] == (date(2019, 4, 12), SATURDAY)
    assert found["Since Thursday"] == (date(2019, 4, 11), SATURDAY)
    assert found["on Thursday"] == (date(2019, 4, 11), date(2019, 4, 11))
    assert found["on Friday"] == (date(2019, 4, 12), date(2019, 4, 12))
    assert found["last month"] == (date(2019, 3, 1), date(2019, 3, 31))


@pytest.mark.shared
def test_seed_article_incident_dates(shared_dir: Path) -> None:
    text = (shared_dir / "seed/article.txt").read_text(encoding="utf-8")
    lines, offset = [], 0
    for i, line in enumerate(text.split("\n")):
        lines.append(Sentence(i, Span(offset, offset + len(line)), line))
        offset += len(line) + 1
    clean = CleanText("seed", text, tuple(lines))
    mentions = find_dates(clean, lines, SATURDAY, SETTINGS)

    def chosen(phrase: str, *, ranges: bool = True) -> tuple[date | None, date | None]:
        index = next(s.index for s in lines if phrase in s.text)
        mention = incident_date(clean, mentions, index, SATURDAY, ranges=ranges)
        assert mention is not None
        return mention.start, mention.end

    thursday, friday = date(2019, 4, 11), date(2019, 4, 12)
    assert chosen("more than 60 pro-Syrian government forces in two days") == (friday, SATURDAY)
    assert chosen("have killed 35 pro-Damascus") == (thursday, SATURDAY)
    assert chosen("al-Mayadeen city") == (thursday, thursday)
    assert chosen("killing 26 pro-Assad fighters") == (SATURDAY, SATURDAY)
    # "said on Saturday" dates the statement and is skipped: the single-day choice falls
    # back to the first event day of the report (the Idlib attack "On Saturday")
    assert chosen("in two days in the desert", ranges=False) == (SATURDAY, SATURDAY)
