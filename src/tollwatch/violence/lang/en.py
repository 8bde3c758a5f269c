"""English: the event-cue rows of `tollwatch.violence` (docs/events.md, "Event cues").

Each `CueRule` is a lower-case pattern with what it means (event type, sub-event
type, strength) and the context that confirms or rejects it: a figurative phrase
after or before it ("heart attack", "attacked the plans"), an armed subject it
needs ("regime forces shell ..."), an armed party it needs nearby ("fought with
the rebels"), or a context that raises its strength ("gunmen kill a man").
Order matters: the first rule that matches at a position wins, so specific forms
come first ("suicide car bomb" before "car bomb" before "bomb").
"""

from __future__ import annotations

from .base import CueRule, ViolenceWords

# What a verbal attack is aimed at: "attacked the government's plans", "blasts Tory spending".
_FIG_OBJECT = (
    r"\s+(?:(?:on|against)\s+)?(?:the\s+)?(?:[\w-]+['’]s?\s+|[\w-]+\s+){0,2}(?:plans?|moves?|"
    r"policy|policies|proposals?|remarks|report|record|critics|bill|budget|euro|dollar|pound|"
    r"currency|prices?|shares?|stocks?|market|decision|comments|speech|claims|idea|reforms?|"
    r"tax|taxes|immigration|leadership|manifesto|ministers?|opponents?|rivals?|chancellor|"
    r"party|tories|labour|spending|strategy|handling|regulators?|"
    r"government(?!\s+(?:troops|forces|soldiers|positions|buildings?|offices?|convoy|targets?|"
    r"security|army|military|police|patrols?|checkpoints?|bases?)))\b"
)

# Armed men, weapons platforms and armed groups named by a common noun. Named groups
# (IS, the Taliban) are the actor dictionary's business, not the cue table's.
_ARMED = (
    r"\b(?:gunm[ae]n|hitm[ae]n|sicarios?|militants?|rebels?|insurgents?|guerrill?as?|"
    r"jihadists?|fighters|militiam[ae]n|militias?|paramilitar\w*|soldiers?|troops|army|"
    r"forces|regime|factions?|cartels?|gang\s+members|gangsters|attackers|assailants|"
    r"shooters|snipers?|terrorists?|drones?|warplanes?|jets|helicopters?|aircraft|artillery|"
    r"bandits|mercenaries|death\s+squads?|coalition|organi[sz]ation|"
    r"armed\s+(?:m[ae]n|groups?|individuals|persons|people)|"
    r"(?:hooded|masked|unknown|unidentified)\s+(?:m[ae]n|persons|individuals|people|shooters))\b"
)
# Who speaks of a killing as a political one: an armed party near the verb, or a
# victim whose killing is rarely an accident.
_KILL_CONTEXT = (
    _ARMED + r"|\bpolice(?:m[ae]n)?\b|\bkilled\s+by\b|\b(?:journalists?|reporters?|activists?|"
    r"mayors?|candidates?|commanders?|leaders?|civilians?|politicians?|judges?|prosecutors?|"
    r"informants?|narco\w*|elders?|clerics?|priests?|village\s+(?:heads?|chiefs?))\b"
)
# Armed parties that are not the state's police: "QSD fighters detained" is an
# abduction (ACLED), "police detained" is an arrest.
_NON_STATE = (
    r"\b(?:fighters|militants?|rebels?|militiam[ae]n|militias?|gunm[ae]n|insurgents?|"
    r"jihadists?|guerrill?as?|armed\s+(?:m[ae]n|groups?)|(?<!security\s)(?<!police\s)forces|"
    r"division|brigade|front)\b[^.;]*$"
)
# "found the governing body": words between a finding verb and "body" that make it an organisation
# An armed subject right before its verb: "regime forces shell", "gunmen have targeted".
_ARMED_SUBJECT = (
    _ARMED + r"(?:\s+(?:again|also|have|has|had|continue[sd]?|to|renew(?:ed|s)?|\w+ly))*\s*$"
)
_NOT_A_BODY_OF_PEOPLE = (
    r"(?:(?!governing|regulatory|advisory|professional|student|independent|international|"
    r"umbrella|public|official|watchdog|industry|trade|ruling|new|national)[\w-]+\s+){0,4}?"
)
_AIRCRAFT = (r"\b(?:warplanes?|jets|aircraft|helicopters?|air\s*forces?|drones?|bombers|"
             r"su-\d+|mig-\d+|f-\d+)\b")
_PROTEST = r"\b(?:demonstrat\w+|protest\w*|rioters?|mobs?|crowds?|students|youths)\b"
_PERSON = (
    r"(?:(?:a|an|the|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten|\d)\s+)?"
    r"(?:[\w-]+\s+)?(?:m[ae]n|wom[ae]n|persons?|people|boys?|girls?|youths?|teenagers?|"
    r"child|children|couple|drivers?|motorcyclists?|taxi\s+drivers?|teachers?|police\w*|"
    r"officers?|soldiers?|agents?|civilians?|students?|journalists?|lawyers?|citizens|"
    r"villagers|residents|protesters|demonstrators|him|her|them|son|brother|father|mother)\b"
)

# Order matters: the first alternative that matches at a position wins, so the
# more specific forms come first ("suicide car bomb" before "car bomb" before "bomb").
CUE_RULES: tuple[CueRule, ...] = (
    CueRule(r"suicide\s+(?:car\s+|truck\s+)?(?:bomb(?:er|ers|ing|ings|s)?|attack(?:er|ers|s)?)|"
            r"blew\s+(?:him|her|them)sel(?:f|ves)\s+up|explosive\s+(?:vest|belt)s?",
            "explosion_remote_violence", "suicide_bomb", 1.0),
    CueRule(r"drone\s+(?:strike|attack)s?|(?:struck|hit|targeted)\s+by\s+(?:a\s+)?drones?|"
            r"armed\s+drones?",
            "explosion_remote_violence", "drone_strike", 1.0),
    CueRule(r"air\s*-?\s*strikes?|air\s+raids?|aerial\s+(?:bombardment|attack|bombing|strike)s?|"
            r"air\s+attacks?|(?:barrel\s+bombs?|explosive\s+barrels?)|(?:warplanes?|jets|aircraft|"
            r"helicopters)\s+(?:struck|strike|bombed|bomb|hit|targeted|targets?|attacked|attack|"
            r"pounded|pound|raided|raid)|(?:bombed|strafed)\s+by\s+(?:aircraft|warplanes|planes|"
            r"helicopters)|helicopter\s+gunships?",
            "explosion_remote_violence", "air_strike", 1.0),
    # "conducted strikes", "warplanes escalate the raids": strikes and raids by aircraft
    CueRule(r"strikes?|raids?", "explosion_remote_violence", "air_strike", 1.0,
            needs_near=_AIRCRAFT),
    CueRule(r"shell(?:s|ed|ing)?\s+(?:the\s+)?(?:areas?|towns?|villages?|city|cities|positions?|"
            r"neighbou?rhoods?|countryside|outskirts|districts?|camps?)|shells\s+(?:target\w*|"
            r"hit|fell|fall|falling|landed|struck)|fall\s+of\s+(?:\w+\s+)?(?:shells?|rockets?|"
            r"missiles?|mortars?)|shelling|shelled|"
            r"artillery(?:\s+(?:fire|shells?|attacks?|barrage|strikes?))?|"
            r"mortar(?:s|\s+(?:rounds?|shells?|fire|attacks?|bombs?))?|"
            r"rockets?\s+(?:fire|attacks?|strikes?|hit|landed|struck|slammed|fall|fell)|"
            r"missile\s+(?:strikes?|attacks?|hit|struck)|(?:fired|launched)\s+(?:[\w-]+\s+){0,4}?"
            r"(?:rockets?|missiles?|mortars?|munitions|ammunition|shells|projectiles|artillery)|"
            r"cluster\s+(?:munitions?|bombs?|ammunition)|multiple\s+rocket\s+launchers?|"
            r"(?:with|fired)\s+(?:an?\s+)?rpgs?|katyushas?|bombard(?:ed|ment|ments|ing)",
            "explosion_remote_violence", "shelling", 1.0,
            figurative_after=r"\s+(?:by|with)\s+(?:\w+\s+)?(?:people|calls|e-?mails|requests|"
                             r"questions|letters|messages|complaints|offers|spam|ads|adverts|"
                             r"information|images|advertising)"),
    # "the regime forces shell Douma": the verb after an armed subject
    CueRule(r"shell(?:s|ed)?", "explosion_remote_violence", "shelling", 1.0,
            needs_before=_ARMED_SUBJECT),
    CueRule(r"improvised\s+explosive\s+devices?|\bieds?\b|roadside\s+bombs?|land\s*-?\s*mines?|"
            r"mine\s+(?:explosion|blast)|booby[\s-]+trap(?:ped|s)?|(?:explosive|incendiary)\s+"
            r"devices?",
            "explosion_remote_violence", "ied", 1.0),
    CueRule(r"(?:hand\s+)?grenades?", "explosion_remote_violence", "grenade", 1.0),
    CueRule(r"(?:car|truck|parcel|letter|motorcycle)\s+bombs?|"
            r"blew\s+up\s+(?:and\s+\w+\s+)?(?:[\w-]+\s+){0,3}?(?:towers?|bridges?|pipelines?|"
            r"vehicles?|cars?|trucks?|buildings?|houses?|homes?|tanks?|railways?|rail\s+lines?|"
            r"power\s+lines?|pylons?|offices?|stations?|checkpoints?)",
            "explosion_remote_violence", "remote_explosive", 1.0),
    CueRule(r"bomb(?:s|ing|ings|ed)?|explosions?|explod(?:ed|es|ing)|blasts?|detonat(?:ed|ion|"
            r"ions)|dynamite|dynamited|explosives",
            "explosion_remote_violence", "remote_explosive", 0.9,
            figurative_after=r"\s+(?:in|of)\s+(?:\w+\s+)?(?:growth|demand|interest|popularity|"
                             r"sales|prices|use|numbers|activity|colou?r|creativity)|"
                             + _FIG_OBJECT,
            figurative_before=r"(?:ticking|time|sex|box[\s-]+office|stink|baby|population|"
                              r"pension|tax|debt|demographic|media|data|content|price|sales|"
                              r"growth|demand|reading|usage|traffic|web|internet|blog|"
                              r"information|social|economic)[\s-]+$"),
    CueRule(r"ambush(?:ed|es|ing)?", "battle", "ambush", 1.0),
    CueRule(r"clash(?:es|ed)?|firefights?|gun\s*-?battles?|gunfights?|exchanges?\s+of\s+(?:gun)?"
            r"fire|(?:exchang|trad)(?:ed|ing|e)\s+(?:heavy\s+)?(?:gun)?fire|skirmish(?:es)?|"
            r"shoot[\s-]*outs?|"
            r"armed\s+confrontations?|bursts?\s+of\s+(?:[\w-]+\s+)?fire|small[\s-]+arms(?:\s+fire)?|"
            r"(?:heavy\s+)?machine[\s-]*guns?(?:\s+fire)?|automatic\s+(?:weapons?\s+)?fire|"
            r"(?:killed|died)\s+in\s+(?:an?\s+)?encounter|"
            r"(?:fighting|battles?|clashes)\s+(?:broke\s+out|erupted|raged|continu\w+|renew\w*|"
            r"resumed|intensified|flared)|(?:violent|fierce|heavy|intense|continued|continuous|"
            r"renewed|ongoing)\s+(?:battles|fighting)",
            "battle", "armed_clash", 0.9,
            figurative_after=r"\s+(?:over\b|of\s+(?:the\s+)?(?:titans|cultures|styles|ideas))",
            figurative_before=r"(?:verbal|diplomatic|political|personality|cultural|commons|"
                              r"parliamentary|televised|tv|heated|angry|stormy)\s+$"),
    # "fought with the FARDC", "were repelled": a clash when armed men are named
    CueRule(r"(?:fought|fight|fighting|battled?|battling)\s+(?:with|against)|"
            r"(?:fighting|battles?|confrontations?)\s+between|encounters?\s+with|"
            r"(?:was|were|been)\s+(?:repelled|repulsed)",
            "battle", "armed_clash", 0.9, needs_near=_ARMED,
            figurative_after=r"\s+(?:\w+\s+){0,2}(?:extradition|corruption|poverty|crime|drugs|"
                             r"impunity|law|ban|plan|decision|proposal|cancer|illness|disease|"
                             r"injury|odds|elements|weather|time|fire|flames)\b"),
    CueRule(r"fighting|fought|battl(?:e|es|ed|ing)|combat",
            "battle", "armed_clash", 0.6,
            figurative_after=r"\s+(?:(?:against|for|over)\s+)?(?:the\s+)?(?:corruption|poverty|crime|"
                             r"inflation|drugs?|fires?|disease|cancer|aids|hiv|fit|back|talk|chance|"
                             r"relegation|bill|plan|proposal|ban|decision|case|charges|takeover|"
                             r"control\s+of\s+the\s+(?:company|market|board)|votes?|title|"
                             r"leadership|presidency|injury|form|bid|deal|market|shares?)\b|"
                             r"\s+with\s+(?:\w+\s+){0,2}(?:cancer|illness|disease|leuk\w+|"
                             r"addiction|depression|alcoholism|weight|injury|tumou?r)",
            figurative_before=r"(?:legal|court|courtroom|takeover|bidding|price|relegation|"
                              r"political|electoral|uphill|ratings|boardroom|custody)\s+$"),
    CueRule(r"(?:take|takes|took|taken|taking|seize[ds]?|seizing|regain(?:s|ed|ing)?|retake[ns]?|"
            r"retook|recaptur(?:e|es|ed|ing)|extend(?:s|ed|ing)?\s+(?:their|its))\s+(?:full\s+)?"
            r"control|recaptur(?:e|es|ed|ing)|retook|overr[au]n|(?:advance[ds]?|advancing|"
            r"push(?:ed)?)\s+(?:into|towards?|on|in|more|again|further|significantly)|"
            r"captur(?:e|es|ed|ing)\s+(?:the\s+)?(?:town|city|village|villages|base|hill|"
            r"hills|airport|area|district|positions?)|expel(?:s|led)\s+(?:\w+\s+){0,2}(?:forces|"
            r"troops|fighters|militants|rebels)",
            "battle", "territory_change", 0.6, boost_near=_ARMED, boost_to=0.8),
    CueRule(r"execut(?:ed|ion|ions|ing|es?)|beheaded|beheads?|beheadings?|firing\s+squad|"
            r"decapitat\w*|dismember\w*",
            "violence_against_civilians", "execution", 1.0,
            figurative_after=r"\s+(?:of\s+)?(?:a|an|the|its|his|her|their|our|this|that)?\s*"
                             r"(?:[\w-]+\s+)?(?:plan|strategy|orders?|trade|deal|contract|move|"
                             r"pass|shot|program|programme|project|policy|budget|warrant|"
                             r"transaction|sale|code|commands?|instructions|software|tasks?|"
                             r"functions?|manoeuvre|maneuver|turn|kick|vision|will|duties|"
                             r"mandate|search|query|queries|scripts?|date)s?\b"
                             # a court's sentence carried out: "executed a man on Wednesday
                             # for trafficking heroin", "hanged ... convicted of murder"
                             r"|(?:\s+[\w-]+){1,8}?\s+(?:for\s+(?:drug\s+)?(?:trafficking|"
                             r"smuggling)|(?:after\s+being\s+|who\s+was\s+)?(?:convicted|"
                             r"sentenced)\s+(?:of|for|to)|on\s+death\s+row)\b"),
    CueRule(r"kidnap(?:ped|ping|pings|s|pers)?|abduct(?:ed|ion|ions|ing|s|ors)?|"
            r"(?:taken|held|took\s+(?:\w+\s+)?)hostages?|hostages?|forced\s+disappearances?|"
            r"taken\s+away\s+by|(?:was|were)\s+taken\s+by\s+(?:unknown|unidentified|armed|gunmen)",
            "violence_against_civilians", "abduction", 1.0),
    # "QSD fighters detained three men": a detention by an armed group, not an arrest
    CueRule(r"detain(?:ed|s|ing)?", "violence_against_civilians", "abduction", 0.85,
            needs_before=_NON_STATE),
    CueRule(r"rap(?:ed|e|es|ing)|sexual(?:ly)?\s+(?:violence|assault(?:ed)?|abuse[ds]?)",
            "violence_against_civilians", "sexual_violence", 1.0),
    CueRule(r"lynch(?:ed|ing|ings)?|mob\s+(?:violence|attacks?|justice)|rioting|riots?|rioters|"
            r"(?:burn(?:ing|ed|t)|set\s+fire\s+to|torch(?:ed|ing))\s+(?:\w+\s+)?(?:tires|tyres)|"
            r"(?:threw|throw|throwing|hurl(?:ed|ing)?|pelt(?:ed|ing)?)\s+(?:\w+\s+){0,2}?(?:stones|"
            r"rocks|bottles|bricks|petrol\s+bombs|objects)|stone[\s-]+(?:pelting|throwing)|"
            r"pelted\s+(?:\w+\s+){0,3}with\s+stones|beat(?:s|en)?\s+up",
            "other", "mob_violence", 0.8),
    # "demonstrators vandalised the gate"
    CueRule(r"vandali[sz](?:ed|ing)|smashed|destroyed\s+(?:some\s+)?(?:facilities|property)",
            "other", "mob_violence", 0.8, needs_near=_PROTEST),
    CueRule(r"set\s+(?:fire|ablaze|alight)\s+to|set(?:s|ting)?\s+(?:\w+\s+){0,3}(?:on\s+fire|"
            r"ablaze|alight)|setting\s+fire\s+to|"
            r"torch(?:ed|ing)|burn(?:ed|t)\s+(?:down|to\s+death|alive)|arson|firebomb(?:ed|s)?|"
            r"molotov",
            "other", "arson", 1.0),
    CueRule(r"loot(?:ed|ing)|ransack(?:ed|ing)|pillag(?:ed|ing)|robbed|robbery|robberies|"
            r"hold\s*-?\s*ups?",
            "other", "looting", 0.8),
    CueRule(r"massacred?|massacres|atrocit(?:y|ies)",
            "violence_against_civilians", "attack", 1.0),
    # "gunmen targeted a checkpoint", "the regime forces target al-Qalamoun"
    CueRule(r"target(?:s|ed|ing)?", "other", "attack", 0.85,
            needs_before=_ARMED_SUBJECT,
            figurative_after=r"\s+(?:audience|market|date|price|figure|range|group|of\b|for\b)"),
    # "target positions of", "new targeting to the north of Hama": a military object
    CueRule(r"target(?:s|ed|ing)?\s+(?:the\s+)?(?:[\w-]+\s+)?(?:positions?|headquarters|"
            r"checkpoints?|convoys?|bases?|outskirts|countryside|neighbou?rhoods?|vicinity)|"
            r"air\s+targeting|targeting\s+(?:to|on)\b",
            "other", "attack", 0.85),
    # "destroyed three tanks and an ammunition depot"
    CueRule(r"destroy(?:ed|s|ing)?\s+(?:[\w-]+\s+){0,4}?(?:tanks?|armou?red\s+vehicles?|"
            r"ammunition\s+depots?|(?:military\s+)?equipment|command\s+posts?|"
            r"(?:\w+\s+)?control\s+cent(?:er|re)s?|dugouts?|bunkers?|positions)",
            "battle", "attack", 0.85, needs_near=_ARMED),
    CueRule(r"attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|raid(?:s|ed|ing)?|offensive|"
            r"storm(?:ed|ing)|"
            r"incursion",
            "other", "attack", 0.85,
            figurative_after=_FIG_OBJECT + r"|\s+(?:mr|mrs|ms|sir|lord|lady|dr)\b|"
                             r"\s+(?:remarks|language|material|comments|"
                             r"behaviou?r|words|jokes|lineman|line|midfielder|play|football|"
                             r"rugby|options?|minded|on\s+goal)\b|"
                             r"\s+(?:in)?to\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:lead|victory|"
                             r"win|finals?|semi-finals?|title|top)\b",
            figurative_before=r"(?:heart|panic|asthma|verbal|personal|scathing|blistering|stinging|"
                              r"cyber|hacker|virus|political|bitter|fierce\s+verbal|dawn|"
                              r"charm|sales|pr|media|ad|advertising|legal|"
                              r"(?:go|goes|went|gone|going|game|match|finished|were|was)\s+"
                              r"on\s+the)[\s-]+$"),
    # a manned aircraft shot down (intercepted drones and missiles are no event)
    CueRule(r"shot\s+down\s+(?:[\w-]+\s+){0,3}?(?:helicopters?|planes?|aircraft|(?:fighter\s+)?"
            r"jets?)", "explosion_remote_violence", "air_strike", 0.85),
    CueRule(r"shot\s+(?:dead|and\s+killed|to\s+death)|gunned\s+down|gun(?:s)?\s+down|"
            r"stabbed(?:\s+to\s+death)?|"
            r"hacked\s+to\s+death|beaten\s+to\s+death|machine\s*-?\s*gunned|riddled\s+with\s+bullets|"
            r"bullet\s*-?\s*riddled|opened\s+fire|open\s+fire|fired\s+(?:on|at|upon|into)|"
            r"assassinat\w+|murder(?:ed|s|ing)?|slain|slay(?:ing|ings)?|homicides?|"
            r"shot\s+(?:and\s+(?:injured|wounded)|at)|(?:was|were)\s+shot\s+(?:and|by|in\s+the\s+"
            r"(?:head|chest|back|legs?|neck|stomach|face|abdomen))|stoned\s+to\s+death|"
            r"beat(?:en|ing)?\s+(?:\w+\s+){0,4}?to\s+death|tortured\s+to\s+death|strangled|"
            r"fired\s+(?:[\w-]+\s+){0,3}?(?:shots|gunshots|bullets|rounds)|"
            r"(?:shoot|shoots|shot)\s+" + _PERSON + r"(?!\s+(?:in|into)\s+the\s+air)|"
            r"(?:shoot|shoots|shot)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d)\s+"
            r"(?:in|at|on|inside|outside|near)|"
            r"beat(?:s|ing)?\s+(?:and\s+(?:killed|burned|injured|stabbed)|"
            r"(?!him\b|her\b|them\b)" + _PERSON + r"(?!\s+to\s+(?:the|a|an)\b))|"
            r"(?:took|take|takes|taking)\s+the\s+life|"
            r"deprived\s+of\s+(?:his|her|their)\s+li(?:fe|ves)|being\s+shot|"
            r"shot\s+(?:[\w-]+\s+){0,5}?and\s+(?:dies|died|killed)|"
            # "Homeowner, 75, fatally shoots intruder": the adverb says a killing
            r"fatally\s+(?:shoots?|shot|shooting|stabs?|stabbed|stabbing)",
            "other", "attack", 0.85),
    # A body found, dumped or left: in the violence of the dev sets, a killing.
    CueRule(r"(?:bod(?:y|ies)|corpses?|cadavers?)\s+(?:of\s+(?:[\w-]+\s+){1,4}?)?(?:(?:was|were|"
            r"has\s+been|have\s+been|had\s+been|is|are)\s+)?(?:found|discovered|located|dumped|"
            r"abandoned|unearthed)|(?:found|finds?|discover(?:ed|s)?|locate[ds]?|dump(?:ed|s)?|"
            r"leave|leaves|left|abandon(?:ed|s)?|throws?|threw)\s+" + _NOT_A_BODY_OF_PEOPLE +
            r"(?:[\"“”'][\w-]+[\"“”']\s+)?" +
            r"(?:bod(?:y|ies)|corpses?|cadavers?|human\s+remains)(?!\s+(?:of\s+(?:evidence|work|"
            r"research|opinion|knowledge|literature|law)|armou?r|politic|language|parts|double))|"
            r"found\s+dead|lifeless\s+(?:bod(?:y|ies)|m[ae]n|wom[ae]n|persons?|people|couple|"
            r"youths?)|human\s+remains|clandestine\s+graves?|"
            r"mass\s+graves?|severed\s+heads?|human\s+heads?",
            "violence_against_civilians", "attack", 0.8,
            # "the victims were buried in a mass grave": a burial, not a find
            figurative_before=r"\bburied\s+(?:\w+\s+)?in\s+(?:a|one)\s+$"),
    CueRule(r"killed|kills?|killing|killings|shot|shooting|shootings|gunfire|"
            r"gunshots?|tortured|torture",
            "other", "attack", 0.6,
            figurative_after=r"\s+(?:(?:\w+\s+)?in(?:to)?\s+the\s+air|off|up|"
                             r"down\s+(?:[\w-]+\s+){0,3}?(?:drones?|missiles?|"
                             r"rockets?|uavs?|balloons?|proposals?|ideas?|plans?)|down\s+the|to\s+(?:fame|the\s+top|number)|at\s+(?:the\s+)?"
                             r"(?:title|goal|glory|presidency|post)|the\s+(?:bill|deal|plan|"
                             r"proposal|project|idea|mood|ball)|stopper|spree\s+of\s+goals|"
                             r"wide|on\s+goal)\b",
            figurative_before=r"(?:big|long|parting|pot|mug|photo|camera|good|great|first|"
                              r"free|penalty|winning|opening|warning|fine)\s+$",
            boost_near=_KILL_CONTEXT, boost_to=0.85),
    CueRule(r"violence|violent|conflict|conflicts|war|wars|warfare|tensions?|unrest|insurgency|"
            r"hostilities|terrorism|terrorist|terrorists|guerrillas?|armed\s+struggle|"
            r"civil\s+war|fighting\s+words",
            "other", "general", 0.2),
)

# Stems of violence and casualty words. Recall matters more than precision here:
# find_cues and the toll grammar do the precise work. Lower case.
CANDIDATE = (
    r"kill|dead|death|die[ds]?\b|dying|wound|injur|hurt|casualt|victim|bod(?:y|ies)\b|corpse|"
    r"attack|assault|bomb|blast|explo|shell(?:ing|ed)|artillery|mortar|rocket|missile|grenade|"
    r"\bieds?\b|landmine|mine\s+blast|dynamit|shot|shoot|gun|fire[ds]?\s+(?:on|at)|opened\s+fire|"
    r"sniper|clash|fight|battle|combat|skirmish|ambush|offensive|raid|air\s*strike|airstrike|"
    r"air\s+raid|drone|massacre|murder|assassin|slain|slay|execut|behead|kidnap|abduct|hostage|"
    r"rape|sexual|tortur|lynch|riot|mob\b|arson|torch|set\s+(?:fire|ablaze)|burn|loot|"
    r"ransack|rob(?:bed|ber|bery)|stab|hack(?:ed)?\s+to|machete|suicide|militant|rebel|"
    r"insurgen|guerril|terror|jihad|gunmen|troops|soldier|violen|war\b|warfare|conflict|"
    r"sabotag|destroy|toll\b|"
    r"shells?\b|warplane|jets?\b|target(?:s|ed|ing)?\b|forces\b|regime|siege|"
    r"recaptur|retake|retook|overr[au]n|storm(?:ed|ing)\b|seiz|captur|losses|"
    r"take\s+control|took\s+control|control\s+(?:of|over)|fatalit|slaughter|dismember|"
    r"decapit|mutilat|maim|lifeless|homicid|"
    r"disappear|missing|lives\b|perish|"
    r"(?:tires|tyres|stones|rocks|bottles)\b|pelt|hurl|vandal|barricad|detain|"
    r"strangl|stoned|beat(?:s|en|ing)?\b|"
    r"remains|graves?\b|confront|encounter|projectile|munition|"
    r"bursts|small\s+arms|machine[\s-]*guns?|repel|repuls|martyr|causalit|"
    r"\brpgs?\b|strikes?\b|homicide|deprived|the\s+life|"
    r"severed|on\s+fire|ablaze"
)
NEGATION = (
    r"no|not|never|without|nor|neither|none|nobody|no\s+one|denied|deny|denies|"
    r"n't|ruled\s+out|free\s+of|lack\s+of|absence\s+of|averted|prevented|foiled|thwarted"
)
HYPOTHETICAL = (
    r"threat(?:en(?:ed|s|ing)?|s)?|plan(?:s|ned|ning)?|plot(?:s|ted|ting)?|"
    r"warn(?:ed|s|ing)?|fear(?:s|ed)?|could|would|might|(?<!\d\s)may(?!\s+\d)|will|shall|"
    r"intend(?:s|ed)?|"
    r"vow(?:s|ed)?|prepar(?:e|es|ed|ing)|aim(?:s|ed|ing)?\s+to|seek(?:s|ing)?\s+to|"
    r"risks?|possible|possibly|potential|likely|if|unless|calls?\s+for|called\s+for|urge[ds]?|"
    r"wants?\s+to|wanted\s+to|ready\s+to|capable\s+of|prevent|avoid|deter|"
    r"must|should|cease|stop|halt|end\s+to"
)

HARM = (
    r"casualties|killed|killing|kills|dead|deaths|fatalities|injured|injuries|injuring|"
    r"wounded|wounding"
)

WORDS = ViolenceWords(
    code="en", cues=CUE_RULES, candidate=CANDIDATE, negation=NEGATION, hypothetical=HYPOTHETICAL,
    harm=HARM,
)
