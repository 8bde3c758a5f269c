"""French: place cues of `places/rules.py`."""

from __future__ import annotations

from .base import PlaceWords

WORDS = PlaceWords(
    code="fr",
    # not "est" nor "sur": "is" and "on" in other languages read (the cues are shared)
    directions=r"nord|sud|ouest|nord-est|nord-ouest|sud-est|sud-ouest",
    near=(
        r"près\s+de|pr[èe]s\s+d['’]|non\s+loin\s+de|aux\s+abords\s+de|à\s+la\s+périphérie\s+de"
        r"|dans\s+les\s+environs\s+de|à\s+proximité\s+de|à\s+l['’]\s*extérieur\s+de"
    ),
    type_prefixes=(
        r"village|localité|commune|département|province|région|territoire|préfecture"
        r"|cercle|quartier|secteur|chefferie|groupement|campement|hameau"
    ),
    city_words=r"(?:la\s+)?ville\s+(?:de|d[\'’])",
)
