"""The records passed between pipeline stages.

Report -> CleanText -> (TollMention, DateMention, PlaceMention, ActorMention,
SourceMention)[] -> Incident[] -> Extraction.

Every value keeps its evidence: the text it was read from, its character span in
the report's original text, and the name of the rule that produced it.
Records are plain dataclasses; stages never pass nested dicts or tuples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal

Outcome = Literal["killed", "wounded", "abducted", "missing"]
IncidentKind = Literal["incident", "aggregate", "claim"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
PlacePrecision = Literal["point", "near", "admin2", "admin1", "country", "region", "unknown"]
SourceRole = Literal["monitor", "official", "perpetrator_claim", "media", "witness", "unknown"]
PerpetratorType = Literal[
    "state", "rebel", "militia", "jihadist", "criminal", "civilians", "unknown"
]
VictimType = Literal["military", "police", "militia", "militant", "civilian", "unknown"]
EventType = Literal["battle", "explosion_remote_violence", "violence_against_civilians", "other"]


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end) into a report's original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span ({self.start}, {self.end})")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Report:
    """One input document, as read. `origin` names where it came from (file:line).

    `key` is the report's identity in the incident database when it differs from
    `id`: readers set it from the file a report came from, so that two files (or
    two JSONL files using the same id) are two reports (docs/store.md, "Report
    keys"). None means the id is the key.
    """

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    origin: str | None = None
    language: str | None = None  # the reader's hint (feed, HTML lang, JSONL lang/language)
    key: str | None = None


@dataclass(frozen=True)
class Rejection:
    """A report that could not be read, with a message that says what to do.

    `key` is as in `Report`: the identity the report would have had in the store.
    """

    id: str
    origin: str
    error: str
    key: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence (or headline/line) of the report, by offsets into the original text."""

    index: int
    span: Span
    text: str
    boilerplate: bool = False
    headline: bool = False


@dataclass(frozen=True)
class CleanText:
    """The report's text split into sentences, boilerplate marked (offsets kept)."""

    report_id: str
    text: str
    sentences: tuple[Sentence, ...]
    upper: bool = False  # the source is all upper case (wire text, MUC)

    def content(self) -> tuple[Sentence, ...]:
        """The sentences that are not boilerplate (computed once: stages ask per mention)."""
        return self._content

    @cached_property
    def _content(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if not s.boilerplate)


# The largest count a toll may hold: no report of political violence counts more
# deaths than this (the deadliest wars counted tens of millions). A larger figure is
# a misreading or a typo; it is flagged, never stored as a number (docs/store.md).
# It also keeps every stored figure well inside a 32-bit integer column.
MAX_PLAUSIBLE_TOLL = 100_000_000


@dataclass(frozen=True)
class Toll:
    """A count with its range: "more than 60" -> low 61, best 61, high None."""

    low: int | None
    best: int | None
    high: int | None
    text: str | None = None
    span: Span | None = None
    rule: str = "tolls.v1"

    def __post_init__(self) -> None:
        vals = [v for v in (self.low, self.best, self.high) if v is not None]
        if any(v < 0 for v in vals):
            raise ValueError(f"negative toll {self}")
        if self.low is not None and self.best is not None and self.low > self.best:
            raise ValueError(f"low > best in {self}")
        if self.best is not None and self.high is not None and self.best > self.high:
            raise ValueError(f"best > high in {self}")


@dataclass(frozen=True)
class TollMention:
    """A casualty figure found in a sentence.

    `victim_text` is the noun phrase counted ("pro-Assad fighters"); `flags` holds
    grammar facts the incident builder uses: "update" (the death toll rose to 40),
    "part" (three children were among the dead), "zero" (no casualties), "vague"
    (dozens), "aggregate_cue" (in two days, in total, across), "claim_cue".
    """

    outcome: Outcome
    toll: Toll
    sentence: int
    span: Span
    victim_text: str | None = None
    victim_span: Span | None = None
    flags: frozenset[str] = frozenset()
    rule: str = "tolls.v1"


@dataclass(frozen=True)
class DateMention:
    """A date phrase resolved against the publication date (or left unresolved)."""

    start: date | None
    end: date | None
    precision: DatePrecision
    text: str
    span: Span
    sentence: int
    relative: bool = False  # needed `published` to resolve
    rule: str = "dates.v1"


@dataclass(frozen=True)
class PlaceMention:
    """A place phrase linked to the gazetteer."""

    name: str | None
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: PlacePrecision
    text: str
    span: Span
    sentence: int
    is_source_location: bool = False  # "the UK-based Observatory": not the incident's place
    score: float = 0.0
    rule: str = "places.v1"


@dataclass(frozen=True)
class Actor:
    """A normalised actor from the actor dictionary."""

    name: str
    type: str  # PerpetratorType or VictimType vocabulary
    category: str = "unknown"  # coarse class: state, pro_government, rebel, jihadist, ...


@dataclass(frozen=True)
class ActorMention:
    actor: Actor
    text: str
    span: Span
    sentence: int
    rule: str = "actors.v1"


@dataclass(frozen=True)
class SourceMention:
    """Who says so: "the Observatory said", "according to", "cited by AFP"."""

    name: str
    role: SourceRole
    text: str
    span: Span
    sentence: int
    via: str | None = None
    rule: str = "sources.v1"


@dataclass(frozen=True)
class EventCue:
    """A sign of violence in a sentence ("clashes", "air strike", "blew himself up").

    `negated` is set for "no attack took place"-style uses; `hypothetical` for
    threats, plans and warnings ("threatened to bomb").
    """

    event_type: EventType
    sub_event_type: str
    text: str
    span: Span
    sentence: int
    negated: bool = False
    hypothetical: bool = False
    strength: float = 1.0  # 1.0 = unambiguous violence word, lower for weak cues
    rule: str = "violence.v1"


@dataclass(frozen=True)
class Mentions:
    """Everything the finders produced for one report."""

    tolls: tuple[TollMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    sources: tuple[SourceMention, ...] = ()
    cues: tuple[EventCue, ...] = ()


@dataclass
class Incident:
    """One incident, aggregate or claim of one report (the output contract's Incident)."""

    id: str
    kind: IncidentKind
    event_type: EventType = "other"
    sub_event_type: str | None = None
    killed: Toll | None = None
    wounded: Toll | None = None
    date: DateMention | None = None
    place: PlaceMention | None = None
    perpetrator: ActorMention | None = None
    victim: ActorMention | None = None
    victim_text: str | None = None
    source: SourceMention | None = None
    parts: list[str] = field(default_factory=list)
    claim_of: str | None = None
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    abducted: Toll | None = None
    missing: Toll | None = None
    update: bool = False
    rules: list[str] = field(default_factory=list)
    # the perpetrator's own death ("then took his own life"), kept apart from the
    # victims' incident (docs/tolls.md, "Perpetrators' own dead")
    perpetrator_dead: bool = False
    # An earlier event or a cumulative total told as context: kept, never in the
    # document toll (incidents/background.py).
    background: bool = False
    # Every source that gave a figure for this incident, when sources conflict
    # (incidents/conflict.py); `source` is the one whose figure is `best`.
    sources: list[SourceMention] = field(default_factory=list)
    # "combat" (armed parties fighting), "terrorism" (attacks meant to terrorise:
    # bombings, massacres of civilians by non-state groups) or "other" (violence/kind.py).
    violence_kind: str | None = None


@dataclass(frozen=True)
class Relevance:
    """Whether a report tells of violence done by people, and why (violence/relevance.py).

    `reason` reads "violence: 'gunmen' (sentence 2)" or "not violence: a natural disaster".
    A report judged not relevant has no incidents.
    """

    relevant: bool
    reason: str
    rule: str = "violence.relevance.v1"


@dataclass(frozen=True)
class LanguageGuess:
    """The language of a report (ISO 639-1, None when it cannot be told) and why.

    `source`: "hint" (the reader's), "script", "english" (function words) or "detected"
    (lingua); `read`: tollwatch has words for it; `verdict`: sure enough to tell the
    user when it is not read (a hint, or a confident guess on enough letters).
    """

    code: str | None
    confidence: float
    source: str
    letters: int = 0
    read: bool = False
    verdict: bool = False


@dataclass
class Extraction:
    """The result for one report: its incidents, warnings, or the error that stopped it."""

    report_id: str
    incidents: list[Incident] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    report: Report | None = None
    language: LanguageGuess | None = None
    relevance: Relevance | None = None  # None when extraction stopped before judging
    # the place of a report without incidents of its own (claims and background aside):
    # its most specific place in its main country, else that country; None otherwise,
    # since each incident keeps its own place
    place: PlaceMention | None = None

    def toll(self) -> int | None:
        """The document toll: killed.best over top-level incidents; claims, background out."""
        part_ids = {p for i in self.incidents if i.kind == "aggregate" for p in i.parts}
        values = [
            i.killed.best
            for i in self.incidents
            if i.kind != "claim"
            and not i.background
            and i.id not in part_ids
            and i.killed
            and i.killed.best is not None
        ]
        return sum(values) if values else None
