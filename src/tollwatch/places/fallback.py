"""The report's place, for a figure whose own sentences name none (rule ``places.v1.report``).

An incident without a place of its own (nor one in the sentences just before it)
takes the report's place, as a coder reads it:

1. the most specific place the report names in its main country, not the
   source's own place: "An argument broke out at a bar in Dothan, Alabama. ...
   Two patrons were killed." is in Dothan, not merely in the United States;
2. else the main country itself, at country precision, from any place named in it
   (the dateline's or source's own place included);
3. else the country a demonym names when the report names no place at all:
   "Syrian regime shelling killed four" is in Syria (rule ``places.v1.demonym``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

import pycountry

from ..records import CleanText, PlaceMention, PlacePrecision, Span
from .names import light_key, name_key
from .rules import BEYOND_RULE, LAST_RESORT_RULES

REPORT_RULE = "places.v1.report"
DEMONYM_RULE = "places.v1.demonym"

# the more precise, the earlier; country and unknown never stand for a town
_SPECIFIC: tuple[PlacePrecision, ...] = ("point", "near", "admin2", "region", "admin1")


def country_name(code: str) -> str | None:
    """The English short name of an ISO2 country code ("SY" -> "Syrian Arab Republic")."""
    found = pycountry.countries.get(alpha_2=code)
    return found.name if found is not None else None


def country_level(place: PlaceMention) -> PlaceMention:
    """The place widened to its country (a figure told of two provinces at once)."""
    return _country_level(place, place.country) if place.country else place


def _country_level(place: PlaceMention, country: str) -> PlaceMention:
    return replace(
        place,
        name=country_name(country),
        country=country,
        admin1=None,
        admin2=None,
        lat=None,
        lon=None,
        geonameid=None,
        precision="country",
        is_source_location=False,
    )


def most_specific_place(places: Sequence[PlaceMention], country: str) -> PlaceMention | None:
    """The report's most specific incident place in `country`.

    Precision first (a town before its province), then how often the report names
    the same place, then the earliest. Places of the source ("a spokesman in
    Damascus", the dateline) never count; a "between X and Y" region does.
    """
    own = [p for p in places if p.country == country and not p.is_source_location]
    if any(p.rule not in LAST_RESORT_RULES for p in own):  # "Kaduna militia" when alone
        own = [p for p in own if p.rule not in LAST_RESORT_RULES]
    ranked = [p for p in own if p.precision in _SPECIFIC]
    if not ranked:
        return None
    best = min(ranked, key=lambda p: (_SPECIFIC.index(p.precision), p.span.start))
    rivals = {(p.name, p.admin1) for p in ranked if p.precision == best.precision}
    if len(rivals) > 1:
        return None  # two towns: which one the figure is about is anyone's guess
    return replace(best, rule=REPORT_RULE)


@cache
def _demonym_table() -> dict[str, str]:
    from .gazetteer.build import data_rows

    return {d.lower(): iso for d, iso in data_rows("demonyms.csv") if iso}


_WORD = re.compile(r"[A-Z][A-Za-z]+")


def demonym_place(clean: CleanText, country: str) -> PlaceMention | None:
    """The first word of the report naming `country` as an adjective ("Syrian"), as a
    country-level place (rule ``places.v1.demonym``); None when there is none."""
    table = _demonym_table()
    for sentence in clean.content():
        for m in _WORD.finditer(sentence.text):
            if table.get(m.group().lower()) != country:
                continue
            start = sentence.span.start + m.start()
            return PlaceMention(
                name=country_name(country),
                country=country,
                admin1=None,
                admin2=None,
                lat=None,
                lon=None,
                geonameid=None,
                precision="country",
                text=m.group(),
                span=Span(start, start + len(m.group())),
                sentence=sentence.index,
                score=0.3,
                rule=DEMONYM_RULE,
            )
    return None


def report_place(
    clean: CleanText, places: Sequence[PlaceMention], country: str | None
) -> PlaceMention | None:
    """The place of a figure whose sentences name none: the report's most specific
    place in its main country, else that country, else a demonym's country."""
    if country is None:
        return None
    named = [p for p in places if p.country == country]
    if named and all(p.rule == BEYOND_RULE for p in named):
        return None  # "near the Myanmar border": the country next door is no incident's
    specific = most_specific_place(places, country)
    if specific is not None:
        return specific
    for place in sorted(
        (p for p in places if p.country == country), key=lambda p: p.is_source_location
    ):
        return _country_level(place, country)
    return demonym_place(clean, country)


# "Nasiriyah city", "Markada town", "Hama countryside": a name its own words call a place
_TYPED = re.compile(
    r"\b(?:city|town|village|camp|district|province|governorate|state|region|county|"
    r"countryside|municipality|township)\b"
)


# "Pisky Mali, Donetsk", "Kuta village (Jowhar, ...)": a name written as the
# container of the name before it
_CONTAINER_BEFORE = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:village|town|city))?\s*(?:,|\()\s*$")


# "in Tijuana", "en Chignahuapan", "in the city of Aleppo", "at the town of X": a
# locative preposition says the name is where something is
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|en|at|near|outside)\s+(?:the\s+|la\s+|el\s+)?"
    r"(?:(?:city|town|village|municipality|municipio|ciudad|pueblo|localidad)\s+(?:of|de)\s+)?$",
    re.IGNORECASE,
)
_LOCATIVE_START = re.compile(r"(?:in|en|at|near|outside)\s", re.IGNORECASE)

# "Tijuana: 18 Dead Since Sunday": a name opening a headline before a colon is its kicker
_KICKER_AFTER = re.compile(r"\s*:\s")

# phrases that place a name in space: "east of Aleppo", "southern Idlib", "Kyunhla Township"
_SPATIAL: tuple[PlacePrecision, ...] = ("near", "region", "admin2")


def _vouched(text: str, place: PlaceMention) -> bool:
    """Whether a name's own words say it is a place: a type word ("Nasiriyah city"), its
    container joined to it ("Jowhar, Middle Shabelle"), its use as the container of
    a name before it ("Pisky Mali, Donetsk"), a locative preposition ("in Tijuana",
    "en Chignahuapan"), a spatial phrase ("villages east of Aleppo") or its place as a
    headline's kicker ("Zacatecas: ...")."""
    if _TYPED.search(place.text) or "," in place.text or place.precision in _SPATIAL:
        return True
    start = place.span.start
    if _LOCATIVE_START.match(place.text) or _LOCATIVE_BEFORE.search(
        text, max(0, start - 40), start
    ):
        return True
    if not text[:start].strip() and (
        _KICKER_AFTER.match(text, place.span.end) or _opens_with_own_name(text, place)
    ):
        return True
    return _CONTAINER_BEFORE.search(text, max(0, start - 60), start) is not None


def document_place(
    clean: CleanText, places: Sequence[PlaceMention], country: str | None
) -> PlaceMention | None:
    """The report's own place, for a report that may give no incident: `report_place`,
    when the text vouches for it. One name alone ("towards a Reading of the unrest", "a
    gang boss called Rubio", "CUBA") is too often a word that is no place, or a
    namesake abroad; it counts when a second place of the same country, a demonym of
    that country or its own words (`_vouched`: "Nasiriyah city") back it; a country or
    a province the text names ("Michoacan y el futuro del gobernador") is kept; a
    demonym alone ("a Russian-brokered truce") is not."""
    place = report_place(clean, places, country)
    if place is None or country is None:
        return None
    own = [p for p in places if p.country == country and not p.is_source_location]
    if len({p.span.start for p in own}) >= 2 or any(_vouched(clean.text, p) for p in own):
        return place
    if place.rule == DEMONYM_RULE:
        return None
    if place.precision in ("country", "admin1") or _has_demonym(clean, country):
        return place  # a country or province the text names, or a town its demonym backs
    if _names_its_province(place):
        return place  # "Zacatecas", "Al Hudaydah": the town and the province it heads
    return None


def _opens_with_own_name(text: str, place: PlaceMention) -> bool:
    """Whether a mixed-case report opens with a place written as its own name ("Tijuana
    drug rivalries turn violent"): the headline's subject, past the scanner's test of
    capitals by position ("Teen", "Man" are never read as places there)."""
    if not place.name or text[: place.span.end + 200].isupper():
        return False
    return light_key(place.text) == light_key(place.name)


def _names_its_province(place: PlaceMention) -> bool:
    """Whether a town bears its province's name ("Zacatecas" in Zacatecas, "Al Hudaydah"
    in Al Hudaydah): a lone name then names a province, whichever of the two is meant."""
    if place.precision not in ("point", "near") or not place.admin1 or not place.name:
        return False
    province = _OFFICIAL_SUFFIX.sub("", place.admin1)  # "Veracruz de Ignacio de la Llave"
    return name_key(place.name) in (name_key(place.admin1), name_key(province))


_OFFICIAL_SUFFIX = re.compile(r"\s+de\s+.*$")


def _has_demonym(clean: CleanText, country: str) -> bool:
    table = _demonym_table()
    return any(table.get(w.lower()) == country for w in _WORD.findall(clean.text[:20_000]))
