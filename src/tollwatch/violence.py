"""Signs of violence in sentences (STUB: owned by the actors/sources/violence helper)."""

from __future__ import annotations

from collections.abc import Sequence

from .records import CleanText, EventCue, Sentence
from .settings import Settings


def find_cues(clean: CleanText, sentences: Sequence[Sentence], settings: Settings) -> list[EventCue]:
    """Event cues (with event type and sub-type) in the given sentences."""
    return []


def candidate_sentences(clean: CleanText) -> list[Sentence]:
    """Cheap pre-filter: content sentences that may hold violence or a casualty figure."""
    return list(clean.content())
