"""Per-language word tables of the casualty grammar: one module per language.

`TOLL_WORDS["es"]` is Spanish's `TollWords` (tolls/lang/base.py). A language is read
when it has a module here (and in the other stages' `lang/` packages, see
docs/languages.md); the rules that read the tables are shared.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from . import ar, en, es, fr, pt, ru, uk
from .base import TollWords

TOLL_WORDS: Mapping[str, TollWords] = MappingProxyType(
    {words.code: words for words in (
        en.WORDS, es.WORDS, fr.WORDS, pt.WORDS, ar.WORDS, ru.WORDS, uk.WORDS
    )}
)

__all__ = ["TOLL_WORDS", "TollWords"]
