"""The shape of one language's date words (`dates/lang/<code>.py`).

The date rules (`dates/rules.py`) read the union of every language's words; a phrase
of a language other than English is not read in a sentence that reads as English
("(HOY, NO. 655)" names a magazine).

Relative phrases name how they resolve against the publication date, with one of
the resolvers of `dates/rules.py` (`RESOLVERS`): "days:N" (N days before),
"overnight" (the night before: two days), "previous_week", "week_so_far",
"weekend", "previous_weekend", "months:N" (N months back, whole month),
"month_so_far", "previous_year", "year_so_far".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DateWords:
    """One language's month and weekday names, count words, units and phrases.

    * `months`: full month names -> 1..12; `month_abbreviations` likewise ("sept").
    * `weekdays`: names -> 0 (Monday) .. 6 (Sunday).
    * `numbers`: count words used in "two days ago" / "hace tres días".
    * `units`: unit words -> "day" | "hour" | "week" | "month" | "year".
    * `relative`: lower-case words that make the relative rules worth running.
    * `phrases`: relative phrase (words separated by single spaces) -> resolver name.
    * `weekday_qualifiers`: words before a weekday -> "past" ("el pasado", "dernier"),
      "this" ("el", "le", "na", "del") or "next" (a plan: not read).
    * `bare_weekdays`: weekday names read without a qualifier ("dimanche", "quarta-feira");
      the others need one ("el domingo": "Santo Domingo" is a place).
    """

    code: str
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    month_abbreviations: Mapping[str, int] = field(default_factory=dict)
    numbers: Mapping[str, int] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)
    relative: frozenset[str] = frozenset()
    phrases: Mapping[str, str] = field(default_factory=dict)
    weekday_qualifiers: Mapping[str, str] = field(default_factory=dict)
    bare_weekdays: frozenset[str] = frozenset()
