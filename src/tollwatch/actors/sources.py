"""Attribution: who says so, and in what role (docs/sources.md).

A source is found where a speech frame meets a speaker:

* "..., the Observatory said" / "the ministry said (that) ..." / "..., said a police spokesman"
* "according to (the) X"
* "X was cited by AFP as saying" (X via AFP)
* "X claimed (responsibility for) ..." and a party speaking of its own action
  ("the militant group said it had killed 20", "the army said it killed 50
  terrorists"): role `perpetrator_claim`
* a headline ending in ": Activist group"

The speaker is a named source of the dictionary (SOHR, AFP, Amaq ...), a role
noun ("officials", "witnesses", "state media", "an activist group"), an actor
(the army speaks as an official, an armed group as a claimant), or a pronoun
("it said") that takes the last named source. A generic monitor ("the
Britain-based monitor", "an activist group") takes the name of the one named
monitor of the report, when there is exactly one.

Scope: `source_for_sentence` gives a sentence its own source, else the one of the
closest earlier sentence that had one (claims are never carried over).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import cast

from ..read.prefilter import Prefiltered, start_pattern
from ..records import ActorMention, CleanText, Sentence, SourceMention, SourceRole, Span
from ..violence.detect import lowered
from .dictionary import ActorDictionary, find_actors, tokenize
from .lang import SOURCE_WORDS

RULE = "sources.v1"
CLAIM_RESULT = RULE + ".claim_result"  # the claimant states a result: counts here are claims
CLAIM_RESPONSIBILITY = RULE + ".claim_responsibility"
# An armed party speaking of something else (not its own action): role "unknown".
PARTY_STATEMENT = RULE + ".party_statement"
_CLAIM_RULES = (CLAIM_RESULT, CLAIM_RESPONSIBILITY)

# Speech verbs and "according to" of every language (actors/lang/).
_VERB = re.compile(
    r"\b(?:" + "|".join(w.speech for w in SOURCE_WORDS.values() if w.speech) + r")\b",
    re.IGNORECASE,
)
_CITED_BY = re.compile(
    r"\b(?:was|were|is|are)\s+(?:cited|quoted)\s+by\s+(?P<via>[^,.;]{2,60}?)\s+as\s+(?:saying|stating)",
    re.IGNORECASE,
)
_ACCORDING = re.compile(
    r"\b(?:" + "|".join(w.according for w in SOURCE_WORDS.values() if w.according) + r")\s+",
    re.IGNORECASE,
)
_VERB_FAST = Prefiltered.of(_VERB)  # the same matches, cheaper (read/prefilter.py)
_ACCORDING_FAST = Prefiltered.of(_ACCORDING)
_HEADLINE_TAIL = re.compile(r":\s*(?P<x>[^:]{3,60}?)\s*$")
_BEFORE_GAP = re.compile(
    # "the JNIM group said", "local media outlets put the number of dead at": a name
    # before its head noun
    r"(?:\s+(?:group|movement|militia|organi[sz]ation|faction|alliance|coalition|outfit"
    r"|outlets|television|tv|radio|channel|news\s+agency))?"
    # "The Defence Headquarters (DHQ) on Thursday said": the speaker's short name
    r"(?:\s*\([\w.&-]{2,12}\))?"
    # "Police spokesman Abdifatah Aden Hassan told reporters": the speaker's own name
    r"(?-i:(?:\s+[A-Z][a-z][\w'’-]*){2,4})?"
    # "Al Shabaab, which is linked to al Qaeda, said": a relative clause between them
    # or "Fano, which says it is defending the Amhara people, said"
    r"(?:\s*,\s*(?:which|who)\s+[^,.;]{1,60}?,)?"
    # "A local official, speaking on condition of anonymity, said": an aside on the speaker
    r"(?:\s*,\s*(?:speaking|requesting|asking|declining|citing)\s+[^,.;]{1,60}?,)?"
    # "Al-Shabaab, in a statement on its radio, said": where the speaker said it
    r"(?:\s*,\s*(?:in|on|via|through)\s+(?:a|an|its|their|his|her|the)\s+[^,.;]{1,60}?,)?"
    r"(?:\s+(?:monitoring|tracking|documenting|that\s+monitors|which\s+monitors)\s+[^,.;]{1,40}?)?"
    # "the government in Port Sudan put the toll at 150": where the speaker sits
    # or works: "a doctor at Quetta's Civil Hospital put the number of dead at 18"
    r"(?:\s+(?:based\s+)?in\s+[\w-]+(?:\s+[\w-]+)?|\s+at\s+(?:the\s+)?[\w-]+(?=['’]s\s))?"
    r"[\s,]*(?:['’]s\s+[\w-]+(?:\s+[\w-]+)?[\s,]*)?"
    # "..., who spoke on condition of anonymity because he was not authorised to talk to
    # reporters, put": a long aside on why the speaker is not named
    r"(?:who\s+(?:spoke|asked|requested|declined|was\s+not|were\s+not)\b[^.;,]{1,110},\s*)?"
    r"(?:(?:has|have|had|also|later|earlier|then|previously|separately|further|again|"
    r"on\s+\w+|last\s+\w+|in\s+a\s+\w+(?:\s+\w+)?)[\s,]*){0,3}",
    re.IGNORECASE,
)
_AFTER_GAP = re.compile(r"\s+(?:(?:the|a|an)\s+)?", re.IGNORECASE)
# A relative clause open before a speaker: "X, which is linked to <speaker>"
_RELATIVE_END = re.compile(r",\s*(?:which|who)\s+[^,.;]{1,40}$", re.IGNORECASE)
# "backed by US airstrikes, declared": a prepositional object is not the speaker
_AGENT = re.compile(r"\b(?:by|with|of|to|against|from|on|at|for)\s+(?:the\s+)?$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|he|she|they)$", re.IGNORECASE)

_ROLE_NOUNS: tuple[tuple[SourceRole, str], ...] = (
    ("official", r"(?:(?:security|military|army|police|government|medical|hospital|official)"
                 r"\s+sources?)"),
    ("unknown", r"(?:(?:local|informed|other|several|unnamed|reliable)\s+)?sources?"),
    ("witness", r"(?:eye)?witness(?:es)?|residents?|villagers?|survivors?|relatives|"
                r"family\s+members|neighbou?rs|locals?|passers?-?by"
                # "a local community leader put the toll at 31"
                r"|(?:(?:local|community|traditional|village|youth|religious|tribal|clan)\s+)+"
                r"(?:leaders?|chiefs?|heads?|elders?)|elders"),
    ("monitor", r"(?:an?\s+|the\s+)?(?:(?:local|syrian|opposition|human\s+rights|rights|war)\s+)?"
                r"(?:activist\s+groups?|activists?|monitor(?:ing\s+group)?|rights\s+groups?|"
                r"watchdog|observers|(?:resistance|coordination|emergency)\s+committees?)"
                # an appositive that says what a named group does: "The Emergency Lawyers,
                # a group that documents abuses in the war, put the toll at 40"
                r"|(?:an?\s+)?(?:group|organi[sz]ation|network|body)\s+that\s+(?:documents|tracks"
                r"|monitors|records|counts)\b[^,.;]{0,40}"),
    ("official", r"(?:(?:local|provincial|regional|state|government|military|army|police|"
                 r"security|health|hospital|medical|interior|defen[cs]e|foreign|federal|"
                 r"municipal|senior|top|district|city|town|village|u\.?s\.?|western|iraqi|"
                 r"syrian|afghan|nigerian|mexican|pakistani|colombian|peruvian|salvadoran|"
                 r"israeli|palestinian|russian|ukrainian|turkish|a|an|the)\s+){0,4}"
                 # "the Ministry of Defence said": the office named after its head noun
                 r"(?:ministry\s+of\s+(?:the\s+)?(?:defen[cs]e|interior|health|home\s+affairs|"
                 r"internal\s+affairs|security|information|foreign\s+affairs)|"
                 r"officials?|spokes(?:man|woman|person)|ministry|minister|authorities|"
                 r"governor|mayor|commander|general\s+staff|chairman|chairperson|chairwoman|prosecutors?|police\s+chief|doctors?|medics|"
                 r"paramedics|coroner|government|presidency|statement|lawmakers?|legislators?"
                 r"|senators?|councill?ors?"
                 # a military command: "US Africa Command said", "CENTCOM said", "the Joint
                 # Operations Command said"
                 r"|(?:africa|central|european|southern|northern|indo-pacific|special\s+operations"
                 r"|military|army|regional|theatre|theater|(?:joint\s+)?operations)\s+command"
                 r"|africom|centcom|pentagon|security\s+media\s+cell|defen[cs]e\s+headquarters"
                 # an army's press office: "the Inter-Services Public Relations (ISPR) said",
                 # "the military's media wing said"
                 r"|inter-services\s+public\s+relations"
                 r"|(?:military|army|armed\s+forces|defen[cs]e)(?:['’]s)?\s+media\s+(?:wing|office|cell|arm))"),
)
# The other languages' office words (`SourceWords.roles`, actors/lang/)
_ROLE_NOUNS += tuple(
    (cast(SourceRole, role), words)
    for w in SOURCE_WORDS.values() for role, words in w.roles
)


def _role_re(rows: list[int]) -> re.Pattern[str]:
    """The role nouns of `rows`, each in its group `r<index>` (matched on lower-cased
    text, faster than re.IGNORECASE)."""
    return re.compile("\\b(?:" + "|".join(
        f"(?P<r{i}>(?:{_ROLE_NOUNS[i][1]})\\b)" for i in rows) + ")")


def _role_res() -> tuple[Prefiltered, ...]:
    """The rows whose first characters can be listed run only where those begin
    (read/prefilter.py); one row that cannot ("[\\w'-]+ ова") would make the whole
    alternation run at every word of every sentence, so those rows run apart."""
    listed = [i for i, (_, pat) in enumerate(_ROLE_NOUNS) if start_pattern([pat], 6) is not None]
    rest = [i for i in range(len(_ROLE_NOUNS)) if i not in listed]
    return tuple(Prefiltered.of(_role_re(rows)) for rows in (listed, rest) if rows)


_ROLE_RES = _role_res()
_GENERIC_MONITOR = re.compile(
    r"(?:activist|monitor|rights\s+group|watchdog|observers|(?:uk|britain|london)[\s-]+based)",
    re.IGNORECASE,
)
_KILL = (r"(?:killed|kill|killing|wounded|injured|destroyed|neutrali[sz]ed|eliminated|"
         r"gunned\s+down|neutrali[sz]ing|shot\s+dead|"
         r"shot\s+down|downed|captured|executed|attacked|ambushed|targeted|carried\s+out|"
         r"struck|hit|repelled|bombed|shelled|inflicted)")
# "claimed responsibility for the assault, in which three of its fighters were also
# killed": an aside on the deed claimed, told by the report, not the party's result.
_DEED_ASIDE = re.compile(r"[^.;,]{0,60},\s+(?:in|during)\s+which\b", re.IGNORECASE)
_OWN_RESULT = re.compile(
    r"\b(?:it|they|we|its\s+\w+|their\s+\w+|our\s+\w+)\b[^.;]{0,60}?\b" + _KILL + r"\b",
    re.IGNORECASE,
)
_STATE_RESULT = re.compile(
    r"\b(?:troops|soldiers|forces|(?:army|military|police)(?!\s+(?:post|base|camp|patrol|convoy"
    # "attacked an army post ..., killing 31 soldiers and volunteer fighters": a place
    # or a target of the forces, not the forces acting
    r"|checkpoint|outpost|barracks|station|vehicle|truck|position|garrison)s?\b)"
    r"|security\s+forces|warplanes|jets|aircraft|units|personnel|the\s+air\s+force"
    # the forces' own strike, told by them: "US Africa Command said the strike killed three
    # al-Shabaab militants"
    r"|(?:the|its|their|our)\s+(?:air\s*|drone\s+|precision\s+)?(?:strikes?|raids?|operations?))\b"
    # not across the forces' own loss: "two police officers were killed and five wounded
    # when dissidents ..." is no result
    r"(?:(?!\b(?:were|was|been|are|is)\s+(?:killed|wounded|injured|shot)\b)[^.;]){0,50}?\b"
    # the forces act: "officers were killed when gunmen ..." is their loss, not a result
    r"(?<!were\s)(?<!was\s)(?<!been\s)(?<!being\s)(?<!are\s)(?<!is\s)" + _KILL
    + r"\b[^.;]{0,60}?"
    r"\b(?:terrorists?|militants?|insurgents?|rebels?|fighters|gunmen|bandits|jihadists?|"
    r"extremists?|separatists?|guerrillas?|subversives?|criminals?|cartel|dissidents?|"
    r"attackers|assailants|gang\s+members|kidnappers|khwarij|khawarij|kharijis?|maoists?|"
    r"naxal(?:ite)?s?|cadres|miscreants|al-shabaab|shabaab"
    # another state's soldiers, named by their nation: "Afghan forces had killed nine
    # Pakistani soldiers" (the forces' own losses are told in the passive, "three of its
    # soldiers were killed", which the lookbehinds above keep out)
    r"|enemy\s+(?:soldiers|troops)|[a-z]+(?:an|ani|ese|ish|i)\s+(?:soldiers|troops|servicemen))\b",
    re.IGNORECASE,
)
# The forces' action leaving armed men dead: "the riposte by ground and air units left some
# twenty terrorists neutralised", "the operation left 14 militants dead".
_STATE_RESULT_LEFT = re.compile(
    r"\b(?:troops|soldiers|forces|army|military|units|riposte|counter-?attack|counter-?offensive"
    r"|operation|air\s*strikes?)\b[^.;]{0,60}?\bleft\s+(?:[\w-]+\s+){1,3}?(?:terrorists?|"
    r"militants?|insurgents?|rebels?|jihadists?|bandits|khwarij|khawarij|attackers|assailants)"
    r"\s+(?:neutrali[sz]ed|dead)\b",
    re.IGNORECASE,
)
# The forces' riposte told in the passive: "dozens of assailants were killed in the
# counter-offensive", "some 20 terrorists were neutralised during the response": the armed
# men the forces' own action left dead, told by the forces, are their claim.
_STATE_RESULT_PASSIVE = re.compile(
    r"\b(?:terrorists?|militants?|insurgents?|rebels?|jihadists?|bandits|attackers|assailants"
    r"|fighters|gunmen)[\"'”’]?\s+(?:were|had\s+been|have\s+been)\s+(?:killed|neutrali[sz]ed"
    r"|eliminated)\s+(?:in|during)\s+(?:the|a)\s+(?:(?:ensuing|subsequent)\s+)?"
    r"(?:counter-?offensive|counter-?attack|riposte|response|retaliation|pursuit"
    r"|(?:follow-up\s+|clearance\s+)?operations?)\b",
    re.IGNORECASE,
)
# An armed party reporting its enemy's losses ("ten soldiers were killed") is claiming them.
_ENEMY_LOSSES = re.compile(
    r"\b(?:soldiers?|troops|policemen|police|officers|forces|fighters|militiamen|militants|"
    r"rebels|terrorists|mercenaries|enemy|invaders|apostates|crusaders|regime|army)\b"
    r"[^.;]{0,40}?\b" + _KILL + r"\b|\b" + _KILL + r"\s+(?:\w+\s+){0,3}(?:soldiers?|troops|"
    r"policemen|officers|fighters|militiamen|enemy|mercenaries|apostates|crusaders)\b",
    re.IGNORECASE,
)
_RESPONSIBILITY = re.compile(r"\bclaim(?:ed|s|ing)?\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Speaker:
    """A phrase that may be the subject of a speech verb."""

    name: str
    role: SourceRole
    span: Span
    actor_category: str | None = None  # when the speaker is an actor (army, IS)
    outlet: bool = False  # a perpetrator's own outlet (Amaq)


def _speakers(
    clean: CleanText, sentence: Sentence, actors: ActorDictionary,
    actor_mentions: Sequence[ActorMention],
) -> list[_Speaker]:
    """Named sources, role nouns and actors in one sentence, in text order."""
    out: list[_Speaker] = []
    tokens = tokenize(sentence.text, sentence.span.start)
    for match in actors.source_matcher.scan(tokens, clean.upper):
        entry = actors.sources[match.index]
        span = Span(tokens.starts[match.start], tokens.ends[match.end - 1])
        role = cast(SourceRole, entry.role)  # validated when the dictionary is loaded
        out.append(_Speaker(entry.name, role, span, outlet=entry.role == "perpetrator_claim"))
    base = sentence.span.start
    taken = _Taken(sentence.span)
    for speaker in out:
        taken.add(speaker.span)
    low = lowered(sentence.text)
    matches = [m for regex in _ROLE_RES for m in regex.finditer(low)]
    for m in sorted(matches, key=lambda m: m.start()):
        span = Span(base + m.start(), base + m.end())
        if taken.overlaps(span):
            continue
        role_index = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        name = re.sub(r"^(?:an?|the)\s+", "", m.group())
        out.append(_Speaker(name, _ROLE_NOUNS[role_index][0], span))
        taken.add(span)
    for m in _RANKED.finditer(sentence.text):
        span = Span(base + m.start(), base + m.end())
        if not taken.overlaps(span):
            out.append(_Speaker(m.group(), "official", span))
            taken.add(span)
    for mention in actor_mentions:
        if taken.overlaps(mention.span):
            continue
        taken.add(mention.span)
        category = mention.actor.category
        actor_role: SourceRole = "official" if category in ("state", "police") else (
            "witness" if category == "civilians" else "perpetrator_claim")
        out.append(_Speaker(mention.actor.name, actor_role, mention.span, category))
    return sorted(out, key=lambda s: s.span.start)


class _Taken:
    """The characters of a sentence covered by spans found so far: an overlap test that
    costs the span's length, not the number of spans (a sentence of n speakers cost n * n)."""

    def __init__(self, sentence: Span) -> None:
        self.base = sentence.start
        self.covered = bytearray(sentence.end - sentence.start)

    def overlaps(self, span: Span) -> bool:
        start, end = self._clip(span)
        return start < end and self.covered.find(1, start, end) >= 0

    def add(self, span: Span) -> None:
        start, end = self._clip(span)
        if start < end:
            self.covered[start:end] = b"\x01" * (end - start)

    def _clip(self, span: Span) -> tuple[int, int]:
        size = len(self.covered)
        return (min(max(span.start - self.base, 0), size),
                min(max(span.end - self.base, 0), size))


class _Hits:
    """A pattern searched in what follows a point of one sentence, for each of its speech
    frames: a match found from one point answers every earlier point, and no match from a
    point answers every later one, so a sentence is read about once, not once per frame.
    Frames end at word ends, where searching the rest of the text from `pos` reads the
    same as searching a slice starting there."""

    def __init__(self, pattern: re.Pattern[str], text: str, end: int) -> None:
        self.pattern, self.text, self.end = pattern, text, end
        self.found: int | None = None  # start of the last match found
        self.none_from: int | None = None  # no match starts at or after this point

    def after(self, pos: int) -> bool:
        if self.found is not None and pos <= self.found:
            return True
        if self.none_from is not None and pos >= self.none_from:
            return False
        m = self.pattern.search(self.text, pos, self.end)
        if m is None:
            self.none_from = pos if self.none_from is None else min(pos, self.none_from)
            return False
        self.found = m.start() if self.found is None else max(m.start(), self.found)
        return True


@dataclass
class _State:
    """What the scan remembers across sentences."""

    last: SourceMention | None = None
    speakers: list[_Speaker] = field(default_factory=list)
    claim_names: dict[str, str] = field(default_factory=dict)  # actor -> its claim outlet
    hits: dict[str, _Hits] = field(default_factory=dict)  # this sentence's claim patterns
    state_result: bool | None = None  # _STATE_RESULT in this sentence, once asked


def find_sources(
    clean: CleanText,
    sentences: Sequence[Sentence],
    actors: ActorDictionary,
    actor_mentions: Sequence[ActorMention] | None = None,
) -> list[SourceMention]:
    """Source mentions (who says so) in `sentences`, in text order.

    `actor_mentions` are those `find_actors` gave for the same sentences, when the
    caller has them already (the pipeline does); otherwise they are found here.

    >>> from tollwatch.actors import load_actors
    >>> from tollwatch.settings import Settings
    >>> from tollwatch.records import CleanText, Sentence, Span
    >>> text = "Five people died, the Syrian Observatory for Human Rights said."
    >>> clean = CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))
    >>> [(s.name, s.role) for s in find_sources(clean, clean.sentences, load_actors(Settings()))]
    [('Syrian Observatory for Human Rights', 'monitor')]
    """
    if actor_mentions is None:
        actor_mentions = find_actors(clean, sentences, actors)
    by_sentence: dict[int, list[ActorMention]] = {}
    for actor_mention in actor_mentions:
        by_sentence.setdefault(actor_mention.sentence, []).append(actor_mention)
    state = _State()
    found: list[SourceMention] = []
    for sentence in sentences:
        speakers = _speakers(clean, sentence, actors, by_sentence.get(sentence.index, []))
        state.speakers, state.state_result = speakers, None
        state.hits = {
            name: _Hits(pattern, clean.text, sentence.span.end)
            for name, pattern in (("own", _OWN_RESULT), ("enemy", _ENEMY_LOSSES))
        }
        for mention in _attributions(clean, sentence, speakers, state):
            found.append(mention)
            state.last = mention
    return _name_generic_monitors(found, actors)


def _attributions(
    clean: CleanText, sentence: Sentence, speakers: list[_Speaker], state: _State
) -> list[SourceMention]:
    text, base = clean.text, sentence.span.start
    results: list[SourceMention] = []
    seen: set[Span] = set()

    def add(mention: SourceMention | None) -> None:
        if mention is not None and mention.span not in seen:
            seen.add(mention.span)
            results.append(mention)

    for m in _ACCORDING_FAST.finditer(sentence.text):
        start = base + m.end()
        speaker = next((s for s in speakers if s.span.start - start in range(0, 5)), None)
        add(_mention(clean, sentence, speaker, state, Span(base + m.start(), base + m.end())))
    for m in _CITED_BY.finditer(sentence.text):
        verb_start = base + m.start()
        speaker = _speaker_before(text, speakers, verb_start)
        via = next((s.name for s in speakers
                    if base + m.start("via") <= s.span.start < base + m.end("via")),
                   m.group("via").strip())
        mention = _mention(clean, sentence, speaker, state, Span(verb_start, base + m.end()))
        add(replace(mention, via=via) if mention else None)
    for m in _VERB_FAST.finditer(sentence.text):
        verb = Span(base + m.start(), base + m.end())
        if any(r.span.contains(verb) or verb.start < r.span.end <= verb.end for r in results):
            continue
        speaker = _speaker_before(text, speakers, verb.start) or _speaker_after(
            text, speakers, verb)
        if speaker is None and _PRONOUN.search(text[max(base, verb.start - 6):verb.start].rstrip()):
            add(_pronoun(clean, sentence, state, verb))
            continue
        add(_mention(clean, sentence, speaker, state, verb))
    if sentence.headline and not results:
        tail = _HEADLINE_TAIL.search(sentence.text)
        if tail:
            start = base + tail.start("x")
            speaker = next((s for s in speakers if s.span.start >= start), None)
            add(_mention(clean, sentence, speaker, state, Span(start, base + tail.end("x"))))
    return sorted(results, key=lambda r: r.span.start)


def _speaker_before(text: str, speakers: list[_Speaker], verb_start: int) -> _Speaker | None:
    for speaker in reversed(speakers):
        if speaker.span.end <= verb_start:
            gap = text[speaker.span.end:verb_start]
            object_of = _AGENT.search(text, max(0, speaker.span.start - 16), speaker.span.start)
            if _RELATIVE_END.search(text, 0, speaker.span.start):
                # inside a relative clause, the one before speaks: "Al Shabaab, which is
                # linked to al Qaeda, said", "IS, which the ADF has pledged allegiance to,
                # said", "Fano, which says it defends the Amhara people, said"
                continue
            if not _BEFORE_GAP.fullmatch(gap) or object_of:
                if _UNNAMED_ASIDE.search(text, max(0, verb_start - 160), verb_start):
                    continue  # "a doctor at ... Civil Hospital, who ... talk to reporters,
                    # put": the words of the aside name no speaker; the one before it speaks
                return None
            return speaker
    return None


# An aside on why a speaker is not named, just before the speech verb.
_UNNAMED_ASIDE = re.compile(
    r",\s*who\s+(?:spoke|asked|requested|declined|was\s+not|were\s+not)\b[^.;,]{1,110},\s*$",
    re.IGNORECASE,
)


def _speaker_after(text: str, speakers: list[_Speaker], verb: Span) -> _Speaker | None:
    """", said a police spokesman": the inverted order, only after a comma or quote."""
    before = text[max(0, verb.start - 3):verb.start]
    if not re.search(r"[,\"”'’]\s*$", before):
        return None
    for speaker in speakers:
        if speaker.span.start >= verb.end:
            gap = text[verb.end:speaker.span.start]
            return speaker if _AFTER_GAP.fullmatch(gap) else None
    return None


def _pronoun(
    clean: CleanText, sentence: Sentence, state: _State, verb: Span
) -> SourceMention | None:
    """"it said": the last named source, its role and `via` kept."""
    if state.last is None:
        return None
    start = clean.text.rfind(" ", sentence.span.start, verb.start - 1) + 1
    span = Span(start, verb.end)
    return replace(state.last, text=clean.text[span.start:span.end], span=span,
                   sentence=sentence.index, rule=state.last.rule)


def _mention(
    clean: CleanText, sentence: Sentence, speaker: _Speaker | None, state: _State, frame: Span
) -> SourceMention | None:
    if speaker is None:
        return None
    span = Span(min(speaker.span.start, frame.start), max(speaker.span.end, frame.end))
    text = clean.text[span.start:span.end]
    if speaker.name.lower() == "statement" and state.last is not None and state.last.role in (
            "official", "perpetrator_claim"):
        # "the statement said": the statement of the speaker named before ("the army said
        # in a statement ... The riposte left 20 terrorists neutralised, the statement said")
        speaker = replace(speaker, name=state.last.name, role=state.last.role)
    rule, role, name = RULE, speaker.role, speaker.name
    claim = _claim_rule(clean, sentence, speaker, frame, state)
    if claim == PARTY_STATEMENT:
        role, rule, claim = "unknown", claim, None
    if claim is not None:
        # a state force's "we killed 14 insurgents" is a claim (never added to a toll) by
        # an official; an armed group's is a perpetrator's claim (docs/sources.md)
        role = "official" if _state_speaker(speaker) else "perpetrator_claim"
        rule = claim
        outlet = next((s.name for s in state.speakers if s.outlet and s is not speaker), None)
        if outlet is not None:
            name = outlet
        elif speaker.actor_category is not None:
            name = state.claim_names.get(speaker.name, name)
        if speaker.actor_category is not None:
            state.claim_names[speaker.name] = name
    return SourceMention(name=name, role=role, text=text, span=span,
                         sentence=sentence.index, rule=rule)


def _claim_rule(
    clean: CleanText, sentence: Sentence, speaker: _Speaker, frame: Span, state: _State
) -> str | None:
    """The claim kind when the speaker is a party speaking of its own action."""
    verb = clean.text[frame.start:frame.end]
    armed = speaker.outlet or (
        speaker.actor_category is not None
        and speaker.actor_category not in ("state", "police", "civilians")
    )
    state_speaker = _state_speaker(speaker)
    if armed:
        if _RESPONSIBILITY.search(verb) and _DEED_ASIDE.match(clean.text, frame.end):
            return CLAIM_RESPONSIBILITY  # its own men's deaths in the aside are no claim
        if state.hits["own"].after(frame.end) or state.hits["enemy"].after(frame.end):
            return CLAIM_RESULT
        if _RESPONSIBILITY.search(verb) or speaker.outlet:
            return CLAIM_RESPONSIBILITY
        return PARTY_STATEMENT
    if state_speaker and (state.hits["own"].after(frame.end) or _state_result(sentence, state)):
        return CLAIM_RESULT
    return None


def _state_speaker(speaker: _Speaker) -> bool:
    """The army, the police, a defence ministry, an officer by rank: a state force speaking."""
    return speaker.actor_category in ("state", "police") or bool(
        speaker.role == "official"
        and re.search(r"army|military|defen[cs]e|police|security|\bcommand\b|pentagon|government"
                      r"|inter-services|\bispr\b",
                      speaker.name, re.IGNORECASE)
    ) or bool(speaker.role == "official" and _RANKED.match(speaker.name + " said"))


# An officer named by rank: "Captain Abdi Nur said", "Lt. Col. Ramon Santos said" (the
# name's capitals are read on the original text).
_RANKED = re.compile(
    r"(?:(?:Lt\.?|Lieutenant|Brig\.?|Brigadier|Maj\.?|Major|Col\.?|Colonel|Capt\.?|Captain|"
    r"Gen\.?|General|Sgt\.?|Sergeant|Cpl\.?|Corporal|Inspector|Superintendent)\s+){1,2}"
    r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+(?=\s+(?:said|says|told|added)\b)"
)


def _state_result(sentence: Sentence, state: _State) -> bool:
    if state.state_result is None:
        state.state_result = (_STATE_RESULT.search(sentence.text) is not None
                              or _STATE_RESULT_LEFT.search(sentence.text) is not None
                              or _STATE_RESULT_PASSIVE.search(sentence.text) is not None)
    return state.state_result


def _name_generic_monitors(
    found: list[SourceMention], actors: ActorDictionary
) -> list[SourceMention]:
    """"an activist group said" takes the name of the report's one named monitor."""
    named = {s.name for s in found if s.role == "monitor" and s.rule == RULE} & {
        e.name for e in actors.sources if e.role == "monitor"
    }
    if len(named) != 1:
        return found
    (only,) = named
    return [
        replace(s, name=only)
        if s.role == "monitor" and s.name not in named and _GENERIC_MONITOR.search(s.name)
        else s
        for s in found
    ]


def source_for_sentence(
    sources: Sequence[SourceMention], sentence_index: int
) -> SourceMention | None:
    """The source of a sentence: its own first source, else the closest earlier one.

    Sources carry over to the following sentences until another source is named;
    a perpetrator's claim is scoped to its own sentence and is never carried over.
    """
    own = [s for s in sources if s.sentence == sentence_index]
    if own:
        return own[0]
    earlier = [s for s in sources if s.sentence < sentence_index and s.rule not in _CLAIM_RULES]
    return max(earlier, key=lambda s: (s.sentence, s.span.start)) if earlier else None


def claim_covers(
    claim: SourceMention, figure: Span, text: str, others: Sequence[SourceMention]
) -> bool:
    """Is `figure` of the claim's sentence the claim's own result?

    "Troops killed 30 militants, the army said" is (the figure before the speaker, the
    claim told in the inverted order); "jihadists killed 22 civilians, local sources
    said, while the army said it had killed 30 militants" and "22 civilians killed in
    raid, army says it killed 30 attackers" are not for the 22: another source stands
    between, or the claim's own result follows its verb.
    """
    if figure.start >= claim.span.start:
        return True
    if any(o.span != claim.span and figure.end <= o.span.start and o.span.end <= claim.span.start
           for o in others):
        return False
    result = _OWN_RESULT.search(text, claim.span.end, claim.span.end + 80)
    return result is None or result.start() - claim.span.end > 4


def is_claim_sentence(sources: Sequence[SourceMention], sentence_index: int) -> bool:
    """True when figures in the sentence are a party's claim about its own action.

    "The militant group said it had killed 20" is; "IS claimed the offensive" is a
    claim of responsibility only (its sentence's counts are not the claimant's).
    """
    return any(s.sentence == sentence_index and s.rule == CLAIM_RESULT for s in sources)
