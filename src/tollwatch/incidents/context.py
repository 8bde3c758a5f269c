"""Sentence context for figures: which date, place, source, actors and cues apply.

The incident builder asks one `Context` per report, built once from the mentions,
for the attributes of a sentence: its own mentions first, with documented
fall-backs (docs/incidents.md).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from ..actors.lang import SOURCE_WORDS
from ..actors.sources import CLAIM_RESULT
from ..dates.choice import is_reporting_date
from ..places.lang import union
from ..places.rules import BEYOND_RULE, LAST_RESORT_RULES
from ..records import (
    ActorMention,
    DateMention,
    EventCue,
    Mentions,
    PlaceMention,
    Sentence,
    SourceMention,
    Span,
    TollMention,
)
from ..violence.lang import VIOLENCE_WORDS

# Place precision from most to least specific: a figure takes the most specific place
# of its sentence.
PLACE_RANK = {
    "point": 0,
    "near": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 4,
    "country": 5,
    "unknown": 6,
}

_AREA_PRECISIONS = frozenset({"admin1", "admin2", "region", "country"})

# words of harm without a figure ("casualties"): a figure-less incident's anchor
_HARM_WORDS = "|".join(w.harm for w in VIOLENCE_WORDS.values() if w.harm)
_HARM = re.compile(rf"\b(?i:{_HARM_WORDS})\b")
# a link that opens another clause of the sentence: "and" before a lower-case word that
# continues no list of places ("Daraa city and casualties in ...", not "Homs and the
# countryside of Hama", "Homs and western Aleppo"); "killed and injured" joins two
# harms, not two clauses (_HARM_PAIR)
_CLAUSE_LINK = re.compile(
    rf"\b(?:{union('clause_links')})\s+"
    rf"(?!(?i:{union('list_words')}|{union('directions')}|{union('near')})\b)"
    r"[a-z]"
)
_HARM_PAIR = re.compile(rf"(?i:{_HARM_WORDS})\s+\w+\s+(?i:{_HARM_WORDS})\b")

# Coarse sides for actor compatibility: two figures whose victims are on different
# sides are never the same incident, nor one a part of the other.
_SIDE_BY_TYPE = {
    "state": "government",
    "military": "government",
    "police": "government",
    "rebel": "rebel",
    "jihadist": "jihadist",
    "militant": "militant",
    "criminal": "criminal",
    "civilians": "civilian",
    "civilian": "civilian",
}


def actor_side(actor: ActorMention | None) -> str | None:
    """The coarse side of an actor, or None when it says nothing (people, unknown)."""
    if actor is None:
        return None
    category = (actor.actor.category or "").lower()
    if "pro_gov" in category or "pro-gov" in category or category in {"state", "government"}:
        return "government"
    if category in {"civilian", "civilians"}:
        return "civilian"
    if category in {"jihadist", "rebel", "criminal", "militia"}:
        return category
    return _SIDE_BY_TYPE.get(actor.actor.type)


# Class names that stand for any group of their side ("jihadists", "militants").
GENERIC_ACTORS = frozenset(
    {
        "military forces",
        "police forces",
        "pro-government militia",
        "rebels",
        "jihadists",
        "communal militia",
        "criminal group",
        "unidentified armed group",
        "anaphoric armed group",
        "civilians",
    }
)

# Victim phrases that name no side: "40 people", "dozens of persons".
_GENERIC_VICTIM = re.compile(
    r"\b(people|persons|individuals|others|dead|bodies|lives|deaths|casualties|victims)\b"
    # Arabic "persons" (شخصاً, أشخاص, شخصين): no side, as "people"
    r"|(?<!\w)[وبل]?(?:شخص|أشخاص|اشخاص)\w*",
    re.IGNORECASE,
)
# "..., killing 11 people, a local People's Defence Force member said": a member of a
# group who speaks after the figure is its witness, not its perpetrator
_MEMBER_SPEAKS_AFTER = re.compile(
    r"\s+(?:members?|activists?|volunteers?|residents?)\s+(?:who\s+\w+\s+)?"
    r"(?:said|says|told)\b",
    re.IGNORECASE,
)


_TARGET_BEFORE = re.compile(
    r"\b(?:at|on|near|next\s+to|outside|against|targeting|targeted|target|hit|struck"
    r"|attacked|attacking|ambushed|ambushing|raided|stormed|killing|killed|shelled)"
    r"\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?$"
    # each language's words before the side hit (actors/lang/<code>.py `targets`)
    + "".join(f"|{w.targets}" for w in SOURCE_WORDS.values() if w.targets),
    re.IGNORECASE,
)


def actor_key(actor: ActorMention) -> str:
    """The actor's name without its country suffix, in lower case."""
    return re.sub(r"\s*\(.*\)$", "", actor.actor.name).lower()


def is_generic(actor: ActorMention) -> bool:
    key = actor_key(actor)
    return key in GENERIC_ACTORS or key.startswith("military forces")


def generic_victim(victim_text: str | None) -> bool:
    """True for a victim phrase that names no side ("40 people")."""
    return victim_text is not None and bool(_GENERIC_VICTIM.search(victim_text))


def actors_compatible(a: ActorMention | None, b: ActorMention | None) -> bool:
    """Two perpetrators may be one: same actor, or a generic class on the same side."""
    if a is None or b is None or actor_key(a) == actor_key(b):
        return True
    if is_generic(a) or is_generic(b):
        return sides_compatible(actor_side(a), actor_side(b))
    return False


def sides_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@dataclass
class Context:
    """Mentions indexed by sentence, for quick look-ups by the incident builder."""

    dates: dict[int, list[DateMention]] = field(default_factory=lambda: defaultdict(list))
    places: dict[int, list[PlaceMention]] = field(default_factory=lambda: defaultdict(list))
    actors: dict[int, list[ActorMention]] = field(default_factory=lambda: defaultdict(list))
    sources: dict[int, list[SourceMention]] = field(default_factory=lambda: defaultdict(list))
    cues: dict[int, list[EventCue]] = field(default_factory=lambda: defaultdict(list))
    tolls: dict[int, list[TollMention]] = field(default_factory=lambda: defaultdict(list))
    source_order: list[SourceMention] = field(default_factory=list)
    text: str = ""
    published: date | None = None
    country: str | None = None  # the report's main country (places.document_country)
    # cue_in's answer by sentence: asked once per figure, it must not rescan the
    # sentence's cues each time (a sentence of n figures and n cues cost n * n)
    _strongest_cue: dict[int, EventCue | None] = field(default_factory=dict, repr=False)
    # (sentence, start) of each of `source_order`, made once: source_for is asked once
    # per figure, and rebuilding it each time cost sentences * sources (issue 11)
    _source_keys: list[tuple[int, int]] = field(default_factory=list, repr=False)

    @classmethod
    def build(
        cls,
        mentions: Mentions,
        text: str = "",
        published: date | None = None,
        country: str | None = None,
    ) -> Context:
        ctx = cls(text=text, published=published, country=country)
        for d in mentions.dates:
            ctx.dates[d.sentence].append(d)
        for p in mentions.places:
            ctx.places[p.sentence].append(p)
        for a in mentions.actors:
            ctx.actors[a.sentence].append(a)
        for s in mentions.sources:
            ctx.sources[s.sentence].append(s)
        for c in mentions.cues:
            ctx.cues[c.sentence].append(c)
        for t in mentions.tolls:
            ctx.tolls[t.sentence].append(t)
        ctx.source_order = sorted(mentions.sources, key=lambda s: (s.sentence, s.span.start))
        return ctx

    # -- dates -------------------------------------------------------------------
    def date_in(self, sentence: int, near: Span | None = None) -> DateMention | None:
        """The event date of a sentence nearest the figure (statement dates skipped)."""
        found = [
            d
            for d in self.dates.get(sentence, [])
            if (d.start or d.end or d.relative) and not is_reporting_date(self.text, d)
        ]
        if not found:
            return None
        if near is None:
            return found[0]
        # a date in the figure's own clause first: "the second shooting this month; four
        # people died in Birmingham on Sept. 6" is dated Sept. 6
        return min(found, key=lambda d: (self._other_clause(d.span, near),
                                         _distance(d.span, near)))

    def _other_clause(self, a: Span, b: Span) -> bool:
        """A semicolon stands between the two spans."""
        lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
        return ";" in self.text[lo:hi]

    def first_event_date(self) -> DateMention | None:
        """The report's first single-day event date: the fall-back measured best on
        multi-incident reports (docs/dates.md, "Choosing an incident's date")."""
        for sentence in sorted(self.dates):
            for d in self.dates[sentence]:
                if (
                    d.start is not None
                    and d.start == d.end
                    and d.precision == "day"
                    and (self.published is None or d.start <= self.published)
                    and not is_reporting_date(self.text, d)
                ):
                    return d
        return None

    # -- places ------------------------------------------------------------------
    def place_in(
        self, sentence: int, near: Span | None = None, *, clauses: bool = True
    ) -> PlaceMention | None:
        """The incident place of a sentence: most specific non-source place, nearest first;
        with `clauses`, a place of the figure's own clause before the others."""
        found = [p for p in self.places.get(sentence, []) if not p.is_source_location
                 and not self._across_border(p)]
        if not found:
            return None
        # a town abroad beside a province or country named in the same sentence is a
        # false friend ("Ghadir al Bostan village, Quneitra" is not Boston)
        named = {p.country for p in found if p.precision in _AREA_PRECISIONS and p.country}
        apart = (
            {id(p): self._clauses_apart(p.span, near) for p in found}
            if clauses and near is not None and len(found) > 1 else {}
        )
        return min(
            found,
            key=lambda p: (
                # "Benue militiamen", "Thawrah Hospital": only when nothing else is named
                p.rule in LAST_RESORT_RULES,
                0 if not named or p.country in named else 1,
                0 if self.country is None or p.country == self.country else 1,
                # "Shelling hit Daraa city and casualties in the countryside of Idlib":
                # the place of the figure's own clause
                apart.get(id(p), 0),
                PLACE_RANK.get(p.precision, 6),
                # "Ye township, Mawlamyine district": of two units, the first is the
                # smaller (coder notes name a place by its containers, inner first)
                p.span.start if p.precision == "admin2" else 0,
                -p.score,
                _distance(p.span, near) if near else 0,
            ),
        )

    def harm_in(self, sentence: Sentence) -> Span | None:
        """Where a figure-less incident's harm is told in its sentence ("and casualties in
        the countryside of Idlib"): the first harm word, None when there is none."""
        hit = _HARM.search(self.text, sentence.span.start, sentence.span.end)
        return Span(hit.start(), hit.end()) if hit is not None else None

    def figureless_place(self, sentence: Sentence, cue: Span) -> PlaceMention | None:
        """The place of a figure-less incident: in the clause of its harm word when the
        sentence has one ("Shelling hit Daraa city and casualties in ... Idlib"), else
        the most specific place nearest its cue."""
        harm = self.harm_in(sentence)
        return self.place_in(sentence.index, harm or cue, clauses=harm is not None)

    def _clauses_apart(self, a: Span, b: Span) -> int:
        """How many clause links stand between a place and the figure ("and an
        explosion", "and casualties"): the figure's own clause has fewest."""
        lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
        if lo >= hi:
            return 0
        return sum(
            1 for link in _CLAUSE_LINK.finditer(self.text, lo, min(len(self.text), hi + 40))
            if link.start() < hi
            and not _HARM_PAIR.match(self.text, _word_start(self.text, link.start()))
        )

    def _across_border(self, place: PlaceMention) -> bool:
        """ "near the border with Burkina Faso", "fled towards Burkina" in a report about
        Niger: the country over the border is never where the incident was; nor is it
        when the report names no other ("near the Myanmar border" in a report that never
        names Bangladesh)."""
        if place.rule != BEYOND_RULE:
            return False
        if self.country is not None and place.country != self.country:
            return True
        return not any(p.country == place.country and p.rule != BEYOND_RULE
                       for found in self.places.values() for p in found)

    def previous_place(self, sentence: int, lookback: int = 2) -> PlaceMention | None:
        """The incident place of the nearest sentence before, in the report's country
        ("On 3 May, gunmen attacked a post in X. Two soldiers were killed.")."""
        for i in range(sentence - 1, max(-1, sentence - 1 - lookback), -1):
            place = self.place_in(i)
            if place is not None and place.rule in LAST_RESORT_RULES:
                continue  # "Maysan operations commander intervened": no incident place
            if place is not None and (self.country is None or place.country == self.country):
                return place
        return None

    # -- sources -----------------------------------------------------------------
    def source_for(self, sentence: int) -> SourceMention | None:
        """The source of a sentence: its own attribution, else the one carried over.

        A sentence without attribution inherits the last named source of the
        report, except a perpetrator's claim, which covers only its own sentence.
        """
        own = self.sources.get(sentence)
        if own:
            claims = [s for s in own if s.rule == CLAIM_RESULT]
            return claims[0] if claims else own[0]
        if len(self._source_keys) != len(self.source_order):
            self._source_keys = [(s.sentence, s.span.start) for s in self.source_order]
        idx = bisect_right(self._source_keys, (sentence, -1)) - 1
        while idx >= 0:
            src = self.source_order[idx]
            if src.role != "perpetrator_claim":
                return src
            idx -= 1
        return None

    # -- actors ------------------------------------------------------------------
    def victim_for(self, toll: TollMention) -> ActorMention | None:
        """The actor named in the figure's victim phrase, if any."""
        span = toll.victim_span
        for a in self.actors.get(toll.sentence, []):
            if span is not None and span.overlaps(a.span):
                return a
        return None

    def perpetrator_for(
        self, toll: TollMention, victim: ActorMention | None
    ) -> ActorMention | None:
        """An actor of the figure's sentence that is not the victim, before the figure first."""
        victim_side = actor_side(victim)
        speakers = [s.span for s in self.sources.get(toll.sentence, [])]
        others = [
            a
            for a in self.actors.get(toll.sentence, [])
            if (victim is None or a.span != victim.span)
            and not any(a.span.overlaps(sp) for sp in speakers)
            and not (toll.victim_span and toll.victim_span.overlaps(a.span))
            and actor_side(a) != "civilian"
            and (victim_side is None or actor_side(a) != victim_side)
        ]
        if not others:
            return None
        others = [
            a for a in others
            if not self._is_target(a) and not self._member_speaks(a, toll.span.end)
        ]
        if not others:
            return None
        before = [a for a in others if a.span.end <= toll.span.start]
        if before:
            return before[-1]
        return min(others, key=lambda a: _distance(a.span, toll.span))

    def _member_speaks(self, actor: ActorMention, figure_end: int) -> bool:
        """A group's member who tells of the figure after it ("killing 11 people, a
        local People's Defence Force member said") speaks; the group did not kill."""
        if actor.span.start < figure_end:
            return False
        return _MEMBER_SPEAKS_AFTER.match(self.text, actor.span.end) is not None

    def _is_target(self, actor: ActorMention) -> bool:
        """ "next to a police checkpoint", "attacked soldiers": the actor is hit, not hitting."""
        window = self.text[max(0, actor.span.start - 25) : actor.span.start]
        return _TARGET_BEFORE.search(window) is not None

    # -- cues --------------------------------------------------------------------
    def cue_in(self, sentence: int) -> EventCue | None:
        if sentence not in self._strongest_cue:
            found = [
                c for c in self.cues.get(sentence, []) if not c.negated and not c.hypothetical
            ]
            self._strongest_cue[sentence] = max(found, key=lambda c: c.strength, default=None)
        return self._strongest_cue[sentence]

    def cue_near(self, sentence: int, window: int = 1) -> EventCue | None:
        """The strongest cue of the sentence, else of its neighbours."""
        own = self.cue_in(sentence)
        if own is not None:
            return own
        near = [
            c
            for i in range(sentence - window, sentence + window + 1)
            if i != sentence and (c := self.cue_in(i)) is not None
        ]
        return max(near, key=lambda c: c.strength) if near else None


def _word_start(text: str, end: int) -> int:
    """Where the word before `end` (and the spaces after it) starts."""
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    return i


def _distance(a: Span, b: Span) -> int:
    if a.overlaps(b):
        return 0
    return b.start - a.end if a.end <= b.start else a.start - b.end
