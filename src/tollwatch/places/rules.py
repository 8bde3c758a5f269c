"""The place-phrase grammar: the words around a name that change what it means.

Each function looks at the text just before or after a matched name, inside
one sentence, and answers one question: is this name part of an organisation
or a person's name, is it the source's location, is it a province ("Homs
province"), a point near something ("near Palmyra"), a region ("central
Syria")? Rules are named ``places.v1.<rule>`` in the mentions they shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..read.prefilter import Prefiltered
from .lang import union

DIRECTION = rf"(?:{union('directions')})"  # every language's (places/lang/)
_I = re.IGNORECASE

# Organisation names that contain place names ("Syrian Observatory for Human
# Rights", "Islamic State of Iraq and the Levant", "Hayat Tahrir al-Sham").
ORG_PATTERNS = (
    re.compile(
        r"\b(?:Islamic\s+State|ISIS|IS)(?:'s|’s)?\s+(?:"
        r"(?:of|in)\s+Iraq\s+and\s+(?:the\s+)?(?:Levant|Syria|al-Sham|Sham)|"
        r"of\s+(?:Iraq|the\s+Levant|Syria|al-Sham|Sham)|"
        r"(?:of|in)\s+(?:the\s+)?(?:Greater\s+Sahara|West\s+Africa|Khorasan|Khurasan)|"
        r"(?:[A-Z][\w'’-]+\s+){0,3}(?:Province|Wilayat|Wilaya))",
    ),
    re.compile(
        r"\b(?:Hay(?:'|’)?at|Ahrar|Jaish|Jaysh|Jabhat|Ansar|Harakat|Liwa|Faylaq|Kata(?:'|’)?ib|"
        r"Asa(?:'|’)?ib|Jund|Saraya|Tahrir|Fatah|Jama(?:'|’)?at|Ahl|Hurras)"
        r"(?:\s+(?:al|el|ad|ash|as|ar|an|at)?[- ]?[A-Z][\w'’]*){1,4}",
    ),
    re.compile(
        r"\b(?:(?:Free|New|National|Democratic|Popular|Revolutionary|United|Islamic|Arab|Free)\s+)*"
        r"(?:[A-Z][\w'’-]+\s+){1,4}"
        r"(?:Observatory|Forces|Front|Brigades?|Movement|Council|Party|Cartel|Gang|Organi[sz]ation|"
        r"Network|Battalions?|Regiment|Division|Corps|Guards?|Committee|Commission|Agency|"
        r"Federation|Alliance|Coalition|Group|Liberation|Army|Militia|Mission|Times|News|"
        r"Post|Tribune|Herald|Gazette|Television|Radio|TV|Broadcasting|Company|Airlines?|"
        r"Bank|Fund|League|Society|Association|Union|Institute|Centre|Center|Foundation|"
        r"Ministry|Embassy|Consulate|Program(?:me)?|Crescent|Cross|Initiative)\b",
    ),
    re.compile(
        r"\b(?:Al[- ]Qa(?:'|’)?[ei]da|Al[- ]Shabaa?b|Boko\s+Haram)\b(?:\s+in\s+[A-Z][\w ]+)?", _I
    ),
    re.compile(r"\b(?:Gulf|Sinaloa|Juarez|Juárez|Tijuana|Jalisco|Zetas|Familia)\s+[Cc]artel\b"),
    re.compile(
        r"\b(?:Cartel|Front|Army|Movement|Council|Party|Organi[sz]ation|Union|Commission|"
        r"Committee|Observatory)\s+(?:for|of|del?|de\s+la)\s+(?:the\s+)?"
        r"(?:[A-Z][\w'’-]+\s*(?:and|&|of|de|del|la|y)?\s*){1,6}"
    ),
)

TITLES = frozenset(
    [
        "general",
        "gen",
        "gen.",
        "president",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "minister",
        "commander",
        "colonel",
        "col",
        "col.",
        "lt",
        "lieutenant",
        "captain",
        "capt",
        "major",
        "maj",
        "sergeant",
        "sgt",
        "king",
        "prince",
        "princess",
        "queen",
        "sheikh",
        "shaykh",
        "imam",
        "pope",
        "senator",
        "sen",
        "governor",
        "gov",
        "mayor",
        "judge",
        "emir",
        "sultan",
        "ayatollah",
        "mullah",
        "father",
        "bishop",
        "archbishop",
        "cardinal",
        "brigadier",
        "admiral",
        "marshal",
        "chief",
        "secretary",
        "premier",
        "chancellor",
        "ambassador",
        "deputy",
        "lord",
        "sir",
        "saint",
        "st",
    ]
)
ADMIN1_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:province|governorate|state|department|oblast|prefecture|region|"
    r"provinces|governorates|states|departments)\b",
    _I,
)
PLURAL_ADMIN1_AFTER = re.compile(
    r"^(?:(?:,\s*|\s+and\s+)[A-Z][\w'’-]*(?:[ -][A-Za-z][\w'’-]*)?)+\s+"
    r"(?:provinces|governorates|states|departments)\b"
)
ADMIN1_BEFORE = re.compile(
    r"(?i:\b(?:province|governorate|state|department|region)\s+of\s+(?:the\s+)?$)|"
    # "in Avasin region (Mergasur district) of Erbil": a named unit's container (the
    # text before a name starts where the name before it ends)
    r"(?:^|\b[A-Z][\w'’-]*)\s+(?i:district|region|sub-?district)\)?\s+of\s+$"
)
AT_BEFORE = re.compile(r"\bat\s+$")
# "بمدينة حمص", "la ville de Beni": the city, not its province (places/lang/, city_words)
CITY_BEFORE = re.compile(r"(?<![\w-])(?i:" + union("city_words") + r")\s+$")
PROVINCE_WORDS_BEFORE = re.compile(r"(?<![\w-])(?i:" + union("province_words") + r")\s+$")
_OF_AT_END = re.compile(r"\bof\s+(?:the\s+)?$")  # "the rural area of X": a part of X
PLACE_AFTER = re.compile(r"^\s*(?:city|town|village|camp|neighbou?rhood|municipality)\b", _I)
AREA_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:(?:" + DIRECTION + r")\s+)?"
    r"(?:countryside|desert|area|areas|outskirts|suburbs?|district|valley|mountains|border|"
    r"region|environs|surroundings)\b",
    _I,
)
NEAR_BEFORE = re.compile(
    r"\b(?:" + union("near") + "|"
    r"(?:\d+(?:\.\d+)?|a\s+few|several|some|few)\s*(?:km|kms|kilometres?|kilometers?|miles?)\s+"
    r"(?:(?:to\s+the\s+)?"
    + DIRECTION
    + r"\s+)?(?:of|from)|"
    + DIRECTION
    + r"\s+of|(?:on\s+)?the\s+road\s+(?:to|from|between)|countryside\s+of|"
    r"(?:north|south|east|west)\w*\s+countryside\s+of)"
    r"\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?(?:of\s+)?$",
    _I,
)
REGION_BEFORE = re.compile(
    r"\b(?:in\s+|across\s+|of\s+|the\s+)?("
    + DIRECTION
    + r"(?:\s+(?:and|,)\s+"
    + DIRECTION
    + r")?)\s+(?:(?:part|parts|region|regions|areas?|reaches)\s+of\s+)?(?:the\s+)?$",
    _I,
)
# the two searched over the whole text before a name: the real regex is tried only where
# one of its cue words may start (read/prefilter.py), with the same first match
_NEAR_BEFORE_FILTERED = Prefiltered.of(NEAR_BEFORE)
_REGION_BEFORE_FILTERED = Prefiltered.of(REGION_BEFORE)
BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$", _I)
AND_AFTER = re.compile(r"^\s+and\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$", _I)
CONTAINER_AFTER = re.compile(
    r"^(?:\s*(?:city|town|village|camp|area))?(?:\s*,\s*|\s+in\s+)(?:the\s+)?"
    r"(?:(?:" + DIRECTION + r")\s+)?$",
    _I,
)
SOURCE_AFTER = re.compile(r"^(?:-|\s)based\b", _I)
SOURCE_BEFORE = re.compile(
    r"(?:\bbased\s+in|\bspokes(?:man|woman|person)|\bofficials?|\bministry|\bembassy|"
    r"\bbureau|\bcorrespondents?|\breporters?|\bjournalists?|\bpress\s+conference|"
    r"\bnews\s+agency|\bspeaking|\btold\s+(?:reporters|journalists|\w+)|\bheadquartered|"
    r"\bheadquarters)(?:\s+\w+)?\s+in\s+(?:the\s+)?$",
    _I,
)
WIRE = r"(?:AFP|Reuters|AP|Xinhua|DPA|ANSA|EFE|IRNA|SANA|TASS|UPI|Anadolu|MENA|RADIO|TELEVISION)"
DATELINE_AFTER = re.compile(
    r"^(?:\s*\([A-Za-z ]{2,30}\))?(?:\s*,\s*[\w .]{0,25}?)?\s*(?:\([^)\n]{1,40}\)\s*)?"
    r"(?:\(" + WIRE + r"[^)]*\)|\[[^\]]*\]|--|—|–|\s-\s)",
    _I,
)
DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*(?:\(" + WIRE + r"[^)]*\)\s*[-—–:]?\s*)?$", _I)


# A name written with an Arabic article ("al-Tabaqa", "Al Fu'aa") is most likely in an
# Arabic-speaking country, not a namesake elsewhere (Tabaka, Kenya)
ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ash|as|ar|an|at|az|ad|adh|ath|ez|es|en)[-‐ ’'_]", _I)
ARABIC_COUNTRIES = frozenset(
    {
        "SY",
        "IQ",
        "JO",
        "LB",
        "PS",
        "IL",
        "YE",
        "SA",
        "EG",
        "LY",
        "TN",
        "DZ",
        "MA",
        "SD",
        "KW",
        "QA",
        "BH",
        "AE",
        "OM",
        "MR",
        "EH",
        "TD",
        "SO",
        "DJ",
        "KM",
    }
)
ARABIC_BONUS = 1.0

# Spanish type words written before a neighbourhood's name ("Colonia Rincon del
# Poniente"): the word alone is not the place (Colonia, Uruguay)
TYPE_PREFIX = re.compile(r"(?i:" + union("type_prefixes") + ")")
NEIGHBOURHOOD_BEFORE = re.compile(
    r"\b(?:colonia|barrio|fraccionamiento|residencial|urbanizaci[oó]n)\s+(?:(?:de|del|la|el)\s+)*$",
    _I,
)
# "en un fraccionamiento de Tampico", "una colonia de Mexicali": a lower-case type word and
# a bare "de" say "a neighbourhood of X", so X is the town (not "Colonia del Valle")
NEIGHBOURHOOD_OF_TOWN_BEFORE = re.compile(
    r"\b(?:colonia|barrio|fraccionamiento|residencial|urbanizaci[oó]n)\s+de\s+$"
)
# "the Sao Cristovao neighborhood", "the New Mexico colony": a part of a town named after a
# place elsewhere, never that place ("Aleppo neighborhoods", "a San Salvador neighborhood"
# are parts of that city: plural, or after "a")
NEIGHBOURHOOD_AFTER = re.compile(r"\s+(?:neighbou?rhood|colony|colonia)\b(?!s)", _I)
NEIGHBOURHOOD_OF_CITY_BEFORE = re.compile(r"\b(?:an?)\s+$", _I)
WEAPON_AFTER = re.compile(
    r"\s*(?:multiple\s+)?(?:missiles?|rockets?|launchers?|MLRS|mortars?|drones?)\b", _I
)
ATTRIBUTIVE_AFTER = re.compile(
    r"\s+(?:forces|army|troops|soldiers|military|police|origin|nationals?|citizens?|"
    r"authorities|officials?|government|navy|air\s+force|border\s+guards?|[Ii]ntelligence)\b"
)
# "Central America", "LATIN AMERICA", "South America": parts of a continent, not a direction
# of the country that "America" also names
CONTINENT_PART_BEFORE = re.compile(r"\b(?:central|south|north|latin|meso)\s+$", _I)
CONTINENT_NAME = re.compile(r"america", _I)
# "U.S. citizen", "THE U.S. FLAG", "UK officials": a country's abbreviation before a word
# that is no preposition, verb or time is an adjective (whose), not where
ABBREVIATION = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]\.?|[A-Z]{2,3}")
ABBREVIATED_ADJECTIVE_AFTER = re.compile(
    r"\.?\s+(?!(?:and|or|in|on|at|to|for|of|by|from|with|since|until|after|before|today|"
    r"yesterday|tonight|this|that|these|last|next|was|were|is|are|has|have|had|will|would|"
    r"could|can|may|said|says|say|the|a|an|but|as|if|when|where|which|who)\b)[A-Za-z]",
    _I,
)
# "Kaduna militia", "Benue militiamen", "the Kanbalu PDF", "Maysan operations commander":
# an armed group or command named after where it comes from or answers for, not where an
# incident happened (the mention is kept, as a last resort: rule ACTOR_RULE)
ACTOR_AFTER = re.compile(
    r"\s+(?:(?:communal|ethnic|local|tribal)\s+)?(?:militia(?:s|men)?\b|PDF\b|"
    r"[Pp]eople'?s\s+[Dd]efen[cs]e\s+[Ff]orces?\b|[Oo]perations?\s+[Cc]ommand(?:er|s)?\b|"
    r"[Vv]igilantes?\b)"
)
ACTOR_RULE = "places.v1.actor"
# "Thawrah Hospital", "Al Birr mosque", "Sindh House": a building named after a
# place, which may lie elsewhere; kept as a last resort like ACTOR_RULE
SITE_AFTER = re.compile(
    r"\s+(?:[Hh]ospital|[Cc]linic|[Mm]osque|[Cc]hurch|[Uu]niversity|[Cc]ollege|[Ss]tadium|"
    r"[Hh]otel|[Pp]rison|[Ff]actory|House|[Hh]ome\s+[Pp]ark|[Hh]omes?\s+[Cc]ommunity)\b"
)
# "the Bura-Garissa Road", "Yangon-Pyay road": a route named after its two ends, which may
# both lie far from where on it something happened
ROUTE_AFTER = re.compile(
    r"\s*[-–]\s*[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,2}\s+(?:[Rr]oad|[Hh]ighway)\b"
)
ROUTE_BEFORE = re.compile(r"(?:^|[A-Z][\w'’]*)\s*[-–]\s*$")  # "^": right after a name
ROAD_AFTER = re.compile(r"\s+(?:[Rr]oad|[Hh]ighway)\b")
SITE_RULE = "places.v1.site"
# "soldiers raised Israel's flags", "Mexico's president said": a country as the owner of
# a thing, not where something happened ("Syria's northern countryside" is a place)
POSSESSIVE_AFTER = re.compile(
    r"(?:'s|’s)\s+(?!(?:" + DIRECTION + r"|countryside|border|desert|capital)\b)[a-z]"
)
# "close to the border with Nicaragua": the other side of a border, where the incident is not
BEYOND_BEFORE = re.compile(
    r"(?:\bborders?\s+with\s+(?:the\s+)?"
    r"|\bfronti[èe]res?\s+(?:avec\s+)?(?:le\s+|la\s+|l['’]\s*)?"
    r"|\bfronteras?\s+con\s+(?:el\s+|la\s+)?|\bfronteiras?\s+com\s+(?:o\s+|a\s+)?"
    # where the attackers went afterwards: "fled towards Burkina Faso", "avant de
    # repartir vers le Burkina", "huyeron hacia", "fugiram para"
    r"|\b(?:fled|retreated|escaped|withdrew|headed)\s+(?:back\s+)?(?:towards?|into|across\s+the"
    r"\s+border\s+(?:in)?to)\s+(?:the\s+)?"
    r"|\b(?:repartir|repartis|repartant|fui|enfui)\w*\s+(?:vers|en\s+direction\s+d[ue])\s+"
    r"(?:le\s+|la\s+|l['’]\s*)?"
    # where the victims came from: "Rohingya who fled Myanmar", "refugees from Sudan"
    r"|\b(?:who|had|have|having)\s+fled\s+(?:from\s+)?(?:the\s+)?|\brefugees\s+from\s+(?:the\s+)?)$",
    _I,
)
BEYOND_RULE = "places.v1.beyond"
# "near the Cameroon border", "on the Niger frontier": a country named before its border
# is the neighbour as well (the adjective form of "the border with Cameroon")
BORDER_AFTER = re.compile(r"\s+(?:borders?|frontiers?|border\s+areas?)\b(?!\s+(?:with|of)\b)", _I)
LAST_RESORT_RULES = frozenset({ACTOR_RULE, SITE_RULE, BEYOND_RULE})
# "Rio Negro corregimiento", "Bari district", "Sool county": a unit below a province, so
# not the province of that name (its seat town, or the unit, or the container beside it)
LOWER_UNIT_AFTER = re.compile(
    r"\s+(?:corregimientos?|municipalit(?:y|ies)|municipio|districts?|townships?|"
    r"count(?:y|ies)|LGAs?|sub-?divisions?|sub-?districts?|locality|localities|wards?|"
    r"payams?|kebeles?|woredas?|village\s+tracts?|communes?|tehsils?|upazilas?|talukas?|"
    r"raions?|rayons?|hromadas?|veredas?)\b",
    _I,
)
LOWER_UNIT_PENALTY = 2.5
# countries whose first-level divisions are counties (GeoNames admin1): "Lamu county",
# "Nimba County" name the province itself, not a unit below one
COUNTY_PROVINCE_COUNTRIES = frozenset({"KE", "LR", "HU", "RO", "HR", "EE", "SE", "NO", "IE", "LT"})
COUNTY_AFTER = re.compile(r"\s+count(?:y|ies)\b", _I)
# a weapon's model code before a name: "BM-21 Grad", "9K33 Osa"
WEAPON_BEFORE = re.compile(r"\b[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]?\s+$")
# "Shakhta imeni Gagarina": "named after" joins a longer name the gazetteer lacks
LONGER_NAME_AFTER = re.compile(r"\s+imeni\s+[A-Z]")
# "Villas de los Arcos", "Huertas de San Bernardo", "Central de Abastos", "Praia do
# Futuro": the head of a longer Spanish or Portuguese name the gazetteer lacks (the
# scanner takes the longest known name first; the link words are each language's
# `name_links`); its tail is left alone: "Universidad de Colima", "Col. Insurgentes de
# Iguala" are of Y
SPANISH_LONGER_AFTER = re.compile(
    r"\s+(?:" + union("name_links") + r")\s+(?:(?:la|las|los|el)\s+)?[A-Z]"
)
# "JeM", "SoG", "MoD": an acronym with a capital inside, not a place; "FAMa" (the
# Malian army): capitals with one lower-case letter at the end
MIXED_ACRONYM = re.compile(r"[A-Z][a-z]{1,2}[A-Z][a-z]?|[A-Z]{2,4}[a-z]")
# "Toney White II", "Jaden Rahm, 16,", "Sam Ode, 28, and", "Ana Reyes, 66 and Leo Reyes":
# a person (the first name too); "Allen Superior Court", "Baghdad Street", "Columbine High
# School": a building or street named after a place, not the place
_AGE_SET_OFF = r",\s+\d{1,3}(?:,\s|\s+and\s+[A-Z])"
_NOT_A_SURNAME = (
    r"(?!(?:State|Province|District|County|Region|City|Governorate|Township|Division"
    r"|Department|Municipality|Parish|Town|Village)\b)"
)
PERSON_AFTER = re.compile(
    rf"\s+(?:II|III|IV|Jr\b\.?|Sr\b\.?)(?!\w)|{_AGE_SET_OFF}"
    rf"|\s+{_NOT_A_SURNAME}[A-Z][a-z'’-]+(?:{_AGE_SET_OFF}|,\s+\d{{1,3}}\s+(?:were|are)\b"
    r"|,\s+(?:a|an)\s+\d{1,3}-year-old\b)"
)
# country names that are also given names: "Jordan Smith was killed", "Chad Miller said"
GIVEN_NAME_PLACES = frozenset({"Jordan", "Chad", "Georgia", "Israel", "India", "Kenya"})
GIVEN_NAME_AFTER = re.compile(
    r" (?!(?:Valley|River|Basin|Delta|Lake|Rift|Sea|Gulf|Strait|Highlands|Mountains?|Hills?"
    r"|States?|Street|Avenue|Road|Border|Province|Region|County|City|Times|Tech|Airways|Army"
    r"|Defen[cs]e|Police|Government|Ministry|University|National|Guard|Forces?|Post|Today"
    r"|Tribune|Central|Southern|Northern|Eastern|Western)\b)[A-Z][a-z'’-]{2,}"
    r"(?:,\s|’s\b|'s\b|\s+(?:was|were|is|had|has|said|says|told|who|died)\b)"
)
# "Jordan Harris, a 24-year-old man": after a first name, a surname set off by an age
AGED_APPOSITION_AFTER = re.compile(r",\s+(?:a|an)\s+\d{1,3}-year-old\b")
FIRST_NAME_BEFORE = re.compile(
    r"(?<![\w.'’-])(?!(?:In|At|On|Near|From|The|Of|To|By|Outside|Inside|Across|Around|North"
    r"|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|New|Old|Port"
    r"|Fort|Mount|Lake|San|Santa|Saint|St)\b)[A-Z][a-z]+\s+$"
)
# a person named with an age or a generation ("Floyd Bruce, 19,", "Toney Keith White II"):
# the surname is that person wherever it stands alone in the report
PERSON_NAME = re.compile(
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+|\s+[A-Z]\.)?\s+([A-Z][a-z'’-]+)"
    r"(?:,\s+\d{1,3}(?:,|\s+and\s+[A-Z])|\s+(?:II|III|IV|Jr\.?|Sr\.?)(?!\w))"
)
# what every PERSON_NAME match ends with, a cheap test before that pattern (which tries
# each capital of the text): an age or a generation; two patterns, each with one first
# character the regex engine can skip to, are faster than their alternation
PERSON_AGE_END = re.compile(r",\s+\d{1,3}(?:,|\s+and\s)")
PERSON_GENERATION_END = re.compile(r"\s(?:II|III|IV|Jr|Sr)")
BUILDING_AFTER = re.compile(
    r"\s+(?:(?:Superior|District|Circuit|County|Municipal|Supreme|Criminal)\s+)?"
    r"(?:Court(?:house)?|Streets?|Avenues?|Boulevard|Roads?|Drive|Lane|Bridge|Square|"
    r"(?:High|Middle|Elementary|Junior\s+High)\s+School)\b"
)
# "at 40th and Grand", "near 5th & Main": a street corner, not a town
STREET_CORNER_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:Street\s+|St\.?\s+)?(?:and|&)\s+$")
NAME_AFTER = re.compile(r"\s+(?:(?:de|del|la|las|los|el)\s+)*[A-Z0-9ÁÉÍÓÚÑ]")

# "Shakhta imeni Izotova, Donetsk." / "(Jos North, Plateau)" / "Campos dos Goytacazes
# (Rio de Janeiro)": a name closing a comma phrase or a parenthesis after another name is
# most often the province that contains it
TAIL_BEFORE = re.compile(
    r"[A-Z][\w'’-]*\)?(?:\s+(?:district|village|town|city|area))?(?:,|\s\()\s*$"
)
TAIL_AFTER = re.compile(r"^\s*(?:[.;)]|,\s+(?!and\b|or\b)[a-z]|$)")  # not "Idlib, Hama, and"
TAIL_ADMIN1_BONUS = 1.5

# Words that follow a name and say what it is ("Homs province", "Kulgam district")
TYPE_WORDS = frozenset(
    [
        "province",
        "governorate",
        "state",
        "department",
        "region",
        "district",
        "city",
        "town",
        "village",
        "camp",
        "desert",
        "countryside",
        "valley",
        "mountains",
        "mountain",
        "airport",
        "base",
        "river",
        "bridge",
        "road",
        "highway",
    ]
)


@dataclass(frozen=True)
class Shape:
    """What the words around a name say about it."""

    precision: str | None = None  # near | region | admin1 | None (as the entry says)
    kind_hint: str | None = None  # admin1 | place | city
    source: bool = False
    start_extra: int = 0  # characters of cue before the name that join the phrase
    end_extra: int = 0  # characters after it ("city", "province")
    rule: str = "places.v1"
    part_of: bool = False  # "the rural area of X": a part of the place named


_ORG_HINT = re.compile(
    r"Islamic|ISIS|IS\b|Hay|Ahrar|Jaish|Jaysh|Jabhat|Ansar|Harakat|Liwa|Faylaq|Kata|Asa|Jund|"
    r"Saraya|Tahrir|Fatah|Jama|Ahl|Hurras|(?i:qa\W?[ei]da|shabaa?b|boko)|[Cc]artel|Gang|Observatory|"
    r"Forces|Front|Brigade|Movement|Council|Party|Organi[sz]ation|Network|Battalion|Regiment|"
    r"Division|Corps|Guard|Committee|Commission|Agency|Federation|Alliance|Coalition|Group|"
    r"Liberation|Army|Militia|Mission|Times|News|Post|Tribune|Herald|Gazette|Television|Radio|"
    r"TV|Broadcasting|Company|Airline|Bank|Fund|League|Society|Association|Union|Institute|"
    r"Centre|Center|Foundation|Ministry|Embassy|Consulate|Program|Crescent|Cross|Initiative",
)


def org_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of organisation names (relative to `text`)."""
    spans: list[tuple[int, int]] = []
    if not _ORG_HINT.search(text):
        return spans  # no organisation word at all: skip the costlier patterns
    for pattern in ORG_PATTERNS:
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    return spans


# the last word SOURCE_BEFORE and ADMIN1_BEFORE can end with (before the whitespace)
_LAST_IN_OR_THE = re.compile(r"(?:in|the)\Z", _I)
_LAST_OF_OR_THE = re.compile(r"(?:of|the)\Z", _I)


def _ends_with(before: str, last: re.Pattern[str]) -> bool:
    """Whether `before` ends with whitespace after a word `last` matches: what the
    patterns ending so need, tested on the last three letters only (a search with a
    final `$` tries every position of the text)."""
    stripped = before.rstrip()
    if len(stripped) == len(before):
        return False
    return last.search(stripped, max(0, len(stripped) - 3)) is not None


def shape(before: str, after: str, *, at_text_start: bool) -> Shape:
    """Read the cue words before and after a name (both limited to its sentence)."""
    spaced = before[-1:].isspace()  # the patterns of the text before end with whitespace
    if SOURCE_AFTER.match(after) or (
        _ends_with(before, _LAST_IN_OR_THE) and SOURCE_BEFORE.search(before)
    ):
        return Shape(source=True, rule="places.v1.source")
    if at_text_start and DATELINE_AFTER.match(after) and DATELINE_BEFORE.search(before):
        return Shape(source=True, rule="places.v1.dateline")
    end_extra = 0
    kind_hint = None
    m_admin = ADMIN1_AFTER.match(after) or PLURAL_ADMIN1_AFTER.match(after)
    if (m_admin or (_ends_with(before, _LAST_OF_OR_THE) and ADMIN1_BEFORE.search(before))
            or PROVINCE_WORDS_BEFORE.search(before[-24:])):
        kind_hint = "admin1"
        end_extra = m_admin.end() if m_admin and ADMIN1_AFTER.match(after) else 0
    elif m_place := PLACE_AFTER.match(after):
        kind_hint, end_extra = "place", m_place.end()
    elif AT_BEFORE.search(before[-6:]):
        kind_hint = "place"  # "fired rockets at Mykolaiv": a target is a point, not an oblast
    elif CITY_BEFORE.search(before[-24:]):
        kind_hint = "city"  # "بمدينة غزة": the city, never the country or province
    if spaced and (m := _NEAR_BEFORE_FILTERED.search(before)):
        return Shape("near", kind_hint, False, len(before) - m.start(), end_extra, "places.v1.near")
    if spaced and (m := _REGION_BEFORE_FILTERED.search(before)):
        start = len(before) - m.start(1)
        # "the rural area of X", "the eastern part of X": a part of X (near a town);
        # "rural Damascus", "northern Idlib": the area, as the name's province may be
        part = _OF_AT_END.search(m.group(0)) is not None
        return Shape("region", kind_hint, False, start, end_extra, "places.v1.region", part)
    if m_area := AREA_AFTER.match(after):
        return Shape("region", kind_hint, False, 0, m_area.end(), "places.v1.area")
    if kind_hint == "admin1":
        return Shape("admin1", "admin1", False, 0, end_extra, "places.v1.admin1")
    return Shape(None, kind_hint, False, 0, end_extra)


def previous_word(before: str) -> str:
    """The last word before a name, lower case, without a final full stop."""
    words = before.split()
    return words[-1].lower().rstrip(",") if words else ""
