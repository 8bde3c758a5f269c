"""Attribution: who says so, and in what role (STUB: owned by the actors helper)."""

from __future__ import annotations

from collections.abc import Sequence

from .actors import ActorDictionary
from .records import CleanText, Sentence, SourceMention


def find_sources(
    clean: CleanText, sentences: Sequence[Sentence], actors: ActorDictionary
) -> list[SourceMention]:
    return []
