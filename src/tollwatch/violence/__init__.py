"""Stage: violence. `CleanText` in; candidate sentences, `EventCue`s and the report's
relevance out.

    cues (the cue table) -> detect (candidate_sentences, find_cues, relevance_score)
    -> relevance (judge_relevance: violence done by people, or a frame, with a reason)

docs/events.md describes the cues and the event types; docs/incidents.md relevance.
"""

from .detect import candidate_sentences, find_cues, is_relevant, relevance_score
from .relevance import judge_relevance

__all__ = [
    "candidate_sentences",
    "find_cues",
    "is_relevant",
    "judge_relevance",
    "relevance_score",
]
