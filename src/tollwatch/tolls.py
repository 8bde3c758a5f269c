"""The casualty grammar (STUB: owned by the tolls helper)."""

from __future__ import annotations

from collections.abc import Sequence

from .records import CleanText, Sentence, TollMention
from .settings import Settings


def find_tolls(
    clean: CleanText, sentences: Sequence[Sentence], settings: Settings
) -> list[TollMention]:
    """Casualty figures in the given sentences."""
    return []
