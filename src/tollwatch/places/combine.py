"""Neighbouring place mentions of a sentence joined into one phrase (rule ``places.v1``).

"X in Y province" (Y contains X) becomes one mention of X; "the Buenos Aires sector of
Culiacan" one mention of Culiacan (``places.v1.part_of``); "between X and Y" a region
halfway between them (``places.v1.between``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import CleanText, PlaceMention, Span
from . import rules

__all__ = ["combine"]

_BETWEEN_WINDOW = 300


def combine(clean: CleanText, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Join "X in Y province" (Y contains X) and "between X and Y" into one phrase each."""
    out: list[PlaceMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev and prev.sentence == m.sentence:
            gap = clean.text[prev.span.end : m.span.start]
            if _contains(m, prev) and rules.CONTAINER_AFTER.match(gap + " "):
                out[-1] = replace(
                    prev,
                    text=clean.text[prev.span.start : m.span.end],
                    span=Span(prev.span.start, m.span.end),
                    admin1=prev.admin1 or m.admin1,
                )
                continue
            if _part_of(clean.text, prev, m, gap):
                out[-1] = replace(
                    m,
                    text=clean.text[prev.span.start : m.span.end],
                    span=Span(prev.span.start, m.span.end),
                    rule="places.v1.part_of",
                )
                continue
            # "between" and up to three words just before: read near the name, not from
            # the start of the report for every pair (that made reports quadratic)
            between = rules.BETWEEN_BEFORE.search(
                clean.text, max(0, prev.span.start - _BETWEEN_WINDOW), prev.span.start
            )
            if between and re.fullmatch(r"\s+and\s+(?:the\s+)?", gap, re.IGNORECASE):
                out[-1] = _between(clean, prev, m, between.start())
                continue
        out.append(m)
    return out


_PART_GAP = re.compile(
    r"\s*(?:(?:neighbou?rhood|sector|street|colonia|community|quarter|district|suburb|area)"
    r"\s*)?(?:,|of|in|,\s*in)\s+(?:the\s+)?"
    r"(?:(?:city|port|town|municipality|resort|capital)\s+of\s+)?",
    re.IGNORECASE,
)


def _part_of(text: str, part: PlaceMention, town: PlaceMention, gap: str) -> bool:
    """Whether `part` names a part of `town`.

    "the Buenos Aires sector of Culiacán", "La Concha, Morelia" are; a list such
    as "Douma, Harasta and Arbin" is not.
    """
    if part.precision != "point" or town.precision != "point" or part.country != town.country:
        return False
    if not _PART_GAP.fullmatch(gap):
        return False
    named_part = re.search(r"[a-z]", gap) is not None
    return named_part or not re.match(r"\s*(?:,|and\b)", text[town.span.end : town.span.end + 6])


def _contains(outer: PlaceMention, inner: PlaceMention) -> bool:
    if outer.country != inner.country or outer.precision not in ("admin1", "country", "region"):
        return False
    return outer.precision == "country" or (
        outer.admin1 is not None and outer.admin1 == inner.admin1
    )


def _between(clean: CleanText, a: PlaceMention, b: PlaceMention, start: int) -> PlaceMention:
    lat = lon = None
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        lat, lon = round((a.lat + b.lat) / 2, 5), round((a.lon + b.lon) / 2, 5)
    return replace(
        a,
        name=clean.text[start : b.span.end],
        lat=lat,
        lon=lon,
        geonameid=None,
        admin1=a.admin1 if a.admin1 == b.admin1 else None,
        admin2=None,
        precision="region",
        text=clean.text[start : b.span.end],
        span=Span(start, b.span.end),
        rule="places.v1.between",
    )
