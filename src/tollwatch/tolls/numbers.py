"""Numbers and quantity phrases for the casualty grammar (`tolls/find.py`).

`parse_number("twenty-six") == 26`; `find_quantities(text)` finds the quantity
phrases of a sentence ("more than 60", "between 10 and 15", "dozens of") with
their ranges under the `tolls.vague.v1` convention documented in docs/tolls.md,
and leaves out numbers that are not counts of people (dates, ages, times, money,
percentages, years, unit labels such as "Brigade 47", durations such as
"eight-year war").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Spanish number words, used only before Spanish casualty words (tolls/find.py):
# "once" (11) and "un"/"una" would be misread in English text.
SPANISH: dict[str, int] = {
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40,
    "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
    "cien": 100,
}  # fmt: skip

# tolls.vague.v1: the smallest count the word can mean ("dozens" = two dozen = 24).
VAGUE_MINIMUM: dict[str, int] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens": 20,
    "several": 3, "a few": 2, "a couple": 2, "a handful": 2, "a dozen or so": 12,
}  # fmt: skip
# Unbounded vague words: a floor but no best figure.
VAGUE_FLOOR: dict[str, int] = {
    "many": 2, "numerous": 2, "a number": 2, "an unknown number": 1, "others": 1,
    "some": 1, "an undetermined number": 1, "an unspecified number": 1,
    "unknown number": 1, "unspecified number": 1, "undetermined number": 1,
}  # fmt: skip

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "dozen"], key=len, reverse=True))
_NUMWORDS = (
    rf"(?:(?:a|an|half\s+a)\s+(?:dozen|hundred|thousand)"
    rf"|(?:{_WORD}))(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*"
)
_DIGITS = r"(?<![\d:.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?!\d)(?![,.:]\d)"
NUMBER = rf"(?:{_DIGITS}|(?<![\w-]){_NUMWORDS}(?![\w-]))"

_AT_LEAST = r"at\s+least|a\s+minimum\s+of|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than"
_MORE = r"more\s+than|over|upwards\s+of|in\s+excess\s+of"
_NEARLY = r"nearly|almost|close\s+to|just\s+under|just\s+short\s+of"
_FEWER = r"fewer\s+than|less\s+than|under"
_UP_TO = r"up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|a\s+maximum\s+of"
_ABOUT = (
    r"about|around|some|roughly|approximately|approx\.|an\s+estimated|estimated"
    r"|circa|c\.|or\s+so|nearly\s+about"
)
_QUALIFIER = (
    rf"(?P<q_least>{_AT_LEAST})|(?P<q_more>{_MORE})|(?P<q_nearly>{_NEARLY})"
    rf"|(?P<q_fewer>{_FEWER})|(?P<q_upto>{_UP_TO})|(?P<q_about>{_ABOUT})"
)
_VAGUE = (
    r"(?P<vague>tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds"
    r"|thousands|tens|several|a\s+few|a\s+couple|a\s+handful|many|numerous"
    r"|an?\s+(?:unknown|undetermined|unspecified)\s+number|(?:unknown|undetermined"
    r"|unspecified)\s+number|a\s+number|others)(?![\w-])"
)
_RANGE = (
    rf"(?:between\s+|from\s+)?(?P<r_low>{NUMBER})\s*(?:and|to|or|-|–|—)\s*(?P<r_high>{NUMBER})"
)
QUANTITY = re.compile(
    rf"(?<![\w$€£])(?:(?:{_QUALIFIER})\s+)?(?:{_RANGE}|(?P<num>{NUMBER})|{_VAGUE})",
    re.IGNORECASE,
)

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_UNIT_AFTER = re.compile(
    rf"^(?:\s*(?:{_MONTHS})\b\.?|\s*%|\s*per\s*cent|\s*percent|-?\s*years?\b(?!\s+of\s)"
    r"|-?\s*yrs?\b|-?\s*months?\b|-?\s*weeks?\b|-?\s*days?\b|-?\s*hours?\b|-?\s*hrs\b"
    r"|-?\s*minutes?\b|-?\s*min\b|-?\s*seconds?\b|-?\s*decades?\b|-?\s*nights?\b"
    r"|\s*(?:a\.?m\b\.?|p\.?m\b\.?|gmt|utc|hrs|hours)|\s*o'clock|-?\s*(?:km|kms|kilomet(?:er|re)s?"
    r"|miles?|met(?:er|re)s?|m|mm|kg|tons?|tonnes?|acres?|hectares?|feet|ft)\b"
    r"|\s*(?:dollars|pesos|euros|pounds|rupees|afghanis|naira|usd|eur|million\s+dollars)\b"
    r"|\s*times\b|\s*(?:st|nd|rd|th)\b|-(?:storey|story|floor|member|man|strong|point)\b"
    r"|[.,]\d|:\d)",
    re.IGNORECASE,
)
_UNIT_BEFORE = re.compile(
    rf"(?:\b(?:{_MONTHS})\.?|[$€£#]|\b(?:us\$|usd|rs\.?|no\.|nos\.|number|aged|age|ages"
    r"|brigade|division|route|highway|road|battalion|regiment|unit|flight|sector|zone"
    r"|block|camp|street|resolution|article|chapter|section|phase|gate|hill|km|kilometre"
    r"|kilometer|checkpoint|ward|precinct|apartment|room|level|grade|class|channel|bus"
    r"|line|platoon|squadron|corps|fleet|lot|building|code|page|paragraph|clause"
    r"|decree|law|item|category|model|type|term|stage|fy|covid|covid-|mark|mk)"
    r")\s*$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"^-?\s*(?:years?|yrs?)[- ]old\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")


@dataclass(frozen=True)
class Quantity:
    """A quantity phrase: its range and where it is (offsets into the searched text)."""

    low: int | None
    best: int | None
    high: int | None
    text: str
    start: int
    end: int
    flags: frozenset[str] = field(default_factory=frozenset)


# A figure of more digits is no count (an id, a phone number, hostile text): it is not
# read, so no toll ever holds an integer that overflows 64 bits or that Python refuses
# to print (more than 4,300 digits). Absurd but readable tolls are the store's
# plausibility bound's business.
MAX_DIGITS = 18


def parse_number(text: str) -> int | None:
    """The value of a written number, or None when `text` is not one number.

    >>> parse_number("one hundred and five"), parse_number("1,200"), parse_number("TWENTY-SIX")
    (105, 1200, 26)
    """
    raw = text.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", raw):
        digits = raw.replace(",", "")
        return int(digits) if len(digits) <= MAX_DIGITS else None
    words = [w for w in re.split(r"[\s-]+", raw) if w and w != "and"]
    if not words:
        return None
    if words in (["a"], ["an"]):
        return 1
    if words[:2] == ["half", "a"] and words[2:] == ["dozen"]:
        return 6
    return _parse_words(words)


def _parse_words(words: list[str]) -> int | None:
    total, current, seen, last = 0, 0, False, ""
    for i, word in enumerate(words):
        if word in ("a", "an") and i == 0 and len(words) > 1:
            current, seen, last = 1, True, "unit"
        elif word in UNITS or word in TENS:
            value = UNITS.get(word, TENS.get(word, 0))
            if last == "unit" or (last == "tens" and word in TENS):
                return None  # "two three", "twenty thirty" are lists, not one number
            if last == "tens" and value >= 10:
                return None
            current += value
            seen, last = True, ("tens" if word in TENS else "unit")
        elif word == "dozen":
            current, seen, last = (current or 1) * 12, True, "scale"
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            seen, last = True, "scale"
        else:
            return None
    return total + current if seen else None


def parse_spanish_number(text: str) -> int | None:
    """The value of a digit string or one Spanish number word ("dos" -> 2), else None."""
    raw = text.strip().lower()
    if raw.isdigit():
        return int(raw) if len(raw) <= MAX_DIGITS and raw.isdecimal() else None
    return SPANISH.get(raw)


def _vague_key(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower())


def _vague_quantity(word: str) -> tuple[int | None, int | None, int | None]:
    key = _vague_key(word)
    if key in VAGUE_MINIMUM:
        value = VAGUE_MINIMUM[key]
        return value, value, None
    if key == "tens of thousands":
        return 20_000, 20_000, None
    if key == "hundreds of thousands":
        return 200_000, 200_000, None
    return VAGUE_FLOOR.get(key, 1), None, None


def _qualified(
    kind: str | None, value: int
) -> tuple[int | None, int | None, int | None, frozenset[str]]:
    if kind == "q_least":
        return value, value, None, frozenset({"lower_bound"})
    if kind == "q_more":
        return value + 1, value + 1, None, frozenset({"lower_bound"})
    if kind == "q_nearly":
        return None, value, value, frozenset({"approx"})
    if kind == "q_fewer":
        below = max(value - 1, 0)
        return None, below, below, frozenset({"upper_bound"})
    if kind == "q_upto":
        return None, value, value, frozenset({"upper_bound"})
    if kind == "q_about":
        return None, value, None, frozenset({"approx"})
    return value, value, value, frozenset()


def _qualifier_kind(match: re.Match[str]) -> str | None:
    for name in ("q_least", "q_more", "q_nearly", "q_fewer", "q_upto", "q_about"):
        if match.group(name):
            return name
    return None


def _from_match(match: re.Match[str]) -> Quantity | None:
    kind = _qualifier_kind(match)
    start, end, text = match.start(), match.end(), match.group()
    if match.group("vague"):
        low, best, high = _vague_quantity(match.group("vague"))
        if kind == "q_about":
            return None  # "some many" is not a phrase; "some" alone is handled as vague
        return Quantity(low, best, high, text, start, end, frozenset({"vague"}))
    if match.group("r_low"):
        low_value = parse_number(match.group("r_low"))
        high_value = parse_number(match.group("r_high"))
        if low_value is None or high_value is None or low_value >= high_value:
            return None
        return Quantity(low_value, low_value, high_value, text, start, end, frozenset({"range"}))
    value = parse_number(match.group("num"))
    if value is None:
        return None
    low, best, high, flags = _qualified(kind, value)
    return Quantity(low, best, high, text, start, end, flags)


def _is_not_a_count(text: str, match: re.Match[str]) -> bool:
    """True for dates, ages, times, money, percentages, years, labels and durations."""
    core = match.group("num") or match.group("r_high") or ""
    after = text[match.end() :]
    before = text[: match.start()]
    if core and (_UNIT_AFTER.match(after) or _AGE_AFTER.match(after)):
        return True
    if core and not _qualifier_kind(match) and _UNIT_BEFORE.search(before[-20:]):
        return True
    if core and _YEAR.match(core) and not re.match(r"\s+(?:people|persons)\b", after, re.I):
        return True
    if re.match(r"\s*(?:of\s+(?:the|those|these|its|his|her|their|them|our|whom|us|which)\b)",
                after, re.IGNORECASE) and core.lower() == "one":
        return True
    return bool(re.search(r"\[size=[^\]]*$", before, re.IGNORECASE))


def find_quantities(text: str) -> list[Quantity]:
    """Quantity phrases in `text` (offsets into `text`), non-counts left out.

    >>> [(q.low, q.best, q.high) for q in find_quantities("at least 5 and dozens more")]
    [(5, 5, None), (24, 24, None)]
    """
    found: list[Quantity] = []
    for match in QUANTITY.finditer(text):
        if _is_not_a_count(text, match):
            continue
        quantity = _from_match(match)
        if quantity is not None:
            found.append(quantity)
    return found
