"""Incident output: fill what each draft lacks, then write the report's `Incident`s.

`_inherit` fills a draft's missing date, place, actors, cue and source from its
container (or the claim's incident), the sentences before it, or the report
(docs/incidents.md, "Fall-backs"); `_to_incidents` numbers the drafts in text order
and writes each as an `Incident`, with its event type, confidence and evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..dates import resolve as dates_stage
from ..places import fallback as places_fallback
from ..records import (
    ActorMention,
    CleanText,
    DateMention,
    Incident,
    Mentions,
    PlaceMention,
    Report,
    Span,
)
from ..violence.kind import violence_kind
from .context import PLACE_RANK, Context, actor_side
from .draft import RULE, Draft, sum_tolls


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
        elif draft.place.precision in _WIDE or (
            draft.place.precision == "region" and not draft.place.admin1
        ):
            draft.place = _told_before_a_retelling(draft, ctx) or draft.place
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
    for draft in drafts:
        if draft.place is not None and not draft.background:
            draft.place = _said_where_after(draft, drafts, ctx, clean.text) or draft.place
        if draft.parts and draft.place is not None:
            _placed_by_parts(draft)


# places that a town told just before a retelling's figure may make precise (and a
# region of a country, "western Niger"; not "the Baltimore area", a city's surroundings)
_WIDE = frozenset({"country", "admin1"})


# sentences after a figure's last one read for where it happened
WHERE_AFTER = 2


def _coarse(place: PlaceMention) -> bool:
    """A place that a sentence after the figure may make precise: a country, a
    province, a district or a region ("in northwest Pakistan", "central Magway
    region", "Northern Samar province"), the
    source's own place (a dateline), or a town named like its province ("in Sagaing",
    which a headline uses for the region)."""
    return (
        PLACE_RANK.get(place.precision, 6) >= PLACE_RANK["admin2"]
        or place.is_source_location
        or (place.precision == "point" and place.name is not None
            and place.name == place.admin1)
    )


def _said_where_after(
    draft: Draft, drafts: list[Draft], ctx: Context, text: str
) -> PlaceMention | None:
    """A figure placed only coarsely ("Gunmen killed three policemen in northwest
    Pakistan", "Rebels kill 13 in eastern DR Congo"), followed within two sentences by
    one that says where, before any other figure ("The post is in Hangu, a district of
    Khyber Pakhtunkhwa province"; "The raid took place in a hamlet of Walungu territory
    in South Kivu"): that sentence's place, when it is finer and inside the coarse one
    (rule `incidents.place_said_after`). A sentence of another figure (not one of
    this figure's parts) ends the search."""
    coarse = draft.place
    assert coarse is not None
    if not _coarse(coarse):
        return None
    own = set(draft.sentences) | {s for p in draft.parts for s in p.sentences}
    others = {s for d in drafts if d is not draft and d not in draft.parts
              and not d.background for s in d.sentences} - own
    background = {s for d in drafts if d.background for s in d.sentences}
    last = max(draft.sentences)
    for sentence in range(draft.sentence + 1, last + WHERE_AFTER + 1):
        if sentence in others or sentence in background:
            break
        place = ctx.place_in(sentence)
        if place is not None and _finer_inside(place, coarse) and not _first_name(place, text):
            return replace(place, rule=SAID_AFTER_RULE)
    return None


SAID_AFTER_RULE = "incidents.place_said_after"

# a capitalised word after a one-word town that makes it a person's first name
# ("Cameron Beacham found out ..."), unless the word is a unit or a place word
_SURNAME_AFTER = re.compile(
    r"\s(?!(?:District|Township|Province|State|County|Region|Territory|Division|Governorate"
    r"|Department|Municipality|City|Town|Village|LGA|Area|Camp|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b)[A-Z][a-z]+\b"
)


def _first_name(place: PlaceMention, text: str) -> bool:
    """A one-word town followed by a capitalised word that is no unit: a person's first
    and last name ("Cameron Beacham found out on Facebook ..."), not a place a later
    sentence gives the lead (rule `incidents.place_said_after`)."""
    if " " in place.text.strip() or not place.text[:1].isupper():
        return False
    return _SURNAME_AFTER.match(text, place.span.end) is not None


def _placed_by_parts(total: Draft) -> None:
    """A total whose parts name one town or unit between them ("Al menos 14 personas
    murieron ..." over "13 cuerpos" in a municipio and "un herido murió más tarde")
    is there, not at the report's dateline or country; the parts that only took the
    total's place follow it (rule `incidents.place_said_after`)."""
    old = total.place
    assert old is not None
    named = {
        (p.place.name, p.place.admin1): p.place
        for p in total.parts
        if p.place is not None and p.place is not old and p.place.country == old.country
        and p.place.precision in ("point", "near", "admin2")
    }
    if len(named) != 1:
        return
    (place,) = named.values()
    if (place.name, place.admin1) == (old.name, old.admin1):
        return
    if not (_coarse(old) or old.precision in ("point", "near")):
        return
    total.place = replace(place, rule=SAID_AFTER_RULE)
    for part in total.parts:
        if part.place is old:
            part.place = total.place


def _finer_inside(place: PlaceMention, coarse: PlaceMention) -> bool:
    """A place more precise than `coarse`, in its country and (unless `coarse` is the
    source's own place) its province."""
    if place.is_source_location or place.country != coarse.country:
        return False
    if place.precision in ("country", "region", "unknown"):
        return False
    if coarse.is_source_location:
        return True
    if coarse.admin1 and place.admin1 != coarse.admin1:
        return False
    if coarse.precision == "admin2" and place.admin2 and coarse.admin2 and (
            place.admin2 != coarse.admin2):
        return False  # a town of another unit of the province
    return PLACE_RANK.get(place.precision, 6) < PLACE_RANK.get(coarse.precision, 6) or (
        coarse.precision == "point" and place.name != coarse.name
    )


def _told_before_a_retelling(draft: Draft, ctx: Context) -> PlaceMention | None:
    """A headline placed only by its country or province ("Hundreds dead in Burkina
    Faso attack"), retold further down by a figure sentence naming no place of its own,
    right after the sentence that says where ("...in Sanmatenga province in the
    Centre-Nord region on Saturday. An official said 200 people were killed."): that
    earlier place, when it is more precise and inside the headline's place (rule
    `incidents.place_before_retelling`)."""
    wide = draft.place
    assert wide is not None
    for sentence in sorted(draft.sentences):
        if sentence == draft.sentence or ctx.place_in(sentence) is not None:
            continue
        before = ctx.previous_place(sentence)
        if (
            before is not None
            and before.sentence not in draft.sentences
            and PLACE_RANK.get(before.precision, 6) < PLACE_RANK.get(wide.precision, 6)
            and before.country == wide.country
            and (not wide.admin1 or before.admin1 == wide.admin1)
        ):
            return before
    return None


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
