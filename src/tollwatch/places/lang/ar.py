"""Arabic: place cues of `places/rules.py` ("في ريف حلب", "بلدة", "قرب")."""

from __future__ import annotations

from .base import PlaceWords

WORDS = PlaceWords(
    code="ar",
    directions=r"شمال|جنوب|شرق|غرب|وسط|الشمالي|الجنوبي|الشرقي|الغربي",
    near=r"قرب|بالقرب\s+من|على\s+أطراف|أطراف|محيط|بمحيط|ريف|بريف|في\s+ريف",
    type_prefixes=r"بلدة|قرية|مدينة|حي|محافظة|منطقة|ناحية|مخيم|بادية|ببلدة|بقرية|بمدينة",
    city_words=r"[وفبل]?مدينة|[وف]?بمدينة",
    province_words=r"[وف]?(?:ب|ل)?محافظة|[وف]?(?:ب|ل)?ريف",
)
