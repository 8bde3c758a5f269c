"""The event-cue table of `tollwatch.violence` (docs/events.md, "Event cues").

The rows are written per language (`violence/lang/<code>.py`, English's hold the
figurative and armed contexts); this table is all of them, English first. Order
matters: the first rule that matches at a position wins, so specific forms come first
within each language ("suicide car bomb" before "car bomb" before "bomb").
"""

from __future__ import annotations

from .lang import VIOLENCE_WORDS, CueRule

CUE_RULES: tuple[CueRule, ...] = tuple(
    rule for words in VIOLENCE_WORDS.values() for rule in words.cues
)

__all__ = ["CUE_RULES", "CueRule"]
