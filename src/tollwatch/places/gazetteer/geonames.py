"""Importing official GeoNames dumps into a gazetteer folder (``gazetteer.geonames.v1``).

Accepted files (plain ``.txt`` or the ``.zip`` GeoNames serves):

* the main table: a country file (``SY.txt``), ``allCountries``, ``cities500``...
  19 tab-separated columns (geonameid, name, asciiname, alternatenames, lat, lon,
  feature class, feature code, country, cc2, admin1..admin4, population, ...);
* ``alternateNamesV2`` (10 columns) or the older ``alternateNames`` (8 columns);
* ``admin1CodesASCII`` (4 columns: "SY.07", name, ascii name, geonameid).

Every line is checked before anything is written; the checked rows are copied
to ``<dir>/geonames/<stem>.<kind>.tsv`` through a temporary file and a rename,
so a truncated or malformed dump raises `GazetteerError` with its line number
and leaves the gazetteer as it was. The next `load_gazetteer` merges them.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ...errors import GazetteerError
from ..names import usable_name
from .model import GazetteerBuilder, PlaceKind

KIND_COLUMNS = {"places": (19,), "altnames": (10, 8), "admin1": (4,)}
_SKIP_LANGS = frozenset(
    [
        "link",
        "post",
        "iata",
        "icao",
        "faac",
        "fr_1793",
        "abbr",
        "wkdt",
        "unlc",
        "tcid",
        "phon",
        "piny",
    ]
)


@dataclass(frozen=True)
class ImportResult:
    """What one imported file added."""

    source: Path
    kind: str  # places | altnames | admin1
    rows: int
    stored: Path


def imported_files(folder: Path) -> list[Path]:
    """The checked GeoNames tables stored in a gazetteer folder, in a stable order."""
    sub = folder / "geonames"
    if not sub.is_dir():
        return []
    order = {"admin1": 0, "places": 1, "altnames": 2}
    files = [p for p in sub.glob("*.tsv") if p.name.split(".")[-2] in order]
    return sorted(files, key=lambda p: (order[p.name.split(".")[-2]], p.name))


@contextmanager
def _open_text(path: Path) -> Iterator[IO[str]]:
    """The text of a dump, from a .txt file or the data member of a GeoNames .zip."""
    if not path.is_file():
        raise GazetteerError(f"{path} does not exist; give the path of a GeoNames .txt or .zip")
    if path.suffix.lower() != ".zip":
        with path.open("r", encoding="utf-8", newline="") as handle:
            yield handle
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as err:
        raise GazetteerError(
            f"{path} is not a readable zip ({err}); download it again or unzip it and "
            "import the .txt"
        ) from err
    with archive:
        members = [
            n
            for n in archive.namelist()
            if n.endswith(".txt") and not n.lower().startswith(("readme", "iso-language"))
        ]
        if len(members) != 1:
            raise GazetteerError(
                f"{path} holds {members or 'no .txt file'}; expected one GeoNames table"
            )
        with archive.open(members[0]) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8", newline="")


def _detect_kind(path: Path, first: list[str]) -> str:
    for kind, widths in KIND_COLUMNS.items():
        if len(first) in widths:
            return kind
    raise GazetteerError(
        f"{path} line 1 has {len(first)} tab-separated columns; a GeoNames table has 19 "
        "(country files, allCountries, cities500), 10 (alternateNamesV2) or 4 "
        "(admin1CodesASCII)"
    )


def _check(path: Path, line: int, kind: str, cols: list[str]) -> None:
    """Raise GazetteerError when a row does not have the shape of its table."""
    widths = KIND_COLUMNS[kind]
    if len(cols) not in widths:
        raise GazetteerError(
            f"{path} line {line}: {len(cols)} columns where the {kind} table has "
            f"{widths[0]}; the file looks truncated or is not a GeoNames dump "
            "(download it again); nothing was imported"
        )
    try:
        if kind == "places":
            int(cols[0])
            lat, lon = float(cols[4]), float(cols[5])
            int(cols[14] or 0)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"coordinates {lat}, {lon} out of range")
        elif kind == "altnames":
            int(cols[0])
            int(cols[1])
        elif "." not in cols[0]:
            raise ValueError(f"admin1 code {cols[0]!r} is not like 'SY.07'")
    except ValueError as err:
        raise GazetteerError(
            f"{path} line {line}: {err}; the file is malformed (download it again); "
            "nothing was imported"
        ) from err


def _rows(path: Path, handle: IO[str]) -> Iterator[tuple[int, list[str]]]:
    for n, raw in enumerate(handle, 1):
        text = raw.rstrip("\r\n")
        if not text or (text.startswith("#") and n == 1):
            continue
        yield n, text.split("\t")


PROGRESS_EVERY = 5_000  # rows between two calls of an import's progress callback


def import_file(
    path: Path,
    folder: Path,
    countries: frozenset[str] = frozenset(),
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Check one GeoNames dump and store it in `folder`; the old copy stays on error.

    `countries` (ISO2 codes) keeps only those countries' rows of a main table,
    for allCountries. `progress`, when given, is called with the rows read so far
    every PROGRESS_EVERY rows and once at the end.
    """
    target_dir = folder / "geonames"
    target_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".import.", dir=target_dir)
    tmp = Path(tmp_name)
    kind = ""
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out, _open_text(path) as handle:
            for line, cols in _rows(path, handle):
                if progress is not None and line % PROGRESS_EVERY == 0:
                    progress(line)
                kind = kind or _detect_kind(path, cols)
                _check(path, line, kind, cols)
                if kind == "places" and countries and cols[8] not in countries:
                    continue
                out.write("\t".join(cols) + "\n")
                count += 1
        if not kind:
            raise GazetteerError(f"{path} is empty; nothing was imported")
        stem = path.name.split(".")[0]
        stored = target_dir / f"{stem}.{kind}.tsv"
        os.replace(tmp, stored)
        if progress is not None:
            progress(count)
    except (GazetteerError, UnicodeDecodeError, OSError) as err:
        tmp.unlink(missing_ok=True)
        if isinstance(err, GazetteerError):
            raise
        raise GazetteerError(f"{path} cannot be read as a GeoNames table: {err}") from err
    return ImportResult(path, kind, count, stored)


def import_geonames(
    paths: list[Path], folder: Path, countries: frozenset[str] = frozenset()
) -> list[ImportResult]:
    """Import several dumps; stops at the first bad file (earlier ones stay imported)."""
    return [import_file(Path(p), folder, countries) for p in paths]


DUMP_URL = "https://download.geonames.org/export/dump/"
COMPANION_FILES = ("admin1CodesASCII.txt",)  # imported with the country files when present


def country_dumps(source: Path, countries: list[str]) -> list[Path]:
    """The GeoNames country files (``SY.zip`` or ``SY.txt``) of `countries` in the folder
    `source`, then its ``admin1CodesASCII.txt`` when present.

    Raises GazetteerError naming every missing file and where to download it, before
    anything is imported.
    """
    if not source.is_dir():
        raise GazetteerError(
            f"{source} is not a folder; pass --from DIR, the folder you downloaded the "
            f"country files (SY.zip, IQ.zip ...) to from {DUMP_URL}"
        )
    found: list[Path] = []
    missing: list[str] = []
    for raw in countries:
        code = raw.strip().upper()
        if len(code) != 2 or not code.isalpha():
            raise GazetteerError(
                f"{raw!r} is not an ISO 3166 two-letter country code; write e.g. SY,IQ,MM"
            )
        options = [source / f"{code}{ext}" for ext in (".zip", ".txt")]
        hit = next((p for p in options if p.is_file()), None)
        if hit is None:
            missing.append(f"{code}.zip")
        else:
            found.append(hit)
    if missing:
        raise GazetteerError(
            f"{source} lacks {', '.join(missing)}; download them from {DUMP_URL} "
            "(one zip per country) into that folder and run the command again"
        )
    found += [source / n for n in COMPANION_FILES if (source / n).is_file()]
    return found


# --- merging stored tables into a gazetteer being built -----------------------------


def _kind_for(feature_class: str, feature_code: str) -> PlaceKind:
    if feature_class == "P":
        return "place"
    if feature_code == "ADM1":
        return "admin1"
    if feature_code.startswith("PCL"):
        return "country"
    return "feature"


def merge_imported(builder: GazetteerBuilder, path: Path) -> None:
    """Merge one stored table (see `import_file`) into the gazetteer being built."""
    kind = path.name.split(".")[-2]
    with path.open("r", encoding="utf-8") as handle:
        for line, cols in _rows(path, handle):
            _check(path, line, kind, cols)
            if kind == "admin1":
                builder.gaz.admin1_names.setdefault(cols[0], cols[2] or cols[1])
            elif kind == "altnames":
                lang = cols[2] if len(cols) > 2 else ""
                entry = builder.by_geonameid.get(int(cols[1]))
                if entry is not None and lang not in _SKIP_LANGS and usable_name(cols[3]):
                    builder.add_names(entry, [cols[3]])
            else:
                _merge_place(builder, cols, usable_name)


def _merge_place(builder: GazetteerBuilder, cols: list[str], usable: object) -> None:
    gid = int(cols[0])
    aliases = [a for a in cols[3].split(",") if callable(usable) and usable(a)]
    if cols[2] and cols[2] != cols[1]:
        aliases.append(cols[2])
    known = builder.by_geonameid.get(gid)
    if known is not None:
        builder.add_names(known, aliases)
        return
    kind = _kind_for(cols[6], cols[7])
    builder.add(
        cols[1],
        aliases,
        country=cols[8],
        lat=float(cols[4]),
        lon=float(cols[5]),
        kind=kind,
        admin1_code=cols[10],
        population=int(cols[14] or 0),
        geonameid=gid,
        feature=cols[7],
    )
    if kind == "admin1":
        code = f"{cols[8]}.{cols[10]}"
        builder.gaz.admin1_names.setdefault(code, cols[2] or cols[1])
        builder.gaz.admin1_entries.setdefault(code, len(builder.gaz.names) - 1)
