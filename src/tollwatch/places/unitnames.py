"""A province's or a country's name that names a neighbourhood (rule ``places.v1``).

"They kill a man outside a store in the New Mexico neighborhood", "la colonia Sinaloa":
streets and neighbourhoods are named after states and countries; the state is not where
the incident is. A mention of a province, region or country followed by "neighborhood"
or "colonia" (or with that word inside it) is dropped, so the report's other places, or
none, place the figure.
"""

from __future__ import annotations

import re

from ..records import PlaceMention
from . import rules

_UNIT_PRECISIONS = ("region", "admin1", "country")
_NEIGHBOURHOOD_WORD = re.compile(r"(?i)\b(?:neighbou?rhood|colonia)\s*$")


def _names_a_neighbourhood(text: str, m: PlaceMention) -> bool:
    if m.precision not in _UNIT_PRECISIONS:
        return False
    if rules.NEIGHBOURHOOD_OF_CITY_BEFORE.search(text[max(0, m.span.start - 12) : m.span.start]):
        return False  # "a Gaza neighborhood": one of that place's
    if _NEIGHBOURHOOD_WORD.search(m.text):
        return True
    before = text[max(0, m.span.start - 9) : m.span.start]
    return (rules.NEIGHBOURHOOD_AFTER.match(text, m.span.end) is not None
            or re.search(r"(?i)\bcolonia\s+$", before) is not None)


def without_unit_named_neighbourhoods(
    text: str, mentions: list[PlaceMention]
) -> list[PlaceMention]:
    """The mentions without a province or country read from a neighbourhood's name."""
    return [m for m in mentions if not _names_a_neighbourhood(text, m)]
