"""Places in matching: how alike two incidents' places are, and when they veto a pair.

`place_score` compares the resolved places (same fine place, distance, province,
country) and the places as written (the same words, different specific places named,
other transliterations), and lifts a veto where the place is too weak to say anything
(a city's quarter, a word of a person's name, a town's alternate name). Part of the
matcher (matching.py); docs/matching.md explains the rules and their figures.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata

import pycountry

from .key_match import _edits
from .unit import MatchSettings, MatchUnit, norm_name

PRECISE_PLACES = frozenset({"point", "near"})
FINE_PLACES = frozenset({"point", "near", "admin2"})
# generic words of place phrases: what is left names a specific place
GENERIC_PLACE_WORDS = frozenset(
    [
        "a",
        "al",
        "an",
        "and",
        "area",
        "around",
        "at",
        "camp",
        "center",
        "central",
        "centre",
        "city",
        "countryside",
        "county",
        "desert",
        "district",
        "east",
        "eastern",
        "el",
        "governorate",
        "in",
        "city",
        "near",
        "neighborhood",
        "neighbourhood",
        "north",
        "northeastern",
        "northern",
        "northwestern",
        "of",
        "on",
        "outside",
        "outskirts",
        "province",
        "region",
        "rural",
        "south",
        "southeastern",
        "southern",
        "southwestern",
        "state",
        "suburb",
        "suburbs",
        "the",
        "town",
        "township",
        "village",
        "west",
        "western",
    ]
)
# a city's quarter by its compass side ("the South Side", "Northwest", "downtown")
QUARTER_WORDS = frozenset(
    {"side", "downtown", "uptown", "midtown", "northwest", "northeast", "southwest",
     "southeast", "far"}
)
# match keys that name someone or something (keys.py): a town's name that ends one, or
# is a word of a two-word one, is a name's word ("Shetamia Taylor", "Joshua Cooper"),
# unless the rest only qualifies the town ("West Charlotte", "Metro Nashville")
NAME_KEYS = frozenset({"person", "name"})
PROVINCE_SCORE = 0.45  # place score of the same province only (and of a direction)
UNSURE_PLACE = 0.3  # place score of a pair whose place veto an unsure place lifted
CITY_QUALIFIERS = frozenset({"metro", "greater", "old", "little", "new", "upper", "lower"})
QUALIFIERS = GENERIC_PLACE_WORDS | QUARTER_WORDS | CITY_QUALIFIERS
# words of a country's formal name that name no country ("Syrian Arab Republic")
COUNTRY_FORM_WORDS = frozenset(
    {"republic", "democratic", "islamic", "federation", "state", "arab", "kingdom",
     "people", "plurinational", "bolivarian", "of", "the", "and"}
)
# compass directions of "<direction> of <town>" place texts, as bearings in degrees
COMPASS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
    "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}
DIRECTION_RE = re.compile(
    r"\b(north|south|east|west)[\s-]?(east|west)?\s+of\s+(.+)", re.IGNORECASE
)
# how far from the direction written a bearing may lie (half a quadrant and more)
DIRECTION_SLACK = 67.5


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    >>> round(haversine_km(0.0, 0.0, 0.0, 1.0))
    111
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _same_written_place(a: MatchUnit, b: MatchUnit) -> bool:
    """Both texts write the same place, resolved to two countries: a homonym the
    gazetteer chose abroad for one of them ("Naples" in Italy for a Florida report);
    `place_score` scores such a pair as the same place named."""
    written = _written_words(a)
    return bool(written) and written == _written_words(b)


def place_score(a: MatchUnit, b: MatchUnit, settings: MatchSettings) -> tuple[float, str, bool]:
    """Place similarity, its reason, and whether it vetoes the pair."""
    score, why, veto, _unsure = _place_judged(a, b, settings)
    return score, why, veto


def _place_judged(
    a: MatchUnit, b: MatchUnit, settings: MatchSettings
) -> tuple[float, str, bool, bool]:
    """`place_score` and whether it lifted a veto for an unsure place (`_unsure_place`)."""
    score, why, veto = _place_score(a, b, settings)
    vague = veto and (_only_generic(a) or _only_generic(b))
    if vague:
        # "the South Side" resolved to a namesake in another state: the words name a
        # quarter of the report's city, not where the gazetteer put it
        return 0.2, f"place {vague} names no town", False, False
    unsure = veto and (_unsure_place(a) or _unsure_place(b))
    if unsure:
        return UNSURE_PLACE, f"place {unsure} is unsure: {why}", False, True
    return score, why, veto, False


def _renamed(unit: MatchUnit) -> bool:
    """The text does not write the place it resolved to: no word in common between the
    place as written and the town or province (an alternate name: "Eve" read as Ava).
    A place resolved to its country only (a fallback) keeps that country; a text in
    another script than the gazetteer's name ("الحديدة" / Al Hudaydah) cannot be
    compared with it, and is no alternate name."""
    written = _written_words(unit)
    return (
        bool(written)
        and unit.place is not None
        and _latin(unit.place_text) == _latin(unit.place)
        and unit.place_precision != "country"
        and not written & (_words(unit.place) | _words(unit.admin1))
        and not _writes_resolved(unit)
    )


def _writes_resolved(unit: MatchUnit) -> bool:
    """The place as written is the town or province it resolved to in another spelling:
    a word with one letter more or less ("Hawija" / Al Hawijah), or the same consonant skeleton once
    spaces and apostrophes go ("Maaret Misrin" / Ma'arratmisrin)."""
    resolved = _words(unit.place) | _words(unit.admin1)
    if any(_one_letter_more(w, r) for w in _written_words(unit) for r in resolved):
        return True
    return _name_skeleton(_bare_text(unit)) in {
        _name_skeleton(unit.place), _name_skeleton(unit.admin1)
    } - {""}


@functools.lru_cache(maxsize=65536)
def _unsure_place(unit: MatchUnit) -> str | None:
    """The unit's place text when it is too weak to veto a pair: the text does not write
    the town it resolved to (an alternate name of the gazetteer: "Eve" read as Ava),
    or a lone word that ends a name the report gives, or is one of a two-word name
    ("Shetamia Taylor", "Joshua Cooper", "critically hurt"): a word read as a town
    somewhere else, whose distance, province or country says nothing (gva-news pairs,
    docs/matching.md). A text of compass words only ("Northwest region", read as a
    town of North Carolina for Cameroon's region) names no town: its country says
    nothing either."""
    if _renamed(unit) or _only_generic(unit):
        return unit.place_text
    written = _written_words(unit)
    if len(written) != 1:
        return None
    (word,) = written
    for kind, key in unit.keys:
        parts = key.split()
        in_name = parts[-1] == word or (len(parts) == 2 and word in parts)
        rest = {p for p in set(parts) - {word} if not p.endswith("'s")}
        # a possessive qualifies the town too ("Cameroon's Bamenda")
        if kind in NAME_KEYS and in_name and not rest <= QUALIFIERS:
            return unit.place_text
    return None


def _place_score(a: MatchUnit, b: MatchUnit, settings: MatchSettings) -> tuple[float, str, bool]:
    if a.country and b.country and a.country != b.country:
        if _same_written_place(a, b):
            return 0.9, f"same place named ({a.place_text} / {b.place_text})", False
        return 0.0, f"different countries {a.country}/{b.country}", True
    doubtful = _surname_place(a) or _surname_place(b)
    if doubtful:
        return 0.3, f"place {doubtful} is a person's name in the report", False
    named = _named_apart(a, b)
    if named:
        return 0.1, named, False
    fine = a.place_precision in FINE_PLACES and b.place_precision in FINE_PLACES
    if fine and _renamed(a) and _renamed(b):
        # neither text writes the town both resolved to ("Eve" and "Eve" read as Ava)
        return 0.2, f"place unsure ({a.place_text} / {b.place_text} read as {a.place})", False
    if fine and norm_name(a.place) and norm_name(a.place) == norm_name(b.place):
        return 1.0, f"same place {a.place}", False
    written = _written_words(a)
    if written and written == _written_words(b):
        # both texts name the same town, resolved to two places (or one not at all):
        # a homonym the gazetteer chose differently ("Naples", "Newburgh")
        return 0.9, f"same place named ({a.place_text} / {b.place_text})", False
    town = _town_written(a, b) or _town_written(b, a)
    if town:
        return 0.9, f"{town} written in both reports", False
    located = None not in (a.lat, a.lon, b.lat, b.lon)
    if located and a.place_precision in PRECISE_PLACES and b.place_precision in PRECISE_PLACES:
        return _distance_score(a, b, settings)
    province = _province_written(a, b) or _province_written(b, a)
    if province:
        return 0.45, f"same province {province} (written, not resolved)", False
    if a.admin1 and b.admin1:
        if norm_name(a.admin1) != norm_name(b.admin1):
            return 0.0, f"different provinces {a.admin1}/{b.admin1}", True
        return 0.45, f"same province {a.admin1}", False
    return (
        (0.3, "same country", False) if a.country and b.country else (0.2, "place unknown", False)
    )


def _town_written(unit: MatchUnit, other: MatchUnit) -> str | None:
    """`other`'s town when `unit`'s text writes it beside the place `unit` resolved to
    ("Mangina, Beni" resolved to Beni; the other report's "at Mangina" to Mangina, 22 km
    away): both reports name that town."""
    if other.place_precision not in PRECISE_PLACES or norm_name(unit.place) == norm_name(
        other.place
    ):
        return None
    town = _words(other.place) - GENERIC_PLACE_WORDS
    return other.place if town and town <= _written_words(unit) else None


def _province_written(unit: MatchUnit, other: MatchUnit) -> str | None:
    """`other`'s province when `unit` resolved to no province but its text writes just
    that province ("Tennessee" left at the country): the same province, as resolved."""
    written = _written_words(unit)
    if unit.admin1 or not other.admin1 or not written:
        return None
    return other.admin1 if written == _words(other.admin1) else None


def _only_generic(unit: MatchUnit) -> str | None:
    """The unit's place text when it holds only generic words ("South Side", "Northwest")."""
    if unit.place_text and _words(unit.place_text) and _written_words(unit) <= QUARTER_WORDS:
        return unit.place_text
    return None


@functools.lru_cache(maxsize=65536)
def _surname_place(unit: MatchUnit) -> str | None:
    """The unit's place when its words are part of a person's name the report gives
    ("Shelton" of "Cheron Shelton, 31"): a name the gazetteer read as a town, whose
    distance or province says nothing."""
    words = _written_words(unit)
    if not words:
        return None
    for kind, key in unit.keys:
        if kind == "person" and words < set(key.split()):
            return unit.place_text
    return None


def _distance_score(a: MatchUnit, b: MatchUnit, settings: MatchSettings) -> tuple[float, str, bool]:
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    # two named points further apart than point_far_km are two towns; "near X"
    # places get the wider far_km
    both_points = a.place_precision == b.place_precision == "point"
    far = settings.point_far_km if both_points else settings.far_km
    if km > far:
        toward = _toward(a, b) or _toward(b, a)
        if toward and km <= 2 * settings.far_km:
            return PROVINCE_SCORE, f"{km:.0f} km apart, {toward}", False
        return 0.0, f"{km:.0f} km apart", True
    span = max(far - settings.near_km, 1e-9)
    share = 1.0 if km <= settings.near_km else 1.0 - (km - settings.near_km) / span
    return share, f"{km:.0f} km apart", False


def _toward(unit: MatchUnit, other: MatchUnit) -> str | None:
    """Why `other` is where `unit`'s text puts the event, or None: the text gives a
    direction from the town it resolved to ("northeast of Baqubah"), and `other`'s point
    lies that way, within twice `far_km` (checked by the caller): the event is away
    from the town, in another town of its surroundings ("near Muqdadiya", 40 km
    northeast)."""
    found = DIRECTION_RE.search(unit.place_text or "")
    if not found or not unit.place or None in (unit.lat, unit.lon, other.lat, other.lon):
        return None
    town = _words(found.group(3)) - GENERIC_PLACE_WORDS
    if not town or not town <= _words(unit.place) | _words(unit.admin1):
        return None
    heading = COMPASS.get("".join(g.casefold() for g in found.groups()[:2] if g))
    if heading is None:
        return None
    bearing = _bearing(unit.lat, unit.lon, other.lat, other.lon)  # type: ignore[arg-type]
    if abs((bearing - heading + 180.0) % 360.0 - 180.0) > DIRECTION_SLACK:
        return None
    return f"{other.place} lies {found.group(0).split(' of ')[0].casefold()} of {unit.place}"


def _bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial bearing in degrees (0 north, 90 east) from the first point to the second.

    >>> round(_bearing(0.0, 0.0, 1.0, 1.0))
    45
    """
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(x, y)) % 360.0


@functools.lru_cache(maxsize=65536)
def _written_words(unit: MatchUnit) -> frozenset[str]:
    """The place as the text writes it, less generic words ("in", "northern", "city")
    and the name of the unit's country beside another name ("Rada'a in Yemen")."""
    return frozenset(_words(_bare_text(unit)) - GENERIC_PLACE_WORDS)


@functools.lru_cache(maxsize=65536)
def _bare_text(unit: MatchUnit) -> str | None:
    """The place text less the words of its country's name, when other words than
    generic ones are left ("near Muqdadiya in Iraq" -> "near Muqdadiya in"; "Iraq" stays):
    wires add the country for foreign readers, local outlets do not, and the country
    names no place beyond the one both resolved to."""
    country = _country_words(unit.country)
    if not unit.place_text or not country:
        return unit.place_text
    found = re.findall(r"[^\W\d_]+", unit.place_text)
    kept = [w for w in found if w.casefold() not in country]
    if len(kept) == len(found) or not {w.casefold() for w in kept} - GENERIC_PLACE_WORDS:
        return unit.place_text
    return " ".join(kept)


@functools.cache
def _country_words(code: str | None) -> frozenset[str]:
    """The words of a country's English names ("Iraq"; "Syria", "Syrian"), less words
    of the formal name that name no country ("Arab", "Republic")."""
    found = pycountry.countries.get(alpha_2=code) if code else None
    if found is None:
        return frozenset()
    names = (getattr(found, "name", ""), getattr(found, "common_name", ""))
    return frozenset(w for n in names for w in _words(n)) - COUNTRY_FORM_WORDS


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", (text or "").casefold()))


@functools.lru_cache(maxsize=65536)
def _specific_words(unit: MatchUnit) -> frozenset[str]:
    """Words of the place as written, less generic words and the names it resolved to,
    in the gazetteer's spelling or another transliteration of it ("Kryvyi" and "Krivoy"
    of Kryvyy Rih, "Maidugiri" of Maiduguri)."""
    resolved = _words(unit.admin1) | _words(unit.place)
    if _name_skeleton(_bare_text(unit)) in {
        _name_skeleton(unit.place), _name_skeleton(unit.admin1)
    } - {""}:
        # the resolved name written another way, word breaks included ("Maaret Misrin"
        # of Ma'arratmisrin)
        return frozenset()
    left = _named_words(_bare_text(unit)) - GENERIC_PLACE_WORDS - resolved
    return frozenset(w for w in left if not any(_same_word(w, r) for r in resolved))


def _named_words(text: str | None) -> set[str]:
    """The words of a place text that can name a place: in a script with capitals, the
    capitalised ones ("outside a government office in Beledweyne" names Beledweyne
    only: "government office" describes the spot, as another outlet's "the district
    headquarters" does); every word in a script without capitals."""
    found = re.findall(r"[^\W\d_]+", text or "")
    if not any(w[:1].isupper() for w in found):
        return {w.casefold() for w in found}
    return {w.casefold() for w in found if w[:1].isupper()}


def _name_skeleton(text: str | None) -> str:
    """The consonant skeleton of a place name's words (less generic ones) run together:
    outlets break and spell a transliterated name differently ("Maaret Misrin",
    "Ma'arrat Misrin", "Maarratmisrin" all give "mrtmsrn"). A skeleton under four
    letters tells too little: the letters themselves are kept ("Ma'rib" / "Marib"),
    and a name under four letters gives nothing."""
    words = [w for w in re.findall(r"[^\W\d_]+", (text or "").casefold())
             if w not in GENERIC_PLACE_WORDS]
    letters = "".join(words)
    skeleton = _consonants(letters)
    if len(skeleton) >= 4:
        return skeleton
    # a short name: its letters as they are ("Ma'rib" / "Marib")
    return letters if len(letters) >= 4 else ""


def _same_word(word: str, name: str) -> bool:
    """One name word spelled two ways: a transliteration (`_spelled_alike`) or one
    letter more in one of them (`_one_letter_more`)."""
    return _spelled_alike(word, name) or _one_letter_more(word, name)


def _one_letter_more(word: str, name: str) -> bool:
    """Words of five letters or more, one of them with one letter more ("hawija" /
    "hawijah"; not a letter changed: "coors" is not "cours")."""
    short, long = sorted((word, name), key=len)
    return (
        len(short) >= 5 and len(long) == len(short) + 1 and short[:1] == long[:1]
        and _edits(short, long) == 1
    )


def _consonants(word: str) -> str:
    """The consonant skeleton of a folded word: vowels, w, y and a final h go, doubled
    letters collapse ("kryvyi", "krivoy" and "kryvyy" all give "krv"); d is written t
    (transliterations voice or unvoice it: "Beledweyne" / "Belet Weyne")."""
    letters = re.sub(r"[aeiouwy]", "", re.sub(r"h$", "", word)).replace("d", "t")
    return re.sub(r"(.)\1+", r"\1", letters)


def _spelled_alike(word: str, name: str) -> bool:
    """Two spellings of one name word: same first letter and the same consonant
    skeleton of at least three letters (transliterations; not "rog" / "rih")."""
    if word[:1] != name[:1]:
        return False
    skeleton = _consonants(word)
    return len(skeleton) >= 3 and skeleton == _consonants(name)


def _latin(text: str | None) -> bool:
    """The text's letters are Latin ones (accented included)."""
    letters = re.findall(r"[^\W\d_]", text or "")
    return all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in letters)


def _named_apart(a: MatchUnit, b: MatchUnit) -> str | None:
    """Both texts name a specific place beyond what the gazetteer resolved, and not the
    same one ("Wardyah town" / "Abu Zandin crossing", both resolved to the province):
    likely two events, whatever the resolved places say."""
    wa, wb = _specific_words(a), _specific_words(b)
    if not wa or not wb or wa <= wb or wb <= wa:
        return None
    if _latin(a.place_text) != _latin(b.place_text):
        # "Hodeidah" / "الحديدة": words of two scripts cannot be compared; the places
        # the gazetteer resolved them to say whether they are one
        return None
    if _name_skeleton(_bare_text(a)) == _name_skeleton(_bare_text(b)) != "":
        return None  # one name in two spellings ("Maaret Misrin" / "Ma'arrat Misrin")
    return f"different places named ({a.place_text} / {b.place_text})"
