"""Per-language violence words: cue rows and stems, one module per language.

`VIOLENCE_WORDS["es"]` is Spanish's `ViolenceWords` (violence/lang/base.py). The cue
table the detector reads is every language's rows, English first (docs/languages.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from . import ar, en, es, fr, pt, ru, uk
from .base import CueRule, ViolenceWords

VIOLENCE_WORDS: Mapping[str, ViolenceWords] = MappingProxyType(
    {words.code: words for words in (
        en.WORDS, es.WORDS, fr.WORDS, pt.WORDS, ar.WORDS, ru.WORDS, uk.WORDS
    )}
)

__all__ = ["VIOLENCE_WORDS", "CueRule", "ViolenceWords"]
