"""Dates in matching: the interval a unit stands for, which units are matchable by
date, the stored date columns of the candidate queries, and the date score.

Part of the matcher (matching.py composes blocking, scoring and clustering);
docs/matching.md explains the rules.
"""

from __future__ import annotations

from datetime import date, timedelta

from .unit import MatchSettings, MatchUnit

DAY_DATES = frozenset({"day"})
# "unknown" with a date: the publication-day fallback of dates/ (no date in the text)
MATCHABLE_DATES = frozenset({"day", "week", "unknown"})


# A publication-day fallback (precision "unknown": the text gave no date) stands for
# an event told on that day or up to this many days before: a Monday article on a
# Saturday-night shooting whose weekday was not read (gva-news pairs, docs/matching.md)
FALLBACK_DAYS_BEFORE = 3


def _interval(unit: MatchUnit) -> tuple[date, date] | None:
    if unit.date_start is None and unit.date_end is None:
        return None
    start = unit.date_start or unit.date_end
    end = unit.date_end or unit.date_start
    if start is None or end is None:
        return None
    if unit.date_precision == "unknown" and start == end:
        return start - timedelta(days=FALLBACK_DAYS_BEFORE), end
    return (start, end) if start <= end else (end, start)


def matchable(unit: MatchUnit) -> bool:
    """Units with a day or week date (or a publication-day fallback) can be matched by
    date; vaguer ones only through a shared match key."""
    return unit.date_precision in MATCHABLE_DATES and _interval(unit) is not None


# a matchable interval longer than this is flagged (`date_long`): the candidate
# query finds shorter ones by a bounded range on their first day
LONG_SPAN_DAYS = 7


def date_columns(
    start: date | None, end: date | None, precision: str
) -> tuple[date | None, date | None, bool]:
    """An incident's stored (date_from, date_to, date_long): the ordered interval
    `matchable` compares, None for one that is not matchable by date."""
    interval = _interval(MatchUnit(0, 0, date_start=start, date_end=end,
                                   date_precision=precision))
    if interval is None or precision not in MATCHABLE_DATES:
        return None, None, False
    return interval[0], interval[1], (interval[1] - interval[0]).days > LONG_SPAN_DAYS


def date_score(a: MatchUnit, b: MatchUnit, settings: MatchSettings) -> tuple[float, str]:
    """1 for overlapping dates, less for a day apart; 0 beyond the window."""
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return 0.0, "no date"
    gap = max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days, 0)
    if gap > settings.window_days:
        return 0.0, f"dates {gap} days apart"
    exact = a.date_precision in DAY_DATES and b.date_precision in DAY_DATES
    if gap == 0:
        return (1.0 if exact else 0.7), "same day" if exact else "overlapping dates"
    return 0.6, f"dates {gap} day apart"
