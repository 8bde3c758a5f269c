"""The report's main country, from its places and demonyms (rule ``places.v1``)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache, lru_cache

from ..records import CleanText, PlaceMention
from .rules import BEYOND_RULE

__all__ = ["demonyms", "document_country"]

_IN_BEFORE = re.compile(r"\b(?:in|IN|In)\s+$")
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CAPITALISED = re.compile(r"[A-Z][a-z]+|[A-Z]+")


@cache
def demonyms() -> dict[str, str]:
    from .gazetteer.build import data_rows

    return {d.lower(): iso for d, iso in data_rows("demonyms.csv") if iso}


def document_country(clean: CleanText, mentions: Sequence[PlaceMention]) -> str | None:
    """The report's main country (ISO2): the one its places and demonyms point to most.

    A wire dateline ("SAN SALVADOR, 3 JAN 90 --") counts most; other places count
    more in the first quarter of the text; the source's own place ("UK-based")
    and abbreviations used as adjectives ("U.S. policy") count little; each
    demonym ("Syrian", "SALVADORAN") half a vote.
    """
    votes: defaultdict[str, float] = defaultdict(float)
    early = max(200, len(clean.text) // 4)
    dateline_end = -1
    for m in mentions:
        if not m.country:
            continue
        if m.rule == "places.v1.dateline":
            votes[m.country] += 3.0
            dateline_end = m.span.end
            continue
        # "HAVANA (CUBA), 20 MAR 89 (TASS) --": the dateline's country is the source's too
        in_dateline = _OPEN_BRACKET.fullmatch(clean.text[dateline_end : m.span.start]) is not None
        source = m.is_source_location or (dateline_end >= 0 and in_dateline)
        weight = (0.3 if source else 1.0) * (0.5 + m.score)
        if m.rule == BEYOND_RULE:
            weight *= 0.3  # "near the border with Burkina Faso": the country next door
        if _IN_BEFORE.search(clean.text, max(0, m.span.start - 4), m.span.start):
            weight *= 1.5  # "killed 30 civilians in Syria": where it happened
        if len(m.text.replace(".", "")) <= 3:
            weight *= 0.5
        votes[m.country] += weight * (1.5 if m.span.start < early else 1.0)
    for iso in _demonym_countries(clean.text):
        votes[iso] += 0.5
    if not votes:
        return None
    return max(votes, key=lambda iso: votes[iso])


@lru_cache(maxsize=8)
def _demonym_countries(text: str) -> tuple[str, ...]:
    """The country of each demonym in the first 20,000 characters, in text order: a
    report's incidents ask `document_country` more than once, and this word scan over
    the whole text is most of its cost."""
    table = demonyms()
    found = (table.get(word.lower()) for word in _CAPITALISED.findall(text[:20_000]))
    return tuple(iso for iso in found if iso)
