"""Portuguese: the words of the casualty grammar (`tolls/clauses.py`)."""

from __future__ import annotations

from .base import TollWords

WORDS = TollWords(code="pt", name="Portuguese")
