"""Per-language date words: months, weekdays, units and relative phrases.

`DATE_WORDS["es"]` is Spanish's `DateWords` (dates/lang/base.py); the date rules read
the union of all of them (dates/words.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from . import ar, en, es, fr, pt, ru, uk
from .base import DateWords

DATE_WORDS: Mapping[str, DateWords] = MappingProxyType(
    {words.code: words for words in (
        en.WORDS, es.WORDS, fr.WORDS, pt.WORDS, ar.WORDS, ru.WORDS, uk.WORDS
    )}
)

__all__ = ["DATE_WORDS", "DateWords"]
