"""Word tables and regular-expression pieces for the date grammar, every language's.

The words are written per language in `dates/lang/<code>.py`; this module joins them
for the rules (dates/rules.py). All patterns are matched case-insensitively; case
checks (a lower-case "may" is a verb in mixed-case text) are made by the rules.
"""

from __future__ import annotations

import re

from .lang import DATE_WORDS, en

MONTHS: dict[str, int] = {**en.WORDS.months, **en.WORDS.month_abbreviations}
# The English month names as one alternation, for other stages' patterns ("since May
# 2023", "in November"): matched case-insensitively.
MONTH_NAMES = "(?:" + "|".join(sorted(en.WORDS.months)) + ")"
WEEKDAYS: dict[str, int] = dict(en.WORDS.weekdays)
# Every language's words (dates/lang/): a date is read whatever the report's language.
ALL_MONTHS: dict[str, int] = {
    word: value for w in DATE_WORDS.values() for word, value in (
        *w.months.items(), *w.month_abbreviations.items())
}
FULL_MONTHS: dict[str, int] = {
    word: value for w in DATE_WORDS.values() for word, value in w.months.items()
}
# Month names of other languages than English: read whatever their case.
FOREIGN_MONTHS = frozenset(ALL_MONTHS) - frozenset(MONTHS)
ALL_WEEKDAYS: dict[str, int] = {
    word: value for w in DATE_WORDS.values() for word, value in w.weekdays.items()
}
# Words before a weekday, every language's: "past", "this" or "next" (dates/lang/base.py).
WEEKDAY_QUALIFIERS: dict[str, str] = {
    " ".join(word.split()): kind for w in DATE_WORDS.values()
    for word, kind in w.weekday_qualifiers.items()
}
BARE_WEEKDAYS = frozenset(word for w in DATE_WORDS.values() for word in w.bare_weekdays)
NUMBER_WORDS: dict[str, int] = {
    word: value for w in DATE_WORDS.values() for word, value in w.numbers.items()
}
UNITS: dict[str, str] = {word: unit for w in DATE_WORDS.values() for word, unit in w.units.items()}


def alternation(words: list[str] | dict[str, int] | dict[str, str]) -> str:
    """A regex alternation of the words, longest first so "sept" wins over "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MONTH = rf"(?:{alternation(ALL_MONTHS)})\.?"
FULL_MONTH = alternation(FULL_MONTHS)  # no abbreviations
WEEKDAY = alternation(ALL_WEEKDAYS)
NUMBER = rf"(?:\d{{1,3}}|{alternation(NUMBER_WORDS)})"
UNIT = alternation(UNITS)
YEAR4 = r"(?:1[89]|20)\d\d"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|º|°)?"

# The cheap pre-check: a sentence is cut into lower-case words once, and each family of
# rules runs only when one of its words (or, for numeric dates, a digit pattern) is there.
# One big case-insensitive alternation costs ~10x more per sentence than this.
WORD = re.compile(r"[^\W\d_]+")  # any script's letters: "jeudi", "terça", "الخميس"
DIGITS = re.compile(r"\d[/.-]\d|\b(?:1[89]|20)\d\d\b")
MONTH_WORDS = frozenset(word for month in ALL_MONTHS for word in month.split())
WEEKDAY_WORDS = frozenset(ALL_WEEKDAYS)
RELATIVE_WORDS = frozenset(
    word for w in DATE_WORDS.values() for word in w.relative
) | frozenset(UNITS)


def number_value(text: str) -> int | None:
    """The value of a count word or numeral ("two" -> 2, "48" -> 48), else None."""
    key = text.lower()
    if key.isdigit():
        return int(key)
    return NUMBER_WORDS.get(key)
