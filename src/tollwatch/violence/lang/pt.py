"""Portuguese: the event-cue rows and stems of `tollwatch.violence`."""

from __future__ import annotations

from .base import CueRule, ViolenceWords

CUE_RULES: tuple[CueRule, ...] = (
    CueRule(r"tiroteios?", "battle", "armed_clash", 0.9),
)

WORDS = ViolenceWords(code="pt", cues=CUE_RULES, candidate=r"tiroteio|morre")
