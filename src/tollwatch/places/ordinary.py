"""Capitals by position: a lone capitalised word that is an ordinary word of the report.

Part of rule ``places.v1`` (scan.py): local news starts headlines and sentences with
words that are towns somewhere ("Teen", "Man", "Hurt", "Assault"); where capitals are
not chosen (a sentence's first word, after a colon or a quote, a title-case headline)
such a word names no place when the report also writes it in lower case, or when it
is one of the people a news lead starts with (docs/places.md).
"""

from __future__ import annotations

import re
from collections.abc import Container

from ..records import Sentence

_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def ordinary_words(text: str) -> frozenset[str]:
    """The words a report writes in lower case somewhere ("a man was shot"): the same
    word capitalised where capitals are not chosen (a sentence's first word, a
    title-case headline: "Man Shot Near Bar") is that word, not a town named Man."""
    return frozenset(_LOWER_WORD.findall(text))


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’]*[a-z](?![\w'’-])")


class OrdinaryWords:
    """`ordinary_words` of a report, without reading the whole text: a word asked about is
    looked for where it stands alone (no letter, digit, apostrophe or hyphen either side),
    which is what being one of those words means; most reports ask about a few words,
    and the word scan of the whole text was a tenth of the places stage. True when the
    report writes any word in lower case, as the set itself would be."""

    __slots__ = ("_any", "_known", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._any: bool | None = None
        self._known: dict[str, bool] = {}  # the answers given for this report's text

    def __bool__(self) -> bool:
        if self._any is None:
            self._any = _LOWER_WORD.search(self._text) is not None
        return self._any

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = self._stands_alone(word)
        return known

    def _stands_alone(self, word: str) -> bool:
        """Whether the text writes `word`, a lower-case word, as a word of its own."""
        if _ORDINARY_SHAPE.fullmatch(word) is None:
            return False
        text, size, last = self._text, len(word), len(self._text)
        at = text.find(word)
        while at >= 0:
            end = at + size
            if (at == 0 or not _joins(text[at - 1])) and (end == last or not _joins(text[end])):
                return True
            at = text.find(word, at + 1)
        return False


_ORDINARY_SHAPE = re.compile(r"[a-z][a-z'’]*[a-z]")


def _joins(char: str) -> bool:
    """Whether a character continues a word for `_LOWER_WORD` ([\\w'’-])."""
    return char.isalnum() or char in "_'’-"


_UNFORCED_BEFORE = frozenset(":\"“‘'(—–-")


# who a news headline or lead starts with ("Teen killed ...", "Gunman ..."): never a
# town where capitals are not chosen, even in a report that writes it nowhere else
_HEADLINE_PEOPLE = frozenset(
    (
        "man", "men", "woman", "women", "teen", "teens", "boy", "boys", "girl", "girls",
        "child", "children", "toddler", "baby", "mother", "father", "son", "daughter",
        "suspect", "suspects", "victim", "victims", "officer", "deputy", "gunman", "shooter",
        "driver", "student", "resident", "neighbor", "neighbour",
    )
)
_INFLECTIONS = ("", "s", "es", "d", "ed", "ing", "er", "ers", "ager", "agers")
# a count a headline or lead starts with ("Sixteen killed in raid near Eringeti",
# "Twelve soldiers die ..."): never a town where capitals are not chosen ("Sixteen"
# is a village of Ohio in the gazetteer; world-pairs7)
_NUMBER_WORDS = frozenset(
    (
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety", "hundred", "hundreds", "dozen", "dozens", "scores",
    )
)


def is_ordinary(word: str, ordinary: Container[str]) -> bool:
    """A word the report writes in lower case, itself or inflected ("Teen" / "teenager")."""
    lower = word.lower()
    if lower in _HEADLINE_PEOPLE or lower in _NUMBER_WORDS:
        return True
    return any(lower + end in ordinary for end in _INFLECTIONS)


def unforced_capital(sentence: Sentence, start: int, title: bool) -> bool:
    """Whether the word at offset `start` (in the report) is capitalised by position,
    not as a name: the sentence's first word, the first word after a colon, quote or
    dash, or any word of a title-case headline."""
    if title:
        return True
    before = sentence.text[: start - sentence.span.start].rstrip()
    return not before or before[-1] in _UNFORCED_BEFORE


def title_case(sentence: Sentence) -> bool:
    """A headline written in title case ("Teen Hurt In Drive-By Shooting"), or any
    sentence written in capitals (a broadcast transcript: "ONE MAN TAKEN INTO CUSTODY"),
    where no capital is chosen."""
    if not sentence.headline:
        return sentence.text.isupper() and len(_LONG_WORD.findall(sentence.text)) >= 3
    words = _LONG_WORD.findall(sentence.text)
    if len(words) < 3:
        return False
    if sum(w.isupper() for w in words) > 0.8 * len(words):
        return True
    capitals = sum(w[0].isupper() for w in words)
    return capitals > 0.6 * len(words)
