"""Place phrases linked to the gazetteer (STUB: owned by the gazetteer helper)."""

from __future__ import annotations

from collections.abc import Sequence

from .gazetteer import Gazetteer
from .records import CleanText, PlaceMention, Sentence
from .settings import Settings


def find_places(
    clean: CleanText, sentences: Sequence[Sentence], gazetteer: Gazetteer, settings: Settings
) -> list[PlaceMention]:
    return []
