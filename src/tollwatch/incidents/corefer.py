"""The same deaths told again: fold retellings across a whole report into one incident.

`structure.relate` links figures sentence by sentence with strict tests (same
country and admin1, a container with room). A news article is looser: the headline,
the lead, a photo caption and a later paragraph tell one event in other words ("1
killed, 2 wounded in shooting" / "A man was killed" / "Holliman died at the
hospital"), and the later sentences name other places along the way (a hospital, a
street, a person mistaken for a town). `fold_retellings` runs after `relate` over the
top-level figures of the report (docs/incidents.md, "Retellings"):

* a later figure that restates the headline or lead figure, or a smaller figure
  inside it, with no marker of another event ("another", "separately", "earlier"),
  compatible victims and dates, and a place of the same country, is evidence for
  the earlier incident, not a new one;
* a coarse place whose country name is shared by two countries ("eastern Congo":
  the Republic or the Democratic Republic) takes the country the report's precise
  places are in (`settle_country_aliases`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

import pycountry

from ..records import CleanText, PlaceMention
from ..tolls.lang import TOLL_WORDS
from .context import PLACE_RANK, sides_compatible
from .draft import Draft, attackers_side_dead
from .parts import list_items, opens_apart, opens_on_place, update_elsewhere
from .scope import one_place, refines_province_shorthand
from .sides import also_died, opposed_victims

# Leading sentences whose figure may stand for the whole report (headline + two).
LEAD_SENTENCES = 3
# Days a retelling's own date may differ from the first telling's (the day of the
# attack and the day the victim died or the report was written).
DATE_SLACK_DAYS = 1

_COARSE = frozenset({"region", "country", "unknown"})
# Words of country names that do not tell countries apart.
_NAME_NOISE = frozenset(
    {
        "republic", "of", "the", "democratic", "people's", "peoples", "state", "states",
        "united", "islamic", "federal", "federated", "kingdom", "and", "plurinational",
        "bolivarian", "arab", "socialist", "union", "islands", "island", "saint", "st",
        "new", "south", "north", "east", "west", "central", "great", "province",
    }
)
_WORD = re.compile(r"[a-z']+")

# Words that tell another event: before the figure in its sentence ("in a separate
# attack, two ..."), or inside its own phrase ("two other people", "another five").
_ANOTHER_BEFORE = re.compile(
    r"\b(another|other|further|additional|also|separate(?:ly)?|meanwhile|elsewhere|"
    # "new" but not a place's or a paper's name ("New Denmark", "New York Daily News")
    r"second|new(?!\s+(?-i:[A-Z]))|earlier|previous(?:ly)?|last\s+(?:week|month|year))\b"
    # "a second suspect in the triple murder", "new charges": the marker is the case's,
    # not a second event's
    r"(?!\s+(?:suspects?|defendants?|arrests?|gunm[ae]n|shooters?|accused|charges?|trials?"
    r"|hearings?|indictments?|warrants?)\b)"
    # "a second official, speaking at the scene, gave a toll of 18": another source of
    # the same deaths (incidents/conflict.py), not another event
    r"(?!\s+(?:[a-z]+\s+)?(?:officials?|sources?|officers?|witness(?:es)?|spokes(?:man|woman"
    r"|person)|doctors?|medics?|residents?|officer|monitors?|groups?|agency|ministry|count"
    r"|tally|estimate|report)\b[^.;]{0,50}?\b(?:said|says|told|gave|give|put|puts|"
    r"reported|reports|confirmed|estimated|counted|cited)\b)",
    re.IGNORECASE,
)
# "two other people", "five more": not ", with more than 50 wounded" (a new clause)
_ANOTHER_AFTER = re.compile(
    r"^\W*(?:(?!(?:with|and|while|but|plus|as|of)\b)\w+\s+){0,1}"
    r"(other|more(?!\s+than\b)|others|additional|also)\b", re.I)
BEFORE_CHARS = 40
# The other languages' words, up to three words after the figure: "um dos suspeitos
# também morreu", "uno de los agresores también murió".
# A word between them that starts another clause ("y", "et", "e", a comma) ends the
# search: "Dos militares murieron y otros seis quedaron heridos" marks the wounded.
_ANOTHER_AFTER_WORDS = re.compile(
    r"^\W*(?:(?!(?:y|e|et|ou|o|ni|mais|pero|mas|and)\s)[^\s,;]+\s+){0,3}?(?:"
    + "|".join(w.distinct for w in TOLL_WORDS.values() if w.distinct and w.code != "en")
    + r")(?!\w)",
    re.IGNORECASE,
)

# The same words before the figure, in its 40 characters: "في المقابل، قتل عنصران من
# التنظيم" (on the other side), "dans un autre village, trois civils".
_ANOTHER_BEFORE_WORDS = re.compile(
    r"(?<!\w)(?:"
    + "|".join(w.distinct for w in TOLL_WORDS.values() if w.distinct and w.code != "en")
    + r")(?!\w)",
    re.IGNORECASE,
)


def fold_retellings(kept: list[Draft], clean: CleanText) -> list[Draft]:
    """Merge later figures that retell an earlier one; return the drafts that remain."""
    settle_country_aliases(kept)
    lead = _lead_sentences(clean)
    headline = next((s.index for s in clean.content()[:1] if s.headline), None)
    out: list[Draft] = []
    for draft in kept:
        distinct = marked_distinct(draft, clean) or _also_beside_a_group(draft, out, clean)
        target = None if distinct else _retold(draft, out, lead, headline)
        if target is not None and (round_up_item(target, draft, clean)
                                   or list_items(target, draft, clean)):
            target = None
        if target is None and not distinct:
            target = _completed(draft, out, lead, clean)
            if target is not None:
                _take_figure(target, draft)
        if target is None:
            out.append(draft)
            continue
        _merge_into(target, draft)
    return _fold_own_death_ahead(_fold_police_killed(_fold_partitives(out, clean), clean), clean)


def _also_beside_a_group(draft: Draft, earlier: list[Draft], clean: CleanText) -> bool:
    """ "Twelve Maoists were killed ... A member of the District Reserve Guard was also
    killed": one more death beside a group's figure is not among the group."""
    return also_died(draft, clean) and any(
        d.top_level and (d.best or 0) >= 2 for d in earlier)


_PARTITIVE_AFTER = re.compile(r"\s+of\s+(?:the|those|these|them|whom)\b", re.IGNORECASE)
# "wounding nine people, five of them fatally": the dead among the sentence's own
# wounded, a figure of their own, not a part of a group told elsewhere.
_FATAL_PARTITIVE = re.compile(r"\s+of\s+(?:them|whom)\s+(?:fatally|mortally)\b", re.IGNORECASE)


def _fold_partitives(drafts: list[Draft], clean: CleanText) -> list[Draft]:
    """"one of the officers killed", "four of the officers killed were with the city's
    police": a part of a group whose figure the report gives elsewhere (even after it).
    Folded into a compatible figure at least as large, of the same side."""
    out = list(drafts)
    for draft in drafts:
        if not draft.top_level or draft.parts or draft.perpetrator_dead or not draft.killed:
            continue
        if not all(_PARTITIVE_AFTER.match(clean.text, m.span.end) for m in draft.killed):
            continue
        if any(_FATAL_PARTITIVE.match(clean.text, m.span.end) for m in draft.killed):
            continue
        best = draft.best or 0
        whole = next((d for d in out if d is not draft and d.top_level and not d.perpetrator_dead
                      and (d.best or 0) >= max(best, 2) and _compatible(d, draft)
                      and not attackers_side_dead(d, draft)), None)
        if whole is not None:
            _merge_into(whole, draft)
            out.remove(draft)
    return out


# A police shooting: the man it left dead is the attacker whose own death is told.
_POLICE_KILLING = re.compile(
    r"officer-involved|police-involved|deputy-involved|(?:shot|killed)\s+by\s+(?:an?\s+|the\s+)?"
    r"(?:police|officers?|deput(?:y|ies)|troopers?|agents?|sheriff)|police\s+shooting",
    re.IGNORECASE,
)


def _fold_police_killed(drafts: list[Draft], clean: CleanText) -> list[Draft]:
    """"The suspect was killed by police" and "an officer-involved shooting left a man
    dead": one death, the attacker's own. A single victim figure of one is folded into
    the single perpetrator's death when the victim's sentence tells of police fire."""
    top = [d for d in drafts if d.top_level]
    own = [d for d in top if d.perpetrator_dead and d.best == 1]
    victims = [d for d in top if not d.perpetrator_dead and d.best]
    if len(own) != 1 or len(victims) != 1 or victims[0].best != 1:
        return drafts
    attacker, victim = own[0], victims[0]
    if victim.parts or marked_distinct(victim, clean) or not _compatible(attacker, victim):
        return drafts
    if not _POLICE_KILLING.search(clean.sentences[victim.sentence].text):
        return drafts
    _merge_into(attacker, victim)
    return [d for d in drafts if d is not victim]


# A count of the dead that names no side: "three bodies", "three people dead"
_DEAD_COUNTED = re.compile(r"\b(?:bodies|people|persons|dead)\b", re.IGNORECASE)
# "a rampage that left two others dead": the count sets itself beside him
_OTHERS = re.compile(r"\bothers?\b", re.IGNORECASE)
# the figure is a killer's object: "shot and killed two people", "murdering three"
_KILLERS_OBJECT = re.compile(r"\b(?:kill|murder|slay|slew|shot|shoot)\w*\s+$", re.IGNORECASE)


def _counts_the_dead(total: Draft, clean: CleanText) -> bool:
    """Every figure of `total` counts dead people or bodies (its victim words, or the
    words right after it), none the object of a killer's verb ("killed three people"
    counts his victims only) nor a count of others ("two others dead")."""
    return bool(total.killed) and all(
        _DEAD_COUNTED.search(words := m.victim_text or clean.text[m.span.start : m.span.end + 12])
        is not None and _OTHERS.search(words) is None and not {"active", "clause"} <= m.flags
        and _KILLERS_OBJECT.search(clean.text[max(0, m.span.start - 24) : m.span.start]) is None
        for m in total.killed)


def _fold_own_death_ahead(drafts: list[Draft], clean: CleanText) -> list[Draft]:
    """"Father killed 2 children, then himself" over "Three bodies, including two
    children, were found": a killer's own death told before a count of the dead that
    names no side is inside that count (a murder-suicide's "three people dead" holds
    him), as a count told first already holds it (structure `_keep_own_death`). One own
    death of one, one such later count of two or more, compatible: one incident."""
    own = [d for d in drafts if d.top_level and d.perpetrator_dead and d.best == 1]
    if len(own) != 1 or not own[0].killed:
        return drafts
    attacker = own[0]
    told = attacker.killed[0].span.start
    totals = [d for d in drafts if d.top_level and not d.perpetrator_dead
              and d.kind == "incident" and (d.best or 0) >= 2 and _counts_the_dead(d, clean)
              and d.killed[0].span.start > told and _compatible(d, attacker)]
    if len(totals) != 1:
        return drafts
    _merge_into(totals[0], attacker)
    return [d for d in drafts if d is not attacker]


def _completed(
    draft: Draft, earlier: list[Draft], lead: frozenset[int], clean: CleanText
) -> Draft | None:
    """The headline's figure that this larger lead figure completes: the headline tells
    part of the toll ("man kills 2 teens, then shoots baby"), the lead all of it ("three
    people, including an infant, were slain"). Same admin1 where both are known, and
    no marker of another event anywhere before the figure in its sentence."""
    if draft.sentence not in lead or not draft.top_level or draft.parts or draft.zero:
        return None
    best = draft.best
    if best is None or {"update", "aggregate_cue", "part", "part_cue"} & draft.flags():
        return None
    sentence = clean.sentences[draft.sentence].span
    if _ANOTHER_BEFORE.search(clean.text[sentence.start : draft.killed[0].span.start]):
        return None
    headline = min(lead) if lead else None
    for previous in reversed(earlier):
        if previous.sentence != headline or not previous.top_level or previous.zero:
            continue
        a, b = previous.place, draft.place
        if a is not None and b is not None and a.admin1 and b.admin1 and a.admin1 != b.admin1:
            continue
        if previous.parts or previous.perpetrator_dead or draft.perpetrator_dead:
            continue
        other = previous.best
        if other is None or other == 0 or other >= best:
            continue
        if _compatible(previous, draft):
            return previous
    return None


def _take_figure(target: Draft, draft: Draft) -> None:
    """The completing figure becomes the incident's toll; the first telling stays evidence."""
    target.killed = list(draft.killed)
    target.killed_override = draft.killed_override
    draft.killed_override = None


def marked_distinct(draft: Draft, clean: CleanText) -> bool:
    """A figure marked as another event: a marker word in the 40 characters before
    it in its sentence, a sentence that opens on another event ("In a separate
    attack, ..."), or a word right after it ("two other people")."""
    if not draft.killed:
        return draft.distinct
    if "another" in draft.killed[0].flags or opens_apart(draft, clean):
        return True  # "su escolta también murió", "In a separate discovery, ..."
    first = draft.killed[0].span
    sentence = clean.sentences[draft.sentence].span
    before = clean.text[max(sentence.start, first.start - BEFORE_CHARS) : first.start]
    after = clean.text[first.end : min(sentence.end, first.end + 20)]
    if _ANOTHER_BEFORE.search(before) or _ANOTHER_AFTER.search(after):
        return True
    if _ANOTHER_BEFORE_WORDS.search(before):
        return True  # "في المقابل، قتل عنصران", "también murieron dos"
    further = clean.text[first.end : min(sentence.end, first.end + BEFORE_CHARS)]
    return _ANOTHER_AFTER_WORDS.search(further) is not None


def _lead_sentences(clean: CleanText) -> frozenset[int]:
    return frozenset(s.index for s in clean.content()[:LEAD_SENTENCES])


def _retold(
    draft: Draft, earlier: list[Draft], lead: frozenset[int], headline: int | None = None
) -> Draft | None:
    """The earlier top-level incident this figure retells, if any."""
    if not draft.top_level or draft.parts or draft.zero:
        return None
    best = draft.best
    if best is None or best == 0:
        return None
    for previous in reversed(earlier):
        if not previous.top_level or previous.zero:
            continue
        if previous.perpetrator_dead != draft.perpetrator_dead:
            continue  # the perpetrator's own death never retells the victims' toll
        if attackers_side_dead(previous, draft):
            continue  # nor do the dead of the attackers' side, told in its own words
        other = previous.best
        if other is None or other == 0:
            continue
        if best > other:
            continue
        if best < other and update_elsewhere(previous, draft):
            continue  # a risen toll is one attack's: a smaller figure elsewhere is another
        if best < other and previous.sentence not in lead and not (
                previous is _first_figure(earlier) and _same_place(previous, draft)):
            continue  # a smaller figure retells the report's first figure, or a lead one
        if best < other and _other_region(previous, draft):
            continue  # "In the neighbouring Zaporizhzhia region, one person was killed"
        both_lead = previous.sentence in lead and draft.sentence in lead
        if best == other and previous.sentence == headline and _headline_sides(
            previous, draft
        ):
            # the headline's figure told again in the body, whatever date or place the
            # body's sentence carries ("quadruple murder" of a follow-up article, its
            # date "in June" and the arrest's town): a headline tells one event
            return previous
        if _compatible(previous, draft, check_place=not (both_lead and best == other)):
            return previous
    return None


def round_up_item(previous: Draft, draft: Draft, clean: CleanText) -> bool:
    """The figure's sentence opens on a place of its own in another first-level
    division than the incident before: a round-up's next item, never a second
    source's figure for the same deaths."""
    place, other = draft.place, previous.place
    if place is None or other is None or place.sentence != draft.sentence:
        return False
    if not place.admin1 or not other.admin1 or place.admin1 == other.admin1:
        return False
    return opens_on_place(draft, clean)


def _other_region(previous: Draft, draft: Draft) -> bool:
    """The smaller figure names a region (an admin1 itself, not a town or a hospital the
    gazetteer may misread) of the same country other than the earlier figure's."""
    pa, pb = previous.place, draft.place
    if pa is None or pb is None or pb.precision != "region":
        return False
    if pa.country != pb.country or not pa.admin1 or not pb.admin1:
        return False
    return pa.admin1 != pb.admin1


def _headline_sides(headline: Draft, draft: Draft) -> bool:
    """Victims of compatible sides: the only check left for the headline's figure."""
    return sides_compatible(headline.victim_side(), draft.victim_side())


def _first_figure(drafts: list[Draft]) -> Draft | None:
    """The report's first top-level figure (its news, when the lead gives none)."""
    return next((d for d in drafts if d.top_level and not d.zero), None)


def _same_place(first: Draft, later: Draft) -> bool:
    """The later figure names no place of its own, or the first figure's place."""
    pa, pb = first.place, later.place
    if pb is None:
        return True
    return pa is not None and one_place(pa, pb)


def _compatible(a: Draft, b: Draft, *, check_place: bool = True) -> bool:
    """Victims of compatible sides, close dates and (unless the headline and lead
    give one figure twice, where a place the gazetteer misread must not split them)
    places of one country."""
    if not sides_compatible(a.victim_side(), b.victim_side()):
        return False
    if opposed_victims(a.victim, b.victim):
        return False  # "Four soldiers and five militants were killed": two sides
    if not _dates_close(a, b):
        return False
    return not check_place or places_loosely_compatible(a.place, b.place)


def _dates_close(a: Draft, b: Draft) -> bool:
    da, db = a.date, b.date
    if da is None or db is None or da.start is None or db.start is None:
        return True
    if db.sentence != b.sentence:
        return True  # an inherited date says nothing of its own
    a_end = da.end or da.start
    b_end = db.end or db.start
    return (
        (da.start - b_end).days <= DATE_SLACK_DAYS and (db.start - a_end).days <= DATE_SLACK_DAYS
    )


def places_loosely_compatible(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    """Same country (or a shared country name), or one of them unknown. Admin1 is not
    compared: later sentences name hospitals, streets and people the gazetteer may
    read as places elsewhere."""
    if a is None or b is None or not a.country or not b.country:
        return True
    if a.country == b.country:
        return True
    coarse = a if a.precision in _COARSE else b if b.precision in _COARSE else None
    other = b if coarse is a else a
    return coarse is not None and other.country is not None and _shares_name(
        coarse.country or "", other.country
    )


def _merge_into(target: Draft, draft: Draft) -> None:
    """A retelling: its sentences become evidence; it fills what the first telling lacked."""
    target.sentences |= draft.sentences
    for outcome in ("wounded", "abducted", "missing"):
        mine = getattr(target, outcome)
        if not mine:
            mine.extend(getattr(draft, outcome))
    if target.source is None:
        target.source = draft.source
    if target.perpetrator is None:
        target.perpetrator = draft.perpetrator
    if target.cue is None:
        target.cue = draft.cue
    if target.date is None or (
        draft.date is not None
        and target.date.precision == "unknown"
        and draft.date.precision != "unknown"
    ):
        target.date = draft.date or target.date
    tp, dp = target.place, draft.place
    if dp is not None and (tp is None or _refines(tp, dp)):
        target.place = dp
    for part in draft.parts:
        part.parent = target


def _refines(old: PlaceMention, new: PlaceMention) -> bool:
    """A more precise place inside the first telling's: same country and admin1, or a
    coarse first place (a country, "eastern Congo") of a shared country name, or a
    town, district or "near" phrase inside the province the first place is named
    after (`scope.refines_province_shorthand`)."""
    if refines_province_shorthand(old, new):
        return True
    if PLACE_RANK.get(new.precision, 6) >= PLACE_RANK.get(old.precision, 6):
        return False
    if old.precision in _COARSE:
        return places_loosely_compatible(old, new)
    return old.country == new.country and (old.admin1 is None or old.admin1 == new.admin1)


# -- countries that share a name ------------------------------------------------------


def settle_country_aliases(drafts: list[Draft]) -> None:
    """A coarse place ("eastern Congo") whose country shares its name with the country
    of the report's precise places (North Kivu, DR Congo) takes that country."""
    precise = {
        d.place.country
        for d in drafts
        if d.place is not None and d.place.country and d.place.precision not in _COARSE
    }
    if not precise:
        return
    for draft in drafts:
        place = draft.place
        if place is None or place.precision not in _COARSE or not place.country:
            continue
        if place.country in precise:
            continue
        matches = [c for c in precise if _shares_name(place.country, c)]
        if len(matches) == 1:
            draft.place = _recountried(place, matches[0])


def _recountried(place: PlaceMention, country: str) -> PlaceMention:
    found = pycountry.countries.get(alpha_2=country)
    name = getattr(found, "common_name", None) or getattr(found, "name", None)
    return replace(
        place,
        country=country,
        name=name if place.precision == "country" else place.name,
        admin1=None,
        admin2=None,
        lat=None,
        lon=None,
        geonameid=None,
        rule=f"{place.rule}+incidents.country_alias",
    )


def _shares_name(a: str, b: str) -> bool:
    return a != b and bool(_name_words(a) & _name_words(b))


@cache
def _name_words(code: str) -> frozenset[str]:
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return frozenset()
    names = [
        getattr(found, attr, "") or "" for attr in ("name", "official_name", "common_name")
    ]
    words = {w for n in names for w in _WORD.findall(n.lower())}
    return frozenset(w for w in words if w not in _NAME_NOISE and len(w) > 2)
