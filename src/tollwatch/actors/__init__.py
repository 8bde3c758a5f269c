"""Stage: actors and sources. Sentences and the actor dictionary in; `ActorMention`s
and `SourceMention`s (who said a figure, and in which role) out.

    dictionary (load_actors, find_actors, victim_type) -> sources (find_sources)

docs/actors.md and docs/sources.md describe the rules.
"""

from .dictionary import ActorDictionary, find_actors, load_actors, victim_type
from .sources import find_sources, is_claim_sentence, source_for_sentence

__all__ = [
    "ActorDictionary",
    "find_actors",
    "find_sources",
    "is_claim_sentence",
    "load_actors",
    "source_for_sentence",
    "victim_type",
]
