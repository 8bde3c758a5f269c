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
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..actors.sources import CLAIM_RESULT, claim_covers, is_claim_sentence
from ..dates import resolve as dates_stage
from ..places import fallback as places_fallback
from ..places import geocode as places_stage
from ..records import (
    ActorMention,
    CleanText,
    DateMention,
    EventCue,
    Incident,
    Mentions,
    PlaceMention,
    Relevance,
    Report,
    SourceMention,
    Span,
    TollMention,
)
from ..settings import Settings
from ..tolls.lang import TOLL_WORDS
from ..violence.detect import disaster_subject, relevance_score
from ..violence.kind import violence_kind
from ..violence.relevance import RULE as RELEVANCE_RULE
from ..violence.relevance import judge_relevance
from . import background, conflict, corefer, hedge, sides, structure
from .context import Context, actor_side
from .draft import RULE, Draft, sum_tolls
from .headline import shooting_headline

# Words before a figure that mark it as distinct from the figure before it.
_AFTER_HURT = 3  # characters between a wounded figure and the "others" that follows it
_DISTINCT = re.compile(
    r"\b(another|other|further|additional|also|separate(?:ly)?|meanwhile|elsewhere|"
    r"second|new(?!\s+(?-i:[A-Z]))"  # not "New York", "New Denmark"
    + "".join(f"|{w.distinct}" for w in TOLL_WORDS.values() if w.distinct)  # tolls/lang/
    + r")\b",
    re.IGNORECASE,
)


# A figure-less incident needs a report that reads as an event report (violence
# relevance, docs/events.md) and a strong cue anchored by a date or a place.
FIGURELESS_RELEVANCE = 0.8
FIGURELESS_STRENGTH = 0.75
# An incident dated more than this many days before publication is background.
RECENT_DAYS = background.RECENT_DAYS
LEAD_SENTENCES = 3  # headline and the first two sentences: where a report tells its news

# Figures that are not this report's events: a tally split across other events.
# Historic and cumulative tolls and what a protest is about become background
# incidents (background.py).
_LEFT_OUT = frozenset({"split"})


# Words that mark a figure as an earlier, superseded toll of an incident already told.
_EARLIER = re.compile(
    r"\b(earlier|initially|initial|previously|previous|first\s+reports?|had\s+put"
    r"|had\s+(?:reported|said|given|announced|counted)"
    + "".join(f"|{w.earlier}" for w in TOLL_WORDS.values() if w.earlier)  # tolls/lang/
    + r")\b",
    re.IGNORECASE,
)


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
    relevance = judge_relevance(clean, mentions.cues, mentions.tolls, report.published)
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
    draft.place = ctx.place_in(cue.sentence, cue.span) or places_fallback.report_place(
        clean, mentions.places, ctx.country
    )
    draft.source = ctx.source_for(cue.sentence)
    if not _is_recent(draft, report):
        return []
    _inherit([draft], ctx, clean, report, mentions)
    return _to_incidents([draft], clean, report)


# -- drafts from figures -------------------------------------------------------------


def _figure_drafts(clean: CleanText, mentions: Mentions, ctx: Context) -> list[Draft]:
    """One draft per sentence's killed figures; other outcomes attach to it."""
    drafts: list[Draft] = []
    by_sentence: dict[int, Draft] = {}
    usable = [
        t
        for t in sorted(mentions.tolls, key=lambda t: (t.sentence, t.span.start))
        if not (_LEFT_OUT & t.flags) and not ("zero" in t.flags and t.toll.best == 0)
    ]
    for toll in usable:
        if toll.outcome != "killed":
            continue
        draft = by_sentence.get(toll.sentence)
        if draft is None or _starts_new_group(draft, toll, ctx):
            draft = Draft(sentence=toll.sentence, span=toll.span)
            drafts.append(draft)
            by_sentence[toll.sentence] = draft
        draft.killed.append(toll)
    for toll in usable:
        if toll.outcome == "killed":
            continue
        draft = by_sentence.get(toll.sentence)
        if draft is None:
            draft = Draft(sentence=toll.sentence, span=toll.span)
            drafts.append(draft)
            by_sentence[toll.sentence] = draft
        getattr(draft, toll.outcome).append(toll)
    drafts.sort(key=lambda d: (d.sentence, d.span.start))
    for draft in drafts:
        draft.sentences.add(draft.sentence)
        draft.distinct = _has_distinct_marker(clean, draft)
        draft.earlier = _has_earlier_marker(clean, draft)
    return drafts


def _starts_new_group(draft: Draft, toll: TollMention, ctx: Context) -> bool:
    """A second killed figure in a sentence joins the first unless it is a part,
    an update, a party's claim told after the first, or stands in another place of the
    sentence."""
    if {"part", "update", "aggregate_cue"} & (toll.flags | draft.flags()):
        return True
    if ("perpetrator" in toll.flags) != draft.perpetrator_dead:
        return True  # the shooter's own death is an incident apart from the victims'
    if draft.killed and "claim_cue" in toll.flags and "claim_cue" not in draft.killed[-1].flags:
        return True  # "deja un militar muerto; Ejército abate a cinco": the claim after
    sources = ctx.sources.get(toll.sentence, [])
    if draft.killed and any(  # "22 civilians killed, army says it killed 30 attackers"
        s.rule == CLAIM_RESULT and draft.killed[-1].span.end <= s.span.start
        and s.span.end <= toll.span.start for s in sources
    ):
        return True
    if draft.killed and (sides.claim_voice_split(draft.killed[-1], toll, sources)
                         or sides.opposed_sides(draft.killed[-1], toll, ctx)):
        return True  # "the army said two soldiers were killed and troops killed 14 rebels"
    if draft.killed and len(sources) > 1 and conflict.new_source_group(
        draft.killed[-1], toll, sources
    ):
        return True
    places = [p for p in ctx.places.get(toll.sentence, []) if not p.is_source_location]
    between = [
        p
        for p in places
        if draft.killed and draft.killed[-1].span.end <= p.span.start < toll.span.start
    ]
    return bool(between) and len({p.name for p in places}) > 1


def _has_distinct_marker(clean: CleanText, draft: Draft) -> bool:
    """ "another eight", "also killed", a sentence opening "In a separate attack" or
    "In a separate discovery": the figure is not a repeat of an earlier one. "Others"
    right after the wounded figure ("قتل 4 وأصيب 9 آخرون", four killed and nine others
    wounded) sets the wounded apart from the dead, not this toll from an earlier one."""
    hurt = [m.span.end for m in (*draft.wounded, *draft.abducted, *draft.missing)]
    return _has_marker(
        clean, draft, _DISTINCT,
        skip=lambda at: any(0 <= at - end <= _AFTER_HURT for end in hurt),
    ) or structure.opens_apart(draft, clean) or sides.also_died(draft, clean)



def _has_earlier_marker(clean: CleanText, draft: Draft) -> bool:
    """An earlier-toll word anywhere in the sentence before the figure, or just after
    it: "Um primeiro balanço, divulgado pelas autoridades no próprio dia, apontava
    para sete mortos" (the word opens the clause, far from its figure)."""
    if not draft.killed:
        return False
    sentence = clean.sentences[draft.sentence]
    end = min(sentence.span.end, draft.killed[-1].span.end + 40)
    return bool(_EARLIER.search(clean.text[sentence.span.start : end]))


def _has_marker(
    clean: CleanText, draft: Draft, marker: re.Pattern[str],
    skip: Callable[[int], bool] | None = None,
) -> bool:
    """A marker word near the figure: up to 40 characters before or after it; `skip`
    leaves out a marker at an offset of the text."""
    if not draft.killed:
        return False
    first = draft.killed[0].span
    sentence = clean.sentences[draft.sentence]
    start = max(sentence.span.start, first.start - 40)
    end = min(sentence.span.end, draft.killed[-1].span.end + 40)
    window = clean.text[start:end]
    return any(skip is None or not skip(start + m.start()) for m in marker.finditer(window))


# -- context for each draft ----------------------------------------------------------


def _attach_context(draft: Draft, ctx: Context, clean: CleanText) -> None:
    anchor = draft.killed[0] if draft.killed else _first_figure(draft)
    near = anchor.span if anchor else draft.span
    # an update's nearest date is when the toll rose; its event date comes first
    # ("the toll from Monday's bombing rose to 19 on Tuesday")
    is_update = anchor is not None and "update" in anchor.flags
    draft.date = ctx.date_in(draft.sentence, None if is_update else near)
    draft.place = ctx.place_in(draft.sentence, near)
    draft.source = ctx.source_for(draft.sentence)
    own_sources = ctx.sources.get(draft.sentence, [])
    if anchor is not None and len(own_sources) > 1 and draft.source in own_sources:
        draft.source = conflict.source_near(anchor, own_sources) or draft.source
    draft.cue = ctx.cue_in(draft.sentence)
    if anchor is not None:
        draft.victim = ctx.victim_for(anchor)
        draft.victim_text = anchor.victim_text
        draft.perpetrator = ctx.perpetrator_for(anchor, draft.victim)
    # the sentence's own sources only: scanning every source of the report for each
    # figure cost figures * sources (issue 11)
    if _claim_figure(anchor, own_sources, clean.text, draft.sentence) and not sides.own_loss(
            draft, anchor, own_sources):
        draft.kind = "claim"
        if draft.perpetrator is None:
            speaker = draft.source.sentence if draft.source else draft.sentence
            draft.perpetrator = _claimant(speaker, ctx)


def _claim_figure(
    anchor: TollMention | None, own_sources: list[SourceMention], text: str, sentence: int
) -> bool:
    """The figure is a party's claim of its sentence (its words, "said it had killed",
    or its source), and not another source's figure told before the claim
    (actors/sources.py `claim_covers`)."""
    cue = anchor is not None and "claim_cue" in anchor.flags
    if not cue and not is_claim_sentence(own_sources, sentence):
        return False
    claims = [s for s in own_sources if s.rule == CLAIM_RESULT]
    if anchor is None or not claims:
        return True
    return any(claim_covers(s, anchor.span, text, own_sources) for s in claims)


def _first_figure(draft: Draft) -> TollMention | None:
    for group in (draft.killed, draft.wounded, draft.abducted, draft.missing):
        if group:
            return group[0]
    return None


def _claimant(sentence: int, ctx: Context) -> ActorMention | None:
    """The party making a claim: an armed actor of the claim's own sentence."""
    for actor in ctx.actors.get(sentence, []):
        if actor_side(actor) not in (None, "civilian"):
            return actor
    return None


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
    draft.place = ctx.place_in(cue.sentence, cue.span)
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
    if sentence.text.rstrip().endswith("?"):
        return False
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


def _clause_before(text: str, end: int) -> str:
    """The text from the start of the sentence (or line) up to `end`, at most
    `_CLAUSE_CHARS` back (each search stays short whatever the text)."""
    floor = max(0, end - _CLAUSE_CHARS)
    start = max(text.rfind(mark, floor, end) for mark in (". ", "\n", "; ", "? ", "! ")) + 1
    return text[max(start, floor):end]


_CLAUSE_CHARS = 300


# -- inheritance and output ----------------------------------------------------------


def _inherit(
    drafts: list[Draft], ctx: Context, clean: CleanText, report: Report, mentions: Mentions
) -> None:
    """Fill a draft's missing date, place, actors and event from its container or
    from the sentences before it (docs/incidents.md, "Fall-backs")."""
    for draft in drafts:
        parent = draft.parent or draft.claim_of
        if draft.date is None:
            draft.date = parent.date if parent else None
        if draft.place is None and parent is not None:
            draft.place = parent.place
        if draft.place is None:
            draft.place = ctx.previous_place(min(draft.sentences))
        if (
            draft.perpetrator is None
            and parent is not None
            and draft.kind != "claim"
            and sides_differ(parent.perpetrator, draft.victim)
        ):
            draft.perpetrator = parent.perpetrator
        if draft.cue is None:
            draft.cue = (parent.cue if parent else None) or ctx.cue_near(draft.sentence, 2)
        if draft.source is None and parent is not None:
            draft.source = parent.source
    needs_place = any(d.place is None for d in drafts)
    doc_place = (
        places_fallback.report_place(clean, mentions.places, ctx.country) if needs_place else None
    )
    doc_date = (
        ctx.first_event_date()
        or dates_stage.document_date(clean, report.published)
        or _published(report)
    )
    for draft in drafts:
        if draft.place is None:
            draft.place = doc_place
        if draft.date is None:
            draft.date = doc_date


def sides_differ(perpetrator: ActorMention | None, victim: ActorMention | None) -> bool:
    if perpetrator is None:
        return False
    return actor_side(perpetrator) != actor_side(victim) or victim is None


def _event_type(draft: Draft) -> tuple[str, str | None]:
    cue = draft.cue
    victim_side = draft.victim_side()
    if cue is None:
        if victim_side == "civilian":
            return "violence_against_civilians", "attack"
        if draft.killed or draft.wounded:
            return ("battle", "armed_clash") if victim_side else ("other", None)
        if draft.abducted:
            return "violence_against_civilians", "abduction"
        return "other", None
    if cue.event_type == "battle" and victim_side == "civilian":
        return "violence_against_civilians", "attack"
    return cue.event_type, cue.sub_event_type


def _confidence(draft: Draft) -> float:
    score = 0.4
    if draft.source is not None:
        score += 0.25 if draft.source.role in {"monitor", "official"} else 0.15
    if draft.date is not None and draft.date.start is not None:
        score += 0.1
    if draft.place is not None and draft.place.precision not in {"country", "unknown"}:
        score += 0.1
    if draft.cue is not None:
        score += 0.1
    if draft.kind == "claim":
        score *= 0.8
    if any("vague" in m.flags for m in draft.killed):
        score -= 0.1
    return max(0.05, min(0.95, score))


def _to_incidents(drafts: list[Draft], clean: CleanText, report: Report) -> list[Incident]:
    ordered = sorted(drafts, key=lambda d: (d.sentence, d.span.start))
    ids = {id(d): f"{report.id}#{n}" for n, d in enumerate(ordered, start=1)}
    out: list[Incident] = []
    for draft in ordered:
        event_type, sub = _event_type(draft)
        sentences = sorted(draft.sentences)
        evidence = [clean.sentences[i].span for i in sentences if i < len(clean.sentences)]
        kind = (
            draft.kind
            if draft.kind == "claim"
            else ("aggregate" if draft.parts or draft.cumulative else "incident")
        )
        incident = Incident(
            id=ids[id(draft)],
            kind=kind,  # type: ignore[arg-type]
            event_type=event_type,  # type: ignore[arg-type]
            sub_event_type=sub,
            killed=draft.killed_toll(),
            wounded=sum_tolls(draft.wounded),
            abducted=sum_tolls(draft.abducted),
            missing=sum_tolls(draft.missing),
            date=draft.date,
            place=draft.place,
            perpetrator=draft.perpetrator,
            victim=draft.victim,
            victim_text=draft.victim_text,
            source=draft.source,
            parts=[ids[id(p)] for p in draft.parts if id(p) in ids],
            claim_of=ids.get(id(draft.claim_of)) if draft.claim_of else None,
            evidence=evidence,
            confidence=_confidence(draft),
            update=draft.update,
            rules=[RULE],
            perpetrator_dead=draft.perpetrator_dead,
            background=draft.background,
            sources=list(draft.sources) or ([draft.source] if draft.source else []),
            violence_kind=violence_kind(
                event_type,
                sub,
                actor_side(draft.perpetrator),
                draft.victim_side(),
                " ".join(clean.sentences[i].text for i in sentences if i < len(clean.sentences)),
            ),
        )
        out.append(incident)
    return out


def _published(report: Report) -> DateMention | None:
    """No date in the text: the publication day, as monitors code an undated report
    (rule `dates.published.v1`, precision `unknown`: the event is on or shortly before it)."""
    if report.published is None:
        return None
    return DateMention(
        start=report.published,
        end=report.published,
        precision="unknown",
        text="",
        span=Span(0, 0),
        sentence=-1,
        rule="dates.published.v1",
    )
