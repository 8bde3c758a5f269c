"""Spanish: place cues of `places/rules.py`."""

from __future__ import annotations

from .base import PlaceWords

WORDS = PlaceWords(
    code="es",
    type_prefixes=(
        r"colonia|barrio|fraccionamiento|vereda|corregimiento|ejido|caserio|caserío|aldea|"
        r"cantón|canton|sector|residencial|municipio|poblado|localidad"
    ),
)
