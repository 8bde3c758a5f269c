"""One name, one place in a report (rule ``places.v1.same_name``).

"Cinco muertos en una mina de El Callao" (a headline) and "... en El Callao, en el
estado Bolívar, al sur de Venezuela" (the body) name one town: the reading the text
places by a container written beside it (its province or country in the same sentence)
stands for every other mention of that name in the report, which was read alone and
went to the larger namesake (Callao, Peru). Only when exactly one reading is so
contained, and only for towns (a country or a province is never re-read).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..records import PlaceMention
from .names import light_key

RULE = "places.v1.same_name"
_TOWN = ("point", "near")
_LEAD = ("en ", "in ", "at ", "a ", "à ", "near ", "cerca de ", "près de ")


def _bare(text: str) -> str:
    lowered = text.lower()
    for lead in _LEAD:
        if lowered.startswith(lead):
            return text[len(lead):]
    return text


def _contained(m: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """Whether the sentence of `m` also names its province or its country."""
    return any(
        o is not m and o.sentence == m.sentence and o.country == m.country
        and (o.precision == "country" or (o.precision == "admin1" and o.admin1 == m.admin1))
        for o in mentions
    )


def same_name_same_place(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """`mentions` with every town read alone re-placed at the one reading of the same
    name that a container beside it places."""
    groups: defaultdict[str, list[PlaceMention]] = defaultdict(list)
    for m in mentions:
        if m.precision in _TOWN and not m.is_source_location:
            groups[light_key(_bare(m.text))].append(m)
    swap: dict[int, PlaceMention] = {}
    for group in groups.values():
        readings = {(m.country, m.admin1, m.name) for m in group}
        if len(readings) < 2:
            continue
        held = {(m.country, m.admin1, m.name): m for m in group if _contained(m, mentions)}
        if len(held) != 1:
            continue
        (key, anchor), = held.items()
        for m in group:
            if (m.country, m.admin1, m.name) != key and not _contained(m, mentions):
                swap[id(m)] = replace(
                    m, name=anchor.name, country=anchor.country, admin1=anchor.admin1,
                    admin2=anchor.admin2, lat=anchor.lat, lon=anchor.lon,
                    geonameid=anchor.geonameid, precision=anchor.precision, rule=RULE,
                )
    if not swap:
        return mentions
    return [swap.get(id(m), m) for m in mentions]
