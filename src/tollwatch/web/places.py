"""The gazetteer search behind the event page's place correction (`/api/places?q=`).

A name is looked up as `tollwatch gazetteer lookup` does (every spelling the
gazetteer indexes), then completed by prefix over the sorted name keys, so "Maya"
finds Al Mayadin; countries, provinces and regions come first, then places by size.

    >>> from tollwatch.places.gazetteer.model import GazetteerBuilder
    >>> b = GazetteerBuilder()
    >>> _ = b.add("Al Mayadin", [], country="SY", lat=35.0, lon=40.4, kind="place")
    >>> [p["name"] for p in PlaceSearch(b.finish()).search("mayad")]
    ['Al Mayadin']
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from ..places.gazetteer.model import Gazetteer, Place
from ..places.names import name_keys

MAX_KEYS = 400  # prefix keys read per query: enough for a box of suggestions
PRECISION = {"country": "country", "admin1": "admin1", "region": "region"}  # else "point"
RANK = {"country": 0, "admin1": 1, "region": 1, "user": 2, "place": 3, "feature": 3}


class PlaceSearch:
    """Search one loaded gazetteer by name or name prefix."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.keys = sorted(gazetteer.index)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Up to `limit` places for a name or the start of one (at least 2 letters)."""
        gaz = self.gazetteer
        exact = gaz.lookup(query)
        seen = {p.index for p in exact}
        found = list(exact)
        for prefix in name_keys(query)[-1:]:
            if len(prefix) < 2:
                continue
            start = bisect_left(self.keys, prefix)
            extra: list[Place] = []
            for key in self.keys[start : start + MAX_KEYS]:
                if not key.startswith(prefix):
                    break
                for i in gaz.candidates(key):
                    if i not in seen:
                        seen.add(i)
                        extra.append(gaz.place(i))
            found += sorted(extra, key=lambda p: (RANK.get(p.kind, 3), -p.population, p.name))
        return [place_dict(p) for p in found[:limit]]


def place_dict(place: Place) -> dict[str, Any]:
    """A gazetteer entry as the API answers it."""
    return {
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "lat": round(place.lat, 5),
        "lon": round(place.lon, 5),
        "feature": place.feature or place.kind,
        "kind": place.kind,
        "precision": PRECISION.get(place.kind, "point"),
        "population": place.population,
    }

