"""Wounded figures of which some died: "wounded nine shoppers, five fatally".

The figure before "fatally" counts the dead, and the wounded figure it refers to keeps
only those who lived (killed 5, wounded 4; never 9 and 5). The wounded figure may be
bound already ("wounds seven at a bar, three fatally") or told by a verb of shooting
that binds nothing alone ("shooting seven people, three of them fatally").
"""

from __future__ import annotations

import re

from .numbers import NUMBER, parse_number
from .phrases import Binding, free

_FATALLY_AFTER = re.compile(r"\s+(?:of\s+them\s+)?(?:fatally|mortally)\b", re.IGNORECASE)
# ", three fatally", ", three of them fatally": the figure of the dead after a comma
_LATE_FATALLY = re.compile(
    rf",\s*(?P<m>{NUMBER})\s+(?:of\s+them\s+)?(?:fatally|mortally)\b", re.IGNORECASE
)
# "shooting seven people", "shot five men": the people hit, the dead among them
_SHOT_GROUP = re.compile(
    rf"\b(?:shooting|shot|shoots|shoot|wounding|wounded|wounds|wound|injuring|injured)\s+"
    rf"(?P<n>{NUMBER})\b[^.;:,]{{0,40}}$",
    re.IGNORECASE,
)


def split_fatal(text: str, bound: list[Binding]) -> list[Binding]:
    """Split the wounded figures some of whom died; returns the new killed bindings (the
    figures that were not bound before)."""
    _split_bound(text, bound)
    return _split_late(text, bound)


def _split_bound(text: str, bound: list[Binding]) -> None:
    """"wounded nine shoppers, five fatally" with "five" bound as wounded: killed 5, and
    the wounded 9 becomes 4."""
    for index, binding in enumerate(bound):
        if binding.outcome != "wounded" or not _FATALLY_AFTER.match(text, binding.end):
            continue
        whole = next((b for b in reversed(bound[:index]) if b.outcome == "wounded"
                      and b.best is not None and b.end <= binding.start), None)
        binding.outcome = "killed"
        binding.flags.discard("part")
        if whole is not None and binding.best is not None:
            _less(whole, binding.best)


def _less(whole: Binding, dead: int) -> None:
    """The wounded figure `whole` less the `dead` among them."""
    if whole.best is None or whole.best < dead:
        return
    whole.low = whole.best = whole.best - dead
    whole.high = whole.best if whole.high is not None else None
    whole.flags.add("less_fatal")


def _split_late(text: str, bound: list[Binding]) -> list[Binding]:
    """", three fatally" with no binding of its own: the dead among the wounded or shot
    figure just before it in the clause."""
    found: list[Binding] = []
    for match in _LATE_FATALLY.finditer(text):
        dead = parse_number(match.group("m"))
        span = (match.start("m"), match.end("m"))
        if dead is None or not free(bound + found, *span):
            continue
        trigger = (match.start("m"), match.end())
        whole = next((b for b in reversed(bound) if b.outcome == "wounded"
                      and b.best is not None and b.end <= match.start()
                      and not re.search(r"[.;:]", text[b.end : match.start()])), None)
        if whole is not None:
            if whole.best is not None and whole.best < dead:
                continue
            _less(whole, dead)
        else:
            group = _SHOT_GROUP.search(text, 0, match.start())
            shot = parse_number(group.group("n")) if group else None
            if group is None or shot is None or shot < dead:
                continue
            if shot > dead and free(bound + found, group.start("n"), group.end("n")):
                hurt = shot - dead
                found.append(Binding("wounded", hurt, hurt, hurt, group.start("n"),
                                     group.end("n"), trigger=trigger,
                                     flags={"active", "less_fatal"}))
        found.append(Binding("killed", dead, dead, dead, *span, trigger=trigger,
                             flags={"passive"}))
    return found
