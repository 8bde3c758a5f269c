"""Signs of violence: the cheap sentence pre-filter, event cues and report relevance.

* `candidate_sentences(clean)` keeps the sentences worth parsing: one precompiled
  regex over each content sentence, so a report with no sign of violence costs
  next to nothing.
* `find_cues(clean, sentences, settings)` names what happened: an `EventCue` with
  the event type (battle, explosion_remote_violence, violence_against_civilians,
  other) and a sub-event type from the taxonomy in docs/events.md, with
  `negated` ("no attack"), `hypothetical` ("threatened to bomb") and a
  `strength` that is low for words that mention war without describing an event.
* `relevance_score` / `is_relevant` say whether a report describes at least one
  specific violent incident.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .records import CleanText, EventCue, EventType, Sentence, Span
from .settings import Settings

RULE = "violence.v1"

# Stems of violence and casualty words (English and Spanish). Recall matters more
# than precision here: find_cues and the toll grammar do the precise work.
# Matched against lower-cased text without re.IGNORECASE: five times faster in
# CPython's engine. Patterns compiled this way must be written in lower case.
_CANDIDATE = re.compile(
    r"\b(?:kill|dead|death|die[ds]?\b|dying|wound|injur|hurt|casualt|victim|bod(?:y|ies)\b|corpse|"
    r"attack|assault|bomb|blast|explo|shell(?:ing|ed)|artillery|mortar|rocket|missile|grenade|"
    r"\bieds?\b|landmine|mine\s+blast|dynamit|shot|shoot|gun|fire[ds]?\s+(?:on|at)|opened\s+fire|"
    r"sniper|clash|fight|battle|combat|skirmish|ambush|offensive|raid|air\s*strike|airstrike|"
    r"air\s+raid|drone|massacre|murder|assassin|slain|slay|execut|behead|kidnap|abduct|hostage|"
    r"rape|sexual|tortur|lynch|riot|mob\b|arson|torch|set\s+(?:fire|ablaze)|burn|loot|"
    r"ransack|rob(?:bed|ber|bery)|stab|hack(?:ed)?\s+to|machete|suicide|militant|rebel|"
    r"insurgen|guerril|terror|jihad|gunmen|troops|soldier|violen|war\b|warfare|conflict|"
    r"sabotag|destroy|toll\b|muert|mat(?:an|aron|ó)\b|asesin|ataque|atac|enfrentamiento|"
    r"balacera|tiroteo|ejecut|secuestr|herid|emboscada|sicario|cad[aá]ver|bala|explosi|"
    r"shells?\b|warplane|jets?\b|target(?:s|ed|ing)?\b|forces\b|regime|siege|"
    r"recaptur|retake|retook|overr[au]n|storm(?:ed|ing)\b|seiz|captur|losses|"
    r"take\s+control|took\s+control|control\s+(?:of|over)|fatalit|slaughter|dismember|"
    r"decapit|mutilat|maim|lifeless|sin\s+vida|cuerpos?\b|calcinad|homicid|morts?\b|"
    r"tu[ée]e?s\b|bless[ée]|disappear|desaparec|missing|lives\b|perish)",
)


@dataclass(frozen=True)
class CueRule:
    """One row of the cue table: a pattern and what it means."""

    pattern: str
    event_type: EventType
    sub_event_type: str
    strength: float
    figurative_after: str | None = None  # a following phrase that makes the use figurative
    figurative_before: str | None = None


# What a verbal attack is aimed at: "attacked the government's plans", "blasts Tory spending".
_FIG_OBJECT = (
    r"\s+(?:(?:on|against)\s+)?(?:the\s+)?(?:[\w-]+['’]s?\s+|[\w-]+\s+){0,2}(?:plans?|moves?|"
    r"policy|policies|proposals?|remarks|report|record|critics|bill|budget|euro|dollar|pound|"
    r"currency|prices?|shares?|stocks?|market|decision|comments|speech|claims|idea|reforms?|"
    r"tax|taxes|immigration|leadership|manifesto|ministers?|opponents?|rivals?|chancellor|"
    r"party|tories|labour|spending|strategy|handling|regulators?|"
    r"government(?!\s+(?:troops|forces|soldiers|positions|buildings?|offices?|convoy|targets?)))\b"
)

# Order matters: the first alternative that matches at a position wins, so the
# more specific forms come first ("suicide car bomb" before "car bomb" before "bomb").
CUE_RULES: tuple[CueRule, ...] = (
    CueRule(r"suicide\s+(?:car\s+|truck\s+)?(?:bomb(?:er|ers|ing|ings|s)?|attack(?:er|ers|s)?)|"
            r"blew\s+(?:him|her|them)sel(?:f|ves)\s+up|explosive\s+(?:vest|belt)s?|suicidas?",
            "explosion_remote_violence", "suicide_bomb", 1.0),
    CueRule(r"drone\s+(?:strike|attack)s?|(?:struck|hit|targeted)\s+by\s+(?:a\s+)?drones?|"
            r"armed\s+drones?",
            "explosion_remote_violence", "drone_strike", 1.0),
    CueRule(r"air\s*-?\s*strikes?|air\s+raids?|aerial\s+(?:bombardment|attack|bombing|strike)s?|"
            r"air\s+attacks?|barrel\s+bombs?|(?:warplanes?|jets|aircraft|helicopters)\s+(?:struck|"
            r"strike|bombed|bomb|hit|targeted|targets?|attacked|attack|pounded|pound|raided|raid)|(?:bombed|strafed)\s+by\s+(?:aircraft|warplanes|planes|helicopters)|"
            r"helicopter\s+gunships?|bombardeos?\s+a[eé]reos?",
            "explosion_remote_violence", "air_strike", 1.0),
    CueRule(r"shell(?:s|ed|ing)?\s+(?:the\s+)?(?:areas?|towns?|villages?|city|cities|positions?|"
            r"neighbou?rhoods?|countryside|outskirts|districts?|camps?)|shells\s+(?:target(?:ed)?|"
            r"hit|fell|landed|struck)|shelling|shelled|artillery(?:\s+(?:fire|shells?|attacks?|barrage|strikes?))?|"
            r"mortar(?:s|\s+(?:rounds?|shells?|fire|attacks?|bombs?))|"
            r"rockets?\s+(?:fire|attacks?|strikes?|hit|landed|struck|slammed)|"
            r"missile\s+(?:strikes?|attacks?|hit|struck)|(?:fired|launched)\s+(?:\w+\s+)?"
            r"(?:rockets?|missiles?|mortars?)|katyushas?|bombard(?:ed|ment|ments|ing)",
            "explosion_remote_violence", "shelling", 1.0,
            figurative_after=r"\s+(?:by|with)\s+(?:\w+\s+)?(?:people|calls|e-?mails|requests|"
                             r"questions|letters|messages|complaints|offers|spam|ads|adverts|"
                             r"information|images|advertising)"),
    CueRule(r"improvised\s+explosive\s+devices?|\bieds?\b|roadside\s+bombs?|land\s*-?\s*mines?|"
            r"mine\s+(?:explosion|blast)|booby[\s-]+trap(?:ped|s)?|(?:explosive|incendiary)\s+"
            r"devices?|artefactos?\s+explosivos?",
            "explosion_remote_violence", "ied", 1.0),
    CueRule(r"(?:hand\s+)?grenades?|granadas?", "explosion_remote_violence", "grenade", 1.0),
    CueRule(r"(?:car|truck|parcel|letter|motorcycle)\s+bombs?|coches?\s+bomba",
            "explosion_remote_violence", "remote_explosive", 1.0),
    CueRule(r"bomb(?:s|ing|ings|ed)?|explosions?|explod(?:ed|es|ing)|blasts?|detonat(?:ed|ion|"
            r"ions)|dynamite|dynamited|explosives|explosi[oó]n|bombas?",
            "explosion_remote_violence", "remote_explosive", 0.9,
            figurative_after=r"\s+(?:in|of)\s+(?:\w+\s+)?(?:growth|demand|interest|popularity|"
                             r"sales|prices|use|numbers|activity|colou?r|creativity)|"
                             + _FIG_OBJECT,
            figurative_before=r"(?:ticking|time|sex|box[\s-]+office|stink|baby|population|"
                              r"pension|tax|debt|demographic)[\s-]+$"),
    CueRule(r"ambush(?:ed|es|ing)?|emboscadas?|emboscad[oa]s?", "battle", "ambush", 1.0),
    CueRule(r"clash(?:es|ed)?|firefights?|gun\s*-?battles?|gunfights?|exchanges?\s+of\s+(?:gun)?"
            r"fire|(?:exchang|trad)(?:ed|ing|e)\s+(?:heavy\s+)?(?:gun)?fire|skirmish(?:es)?|enfrentamientos?|combates?|balaceras?|tiroteos?",
            "battle", "armed_clash", 0.9,
            figurative_after=r"\s+(?:over|of\s+(?:the\s+)?(?:titans|cultures|styles|ideas))",
            figurative_before=r"(?:verbal|diplomatic|political|personality|cultural|commons|"
                              r"parliamentary|televised|tv|heated|angry|stormy)\s+$"),
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
    CueRule(r"(?:take|takes|took|taken|seize[ds]?|seizing|regain(?:s|ed)?|retake|retook|"
            r"recaptur(?:e|es|ed|ing))\s+(?:full\s+)?control|recaptur(?:e|es|ed|ing)|retook|"
            r"overr[au]n|(?:advance[ds]?|advancing|push(?:ed)?)\s+(?:into|towards?|"
            r"on)|captur(?:e|es|ed|ing)\s+(?:the\s+)?(?:town|city|village|villages|base|hill|"
            r"hills|airport|area|district|positions?)",
            "battle", "territory_change", 0.6),
    CueRule(r"execut(?:ed|ion|ions|ing)|beheaded|beheadings?|firing\s+squad|"
            r"ejecutad[oa]s?|ejecuci[oó]n|fusilad[oa]s?",
            "violence_against_civilians", "execution", 1.0,
            figurative_after=r"\s+(?:of\s+)?(?:a|an|the|its|his|her|their)?\s*(?:plan|strategy|"
                             r"orders?|trade|deal|contract|move|pass|shot|program|programme|"
                             r"project|policy|budget|warrant|transaction|sale)s?\b"),
    CueRule(r"kidnap(?:ped|ping|pings|s|pers)?|abduct(?:ed|ion|ions|ing|s|ors)?|"
            r"(?:taken|held|took\s+(?:\w+\s+)?)hostages?|hostages?|forced\s+disappearances?|"
            r"secuestr\w*|levantad[oa]s|desaparecid[oa]s",
            "violence_against_civilians", "abduction", 1.0),
    CueRule(r"rap(?:ed|e|es|ing)|sexual(?:ly)?\s+(?:violence|assault(?:ed)?|abuse[ds]?)|"
            r"violad[oa]s?|violaci[oó]n",
            "violence_against_civilians", "sexual_violence", 1.0),
    CueRule(r"lynch(?:ed|ing|ings)?|mob\s+(?:violence|attacks?|justice)|rioting|riots?|rioters|"
            r"linchad[oa]s?|linchamientos?",
            "other", "mob_violence", 0.8),
    CueRule(r"set\s+(?:fire|ablaze|alight)\s+to|set\s+(?:\w+\s+){0,3}(?:on\s+fire|ablaze|alight)|"
            r"torch(?:ed|ing)|burn(?:ed|t)\s+(?:down|to\s+death|alive)|arson|firebomb(?:ed|s)?|"
            r"molotov|incendiaron|incendiad[oa]s?",
            "other", "arson", 1.0),
    CueRule(r"loot(?:ed|ing)|ransack(?:ed|ing)|pillag(?:ed|ing)|robbed|robbery|robberies|"
            r"hold\s*-?\s*ups?|atracos?|asaltad[oa]s?|asaltos?",
            "other", "looting", 0.8),
    CueRule(r"massacred?|massacres|masacres?|atrocit(?:y|ies)",
            "violence_against_civilians", "attack", 1.0),
    CueRule(r"attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|raid(?:s|ed|ing)?|offensive|"
            r"storm(?:ed|ing)|"
            r"ataques?|atac(?:ó|aron|ado|ados|an)|incursion",
            "other", "attack", 0.85,
            figurative_after=_FIG_OBJECT + r"|\s+(?:mr|mrs|ms|sir|lord|lady|dr)\b|"
                             r"\s+(?:remarks|language|material|comments|"
                             r"behaviou?r|words|jokes|lineman|line|midfielder|play|football|"
                             r"rugby|options?|minded|on\s+goal)\b",
            figurative_before=r"(?:heart|panic|asthma|verbal|personal|scathing|blistering|stinging|"
                              r"cyber|hacker|virus|political|bitter|fierce\s+verbal|dawn|"
                              r"charm|sales|pr|media|ad|advertising|legal|"
                              r"(?:go|goes|went|gone|going)\s+on\s+the)[\s-]+$"),
    CueRule(r"shot\s+(?:dead|and\s+killed|to\s+death)|gunned\s+down|stabbed(?:\s+to\s+death)?|"
            r"hacked\s+to\s+death|beaten\s+to\s+death|machine\s*-?\s*gunned|riddled\s+with\s+bullets|"
            r"bullet\s*-?\s*riddled|opened\s+fire|open\s+fire|fired\s+(?:on|at|upon|into)|"
            r"assassinat\w+|murder(?:ed|s|ing)?|slain|slay(?:ing|ings)?|acribillad\w*|"
            r"baleado\w*|asesin\w+|homicidios?|ultimad[oa]s?",
            "other", "attack", 0.85),
    CueRule(r"killed|kills?|killing|killings|mataron|matan|shot|shooting|shootings|gunfire|"
            r"gunshots?|tortured|torture|muert[oa]s?",
            "other", "attack", 0.6,
            figurative_after=r"\s+(?:off|up|down\s+the|to\s+(?:fame|the\s+top|number)|at\s+(?:the\s+)?"
                             r"(?:title|goal|glory|presidency|post)|the\s+(?:bill|deal|plan|"
                             r"proposal|project|idea|mood|ball)|stopper|spree\s+of\s+goals|"
                             r"wide|on\s+goal)\b",
            figurative_before=r"(?:big|long|parting|pot|mug|photo|camera|good|great|first|"
                              r"free|penalty|winning|opening|warning|fine)\s+$"),
    CueRule(r"violence|violent|conflict|conflicts|war|wars|warfare|tensions?|unrest|insurgency|"
            r"hostilities|terrorism|terrorist|terrorists|guerrillas?|armed\s+struggle|"
            r"civil\s+war|fighting\s+words",
            "other", "general", 0.2),
)

_CUE_RE = re.compile(
    "\\b(?:"
    + "|".join(f"(?P<c{i}>(?:{rule.pattern})\\b)" for i, rule in enumerate(CUE_RULES))
    + ")"
)  # lower-case text only, see lowered()
_AFTER = tuple(
    re.compile(r.figurative_after) if r.figurative_after else None
    for r in CUE_RULES
)
_BEFORE = tuple(
    re.compile(r.figurative_before) if r.figurative_before else None
    for r in CUE_RULES
)
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|nor|neither|none|nobody|no\s+one|denied|deny|denies|"
    r"n't|ruled\s+out|free\s+of|lack\s+of|absence\s+of|averted|prevented|foiled|thwarted|"
    r"ni|sin)\b[^,;:]{0,25}$|n't\s+(?:\w+\s+)?$"
)
_MODAL_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:could|would|might|may(?!\s+\d)|will|shall|is\s+expected|are\s+expected|"
    r"was\s+planned|were\s+planned|is\s+planned|are\s+planned|is\s+feared|are\s+feared)\b"
    r"(?!\s+(?:have|has)\b)"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:threat(?:en(?:ed|s|ing)?|s)?|plan(?:s|ned|ning)?|plot(?:s|ted|ting)?|"
    r"warn(?:ed|s|ing)?|fear(?:s|ed)?|could|would|might|(?<!\d\s)may(?!\s+\d)|will|shall|"
    r"intend(?:s|ed)?|"
    r"vow(?:s|ed)?|prepar(?:e|es|ed|ing)|aim(?:s|ed|ing)?\s+to|seek(?:s|ing)?\s+to|"
    r"risks?|possible|possibly|potential|likely|if|unless|calls?\s+for|called\s+for|urge[ds]?|"
    r"wants?\s+to|wanted\s+to|ready\s+to|capable\s+of|prevent|avoid|deter|amenaz\w*|"
    r"must|should|cease|stop|halt|end\s+to|"
    r"planea\w*|podr[ií]a\w*)\b[^.;:]{0,40}$"
)
# Who or what was hit decides whether a generic attack is a battle or one-sided.
_ARMED_TARGET = re.compile(
    r"\b(?:soldiers?|troops|army|police(?:men|man)?|officers|checkpoints?|bases?|convoys?|"
    r"patrols?|militants?|rebels?|fighters|guerrillas?|insurgents?|forces|barracks|outposts?|"
    r"garrisons?|positions|military|gendarmes?|jihadists?|militiamen|militias?|troopers|"
    r"servicemen|marines|security\s+personnel|police\s+station|military\s+vehicle)\b"
)
_CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|villagers?|residents?|people|women|children|worshipp?ers|passengers|"
    r"students?|farmers?|peasants?|journalists?|family|families|homes?|houses?|church|mosque|"
    r"market|bus|school|hospital|shops?|village|pedestrians|mayor|priests?|teachers?|"
    r"businessm[ae]n|leaders?|activists?|politicians?|judges?|candidates?)\b"
)


# Deaths by accident, disaster or illness are not violence.
_ACCIDENT = re.compile(
    r"\b(?:crash(?:ed|es)?|accidents?|accidental(?:ly)?|earthquakes?|floods?|flooding|storms?|"
    r"hurricanes?|tsunami|landslides?|avalanches?|collapsed?|derail\w*|drown\w*|overdose|"
    r"disease|cancer|illness|heart\s+attack|stroke|suicide\s+by|killed\s+himself|"
    r"killed\s+herself|natural\s+causes|epidemic|outbreak|virus|fire\s+broke\s+out)\b"
)
_MOB_RULE = next(i for i, r in enumerate(CUE_RULES) if r.sub_event_type == "mob_violence")
_WEAK_KILL_RULE = next(i for i, r in enumerate(CUE_RULES) if r.strength == 0.6 and
                       r.sub_event_type == "attack")


def lowered(text: str) -> str:
    """`text` in lower case, offsets kept (a few characters change length when lowered:
    they are replaced by a space, which no pattern needs)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) == 1 else " " for c in text).lower()


def candidate_sentences(clean: CleanText) -> list[Sentence]:
    """Content sentences that may hold violence or a casualty figure.

    When any sentence qualifies, the headline sentences and the first sentence
    (the dateline of wire copy) are kept too, as date and place context.
    A report with no sign of violence gives an empty list.
    """
    search = _CANDIDATE.search
    content = clean.content()
    hits = [s for s in content if search(s.text.lower())]
    if not hits:
        return []
    keep = {s.index for s in hits}
    keep.update(s.index for s in content if s.headline)
    keep.add(content[0].index)
    return [s for s in content if s.index in keep]


def find_cues(
    clean: CleanText, sentences: Sequence[Sentence], settings: Settings
) -> list[EventCue]:
    """Event cues (with event type and sub-type) in the given sentences.

    >>> from tollwatch.records import Span
    >>> text = "A roadside bomb killed two soldiers."
    >>> clean = CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))
    >>> [(c.event_type, c.sub_event_type) for c in find_cues(clean, clean.sentences, Settings())]
    [('explosion_remote_violence', 'ied'), ('battle', 'attack')]
    """
    cues: list[EventCue] = []
    for sentence in sentences:
        cues.extend(_sentence_cues(sentence))
    return cues


def _sentence_cues(sentence: Sentence) -> list[EventCue]:
    text, base = sentence.text, sentence.span.start
    low = lowered(text)
    out: list[EventCue] = []
    targets: EventType | None = None  # computed once, for the first generic cue
    for m in _CUE_RE.finditer(low):
        index = int(str(m.lastgroup)[1:])
        rule = CUE_RULES[index]
        event_type = rule.event_type
        if event_type == "other" and rule.sub_event_type == "attack":
            targets = targets or _target_type(low)
            event_type = targets
        strength = _strength(index, text, low, m.start(), m.end())
        if strength is None:
            continue
        prefix = low[max(0, m.start() - 60):m.start()]
        out.append(
            EventCue(
                event_type=event_type,
                sub_event_type=rule.sub_event_type,
                text=text[m.start():m.end()],
                span=Span(base + m.start(), base + m.end()),
                sentence=sentence.index,
                negated=_NEGATION.search(prefix[-40:]) is not None,
                hypothetical=_HYPOTHETICAL.search(prefix) is not None
                or _MODAL_AFTER.match(low, m.end()) is not None,
                strength=strength,
                rule=RULE,
            )
        )
    return out


def _strength(index: int, text: str, low: str, start: int, end: int) -> float | None:
    """The rule's strength; None for a figurative or accidental use (no cue)."""
    after, before = _AFTER[index], _BEFORE[index]
    if (after is not None and after.match(low, end)) or (
        before is not None and before.search(low[max(0, start - 30):start])
    ):
        return None
    if index == _WEAK_KILL_RULE and _ACCIDENT.search(low):
        return None
    if index == _MOB_RULE and start > 0 and text[start].isupper() and not text.isupper():
        return None  # "Merrill Lynch": a capitalised name inside a sentence
    return CUE_RULES[index].strength


def _target_type(low: str) -> EventType:
    """Generic attacks and killings: a battle when armed men were hit, else one-sided."""
    armed = _ARMED_TARGET.search(low) is not None
    civilian = _CIVILIAN_TARGET.search(low) is not None
    return "battle" if armed and not civilian else "violence_against_civilians"


_CASUALTY = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|"
    r"hundreds|several|at\s+least)\b[^.;]{0,60}?\b(?:killed|dead|died|wounded|injured|"
    r"kidnapped|abducted|murdered|slain|hurt|bodies|casualties|muertos|heridos)\b|"
    r"\b(?:killed|killing|wounding|injuring)\s+(?:\w+\s+){0,2}(?:\d+|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|dozens?|several)\b|"
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|murdered|"
    r"assassinated|kidnapped|abducted|wounded|injured|shot|executed)\b"
)
# A time anchor makes a mention an incident; a distant past or a habit makes it background.
_NOW = re.compile(
    r"\b(?:yesterday|today|tonight|last\s+(?:night|week|weekend)|this\s+(?:morning|afternoon|"
    r"evening|week)|early\s+(?:today|yesterday)|(?:on|late|early)\s+(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"hours?\s+(?:ago|later|earlier)|on\s+\d{1,2}\s+[a-z]{3}|\d{1,2}\s+(?:jan|feb|mar|apr|may|"
    r"jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2}\b|at\s+(?:about\s+|around\s+)?\d{1,2}(?::\d\d|\s*[ap]\.?m|\d\d\b))"
)
_PAST = re.compile(
    r"\b(?:in|since|during)\s+(?:the\s+)?1[89]\d\d|\b(?:years?|decades?)\s+ago|"
    r"\bfor\s+(?:many\s+|several\s+|\d+\s+|the\s+past\s+\w+\s+)?years|ever\s+since|"
    r"over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades)|in\s+the\s+past|"
    r"\b(?:charges?|charged|accused|convicted|sentenced|sued|trial|lawsuit|tried)\s+(?:of|for|with|"
    r"over)\b|\bpolicy\s+of\b|\b(?:repression|campaign|wave|escalation|climate|string|series)\s+of\b"
)
_PLURAL_CUE = re.compile(r"(?:attacks|assaults|raids|murders|bombings|massacres|killings|"
                         r"kidnappings|abductions|assassinations|shootings|executions|actions|"
                         r"operations|atrocities|crimes|explosions)$")


def _sentence_score(cues: Sequence[EventCue], text: str) -> float:
    """Event evidence of one sentence: its best cue, more for a second event word,
    a casualty figure or a time anchor, less for background and habitual plurals."""
    strengths = sorted(
        (c.strength * (0.6 if _PLURAL_CUE.search(c.text.lower()) else 1.0) for c in cues),
        reverse=True,
    )
    score = strengths[0] + 0.3 * sum(1 for v in strengths[1:] if v >= 0.6)
    low = lowered(text)
    if _CASUALTY.search(low):
        score += 0.4
    if _NOW.search(low):
        score += 0.3
    if _PAST.search(low):
        score -= 0.5
    return score


def relevance_score(clean: CleanText, cues: Sequence[EventCue]) -> float:
    """How strongly the report describes at least one specific violent incident (0..1).

    Each sentence scores its affirmed cues (not negated, not hypothetical): the
    best cue's strength, +0.3 per further event word, +0.4 for a casualty figure,
    +0.3 for a time anchor ("yesterday", "on 16 November"), -0.5 for background
    ("in 1987", "for years", "charges of"); plural nouns ("attacks") count 0.6
    of their strength. The report takes its best sentence, capped at 1.
    """
    by_sentence: dict[int, list[EventCue]] = {}
    for cue in cues:
        if not (cue.negated or cue.hypothetical):
            by_sentence.setdefault(cue.sentence, []).append(cue)
    texts = {s.index: s.text for s in clean.sentences}
    best = max(
        (_sentence_score(found, texts.get(i, "")) for i, found in by_sentence.items()), default=0.0
    )
    return max(0.0, min(best, 1.0))


def is_relevant(clean: CleanText, cues: Sequence[EventCue], threshold: float = 1.0) -> bool:
    """Whether the report describes at least one specific violent incident.

    Background (politics, war in general, old attacks, plans and threats) stays
    below the threshold; a clear event word with a casualty figure or a time
    anchor, or two event words in one sentence, reach it.
    """
    return relevance_score(clean, cues) >= threshold
