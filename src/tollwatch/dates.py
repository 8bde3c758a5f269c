"""Date phrases resolved against publication (STUB: owned by the dates helper)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .records import CleanText, DateMention, Sentence
from .settings import Settings


def find_dates(
    clean: CleanText, sentences: Sequence[Sentence], published: date | None, settings: Settings
) -> list[DateMention]:
    """Date mentions in the given sentences, resolved against `published` where relative."""
    return []
