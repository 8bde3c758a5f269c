"""Per-language place cues, one module per language (`PLACE_WORDS["es"]`).

The place grammar (places/rules.py) reads the union of every language's cues.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from . import ar, en, es, fr, pt, ru, uk
from .base import PlaceWords

PLACE_WORDS: Mapping[str, PlaceWords] = MappingProxyType(
    {words.code: words for words in (
        en.WORDS, es.WORDS, fr.WORDS, pt.WORDS, ar.WORDS, ru.WORDS, uk.WORDS
    )}
)


def union(field: str) -> str:
    """The alternation of one field over every language ("near" -> "near|...|cerca de")."""
    return "|".join(p for p in (getattr(w, field) for w in PLACE_WORDS.values()) if p)


__all__ = ["PLACE_WORDS", "PlaceWords", "union"]
