"""How the figures of one report relate: repeats, updates, parts, aggregates, claims.

`relate(drafts, clean)` walks the figures in document order and returns the drafts
that remain incidents, with `parent`/`parts` and `claim_of` links set. Figures
merged into another (a repeat, an update, a breakdown such as "three children
were among the dead") leave only their evidence behind.

The walk is here; its folds live beside it: parts.py (containers and their parts,
summaries and totals), repeats.py (repeats, updates, older figures, also-dead,
anaphors, a perpetrator's own death), claims.py (claims) and scope.py (the shared
tests of sides, dates, places and the lead).
"""

from __future__ import annotations

from ..records import CleanText
from .claims import (
    _bodies_of_claim,
    _claimed,
    _headline_of_claim,
    _repeat_claim,
    _total_of_claims,
)
from .draft import Draft
from .parts import (
    _absorb_breakdown,
    _absorb_deadliest,
    _adopt_parts,
    _apply_summary,
    _find_container,
    _fold_lone_parts,
    adopt_listed_sum,
)
from .repeats import (
    _absorb_earlier,
    _add_also_dead,
    _apply_update,
    _attach_other_outcomes,
    _definite_part,
    _fold_provisional,
    _join_anaphor,
    _keep_own_death,
    _merge_repeat,
    _repeats_a_listed_figure,
    _retells_own_dead,
    _the_rise,
)


def relate(drafts: list[Draft], clean: CleanText) -> list[Draft]:
    """Link the drafts of one report; return those that stay incidents."""
    kept: list[Draft] = []
    for draft in drafts:
        if draft.kind == "claim":
            if (not _total_of_claims(draft, kept) and not _repeat_claim(draft, kept, clean)
                    and not _headline_of_claim(draft, kept, clean)):
                kept.append(draft)
            continue
        if not draft.killed:
            if not _attach_other_outcomes(draft, kept):
                kept.append(draft)
            continue
        if _definite_part(draft, kept, clean):
            continue
        if _bodies_of_claim(draft, kept, clean):
            continue
        if draft.perpetrator_dead:
            _keep_own_death(draft, kept, drafts, clean)
            continue
        flags = draft.flags()
        if "summary" in flags and _apply_summary(draft, kept):
            continue
        if "part_cue" in flags and _absorb_deadliest(draft, kept):
            continue
        if "part" in flags and _absorb_breakdown(draft, kept):
            continue
        if "update" in flags:
            if _apply_update(draft, kept, clean):
                continue
            draft.update = True
        if draft.earlier and _absorb_earlier(draft, kept):
            continue
        if _fold_provisional(draft, kept):
            continue
        if _the_rise(draft, kept):
            continue
        if _retells_own_dead(draft, kept):
            continue
        if not draft.distinct and _merge_repeat(draft, kept, clean):
            continue
        if _repeats_a_listed_figure(draft, kept, clean):
            continue
        if _add_also_dead(draft, kept, clean):
            continue
        if _join_anaphor(draft, kept):
            continue
        container = _find_container(draft, kept, clean)
        if container is not None:
            draft.parent = container
            container.parts.append(draft)
        elif "aggregate_cue" in flags:
            _adopt_parts(draft, kept)
        kept.append(draft)
    adopt_listed_sum(kept, clean)
    kept = _fold_lone_parts(kept, clean)
    for draft in kept:
        if draft.kind == "claim":
            draft.claim_of = _claimed(draft, kept)
    return kept
