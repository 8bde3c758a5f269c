"""Arabic: attribution words of `actors/sources.py` (names: `ar.yaml`)."""

from __future__ import annotations

from .base import SourceWords

WORDS = SourceWords(
    code="ar",
    speech=(
        r"[وف]?(?:قال|قالت|أفاد|افاد|أفادت|ذكر|ذكرت|أعلن|اعلن|أعلنت|أكد|اكد|أكدت|وثق|وثّق"
        r"|رصد|أشار|اشار|أشارت|نقل|نقلت|أوضح|اوضح)"
    ),
    according=r"[وف]?(?:بحسب|حسب|وفق|وفقا\s+ل|وفقاً\s+ل|نقلا\s+عن|نقلاً\s+عن)",
)
