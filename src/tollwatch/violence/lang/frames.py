"""Words that frame deaths as something other than violence done by people.

Read by `violence/relevance.py`. Each frame is a lower-case regex (matched against
lower-cased text, no flags) per language; English first, with the words of the other
languages read where they are short and safe. A sentence whose words match a frame
tells of a disaster, an accident, an illness, a court case, an anniversary, a story
or a game; its weak or ambiguous violence words ("killed", "explosion", "massacre")
then do not make the report one of violence.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# frame name -> (a label for the reason, the pattern)
FRAMES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "disaster": (
            "a natural disaster",
            r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|floods?|flooding|flooded|"
            r"flood\s*waters|landslides?|mudslides?|cyclones?|hurricanes?|typhoons?|"
            r"tornado(?:es)?|storms?|monsoon|heavy\s+rains?|torrential|avalanches?|tsunamis?|"
            r"volcan\w*|eruptions?|wildfires?|bushfires?|forest\s+fires?|heat\s*waves?|"
            r"lightning|droughts?|drown\w*|magnitude|séismes?|inondations?|terremotos?|"
            r"inundaciones|sismo)\b",
        ),
        "accident": (
            "an accident",
            r"\b(?:crash(?:ed|es)?|collisions?|collided|plung(?:e|ed|es|ing)|skidded|derail\w*|capsiz\w*|"
            r"sank|shipwrecks?|stampedes?|crowd\s+(?:crush|surge)\w*|crush(?:ed)?\s+to\s+death|"
            r"(?:deadly|fatal)\s+crush|overturned|road\s+accidents?|traffic\s+accidents?|"
            r"accidents?|building\s+collapse\w*|collapsed|blaze|fire\s+broke\s+out|"
            r"caught\s+fire|house\s+fire|electrocut\w*|accidente|naufragio"
            # a road crash told without the word: "when their car hit a tree", "ran off the
            # road", "lost control on a curve", "a wrong-way driver"
            r"|(?:car|vehicle|truck|suv|pickup|van|motorcycle)\s+(?:they\s+were\s+(?:riding|"
            r"travel(?:l)?ing)\s+in\s+)?(?:hits?|hit|struck|strikes|slammed|slams)\s+(?:into\s+)?"
            r"(?:a|an|the)\s+(?:tree|pole|utility\s+pole|wall|guardrail|ditch|median|bridge)"
            r"|ran\s+off\s+the\s+road|lost\s+control\s+of\s+(?:the|his|her|their)\s+(?:car"
            r"|vehicle|truck|suv|motorcycle)|lost\s+control\s+(?:on|in)\s+a\s+curve"
            r"|wrong-way\s+(?:driver|crash|collision)|head-on"
            # "a fire that swept through the market", "a market fire"
            r"|fires?\s+(?:that\s+|which\s+)?(?:swept|ravaged|gutted|engulfed|tore|raced|spread)"
            r"|(?:market|building|hotel|hospital|factory|warehouse|apartment|shop|nightclub)\s+fire"
            # "a bus fell into a ravine", "veered off the road into a gorge"
            r"|(?:fell|falls|fallen|veered|rolled|tumbled)\s+(?:off\s+(?:a|the)\s+\w+\s+)?"
            r"(?:in)?to\s+(?:a|the)\s+(?:deep\s+)?(?:ravine|gorge|river|canal|ditch|valley))\b",
        ),
        "industrial": (
            "an industrial accident",
            r"\b(?:coal\s+mines?|gold\s+mines?|mine\s+shafts?|mining|miners?|methane|"
            r"gas\s+(?:leak|explosion|cylinders?|blast)|boilers?|tankers?|fuel\s+trucks?|"
            r"fireworks?|factory\s+fires?|chemical\s+plant|pipeline\s+(?:explosion|fire|blast)|"
            r"spilled\s+(?:fuel|petrol|gasoline))\b",
        ),
        "disease": (
            "an illness or epidemic",
            r"\b(?:cholera|outbreaks?|epidemics?|pandemic|virus|covid\w*|coronavirus|ebola|"
            r"measles|malaria|dengue|diseases?|infections?|influenza|flu"
            # a natural death told with the age: "war photographer dies at 81"
            r"|dies\s+at\s+\d{2,3}|died\s+(?:peacefully|of\s+natural\s+causes)"
            # drugs: "overdoses kill 5 in 24 hours", "a bad batch of fentanyl"
            r"|overdos\w*|fentanyl|opioids?"
            r"|at\s+the\s+age\s+of\s+\d{2,3})\b",
        ),
        "court": (
            "a court case",
            r"\b(?:sentenced|sentencing|sentences|convicted|conviction|verdict|jury|jurors|trial|"
            r"jails|courts?|"
            r"pleaded\s+guilty|found\s+(?:him|her|them)\s+guilty|jailed\s+for|death\s+sentences?|acquitted|appeals?\s+court|high\s+court|life\s+in\s+prison|"
            r"years?\s+in\s+prison|parole|execution\s+dates?|"
            r"condamn(?:[ée]\w*|ations?)|cour\s+d['’]appel|condenad\w*|tribunal|procès|juicio|"
            r"julgamento|sentencia|sentença|ans\s+de\s+prison|años\s+de\s+prisión|anos\s+de\s+prisão|"
            r"réclusion|perpétuité|cadena\s+perpetua|prisão\s+perpétua)\b"
            # Arabic: a court, a sentence to death or prison ("تقضي بإعدام", "حكماً بالسجن")
            r"|(?<!\S)[وبل]?(?:ال)?(?:محكمة|محاكمة)|(?:بالإعدام|بالاعدام|بالسجن)(?!\S)"
            r"|(?<!\S)(?:تقضي|يقضي|قضت)\s+(?:بإعدام|باعدام|بسجن)"
            # a sentence passed: "الحكم بإعدام 5 مدانين", "أحكام بسجن"
            r"|(?<!\S)[وبل]?(?:ال)?(?:حكم|حكما|حكماً|أحكام|احكام)\s+(?:بإعدام|باعدام|بسجن)",
        ),
        "anniversary": (
            "an anniversary of an earlier event",
            r"\b(?:anniversary|commemorat\w+|years?\s+since|years\s+ago|memorial|remembrance|"
            r"remember(?:s|ed|ing)?|"
            r"anniversaire|aniversario)\b",
        ),
        "obituary": (
            "an obituary",
            r"\b(?:obituary|(?:dies|died|dead)\s+(?:at|aged)\s+\d{2,3})\b",
        ),
        "fiction": (
            "a story (film, book, game)",
            r"\b(?:films?|movies?|novels?|documentar(?:y|ies)|tv\s+series|episodes?|plot|"
            r"thriller|box\s+office|video\s*games?|starring|stars\s+as|director|screenplay|"
            r"characters?|sequel|cinema|película|roman)\b",
        ),
        "sport": (
            "sport",
            r"(?:\b\d{1,3}\s*[-–]\s*\d{1,3}\b(?!\s*(?:year|yr))|\b(?:matche?s?|league|season|"
            r"goals?|cup|teams?|coach|innings|striker|midfielder|defeat|victory|rout|"
            r"championship|tournament|half-?time|penalt(?:y|ies)|scored|opponents?|derby|"
            r"fixtures?|kick-?off|scorers?|\d+(?:st|nd|rd|th)\s+minute)\b)",
        ),
        "politics": (
            "a figure of speech (a bill, a deal killed)",
            r"\b(?:kill(?:ed|s|ing)?|shot\s+down|shoots?\s+down|torpedo\w*)\s+"
            r"(?:off\s+)?(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w-]+\s+)?"
            r"(?:bill|motion|deal|proposal|plan|amendment|legislation|measure|reform|idea|"
            r"contest|game|match|rally|chances?|hopes?)\b"
            # an election lost by a wide margin: "the opposition was massacred at the polls",
            # "'massacred' in Saturday's regional election"
            r"|\b(?:massacred|slaughtered|decimated|annihilated|routed|wiped\s+out)\W{0,2}\s+"
            r"(?:[\w'’-]+\s+){0,4}?(?:polls?|elections?|vote|ballot|by-elections?)\b",
        ),
    }
)

# A headline that names the report a critic's review ("Review: 'The Long Night' is a
# gripping war film"): once the lead tells a story (film, book, game), every sentence of
# the report is the story's, the plot's deaths included.
# A quoted title may come first: "'Module Nine' review: a prison-riot thriller ...".
REVIEW_HEADLINE = (r"^\W*(?:['‘’\"“”][^'‘’\"“”]{1,60}['‘’\"“”]\s+)?"
                   r"(?:(?:film|movie|book|tv|theatre|theater|series|game)\s+)?review\s*[:|–—-]")

# Frames that need two different words of the frame in the report's lead before they
# count (one "season" or "director" is no sports or film story).
TWO_WORD_FRAMES = ("fiction", "sport")

# Violence words that hold even inside a framed sentence: people did it ("gunmen
# attacked the mine", "a shooting at the match").
HUMAN_VIOLENCE = (
    r"\b(?:gunm[ae]n|gunfire|shoot\w*|shot\s+(?:dead|and\s+killed)|opened\s+fire|"
    r"fired\s+(?:on|at)|bomb\w*|attack\w*|raid\w*|clash\w*|air\s*strikes?|drone\s+strikes?|"
    r"ambush\w*|stabb\w*|militants?|insurgents?|rebels?|jihadists?|terror\w*|suicide\s+"
    r"bomb\w*|grenades?|mortars?|shell(?:ing|ed)|rockets?|murder\w*|assassinat\w*|"
    r"executed|beheaded|lynch\w*|arson\w*|set\s+fire\s+to)\b"
)

# Years and phrases that place an event long before the report ("in 2018", "last year").
OLD_EVENT = (
    r"\b(?:in|of|since|en|de|du|depuis|desde|em|do|da)\s+(?:19|20)\d\d\b|\blast\s+year\b"
    # a month or a part of the year between: "in January 2021", "since November 2023",
    # "in late 2023", "in mid-2022", "in the summer of 2019"
    r"|\b(?:in|since|until|by)\s+(?:(?:late|early|mid)-?\s*|the\s+(?:summer|winter|spring"
    r"|autumn|fall|end)\s+of\s+|(?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december)\s+)(?:19|20)\d\d\b"
    r"|\byears\s+ago\b|\bdecades?\b"
    # "a 2014 attack", "over 2014 village massacre"
    r"|\b(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}(?:attacks?|bombings?|massacres?|shootings?|killings?|"
    r"raids?|ambush)\b|l'(?:an|année)\s+dernière?\b|\bil\s+y\s+a\s+\w+\s+ans\b"
    r"|\b(?:el|o)\s+(?:año|ano)\s+pasado\b|\bhace\s+\w+\s+años\b|\bhá\s+\w+\s+anos\b"
    # a full date in French, Spanish or Portuguese: "du 28 septembre 2009", "el 8 de
    # septiembre de 2024" (its year compared with the report's)
    r"|\b\d{1,2}(?:er|º)?\s+(?:de\s+)?(?:janvier|février|mars|avril|mai|juin|juillet|août"
    r"|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio"
    r"|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio"
    r"|junho|julho|setembro|outubro|novembro|dezembro)\s+(?:de\s+)?(?:19|20)\d\d\b"
    # Arabic: "في عام 2019", "سنة 2014", "العام الماضي" (last year)
    r"|(?<!\S)[وفل]?(?:ال)?(?:عام|سنة)\s+(?:19|20)\d\d(?!\d)|(?<!\S)[وف]?(?:ال)?عام\s+الماضي(?!\S)"
)

# A sentence that opens on "that day": its day is the one the sentence before named
# ("... le massacre du 28 septembre 2009. Ce jour-là, au moins 156 personnes ...").
THAT_DAY = (
    r"^\W*(?:on\s+that\s+day|that\s+day|ce\s+jour-là|(?:ese|aquel)\s+d[ií]a"
    r"|(?:nesse|naquele)\s+dia)\b"
)

# A sentence whose subject points back at the deeds the sentence before told ("Those
# attacks were claimed by separatist groups", "Both killings ..."): its time is theirs.
THOSE_DEEDS = (
    r"^\W*(?:those|these|both|the\s+two|the\s+earlier)\s+(?:[\w-]+\s+)?(?:attacks?|killings?"
    r"|massacres?|bombings?|raids?|shootings?|ambush(?:es)?|assaults?)\b"
)

# A headline of a remembrance ("Nation remembers APS martyrs on 10th anniversary"): the
# whole report tells of the event remembered unless a sentence tells of people's violence
# of its own day.
ANNIVERSARY_HEADLINE = (
    r"\b(?:anniversary|commemorat\w+|years?\s+(?:since|on|after|later)|remembrance|aniversario|"
    r"anniversaire)\b"
)

# A gun death framed as an accident ("accidentally shot himself", "hunting accident"):
# monitors of gun violence count it, so the accident frame does not rule it out.
FIREARM = (
    r"\b(?:hunting|gun\w*|shot|shoots?|shooting|firearms?|pistol|rifle|shotgun|bullets?"
    # the other languages' shots: "cinco corpos com marcas de tiros", "a balazos"
    r"|tiros|balazos|baleados?|baleadas?|disparos|armas?\s+de\s+(?:fogo|fuego))\b"
)
