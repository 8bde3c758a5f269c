"""Ukrainian: attribution words of `actors/sources.py` (names: `uk.yaml`)."""

from __future__ import annotations

from .base import SourceWords

WORDS = SourceWords(
    code="uk",
    speech=(
        r"повідомив|повідомила|повідомили|повідомляє|повідомляють|заявив|заявила|заявили"
        r"|написав|написала|розповів|розповіла|уточнив|уточнила|підтвердив|підтвердила"
        r"|підтвердили|зазначив|зазначила|зазначили|інформує|передає"
    ),
    according=r"за\s+даними|за\s+словами|за\s+інформацією|згідно\s+з\s+даними|як\s+повідомляє",
)
