"""Portuguese: attribution words of `actors/sources.py` (names: `pt.yaml`)."""

from __future__ import annotations

from .base import SourceWords

WORDS = SourceWords(
    code="pt",
    speech=(
        r"disse|disseram|informou|informaram|afirmou|afirmaram|confirmou|confirmaram"
        r"|relatou|relataram|declarou|indicou|denunciou|revelou|garantiu|adiantou"
        r"|avançou|reivindicou|explicou"
    ),
    according=r"segundo|de\s+acordo\s+com|conforme",
)
