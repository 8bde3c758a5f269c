"""Drafts from casualty figures: one per sentence's killed figures, with their context.

`_figure_drafts` groups a report's toll mentions into drafts (a second killed figure
of a sentence starts a group of its own when it is a part, an update, a claim told
after, another side's or another place's) and marks each as distinct ("another",
"also") or earlier ("had earlier put the toll at"); `_attach_context` gives a draft
its date, place, source, cue and actors, and makes a party's own claim a claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..actors.sources import CLAIM_RESULT, claim_covers, is_claim_sentence
from ..records import ActorMention, CleanText, Mentions, SourceMention, SourceRole, TollMention
from ..tolls.lang import TOLL_WORDS, en
from . import conflict, parts, sides
from .context import Context, actor_side
from .draft import Draft

# Words before a figure that mark it as distinct from the figure before it.
_AFTER_HURT = 3  # characters between a wounded figure and the "others" that follows it
_DISTINCT = re.compile(
    r"\b(another|other|further|additional|also|separate(?:ly)?|meanwhile|elsewhere|"
    r"second|new(?!\s+(?-i:[A-Z]))"  # not "New York", "New Denmark"
    + "".join(f"|{w.distinct}" for w in TOLL_WORDS.values() if w.distinct)  # tolls/lang/
    + r")\b",
    re.IGNORECASE,
)

# "los otros 16 cuerpos", "os outros dois": the rest of a group told before, its "other"
# no marker of another event (`TollWords.rest`).
_REST = re.compile(
    r"(?:" + "|".join(w.rest for w in TOLL_WORDS.values() if w.rest) + r")\s+$",
    re.IGNORECASE,
)

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
    if draft.killed and ("own_losses" in toll.flags) != ("own_losses" in draft.killed[-1].flags):
        return True  # "killed nine soldiers and lost two of their own men": two sides' dead
    if draft.killed and ("claim_cue" in toll.flags) != ("claim_cue" in draft.killed[-1].flags):
        # "deja un militar muerto; Ejército abate a cinco": the claim after; "FLEC diz ter
        # matado 12 militares, FAA reconhecem duas mortes": the conceded dead after it
        return True
    if draft.killed and _claims_of_two_sides(draft.killed[-1], toll):
        return True
    sources = ctx.sources.get(toll.sentence, [])
    if draft.killed and any(  # "22 civilians killed, army says it killed 30 attackers"
        s.rule == CLAIM_RESULT and draft.killed[-1].span.end <= s.span.start
        and s.span.end <= toll.span.start for s in sources
    ):
        return True
    if draft.killed and (sides.claim_voice_split(draft.killed[-1], toll, sources)
                         or sides.opposed_sides(draft.killed[-1], toll, ctx)
                         or sides.opposed_victim_words(draft.killed[-1].victim_text,
                                                       toll.victim_text)):
        return True  # "the army said two soldiers were killed and troops killed 14 rebels"
    if draft.killed and len(sources) > 1 and conflict.new_source_group(
        draft.killed[-1], toll, sources
    ):
        return True
    if draft.killed and _OTHER_COUNT.search(ctx.text, draft.killed[-1].span.end,
                                            toll.span.start):
        return True  # "nine deaths, while a spokesman said eight had died": another count
    places = [p for p in ctx.places.get(toll.sentence, []) if not p.is_source_location]
    between = [
        p
        for p in places
        if draft.killed and draft.killed[-1].span.end <= p.span.start < toll.span.start
    ]
    return bool(between) and len({p.name for p in places}) > 1


# "Local media reported nine deaths, while a spokesman for the front said eight people had
# died": the second figure is another source's count of the same dead, never a sum.
_OTHER_COUNT = re.compile(en.OTHER_COUNT, re.IGNORECASE)


def _claims_of_two_sides(previous: TollMention, toll: TollMention) -> bool:
    """Two claims of one sentence, the second after the other side's turn to speak
    ("... القضاء على أكثر من 200 ...، فيما أعلن الجيش أنه ... تحييد العشرات"): two claims,
    never one sum. So too two sources' counts of the dead, the second after another
    source's turn to speak ("قالت لجان المقاومة إن 30 مدنيا قتلوا ...، بينما قالت وزارة
    الصحة إن الحصيلة بلغت 35 قتيلا"): two counts of one event, never one sum (the
    conflict stage folds them into one range)."""
    claims = "claim_cue" in previous.flags and "claim_cue" in toll.flags
    counts = not ({"claim_cue"} & (previous.flags | toll.flags)) and "other_source" in toll.flags
    return (claims or counts) and "contrast" in toll.flags and "contrast" not in previous.flags


def _has_distinct_marker(clean: CleanText, draft: Draft) -> bool:
    """ "another eight", "also killed", a sentence opening "In a separate attack" or
    "In a separate discovery": the figure is not a repeat of an earlier one. "Others"
    right after the wounded figure ("قتل 4 وأصيب 9 آخرون", four killed and nine others
    wounded) sets the wounded apart from the dead, not this toll from an earlier one."""
    hurt = [m.span.end for m in (*draft.wounded, *draft.abducted, *draft.missing)]
    if draft.killed and _rest_of_group(clean, draft.killed[0].span.start):
        return False
    return _has_marker(
        clean, draft, _DISTINCT,
        skip=lambda at: any(0 <= at - end <= _AFTER_HURT for end in hurt),
    ) or parts.opens_apart(draft, clean) or sides.also_died(draft, clean)


def _rest_of_group(clean: CleanText, start: int) -> bool:
    """The figure at `start` follows "los otros", "os outros": the rest of a group."""
    return _REST.search(clean.text, max(0, start - 24), start) is not None


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
        if draft.source is None or draft.source.sentence != draft.sentence:
            # a claim's source is its own sentence's: never one carried over
            claimant = _claiming_party(draft, ctx)
            if claimant is not None:
                draft.source = claimant_source(claimant)


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


# The rule of a claim's source read from its claimant, when no speech frame names one.
CLAIMANT_RULE = "sources.v1.claimant"


def claimant_source(claimant: ActorMention) -> SourceMention:
    """ "Les forces de sécurité ont neutralisé une dizaine de terroristes", told with no
    speaker the reader knows: the claimant of the claim is its source, an official when
    a state force (the army, the police, the gendarmerie), else the armed party's own
    claim. The evidence is the claimant's words in the claim's sentence."""
    role: SourceRole = "official" if actor_side(claimant) == "government" or (
        claimant.actor.category == "police") else "perpetrator_claim"
    return SourceMention(name=claimant.actor.name, role=role, text=claimant.text,
                         span=claimant.span, sentence=claimant.sentence, rule=CLAIMANT_RULE)


def _claiming_party(draft: Draft, ctx: Context) -> ActorMention | None:
    """Who makes a claim told without a speaker: its armed perpetrator, else a state force
    of its sentence or the one before ("La Police nationale d'Haïti ... Elle affirme que
    ses unités ont « neutralisé trois bandits »"), never one of the victims' side."""
    victims = actor_side(draft.victim)
    perpetrator = draft.perpetrator
    if perpetrator is not None and actor_side(perpetrator) not in (None, "government", victims):
        return perpetrator
    for index in (draft.sentence, draft.sentence - 1):
        for actor in ctx.actors.get(index, []):
            side = actor_side(actor)
            if (side == "government" or actor.actor.category == "police") and side != victims:
                return actor
    return perpetrator


def _claimant(sentence: int, ctx: Context) -> ActorMention | None:
    """The party making a claim: an armed actor of the claim's own sentence."""
    for actor in ctx.actors.get(sentence, []):
        if actor_side(actor) not in (None, "civilian"):
            return actor
    return None
