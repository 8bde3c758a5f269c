"""Calendar arithmetic for relative dates, anchored on a publication date.

Pure functions on `datetime.date`; no clock is read. The rules (docs/dates.md):

* a weekday ("on Thursday") is the most recent such day on or before publication,
  the publication day itself included; "last Thursday" excludes the publication day;
* a date without a year ("12 MARCH") takes the year that puts it on or before the anchor,
  except that one at most `YEARLESS_AHEAD` days after it keeps the anchor's year;
* weeks run Monday to Sunday; "last week" is the whole previous week;
* a span "in two days" ends on the publication day and counts it: 2019-04-12..2019-04-13.

>>> most_recent_weekday(3, date(2019, 4, 13))  # Thursday before Saturday 13 April 2019
datetime.date(2019, 4, 11)
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

DateRange = tuple[date, date]

MONDAY, SATURDAY, SUNDAY = 0, 5, 6
YEARLESS_AHEAD = 60  # days: "elections on 12 November", published 30 October
_TWO_DIGIT_PIVOT = 50  # without an anchor, 00-49 -> 2000s, 50-99 -> 1900s


def most_recent_weekday(weekday: int, anchor: date, *, same_day: bool = True) -> date:
    """The latest day with `weekday` (Monday = 0) on or before `anchor`.

    With `same_day=False` ("last Thursday") the anchor day itself is skipped, so the
    result is 1 to 7 days earlier.
    """
    delta = (anchor.weekday() - weekday) % 7
    if delta == 0 and not same_day:
        delta = 7
    return anchor - timedelta(days=delta)


def yearless(month: int, day: int, anchor: date, *, ahead: int = 0) -> date | None:
    """The date `day` `month` in the year that puts it on or before `anchor`.

    With `ahead` > 0, a date at most `ahead` days after the anchor keeps the anchor's
    year ("will meet on 9 October", published 8 October). None when no year makes the
    date valid (31 April); 29 February goes back to the last leap year.

    >>> yearless(11, 10, date(1990, 1, 8))
    datetime.date(1989, 11, 10)
    """
    for year in (anchor.year, anchor.year + 1) if ahead > 0 else ():
        soon = safe_date(year, month, day)
        if soon is not None and anchor < soon <= anchor + timedelta(days=ahead):
            return soon
    for year in range(anchor.year, anchor.year - 9, -1):
        found = safe_date(year, month, day)
        if found is not None and found <= anchor:
            return found
    return None


def safe_date(year: int, month: int, day: int) -> date | None:
    """`date(year, month, day)`, or None when that day does not exist."""
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999):
        return None
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def full_year(two_digits: int, anchor: date | None) -> int:
    """A two-digit year (90) as a full year (1990).

    With an anchor, the century that puts the year closest to the anchor's year (at most
    one year after it); without one, 00-49 are 2000s and 50-99 are 1900s.
    """
    if anchor is None:
        return (1900 if two_digits >= _TWO_DIGIT_PIVOT else 2000) + two_digits
    century = anchor.year - anchor.year % 100
    candidates = [c + two_digits for c in (century - 100, century, century + 100)]
    allowed = [y for y in candidates if y <= anchor.year + 1] or candidates
    return min(allowed, key=lambda y: abs(anchor.year - y))


def month_range(year: int, month: int) -> DateRange:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def months_back(anchor: date, count: int) -> DateRange:
    """The calendar month `count` months before the anchor's month (0 = the same month)."""
    index = anchor.year * 12 + anchor.month - 1 - count
    return month_range(index // 12, index % 12 + 1)


def recent_month(month: int, anchor: date, *, same_month: bool = True) -> DateRange:
    """The latest month `month` on or before the anchor's month ("in March", "last March")."""
    year = anchor.year if month < anchor.month or (month == anchor.month and same_month) else (
        anchor.year - 1
    )
    return month_range(year, month)


def week_of(day: date) -> DateRange:
    """Monday to Sunday of the week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def previous_week(anchor: date) -> DateRange:
    """Monday to Sunday of the week before the anchor's week ("last week")."""
    return week_of(anchor - timedelta(days=7))


def weeks_back(anchor: date, count: int) -> DateRange:
    """The 7 days centred on `count` weeks before the anchor ("two weeks ago")."""
    middle = anchor - timedelta(days=7 * count)
    return middle - timedelta(days=3), middle + timedelta(days=3)


def weekend(anchor: date, *, previous: bool = False) -> DateRange:
    """The latest Saturday-Sunday that has begun by the anchor (cut at the anchor).

    `previous=True` ("last weekend") skips a weekend the anchor falls in.
    """
    saturday = most_recent_weekday(SATURDAY, anchor)
    if previous and anchor - saturday <= timedelta(days=1):
        saturday -= timedelta(days=7)
    return saturday, min(saturday + timedelta(days=1), anchor)


def days_ending(anchor: date, count: int) -> DateRange:
    """`count` days ending on the anchor, the anchor counted ("in two days")."""
    return anchor - timedelta(days=max(count, 1) - 1), anchor


def so_far(start: date, anchor: date) -> DateRange:
    """From `start` to the anchor ("earlier this month")."""
    return start, anchor
