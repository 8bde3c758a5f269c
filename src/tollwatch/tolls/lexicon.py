"""Word lists of the casualty grammar (`tolls/find.py`), as regular-expression pieces.

Kept apart from the rules so that the vocabulary can grow without touching the
grammar. Every piece is matched case-insensitively (wire text is upper case).
"""

from __future__ import annotations

import re

from ..records import Outcome
from .lang import TOLL_WORDS, en

# Any binding needs one of these stems, so a sentence without one costs one search.
# Lower case, searched in lower-cased text: nine times faster than IGNORECASE. Every
# language's stems are searched, so a report detected wrongly still reaches the grammar.
PRECHECK = re.compile("|".join(words.precheck for words in TOLL_WORDS.values() if words.precheck))

PASSIVE = en.PASSIVE
NOMINAL = en.NOMINAL
ACTIVE = en.ACTIVE
_BREAK = en.BREAK_WORDS
NP_TOKEN = (
    rf"(?<![\w'’.-])['\"“‘#@]?(?!(?:{_BREAK})(?![\w'’-]))[^\W\d_][\w'’.-]*['\"”’]?|\([^()]{{0,60}}\)"
    r"|(?<![\w-])\d+(?:-[^\W\d_]+)+|(?<![\w-])\d+(?:st|nd|rd|th)\b"
)
AUX = en.AUX

PERSON = re.compile(en.PERSON, re.IGNORECASE)
TIME_NOUN = re.compile(en.TIME_NOUN, re.IGNORECASE)
KILLED_ADJECTIVE = re.compile(en.KILLED_ADJECTIVE, re.IGNORECASE)


def outcome_of(word: str) -> Outcome | None:
    """The outcome an outcome word stands for ("slain" -> "killed"), None for none."""
    lowered = word.lower()
    if not lowered.strip():
        return None
    for outcome, stems in en.OUTCOME_STEMS:
        if re.search(stems, lowered):
            return outcome
    return None
