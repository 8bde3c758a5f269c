"""Group mentions into incidents, aggregates and claims, so that totals count once.

The rules, in the order they apply to each casualty figure (docs/incidents.md):

1. A figure in a sentence attributed to a party's own action is a **claim**: kept,
   linked to the incident it claims (`claim_of`), never added to tolls.
2. "Three children were among the dead" (flag `part`) breaks down the figure before:
   evidence for it, not a new incident.
3. "The death toll rose to 40" (flag `update`) revises the matching figure before.
4. A figure equal to an earlier one with compatible victims (headline and lead,
   a monitor repeated) is a **repeat**: one incident, more evidence.
5. A figure that fits inside an earlier, wider figure (a total with a date range,
   an "in two days" cue, a region, or the report's headline/lead) whose parts so far
   leave room for it is a **part** of that **aggregate**. The container completed
   exactly by the figure is preferred, then the narrowest one that fits.
6. Otherwise the figure is a new incident; a figure with an aggregate cue ("in
   total") adopts the earlier incidents whose sum it covers.

A report with a violent event and no figure gets one incident without a toll;
"no casualties were reported" gives a toll of 0, never a guess.

The drafts come from the figures in figures.py (one per sentence's killed figures, with
the markers and the context of each); structure.py relates them; output.py fills what
a draft lacks from its container or the report and writes the `Incident`s.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..places import fallback as places_fallback
from ..places import geocode as places_stage
from ..records import (
    CleanText,
    EventCue,
    Incident,
    Mentions,
    PlaceMention,
    Relevance,
    Report,
)
from ..settings import Settings
from ..violence.detect import accident_after, disaster_subject, relevance_score
from ..violence.relevance import RULE as RELEVANCE_RULE
from ..violence.relevance import judge_relevance, scare_quoted
from . import background, conflict, corefer, hedge, structure
from .context import Context, actor_side
from .draft import Draft
from .figures import _attach_context, _figure_drafts
from .headline import shooting_headline
from .output import _inherit, _to_incidents

# A figure-less incident needs a report that reads as an event report (violence
# relevance, docs/events.md) and a strong cue anchored by a date or a place.
FIGURELESS_RELEVANCE = 0.8
FIGURELESS_STRENGTH = 0.75
# An incident dated more than this many days before publication is background.
RECENT_DAYS = background.RECENT_DAYS
LEAD_SENTENCES = 3  # headline and the first two sentences: where a report tells its news


@dataclass(frozen=True)
class Document:
    """The document-level result: the report's incidents, its relevance and its place."""

    incidents: list[Incident]
    relevance: Relevance
    # where a report that tells of no incident (claims and background aside) says things
    # happened (places/fallback.document_place): a note on an arrest still names its town
    place: PlaceMention | None = None


def build_document(
    clean: CleanText, mentions: Mentions, report: Report, settings: Settings
) -> Document:
    """The document-level pass the pipeline calls (docs/incidents.md): judge relevance;
    a relevant report's incidents, with retellings folded (corefer.py)."""
    relevance = judge_relevance(clean, mentions.cues, mentions.tolls, report.published,
                                context=background.is_cumulative_sentence)
    if relevance is not None and not relevance.relevant:
        return Document([], relevance, _own_place(clean, mentions))
    incidents = build_incidents(clean, mentions, report, settings)
    if relevance is not None and not incidents:
        incidents = _told_in_lead(clean, mentions, report)
    if relevance is None and not incidents:
        told = shooting_headline(clean)
        if told is not None:
            incidents = _told_in_lead(clean, mentions, report, only=told.index)
            if incidents:
                relevance = Relevance(
                    True, "violence: a person shot or hurt, told in the headline", RELEVANCE_RULE
                )
    if relevance is None:
        relevance = (
            Relevance(True, "violence: an incident found by the incident rules", RELEVANCE_RULE)
            if incidents
            else Relevance(False, "not violence: no violent incident found", RELEVANCE_RULE)
        )
    told_news = any(i.kind != "claim" and not i.background for i in incidents)
    return Document(incidents, relevance, None if told_news else _own_place(clean, mentions))


def _own_place(clean: CleanText, mentions: Mentions) -> PlaceMention | None:
    """The place of a report that tells of no incident of its own (only claims or
    background, or none): where the text says things happened."""
    if not mentions.places:
        return None
    country = places_stage.document_country(clean, mentions.places)
    return places_fallback.document_place(clean, mentions.places, country)


def build_incidents(
    clean: CleanText, mentions: Mentions, report: Report, settings: Settings
) -> list[Incident]:
    """The incidents of one report, with aggregates, parts and claims linked."""
    country = places_stage.document_country(clean, mentions.places)
    ctx = Context.build(mentions, clean.text, report.published, country)
    drafts = _figure_drafts(clean, mentions, ctx)
    for draft in drafts:
        _attach_context(draft, ctx, clean)
    background.mark_background(drafts, clean, report)
    news = [d for d in drafts if not d.background]
    relations = hedge.fold_hedges(structure.relate(news, clean), clean)
    related = conflict.fold_conflicts(relations, clean)
    placed = corefer.fold_retellings(related, clean)
    _apply_zero_mentions(placed, mentions, ctx)
    if not any(d.killed or d.wounded or d.abducted or d.missing for d in placed):
        placed.extend(_figureless(clean, mentions, ctx, placed))
    placed.extend(d for d in drafts if d.background)
    placed = [
        d
        for d in placed
        if _is_violent(d, ctx, mentions) and (d.background or _is_recent(d, report))
    ]
    _inherit(placed, ctx, clean, report, mentions)
    return _to_incidents(placed, clean, report)


def _told_in_lead(
    clean: CleanText, mentions: Mentions, report: Report, only: int | None = None
) -> list[Incident]:
    """One figure-less incident for a news article (a headline over a body) judged to
    tell of violence whose lead (headline and first sentences) holds an affirmed cue,
    when the rules built none:
    "4 shot outside a bar", "Boy, 5, wounded in drive-by" tell of one event even
    without a toll, an event date or a town in the cue's own sentence. Its date and
    place are the report's (`_inherit`). Matching needs it: without an incident the
    report cannot join the event other outlets report (docs/incidents.md)."""
    content = clean.content()
    if clean.upper or not content or not content[0].headline:
        return []  # a headline over a body: a news article, not a coder's note or a wire
    lead = {s.index for s in content[:LEAD_SENTENCES]} if only is None else {only}
    cues = [
        c
        for c in mentions.cues
        if c.sentence in lead
        and not c.negated
        and not c.hypothetical
        and not clean.sentences[c.sentence].text.rstrip().endswith("?")
    ]
    if not cues:
        return []
    cue = max(cues, key=lambda c: (c.strength, -c.sentence))
    country = places_stage.document_country(clean, mentions.places)
    ctx = Context.build(mentions, clean.text, report.published, country)
    draft = Draft(sentence=cue.sentence, span=cue.span, cue=cue)
    draft.sentences.add(cue.sentence)
    draft.date = ctx.date_in(cue.sentence, cue.span)
    draft.place = ctx.figureless_place(
        clean.sentences[cue.sentence], cue.span
    ) or places_fallback.report_place(
        clean, mentions.places, ctx.country
    )
    draft.source = ctx.source_for(cue.sentence)
    if not _is_recent(draft, report):
        return []
    _inherit([draft], ctx, clean, report, mentions)
    return _to_incidents([draft], clean, report)


# -- zero tolls and figure-less events ---------------------------------------------


def _apply_zero_mentions(drafts: list[Draft], mentions: Mentions, ctx: Context) -> None:
    """ "No casualties were reported": the nearby figure-less incident gets a toll of 0."""
    for toll in mentions.tolls:
        if "zero" not in toll.flags or toll.toll.best != 0:
            continue
        target = next(
            (
                d
                for d in reversed(drafts)
                if d.sentence <= toll.sentence <= d.sentence + 2 and d.kind != "claim"
            ),
            None,
        )
        if target is not None:
            if toll.outcome == "killed" and not target.killed and target.killed_override is None:
                target.killed_override = toll.toll
                target.sentences.add(toll.sentence)
            continue
        draft = Draft(sentence=toll.sentence, span=toll.span, zero=True)
        draft.sentences.add(toll.sentence)
        if toll.outcome == "killed":
            draft.killed_override = toll.toll
        else:
            getattr(draft, toll.outcome).append(toll)
        draft.cue = ctx.cue_near(toll.sentence)
        anchor = draft.cue.sentence if draft.cue is not None else toll.sentence
        draft.sentences.add(anchor)
        draft.date = ctx.date_in(toll.sentence) or ctx.date_in(anchor)
        draft.place = ctx.place_in(toll.sentence) or ctx.place_in(anchor)
        draft.source = ctx.source_for(toll.sentence)
        drafts.append(draft)
    drafts.sort(key=lambda d: (d.sentence, d.span.start))


def _figureless(
    clean: CleanText, mentions: Mentions, ctx: Context, drafts: list[Draft]
) -> list[Draft]:
    """One incident for a report that describes violence but gives no figure."""
    if drafts:
        return []
    if relevance_score(clean, mentions.cues) < FIGURELESS_RELEVANCE:
        return []
    cues = [
        c
        for c in mentions.cues
        if not c.negated
        and not c.hypothetical
        and c.strength >= FIGURELESS_STRENGTH
        and _specific(c, clean, ctx)
    ]
    if not cues:
        return []
    cue = max(cues, key=lambda c: (c.strength, -c.sentence))
    draft = Draft(sentence=cue.sentence, span=cue.span, cue=cue)
    draft.sentences.add(cue.sentence)
    draft.date = ctx.date_in(cue.sentence, cue.span)
    draft.place = ctx.figureless_place(clean.sentences[cue.sentence], cue.span)
    draft.source = ctx.source_for(cue.sentence)
    actors = ctx.actors.get(cue.sentence, [])
    armed = [a for a in actors if actor_side(a) not in (None, "civilian")]
    victims = [a for a in actors if actor_side(a) == "civilian"]
    draft.perpetrator = armed[0] if armed else None
    draft.victim = victims[0] if victims else (armed[1] if len(armed) > 1 else None)
    return [draft]


def _specific(cue: EventCue, clean: CleanText, ctx: Context) -> bool:
    """A cue that describes one event: a statement, not a question, anchored by an
    event date or an incident place in its sentence (a report that is one headline
    needs no anchor)."""
    sentence = clean.sentences[cue.sentence]
    if sentence.text.rstrip().endswith("?") or scare_quoted(cue, sentence):
        return False  # a question, or a word in quotes ("a 'massacre' of families")
    if len(clean.content()) == 1:
        return True  # a lone headline is one event report by itself
    if ctx.date_in(cue.sentence) is not None or ctx.place_in(cue.sentence) is not None:
        return True
    return _anchored_nearby(cue.sentence, ctx)


def _anchored_nearby(sentence: int, ctx: Context) -> bool:
    """The sentence after a cue dates and places its event when the cue's own does
    neither ("A boy was shot in the chest, police said. It happened late Friday in
    Dayton."): an event date and an incident place, both in the next sentence.

    The sentence before is not enough: in coder notes it dates and places the main
    event, and a strong word after it ("shelling", "burning tyres") is its background
    or its manner (acled-2022 dev: two notes without fatalities given an incident)."""
    after = sentence + 1
    return ctx.date_in(after) is not None and ctx.place_in(after) is not None


def _is_recent(draft: Draft, report: Report) -> bool:
    """An event stated to be long before publication is background, not news."""
    d = draft.date
    if report.published is None or d is None or d.sentence != draft.sentence:
        return True
    end = d.end or d.start
    return end is None or (report.published - end).days <= RECENT_DAYS


def _is_violent(draft: Draft, ctx: Context, mentions: Mentions) -> bool:
    """Political violence, not an accident or a disaster: a cue, an armed party or an
    armed victim near the figure."""
    if draft.kind == "claim":
        return True
    if _disaster_deaths(draft, ctx):
        return False  # "Floods kill 60 ... amid rebel attacks": the cue is not theirs
    if _accident_deaths(draft, ctx):
        return False  # "os quatro policiais ... morreram no acidente": no attack's dead
    if draft.cue is not None:
        return True
    if ctx.cue_near(draft.sentence, window=1) is not None:
        return True
    if draft.perpetrator is not None and actor_side(draft.perpetrator) != "civilian":
        return True
    if draft.parent is not None or draft.parts:
        return True
    side = draft.victim_side()
    if side in {"government", "rebel", "jihadist", "militant", "criminal"}:
        return True
    return any(c.strength >= 0.75 and not c.negated for c in mentions.cues)


def _disaster_deaths(draft: Draft, ctx: Context) -> bool:
    """Every sentence that gives the draft's deaths has a disaster as their subject."""
    if not draft.killed:
        return False
    return all(disaster_subject(_clause_before(ctx.text, m.span.start)) for m in draft.killed)


def _accident_deaths(draft: Draft, ctx: Context) -> bool:
    """Every sentence that gives the draft's deaths names the accident they died in,
    right after the figure (`violence.detect.accident_after`)."""
    if not draft.killed or draft.kind == "claim":
        return False
    return all(accident_after(_clause_after(ctx.text, m.span.end)) for m in draft.killed)


def _clause_after(text: str, start: int) -> str:
    """The text from `start` to the end of its sentence (or line), at most
    `_CLAUSE_CHARS` on."""
    window = text[start:start + _CLAUSE_CHARS]
    ends = [i for i in (window.find(mark) for mark in (". ", "\n", "; ", "? ", "! ")) if i >= 0]
    return window[:min(ends)] if ends else window


def _clause_before(text: str, end: int) -> str:
    """The text from the start of the sentence (or line) up to `end`, at most
    `_CLAUSE_CHARS` back (each search stays short whatever the text)."""
    floor = max(0, end - _CLAUSE_CHARS)
    start = max(text.rfind(mark, floor, end) for mark in (". ", "\n", "; ", "? ", "! ")) + 1
    return text[max(start, floor):end]


_CLAUSE_CHARS = 300
