"""A figure told as a possibility widens the toll it speaks of; it is not a count.

"At least eight people were killed ... According to a local official, the toll could
be as high as ten" is one incident: low 8, best 8, high 10. Without this rule, a
larger figure after an open-topped one completes it (corefer._completed: 10 becomes
the toll) or contradicts it (conflict.py: 10 becomes the best figure of another
source). The hedge words are each language's `TollWords.hedge` ("pourrait être de",
"podría ascender a", "poderá chegar a", "قد يرتفع إلى"), read in the figure's own
sentence just before it.

    fold_hedges(drafts, clean) -> drafts   # after structure.relate, before the folds
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..records import CleanText
from ..tolls.lang import TOLL_WORDS
from .context import sides_compatible
from .corefer import marked_distinct
from .draft import Draft

# Characters before the figure the hedge may stand in ("the toll could be as high as").
BEFORE_CHARS = 60
# Characters after the figure its hedged verb may stand in ("people may have been killed").
AFTER_CHARS = 50
# Sentences before the hedged figure the incident it widens may stand in.
WINDOW_SENTENCES = 2


@cache
def _hedge() -> re.Pattern[str]:
    words = "|".join(f"(?:{w.hedge})" for w in TOLL_WORDS.values() if w.hedge)
    # the hedge, then at most four words up to the figure, no clause break between
    return re.compile(rf"(?:{words})(?:\s*[^\s,;:.!?]+){{0,4}}\s*$", re.IGNORECASE)


@cache
def _hedge_after() -> re.Pattern[str]:
    words = "|".join(f"(?:{w.hedge_after})" for w in TOLL_WORDS.values() if w.hedge_after)
    return re.compile(rf"\s*(?:{words})", re.IGNORECASE)


def hedged(draft: Draft, clean: CleanText) -> bool:
    """The draft's first killed figure is told as a possibility, before it ("the toll
    could be as high as 10") or on its verb ("as many as 100 may have been killed")."""
    if not draft.killed:
        return False
    first = draft.killed[0].span
    sentence = clean.sentences[draft.sentence].span
    before = clean.text[max(sentence.start, first.start - BEFORE_CHARS) : first.start]
    if _hedge().search(before) is not None:
        return True
    after = clean.text[first.end : min(sentence.end, first.end + AFTER_CHARS)]
    return bool(after) and _hedge_after().match(after) is not None


def fold_hedges(drafts: list[Draft], clean: CleanText) -> list[Draft]:
    """Fold each hedged figure larger than an earlier incident's into that incident,
    as its high end; the other drafts are returned unchanged, in order."""
    out: list[Draft] = []
    for draft in drafts:
        target = _widened(draft, out, clean) if hedged(draft, clean) else None
        if target is None:
            out.append(draft)
            continue
        _widen(target, draft)
    return out


def _widened(draft: Draft, earlier: list[Draft], clean: CleanText) -> Draft | None:
    """The earlier incident whose toll the hedged figure speaks of: the nearest one
    within the window, of compatible victims, with a smaller best figure."""
    if not draft.top_level or draft.parts or draft.zero or marked_distinct(draft, clean):
        return None
    value = draft.best or 0
    for previous in reversed(earlier):
        if not previous.top_level or previous.zero or previous.perpetrator_dead:
            continue
        if draft.sentence - max(previous.sentences) > WINDOW_SENTENCES:
            return None
        if not sides_compatible(previous.victim_side(), draft.victim_side()):
            continue
        return previous if (previous.best or 0) < value else None
    return None


def _widen(target: Draft, draft: Draft) -> None:
    """The hedged figure becomes the target's high end; its sentence, evidence."""
    toll = target.killed_toll()
    value = draft.best
    if toll is None or value is None:
        return
    high = value if toll.high is None else max(toll.high, value)
    target.killed_override = replace(toll, high=high)
    target.sentences |= draft.sentences
    if draft.source is not None and draft.source not in target.sources:
        target.sources = [*(target.sources or ([target.source] if target.source else [])),
                          draft.source]  # fmt: skip
