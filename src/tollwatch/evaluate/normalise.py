"""Normalisers used to compare gold labels with predictions.

Place names: case, accents, punctuation, type suffixes ("Homs Governorate",
"Sinaloa state") and leading articles are removed, then a consonant skeleton
absorbs transliteration variants (Hims / Homs, Deir ez-Zor / Dayr az Zawr).
When the gazetteer exposes `normalise_admin1(name, country)` and
`country_code(name)`, they are tried first; the local rules are the fallback,
so the scorer works whatever state the gazetteer is in.

Actors: each source's actor strings (ACLED "Civilians (Kenya)", UCDP
"Government of Syria", MUC "SHINING PATH") fall into one coarse class by
keyword: state, rebel_jihadist, militia_cartel, civilians, unknown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

import pycountry
from unidecode import unidecode

from ..errors import TollwatchError
from ..places import names as _gazetteer


def fold(text: str) -> str:
    """Lower case, accents to ASCII, punctuation to spaces, single spaces."""
    ascii_text = unidecode(unicodedata.normalize("NFKC", text)).lower()
    ascii_text = ascii_text.replace("'", "").replace("`", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text).split())


# ---------------------------------------------------------------- countries

# Short and historical names pycountry does not resolve. Names, not gold ids:
# they are the common English forms any news source uses.
_COUNTRY_ALIASES = {
    "dr congo": "CD", "democratic republic of congo": "CD", "congo kinshasa": "CD",
    "drc": "CD", "zaire": "CD", "congo brazzaville": "CG", "republic of congo": "CG",
    "russia": "RU", "soviet union": "RU", "ussr": "RU", "turkey": "TR", "turkiye": "TR",
    "palestine": "PS", "gaza": "PS", "west bank": "PS", "ivory coast": "CI",
    "cote divoire": "CI", "kosovo": "XK", "burma": "MM", "north korea": "KP",
    "south korea": "KR", "syria": "SY", "iran": "IR", "laos": "LA", "vietnam": "VN",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD",
    "cape verde": "CV", "swaziland": "SZ", "macedonia": "MK", "east timor": "TL",
    "uk": "GB", "britain": "GB", "great britain": "GB", "usa": "US", "us": "US",
    "united states of america": "US", "north yemen": "YE", "south yemen": "YE",
    "yugoslavia": "RS", "serbia and montenegro": "RS", "czechoslovakia": "CZ",
    "the gambia": "GM", "gambia": "GM", "micronesia": "FM", "vatican": "VA",
}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[fold(value)] = country.alpha_2
    names.update(_COUNTRY_ALIASES)
    return names


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _gazetteer_hook(name: str) -> Callable[..., Any] | None:
    hook = getattr(_gazetteer, name, None)
    return hook if callable(hook) else None


def _gazetteer_country(name: str) -> str | None:
    hook = _gazetteer_hook("country_code")
    if hook is None:
        return None
    try:
        code = hook(name)
    except (LookupError, ValueError, TollwatchError):
        return None
    return code.upper() if isinstance(code, str) and len(code) == 2 else None


@lru_cache(maxsize=4096)
def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name or code, or None.

    Parenthesised source styles ("Yemen (North Yemen)"), stray punctuation
    ("? Honduras") and one-letter typos of long names are tolerated.

    >>> country_code("DR Congo (Zaire)"), country_code("sy")
    ('CD', 'SY')
    """
    if not name or not name.strip():
        return None
    raw = name.strip()
    if len(raw) == 2 and raw.isalpha():
        return raw.upper()
    from_gazetteer = _gazetteer_country(raw)
    if from_gazetteer:
        return from_gazetteer
    names = _country_names()
    candidates = [fold(raw), fold(re.sub(r"\(.*?\)|\(.*$", " ", raw))]
    candidates += [fold(part) for part in re.findall(r"\(([^)]*)\)", raw)]
    for key in candidates:
        if key in names:
            return names[key]
    for key in candidates:
        if len(key) >= 6:
            close = [code for known, code in names.items() if _within_one_edit(key, known)]
            if len(set(close)) == 1:
                return close[0]
    return None


# ---------------------------------------------------------------- admin1

# Type words that name the kind of region, in the languages of the sources.
_ADMIN_TYPES = frozenset({
    "governorate", "province", "state", "department", "departement", "region", "district",
    "oblast", "raion", "county", "prefecture", "division", "municipality", "territory",
    "city", "wilayah", "wilaya", "wilayat", "muhafazah", "muhafazat", "vilayeti", "ili",
    "estado", "provincia", "departamento", "mintaqah", "regiao", "governorat", "voivodeship",
    "krai", "kray", "okrug",
})
_ADMIN_TYPE_PHRASES = (
    "federal district", "capital district", "capital territory", "autonomous region",
    "autonomous community", "autonomous republic", "special region",
)
_ARTICLES = ("al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "adh", "la", "le")
_CONNECTORS = frozenset({"of", "de", "do", "da", "del", "du", "des", "di", "la", "le", "e"})
# Equivalent names no spelling rule reaches; general exonyms, not gold-keyed.
_ADMIN_ALIASES = (
    frozenset({"rif dimashq", "rural damascus", "damascus countryside", "reef dimashq"}),
    frozenset({"distrito federal", "ciudad de mexico", "mexico city", "cdmx"}),
    frozenset({"kyiv", "kiev"}),
    frozenset({"kyiv city", "kiev city"}),
    frozenset({"mexico", "estado de mexico", "state of mexico", "mexico state"}),
    frozenset({"nineveh", "ninawa", "ninewa"}),
    frozenset({"khyber pakhtunkhwa", "north west frontier", "nwfp"}),
    frozenset({"kurdistan", "erbil", "arbil"}),
)


def _strip_affixes(key: str) -> str:
    for phrase in _ADMIN_TYPE_PHRASES:
        if key.endswith(" " + phrase):
            key = key[: -len(phrase) - 1]
    words = key.split()
    while len(words) > 1 and words[-1] in _ADMIN_TYPES:
        words.pop()
    while len(words) > 1 and words[-1] in _CONNECTORS:  # "region of" left after "Kandahar"
        words.pop()
    if len(words) > 1 and words[0] in _ADMIN_TYPES:
        words.pop(0)
        while len(words) > 1 and words[0] in _CONNECTORS:
            words.pop(0)
    if len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    return " ".join(words)


def admin_key(name: str | None) -> str | None:
    """A region name folded and stripped of type words: "Homs Governorate" -> "homs".

    >>> admin_key("Nuevo León state"), admin_key("Departamento de Antioquia")
    ('nuevo leon', 'antioquia')
    """
    if not name:
        return None
    folded = fold(name)
    for key in (folded, _strip_affixes(folded)):
        for group in _ADMIN_ALIASES:
            if key in group:
                return min(group)
    return _strip_affixes(folded) or None


def skeleton(key: str) -> str:
    """Consonant skeleton of a folded name, so transliterations meet.

    Vowels, w, y, a final h and spaces/hyphens go; doubled letters collapse.
    "deir ez zor" and "dayr az zawr" both give "drzr".
    """
    letters = re.sub(r"h\b", "", key)
    letters = re.sub(r"[aeiouwy\s]", "", letters)
    return re.sub(r"(.)\1+", r"\1", letters)


def _gazetteer_admin1(name: str, country: str | None) -> str | None:
    hook = _gazetteer_hook("normalise_admin1")
    if hook is None:
        return None
    try:
        value = hook(name, country)
    except (LookupError, ValueError, TollwatchError):
        return None
    return str(value) if value else None


def same_admin1(gold: str | None, predicted: str | None, country: str | None = None) -> bool:
    """True when two first-level region names denote the same region.

    Tried in order: the gazetteer's `normalise_admin1` (when it knows both), the
    folded keys, then their consonant skeletons (at least two letters long).
    """
    if not gold or not predicted:
        return False
    via_gazetteer = (_gazetteer_admin1(gold, country), _gazetteer_admin1(predicted, country))
    if via_gazetteer[0] and via_gazetteer[0] == via_gazetteer[1]:
        return True
    a, b = admin_key(gold), admin_key(predicted)
    if a is None or b is None:
        return False
    if a == b:
        return True
    sa, sb = skeleton(a), skeleton(b)
    return len(sa) >= 2 and sa == sb


_PLACE_TYPES = frozenset({
    "village", "town", "city", "neighborhood", "neighbourhood", "camp", "area", "district",
    "subdistrict", "municipality", "township", "hamlet", "suburb", "quarter", "countryside",
    "outskirts", "region", "province", "governorate", "state", "county", "airport", "base",
})


def place_key(name: str | None) -> str | None:
    """A place name folded, without a parenthesis and type words: "Tal Sagheer village" ->
    "tal sagheer"."""
    if not name:
        return None
    words = fold(re.sub(r"\(.*?\)", " ", name)).split()
    while len(words) > 1 and words[-1] in _PLACE_TYPES:
        words.pop()
    if len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    return " ".join(words) or None


def same_place(gold: str | None, predicted: str | None) -> bool:
    """True when two place names match after `place_key`, or by consonant skeleton.

    A gold name of the form "City - Quarter" (ACLED's style) matches either part.
    """
    if gold and " - " in gold:
        return any(_same_place_name(part, predicted) for part in gold.split(" - "))
    return _same_place_name(gold, predicted)


def _same_place_name(gold: str | None, predicted: str | None) -> bool:
    a, b = place_key(gold), place_key(predicted)
    if a is None or b is None:
        return False
    if a == b:
        return True
    sa, sb = skeleton(a), skeleton(b)
    return len(sa) >= 3 and sa == sb


# ---------------------------------------------------------------- actors

ACTOR_CLASSES = ("state", "rebel_jihadist", "militia_cartel", "civilians", "unknown")

# Checked in this order: "Islamic State" is a jihadist group, not a state;
# "Unidentified Armed Group" is unknown, not a militia. Words are matched inside
# the folded, space-padded name, so " is " matches the acronym only.
_ACTOR_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("unknown", ("unidentified", "unknown", "terrorist", "gunmen", "assailant", "attacker")),
    ("state", (" coalition", " operation ")),
    ("rebel_jihadist", (
        " is ", " sdf ", " qsd ", " hts ", " sna ", " jnim ", " aqap ", " aqim ", " taleban ",
        " adf ", " m23 ", " ira ", " eta ",
        "islamic", "isis", "isil", "daesh", "qaeda", "qaida", "shabaab", "taliban",
        "boko haram", "jihad", "mujahid", "insurgent", "rebel", "guerrilla", "liberation",
        "revolutionary", "front", "shining path", "sendero", "fmln", "farc", "eln",
        "tahrir", "nusra", "democratic forces", "separatist", "opposition", "hezbollah",
        "hamas", "ansar", "militant", "resistance", "pkk", "ypg", "houthi", "movement",
    )),
    ("militia_cartel", (
        "cartel", "zetas", "militia", "gang", "paramilitar", "self defense", "autodefensa",
        "vigilante", "narco", "drug", "sicario", "mara ", "ms 13", "familia michoacana",
        "templarios", "criminal", "death squad", "communal", "ethnic", "clan", "tribal",
        " los ", " las ", " la linea ",
    )),
    ("state", (
        "government", "military", "armed forces", "army", "police", "soldier", "troops",
        "security forces", "national guard", "air force", "navy", "gendarmer", "marines",
        "official", "state forces", "forces of", "ministry", "border guard", "intelligence",
    )),
    ("civilians", (
        "civilian", "peasant", "villager", "resident", "student", "journalist", "worker",
        "protester", "demonstrator", "rioter", "farmer", "people", "children", "women",
        "priest", "teacher", "family", "citizen", "refugee", "displaced", "monsignor",
        "bishop", "jesuit", "trade union", "unionist", "politician", "mayor", "candidate",
        "judge", "businessm", "merchant", "driver", "passenger", "prisoner", "doctor",
    )),
)


def actor_class(name: str | None) -> str | None:
    """The coarse class of a gold actor string, or None for a null label.

    >>> actor_class("Civilians (Kenya)"), actor_class("Islamic State")
    ('civilians', 'rebel_jihadist')
    """
    if not name or not name.strip():
        return None
    key = " " + fold(name) + " "
    for klass, words in _ACTOR_RULES:
        if any(word in key for word in words):
            return klass
    return "unknown"


# The output contract's perpetrator/victim types and the actor dictionary's
# categories, mapped to the coarse classes.
_TYPE_TO_CLASS = {
    "state": "state", "military": "state", "police": "state", "pro_government": "militia_cartel",
    "rebel": "rebel_jihadist", "jihadist": "rebel_jihadist", "militant": "rebel_jihadist",
    "militia": "militia_cartel", "criminal": "militia_cartel", "cartel": "militia_cartel",
    "civilians": "civilians", "civilian": "civilians", "unknown": "unknown",
}


def type_class(actor_type: str | None) -> str | None:
    """Coarse class of a predicted actor type/category ("police" -> "state"), None if unmapped."""
    if not actor_type:
        return None
    return _TYPE_TO_CLASS.get(actor_type.lower())


# ---------------------------------------------------------------- event types

_EVENT_TYPE_MAP: dict[tuple[str, str], frozenset[str]] = {
    ("acled", "battles"): frozenset({"battle"}),
    ("acled", "explosions remote violence"): frozenset({"explosion_remote_violence"}),
    ("acled", "violence against civilians"): frozenset({"violence_against_civilians"}),
    ("acled", "protests"): frozenset({"other"}),
    ("acled", "riots"): frozenset({"other"}),
    ("acled", "strategic developments"): frozenset({"other"}),
    ("ucdp", "state based conflict"): frozenset({"battle", "explosion_remote_violence"}),
    ("ucdp", "non state conflict"): frozenset({"battle", "explosion_remote_violence"}),
    ("ucdp", "one sided violence"): frozenset({"violence_against_civilians"}),
    ("muc", "bombing"): frozenset({"explosion_remote_violence"}),
    ("muc", "attack"): frozenset(
        {"battle", "violence_against_civilians", "explosion_remote_violence"}
    ),
    ("muc", "kidnapping"): frozenset({"violence_against_civilians"}),
    ("muc", "arson"): frozenset({"other", "violence_against_civilians"}),
    ("muc", "robbery"): frozenset({"other", "violence_against_civilians"}),
    ("muc", "forced work stoppage"): frozenset({"other"}),
}


def accepted_event_types(family: str, gold_type: str | None) -> frozenset[str] | None:
    """tollwatch event types that agree with a source's label; None when unmapped."""
    if not gold_type:
        return None
    return _EVENT_TYPE_MAP.get((family, fold(gold_type)))


# ---------------------------------------------------------------- dates in text

_MONTHS = (
    ("january", "jan", "enero", "ene"), ("february", "feb", "febrero"),
    ("march", "mar", "marzo"), ("april", "apr", "abril", "abr"), ("may", "mayo"),
    ("june", "jun", "junio"), ("july", "jul", "julio"), ("august", "aug", "agosto", "ago"),
    ("september", "sep", "sept", "septiembre", "setiembre"), ("october", "oct", "octubre"),
    ("november", "nov", "noviembre"), ("december", "dec", "diciembre", "dic"),
)


def date_in_text(text: str, day: date) -> bool:
    """True when the text writes this calendar day ("23 February", "Feb. 23", ISO form).

    The check is about the day and month only: a stated year is not required.
    """
    folded = fold(text)
    if day.isoformat() in text:
        return True
    months = "|".join(_MONTHS[day.month - 1])
    number = rf"0?{day.day}(?:st|nd|rd|th)?"
    pattern = rf"\b{number} (?:of |de )?(?:{months})\b|\b(?:{months}) {number}\b"
    return re.search(pattern, folded) is not None
