"""The Draft record: a figure on its way to becoming an Incident.

Shared by the builder (build.py, which makes and finishes drafts) and the
structure rules (incidents/structure.py, which relates them), so it lives below both.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..records import (
    ActorMention,
    DateMention,
    EventCue,
    PlaceMention,
    SourceMention,
    Span,
    Toll,
    TollMention,
)
from .context import actor_side, generic_victim

RULE = "incidents.v1"


@dataclass
class Draft:
    """A figure (or figure-less event) on its way to becoming an Incident."""

    sentence: int
    span: Span
    killed: list[TollMention] = field(default_factory=list)
    wounded: list[TollMention] = field(default_factory=list)
    abducted: list[TollMention] = field(default_factory=list)
    missing: list[TollMention] = field(default_factory=list)
    kind: str = "incident"
    date: DateMention | None = None
    place: PlaceMention | None = None
    perpetrator: ActorMention | None = None
    victim: ActorMention | None = None
    victim_text: str | None = None
    source: SourceMention | None = None
    cue: EventCue | None = None
    sentences: set[int] = field(default_factory=set)
    parts: list[Draft] = field(default_factory=list)
    parent: Draft | None = None
    claim_of: Draft | None = None
    update: bool = False
    distinct: bool = False
    earlier: bool = False
    killed_override: Toll | None = None
    zero: bool = False
    # conflicting sources folded into this incident (conflict.py): each source and figure
    sources: list[SourceMention] = field(default_factory=list)
    figures: list[tuple[SourceMention | None, Toll | None]] = field(default_factory=list)
    background: bool = False  # context, not news (background.py)
    cumulative: bool = False  # a running total: an aggregate (background.py)

    @property
    def best(self) -> int | None:
        toll = self.killed_toll()
        return toll.best if toll else None

    def killed_toll(self) -> Toll | None:
        if self.killed_override is not None:
            return self.killed_override
        return sum_tolls(self.killed)

    @property
    def top_level(self) -> bool:
        """A figure of its own: not a claim, not a part of another incident's figure."""
        return self.kind != "claim" and self.parent is None and self.best is not None

    @property
    def perpetrator_dead(self) -> bool:
        """Every killed figure is a perpetrator's own death (tolls flag `perpetrator`)."""
        return bool(self.killed) and all("perpetrator" in m.flags for m in self.killed)

    def flags(self) -> frozenset[str]:
        return frozenset(f for m in self.killed for f in m.flags)

    def victim_side(self) -> str | None:
        if self.victim is None or generic_victim(self.victim_text):
            return None
        return actor_side(self.victim)

    def perpetrator_name(self) -> str | None:
        return self.perpetrator.actor.name if self.perpetrator else None


def _at_least(toll: Toll | None) -> Toll | None:
    return None if toll is None else replace(toll, high=None)


def sum_tolls(mentions: list[TollMention]) -> Toll | None:
    """One toll for figures of one incident (several victim groups in one sentence)."""
    if not mentions:
        return None
    if len(mentions) == 1:
        return mentions[0].toll
    tolls = [m.toll for m in mentions]
    known = [t for t in tolls if t.best is not None]
    if known and len(known) < len(tolls):
        # "put the toll at 31, saying many bodies were still being recovered": the
        # figures give a floor, the vague rest leaves the top open
        return _at_least(sum_tolls([m for m in mentions if m.toll.best is not None]))

    def total(values: list[int | None]) -> int | None:
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    low = total([t.low if t.low is not None else t.best for t in tolls])
    best = total([t.best for t in tolls])
    high = total([t.high for t in tolls])
    if best is not None and low is not None and low > best:
        low = best
    if best is not None and high is not None and high < best:
        high = None
    start = min(m.span.start for m in mentions)
    end = max(m.span.end for m in mentions)
    text = " + ".join(t.text or "" for t in tolls)
    return Toll(low, best, high, text=text, span=Span(start, end), rule=RULE)


def attackers_side_dead(victims: Draft, later: Draft) -> bool:
    """ "Separatist fighters killed four people ... soldiers killed two of the separatists",
    "Israeli strikes kill 27 ... the Israeli military said a reservist was killed": the
    later figure's dead are of the side that did the earlier figure's killing, so they are
    neither another count of its victims nor a part of them."""
    if later.best is not None and later.best == victims.best:
        return False  # "Ataque a coluna militar faz oito mortos / oito militares morreram":
        # the same figure is the same dead, whoever the attack's words seemed to name
    side = actor_side(victims.perpetrator)
    return side is not None and later.victim_side() == side != victims.victim_side()
