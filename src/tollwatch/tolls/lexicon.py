"""Word lists of the casualty grammar (`tolls/find.py`), as regular-expression pieces.

Kept apart from the rules so that the vocabulary can grow without touching the
grammar. Every piece is matched case-insensitively (wire text is upper case).
"""

from __future__ import annotations

import re

from ..records import Outcome
from .numbers import SPANISH, TENS, UNITS

# Any binding needs one of these stems, so a sentence without one costs one search.
# Lower case, searched in lower-cased text: nine times faster than IGNORECASE.
PRECHECK = re.compile(
    r"kill|dead|die[ds]?\b|dying|death|fatal|fatil|casualt|wound|injur|hurt|harm|kidnap|abduct"
    r"|hostage|captive|missing|disappear|unaccounted|bod(?:y|ies)|corpse|remains|murder"
    r"|assassin|execut|behead|decapit|dismember|massacr|slain|slaughter|slay|slew|perish"
    r"|li(?:fe|ves)|martyr|lynch|gunned|stabbed|shot|toll|homicid|succumb|passed\s+away"
    r"|maim|hospitali|seiz|snatch|charred|muert|asesin|ejecut|herid|lesionad|secuestr"
    r"|desaparec|cuerpo|cad[aá]ver|ultim|acribill|masacr|fallec|matan|mata|mató|morts|tu[ée]s"
    r"|bless",
)

_KILLED_PASSIVE = (
    r"shot\s+and\s+killed|shot\s+dead|shot\s+to\s+death|gunned\s+down|hacked\s+to\s+death"
    r"|stabbed\s+to\s+death|beaten\s+to\s+death|burn(?:ed|t)\s+(?:to\s+death|alive)"
    r"|tortured\s+to\s+death|lost\s+their\s+lives|lost\s+(?:his|her)\s+li(?:fe|ves)"
    r"|passed\s+away|succumbed|confirmed\s+dead|found\s+dead|lynched|killed|slain|murdered"
    r"|assassinated|executed|beheaded|decapitated|massacred|slaughtered|died|die|dies|dying"
    r"|perished|martyred|dead"
)
_WOUNDED_PASSIVE = (
    r"wounded|injured|hurt|maimed|hospitali[sz]ed|sustained\s+(?:\w+\s+)?injuries"
    r"|suffered\s+(?:\w+\s+)?(?:injuries|wounds)"
)
_ABDUCTED_PASSIVE = (
    r"kidnapped|abducted|taken\s+hostage|held\s+hostage|taken\s+captive|seized|snatched"
)
_MISSING_PASSIVE = r"missing|disappeared|unaccounted\s+for"
PASSIVE = rf"{_KILLED_PASSIVE}|{_WOUNDED_PASSIVE}|{_ABDUCTED_PASSIVE}|{_MISSING_PASSIVE}"

NOMINAL = (
    r"deaths|death|fatalities|fatality|dead\s+bodies|bodies|corpses|killings|murders|homicides"
    r"|executions|assassinations|casualties|injuries|hostages|lives\s+(?:were\s+|have\s+been\s+)?"
    r"lost"
)

ACTIVE = (
    r"shot\s+and\s+killed|shooting\s+and\s+killing|shot\s+dead|shooting\s+dead|shoot\s+dead"
    r"|gunned\s+down|gunning\s+down|claim(?:ed|ing|s)?\s+the\s+lives\s+of"
    r"|t(?:ook|aking|akes)\s+the\s+lives\s+of|cost(?:ing|s)?\s+the\s+lives\s+of"
    r"|killing|killed|kills|kill|murdered|murdering|murders|murder|executed|executing"
    r"|executes|execute|massacred|massacring|massacre|slaughtered|slaughtering|assassinated"
    r"|assassinating|assassinates|assassinate|beheaded|beheading|behead|slew|slay|slaying|lynched|lynching"
    r"|wounding|wounded|wound|injuring|injured|injure|injures|hurting|maiming|maimed"
    r"|kidnapping|kidnapped|kidnaps|kidnap|abducting|abducted|abducts|abduct"
    r"|claimed|claiming|claims|claim|cost|costing|took|taking"
)

_NUMBER_WORDS = "|".join([*UNITS, *TENS, "hundred", "thousand", "dozen", "dozens", "scores"])
_BREAK = (
    r"were|was|is|are|be|been|being|have|has|had|will|would|could|should|may|might|must|can"
    r"|did|does|do|said|says|say|told|according|reportedly|allegedly|in|on|at|during|after"
    r"|before|when|while|as|since|because|near|by|with|without|into|to|for|who|whom|whose"
    r"|which|that|where|but|or|than|if|across|inside|outside|between|among|following|amid"
    r"|despite|through|under|over|upon|against|toward|towards|via|per|including|also"
    r"|attacked|shot|fired|clashed|ambushed|raided|targeted|hit|struck|exploded|detonated"
    r"|arrested|detained|fled|escaped|claimed|announced|stormed|opened|left|leaving"
    r"|resulting|causing|found|burned|burnt|destroyed|damaged|set|rescued|freed|released"
    rf"|{_KILLED_PASSIVE}|{_WOUNDED_PASSIVE}|{_ABDUCTED_PASSIVE}|{_MISSING_PASSIVE}"
    rf"|{NOMINAL}|{ACTIVE}|{_NUMBER_WORDS}"
)
NP_TOKEN = (
    rf"(?<![\w'’.-])['\"“‘#@]?(?!(?:{_BREAK})(?![\w'’-]))[^\W\d_][\w'’.-]*['\"”’]?|\([^()]{{0,60}}\)"
    r"|(?<![\w-])\d+(?:-[^\W\d_]+)+|(?<![\w-])\d+(?:st|nd|rd|th)\b"
)
AUX = (
    r"were|was|have|has|had|been|being|are|is|be|got|get|gets|also|all|both|later"
    r"|subsequently|eventually|then|immediately|instantly|confirmed|reported|feared|believed"
    r"|thought|said|to|left|lay|lying|lie|found|initially|each|now|already|again|still"
    r"|may|might|could|would|will|should|must|not|feared|presumed"
    r"|(?!family\b)[a-z]+ly"
)

PERSON = re.compile(
    r"(?:person|people|persons|individuals?|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?"
    r"|bab(?:y|ies)|infants?|civilians?|soldiers?|officers?|fighters?|militants?|members?"
    r"|commanders?|leaders?|rebels?|insurgents?|guards?|troops?|personnel|youths?|teen\w*"
    r"|minors?|adolescents?|elders?|chiefs?|relatives?|sons?|daughters?|wives|wife|husbands?"
    r"|fathers?|mothers?|brothers?|sisters?|families|bod(?:y|ies)|corpses?|victims?"
    r"|residents?|villagers?|locals?|pilgrims?|refugees?|migrants?|prisoners?|detainees?"
    r"|inmates?|suspects?|hostages?|guerrillas?|terrorists?|jihadists?|combatants?|police"
    r"|cadets?|recruits?|sergeants?|captains?|lieutenants?|colonels?|generals?|majors?"
    r"|corporals?|privates?|agents?|officials?|mayors?|governors?|judges?|priests?|pastors?"
    r"|imams?|clerics?|nuns?|monks?|journalists?|reporters?|doctors?|nurses?|students?"
    r"|teachers?|farmers?|herders?|peasants?|campesinos?|traders?|merchants?|drivers?"
    r"|passengers?|workers?|employees?|activists?|protesters?|demonstrators?|politicians?"
    r"|candidates?|deputies|deputy|ministers?|diplomats?|one|another|others|\w+men|\w+man"
    r"|staff|\d+-years?(?:-old)?|year-olds?|old"
    r"|\w+ists?|\w+ers?|\w+ors?|\w+ians?|\w+ants?|\w+ees?|\w+ies)",
    re.IGNORECASE,
)
TIME_NOUN = re.compile(
    r"(?:days?|weeks?|months?|years?|hours?|minutes?|times|nights?|decades?|km|kilomet\w*"
    r"|miles?|percent|rounds?|shells?|rockets?|missiles?|vehicles?|cars?|trucks?|houses?"
    r"|homes?|buildings?|shops?|villages?|towns?|attacks?|incidents?|bombs?|explosions?"
    r"|raids?|strikes?|airstrikes?|air\s+strikes?|operations?|clashes|areas?|positions?"
    r"|total|lot|series|number|couple|half|quarter|kg|tons?)",
    re.IGNORECASE,
)
KILLED_ADJECTIVE = re.compile(
    r"(?:dead|lifeless|dismembered|decapitated|beheaded|executed|murdered|slain|charred"
    r"|mutilated|tortured|burned|burnt|bullet-riddled|headless|lifeless)",
    re.IGNORECASE,
)

SPANISH_NUMBER = "|".join(sorted(SPANISH, key=len, reverse=True))
_ES_QUALIFIER = r"(?:(?P<q>al\s+menos|m[aá]s\s+de|por\s+lo\s+menos|cerca\s+de|unos|unas)\s+)?"
_ES_OUTCOME = (
    r"muert[oa]s|asesinad[oa]s|ejecutad[oa]s|herid[oa]s|lesionad[oa]s|secuestrad[oa]s"
    r"|desaparecid[oa]s|sin\s+vida|decapitad[oa]s|calcinad[oa]s|descuartizad[oa]s"
    r"|ultimad[oa]s|acribillad[oa]s|masacrad[oa]s|fallecid[oa]s|cuerpos|cad[aá]veres|mueren"
    r"|muertes|homicidios|asesinatos|ejecuciones|embolsados|morts|tu[ée]s|bless[ée]s"
)
_ES_VERB = (
    r"matan|mata|mat[oó]|mataron|asesinan|asesina|asesin[oó]|asesinaron|ejecutan|ejecuta"
    r"|ejecutaron|ultiman|acribillan|masacran|secuestran|levantan|hieren|deja|dejan|dej[oó]"
    r"|fait|font"
)
SPANISH_OUTCOME = re.compile(
    rf"(?<![\w-])(?:(?P<v>{_ES_VERB})\s+(?:a\s+)?)?{_ES_QUALIFIER}"
    rf"(?P<n>\d+|{SPANISH_NUMBER})\s+(?:[^\W\d_]+\s+){{0,3}}?(?P<o>{_ES_OUTCOME})(?![\w-])"
    rf"|(?<![\w-])(?P<o2>{_ES_VERB})\s+a\s+{_ES_QUALIFIER.replace('<q>', '<q2>')}"
    rf"(?P<n2>\d+|{SPANISH_NUMBER})(?![\w-])",
    re.IGNORECASE,
)

_OUTCOME_STEMS: tuple[tuple[Outcome, str], ...] = (
    ("missing", r"missing|disappear|unaccounted|desaparec"),
    ("abducted", r"kidnap|abduct|hostage|captive|seiz|snatch|secuestr|levant"),
    ("wounded", r"wound|injur|hurt|maim|hospitali|herid|lesion|casualt|hieren|bless"),
    ("killed", r"."),
)


def outcome_of(word: str) -> Outcome | None:
    """The outcome an outcome word stands for ("slain" -> "killed"), None for none."""
    lowered = word.lower()
    if not lowered.strip():
        return None
    for outcome, stems in _OUTCOME_STEMS:
        if re.search(stems, lowered):
            return outcome
    return None
