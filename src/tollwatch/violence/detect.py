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

The cue table itself (`CUE_RULES`, `CueRule`) lives in `violence/cues.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, cached_property

from ..read.prefilter import Prefiltered, finditer_from, start_pattern
from ..read.script import has_harakat, strip_harakat
from ..records import CleanText, EventCue, EventType, Sentence, Span
from ..settings import Settings
from .cues import CUE_RULES, CueRule
from .lang import VIOLENCE_WORDS
from .lang.frames import FIREARM

__all__ = [
    "CUE_RULES",
    "RULE",
    "CueRule",
    "candidate_sentences",
    "find_cues",
    "is_relevant",
    "lowered",
    "relevance_score",
]

RULE = "violence.v1"

# Stems of violence and casualty words, every language's (violence/lang/). Recall
# matters more than precision here: find_cues and the toll grammar do the precise work.
# Matched against lower-cased text without re.IGNORECASE: five times faster in
# CPython's engine. Patterns compiled this way must be written in lower case.
_CANDIDATE = re.compile(
    r"\b(?:" + "|".join(w.candidate for w in VIOLENCE_WORDS.values() if w.candidate) + ")"
)


_CANDIDATE_FAST = Prefiltered.of(_CANDIDATE)  # the same answers, cheaper


_CUE_RE = re.compile(
    "\\b(?:"
    + "|".join(f"(?P<c{i}>(?:{rule.pattern})\\b)" for i, rule in enumerate(CUE_RULES))
    + ")"
)  # lower-case text only, see lowered()
# Where a cue row may start ("kill", "bomb", "shot\s"...): _CUE_RE is tried only there,
# same matches, a tenth of the time (tollwatch.read.prefilter).
_CUE_STARTS_AT = start_pattern(rule.pattern for rule in CUE_RULES)
_CUE_STARTS = re.compile(r"\b" + _CUE_STARTS_AT) if _CUE_STARTS_AT else None
_AFTER = tuple(
    re.compile(r.figurative_after) if r.figurative_after else None
    for r in CUE_RULES
)
_BEFORE = tuple(
    re.compile(r.figurative_before) if r.figurative_before else None
    for r in CUE_RULES
)
_RULE_RES = tuple(re.compile(f"(?:{r.pattern})\\b") for r in CUE_RULES)
_NEEDS_BEFORE = tuple(re.compile(r.needs_before) if r.needs_before else None for r in CUE_RULES)
_NEEDS_NEAR = tuple(re.compile(r.needs_near) if r.needs_near else None for r in CUE_RULES)
_BOOST = tuple(re.compile(r.boost_near) if r.boost_near else None for r in CUE_RULES)
_CONTEXTUAL = tuple(r.needs_before is not None or r.needs_near is not None for r in CUE_RULES)
_NEGATION = re.compile(
    r"\b(?:"
    + "|".join(w.negation for w in VIOLENCE_WORDS.values() if w.negation)
    + r")\b[^,;:]{0,25}$|n't\s+(?:\w+\s+)?$"
)


@cache
def _negation(language: str | None) -> re.Pattern[str]:
    """The negation words of the report's language (every language's when unknown):
    Portuguese "no ataque" is "in the attack", not English "no attack"."""
    words = VIOLENCE_WORDS.get(language or "")
    if words is None or not words.negation or language == "en":
        return _NEGATION
    return re.compile(rf"\b(?:{words.negation})\b[^,;:]{{0,25}}$")
_MODAL_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:could|would|might|may(?!\s+\d)|will|shall|is\s+expected|are\s+expected|"
    r"was\s+planned|were\s+planned|is\s+planned|are\s+planned|is\s+feared|are\s+feared)\b"
    r"(?!\s+(?:have|has)\b)"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:"
    + "|".join(w.hypothetical for w in VIOLENCE_WORDS.values() if w.hypothetical)
    + r")\b[^.;:]{0,40}$"
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
    r"killed\s+herself|natural\s+causes|epidemic|outbreak|virus|fire\s+broke\s+out"
    + "".join(f"|{w.accident}" for w in VIOLENCE_WORDS.values() if w.accident)
    + r")\b"
)
# A disaster as the subject of a death: "Floods kill 60", "Heavy rains have killed at
# least 60 people": no political violence in that figure, whatever else the sentence says
# ("... as the region also struggles with attacks by armed groups").
_DISASTER_SUBJECT = re.compile(
    r"^\W*(?:(?:the|a|an|las|los|la|el|les|le|des|os|as|heavy|deadly|torrential|massive"
    r"|powerful|severe|flash|monsoon"
    r"|seasonal|recent|\w+-(?:magnitude|triggered))\s+){0,3}?(?:floods?|flooding|floodwaters"
    r"|earthquakes?|quakes?|landslides?|mudslides?|storms?|cyclones?|typhoons?|hurricanes?"
    r"|tornado(?:es)?|rains?|rainfall|downpours?|heatwaves?|heat\s+waves?|wildfires?|bushfires?"
    r"|avalanches?|cholera|outbreaks?|epidemics?|droughts?|snowstorms?|blizzards?"
    + "".join(f"|{w.accident}" for w in VIOLENCE_WORDS.values() if w.accident)
    + r")\b(?![^.;]{0,80}?\b(?:gunm[ae]n|attack(?:ers|ed)?|militants?|rebels?|soldiers|troops"
    r"|shot|bomb\w*)\b)",
    re.IGNORECASE,
)

# Accident words that a firearm in the same sentence makes a shooting, not an accident.
_GUN_ACCIDENT_WORDS = frozenset({"accident", "accidents", "accidental", "accidentally"})
_FIREARM = re.compile(FIREARM)
# A killing told as what a protest, a funeral or a memorial is about: background.
_PROTEST_FRAME = re.compile(
    r"\b(?:protest\w*|rall(?:y|ied|ies)|vigils?|march(?:ed|es)?|gathered|demonstrat\w+|"
    r"justice\s+for|in\s+memory\s+of|funerals?|commemorat\w+|anniversary|mourn\w*)\b"
)
_MOB_RULE = next(i for i, r in enumerate(CUE_RULES) if r.sub_event_type == "mob_violence")
# Rules that give no cue in a sentence about an accident, a disaster or an illness.
_ACCIDENT_RULES = frozenset(
    i for i, r in enumerate(CUE_RULES)
    if r.sub_event_type == "attack" and r.strength in (0.6, 0.8)
)


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
    search = _CANDIDATE_FAST.search
    content = clean.content()
    vowelled = has_harakat(clean.text)  # "قُتل": short vowels hide the bare stems
    hits = [s for s in content if search(s.text.lower()) or (
        vowelled and search(strip_harakat(s.text)))]
    if not hits:
        return []
    keep = {s.index for s in hits}
    keep.update(s.index for s in content if s.headline)
    keep.add(content[0].index)
    return [s for s in content if s.index in keep]


def find_cues(
    clean: CleanText, sentences: Sequence[Sentence], settings: Settings,
    language: str | None = None,
) -> list[EventCue]:
    """Event cues (with event type and sub-type) in the given sentences.

    >>> from tollwatch.records import Span
    >>> text = "A roadside bomb killed two soldiers."
    >>> clean = CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))
    >>> [(c.event_type, c.sub_event_type) for c in find_cues(clean, clean.sentences, Settings())]
    [('explosion_remote_violence', 'ied'), ('battle', 'attack')]
    """
    cues: list[EventCue] = []
    negation = _negation(language)
    for sentence in sentences:
        cues.extend(_sentence_cues(sentence, negation))
    return cues


def _sentence_cues(sentence: Sentence, negation: re.Pattern[str] = _NEGATION) -> list[EventCue]:
    text, base = sentence.text, sentence.span.start
    low = lowered(text)
    out: list[EventCue] = []
    targets: EventType | None = None  # computed once, for the first generic cue
    facts = _SentenceFacts(low)
    for m in finditer_from(_CUE_RE, _CUE_STARTS, low):
        found = _first_rule(int(str(m.lastgroup)[1:]), text, facts, m.start(), m.end())
        if found is None:
            continue
        index, end, strength = found
        rule = CUE_RULES[index]
        event_type = rule.event_type
        if event_type == "other" and rule.sub_event_type == "attack":
            targets = targets or _target_type(low)
            event_type = targets
        prefix = low[max(0, m.start() - 60):m.start()]
        out.append(
            EventCue(
                event_type=event_type,
                sub_event_type=rule.sub_event_type,
                text=text[m.start():end],
                span=Span(base + m.start(), base + end),
                sentence=sentence.index,
                negated=negation.search(prefix[-40:]) is not None,
                hypothetical=_HYPOTHETICAL.search(prefix) is not None
                or _MODAL_AFTER.match(low, end) is not None,
                strength=strength,
                rule=RULE,
            )
        )
    return out


class _SentenceFacts:
    """What a sentence's cues share, each searched at most once per sentence: a search
    of the whole sentence for every cue made a sentence of n cues cost n times its
    length (50,000 "killed" ran for minutes)."""

    def __init__(self, low: str) -> None:
        self.low = low

    @cached_property
    def accident(self) -> bool:
        """An accident, a disaster or an illness; but a gun that went off ("an accidental
        shooting", "a hunting accident") is gun violence, as monitors of it count it."""
        words = {m.group(0) for m in _ACCIDENT.finditer(self.low)}
        if not words:
            return False
        return not (words <= _GUN_ACCIDENT_WORDS and _FIREARM.search(self.low) is not None)

    @cached_property
    def protest(self) -> bool:
        return _PROTEST_FRAME.search(self.low) is not None


def _first_rule(
    index: int, text: str, facts: _SentenceFacts, start: int, end: int
) -> tuple[int, int, float] | None:
    """The first rule, from `index` on, that matches at `start` and whose context holds:
    (rule index, match end, strength). A context rule that fails ("fought with" and no
    armed man in the sentence) hands the position to the rules after it."""
    strength = _strength(index, text, facts, start, end)
    if strength is not None or not _CONTEXTUAL[index]:
        return None if strength is None else (index, end, strength)
    for later in range(index + 1, len(CUE_RULES)):
        m = _RULE_RES[later].match(facts.low, start)
        if m is None:
            continue
        strength = _strength(later, text, facts, start, m.end())
        if strength is not None or not _CONTEXTUAL[later]:
            return None if strength is None else (later, m.end(), strength)
    return None


def _strength(
    index: int, text: str, facts: _SentenceFacts, start: int, end: int
) -> float | None:
    """The rule's strength; None for a figurative or accidental use (no cue) or a
    context rule whose context is missing."""
    rule, low = CUE_RULES[index], facts.low
    after, before = _AFTER[index], _BEFORE[index]
    if (after is not None and after.match(low, end)) or (
        before is not None and before.search(low[max(0, start - 30):start])
    ):
        return None
    if index in _ACCIDENT_RULES and facts.accident:
        return None
    if index == _MOB_RULE and start > 0 and text[start].isupper() and not text.isupper():
        return None  # "Merrill Lynch": a capitalised name inside a sentence
    needs_before, needs_near, boost = _NEEDS_BEFORE[index], _NEEDS_NEAR[index], _BOOST[index]
    if needs_before is not None and not needs_before.search(low[max(0, start - 60):start]):
        return None
    if needs_near is not None and not needs_near.search(low[max(0, start - 80):end + 80]):
        return None
    if (boost is not None and boost.search(low[max(0, start - 50):end + 50])
            and not facts.protest):
        return rule.boost_to
    return rule.strength


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
    r"assassinated|kidnapped|abducted|wounded|injured|shot|executed)\b|"
    r"\b(?:leav(?:e|es|ing)|left|caus(?:e|es|ed|ing)|result(?:s|ed)?\s+in|raises?)\s+"
    r"(?:\w+\s+){0,3}?(?:casualties|causalities|dead|deaths|fatalities|martyrs|human\s+losses|"
    r"injuries|wounded)\b"
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
    r"\b(?:for|during|in)\s+(?:many\s+|several\s+|\d+\s+|the\s+(?:past|last)\s+\w+\s+)?years|"
    r"ever\s+since|"
    r"over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades)|in\s+the\s+past|"
    r"\b(?:charges?|charged|accused|convicted|sentenced|sued|trial|lawsuit|tried)\s+(?:of|for|with|"
    r"over)\b|\bpolicy\s+of\b|\b(?:repression|campaign|wave|escalation|climate|string|series)\s+of\b"
)
_PLURAL_CUE = re.compile(r"(?:attacks|assaults|raids|murders|bombings|massacres|killings|"
                         r"kidnappings|abductions|assassinations|shootings|executions|actions|"
                         r"operations|atrocities|crimes|explosions|confrontations|encounters|"
                         r"homicides|shoot-?outs|detentions)$")
# What follows a verb, not a plural noun: "attacks the", "raids one of", "kills Al-Hassan".
_VERB_OBJECT = re.compile(r"\s+(?:the|a|an|one|his|her|their|its)\s|\s+(?:al-|[A-Z])")
# "four raids", "two explosions", "more than 60 barrel bombs": counted events are specific.
_COUNTED = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twin)\s+(?:[\w-]+\s+){0,2}$"
)


def _habitual(cue: EventCue, text: str, base: int) -> bool:
    """A plural event noun ("attacks"), unless it is a verb with its object ("IS attacks
    al-Tabaqa airport") or weapons' events are counted ("two explosions")."""
    if _PLURAL_CUE.search(cue.text.lower()) is None:
        return False
    start, end = cue.span.start - base, cue.span.end - base
    if not text.isupper() and _VERB_OBJECT.match(text, end):
        return False
    if cue.event_type != "explosion_remote_violence" and cue.sub_event_type != "armed_clash":
        return True
    return _COUNTED.search(lowered(text[max(0, start - 40):max(0, start)])) is None


def _sentence_score(cues: Sequence[EventCue], text: str, base: int = 0) -> float:
    """Event evidence of one sentence: its best cue, more for a second event word,
    a casualty figure or a time anchor, less for background and habitual plurals.
    `base` is the sentence's offset in the report (cue spans are report offsets)."""
    low = lowered(text)
    strengths = sorted(
        (c.strength * (0.6 if _habitual(c, text, base) else 1.0) for c in cues), reverse=True
    )
    score = strengths[0] + 0.3 * sum(1 for v in strengths[1:] if v >= 0.6)
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
    sentences = {s.index: s for s in clean.sentences}
    best = max(
        (
            _sentence_score(found, sentences[i].text, sentences[i].span.start)
            if i in sentences else _sentence_score(found, "")
            for i, found in by_sentence.items()
        ),
        default=0.0,
    )
    return max(0.0, min(best, 1.0))


def is_relevant(clean: CleanText, cues: Sequence[EventCue], threshold: float = 1.0) -> bool:
    """Whether the report describes at least one specific violent incident.

    Background (politics, war in general, old attacks, plans and threats) stays
    below the threshold; a clear event word with a casualty figure or a time
    anchor, or two event words in one sentence, reach it.
    """
    return relevance_score(clean, cues) >= threshold


# The deaths' own clause naming the accident they died in, right after the figure: "Os
# quatro policiais que ocupavam a aeronave morreram no acidente", "murieron en el choque",
# "were killed in the crash" (a victim who is a soldier or a policeman is no attack's).
_ACCIDENT_AFTER = re.compile(
    r"^[^.;:!?]{0,90}?\b(?:in|on|no|na|num|numa|nos|nas|en|em)\s+(?:(?:the|an?|el|la|los|las|un|una"
    r"|o|a|um|uma|os|as)\s+)?(?:\w+\s+)?" + _ACCIDENT.pattern[2:-3] + r")\b",
    re.IGNORECASE,
)


def accident_after(clause: str) -> bool:
    """The clause after a death figure tells the accident the dead died in ("... morreram
    no acidente", "... murieron en el accidente"), and no firearm: no political violence."""
    return _ACCIDENT_AFTER.search(clause) is not None and _FIREARM.search(clause.lower()) is None


def disaster_subject(clause: str) -> bool:
    """The clause before a death figure has a disaster as its subject ("Floods kill",
    "Heavy rains have killed at least"): the deaths are not political violence."""
    return _DISASTER_SUBJECT.search(clause) is not None
