"""Where a wire dateline may stand (rule ``places.v1.dateline``).

A name at the very start of a report ("BEIRUT (AFP) -", "SAN SALVADOR, 3 JAN 90 --")
may open a dateline; so may a name in capitals opening the body below a headline, when
an international wire's dateline follows it ("Headline\n\nYANGON, Myanmar - Soldiers
killed ..."): a country after the comma, or a date and a wire agency. A local paper's
"CHICAGO -" or "DAYTON, Ohio -" below its headline names where the shooting was, so it
stays a place. `rules.shape` then reads the words around it as for any dateline.
"""

from __future__ import annotations

import re

from ..records import CleanText
from .gazetteer.model import Gazetteer
from .names import name_key
from .scan import Match

__all__ = ["at_dateline_position", "dateline_position"]

# the body's first paragraph after a headline (and perhaps a byline or a time stamp)
BODY_DATELINE_WINDOW = 400
_BODY_PARAGRAPH_START = re.compile(r"\n[ \t]*\Z")
# an international wire's dateline after its city: "YANGON, Myanmar -", "NAIROBI, Kenya
# (AP) -" (the group is the country to look up), or "BEIRUT, Feb 4 (AFP) -"
WIRE_COUNTRY_AFTER = re.compile(
    r"\s*,\s*(?P<country>[A-Z][A-Za-z'’. -]{1,30}?)\s*(?:\((?:AP|AFP|Reuters)\)\s*)?"
    r"(?:--|—|–|\s-\s)"
)
WIRE_DATE_AFTER = re.compile(
    r"\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\((?:AFP|Reuters)\)"
)


def at_dateline_position(text: str, start: int, first_start: int, surface: str) -> bool:
    """Whether a name stands where a wire dateline may: at the start of the text, or,
    written in capitals in mixed-case text, at the start of one of the first paragraphs
    below a headline ("Headline\n\nYANGON, Myanmar - Soldiers killed ..."). Mixed-case
    names opening later paragraphs ("Aleppo - two killed" in a round-up) are not. Below
    a headline only an international wire's dateline counts (`dateline_position`): a local
    paper's "CHICAGO -" names where the shooting was."""
    if start - first_start <= 3:
        return True
    if start - first_start > BODY_DATELINE_WINDOW or not surface.isupper() or len(surface) < 3:
        return False
    return _BODY_PARAGRAPH_START.search(text, max(0, start - 8), start) is not None


def dateline_position(gaz: Gazetteer, clean: CleanText, m: Match, after: str) -> bool:
    """Where a wire dateline may stand: the text's start, or, in mixed-case text, the
    start of the body below a headline when an international wire's dateline follows
    ("YANGON, Myanmar -": a country after the comma; "BEIRUT, Feb 4 (AFP)")."""
    content = clean.content()
    first = content[0].span.start if content else 0
    if m.start - first <= 3:
        return True
    surface = clean.text[m.start : m.end]
    if clean.upper or not at_dateline_position(clean.text, m.start, first, surface):
        return False
    if WIRE_DATE_AFTER.match(after):
        return True
    wire = WIRE_COUNTRY_AFTER.match(after)
    if wire is None:
        return False
    kinds = {gaz.kinds[i] for i in gaz.candidates(name_key(wire.group("country")))}
    return 2 in kinds and 1 not in kinds  # "ATLANTA, Georgia -" is the state's
