"""Settle what the sentence grammar cannot: numeric day/month order, years and starts
carried from the report's other dates (docs/dates.md, "Settled across the report").

* **Numeric order.** "04/09/2017" is 4 September day first and 9 April month first.
  `settle_dates` reads every ambiguous numeric date of a report (both parts 1 to 12,
  different) in one order, chosen from, in turn: the report's unambiguous numeric
  dates ("13/04/2017" is day first), the report's other dates (a reading that falls
  within a week of a date written in words), and the source's conventions (a US
  source, by its address or by US state names in the text, writes month first; a
  source from a day-first country writes day first). A date still ambiguous keeps
  the day-first reading with the rule `dates.numeric.ambiguous.v1`, and
  `order_warnings` says so.
* **Years carried over.** "on 18 April" with no year, in a report whose dates say
  2016 while it was published (or crawled) much later, takes the year of the
  report's explicit dates; without a publication date it takes it too.
* **Starts carried over.** "Fighting entered its second day on 18 April" starts on
  17 April: the Nth day on D is the range D-(N-1) .. D.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Literal

from ..records import DateMention
from . import weekdays as cal

RULE_NUMERIC = "dates.numeric.v1"
RULE_AMBIGUOUS = "dates.numeric.ambiguous.v1"
RULE_ORDER = "dates.numeric.order.v1"  # an ambiguous date settled by the report or source
RULE_CARRIED_YEAR = "dates.carried_year.v1"
RULE_NTH_DAY = "dates.nth_day.v1"
RULE_EXPLICIT = "dates.explicit.v1"

Order = Literal["dmy", "mdy"]

_NUMERIC = re.compile(r"^(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)$")
# US state names (and the usual abbreviations of a dateline): a US source writes month first.
_US = re.compile(
    r"\b(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida"
    r"|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
    r"|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada"
    r"|New\s+Hampshire|New\s+Jersey|New\s+Mexico|North\s+Carolina|North\s+Dakota|Ohio"
    r"|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|South\s+Dakota|Tennessee"
    r"|Texas|Utah|Vermont|Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming"
    r"|Ala\.|Ariz\.|Ark\.|Calif\.|Colo\.|Conn\.|Fla\.|Ill\.|Ind\.|Kan\.|Ky\.|La\.|Md\.|Mass\."
    r"|Mich\.|Minn\.|Miss\.|Mo\.|Neb\.|Nev\.|Okla\.|Ore\.|Pa\.|Tenn\.|Tex\.|Va\.|Wash\.|Wis\.)"
)
_US_SOURCE = re.compile(r"(?:\.us\b|\.gov\b|\bus\b|united\s+states)", re.IGNORECASE)
_DAY_FIRST_SOURCE = re.compile(
    r"\.(?:uk|ie|au|nz|in|pk|ng|ke|za|fr|de|es|it|br|mx|co|ar|cl|pe|ve|sy|iq|af|eg|lb|tr|ru"
    r"|ua|ph|my|sg|gh|so|et|ml|bf|ne|td|cd|cm)(?:/|$|\b)",
    re.IGNORECASE,
)
_NTH_DAY = re.compile(
    r"\b(?:entered|entering|enters|into|in|on|was|is|marked|marking)\s+(?:its|their|the)\s+"
    r"(?P<n>second|third|fourth|fifth|sixth|seventh|\d{1,2}(?:st|nd|rd|th))\s+(?:straight\s+"
    r"|consecutive\s+)?day\b",
    re.IGNORECASE,
)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
_NEAR_DAYS = 7
_FAR_DAYS = 300


def settle_dates(
    mentions: Sequence[DateMention], text: str, published: date | None, source: str | None = None
) -> list[DateMention]:
    """The report's date mentions with numeric order, years and starts settled."""
    settled = _settle_order(list(mentions), text, published, source)
    settled = _carry_years(settled, published)
    return _nth_days(settled, text)


def order_warnings(mentions: Sequence[DateMention]) -> list[str]:
    """One warning per numeric date whose day/month order the report could not settle."""
    return [
        f"the numeric date {m.text!r} can be read day first or month first and nothing in the"
        f" report settles it; read as {m.start.isoformat() if m.start else 'unknown'} (day"
        " first); give the report's outlet or url, or a date in words, to settle it"
        for m in mentions
        if m.rule == RULE_AMBIGUOUS
    ]


def _parts(mention: DateMention) -> tuple[int, int, int] | None:
    match = _NUMERIC.match(mention.text.strip())
    if match is None:
        return None
    raw = match.group("y")
    year = int(raw) if len(raw) == 4 else 2000 + int(raw) if int(raw) < 50 else 1900 + int(raw)
    return int(match.group("a")), int(match.group("b")), year


def _ambiguous(mention: DateMention) -> bool:
    parts = _parts(mention) if mention.rule == RULE_NUMERIC else None
    return parts is not None and parts[0] <= 12 and parts[1] <= 12 and parts[0] != parts[1]


def report_order(
    mentions: Sequence[DateMention], text: str, source: str | None
) -> tuple[Order | None, str]:
    """The order the report writes numeric dates in, and why (None: nothing says)."""
    votes = {"dmy": 0, "mdy": 0}
    for mention in mentions:
        parts = _parts(mention) if mention.rule == RULE_NUMERIC else None
        if parts is None:
            continue
        if parts[0] > 12 >= parts[1]:
            votes["dmy"] += 1
        elif parts[1] > 12 >= parts[0]:
            votes["mdy"] += 1
    if votes["dmy"] != votes["mdy"]:
        return ("dmy" if votes["dmy"] > votes["mdy"] else "mdy"), "the report's other numeric dates"
    if source and _DAY_FIRST_SOURCE.search(source):
        return "dmy", "the source's country"
    if (source and _US_SOURCE.search(source)) or _US.search(text):
        return "mdy", "a US source"
    return None, ""


def _reading(parts: tuple[int, int, int], order: Order) -> date | None:
    a, b, year = parts
    return cal.safe_date(year, b, a) if order == "dmy" else cal.safe_date(year, a, b)


def _settle_order(
    mentions: list[DateMention], text: str, published: date | None, source: str | None
) -> list[DateMention]:
    if not any(_ambiguous(m) for m in mentions):
        return mentions
    order, _ = report_order(mentions, text, source)
    worded = [m.start for m in mentions if m.rule != RULE_NUMERIC and m.start is not None
              and m.precision == "day"]
    out: list[DateMention] = []
    for mention in mentions:
        parts = _parts(mention) if _ambiguous(mention) else None
        if parts is None:
            out.append(mention)
            continue
        day_first, month_first = _reading(parts, "dmy"), _reading(parts, "mdy")
        choice = _by_other_dates(day_first, month_first, worded) or _by_order(
            order, day_first, month_first, published)
        if choice is None:
            out.append(replace(mention, rule=RULE_AMBIGUOUS))
        else:
            out.append(replace(mention, start=choice, end=choice, rule=RULE_ORDER))
    return out


def _by_other_dates(
    day_first: date | None, month_first: date | None, worded: list[date]
) -> date | None:
    """The reading within a week of a date the report writes in words, if only one is."""
    near = [d for d in (day_first, month_first) if d is not None and any(
        abs((d - w).days) <= _NEAR_DAYS for w in worded)]
    return near[0] if len(near) == 1 else None


def _by_order(
    order: Order | None, day_first: date | None, month_first: date | None, published: date | None
) -> date | None:
    if order is None:
        return None
    chosen, other = (day_first, month_first) if order == "dmy" else (month_first, day_first)
    if chosen is not None and published is not None and chosen > published and (
            other is not None and other <= published):
        return other  # a report does not tell of events after its publication
    return chosen


def _explicit_date(mentions: Sequence[DateMention]) -> date | None:
    """The latest day the report writes with its year."""
    days = [m.start for m in mentions if m.start is not None and not m.relative
            and m.rule in (RULE_EXPLICIT, RULE_NUMERIC, RULE_ORDER) and m.precision == "day"]
    return max(days) if days else None


def _carry_years(mentions: list[DateMention], published: date | None) -> list[DateMention]:
    """"on 18 April" takes its year from the report's written dates when the publication
    date is missing, or so far after them that it is a crawl date, not the report's."""
    anchor = _explicit_date(mentions)
    if anchor is None or (published is not None and (published - anchor).days <= _FAR_DAYS):
        return mentions
    out: list[DateMention] = []
    for mention in mentions:
        yearless = mention.relative and mention.rule == RULE_EXPLICIT and (
            mention.precision in ("day", "unknown"))
        day = _yearless_day(mention) if yearless else None
        moved = _closest(anchor, day) if day else None
        if moved is not None:
            mention = replace(mention, start=moved, end=moved, precision="day",
                              rule=RULE_CARRIED_YEAR)
        out.append(mention)
    return out


def _closest(anchor: date, month_day: tuple[int, int]) -> date | None:
    """The month and day in the year around `anchor` that puts them closest to it."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (d := cal.safe_date(y, month_day[0], month_day[1])) is not None]
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _yearless_day(mention: DateMention) -> tuple[int, int] | None:
    """(month, day) of "18 April", "April 18", "Dec. 8"."""
    if mention.start is not None:
        return mention.start.month, mention.start.day
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", mention.text)
    month = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", mention.text, re.I)
    if day is None or month is None:
        return None
    return _MONTHS[month.group(1).lower()], int(day.group(1))


def _nth_days(mentions: list[DateMention], text: str) -> list[DateMention]:
    """"entered its second day on 18 April": the fighting started on 17 April."""
    out: list[DateMention] = []
    for mention in mentions:
        if mention.start is not None and mention.precision == "day" and (
                mention.start == mention.end):
            before = text[max(0, mention.span.start - 60) : mention.span.start]
            match = _last(_NTH_DAY.finditer(before))
            if match is not None and re.fullmatch(r"[\s,]*(?:on\s+)?(?:the\s+)?",
                                                  before[match.end() :]):
                n = _ordinal(match.group("n"))
                mention = replace(mention, start=mention.start - timedelta(days=n - 1),
                                  rule=RULE_NTH_DAY)
        out.append(mention)
    return out


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


def _ordinal(word: str) -> int:
    lowered = word.lower()
    if lowered in _ORDINALS:
        return _ORDINALS[lowered]
    return max(1, int(re.match(r"\d+", lowered).group()))  # type: ignore[union-attr]
