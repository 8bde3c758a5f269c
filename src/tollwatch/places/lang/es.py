"""Spanish: place cues of `places/rules.py`."""

from __future__ import annotations

from .base import PlaceWords

WORDS = PlaceWords(
    code="es",
    # not "sur" nor "este": "on" and "this" in other languages read (the cues are shared)
    directions=r"norte|oeste|noreste|noroeste|sureste|suroeste|sudeste",
    near=(
        r"cerca\s+de|en\s+las\s+inmediaciones\s+de|a\s+las\s+afueras\s+de"
        r"|en\s+los\s+alrededores\s+de|a\s+pocos\s+kil[óo]metros\s+de"
    ),
    type_prefixes=(
        r"colonia|barrio|fraccionamiento|vereda|corregimiento|ejido|caserio|caserío|aldea|"
        r"cantón|canton|sector|residencial|municipio|poblado|localidad"
    ),
    city_words=r"(?:la\s+)?ciudad\s+de",
    name_links=r"de|del",
)
