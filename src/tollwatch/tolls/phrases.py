"""Noun phrases and the `Binding` record shared by the casualty-grammar rules.

Offsets are relative to the sentence text the rules read; `tolls/find.py` turns them
into spans of the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Outcome
from .lexicon import NP_TOKEN, PERSON, TIME_NOUN
from .numbers import Quantity, parse_number


@dataclass
class Binding:
    """A figure bound to an outcome; offsets are relative to the sentence text.

    `trigger` is the outcome word's span (one figure per trigger, except lists);
    `quantity` is the quantity phrase it came from, when there is one.
    """

    outcome: Outcome
    low: int | None
    best: int | None
    high: int | None
    start: int
    end: int
    victim: tuple[int, int] | None = None
    trigger: tuple[int, int] | None = None
    flags: set[str] = field(default_factory=set)
    quantity: Quantity | None = None


def make_binding(
    outcome: Outcome,
    quantity: Quantity,
    *,
    flags: set[str],
    victim: tuple[int, int] | None = None,
    trigger: tuple[int, int] | None = None,
) -> Binding:
    """A binding of `quantity` (its range and flags, "article" dropped) to `outcome`."""
    return Binding(outcome, quantity.low, quantity.best, quantity.high, quantity.start,
                   quantity.end, victim=victim, trigger=trigger,
                   flags=(set(quantity.flags) - {"article"}) | flags, quantity=quantity)


_NAMES = re.compile(
    r"^(?:[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|al|el|bin|de|del|da|van|von))*"
    r"(?:\s*,\s*|\s+and\s+))+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*$"
)


def noun_phrase(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    match = re.compile(rf"(?:\s+(?:{NP_TOKEN})){{0,{limit}}}", re.I).match(text, pos)
    if not match:
        return None
    return strip_np(text, match.start(), match.end())


def strip_np(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim spaces and edge words ("of", "and", "the") from a noun phrase span."""
    while True:
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            return None
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        if text[end - 1] in ".,;:" and "." not in text[start : end - 1].rsplit(" ", 1)[-1]:
            end -= 1  # a sentence full stop, not "U.S."
            continue
        lead = re.match(r"(?:of|the|more|other|others|and)(?:\s+|$)", text[start:end], re.I)
        tail = re.search(r"(?:^|\s+)(?:and|or|of|the|more|then|were|was)$", text[start:end],
                         re.I)
        if lead:
            start += lead.end()
        elif tail:
            end = start + tail.start()
        else:
            return (start, end)


def np_words(text: str, span: tuple[int, int] | None) -> list[str]:
    return [] if span is None else re.findall(r"[\w'’-]+", text[span[0] : span[1]].lower())


# "the village head", "a head of the community": a head is a person only as a title
_TITLE_HEAD = re.compile(
    r"\b(?:village|community|district|ward|family|clan|tribal|school|household|council"
    r"|party|traditional|youth|vigilante)\s+heads?\b|\bheads?\s+of\s+(?:the\s+|a\s+)?"
    r"(?:village|community|district|ward|family|clan|tribe|school|household|council|local)",
    re.IGNORECASE,
)


# "a village chief", "two town councillors": a place word that opens a person's title
_PLACE_TITLE = re.compile(
    r"(?:village|community|district|town|ward|local|tribal|clan)\s+(?:chiefs?|heads?"
    r"|leaders?|elders?|officials?|councill?ors?|chairm[ae]n|secretar(?:y|ies)|guards?"
    r"|watchm[ae]n|heads?|imams?|priests?|pastors?|teachers?|volunteers?|defen[cs]e"
    r"|vigilantes?|militiam[ae]n|hunters?|youths?|guardsm[ae]n)",
    re.IGNORECASE,
)


def is_person(text: str, span: tuple[int, int] | None) -> bool:
    """A person word, a title ("the village head"), or (in mixed-case text) a capitalised
    name."""
    words = np_words(text, span)
    if any(PERSON.fullmatch(w) for w in words):
        return True
    if span is not None and _TITLE_HEAD.search(text, span[0], span[1]):
        return True
    return span is not None and not text.isupper() and bool(
        re.match(r"[A-Z]", text[span[0] : span[1]]))


def is_time(text: str, span: tuple[int, int] | None) -> bool:
    """A time or thing noun heads the phrase ("three days", "two villages"), unless it is
    the first word of a person's title ("a village chief", "a village head")."""
    words = np_words(text, span)
    if not words or not TIME_NOUN.fullmatch(words[0]):
        return False
    return not (len(words) > 1 and _PLACE_TITLE.fullmatch(" ".join(words[:2])) is not None)


_ANIMAL = re.compile(
    r"\b(?:cattle|cows?|goats?|sheep|camels?|livestock|animals?|donkeys?|horses?|dogs?"
    r"|chickens?|heads\s+of|k-?9s?|canines?)(?![\w-])",
    re.IGNORECASE,
)


def is_animal(text: str, span: tuple[int, int] | None) -> bool:
    """Animals are no count of the dead: "killed 40 cattle", "killed an FBI K-9"."""
    return span is not None and _ANIMAL.search(text, span[0], span[1]) is not None


def animals_only(text: str, span: tuple[int, int] | None) -> bool:
    """The phrase counts animals and no person: "an FBI K-9", "a police horse", "40
    cattle"; never "the dog walker" nor "a man walking his dog"."""
    if not is_animal(text, span):
        return False
    return not any(PERSON.fullmatch(w) and w not in ("police", "fbi", "old")
                   and not re.fullmatch(r"\d+-years?(?:-old)?", w)  # an age: "a 2-year-old K-9"
                   for w in np_words(text, span))


def is_body(out: str) -> bool:
    return bool(re.match(r"bod|corps|remains", out, re.I))


def free(bound: list[Binding], start: int, end: int) -> bool:
    return not any(b.start < end and start < b.end for b in bound)


_SUBJECT_BEFORE = re.compile(
    rf"(?P<np>(?:{NP_TOKEN})(?:\s+(?:{NP_TOKEN})){{0,5}})(?P<age>\s*,\s*\d{{1,3}}\s*,)?"
    # "Leo Diaz, of Springfield, died": where the person is from, set off by commas
    r"(?P<home>\s*,?\s*of\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}\s*,)?"
    r"\s*,?\s*(?:(?:who|that|which)\s+)?$",
    re.IGNORECASE,
)


def subject_before(text: str, pos: int) -> tuple[int, int] | None:
    """The noun phrase just before `pos` (up to 6 words; "X, who", "X, the mayor,", "X, of
    Springfield," skipped)."""
    offset = max(0, pos - 100)
    match = _SUBJECT_BEFORE.search(text[offset:pos])
    if not match:
        return None
    # "Santiago, 3, was ...": the age set off by commas belongs to the name
    return strip_np(text, offset + match.start("np"), offset + match.end("np"))


_PLURAL_WORD = re.compile(
    r"(?:\w+[^s\W]s|\w+men|people|children|police|troops|personnel|forces|they|both|and)",
    re.IGNORECASE,
)


# A person's full name: two or more capitalised words, the last no person word ("Corey
# Banks", "Jerry Williams"), so a surname's final s makes no plural.
_FULL_NAME = re.compile(r"(?:[A-Z][a-z][\w'’.-]*\s+){1,3}[A-Z][a-z][\w'’-]*[^s\W]s")


def _full_name(text: str, span: tuple[int, int]) -> bool:
    phrase = text[span[0] : span[1]]
    if _FULL_NAME.fullmatch(phrase) is None or (phrase.istitle() and text.istitle()):
        return False
    words = phrase.lower().split()
    return not any(PERSON.fullmatch(w) or parse_number(w) is not None for w in words)


def plural(text: str, span: tuple[int, int]) -> bool:
    """A plural head, a plural person word, or a list ("X and Y")."""
    if _full_name(text, span):
        return False
    words = np_words(text, span)
    persons = [w for w in words if PERSON.fullmatch(w)]
    return any(_PLURAL_WORD.fullmatch(w) for w in [*words[-1:], *persons, *words[:0]]) or (
        "and" in words)


def negated_subject(text: str, span: tuple[int, int]) -> bool:
    return bool(re.match(r"(?:no\b|nobody|none|neither)", text[span[0] : span[1]], re.I))


def name_count(phrase: str) -> int | None:
    if not _NAMES.match(phrase) or any(PERSON.fullmatch(w.lower()) for w in phrase.split()):
        return None
    return len(re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", phrase))


def has_killed_word(text: str) -> bool:
    return bool(re.search(r"\b(?:killed|dead|died|deaths|fatalit\w+|slain)\b", text, re.I))


def make_either(binding: Binding) -> None:
    """"4 were killed or injured": the figure bounds the dead but does not count them."""
    binding.low, binding.best = None, None
    if binding.high is None and binding.quantity is not None:
        binding.high = binding.quantity.best
    binding.flags.update({"vague", "either"})
