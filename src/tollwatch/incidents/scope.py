"""Whether two figures of one report may tell one incident, or a whole and its part.

The shared tests of `structure.relate` and its folds (parts.py, repeats.py, claims.py):
the report's lead sentences, compatible sides, perpetrators, dates and places, a vague
figure close to a precise one, and `_fill_missing`, which gives a kept figure what a
figure merged into it adds (a date, a place, a source).
"""

from __future__ import annotations

import re

from ..places.names import name_key
from ..records import CleanText, DateMention, PlaceMention
from .context import PLACE_RANK, actors_compatible, sides_compatible
from .draft import Draft

# A container whose scope is explicit ("since Thursday", "in two days", "in total",
# a region) may take figures marked "another"; one that is only the report's
# headline or lead may not.
LEAD_SENTENCES = 2


# A wire dateline told as a sentence of its own: "KABUL (AFP) -", "BAMAKO, Mali (Reuters) --".
_DATELINE_ONLY = re.compile(
    r"^[A-Z][A-Z .'-]+(?:,\s*[\w .'-]+)?(?:\s*\([^)]{1,40}\))?\s*[-–—]+\s*$")


def _lead_indices(clean: CleanText) -> frozenset[int]:
    """The headline and the lead's sentences; a dateline alone takes no place of them."""
    content = [s.index for s in clean.sentences
               if not s.boilerplate and not _DATELINE_ONLY.match(s.text.strip())]
    return frozenset(content[: LEAD_SENTENCES + (1 if _has_headline(clean) else 0)])


def _incidents(kept: list[Draft]) -> list[Draft]:
    return [d for d in kept if d.kind != "claim" and d.killed and not d.perpetrator_dead]


def one_place(a: PlaceMention, b: PlaceMention) -> bool:
    """The same place: one name, or one gazetteer entry under two spellings."""
    return a.name == b.name or (a.geonameid is not None and a.geonameid == b.geonameid)


def _conflicting_source(a: Draft, b: Draft) -> bool:
    return (a.source is not None and b.source is not None
            and a.source.name.lower() != b.source.name.lower())


def _approximately(a: Draft, b: Draft) -> bool:
    """ "Une vingtaine de civils tués" in the headline, "au moins 21" in the lead: a vague
    figure and a precise one close to it (a fifth apart, at least 2), both in the lead."""
    ta, tb = a.killed_toll(), b.killed_toll()
    if ta is None or tb is None or ta.best is None or tb.best is None:
        return False
    if max(a.sentence, b.sentence) >= LEAD_SENTENCES + 1:
        return False
    if not any("vague" in m.flags for m in (*a.killed, *b.killed)):
        return False
    if _plural_vague_covers(a, b) or _plural_vague_covers(b, a):
        return True
    return abs(ta.best - tb.best) <= max(2, max(ta.best, tb.best) // 5)


def _earlier_scope(update: Draft, older: Draft) -> bool:
    """`_same_scope`, but the older figure's date may lie a day from the update's."""
    if not sides_compatible(update.victim_side(), older.victim_side()):
        return False
    if not _perpetrators_compatible(update, older):
        return False
    if not _date_within(older.date, update.date):
        return False
    return _places_compatible(update, older)


# How many days before an update its older, superseded count may have been told.
UPDATE_WINDOW_DAYS = 7


def _updated_scope(update: Draft, older: Draft) -> bool:
    """`_earlier_scope` for a figure told as an update ("le bilan est passé à 15 morts")
    and the older count it replaced ("mercredi, une première estimation faisait état de
    neuf morts"): the older count may be dated by its telling, days before the update."""
    if "update" not in update.flags():
        return False
    if not sides_compatible(update.victim_side(), older.victim_side()):
        return False
    if not _perpetrators_compatible(update, older) or not _places_compatible(update, older):
        return False
    new, old = update.date, older.date
    if new is None or old is None or new.start is None or old.start is None:
        return True
    return 0 <= (new.start - (old.end or old.start)).days <= UPDATE_WINDOW_DAYS


_PLURAL_VAGUE = re.compile(r"^(?:dozens|scores)$", re.IGNORECASE)


def _plural_vague_covers(vague: Draft, precise: Draft) -> bool:
    """ "Shelling kills dozens" in the headline, "killed 40 people" in the lead: a vague
    plural ("dozens", 24 by convention) covers a precise figure from its value up to
    ten times it (a headline says "dozens" of 100 rather than "hundreds")."""
    if len(vague.killed) != 1 or "vague" not in vague.killed[0].flags:
        return False
    if not _PLURAL_VAGUE.match((vague.killed[0].toll.text or "").strip()):
        return False
    v, p = vague.best, precise.best
    return v is not None and p is not None and v <= p < 10 * v


def _same_scope(a: Draft, b: Draft, *, check_place: bool = True) -> bool:
    if not sides_compatible(a.victim_side(), b.victim_side()):
        return False
    if not _perpetrators_compatible(a, b):
        return False
    if not _dates_compatible(a.date, b.date):
        return False
    return not check_place or _places_compatible(a, b)


def _fill_missing(target: Draft, donor: Draft) -> None:
    """A repeat often carries what the first mention lacked (a date, a source)."""
    if target.date is None or (
        donor.date is not None and target.date.precision == "unknown"
    ):
        target.date = donor.date or target.date
    if target.place is None or (
        donor.place is not None
        and (PLACE_RANK.get(donor.place.precision, 6) < PLACE_RANK.get(target.place.precision, 6)
             or refines_province_shorthand(target.place, donor.place))
    ):
        target.place = donor.place or target.place
    if target.source is None:
        target.source = donor.source
    if target.perpetrator is None:
        target.perpetrator = donor.perpetrator
    if target.victim is None:
        target.victim = donor.victim
        target.victim_text = donor.victim_text or target.victim_text
    if target.cue is None:
        target.cue = donor.cue


def _named_like_its_province(place: PlaceMention) -> bool:
    """A town or "east of X" phrase whose name is also its province's ("Kaduna",
    "north of Baghdad", "Chihuahua"): a headline's shorthand for the province as much
    as for the city (rule `incidents.province_named_town`)."""
    return (
        place.precision in ("point", "near")
        and bool(place.name and place.admin1)
        and name_key(place.name or "") == name_key(place.admin1 or "")
    )


def refines_province_shorthand(old: PlaceMention, new: PlaceMention) -> bool:
    """The first place is named like its province and the later telling's town, "near"
    phrase or district lies in that province, named otherwise ("Kaduna" in a headline,
    then "Kajuru LGA of Kaduna State"; "north of Baghdad", then "Tarmiyah district")."""
    return (
        _named_like_its_province(old)
        and new.sentence != old.sentence
        and PLACE_RANK.get(new.precision, 6) <= PLACE_RANK["admin2"]
        and new.country == old.country
        and new.admin1 == old.admin1
        and not new.is_source_location
        and not _named_like_its_province(new)
    )


def _has_headline(clean: CleanText) -> bool:
    return any(s.headline for s in clean.sentences[:2])


def _perpetrators_compatible(a: Draft, b: Draft) -> bool:
    return actors_compatible(a.perpetrator, b.perpetrator)


def _dates_compatible(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None or a.start is None or b.start is None:
        return True
    a_end = a.end or a.start
    b_end = b.end or b.start
    return a.start <= b_end and b.start <= a_end


def _date_within(inner: DateMention | None, outer: DateMention | None) -> bool:
    """The part's date inside the container's range, a day either side allowed
    ("in two days" said on Sunday may mean Friday and Saturday)."""
    if inner is None or outer is None or inner.start is None or outer.start is None:
        return True
    outer_end = outer.end or outer.start
    inner_end = inner.end or inner.start
    return (outer.start - inner_end).days <= 1 and (inner.start - outer_end).days <= 1


def _places_compatible(a: Draft, b: Draft) -> bool:
    pa, pb = a.place, b.place
    if pa is None or pb is None or _wire_dateline(pa):
        return True
    if pa.country and pb.country and pa.country != pb.country:
        return False
    return not (pa.admin1 and pb.admin1 and pa.admin1 != pb.admin1)


def _wire_dateline(place: PlaceMention) -> bool:
    """ "ABUJA - At least 27 people were killed across the north": where the report is
    filed, not where a total's deaths were; it bounds no parts."""
    return place.precision == "point" and len(place.text) > 2 and place.text.isupper()
