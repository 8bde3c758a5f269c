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

from ..read.prefilter import Prefiltered
from .lang import en, es

# The English number words and vague amounts (tolls/lang/en.py); Spanish number words
# (tolls/lang/es.py) are read only before Spanish casualty words (tolls/clauses.py):
# "once" (11) and "un"/"una" would be misread in English text.
UNITS, TENS, SCALES = en.UNITS, en.TENS, en.SCALES
SPANISH = es.NUMBERS
VAGUE_MINIMUM, VAGUE_FLOOR = en.VAGUE_MINIMUM, en.VAGUE_FLOOR

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "dozen"], key=len, reverse=True))
_NUMWORDS = (
    rf"(?:(?:a|an|half\s+a)\s+(?:dozen|hundred|thousand)"
    rf"|(?:{_WORD}))(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*"
)
_DIGITS = r"(?<![\d:.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?!\d)(?![,.:]\d)"
# "12 million", "1.5 million": digits and a scale word are one number
_DIGITS_SCALED = r"(?<![\d:.,])\d{1,3}(?:\.\d{1,2})?\s+(?:thousand|million)\b"
NUMBER = rf"(?:{_DIGITS_SCALED}|{_DIGITS}|(?<![\w-]){_NUMWORDS}(?![\w-]))"

_AT_LEAST, _MORE, _NEARLY, _FEWER, _UP_TO, _ABOUT = (
    en.AT_LEAST, en.MORE, en.NEARLY, en.FEWER, en.UP_TO, en.ABOUT
)
_QUALIFIER = (
    rf"(?P<q_least>{_AT_LEAST})|(?P<q_more>{_MORE})|(?P<q_nearly>{_NEARLY})"
    rf"|(?P<q_fewer>{_FEWER})|(?P<q_upto>{_UP_TO})|(?P<q_about>{_ABOUT})"
)
_VAGUE = en.VAGUE
_RANGE = (
    rf"(?:between\s+|from\s+)?(?P<r_low>{NUMBER})\s*(?:and|to|or|-|–|—)\s*(?P<r_high>{NUMBER})"
)
QUANTITY = re.compile(
    rf"(?<![\w$€£])(?:(?:{_QUALIFIER})\s+)?(?:{_RANGE}|(?P<num>{NUMBER})|{_VAGUE})",
    re.IGNORECASE,
)
_QUANTITY_FAST = Prefiltered.of(QUANTITY)  # the same matches, cheaper (read/prefilter.py)

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
    r"|\s*times\b|\s*block\b|\s*(?:st|nd|rd|th)\b|-(?:storey|story|floor|member|man|strong|point)\b"
    # a headline cut short by the page: "shooting that killed 6-y" (a 6-year-old)
    r"|-y(?:e|ea|r)?\b"
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
    # "a K-9", "F-16": a letter and a hyphen make a label; "father of 3": children
    r"|(?<![\w-])[a-z]-|\b(?:father|mother|dad|mom|mum|parent|grandfather|grandmother)s?\s+of"
    r")\s*$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"^-?\s*(?:(?:years?|yrs?)[- ]old\b|(?:yo|y/o)\b)", re.IGNORECASE)
# "Alex Moreno, 24, was shot", "a boy (6)": a bare number set off after a name or a
# person word is an age (ages are never counts).
_AGE_APPOSITION_BEFORE = re.compile(
    r"(?:\b[A-Z][\w'’.-]*|\b(?:man|woman|boy|girl|teen|teenager|child|son|daughter|brother"
    r"|sister|mother|father|victim|suspect|driver|officer|student|friend|toddler|baby)"
    r")\s*(?:,|\()\s*$"
)
# "shot the clerk, 44, who died", "his cousin, 19, was wounded": a bare number set off by
# commas after a determiner and a lower-case noun is that person's age.
_AGE_AFTER_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|their)\s+(?:[a-z][\w'’-]*\s+)?[a-z][\w'’-]*,\s*$"
)
_AGE_AFTER_NOUN_AFTER = re.compile(r"^,\s+(?:who|was|is|had|has|and|of|from)\b")
# "Ana Reyes, 66 and Leo Reyes, 64": an age before the next name; "... of Leo Reyes, 16."
# at the end of the sentence
_AGE_APPOSITION_AFTER = re.compile(r"^\s*(?:,|\)|;|$|\.(?:\s|$)|and\s+(?-i:[A-Z]))")
# "Ana Reyes, 66 and Leo Reyes, 64 were found dead": the last of the named people's ages,
# before the plural verb (never "In Sudan, 64 were killed": no name joined by "and")
_LAST_AGE_BEFORE = re.compile(r"\band\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+\s*,\s*$")
_LAST_AGE_AFTER = re.compile(r"^\s+(?:were|are|have|had)\b")
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
    scaled = re.fullmatch(r"(\d{1,3})(?:\.(\d{1,2}))?\s+(thousand|million)", raw)
    if scaled:
        whole, fraction, scale = scaled.groups()
        unit = SCALES[scale]
        cents = int((fraction or "0").ljust(2, "0"))
        return int(whole) * unit + cents * unit // 100
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
    if core and _AGE_APPOSITION_BEFORE.search(before[-40:]) and _AGE_APPOSITION_AFTER.match(
            after):
        return True
    if core and _AGE_AFTER_NOUN_BEFORE.search(before[-40:]) and _AGE_AFTER_NOUN_AFTER.match(
            after):
        return True
    if core and _LAST_AGE_BEFORE.search(before[-60:]) and _LAST_AGE_AFTER.match(after):
        return True
    if core and _YEAR.match(core) and not re.match(r"\s+(?:people|persons)\b", after, re.I):
        return True
    if re.match(r"\s*(?:of\s+(?:the|those|these|its|his|her|their|them|our|whom|us|which)\b)",
                after, re.IGNORECASE) and core.lower() == "one":
        return True
    if core.lower() == "one" and re.search(r"\bof\s+$", before[-4:], re.IGNORECASE) and re.match(
            r"\s+(?:family|household|clan|home|house)\b", after, re.IGNORECASE):
        return True  # "six members of one family": the family is no count
    return bool(re.search(r"\[size=[^\]]*$", before, re.IGNORECASE))


def find_quantities(text: str) -> list[Quantity]:
    """Quantity phrases in `text` (offsets into `text`), non-counts left out.

    >>> [(q.low, q.best, q.high) for q in find_quantities("at least 5 and dozens more")]
    [(5, 5, None), (24, 24, None)]
    """
    found: list[Quantity] = []
    for match in _QUANTITY_FAST.finditer(text):
        if _is_not_a_count(text, match):
            continue
        quantity = _from_match(match)
        if quantity is not None:
            found.append(quantity)
    return found
