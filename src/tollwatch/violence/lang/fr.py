"""French: the event-cue rows and stems of `tollwatch.violence`."""

from __future__ import annotations

from .base import ViolenceWords

WORDS = ViolenceWords(code="fr", cues=(), candidate=r"morts?\b|tu[ée]e?s\b|bless[ée]")
