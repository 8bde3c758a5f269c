"""Conflicting sources for one incident: one incident, its figures as a range.

"The interior ministry said 15 died; a health official put the toll at 25" is one
incident told by two sources, not 15 + 25 = 40 and not two incidents. Two rules
(docs/incidents.md, "Conflicting sources"):

* `new_source_group`: inside a sentence, a killed figure introduced by its own,
  different source ("a health official put the toll at 25") starts a figure of its
  own instead of adding to the one before, when the two count the same victims;
* `fold_conflicts`: after the relations, a figure of a different source that differs
  from an incident's figure within two sentences of it, with compatible victims,
  dates and places and no marker of another event, is folded into that incident:
  `low` the smallest figure, `high` the largest, `best` the figure of the most
  independent source (a monitor, then a witness, the media, an official or party;
  on a tie, the higher figure), and every source kept in `sources`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..records import CleanText, SourceMention, Toll, TollMention
from ..tolls.lang import TOLL_WORDS
from .context import generic_victim, sides_compatible
from .corefer import DATE_SLACK_DAYS, marked_distinct, places_loosely_compatible, round_up_item
from .draft import RULE, Draft, attackers_side_dead
from .sides import opposed_victim_words

# How far after an incident's last sentence a conflicting figure may stand.
WINDOW_SENTENCES = 2
# How far a figure cued as another source's ("avance pour sa part un bilan de onze
# morts") may stand: the cue says it speaks of an incident told before, past a list of
# the victims' names or a claim of the other side.
OTHER_SOURCE_WINDOW = 4
# Characters between a source's words and the figure it introduces ("said 15",
# "put the toll at 25", "said five people").
INTRODUCES_CHARS = 25
# The more independent the source, the more its figure is the best one.
ROLE_RANK = {
    "monitor": 0,
    "witness": 1,
    "media": 2,
    "unknown": 3,
    "official": 4,
    "perpetrator_claim": 5,
}


def new_source_group(
    previous: TollMention, toll: TollMention, sources: Sequence[SourceMention]
) -> bool:
    """`toll` has its own source just before it, other than the one of `previous`."""
    own = _introducing(toll, sources)
    if own is None or not _same_victims(previous, toll):
        return False
    before = [s for s in sources if s.span.end <= previous.span.start + INTRODUCES_CHARS]
    other = before[-1] if before else None
    return other is not None and other.span != own.span and _name(other) != _name(own)


def source_near(toll: TollMention, sources: Sequence[SourceMention]) -> SourceMention | None:
    """Of a sentence's sources, the one that introduces the figure, else the last one
    before it, else None (the caller keeps the sentence's source)."""
    own = _introducing(toll, sources)
    if own is not None:
        return own
    before = [s for s in sources if s.span.end <= toll.span.start]
    return before[-1] if before else None


def _introducing(toll: TollMention, sources: Sequence[SourceMention]) -> SourceMention | None:
    for source in sources:
        gap = toll.span.start - source.span.end
        if 0 <= gap <= INTRODUCES_CHARS:
            return source
    return None


def _same_victims(a: TollMention, b: TollMention) -> bool:
    va, vb = a.victim_text, b.victim_text
    if va is None or vb is None or generic_victim(va) or generic_victim(vb):
        return True
    return va.lower() == vb.lower()


def _name(source: SourceMention) -> str:
    return source.name.lower()


def fold_conflicts(kept: list[Draft], clean: CleanText) -> list[Draft]:
    """Fold figures of other sources into the incident they contradict, and a risen
    toll's first count told after it into the risen toll."""
    out: list[Draft] = []
    for draft in kept:
        first_count = _first_count_of(draft, out, clean)
        if first_count is not None:
            _fold(first_count, draft, minority=True)
            continue
        target = _contradicted(draft, out, clean)
        if target is None:
            out.append(draft)
            continue
        other = "other_source" in draft.flags() or _names_the_event(draft, clean)
        _fold(target, draft, keep_first=other,
              minority=_minority_source(draft, clean) or (other and _press(draft))
              or _headline_figure(target, draft, clean))
    return out


# "Some local media outlets put the number of dead at 24": a figure of some of the
# sources, beside the one the report leads with, widens its range and is not its best.
_SOME_BEFORE = re.compile(r"\b(?:some|a\s+few|a\s+handful\s+of)\s+$", re.IGNORECASE)


# "A doctor ..., who spoke on condition of anonymity because he was not authorised to
# talk to reporters, put the number of dead at 18": an unnamed source's figure beside the
# one a named official gave widens the range and is not its best.
_ANONYMOUS = re.compile(
    r"\b(?:on\s+condition\s+of\s+anonymity|not\s+authori[sz]ed\s+to\s+"
    r"(?:speak|talk|brief))", re.IGNORECASE)


def _minority_source(draft: Draft, clean: CleanText) -> bool:
    source = draft.source
    if source is None:
        return False
    if draft.killed and 0 < draft.killed[0].span.start - source.span.start < 240 and (
            _ANONYMOUS.search(clean.text, source.span.start, draft.killed[0].span.start)):
        return True
    return _SOME_BEFORE.search(clean.text, max(0, source.span.start - 20),
                               source.span.start) is not None


def _headline_figure(target: Draft, draft: Draft, clean: CleanText) -> bool:
    """ "Angola: quatro mortos em manifestação, segundo a polícia" over "Quatro pessoas
    morreram ..., anunciou a polícia, mas organizações da sociedade civil falam em pelo
    menos nove mortos": the figure of the headline is the one the report leads with;
    another source's count set against it ("mas", "pero", "mais") widens its range and
    is not its best, however independent its source."""
    if "contrast" not in draft.flags():
        return False
    def headline(sentences: set[int]) -> bool:
        return any(0 <= s < len(clean.sentences) and clean.sentences[s].headline
                   for s in sentences)
    return headline(target.sentences) and not headline(draft.sentences)


def _press(draft: Draft) -> bool:
    """ "A imprensa local fala em cinco mortos": the press's own count, told after the
    report's figure, widens its range and is not its best."""
    return draft.source is not None and draft.source.role == "media"


# The first count of an attack whose toll rose, told after the risen toll ("The death toll
# ... rose to 42 ... Gunmen had opened fire on the vehicles, killing 38 people on the spot").
_FIRST_COUNT = re.compile(
    r"\b(?:on\s+the\s+spot|at\s+the\s+scene|initially|at\s+first|had\s+earlier|"
    r"had\s+(?:opened\s+fire|stormed|attacked|raided|ambushed|struck|hit))\b",
    re.IGNORECASE,
)


def _first_count_of(draft: Draft, earlier: list[Draft], clean: CleanText) -> Draft | None:
    """The risen toll (an update) of the window before `draft` whose first, smaller count
    `draft` gives, with the words of a first count and compatible victims and places."""
    if (draft.kind != "incident" or not draft.top_level or draft.parts or draft.background
            or draft.update or draft.best is None):
        return None
    if {"update", "part", "aggregate_cue", "cumulative"} & draft.flags():
        return None
    if not 0 <= draft.sentence < len(clean.sentences):
        return None
    if not _FIRST_COUNT.search(clean.sentences[draft.sentence].text):
        return None
    if marked_distinct(draft, clean):
        return None
    for previous in reversed(earlier):
        if not previous.top_level or previous.background or previous.best is None:
            continue
        if draft.sentence - max(previous.sentences) > WINDOW_SENTENCES:
            return None
        risen = previous.update or "update" in previous.flags()
        if risen and draft.best < previous.best and _same_deaths(previous, draft):
            return previous
    return None


# "Local media reported nine deaths from the incident": the figure names the event told
# before as its own, so another source's count of it folds from further away.
_THE_SAME_EVENT = re.compile(
    r"\s*(?:(?:deaths?|dead|fatalities|killed|died)\s+)?(?:from|in)\s+the\s+(?:same\s+)?"
    r"(?:incident|strike|air\s*strike|attack|raid|bombing|blast|shelling)\b",
    re.IGNORECASE,
)
_SAME_EVENT_WINDOW = 10


def _names_the_event(draft: Draft, clean: CleanText) -> bool:
    """The figure names the event told before as its own ("nine deaths from the
    incident"): another count of its deaths, told further away, whatever its source,
    day or place the reader found."""
    return any(_THE_SAME_EVENT.match(clean.text, m.span.end) for m in draft.killed)


def _contradicted(draft: Draft, earlier: list[Draft], clean: CleanText) -> Draft | None:
    if not draft.top_level or draft.parts or draft.zero:
        return None
    if "other_source" in draft.flags():
        return _told_before(draft, earlier, clean)
    if draft.earlier:
        return _superseded(draft, earlier, clean)
    same_event = _names_the_event(draft, clean)
    if draft.source is None and not same_event:
        return None
    if draft.update or {"part", "aggregate_cue", "update"} & draft.flags():
        return None
    if marked_distinct(draft, clean):
        return None
    for previous in reversed(earlier):
        if not previous.top_level or (previous.parts and not same_event) or previous.zero:
            continue
        if draft.sentence - max(previous.sentences) > (
                _SAME_EVENT_WINDOW if same_event else WINDOW_SENTENCES):
            continue
        if previous.best == draft.best:
            continue
        if previous.perpetrator_dead != draft.perpetrator_dead and not _forces_version(
                previous, draft):
            continue  # the attackers' own dead never contradict the victims' toll
        if attackers_side_dead(previous, draft):
            continue
        if same_event and sides_compatible(previous.victim_side(), draft.victim_side()):
            return previous  # "10 deaths from the incident": its date and place are its
        known = {_name(s) for s in _sources_of(previous)}
        if draft.source is None or not known or _name(draft.source) in known:
            continue
        if _same_deaths(previous, draft) and not round_up_item(previous, draft, clean):
            return previous
    return None


# The dead named with no side, in the languages of the clause grammar (`TollWords.people`).
_PEOPLE = re.compile(
    r"(?:" + "|".join(w.people for w in TOLL_WORDS.values() if w.people) + r")",
    re.IGNORECASE,
)


def _forces_version(previous: Draft, draft: Draft) -> bool:
    """ "Oito pessoas morreram durante uma operação da PM, segundo o Fogo Cruzado" then
    "a PM informou que seis suspeitos morreram em confronto": the forces' count of the
    operation's dead, its "suspects" killed in a shootout, against a more independent
    source's count of the same dead, who named no side."""
    if not draft.perpetrator_dead or previous.perpetrator_dead:
        return False
    if not draft.killed or not all("shootout" in m.flags for m in draft.killed):
        return False
    if draft.source is None or draft.source.role != "official" or previous.source is None:
        return False
    if ROLE_RANK.get(previous.source.role, 3) >= ROLE_RANK["official"]:
        return False
    victim = previous.victim_text
    return victim is None or generic_victim(victim) or _PEOPLE.fullmatch(victim) is not None


def _told_before(draft: Draft, earlier: list[Draft], clean: CleanText) -> Draft | None:
    """The incident a figure cued as another source's ("a pour sa part fait état de 31
    morts", "من جهتها، قالت شبكة أطباء السودان إن الحصيلة بلغت 41") speaks of: the
    nearest top-level one before it, within the window, of compatible victims and
    places, whatever the sources the reader found for either."""
    if draft.update or _told_apart(draft, clean):
        return None
    for previous in _nearest_before(draft, earlier, OTHER_SOURCE_WINDOW):
        if previous.best == draft.best:
            return None
        if _same_deaths(previous, draft) and not round_up_item(previous, draft, clean):
            return previous
    return None


def _told_apart(draft: Draft, clean: CleanText) -> bool:
    """A part, a total, an update, a running count, or a figure marked as another event:
    never another telling of an earlier incident's deaths."""
    if {"part", "aggregate_cue", "update", "cumulative"} & draft.flags():
        return True
    return marked_distinct(draft, clean)


def _nearest_before(draft: Draft, earlier: list[Draft], window: int) -> Iterator[Draft]:
    """The top-level incidents before `draft`, nearest first, within `window` sentences."""
    for previous in reversed(earlier):
        if not previous.top_level or previous.zero:
            continue
        if previous.parts and not (previous.update or "update" in previous.flags()):
            continue  # a risen toll whose parts raised it still had a first count
        if draft.sentence - max(previous.sentences) > window:
            return
        yield previous


def _superseded(draft: Draft, earlier: list[Draft], clean: CleanText) -> Draft | None:
    """The incident an older, smaller figure told after it belongs to ("La Defensoría
    elevó a 80 el número de asesinados ... El domingo, la Gobernación había reportado
    60 muertos"): the nearest top-level one before it, within the window, of a higher
    toll and compatible victims; the older figure's place may be only its source's seat."""
    if draft.update or draft.best is None or _told_apart(draft, clean):
        return None
    for previous in _nearest_before(draft, earlier, WINDOW_SENTENCES):
        if previous.best is None or previous.best <= draft.best:
            return None
        if previous.perpetrator_dead != draft.perpetrator_dead:
            continue
        if sides_compatible(previous.victim_side(), draft.victim_side()) and (
                _pluperfect_count(draft, clean) or not _other_day(previous, draft)):
            return previous
    return None


def _same_deaths(previous: Draft, draft: Draft) -> bool:
    """Victims of compatible sides, days that may be one (the figure's own date: "on 17
    June, shelling of the market killed 11" is no other count of the deaths of 20 June),
    and places that may be one (or the figure's place is only where its source sits)."""
    if not sides_compatible(previous.victim_side(), draft.victim_side()):
        return False
    if _other_day(previous, draft):
        return False
    if opposed_victim_words(previous.victim_text, draft.victim_text):
        return False  # "three soldiers were killed ... four militants were killed"
    return _speaker_place(draft) or places_loosely_compatible(previous.place, draft.place)


# A count given earlier, in the pluperfect: "la Gobernación había reportado 60 muertos",
# "officials had put the toll at 12", "le gouverneur avait annoncé": its date is the day
# it was told, not another event's.
_PLUPERFECT_COUNT = re.compile(
    r"\b(?:had|hab[íi]an?|avai(?:en)?t|havia[mn]?|tinha[mn]?)\s+(?:\w+\s+){0,2}?"
    r"(?:reported|said|announced|put|given|stated|reportado|informado|anunciado|dado|indicado"
    r"|registrado|contabilizado|annoncé|fait\s+état|indiqué|évoqué|donné|rapporté|divulgado"
    r"|dito|registado)\b",
    re.IGNORECASE,
)


def _pluperfect_count(draft: Draft, clean: CleanText) -> bool:
    """The figure is an older count told as such ("había reportado 60 muertos")."""
    return _PLUPERFECT_COUNT.search(clean.sentences[draft.sentence].text) is not None


def _other_day(previous: Draft, draft: Draft) -> bool:
    """Both figures dated to a day in their own sentences, days apart ("on 20 June" and
    "on 17 June"): two events. A week, a span or an inherited date tells nothing."""
    a, b = previous.date, draft.date
    if a is None or b is None or a.start is None or b.start is None:
        return False
    if a.precision != "day" or b.precision != "day":
        return False
    if a.sentence not in previous.sentences or b.sentence != draft.sentence:
        return False
    return abs((a.start - b.start).days) > DATE_SLACK_DAYS




def _speaker_place(draft: Draft) -> bool:
    """The figure's place is where its source sits ("the government in Port Sudan put
    the toll at 85"), not where the deaths were."""
    place, source = draft.place, draft.source
    if place is None or source is None or place.span is None:
        return False
    return source.span.start <= place.span.start and place.span.end <= source.span.end


def _sources_of(draft: Draft) -> list[SourceMention]:
    if draft.sources:
        return list(draft.sources)
    return [draft.source] if draft.source is not None else []


def _fold(target: Draft, draft: Draft, *, keep_first: bool = False,
          minority: bool = False) -> None:
    """Fold `draft`'s figure into `target`'s range. With `keep_first` (a figure told as
    another source's, after the report's own), the report's figure stays best unless
    the other source is more independent: the figure the report leads with. With
    `minority` (some of the sources, or a first count), it stays best whatever the source."""
    figures = target.figures or [(target.source, target.killed_toll())]
    figures = [*figures, (draft.source, draft.killed_toll())]
    target.figures = figures
    target.sources = _sources_of(target) + [s for s in _sources_of(draft)]
    target.sentences |= draft.sentences
    first = target.killed_toll()
    folded = conflict_toll(figures)
    if (draft.earlier or minority) and folded is not None and first is not None:
        # "al-Masirah had reported 38 dead overnight": a figure the report calls older
        # widens the range; the current one stays best, with its source
        target.killed_override = replace(folded, best=first.best, span=first.span)
        return
    target.killed_override = folded
    if keep_first and first is not None and first.best is not None and (
        _rank(draft.source, None)[0] >= _rank(target.source, None)[0]
        # "le porte-parole ... a pour sa part évoqué 22 morts", its speaker not found: a
        # source carried over from an earlier sentence is not the other source's
        or draft.source is None or draft.source.sentence not in draft.sentences
    ):
        if folded is not None:
            target.killed_override = Toll(
                min(folded.low if folded.low is not None else first.best, first.best),
                first.best, folded.high, text=folded.text, span=first.span, rule=folded.rule,
            )
        return
    best_source = _best_source(figures)
    if best_source is not None:
        target.source = best_source


def _rank(source: SourceMention | None, toll: Toll | None) -> tuple[int, int]:
    role = source.role if source is not None else "unknown"
    best = toll.best if toll is not None and toll.best is not None else -1
    return ROLE_RANK.get(role, 3), -best


def _best_source(figures: list[tuple[SourceMention | None, Toll | None]]) -> SourceMention | None:
    return min(figures, key=lambda f: _rank(f[0], f[1]))[0]


def conflict_toll(figures: list[tuple[SourceMention | None, Toll | None]]) -> Toll | None:
    """low: the smallest figure; high: the largest; best: the most independent source's."""
    tolls = [t for _, t in figures if t is not None and t.best is not None]
    if not tolls:
        return None
    best_toll = min(
        ((s, t) for s, t in figures if t is not None and t.best is not None),
        key=lambda f: _rank(f[0], f[1]),
    )[1]
    lows = [t.low if t.low is not None else t.best for t in tolls]
    highs = [v for t in tolls for v in (t.best, t.high) if v is not None]
    best = best_toll.best
    low = min(v for v in lows if v is not None)
    high = max(highs) if highs else None
    if best is not None and low > best:
        low = best
    text = " / ".join(t.text or "" for t in tolls)
    return Toll(low, best, high, text=text, span=best_toll.span, rule=f"{RULE}.conflict")
