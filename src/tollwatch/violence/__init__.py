"""Stage: violence. `CleanText` in; candidate sentences, `EventCue`s and the report's
relevance out.

    cues (the cue table) -> detect (candidate_sentences, find_cues, relevance_score)

docs/events.md describes the cues and the event types.
"""

from .detect import candidate_sentences, find_cues, is_relevant, relevance_score

__all__ = ["candidate_sentences", "find_cues", "is_relevant", "relevance_score"]
