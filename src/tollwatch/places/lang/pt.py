"""Portuguese: place cues of `places/rules.py`."""

from __future__ import annotations

from .base import PlaceWords

WORDS = PlaceWords(
    code="pt",
    directions=r"norte|sul|leste|oeste|nordeste|noroeste|sudeste|sudoeste",
    near=(
        r"perto\s+de|perto\s+d[oa]s?|nos\s+arredores\s+de|nas\s+imediaç(?:ões|oes)\s+de"
        r"|pr[óo]ximo\s+(?:de|a|ao|à)|a\s+poucos\s+quil[óo]metros\s+de|nos\s+arredores\s+d[oa]s?"
    ),
    type_prefixes=(
        r"aldeia|vila|povoado|distrito|província|provincia|posto\s+administrativo|localidade"
        r"|bairro|comunidade|favela|complexo|município|municipio|estado\s+de"
    ),
    city_words=r"(?:a\s+)?cidade\s+(?:de|do|da)",
    name_links=r"de|do|da|dos|das",
)
