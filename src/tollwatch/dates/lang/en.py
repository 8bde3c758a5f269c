"""English: the words of the date grammar."""

from __future__ import annotations

from .base import DateWords

WORDS = DateWords(
    code="en",
    months={
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
        "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    },
    month_abbreviations={
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
        "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    },
    weekdays={
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
        "saturday": 5, "sunday": 6,
    },
    numbers={
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "forty-eight": 48, "seventy-two": 72,
    },
    units={
        "day": "day", "days": "day", "hour": "hour", "hours": "hour", "week": "week",
        "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year",
    },
    relative=frozenset({
        "yesterday", "today", "tonight", "overnight", "night", "morning", "afternoon",
        "evening", "ago", "weekend", "since",
    }),
    phrases={
        "today": "days:0", "tonight": "days:0", "earlier today": "days:0",
        "this morning": "days:0", "this afternoon": "days:0", "this evening": "days:0",
        "yesterday": "days:1", "yesterday morning": "days:1", "yesterday afternoon": "days:1",
        "yesterday evening": "days:1", "last night": "days:1", "late last night": "days:1",
        "the day before yesterday": "days:2",
        "overnight": "overnight", "during the night": "overnight",
        "last week": "previous_week",
        "this week": "week_so_far", "earlier this week": "week_so_far",
        "last weekend": "previous_weekend", "over the weekend": "weekend",
        "at the weekend": "weekend", "this weekend": "weekend",
        "last month": "months:1",
        "this month": "month_so_far", "earlier this month": "month_so_far",
        "last year": "previous_year",
        "this year": "year_so_far", "earlier this year": "year_so_far",
    },
)  # fmt: skip
