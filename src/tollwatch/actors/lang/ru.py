"""Russian: attribution words of `actors/sources.py` (names: `ru.yaml`)."""

from __future__ import annotations

from .base import SourceWords

WORDS = SourceWords(
    code="ru",
    speech=(
        r"сообщил|сообщила|сообщили|сообщает|сообщают|заявил|заявила|заявили|написал"
        r"|написала|рассказал|рассказала|уточнил|уточнила|уточнили|подтвердил|подтвердила"
        r"|подтвердили|передает|передаёт|отметил|отметили|информирует"
    ),
    according=r"по\s+данным|по\s+словам|по\s+информации|согласно\s+данным|как\s+сообщает",
)
