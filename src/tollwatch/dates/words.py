"""Word tables and regular-expression pieces for the date grammar (English and Spanish).

Kept apart from the rules (dates/rules.py) so the vocabulary can grow without touching
the logic. All patterns are matched case-insensitively; case checks (a lower-case
"may" is a verb in mixed-case text) are made by the rules.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
SPANISH_MONTHS: dict[str, int] = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}  # fmt: skip
ALL_MONTHS: dict[str, int] = {**MONTHS, **SPANISH_MONTHS}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
SPANISH_WEEKDAYS: dict[str, int] = {
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
}  # fmt: skip
ALL_WEEKDAYS: dict[str, int] = {**WEEKDAYS, **SPANISH_WEEKDAYS}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "forty-eight": 48, "seventy-two": 72,
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "quince": 15, "veinte": 20,
}  # fmt: skip

UNITS: dict[str, str] = {
    "day": "day", "days": "day", "hour": "hour", "hours": "hour", "week": "week",
    "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year",
    "día": "day", "días": "day", "dia": "day", "dias": "day", "hora": "hour", "horas": "hour",
    "semana": "week", "semanas": "week", "mes": "month", "meses": "month",
    "año": "year", "años": "year",
}  # fmt: skip


def alternation(words: list[str] | dict[str, int] | dict[str, str]) -> str:
    """A regex alternation of the words, longest first so "sept" wins over "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MONTH = rf"(?:{alternation(ALL_MONTHS)})\.?"
FULL_MONTH = alternation([*list(MONTHS)[:12], *SPANISH_MONTHS])  # no abbreviations
WEEKDAY = alternation(ALL_WEEKDAYS)
NUMBER = rf"(?:\d{{1,3}}|{alternation(NUMBER_WORDS)})"
UNIT = alternation(UNITS)
YEAR4 = r"(?:1[89]|20)\d\d"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|º|°)?"

# The cheap pre-check: a sentence is cut into lower-case words once, and each family of
# rules runs only when one of its words (or, for numeric dates, a digit pattern) is there.
# One big case-insensitive alternation costs ~10x more per sentence than this.
WORD = re.compile(r"[a-záéíóúñü]+")
DIGITS = re.compile(r"\d[/.-]\d|\b(?:1[89]|20)\d\d\b")
MONTH_WORDS = frozenset(ALL_MONTHS)
WEEKDAY_WORDS = frozenset(ALL_WEEKDAYS)
RELATIVE_WORDS = frozenset(
    [
        "yesterday", "today", "tonight", "overnight", "night", "morning", "afternoon",
        "evening", "ago", "weekend", "since", "ayer", "anteayer", "antier", "hoy", "anoche",
        "hace", "pasado", "pasada", "mañana", "tarde", "noche", "fin",
    ]
) | frozenset(UNITS)  # fmt: skip


def number_value(text: str) -> int | None:
    """The value of a count word or numeral ("two" -> 2, "48" -> 48), else None."""
    key = text.lower()
    if key.isdigit():
        return int(key)
    return NUMBER_WORDS.get(key)
