"""One scanned name resolved: its candidates scored, the words around it read, the best kept.

`_prepare` scores a name's gazetteer candidates against the report's context and reads
the words around it (a party, a person, a street, a weapon, "X province", "near X"),
or says it is no place; `_decide` keeps the best candidate once the sentence's other
names have weighed in (the frame), if it clears the bar; `_mention` writes the
`PlaceMention` with its precision. Run by `geocode.find_places`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from unidecode import unidecode

from ..read.script import has_arabic
from ..records import CleanText, PlaceMention, PlacePrecision, Sentence, Span
from . import rules
from .acronyms import is_defined_acronym
from .containers import Resolved
from .context import Context, own_name_light, primary_light, prior
from .dateline import dateline_position
from .frame import MAX_FRAME_BONUS, Frame
from .gazetteer.model import Gazetteer, Place
from .glued import inside_longer_name, run_of_names
from .names import ARTICLES, fold, light_key, split_fused_article
from .scan import MAX_CANDIDATES, Match, Token

_COMPOUND_AFTER = re.compile(
    r"[- ](?:backed|led|loyal|allied|affiliated|supported|sponsored|aligned|controlled|held|run)\b",
    re.IGNORECASE,
)


_PARTY_BEFORE = re.compile(
    r"(?:\b(?:pro|anti)-|\b(?:loyal|allied|affiliated)\s+(?:to|with)\s+(?:the\s+)?|"
    r"\b(?:backed|supported|funded|armed)\s+by\s+(?:the\s+)?"
    # Arabic: "الفصائل الموالية لتركيا", "المدعومة من إيران", "المقربة من طهران"
    r"|(?<!\S)(?:ال)?(?:موال|مدعوم|مقرب|تابع)\S*\s+(?:من\s+|ل)?"
    # a government named by its seat: "وزارة الصحة في حكومة صنعاء" (the Houthis'), not
    # where the strike was
    r"|(?<!\S)[وبل]?حكومة\s+)$",
    re.IGNORECASE,
)


_IN_BEFORE = re.compile(r"\b(?:in|IN|In)\s+$")


DATELINE_ADMIN1_BONUS = 1.0
DWARFED = 10  # a place a tenth the size of a namesake spelled alike loses its own-name bonus


def _score(
    gaz: Gazetteer,
    i: int,
    ctx: Context,
    spelled: frozenset[int],
    hint: str | None,
    surface_light: str = "",
    largest: int = 0,
    country_spelled: bool = False,
) -> float:
    """A candidate's score before the words around it; `largest` is the population of the
    largest well-spelled populated place among the name's candidates, `country_spelled`
    whether a country is spelled so (a country named by its name is never penalised as a
    country the report is not about, and its namesake towns get no own-name bonus)."""
    score = prior(gaz, i)
    iso = gaz.countries[i]
    kind = gaz.kinds[i]
    main = ctx.main
    if main:
        strong = ctx.main_votes >= 3.0 and kind != 2  # a country name stands alone
        if len(ctx.leaders) > 1 and iso in ctx.leaders:
            score += 1.75  # one of two or more countries the report names about equally
        else:
            own_country = kind == 2 and i in spelled  # "EL SALVADOR", by its name
            score += (
                2.5 if iso == main
                else 1.0 if iso in ctx.countries
                else 0.0 if own_country
                else -3.0 if strong else -1.0
            )
    if kind != 2 and ctx.admin1 and f"{iso}.{gaz.admin1_codes[i]}" in ctx.admin1:
        score += 1.0
        if ctx.dateline_admin1 == f"{iso}.{gaz.admin1_codes[i]}":
            score += DATELINE_ADMIN1_BONUS  # the dateline's state, over the name's own votes
    score += 1.0 if i in spelled else -1.0
    size = gaz.populations[i]  # 0: unknown, never dwarfed; nor a town of the main country
    dwarfed = kind == 0 and size > 0 and size * DWARFED < largest and iso != main
    dwarfed = dwarfed or (kind == 0 and country_spelled)  # "El Salvador", Jalisco
    if surface_light and not dwarfed and _own_name(gaz, i, surface_light, spelled):
        # the place's own name, not one of its alternate names; but not for a village
        # whose name is a far larger town's English name ("Jenin" in Poland, 1,100
        # people, against Janin in the West Bank, 35,000)
        score += 0.75
    return score + _hint_bonus(kind, hint) if hint else score


_OFFICIAL_SUFFIX = re.compile(r"\s+(?:de|del|de la|de los|de las)\s+.*$")


def _own_name(gaz: Gazetteer, i: int, surface_light: str, spelled: frozenset[int]) -> bool:
    """Whether the text writes the place's own name: "Zamora" for Zamora de Hidalgo too
    (a Spanish official name is its common name plus "de <a hero>"), not only for the
    Zamora whose whole name it is. `spelled`: the entries with a name of that light key."""
    if own_name_light(gaz, i, surface_light, spelled):
        return True
    name = gaz.names[i]
    return "de" in name and surface_light == _short_light(name)  # no "de": no suffix


@cache
def _short_light(name: str) -> str:
    """The light key of a name without its official "de ..." suffix ("" without one)."""
    short = _OFFICIAL_SUFFIX.sub("", name)
    return primary_light(short) if short != name else ""


def _hint_bonus(kind: int, hint: str | None) -> float:
    """ "X province" favours provinces; "X city" favours places; "the city of X" rules
    out the province and the country of the same name."""
    if hint == "admin1":
        return 3.0 if kind == 1 else -1.0
    if hint == "place" and kind in (0, 4, 5):
        return 1.0
    if hint == "city":  # "the city of" said in so many words: no province, no country
        return 1.0 if kind in (0, 4, 5) else -1.5
    return 0.0


def _bar(m: Match, surface: str, candidates: int) -> float:
    """How much evidence a name needs: more for short, ambiguous or capital-less text."""
    bar = 3.0 if m.strict else 2.0
    if m.first == m.last and len(surface) <= 4 and not has_arabic(surface):  # no vowels
        bar += 0.5
    if candidates > 5:
        bar += 0.5
    return bar


def _person_or_org(tokens: list[Token], m: Match, text: str, orgs: list[tuple[int, int]]) -> bool:
    if any(s < m.end and m.start < e for s, e in orgs):
        return True
    for back in range(1, 4 if m.strict else 3):
        if m.first - back < 0:
            break
        prev = tokens[m.first - back]
        gap = text[prev.end : tokens[m.first - back + 1].start if back > 1 else m.start]
        if gap.strip() not in ("", "."):
            break
        if prev.text.lower() in rules.TITLES:
            return True  # "General Rafael Bustillo", "President Assad"
        if not prev.cap:
            break
    return False


class _OrgSpans:
    """Organisation-name spans of a sentence, found only when first needed."""

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.spans: list[tuple[int, int]] | None = None

    def get(self) -> list[tuple[int, int]]:
        if self.spans is None:
            offset = self.sentence.span.start
            self.spans = [(s + offset, e + offset) for s, e in rules.org_spans(self.sentence.text)]
        return self.spans


@dataclass
class _Prepared:
    """A name with its words around read, before the sentence's other names weigh in."""

    match: Match
    base: list[tuple[float, int]]  # (score, entry) without the sentence frame
    shape: rules.Shape
    bar: float
    light: str
    spelled: frozenset[int]
    longer: float  # glued to an unknown capitalised word
    initial: bool  # a lone capitalised word at the start of a sentence
    arabic: bool = False  # Arabic script: no capitals; our Arabic aliases name the place


def _prepare(
    gaz: Gazetteer,
    clean: CleanText,
    tokens: list[Token],
    m: Match,
    ctx: Context,
    orgs: _OrgSpans,
    prev_end: int,
    persons: set[str],
) -> _Prepared | None:
    """Score a name's candidates and read its cue words; None when it is no place.

    `persons` holds the names the report has used as a person's surname ("Toney Keith
    White"): later on their own ("the judge told White") they are that person again."""
    text = clean.text
    sentence = clean.sentences[m.sentence]
    surface = text[m.start : m.end]
    light = light_key(surface)
    if light in persons and not m.sure:
        return None
    article = _fused_article_first(surface)  # "Allende": the text writes those letters
    named = gaz.spelled(light)
    spelled = frozenset(
        named if article else (i for i in named if not _false_article(gaz, i))
    ) | (frozenset(m.candidates) if m.sure else frozenset())
    spelled = _without_dropped_article(gaz, surface, spelled)
    bar = _bar(m, surface, len(m.candidates))
    arabic = rules.ARABIC_ARTICLE.match(surface) is not None
    largest = max(
        (gaz.populations[i] for i in m.candidates[:MAX_CANDIDATES]
         if i in spelled and gaz.kinds[i] == 0),
        default=0,
    )
    country_spelled = any(
        gaz.kinds[i] == 2 and i in spelled for i in m.candidates[:MAX_CANDIDATES]
    )
    base = [
        (
            _score(gaz, i, ctx, spelled, None, light, largest, country_spelled)
            + (1.0 if i in m.exact else 0.0)
            + (
                rules.ARABIC_BONUS if arabic and gaz.countries[i] in rules.ARABIC_COUNTRIES else 0.0
            ),
            i,
        )
        for i in m.candidates[:MAX_CANDIDATES]
    ]
    if max(base)[0] + 3.0 + MAX_FRAME_BONUS < bar:
        return None  # cannot clear the bar whatever the words around it say
    before = text[max(sentence.span.start, prev_end, m.start - 120) : m.start]
    if _PARTY_BEFORE.search(before[-30:]) or _COMPOUND_AFTER.match(text, m.end):
        return None  # "pro-Damascus fighters", "Turkey-backed", "loyal to Turkey": a party
    after = text[m.end : min(sentence.span.end, m.end + 120)]
    if rules.CONTINENT_NAME.fullmatch(surface) and rules.CONTINENT_PART_BEFORE.search(
        before[-12:]
    ):
        return None  # "the Jesuits in Central America": a part of a continent
    if rules.NEIGHBOURHOOD_BEFORE.search(before[-20:]) and not (
        rules.NEIGHBOURHOOD_OF_TOWN_BEFORE.search(before[-20:])
    ):
        return None  # "Colonia Guadalupe", "barrio San Jose": a neighbourhood named after X
    if rules.TYPE_PREFIX.fullmatch(surface) and rules.NAME_AFTER.match(after):
        return None  # "Colonia Rincon del Poniente", "Barrio X": a type word before a name
    if rules.PERSON_AFTER.match(after) or (
        rules.AGED_APPOSITION_AFTER.match(after) and rules.FIRST_NAME_BEFORE.search(before[-24:])
    ) or (surface in rules.GIVEN_NAME_PLACES and rules.GIVEN_NAME_AFTER.match(after)):
        persons.add(light)
        return None  # "Keith White II", "Jaden Rahm, 16,", "Jordan Harris, a 24-year-old": a person
    if rules.BUILDING_AFTER.match(after) or rules.STREET_CORNER_BEFORE.search(before[-24:]):
        return None  # "Allen Superior Court", "Baghdad Street", "40th and Grand": a street
    if rules.WEAPON_AFTER.match(after) or rules.WEAPON_BEFORE.search(before[-12:]):
        return None  # "BM-21 Grad missiles", "BM-21 Grad and mortars": a weapon
    if rules.LONGER_NAME_AFTER.match(after) or rules.MIXED_ACRONYM.fullmatch(surface):
        return None  # "Shakhta imeni Gagarina" (a longer name), "JeM" (an acronym)
    if not m.strict and not m.sure and _unspelled_acronym(gaz, text, m, surface, spelled):
        return None  # "el ELN", "(ELN)": a group's acronym, not Elne in France
    if is_defined_acronym(text, surface) and not _spells_large(gaz, m, spelled):
        return None  # "Forces armées maliennes (FAMA)": an army's short name, not Fama, Brazil
    if _speaker_after_verb(gaz, before, surface, m, spelled):
        return None  # "añadió la Defensa": the ministry speaking, not La Defensa, Veracruz
    if not m.strict and not m.sure and rules.SPANISH_LONGER_AFTER.match(after):
        return None  # "Villas de los Arcos": the head of a longer name the gazetteer lacks
    attributive = rules.ATTRIBUTIVE_AFTER.match(after) and not _IN_BEFORE.search(before[-8:])
    if attributive and _spelled_as_country(gaz, base, spelled):
        return None  # "Israel forces", "Turkey Intelligence patrol": whose, not where
    if _adjective_abbreviation(surface, before, after) and _spelled_as_country(gaz, base, spelled):
        return None  # "the U.S. citizen", "U.S. President Bush": whose, not where
    if rules.LOWER_UNIT_AFTER.match(after):  # "Rio Negro corregimiento": not the province
        county = rules.COUNTY_AFTER.match(after) is not None  # "Lamu county": Kenya's province
        base = [(v - rules.LOWER_UNIT_PENALTY if gaz.kinds[i] == 1 and not (
            county and gaz.countries[i] in rules.COUNTY_PROVINCE_COUNTRIES) else v, i)
            for v, i in base]
    shape = rules.shape(before, after, at_text_start=dateline_position(gaz, clean, m, after))
    if shape.kind_hint is None and surface.startswith("at "):  # the scanner kept "at"
        shape = replace(shape, kind_hint="place")  # "fired at Mykolaiv": a point
    beyond = rules.BEYOND_BEFORE.search(before[-24:]) or (
        rules.BORDER_AFTER.match(after) and _spelled_as_country(gaz, base, spelled))
    if beyond and not shape.source:
        # "close to the border with Nicaragua", "near the Cameroon border"
        shape = replace(shape, rule=rules.BEYOND_RULE)
    elif shape.precision in (None, "admin1", "near") and not shape.source:
        if rules.ACTOR_AFTER.match(after) or (
            rules.POSSESSIVE_AFTER.match(after) and _spelled_as_country(gaz, base, spelled)
        ):
            shape = replace(shape, rule=rules.ACTOR_RULE)  # "Benue militiamen", "Israel's": whose
        elif rules.SITE_AFTER.match(after) or _route_end(before, after):
            shape = replace(shape, rule=rules.SITE_RULE)  # "Thawrah Hospital": which
    wide = text[max(sentence.span.start, m.start - 60) : m.start]  # the names before too
    tail_ok = rules.TAIL_AFTER.match(after) and rules.TAIL_BEFORE.search(wide)
    if tail_ok and not _spelled_as_country(gaz, base, spelled):  # "Culiacan, Mexico"
        # "Town (Province)": a lone name in brackets after a town is its province
        tail = rules.TAIL_ADMIN1_BONUS + (1.0 if wide.rstrip().endswith("(") else 0.0)
        base = [(v + tail if gaz.kinds[i] == 1 else v, i) for v, i in base]
    if not shape.source and _person_or_org(tokens, m, text, orgs.get()):
        return None
    if not m.strict and not m.sure and run_of_names(tokens, m, text):
        persons.add(light)
        return None
    longer = 2.0 if inside_longer_name(gaz, tokens, m, text, ctx.admin1) else 0.0
    initial = m.first == m.last == _first_content_token(tokens) and not m.strict
    initial = initial and not after.startswith(":")  # "Idlib: clashes..." is a label
    return _Prepared(m, base, shape, bar, light, spelled, longer, initial, has_arabic(surface))


_ACRONYM = re.compile(r"[A-Z]{2,5}")

# A Spanish or Portuguese speech verb with its subject after it: "añadió la Defensa",
# "informó el Ejército", "disse a Polícia"
_SPEECH_VERB_ARTICLE = re.compile(
    r"\b(?:añadió|agregó|informó|indicó|precisó|señaló|explicó|dijo|aseguró|detalló|afirmó"
    r"|declaró|reportó|confirmó|denunció|sostuvo|apuntó|disse|afirmou|informou)"
    r"\s+(?:la|el|las|los|a|o)\s+$",
    re.IGNORECASE,
)


def _speaker_after_verb(
    gaz: Gazetteer, before: str, surface: str, m: Match, spelled: frozenset[int]
) -> bool:
    """Whether a name is the subject of the speech verb before it, with its article
    ("añadió la Defensa", "informó el Ejército"): an institution speaking. A place is
    seldom the subject of "añadió"; a country or province named so still is one."""
    words = surface.split()
    head = before[-40:]
    if len(words) > 1 and fold(words[0]) in ARTICLES:
        head = f"{head}{words[0]} "
    if _SPEECH_VERB_ARTICLE.search(head) is None:
        return False
    return not any(
        gaz.kinds[i] in (1, 2) and i in spelled for i in m.candidates[:MAX_CANDIDATES]
    )


def _spells_large(gaz: Gazetteer, m: Match, spelled: frozenset[int]) -> bool:
    """Whether the name spells a country, a province or a city of 100,000 ("DRC",
    "UAE", "NYC"): an acronym that is still a place."""
    return any(
        i in spelled and (gaz.kinds[i] in (1, 2) or gaz.populations[i] >= 100_000)
        for i in m.candidates[:MAX_CANDIDATES]
    )


def _unspelled_acronym(
    gaz: Gazetteer, text: str, m: Match, surface: str, spelled: frozenset[int]
) -> bool:
    """Whether a name is an acronym in capitals amid ordinary text ("el ELN", "(FARC)")
    that spells no candidate's own name letter for letter nor a country's or province's
    name, nor a large city's alternate name ("ELN" only resembles Elne, a town of 7,000):
    an actor's short name. A dateline's name at a line's
    start ("KIEV, Ukraine (AP) -") is exempt."""
    words = surface.split()
    word = words[-1]
    if _ACRONYM.fullmatch(word) is None or (len(words) > 1 and not words[0].islower()):
        return False  # "LA PORTE", "NEW PARIS": a dateline's name in capitals
    start = m.end - len(word)
    if start == 0 or text[start - 1] == "\n":
        return False
    around = text[max(0, start - 12) : start].split()[-1:] + text[m.end : m.end + 12].split()[:1]
    if any(w.strip(",.;:()-—").isupper() for w in around):
        return False  # a run of capitals ("SHOOTING IN ERIE"), not an acronym in a sentence
    folded = word.lower()
    for i in m.candidates[:MAX_CANDIDATES]:
        if i in spelled and (gaz.kinds[i] in (1, 2) or gaz.populations[i] >= 100_000):
            return False  # "UAE", "DRC", "NYC": a country, a province, a city's short name
        if fold(gaz.names[i]).replace(" ", "") == folded:
            return False
    return True


# A populated place this large, spelled as the text writes it, is the name's reading
# over a country whose own name only differs by its article.
ARTICLE_CITY_POPULATION = 1_000_000


def _without_dropped_article(
    gaz: Gazetteer, surface: str, spelled: frozenset[int]
) -> frozenset[int]:
    """ "em Salvador": a country whose own name opens with an article the text did not
    write ("El Salvador") is not spelled by the bare name when a city of a million
    people has that bare name as its own (Salvador, Bahia); the country stays a
    candidate, without the spelling's bonus."""
    first = fold(surface).split()[:1]
    if not first or first[0] in ARTICLES:
        return spelled
    dropped = {i for i in spelled if gaz.kinds[i] == 2
               and fold(gaz.names[i]).split()[:1] != first
               and fold(gaz.names[i]).split()[0] in ARTICLES}
    if not dropped:
        return spelled
    light = light_key(surface)
    city = any(gaz.kinds[i] == 0 and gaz.populations[i] >= ARTICLE_CITY_POPULATION
               and own_name_light(gaz, i, light, spelled) for i in spelled)
    return spelled - dropped if city else spelled


def _false_article(gaz: Gazetteer, i: int) -> bool:
    """Whether entry i's own name starts with what reads as a fused Arabic article
    outside the Arabic-speaking countries: the Italian town Alliste is no "al-Liste", so
    a text's "Liste" (which has no such start) does not write its name, nor "Sen" Essen's."""
    if gaz.countries[i] in rules.ARABIC_COUNTRIES:
        return False
    return _fused_article_first(gaz.names[i])


@lru_cache(maxsize=65_536)  # asked for every candidate of a name; names recur
def _fused_article_first(name: str) -> bool:
    """Whether a name's first word starts with a fused article ("Ezzor", "Alliste")."""
    first = name[:1]
    if first.isascii() and first.isalnum() and first not in "AaEe":
        return False  # what folding keeps first: no "a" or "e", no fused article
    words = fold(name).split()
    return bool(words) and split_fused_article(words[0]) != words[0]


def _adjective_abbreviation(surface: str, before: str, after: str) -> bool:
    """Whether a country's abbreviation is used as an adjective ("U.S. citizen"), not as
    the place ("in the U.S.", "the U.S. and Mexico")."""
    return (
        rules.ABBREVIATION.fullmatch(surface) is not None
        and rules.ABBREVIATED_ADJECTIVE_AFTER.match(after) is not None
        and not _IN_BEFORE.search(before[-8:])
    )


def _route_end(before: str, after: str) -> bool:
    """Whether a name is one end of a route named after its ends ("the Bura-Garissa Road")."""
    if rules.ROUTE_AFTER.match(after):
        return True
    return bool(rules.ROUTE_BEFORE.search(before[-30:]) and rules.ROAD_AFTER.match(after))


def _spelled_as_country(
    gaz: Gazetteer, base: list[tuple[float, int]], spelled: frozenset[int]
) -> bool:
    """Whether a name is written as a country's name: all its well-spelled candidates are
    countries, or the best of them is ("Turkey" has towns in the US too)."""
    mine = [(v, i) for v, i in base if i in spelled]
    if not mine:
        return False
    return all(gaz.kinds[i] == 2 for _, i in mine) or gaz.kinds[max(mine)[1]] == 2


def _decide(gaz: Gazetteer, p: _Prepared, report: Context, frame: Frame | None) -> Resolved | None:
    """The best candidate of a prepared name, given the other names of its sentence.

    `report` is the whole report's context (a lone upper-case word must be a place
    of the report's main country)."""
    m, shape = p.match, p.shape
    scored = []
    for s, i in p.base:
        s += _hint_bonus(gaz.kinds[i], shape.kind_hint)
        if frame is not None:
            s += frame.bonus(gaz, i, not own_name_light(gaz, i, p.light, p.spelled))
        scored.append((s, i))
    best, entry = max(scored)
    # a lone word of capital-less text; an Arabic name spelled as one of our aliases is not
    lone = m.strict and m.first == m.last and gaz.kinds[entry] != 2
    lone = lone and not (p.arabic and entry in p.spelled)
    foreign_word = gaz.countries[entry] != report.main or entry not in p.spelled
    big = gaz.populations[entry] >= 1_000_000 and own_name_light(gaz, entry, p.light, p.spelled)
    if lone and not big and foreign_word:
        return None  # "FORCE", "STATION", "Hang": a word, unless a place of the report's country
    best -= p.longer
    if p.initial and gaz.kinds[entry] in (0, 1, 5):
        # a capital at the start of a sentence says nothing ("Rocket shells...", "Man shot")
        best -= 1.5 if gaz.kinds[entry] != 1 else 1.0
    if best < p.bar:
        return None
    return Resolved(m, entry, best, shape)


def _first_content_token(tokens: list[Token]) -> int:
    return 0 if tokens else -1


def _display(name: str) -> str:
    return unidecode(name)


def _mention(gaz: Gazetteer, clean: CleanText, r: Resolved) -> PlaceMention:
    place = gaz.place(r.entry)
    start = r.match.start - r.shape.start_extra
    end = r.match.end + r.shape.end_extra
    precision = _precision(place, r.shape)
    if precision == "region" and place.kind == "region" and rules.LOWER_UNIT_AFTER.match(
        clean.text, r.match.end
    ):
        precision = "admin2"  # "North Waziristan district": a named unit below a province
    return PlaceMention(
        name=_display(place.name) if place.kind != "country" else None,
        country=place.country or None,
        admin1=place.admin1 if place.kind != "country" else None,
        admin2=place.admin2,
        lat=round(place.lat, 5),
        lon=round(place.lon, 5),
        geonameid=place.geonameid,
        precision=precision,
        text=clean.text[start:end],
        span=Span(start, end),
        sentence=r.match.sentence,
        is_source_location=r.shape.source,
        score=round(min(1.0, r.score / 7.0), 3),
        rule=r.shape.rule,
    )


_OWN_PRECISION: dict[str, PlacePrecision] = {
    "place": "point",
    "user": "point",
    "feature": "point",
    "admin1": "admin1",
    "country": "country",
    "region": "region",
}


def _precision(place: Place, shape: rules.Shape) -> PlacePrecision:
    shaped = shape.precision
    own = _OWN_PRECISION[place.kind]
    if shaped == "near":
        return "near" if own == "point" else "region"
    if shaped == "region":
        # "X countryside", "the rural area of Buenaventura": a town's surroundings are
        # nearer the town than its province's centre is
        town_part = shape.rule == "places.v1.area" or shape.part_of
        return "near" if own == "point" and town_part else "region"
    if shaped == "admin1" and own == "admin1":
        return "admin1"
    return own
