"""People counted by the words that name them, not by a figure.

* A headline's list of people: "Mother, toddler killed in shooting" (2), "Woman, 2
  children killed" (3), "Father and son found dead" (2): each item is one person, or
  the figure it opens with; an item whose count is unknown ("residents") reads nothing.
* A couple: "killed a young couple", "an elderly couple was shot dead" (2).
"""

from __future__ import annotations

import re

from .lexicon import PERSON
from .numbers import NUMBER, parse_number
from .phrases import Binding, free

_ITEM = r"(?:(?:the|a|an|his|her|their)\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+"
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s*&\s*|\s+and\s+", re.IGNORECASE)
# at the opening of a sentence (a headline or a lead), before its outcome words
_LIST_OPENING = re.compile(
    rf"\W*(?P<list>{_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s*&\s*|\s+and\s+){_ITEM}){{1,4}})\s+"
    r"(?:(?:were|are|have\s+been)\s+)?(?P<out>killed|slain|shot\s+dead|found\s+dead|dead"
    r"|die|died|murdered|gunned\s+down|shot\s+and\s+killed|found\s+slain)\b",
    re.IGNORECASE,
)
# words that end a person phrase but count no one, or count an unknown group
_NOT_ONE = frozenset({"police", "one", "another", "others", "old", "staff", "personnel",
                      "families", "people", "troops"})
_COUPLE = re.compile(
    r"\b(?P<np>(?:a|an|the)\s+(?:(?:young|elderly|old|married|newlywed|retired|local|"
    r"british|american|french|german|\w+ish)\s+)?couple)\b(?!\s+of\b)",
    re.IGNORECASE,
)
_KILLED_BEFORE = re.compile(
    r"\b(?:killed|killing|kills|murdered|murdering|shot\s+dead|shooting\s+dead|slew|slaying)"
    r"\s+$",
    re.IGNORECASE,
)
_KILLED_AFTER = re.compile(
    r"\s+(?:was|were|had\s+been|has\s+been)\s+(?:found\s+)?(?:killed|shot\s+dead|murdered|"
    r"slain|stabbed\s+to\s+death|shot\s+and\s+killed|found\s+dead|dead)\b",
    re.IGNORECASE,
)


def group_forms(text: str, bound: list[Binding]) -> list[Binding]:
    """The killed bindings counted from words (a headline's list of people, a couple);
    a listed item with a figure bound already ("2 children") keeps its binding."""
    found = _opening_list(text, bound)
    for match in _COUPLE.finditer(text):
        span = (match.start("np"), match.end("np"))
        if not free(bound + found, *span):
            continue
        if _KILLED_BEFORE.search(text, max(0, span[0] - 30), span[0]) or _KILLED_AFTER.match(
                text, span[1]):
            found.append(Binding("killed", 2, 2, 2, *span, victim=span, flags={"active"}))
    return found


_PLACE_OPENER = re.compile(
    r"(?:in|at|on|near|from|after|during|across|outside|inside|throughout)\s", re.IGNORECASE)


def _opening_list(text: str, bound: list[Binding]) -> list[Binding]:
    match = _LIST_OPENING.match(text)
    if match is None or _killed_whom(text, match):
        return []
    start = match.start("list")
    items: list[tuple[int, int]] = []
    for part in _SEPARATOR.split(match.group("list")):
        at = match.group("list").find(part, (items[-1][1] - start) if items else 0)
        if part.strip():
            items.append((start + at, start + at + len(part)))
    counts = [_item_count(text[s:e]) for s, e in items]
    if len(items) < 2 or any(c is None for c in counts):
        return []
    if _PLACE_OPENER.match(text, items[0][0]):
        return []  # "In neighbouring Niger, seven soldiers died": a place opens the sentence
    span = (start, match.end("list"))
    if not free(bound, *span) and any(b.outcome != "killed" for b in bound
                                      if b.start < span[1] and span[0] < b.end):
        return []
    if any("names" in b.flags and span[0] <= b.start < span[1] for b in bound):
        return []  # "A fisherman and his three sons": the list rule counted them all (4)
    # the items no figure of `bound` counts yet ("Woman" of "Woman, 2 children")
    unbound = [(item, c) for item, c in zip(items, counts, strict=True)
               if c is not None and not _counted(bound, item)]
    if not unbound:
        return []
    total = sum(c for _, c in unbound)
    first, last = unbound[0][0][0], unbound[-1][0][1]
    return [Binding("killed", total, total, total, first, last, victim=(first, last),
                    trigger=(match.start("out"), match.end("out")), flags={"passive", "names"})]


# An object after an active verb: "Hours later, gunmen killed a police officer".
_OBJECT_AFTER = re.compile(
    r"\s+(?:a|an|the|his|her|their|its|at\s+least|\d+|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|dozens|scores|several|many)\b",
    re.IGNORECASE,
)


def _killed_whom(text: str, match: re.Match[str]) -> bool:
    """The list is the subject of an active verb with its object after it ("Hours later,
    gunmen killed a municipal police officer"): the killers, not a list of the dead
    ("Mother, toddler killed in shooting")."""
    return (match.group(0).rstrip().lower().endswith(("killed", "murdered", "shot dead",
                                                       "gunned down", "shot and killed"))
            and not re.search(r"\b(?:were|are|have\s+been)\s+\w", match.group(0), re.I)
            and _OBJECT_AFTER.match(text, match.end("out")) is not None)


def _counted(bound: list[Binding], item: tuple[int, int]) -> bool:
    """A binding's figure or the victims it counts cover the item ("A farmer and his son
    were shot dead": the "A" binding counts both)."""
    return any(s < item[1] and item[0] < e for b in bound
               for s, e in ((b.start, b.end), b.victim or (b.start, b.end)))


def _item_count(item: str) -> int | None:
    """One person ("toddler", "the mother"), the figure an item opens with ("2
    children"), or None (a group of unknown size, no person)."""
    words = re.sub(r"^(?:the|a|an|his|her|their)\s+", "", item.strip(), flags=re.I).split()
    if not words:
        return None
    head = words[-1].lower()
    if not PERSON.fullmatch(head) or head in _NOT_ONE:
        return None
    if len(words) > 1 and re.fullmatch(NUMBER, words[0], re.IGNORECASE):
        return parse_number(words[0])
    if head.endswith("s") and not head.endswith(("ss", "us")):
        return None  # "residents": a group of unknown size
    return 1
