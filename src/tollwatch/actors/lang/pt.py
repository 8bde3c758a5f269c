"""Portuguese: attribution words of `actors/sources.py` (names: `pt.yaml`)."""

from __future__ import annotations

from .base import SourceWords

WORDS = SourceWords(
    code="pt",
    speech=(
        r"disse|disseram|informou|informaram|afirmou|afirmaram|confirmou|confirmaram"
        r"|relatou|relataram|declarou|indicou|denunciou|revelou|garantiu|adiantou"
        r"|avançou|reivindicou|explicou|contabilizou|contabilizaram|diz|dizem"
        # "a SSP fala em quatro mortos": the figure a speaker gives
        r"|fala\s+em|falam\s+em|falou\s+em"
    ),
    # "segundo levantamento do Instituto Fogo Cruzado": a count's words before its source
    according=(
        r"segundo(?:\s+(?:um\s+)?(?:levantamento|dados|balanço|contagem|relatório)\s+d[oa])?"
        r"|de\s+acordo\s+com|conforme"
    ),
    # the speakers named by office, as English's "officials", "residents": "a Secretaria
    # da Segurança Pública", "o administrador do distrito", "moradores" (lower case)
    roles=(
        ("official", (
            r"secretaria\s+d[ae]\s+seguran[çc]a\s+p[úu]blica(?:\s+e\s+defesa\s+social)?"
            r"|ssp(?:-\w\w)?|sspds|governo(?:\s+do\s+estado)?|governador|prefeitura|prefeito"
            r"|administrador(?:\s+do\s+distrito)?|porta-voz|delegad[oa]|minist[ée]rio"
            r"|fonte\s+(?:militar|policial|oficial)"
        )),
        ("media", r"imprensa(?:\s+local)?|m[íi]dia\s+local|jornais\s+locais"),
        ("monitor", r"organiza[çc][ãa]o\s+n[ãa]o\s+governamental|sociedade\s+civil"),
        ("witness", (
            r"moradores?|testemunhas?|familiares|parentes|vizinhos|residentes?|sobreviventes?"
            r"|fontes\s+locais|l[íi]der(?:es)?\s+comunit[áa]ri[oa]s?"
        )),
    ),
)
