"""Portuguese: place cues of `places/rules.py`."""

from __future__ import annotations

from .base import PlaceWords

WORDS = PlaceWords(code="pt")
