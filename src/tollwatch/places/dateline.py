"""Where a wire dateline may stand (rule ``places.v1.dateline``).

A name at the very start of a report ("BEIRUT (AFP) -", "SAN SALVADOR, 3 JAN 90 --")
may open a dateline; so may a name in capitals opening the body below a headline, when
an international wire's dateline follows it ("Headline\n\nYANGON, Myanmar - Soldiers
killed ..."): a country after the comma, or a date and a wire agency. A local paper's
"CHICAGO -" or "DAYTON, Ohio -" below its headline names where the shooting was, so it
stays a place. `rules.shape` then reads the words around it as for any dateline.

A bare "BAGHDAD -", "BOGOTA -" or "CÚCUTA." opening the body without a wire's mark is
read after the report's places are resolved (`body_datelines_elsewhere`): when the lead
names a town or a "near" place of the same country well away from it ("outside Khanaqin
in Diyala province", "Argelia, a municipality in ... Cauca"), the name is where the report
was filed, not where it happened; a local paper's "CHICAGO - ... shot in Englewood"
names nothing away from its city and keeps its place.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

from ..records import CleanText, PlaceMention
from .gazetteer.model import Gazetteer
from .names import name_key
from .rules import BEYOND_RULE
from .scan import Match

__all__ = ["at_dateline_position", "body_datelines_elsewhere", "dateline_position"]

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


# what follows a bare dateline's city: an optional ", Country" or "(Outlet)", then a dash,
# or the full stop of the Spanish and Portuguese press ("CÚCUTA. Cinco...", "LIMA.- ...")
_BARE_DATELINE_AFTER = re.compile(
    r"(?:\s*,\s*[A-Z][\w'’. ]{1,30}?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|—|–|\s-\s|\.-|\.\s)"
)
# how far from the dateline's point a place of the lead must be to be elsewhere, and how
# many sentences after the dateline's it may stand
ELSEWHERE_KM = 25.0
LEAD_SENTENCES = 2
_ELSEWHERE_PRECISIONS = frozenset({"point", "near", "admin2"})
_PROVINCE_PRECISIONS = frozenset({"admin1", "region"})
# a mention's phrase that carries its container: "Khanaqin in Diyala province", "Celaya,
# Guanajuato" (`combine` joins a town and the province that holds it)
_CONTAINER_IN_PHRASE = re.compile(r"(?:,|\bin|\bof)\s+(?:the\s+)?[A-Z]")
_ELSEWHERE_SCORE = 0.7


def _km(a: PlaceMention, b: PlaceMention) -> float | None:
    """Great-circle distance between two mentions' points, None when one has none."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        (lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _bare_dateline(clean: CleanText, m: PlaceMention, first: int) -> bool:
    """Whether a mention is a city in capitals opening the text or a body paragraph,
    followed by a dateline's dash or full stop."""
    if m.is_source_location or m.precision not in ("point", "admin1"):
        return False
    surface = clean.text[m.span.start : m.span.end]
    if clean.upper or not surface.isupper():
        return False
    if not at_dateline_position(clean.text, m.span.start, first, surface):
        return False
    return _BARE_DATELINE_AFTER.match(clean.text, m.span.end) is not None


def _province(p: PlaceMention) -> bool:
    """A province named as such ("Diyala province", "the Tillaberi region"), not a
    direction on a town ("northern Gilchrist")."""
    return p.precision == "admin1" or (
        p.precision == "region" and bool(p.name and p.admin1)
        and name_key(p.name or "") == name_key(p.admin1 or ""))


def _anchored(n: PlaceMention, m: PlaceMention, mentions: Sequence[PlaceMention]) -> bool:
    """Whether a town of the lead is surely where it was resolved: a "near" phrase in
    the dateline's own province, or a place in a province the lead names (in its
    phrase, "Khanaqin in Diyala province", or apart). A person's name read as a town
    of another state ("Thomas", "Clark") is neither; nor is a town the headline names
    too: a local paper's headline names its city's neighbourhoods ("Central City")."""
    if n.admin1 is not None and n.admin1 == m.admin1 and n.precision == "near":
        return True  # "on the outskirts of Gamboru" below "MAIDUGURI -"
    named = {p.admin1 for p in mentions if _province(p) and p.country == n.country
             and p.sentence <= m.sentence + LEAD_SENTENCES}
    return n.admin1 is not None and (n.admin1 in named or _container_named(n))


def _container_named(n: PlaceMention) -> bool:
    """Whether the mention's phrase names its province after the name ("Khanaqin in
    Salahuddin province" for Salah Al-Din; not "Wallkill in Orange" read in California,
    nor "south of McCarran International Airport")."""
    first = re.search(r"[A-Z]", n.text)
    tail = _CONTAINER_IN_PHRASE.search(n.text, first.start() if first else 0)
    stem = name_key(n.admin1 or "").replace(" ", "")[:4]
    return tail is not None and len(stem) == 4 and stem in name_key(
        n.text[tail.start():]).replace(" ", "")


def _placed_elsewhere(m: PlaceMention, mentions: Sequence[PlaceMention]) -> bool:
    """Whether the lead after a dateline names a place of the same country away from it:
    a town more than ELSEWHERE_KM off that is `_anchored`, or a province other than the
    dateline's ("in the Artibonite department" below "PORT-AU-PRINCE -")."""
    for n in mentions:
        if (n.span.start <= m.span.end or n.sentence > m.sentence + LEAD_SENTENCES
                or n.is_source_location or n.country != m.country or n.rule == BEYOND_RULE
                or n.score < _ELSEWHERE_SCORE):
            continue
        if n.precision in _PROVINCE_PRECISIONS:
            if _province(n) and n.admin1 and m.admin1 and n.admin1 != m.admin1:
                return True
            continue
        if n.precision not in _ELSEWHERE_PRECISIONS or not _anchored(n, m, mentions):
            continue
        km = _km(m, n)
        if km is not None and km > ELSEWHERE_KM:
            return True
    return False


def body_datelines_elsewhere(
    clean: CleanText, mentions: list[PlaceMention]
) -> list[PlaceMention]:
    """A bare dateline ("BAGHDAD - ...") whose lead names a place of the same country
    away from it becomes the source's place (rule ``places.v1.dateline``)."""
    content = clean.content()
    first = content[0].span.start if content else 0
    out = list(mentions)
    for i, m in enumerate(out):
        if _bare_dateline(clean, m, first) and _placed_elsewhere(m, out):
            out[i] = replace(m, is_source_location=True, rule="places.v1.dateline")
    return out
