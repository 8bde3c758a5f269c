"""English: the words of the casualty grammar.

English is read by the detailed grammar of `tolls/rules.py`, `tolls/implicit.py` and
`tolls/phrases.py`, written for English word order; those modules take their words
from here. The clause grammar (`tolls/clauses.py`) that reads the other languages has
nothing to add for English, so `WORDS` only names the language and its stems.
"""

from __future__ import annotations

from ...records import Outcome
from .base import TollWords

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# tolls.vague.v1: the smallest count the word can mean ("dozens" = two dozen = 24).
VAGUE_MINIMUM: dict[str, int] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens": 20,
    "several": 3, "a few": 2, "a couple": 2, "a handful": 2, "a dozen or so": 12,
}  # fmt: skip
# Unbounded vague words: a floor but no best figure.
VAGUE_FLOOR: dict[str, int] = {
    "many": 2, "numerous": 2, "a number": 2, "an unknown number": 1, "others": 1,
    "some": 1, "an undetermined number": 1, "an unspecified number": 1,
    "unknown number": 1, "unspecified number": 1, "undetermined number": 1,
}  # fmt: skip

AT_LEAST = r"at\s+least|a\s+minimum\s+of|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than"
# "over 20", never "when it was all over, one person was killed" (the end of something)
MORE = (
    r"more\s+than|(?<!\ball\s)(?<!\bwas\s)(?<!\bis\s)(?<!\bwere\s)(?<!\bare\s)over"
    r"|upwards\s+of|in\s+excess\s+of"
)
NEARLY = r"nearly|almost|close\s+to|just\s+under|just\s+short\s+of"
FEWER = r"fewer\s+than|less\s+than|under"
UP_TO = r"up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|a\s+maximum\s+of"
ABOUT = (
    r"about|around|some|roughly|approximately|approx\.|an\s+estimated|estimated"
    r"|circa|c\.|or\s+so|nearly\s+about"
)

VAGUE = (
    r"(?P<vague>tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds"
    r"|thousands|tens|several|a\s+few|a\s+couple|a\s+handful|many|numerous"
    r"|an?\s+(?:unknown|undetermined|unspecified)\s+number|(?:unknown|undetermined"
    r"|unspecified)\s+number|a\s+number|others)(?![\w-])"
)

# Any binding needs one of these stems (lower case, searched in lower-cased text).
PRECHECK = (
    r"kill|dead|die[ds]?\b|dying|death|fatal|fatil|casualt|wound|injur|hurt|harm|kidnap|abduct"
    r"|hostage|captive|missing|disappear|unaccounted|bod(?:y|ies)|corpse|remains|murder"
    r"|assassin|execut|behead|decapit|dismember|massacr|slain|slaughter|slay|slew|perish"
    r"|li(?:fe|ves)|martyr|lynch|gunned|stabbed|shot|toll|homicid|succumb|passed\s+away"
    r"|maim|hospitali|seiz|snatch|charred|himself|herself|themselves|own\s+li|suicide"
    r"|deceased|not\s+survive|n['’]t\s+survive|supreme|ultimate\s+sacrifice|shahadat|neutrali"
)

# US local news: "a 23-year-old man was fatally shot", "pronounced dead at the scene".
FATAL = (
    r"fatally\s+(?:shot|stabbed|struck|wounded|injured|beaten|hit|gunned\s+down)"
    r"|(?:shot|stabbed|wounded|injured)\s+fatally|pronounced\s+(?:brain[\s-]?)?(?:dead|deceased)"
    r"|declared\s+(?:brain[\s-]?)?(?:dead|deceased)"
    r"|found\s+shot\s+(?:dead|to\s+death)|shot\s+(?:and|&)\s+killed|killed\s+by\s+gunfire"
)
KILLED_PASSIVE = (
    rf"{FATAL}|shot\s+and\s+killed|shot\s+dead|shot\s+to\s+death|gunned\s+down|hacked\s+to\s+death"
    r"|stabbed\s+to\s+death|beaten\s+to\s+death|burn(?:ed|t)\s+(?:to\s+death|alive)"
    r"|tortured\s+to\s+death|lost\s+their\s+lives|lost\s+(?:his|her)\s+li(?:fe|ves)"
    r"|passed\s+away|succumbed|confirmed\s+dead|found\s+dead|lynched|killed|slain|murdered"
    r"|assassinated|executed|beheaded|decapitated|massacred|slaughtered|died|die|dies|dying"
    r"|perished|martyred|dead"
    # a force's own dead in its statements: "five soldiers paid the supreme price",
    # "six soldiers embraced martyrdom" (or "shahadat")
    r"|paid\s+the\s+(?:supreme|ultimate)\s+price|made\s+the\s+(?:supreme|ultimate)\s+sacrifice"
    r"|embraced\s+(?:martyrdom|shahadat)"
)
WOUNDED_PASSIVE = (
    r"wounded|injured|hurt|maimed|hospitali[sz]ed|sustained\s+(?:\w+\s+)?injuries"
    r"|suffered\s+(?:\w+\s+)?(?:injuries|wounds)"
)
ABDUCTED_PASSIVE = (
    r"kidnapped|abducted|taken\s+hostage|held\s+hostage|taken\s+captive|seized|snatched"
)
MISSING_PASSIVE = r"missing|disappeared|unaccounted\s+for"
PASSIVE = rf"{KILLED_PASSIVE}|{WOUNDED_PASSIVE}|{ABDUCTED_PASSIVE}|{MISSING_PASSIVE}"

NOMINAL = (
    r"deaths|death|fatalities|fatality|dead\s+bodies|bodies|corpses|killings|murders|homicides|slayings"
    r"|executions|assassinations|casualties|injuries|hostages|lives\s+(?:were\s+|have\s+been\s+)?"
    r"lost"
)

ACTIVE = (
    r"fatally\s+(?:shot|shooting|shoots|stabbed|stabbing|wounded|wounding|injured|injuring)"
    r"|shot\s+and\s+killed|shooting\s+and\s+killing|shot\s+dead|shooting\s+dead|shoot\s+dead"
    # "hacked and shot to death at least 38 villagers", "stabbed to death two guards"
    r"|(?:(?:hacked|shot|stabbed|beaten|beat|bludgeoned|clubbed|burned|burnt|hacking|shooting"
    r"|stabbing|beating)\s+(?:and\s+)?){1,2}to\s+death"
    r"|gunned\s+down|gunning\s+down|claim(?:ed|ing|s)?\s+the\s+lives\s+of"
    r"|t(?:ook|aking|akes)\s+the\s+lives\s+of|cost(?:ing|s)?\s+the\s+lives\s+of"
    r"|killing|killed|kills|kill|murdered|murdering|murders|murder|executed|executing"
    r"|executes|execute|massacred|massacring|massacre|slaughtered|slaughtering|assassinated"
    r"|assassinating|assassinates|assassinate|beheaded|beheading|behead|slew|slay|slaying|lynched|lynching"
    r"|wounding|wounded|wounds|wound|injuring|injured|injure|injures|hurting|maiming|maimed"
    r"|kidnapping|kidnapped|kidnaps|kidnap|abducting|abducted|abducts|abduct|seized|seizing"
    r"|claimed|claiming|claims|claim|cost|costing|took|taking"
    # an army's word for its kills, of armed men only (tolls/rules.py, ARMED_MEN): "troops
    # neutralised 35 terrorists", never "neutralised two IEDs"
    r"|neutrali[sz]ed|neutrali[sz]ing|neutrali[sz]es"
)
# Whom an army's "neutralised" kills: armed men, never things ("two IEDs").
ARMED_MEN = (
    r"\b(?:terrorists?|militants?|bandits?|insurgents?|jihadists?|gunmen|rebels?|khawarij|khwarij"
    r"|kharijis?|extremists?|attackers|assailants|fighters|criminals|kidnappers)\b"
)

NUMBER_WORDS = "|".join([*UNITS, *TENS, "hundred", "thousand", "dozen", "dozens", "scores"])
BREAK_WORDS = (
    r"were|was|is|are|be|been|being|have|has|had|will|would|could|should|may|might|must|can"
    r"|did|does|do|said|says|say|told|according|reportedly|allegedly|in|on|at|during|after"
    r"|before|when|while|as|since|because|near|by|with|without|into|to|for|who|whom|whose"
    r"|which|that|where|but|or|than|if|across|inside|outside|between|among|following|amid"
    r"|despite|through|under|over|upon|against|toward|towards|via|per|including|also"
    r"|attacked|shot|fired|clashed|ambushed|raided|targeted|hit|struck|exploded|detonated"
    r"|arrested|detained|fled|escaped|claimed|announced|stormed|opened|left|leaving"
    r"|resulting|causing|found|burned|burnt|destroyed|damaged|set|rescued|freed|released"
    rf"|{KILLED_PASSIVE}|{WOUNDED_PASSIVE}|{ABDUCTED_PASSIVE}|{MISSING_PASSIVE}"
    rf"|{NOMINAL}|{ACTIVE}|{NUMBER_WORDS}"
)
AUX = (
    r"were|was|have|has|had|been|being|are|is|be|got|get|gets|also|all|both|later"
    r"|subsequently|eventually|then|immediately|instantly|confirmed|reported|feared|believed"
    r"|thought|said|to|left|lay|lying|lie|found|initially|each|now|already|again|still"
    r"|may|might|could|would|will|should|must|not|feared|presumed"
    r"|(?!family\b)[a-z]+ly"
)

PERSON = (
    r"(?:person|people|persons|individuals?|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?"
    r"|bab(?:y|ies)|infants?|civilians?|soldiers?|officers?|fighters?|militants?|members?"
    r"|commanders?|leaders?|rebels?|insurgents?|guards?|troops?|personnel|youths?|teen\w*"
    r"|minors?|adolescents?|elders?|chiefs?|relatives?|sons?|daughters?|wives|wife|husbands?"
    r"|(?:girl|boy)friends?|friends?|fianc[ée]{1,2}s?|spouses?|cousins?|nephews?|nieces?"
    r"|uncles?|aunts?|grand(?:sons?|child(?:ren)?)|step(?:sons?|child(?:ren)?)|kids?|tots?"
    r"|roommates?|classmates?|co-?workers?|neighbou?rs?|colleagues?|clerks?|patrons?|guests?"
    r"|fathers?|mothers?|brothers?|sisters?|families|bod(?:y|ies)|corpses?|victims?"
    r"|residents?|villagers?|locals?|pilgrims?|refugees?|migrants?|prisoners?|detainees?"
    r"|inmates?|suspects?|hostages?|captives?|abductees?|guerrillas?|terrorists?|jihadists?|combatants?|police"
    r"|cadets?|recruits?|sergeants?|captains?|lieutenants?|colonels?|generals?|majors?"
    r"|corporals?|privates?|agents?|officials?|mayors?|governors?|judges?|priests?|pastors?"
    r"|imams?|clerics?|nuns?|monks?|journalists?|reporters?|doctors?|nurses?|students?"
    r"|teachers?|farmers?|herders?|peasants?|campesinos?|traders?|merchants?|drivers?"
    r"|passengers?|workers?|employees?|activists?|protesters?|demonstrators?|politicians?"
    r"|candidates?|deputies|deputy|ministers?|diplomats?|one|another|others|\w+men|\w+man"
    r"|staff|\d+-years?(?:-old)?|year-olds?|old"
    r"|\w+ists?|\w+ers?|\w+ors?|\w+ians?|\w+ants?|\w+ees?|\w+ies)"
)
TIME_NOUN = (
    r"(?:days?|weeks?|months?|years?|hours?|minutes?|times|nights?|decades?|km|kilomet\w*"
    r"|miles?|percent|rounds?|shells?|rockets?|missiles?|vehicles?|cars?|trucks?|houses?"
    r"|homes?|buildings?|shops?|villages?|towns?|attacks?|incidents?|bombs?|explosions?"
    r"|raids?|strikes?|airstrikes?|air\s+strikes?|operations?|clashes|areas?|positions?"
    r"|total|lot|series|number|couple|half|quarter|kg|tons?)"
)
KILLED_ADJECTIVE = (
    r"(?:dead|lifeless|dismembered|decapitated|beheaded|executed|murdered|slain|charred"
    r"|mutilated|tortured|burned|burnt|bullet-riddled|headless|lifeless)"
)

# Which outcome an outcome word stands for: the first stem found wins ("." = killed).
OUTCOME_STEMS: tuple[tuple[Outcome, str], ...] = (
    ("killed", r"fatal|pronounced|declared"),
    ("missing", r"missing|disappear|unaccounted"),
    ("abducted", r"kidnap|abduct|hostage|captive|seiz|snatch"),
    ("wounded", r"wound|injur|hurt|maim|hospitali|casualt"),
    ("killed", r"."),
)

# "the toll could be as high as 10": a possibility, not a count (incidents/hedge.py)
HEDGE = (
    r"(?:could|might|may)\s+(?:(?:well|even|rise|climb|reach|go|be|have)\s+){1,3}"
    r"(?:as\s+high\s+as|to|up\s+to|more\s+than|over|at)?"
)
# "as many as 100 people may have been killed": the possibility told on the figure's verb
HEDGE_AFTER = (
    r"(?:[\w-]+\s+){0,2}(?:may|might|could)\s+(?:well\s+|even\s+)?have\s+"
    r"(?:been\s+killed|died|perished)\b"
)
# The forces' own deed told by their speaker in the past perfect, a party's claim
# (tolls/sentence_flags.py `_CLAIM`): "an army spokesman said troops had pursued the
# attackers and killed six of them", "police said officers, backed by ..., had killed four
# gang members".
FORCES_PAST_CLAIM = (
    r"\bsaid\s+(?:that\s+)?(?:troops|soldiers|officers|security\s+forces|government\s+forces"
    r"|the\s+security\s+forces)\b(?:,[^,;]{1,80},)?\s+had\s+(?:[a-z]+\s+){0,4}?"
    r"(?:killed|neutrali[sz]ed|eliminated)\s+(?:\w+\s+){0,3}?(?:rebels|militants|insurgents"
    r"|fighters|gang\s+members|gunmen|attackers|terrorists|jihadists|bandits|of\s+them)\b"
)
# Another source's count of the same dead, set after a figure in its sentence ("Local
# media reported nine deaths, while a spokesman for the front said eight people had
# died"): flag `other_source` (tolls/sentence_flags.py), never summed with the figure
# before it (incidents/figures.py).
OTHER_COUNT = (
    r",\s+(?:while|whereas|but)\s+[^,.;]{0,80}?\b(?:said|says|put|puts|reported|reports"
    r"|counted|gave|told)\b"
)
WORDS = TollWords(code="en", name="English", precheck=PRECHECK, hedge=HEDGE,
                  hedge_after=HEDGE_AFTER)
