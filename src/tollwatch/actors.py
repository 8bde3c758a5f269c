"""The actor dictionary and actor mentions (STUB: owned by the actors helper)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .records import ActorMention, CleanText, Sentence
from .settings import Settings


@dataclass(frozen=True)
class ActorDictionary:
    """Normalised actors keyed by their surface forms."""

    entries: tuple[tuple[str, str, str, str], ...] = ()  # placeholder


def load_actors(settings: Settings) -> ActorDictionary:
    return ActorDictionary()


def find_actors(
    clean: CleanText, sentences: Sequence[Sentence], actors: ActorDictionary
) -> list[ActorMention]:
    return []
