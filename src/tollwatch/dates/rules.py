"""The date grammar: one regular expression and one reader per kind of date phrase.

Each rule reads one match into a `Reading` (dates resolved against the publication
date, or left unresolved without one). `dates/resolve.py` runs the rules over sentences,
keeps the longest non-overlapping readings and joins ranges ("since Thursday",
"between 1 and 3 March 2022"). Rules and precision values: docs/dates.md.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..records import DatePrecision
from . import weekdays as cal
from .lang import DATE_WORDS
from .words import (
    ALL_MONTHS,
    ALL_WEEKDAYS,
    BARE_WEEKDAYS,
    DAY,
    FOREIGN_MONTHS,
    FULL_MONTH,
    MONTH,
    MONTHS,
    NUMBER,
    UNIT,
    UNITS,
    WEEKDAY,
    WEEKDAY_QUALIFIERS,
    WEEKDAYS,
    YEAR4,
    number_value,
)

RULE_EXPLICIT = "dates.explicit.v1"
RULE_NUMERIC = "dates.numeric.v1"
RULE_WEEKDAY = "dates.weekday.v1"
RULE_RELATIVE = "dates.relative.v1"
RULE_RANGE = "dates.range.v1"
RULE_DATELINE = "dates.dateline.v1"


@dataclass(frozen=True)
class Context:
    """What a rule needs besides its match: the anchor and the case of the sentence."""

    text: str  # the report text the offsets refer to
    published: date | None
    upper: bool  # the sentence is all upper case: case tells nothing
    english: bool = True  # the sentence has English function words ("the", "of", "and")


@dataclass(frozen=True)
class Reading:
    """A date phrase read by one rule; offsets are into the report text.

    `yearless` keeps (month, day) of a date stated without a year so a range can
    re-anchor it on its other end ("28 February to 2 March 2022").
    """

    begin: int
    stop: int
    start: date | None
    end: date | None
    precision: DatePrecision
    relative: bool
    rule: str
    kind: str  # "explicit", "weekday" or "relative"
    yearless: tuple[int, int] | None = None


Reader = Callable[[re.Match[str], Context], Reading | None]


def _reading(
    m: re.Match[str],
    value: tuple[date, date] | None,
    precision: DatePrecision,
    *,
    relative: bool,
    rule: str = RULE_RELATIVE,
    kind: str = "relative",
    stop: int | None = None,
) -> Reading:
    """A Reading over the match; `value` None gives an unresolved (relative) one."""
    end = m.end() if stop is None else stop
    if value is None:
        return Reading(m.start(), end, None, None, "unknown", True, rule, kind)
    return Reading(m.start(), end, value[0], value[1], precision, relative, rule, kind)


def _month_ok(word: str, ctx: Context) -> bool:
    """English month names are capitalised in mixed-case text ("may" is a verb)."""
    key = word.lower().rstrip(".")
    return ctx.upper or key in FOREIGN_MONTHS or word[:1].isupper()


def _month(word: str) -> int:
    return ALL_MONTHS[word.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _before(ctx: Context, pos: int, pattern: re.Pattern[str]) -> bool:
    return pattern.search(ctx.text, max(0, pos - 60), pos) is not None


def _day_reading(
    m: re.Match[str], ctx: Context, day: int, month: int, year: int | None, stop: int | None = None
) -> Reading | None:
    """A single day; without a year it takes the year on or before publication."""
    if year is not None:
        found = cal.safe_date(year, month, day)
        if found is None:
            return None
        return _reading(
            m, (found, found), "day", relative=False, rule=RULE_EXPLICIT, kind="explicit", stop=stop
        )
    if cal.safe_date(2000, month, day) is None:  # 2000 is a leap year: 29 February passes
        return None
    anchored = (
        cal.yearless(month, day, ctx.published, ahead=cal.YEARLESS_AHEAD) if ctx.published else None
    )
    value = (anchored, anchored) if anchored else None
    guess = _reading(m, value, "day", relative=True, rule=RULE_EXPLICIT, kind="explicit", stop=stop)
    return replace(guess, yearless=(month, day))


# --- explicit dates -----------------------------------------------------------------

_YEAR_TAIL = rf"(?:(?:,|\s+de|\s+del|\s+of)?\s+|-)(?P<y>{YEAR4}|'?\d\d)"
DMY = re.compile(
    rf"\b(?:the\s+)?(?P<d>{DAY})(?:\s+of|\s+de)?[\s-]+(?P<m>{MONTH})(?:{_YEAR_TAIL})?(?![\w'’])",
    re.IGNORECASE,
)
MDY = re.compile(
    rf"\b(?P<m>{MONTH})\s+(?P<d>{DAY})(?:\s*(?:-|–|to|and)\s*(?P<d2>{DAY}))?"
    rf"(?:,?\s+(?P<y>{YEAR4}))?(?!\w|[.,:]\d)",
    re.IGNORECASE,
)
MONTH_YEAR = re.compile(
    rf"\b(?P<m>{MONTH})(?:\s+of|\s+de|\s+del|,)?\s+(?P<y>{YEAR4})(?![\w%]|[.,]\d)", re.IGNORECASE
)
BARE_MONTH = re.compile(
    rf"(?:\b(?P<p>in|during|early|late|mid|last|this|en|durante|el\s+pasado\s+mes\s+de"
    rf"|em|début|fin|no\s+in[íi]cio\s+de|em\s+meados\s+de|no\s+final\s+de)[\s-]+"
    rf"|(?<=since\s)|(?<=desde\s)|(?<=depuis\s))(?P<m>{FULL_MONTH})\b(?!\s*\d)",
    re.IGNORECASE,
)
YEAR = re.compile(
    rf"(?:\b(?P<p>in|during|throughout|early|late|mid|en|durante|em|début|fin)[\s-]+"
    rf"|(?<=since\s)|(?<=desde\s)|(?<=depuis\s))"
    rf"(?P<y>{YEAR4})(?![\w%]|[.,]\d|\s*[-–/]\s*\d)",
    re.IGNORECASE,
)
ISO = re.compile(rf"\b(?P<y>{YEAR4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b")
NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)(?![\d/.-]?\d)"
)
DAY_RANGE = re.compile(
    rf"\b(?:(?P<p>between|from|on|entre|del|los\s+días)\s+)?(?:the\s+)?(?P<d1>{DAY})"
    rf"\s*(?P<sep>-|–|and|to|until|till|y|al)\s*(?:the\s+)?(?P<d2>{DAY})(?:\s+of|\s+de)?\s+"
    rf"(?P<m>{MONTH})(?:(?:,|\s+de|\s+del)?\s+(?P<y>{YEAR4}))?(?![\w'’])",
    re.IGNORECASE,
)
_COUNT_PREFIX = re.compile(r"\b(?:in|during|by|of)\s+$", re.IGNORECASE)
_MAY_PREFIX = re.compile(
    r"\b(?:on|since|from|until|till|by|of|before|after|between|and|to|el|desde)\s+$", re.IGNORECASE
)


_NAMED_AFTER = re.compile(
    r"\s+(?:avenue|av|ave|street|st|road|boulevard|square|plaza|bridge|park|neighbou?rhood|barrio"
    r"|district|colony|colonia|settlement|movement|front|command|brigade|battalion|group)\b",
    re.IGNORECASE,
)
_NAMED_BEFORE = re.compile(r"\b(?:calle|avenida|av|plaza|colonia|barrio|puente)\.?\s+$", re.I)
_MONTH_BEFORE = re.compile(rf"\b{MONTH}\s+$", re.IGNORECASE)  # "July 25-Aug. 1": 25 is July's


def _is_name(m: re.Match[str], ctx: Context) -> bool:
    """'9 OCTOBER AVENUE', 'the 19 April Movement', 'avenida 5 de Mayo' are names, not dates."""
    return bool(_NAMED_AFTER.match(ctx.text, m.end())) or _before(ctx, m.start(), _NAMED_BEFORE)


def read_dmy(m: re.Match[str], ctx: Context) -> Reading | None:
    """'23 February 2022', '23 FEB 90', '12 MARCH', '3 de enero de 2022'."""
    if not _month_ok(m.group("m"), ctx) or _is_name(m, ctx):
        return None
    if _before(ctx, m.start(), _MONTH_BEFORE):
        return None
    year, stop = _year_of(m, ctx)
    return _day_reading(m, ctx, _day(m.group("d")), _month(m.group("m")), year, stop=stop)


def _year_of(m: re.Match[str], ctx: Context) -> tuple[int | None, int]:
    """The year group of a match, and where the phrase stops.

    A two-digit year counts only after an abbreviated month ("3 JAN 90") or an
    apostrophe ("March '90"): "12 MARCH 15 PEOPLE" is a day, then a count.
    """
    raw = m.group("y")
    if raw is None:
        return None, m.end()
    if len(raw) == 4:
        return int(raw), m.end()
    short = len(m.group("m").rstrip(".")) <= 4 and m.group("m").lower().rstrip(".") in MONTHS
    if raw.startswith("'") or short:
        return cal.full_year(int(raw.lstrip("'")), ctx.published), m.end()
    return None, m.end("m")


def read_mdy(m: re.Match[str], ctx: Context) -> Reading | None:
    """'February 23, 2022', 'July 8th 2017', 'April 13', 'March 1-3, 2022'."""
    word = m.group("m")
    if not _month_ok(word, ctx) or _is_name(m, ctx):
        return None
    if m.group("y") is None and not _mdy_without_year_ok(m, ctx):
        return None
    month, day, year = _month(word), _day(m.group("d")), m.group("y")
    first = _day_reading(m, ctx, day, month, int(year) if year else None)
    if first is None or m.group("d2") is None:
        return first
    last_day = _day(m.group("d2"))
    if last_day <= day or first.start is None:
        return first if last_day > day else None
    last = cal.safe_date(first.start.year, month, last_day)
    return replace(first, end=last, rule=RULE_RANGE) if last else None


def _mdy_without_year_ok(m: re.Match[str], ctx: Context) -> bool:
    """Reject 'in March 12 people were killed' and the verb 'MAY 10' in upper case."""
    after = ctx.text[m.end() : m.end() + 2]
    followed_by_word = len(after) == 2 and after[0].isspace() and after[1].isalpha()
    if followed_by_word and _before(ctx, m.start(), _COUNT_PREFIX):
        return False
    if m.group("m").lower() == "may":
        return _before(ctx, m.start(), _MAY_PREFIX) or not followed_by_word
    return True


def read_month_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """'in March 2022', 'enero de 2020' (precision month)."""
    if not _month_ok(m.group("m"), ctx):
        return None
    value = cal.month_range(int(m.group("y")), _month(m.group("m")))
    return _reading(m, value, "month", relative=False, rule=RULE_EXPLICIT, kind="explicit")


def read_bare_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """'in March', 'last November', 'since March': the latest such month by publication."""
    if not _month_ok(m.group("m"), ctx):
        return None
    if ctx.published is None:
        return _reading(m, None, "unknown", relative=True, rule=RULE_EXPLICIT, kind="explicit")
    prefix = (m.group("p") or "").lower()
    value = cal.recent_month(_month(m.group("m")), ctx.published, same_month=prefix != "last")
    return _reading(m, value, "month", relative=True, rule=RULE_EXPLICIT, kind="explicit")


def read_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """'in 2019', 'since 2011' (precision year). A bare year is not read: 'the 2011 uprising'."""
    year = int(m.group("y"))
    if ctx.published is not None and year > ctx.published.year + 1:
        return None  # a plan or a count, not a past year
    value = (date(year, 1, 1), date(year, 12, 31))
    return _reading(m, value, "year", relative=False, rule=RULE_EXPLICIT, kind="explicit")


def read_iso(m: re.Match[str], ctx: Context) -> Reading | None:
    """'2022-02-23'."""
    found = cal.safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    if found is None:
        return None
    return _reading(m, (found, found), "day", relative=False, rule=RULE_NUMERIC, kind="explicit")


def read_numeric(m: re.Match[str], ctx: Context) -> Reading | None:
    """'23/02/2022', '2-18-2014', '11/03/2016': day first unless impossible (see pick_order)."""
    sep, raw_year = m.group("sep"), m.group("y")
    if len(raw_year) == 2 and sep != "/":
        return None  # "15-36" house numbers, "1.5.22" versions
    year = int(raw_year) if len(raw_year) == 4 else cal.full_year(int(raw_year), ctx.published)
    a, b = int(m.group("a")), int(m.group("b"))
    found = pick_order(year, a, b, ctx.published)
    if found is None:
        return None
    return _reading(m, (found, found), "day", relative=False, rule=RULE_NUMERIC, kind="explicit")


def pick_order(year: int, a: int, b: int, published: date | None, *, month_first: bool = False) -> (
    date | None
):
    """Read 'a/b/year' as day/month (or month/day with `month_first`).

    The other order is used when the first is impossible (month 18), or when it falls
    after publication and the other does not.
    """
    first, second = cal.safe_date(year, b, a), cal.safe_date(year, a, b)
    if month_first:
        first, second = second, first
    if first is not None and second is not None and published is not None:
        return second if first > published >= second else first
    return first or second


def read_day_range(m: re.Match[str], ctx: Context) -> Reading | None:
    """'between 1 and 3 March 2022', '1-3 March', 'from 12 to 14 MARCH' (a day range)."""
    sep = m.group("sep").lower()
    if m.group("p") is None and sep not in ("-", "–"):
        return None  # "killed 5 and 3 March ..." is not a range without 'between'/'from'
    if not _month_ok(m.group("m"), ctx):
        return None
    first_day, last_day = _day(m.group("d1")), _day(m.group("d2"))
    if last_day <= first_day:
        return None
    last = _day_reading(m, ctx, last_day, _month(m.group("m")), _int(m.group("y")))
    if last is None or last.start is None:
        return last
    first = cal.safe_date(last.start.year, last.start.month, first_day)
    return replace(last, start=first, rule=RULE_RANGE) if first else None


def _int(text: str | None) -> int | None:
    return int(text) if text else None


# --- weekdays -------------------------------------------------------------------------

_QUALIFIER = "|".join(
    r"\s+".join(re.escape(part) for part in word.split())
    for word in sorted(
        {"last", "this", "past", "next", "on", "el pasado", "el próximo", "el", "este", "pasado",
         "próximo", "proximo", *WEEKDAY_QUALIFIERS},
        key=len, reverse=True,
    )
)
WEEKDAY_RE = re.compile(
    rf"\b(?:(?P<q>{_QUALIFIER})\s+)?(?P<w>{WEEKDAY})(?![\w-])(?:\s+(?P<pasado>pasado))?(?:['’]s)?"
    r"(?:\s+(?P<part>night|morning|evening|afternoon|noche|por\s+la\s+(?:mañana|tarde|noche)))?\b",
    re.IGNORECASE,
)
_FUTURE = frozenset({"next", "próximo", "proximo", "el próximo"}) | {
    word for word, kind in WEEKDAY_QUALIFIERS.items() if kind == "next"
}
_PAST = frozenset({"last", "past", "pasado", "el pasado"}) | {
    word for word, kind in WEEKDAY_QUALIFIERS.items() if kind == "past"
}


def read_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    """'on Thursday', 'last Thursday', 'Tuesday night', 'el jueves': see dates/weekdays.py."""
    qualifier = " ".join((m.group("q") or "").lower().split())
    word = m.group("w")
    if qualifier in _FUTURE:
        return None  # a plan, not an incident date
    if not qualifier and _any_such_day(ctx.text, m.start()):
        return None  # "on a Friday evening": a kind of day, not the last Friday
    if word.lower() in WEEKDAYS:
        if not (ctx.upper or word[:1].isupper()):
            return None
    elif not qualifier and not m.group("pasado") and word.lower() not in BARE_WEEKDAYS:
        return None  # Spanish weekdays need 'el'/'este'/'pasado' ("Santo Domingo" is a place)
    if ctx.published is None:
        return _reading(m, None, "unknown", relative=True, rule=RULE_WEEKDAY, kind="weekday")
    past = qualifier in _PAST or m.group("pasado") is not None
    day = cal.most_recent_weekday(ALL_WEEKDAYS[word.lower()], ctx.published, same_day=not past)
    return _reading(m, (day, day), "day", relative=True, rule=RULE_WEEKDAY, kind="weekday")


# "a Friday", "an otherwise quiet Sunday", "every Tuesday", "each Monday": no one day.
_ANY_SUCH_DAY = re.compile(r"\b(?:a|an|every|each)\s+$", re.IGNORECASE)


def _any_such_day(text: str, start: int) -> bool:
    """The weekday follows an indefinite article or "every"/"each": "killing 37 people on
    a Friday evening" names the kind of day of an event dated elsewhere in the sentence
    ("In August 2024, ..."), never the Friday before publication."""
    return _ANY_SUCH_DAY.search(text, max(0, start - 7), start) is not None


# --- relative phrases -------------------------------------------------------------------

Resolver = Callable[[date], tuple[tuple[date, date], DatePrecision]]


def _days_back(n: int) -> Resolver:
    return lambda p: ((p - timedelta(days=n), p - timedelta(days=n)), "day")


def _resolver(name: str) -> Resolver:
    """The resolver a phrase of dates/lang/ names ("days:1", "previous_week", ...)."""
    kind, _, count = name.partition(":")
    if kind == "days":
        return _days_back(int(count))
    if kind == "months":
        return lambda p: (cal.months_back(p, int(count)), "month")
    return RESOLVERS[kind]


RESOLVERS: dict[str, Resolver] = {
    "overnight": lambda p: (cal.days_ending(p, 2), "day"),
    "previous_week": lambda p: (cal.previous_week(p), "week"),
    "week_so_far": lambda p: (cal.so_far(cal.week_of(p)[0], p), "week"),
    "weekend": lambda p: (cal.weekend(p), "day"),
    "previous_weekend": lambda p: (cal.weekend(p, previous=True), "day"),
    "month_so_far": lambda p: (cal.so_far(p.replace(day=1), p), "month"),
    "previous_year": lambda p: ((date(p.year - 1, 1, 1), date(p.year - 1, 12, 31)), "year"),
    "year_so_far": lambda p: (cal.so_far(date(p.year, 1, 1), p), "year"),
}

# Every language's relative phrases (dates/lang/); those of other languages than English
# are not read in a sentence that reads as English.
PHRASES: dict[str, Resolver] = {
    phrase: _resolver(name) for w in DATE_WORDS.values() for phrase, name in w.phrases.items()
}
FOREIGN_PHRASES = frozenset(
    phrase for w in DATE_WORDS.values() if w.code != "en" for phrase in w.phrases
)

PHRASE_RE = re.compile(
    r"\b(?:"
    + "|".join(
        r"\s+".join(re.escape(w) for w in phrase.split())
        for phrase in sorted(PHRASES, key=len, reverse=True)
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)


def read_phrase(m: re.Match[str], ctx: Context) -> Reading | None:
    """'yesterday', 'last night', 'overnight', 'last month', 'ayer' ... (table PHRASES)."""
    phrase = " ".join(m.group().lower().split())
    if phrase in FOREIGN_PHRASES and ctx.english:
        return None  # "(HOY, NO. 655)" names a magazine in an English report
    if ctx.published is None:
        return _reading(m, None, "unknown", relative=True)
    value, precision = PHRASES[phrase](ctx.published)
    return _reading(m, value, precision, relative=True)


AGO = re.compile(
    rf"\b(?:(?P<n>{NUMBER})\s+(?P<u>{UNIT})\s+ago(?P<today>\s+today)?"
    rf"|hace\s+(?P<n2>{NUMBER})\s+(?P<u2>{UNIT}))\b",
    re.IGNORECASE,
)
PAST_SPAN = re.compile(
    rf"\b(?:(?:in|over|during|within|for|en|durante)\s+)?(?:the\s+|los\s+|las\s+)?"
    rf"(?:(?P<q>past|last|previous|preceding|últimos|últimas|ultimos|ultimas)\s+"
    rf"(?:(?P<n>{NUMBER})\s+)?|(?P<p2>in|within|en)\s+(?P<n2>{NUMBER})\s+)(?P<u>{UNIT})\b",
    re.IGNORECASE,
)
_FUTURE_CONTEXT = re.compile(
    r"\b(?:will|would|shall|expected|scheduled|plans?|planned|next|likely|within\s+the\s+next)\b"
    r"[^.;]{0,40}$",
    re.IGNORECASE,
)


def read_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    """'15 days ago', 'two weeks ago', 'hace tres días'."""
    count = number_value(m.group("n") or m.group("n2"))
    unit = UNITS[(m.group("u") or m.group("u2")).lower()]
    if count is None or count > 400:
        return None
    if ctx.published is None:
        return _reading(m, None, "unknown", relative=True)
    p = ctx.published
    if m.group("today") and unit in ("year", "month", "week"):  # "nine years ago today"
        day = _ago_exact(unit, count, p)
        return _reading(m, (day, day), "day", relative=True) if day else None
    if unit == "week":
        return _reading(m, cal.weeks_back(p, count), "week", relative=True)
    if unit == "month":
        return _reading(m, cal.months_back(p, count), "month", relative=True)
    if unit == "year":
        year = (date(p.year - count, 1, 1), date(p.year - count, 12, 31))
        return _reading(m, year, "year", relative=True)
    back = count if unit == "day" else count // 24
    return _reading(m, _days_back(back)(p)[0], "day", relative=True)


def _ago_exact(unit: str, count: int, p: date) -> date | None:
    if unit == "week":
        return p - timedelta(days=7 * count)
    if unit == "month":
        first = cal.months_back(p, count)[0]
        return cal.safe_date(first.year, first.month, p.day)
    return cal.safe_date(p.year - count, p.month, p.day)


def read_past_span(m: re.Match[str], ctx: Context) -> Reading | None:
    """'in two days', 'over the past three days', 'in the past 48 hours': ends at publication."""
    unit = UNITS[m.group("u").lower()]
    raw = m.group("n") or m.group("n2")
    count = number_value(raw) if raw else 1
    if count is None or count > 400 or (raw is None and m.group("q").lower() == "last"):
        return None  # "last week"/"last month" are calendar phrases (PHRASES)
    if raw is None and m.group("u").lower().endswith("s"):
        return None  # "in the previous years" names no span
    if m.group("p2") and _before(ctx, m.start(), _FUTURE_CONTEXT):
        return None  # "will be freed in two days"
    if m.group("p2") and unit not in ("day", "hour"):
        return None  # "in two years" is more often a plan than a span
    if ctx.published is None:
        return _reading(m, None, "unknown", relative=True, rule=RULE_RANGE)
    value, precision = _span(unit, count, ctx.published)
    return _reading(m, value, precision, relative=True, rule=RULE_RANGE)


def _span(unit: str, count: int, p: date) -> tuple[tuple[date, date], DatePrecision]:
    if unit == "hour":  # "the past 24 hours" reaches into yesterday: one day more
        return cal.days_ending(p, math.ceil(count / 24) + 1), "day"
    if unit == "day":
        return cal.days_ending(p, count), "day"
    if unit == "week":
        return cal.days_ending(p, 7 * count), "week"
    if unit == "month":
        return (cal.months_back(p, count)[0], p), "month"
    return (date(p.year - count, 1, 1), p), "year"


# Rules in order of preference when two readings cover the same text, each with the
# family of trigger words it needs (date_words: MONTH_WORDS, DIGITS, WEEKDAY_WORDS,
# RELATIVE_WORDS); a sentence without a family's words skips its rules.
RULES: tuple[tuple[str, re.Pattern[str], Reader], ...] = (
    ("month", DAY_RANGE, read_day_range),
    ("digits", ISO, read_iso),
    ("digits", NUMERIC, read_numeric),
    ("month", DMY, read_dmy),
    ("month", MDY, read_mdy),
    ("month", MONTH_YEAR, read_month_year),
    ("month", BARE_MONTH, read_bare_month),
    ("digits", YEAR, read_year),
    ("weekday", WEEKDAY_RE, read_weekday),
    ("relative", PHRASE_RE, read_phrase),
    ("relative", AGO, read_ago),
    ("relative", PAST_SPAN, read_past_span),
)
