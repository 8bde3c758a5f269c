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
        # a figure a speaker gives: "a pour sa part évoqué un bilan de 22 morts"
        r"|a\s+(?:pour\s+sa\s+part\s+)?évoqué|ont\s+(?:pour\s+leur\s+part\s+)?évoqué|évoque"
    ),
    according=r"selon|d'après|de\s+source",
    # the speakers named by office, as English's "officials", "residents": "le préfet",
    # "l'état-major", "la société civile", "des élus locaux" (lower case)
    roles=(
        ("official", (
            r"gouverneur|préfet|sous-préfet|maire|bourgmestre|procureur|parquet|ministère"
            r"|ministre|porte-parole|état-major(?:\s+général\s+des\s+armées)?|gouvernement"
            r"|autorités(?:\s+(?:locales|administratives|militaires))?"
            r"|sources?\s+(?:sécuritaires?|militaires?|administratives?|hospitalières?)"
            r"|protection\s+civile"
        )),
        ("monitor", r"société\s+civile|défenseurs\s+des\s+droits\s+\w+"),
        ("witness", (
            r"témoins?|rescapés?|survivants?|notables?|sources\s+locales|élus?\s+locaux"
            r"|(?:un|une)\s+élue?\s+local[e]?|chefs?\s+(?:de\s+village|coutumiers?)"
        )),
    ),
)
