"""French: attribution words of `actors/sources.py` (names: `fr.yaml`)."""

from __future__ import annotations

from .base import SourceWords

WORDS = SourceWords(
    code="fr",
    speech=(
        r"a\s+indiqué|ont\s+indiqué|a\s+déclaré|ont\s+déclaré|a\s+affirmé|ont\s+affirmé"
        r"|a\s+annoncé|ont\s+annoncé|a\s+précisé|ont\s+précisé|a\s+rapporté|ont\s+rapporté"
        r"|a\s+confirmé|ont\s+confirmé|a\s+dénoncé|a\s+assuré|a-t-il\s+dit|a-t-il\s+ajouté"
        r"|a\s+fait\s+savoir|ont\s+fait\s+savoir|a\s+revendiqué|indique|affirme|annonce"
        # a communiqué's words told after its quote: "ajoute le ministère", "précise le
        # communiqué", "a souligné l'armée"
        r"|ajoute|a\s+ajouté|ont\s+ajouté|précise|souligne|a\s+souligné|ont\s+souligné"
        r"|poursuit|explique|a\s+expliqué|assure|déclare|rapporte|avance"
    ),
    according=r"selon|d'après|de\s+source",
)
