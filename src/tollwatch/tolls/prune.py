"""Bindings the rules found that do not count the dead, or count them twice: taken out or
corrected after every rule of a sentence has run (`tolls/find.py`).

* a vague amount restated by a toll noun's figure ("killed dozens ..., putting the toll
  at 46": 46);
* animals ("killed an FBI K-9", "40 cattle");
* the unborn child inside a figure of several dead (monitors of gun deaths never count
  it, docs/tolls.md).
"""

from __future__ import annotations

import re

from .phrases import Binding, animals_only


def pruned(text: str, bound: list[Binding]) -> list[Binding]:
    """`bound` without restated vague amounts and animals, the unborn taken out."""
    kept = [b for b in _without_restated_vague(bound)
            if not (b.outcome == "killed" and animals_only(text, b.victim))]
    _without_unborn(text, kept)
    return kept


def _without_restated_vague(bound: list[Binding]) -> list[Binding]:
    """ "killed dozens of people, a medical group said, putting the toll at 46": the toll
    noun's figure restates the vague amount before it (46, never 24 + 46)."""
    tolls = [b for b in bound if b.outcome == "killed" and "toll_noun" in b.flags
             and b.best is not None]
    if not tolls:
        return bound
    return [b for b in bound if not (
        b.outcome == "killed" and "vague" in b.flags and "toll_noun" not in b.flags
        and any(t.start > b.end for t in tolls))]


# "killing six people, including an unborn child": monitors of gun deaths count five (the
# unborn are never counted, tolls/rules.py)
_UNBORN_AMONG = re.compile(
    r"[^.;:]{0,60}?\b(?:including|among\s+them)\s+(?:an?|her|their|the)\s+unborn\s+"
    r"(?:child|baby|son|daughter|infant|nephew|niece|grandchild)\b",
    re.IGNORECASE,
)


def _without_unborn(text: str, bound: list[Binding]) -> None:
    """Take the unborn child out of a figure of several dead that includes it."""
    for binding in bound:
        if (binding.outcome != "killed" or binding.best is None or binding.best < 2
                or "vague" in binding.flags or not _UNBORN_AMONG.match(text, binding.end)):
            continue
        binding.best -= 1
        binding.low = None if binding.low is None else max(0, binding.low - 1)
        binding.high = None if binding.high is None else binding.high - 1
