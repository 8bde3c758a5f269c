"""Portuguese: attribution words of `actors/sources.py`."""

from __future__ import annotations

from .base import SourceWords

WORDS = SourceWords(code="pt")
