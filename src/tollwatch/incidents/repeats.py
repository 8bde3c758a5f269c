"""Figures told again: repeats, risen tolls, older figures, also-dead and anaphors.

Each fold takes a figure of `structure.relate`'s walk and, when it tells deaths
already counted (the same figure again, "the toll rose to 40", "officials had earlier
put the toll at 12", "a sound technician was also killed", "he died at the
hospital"), merges it into the incident before and returns True. `_keep_own_death`
keeps a perpetrator's own death apart from the victims' toll, or folds it when it is
told again.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..places.fallback import country_level
from ..places.names import name_key
from ..records import CleanText, DateMention, PlaceMention
from .context import actor_side, generic_victim, sides_compatible
from .draft import Draft
from .scope import (
    LEAD_SENTENCES,
    _approximately,
    _conflicting_source,
    _dates_compatible,
    _earlier_scope,
    _fill_missing,
    _incidents,
    _lead_indices,
    _places_compatible,
    _plural_vague_covers,
    _same_scope,
    _updated_scope,
    one_place,
)
from .sides import also_died, clause_apart


def _add_also_dead(draft: Draft, kept: list[Draft], clean: CleanText) -> bool:
    """ "A reporter was killed ... A sound technician was also killed": one more victim of
    the incident before, on the same side, adds to its toll. Of another side ("Twelve
    Maoists were killed ... A member of the District Reserve Guard was also killed") it
    is an incident of its own."""
    if not also_died(draft, clean):
        return False
    top = [d for d in _incidents(kept) if d.parent is None and d.best is not None]
    if not top or draft.best is None:
        return False
    target = top[-1]
    if target.killed_override is not None or target.parts or (
            target.victim_side() != draft.victim_side()):
        return False
    target.killed.extend(draft.killed)
    target.sentences |= draft.sentences
    _fill_missing(target, draft)
    return True


def _attach_other_outcomes(draft: Draft, kept: list[Draft]) -> bool:
    """ "More than 40 people were wounded" just after a killed figure: the same
    incident's wounded (or abducted, missing), unless marked as another event."""
    if draft.distinct or draft.kind == "claim":
        return False
    for previous in reversed(_incidents(kept)):
        if draft.sentence - previous.sentence > 2:
            return False
        if any(
            getattr(draft, outcome) and getattr(previous, outcome)
            for outcome in ("wounded", "abducted", "missing")
        ):
            return False
        for outcome in ("wounded", "abducted", "missing"):
            getattr(previous, outcome).extend(getattr(draft, outcome))
        previous.sentences |= draft.sentences
        return True
    return False


def _apply_update(draft: Draft, kept: list[Draft], clean: CleanText) -> bool:
    """ "The death toll rose to 40": revise the compatible figure before."""
    if _adds_up(draft, kept):
        return True
    for previous in _update_targets(draft, _incidents(kept)):
        if not sides_compatible(previous.victim_side(), draft.victim_side()):
            continue
        if clause_apart(previous, draft, clean):
            continue
        new = draft.killed_toll()
        old = previous.killed_toll()
        if new is not None and (old is None or (new.best or 0) >= (old.best or 0)):
            previous.killed_override = new
        previous.update = True
        previous.sentences |= draft.sentences
        _fill_missing(previous, draft)
        return True
    return False


def _update_targets(draft: Draft, incidents: list[Draft]) -> list[Draft]:
    """The incidents a risen toll may revise, nearest first; when the update names a
    place of its own ("the toll in Kupiansk had risen to three"), the incidents told at
    that place come first: in a round-up the nearest figure is often another town's."""
    nearest = list(reversed(incidents))
    own = draft.place
    if own is None or own.sentence != draft.sentence or own.is_source_location:
        return nearest
    named = [d for d in nearest if d.place is not None and one_place(d.place, own)]
    return named + [d for d in nearest if d not in named]


def _adds_up(draft: Draft, kept: list[Draft]) -> bool:
    """ "Six volunteers were killed. A woman also died, bringing the toll to seven": the
    figure just before the update, in its sentence, is one more death of the incident
    before it, and the update is their sum: the death becomes a part of that incident
    and the update its toll."""
    incidents = _incidents(kept)
    new = draft.killed_toll()
    if len(incidents) < 2 or new is None or new.best is None:
        return False
    added, first = incidents[-1], incidents[-2]
    if added.sentence != draft.sentence or added.parts or first.parent is not None:
        return False
    if (first.best or 0) + (added.best or 0) != new.best or not first.best or not added.best:
        return False
    if not sides_compatible(first.victim_side(), draft.victim_side()):
        return False
    first.killed_override = new
    first.update = True
    first.sentences |= draft.sentences | added.sentences
    added.parent = first
    if added not in first.parts:
        first.parts.append(added)
    _fill_missing(first, draft)
    return True


def _absorb_earlier(draft: Draft, kept: list[Draft]) -> bool:
    """ "Officials had earlier put the toll at 12": an older figure of the incident
    before, superseded by its higher toll; evidence only. The older figure may be a
    day older than the update ("the blast had killed three yesterday", and a fourth
    died today)."""
    toll = draft.killed_toll()
    for previous in reversed(_incidents(kept)):
        other = previous.killed_toll()
        if toll is None or other is None or toll.best is None or other.best is None:
            continue
        # "... rose to eight, after a first toll of five" in one sentence: the older
        # figure is that update's, whatever day each is dated by (the update's news day,
        # the clashes' night)
        same_sentence = draft.sentence in previous.sentences and sides_compatible(
            previous.victim_side(), draft.victim_side())
        if not (same_sentence or _earlier_scope(previous, draft)
                or (toll.best < other.best and _updated_scope(previous, draft))):
            continue
        if toll.best > other.best and _conflicting_source(previous, draft):
            # "local officials had earlier put the toll at 115": the older, higher
            # figure of another source widens the range; the current figure stays best
            previous.killed_override = replace(other, high=max(other.high or 0, toll.best))
        elif toll.best > other.best:
            continue
        previous.sentences |= draft.sentences
        return True
    return False


# How many sentences apart a provisional toll and the other count of its incident may be.
PROVISIONAL_WINDOW = 4


def _fold_provisional(draft: Draft, kept: list[Draft]) -> bool:
    """ "Le gestionnaire du site a fait état d'un bilan provisoire de douze morts" then
    "la MONUSCO a indiqué que quinze civils avaient été tués": a toll told as provisional
    and the nearest count of the same victims before or after it are one incident; the
    larger figure is the current toll, the smaller its low. Either figure may be the
    provisional one, and "provisional" is no older figure: a smaller figure folds only
    when it is the provisional one told after."""
    toll = draft.killed_toll()
    if toll is None or toll.best is None or draft.distinct:
        return False
    if {"part", "part_cue", "aggregate_cue", "cumulative", "update"} & draft.flags():
        return False
    for previous in reversed(_incidents(kept)):
        if previous.parent is not None or previous.parts:
            continue
        if draft.sentence - max(previous.sentences) > PROVISIONAL_WINDOW:
            return False
        old = previous.killed_toll()
        if old is None or old.best is None or not _count_of(previous, draft):
            continue
        if "provisional" not in draft.flags() | previous.flags() or old.best == toll.best:
            return False  # the nearest count of these victims is not a provisional pair
        if old.best > toll.best and "provisional" not in draft.flags():
            return False
        low = min(v for v in (old.low, old.best, toll.low, toll.best) if v is not None)
        newer = toll if toll.best > old.best else old
        previous.killed_override = replace(newer, low=low)
        previous.update = previous.update or toll.best > old.best
        previous.sentences |= draft.sentences
        _fill_missing(previous, draft)
        return True
    return False


def _the_rise(draft: Draft, kept: list[Draft]) -> bool:
    """ "Le bilan est passé à 14 morts. Un bilan provisoire faisait état de neuf morts.
    « Cinq autres corps ont été retrouvés »": more dead ("autres") told near a toll that
    rose, exactly its rise, are inside the new toll, not added to it."""
    toll = draft.killed_toll()
    if toll is None or not toll.best or not draft.distinct or draft.parts:
        return False
    for previous in reversed(_incidents(kept)):
        if previous.parent is not None or draft.sentence - max(previous.sentences) > 3:
            continue
        old = previous.killed_toll()
        if (old is None or old.best is None or old.low is None or old.low >= old.best
                or not previous.update or old.best - old.low != toll.best
                or not sides_compatible(previous.victim_side(), draft.victim_side())):
            continue
        previous.sentences |= draft.sentences
        return True
    return False


# How many days apart a provisional count and the other count of its deaths may be dated
# ("un bilan provisoire divulgué jeudi", the final count on Saturday's dateline).
PROVISIONAL_DAYS = 3


def _count_of(previous: Draft, draft: Draft) -> bool:
    """Another count of `previous`'s deaths: compatible victims and places, dates a few
    days apart at most (a provisional count is dated by the day it was given). The
    perpetrators are not compared: a count's source ("la MONUSCO a fait état de") is
    often read as an actor."""
    return (sides_compatible(previous.victim_side(), draft.victim_side())
            and _days_apart(previous.date, draft.date) <= PROVISIONAL_DAYS
            and _places_compatible(previous, draft))


def _days_apart(a: DateMention | None, b: DateMention | None) -> int:
    """Days between two dates' ranges (0 when either is unknown or they overlap)."""
    if a is None or b is None or a.start is None or b.start is None:
        return 0
    a_end, b_end = a.end or a.start, b.end or b.start
    return max(0, (a.start - b_end).days, (b.start - a_end).days)


def _merge_repeat(draft: Draft, kept: list[Draft], clean: CleanText) -> bool:
    """The same figure stated again (headline and lead, a later paragraph)."""
    toll = draft.killed_toll()
    if toll is None or toll.best is None:
        return False
    for previous in reversed(_incidents(kept)):
        other = previous.killed_toll()
        if other is None or (other.best != toll.best and not _approximately(previous, draft)
                             and not _counts_the_vague(previous, draft)
                             and not _refines_open_total(previous, draft)):
            continue
        # a headline's "Dozens killed" and the lead's 27: a place the headline names
        # ("Israel disputes toll") does not split them
        vague_pair = _plural_vague_covers(previous, draft) and max(
            previous.sentence, draft.sentence) < LEAD_SENTENCES + 1
        both_named = _names_both_places(previous, draft, clean)
        if not _same_scope(previous, draft, check_place=not (vague_pair or both_named)) and not (
                _headline_repeat_a_day_off(previous, draft, clean)):
            continue
        if other.best != toll.best and (any("vague" in m.flags for m in previous.killed)
                                        or _refines_open_total(previous, draft)):
            previous.killed = list(draft.killed)  # the precise figure of the two
        widen = both_named and not _places_compatible(previous, draft)
        previous.sentences |= draft.sentences
        _fill_missing(previous, draft)
        if widen and previous.place is not None:
            previous.place = country_level(previous.place)
        return True
    return False


def _names_both_places(a: Draft, b: Draft, clean: CleanText) -> bool:
    """ "Junta airstrikes kill 23 in Sagaing and Magway" over "airstrikes on villages in
    Sagaing and Magway regions killed at least 23": two tellings of one figure whose
    places (two provinces, or towns named like their provinces) differ only because each
    sentence names both and the figure took a different one: one scope, widened to the
    country (rule `incidents.repeat_two_places`)."""
    pa, pb = a.place, b.place
    if pa is None or pb is None or not pa.name or not pb.name or pa.name == pb.name:
        return False
    if pa.country is None or pa.country != pb.country:
        return False
    if not (_named_as_province(pa) and _named_as_province(pb)):
        return False  # two towns, or a street taken for a town: one of them is the place
    text_a, text_b = clean.sentences[a.sentence].text, clean.sentences[b.sentence].text
    return _names(text_b, pa.name) and _names(text_a, pb.name)


def _named_as_province(place: PlaceMention) -> bool:
    """A province, or a town named like its province ("Sagaing", "Magway")."""
    return bool(place.name and place.admin1) and (
        name_key(place.name or "") == name_key(place.admin1 or ""))


def _names(text: str, name: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text) is not None


def _refines_open_total(total: Draft, draft: Draft) -> bool:
    """ "Plus de 50 personnes ont été tuées lors d'attaques" then "Au moins 52 civils tués
    entre dimanche et ce lundi": an open total (no upper bound) and a later total a little
    above it (a tenth at most, at least 2) are one count, the later the precise one."""
    old, new = total.killed_toll(), draft.killed_toll()
    if old is None or new is None or old.best is None or new.best is None:
        return False
    if old.high is not None or total.parent is not None or draft.parts:
        return False
    if not (total.parts or "aggregate_cue" in draft.flags()):
        return False
    return 0 < new.best - old.best <= max(2, old.best // 10)


# How many sentences after a vague figure its precise count may be told.
VAGUE_COUNT_WINDOW = 2


def _counts_the_vague(vague: Draft, precise: Draft) -> bool:
    """ "Une vingtaine de civils ont été tués" then, a sentence on, "« Nous avons compté
    21 corps »": a precise figure close to a vague one told just before (a fifth apart,
    at least 2), where the vague figure is all the incident had: the count of it. A
    figure of more deaths ("quatre autres corps") never gets here (`distinct`)."""
    if not vague.killed or not all("vague" in m.flags for m in vague.killed):
        return False
    if any("vague" in m.flags for m in precise.killed) or vague.parts:
        return False
    if precise.sentence - max(vague.sentences) > VAGUE_COUNT_WINDOW:
        return False
    a, b = vague.best, precise.best
    return a is not None and b is not None and abs(a - b) <= max(2, max(a, b) // 5)

# A definite article right before a figure: "the 60 suspects killed", "os 60 suspeitos
# mortos", "los 12 fallecidos", "les 12 victimes".
_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|these|those|os|estes|esses|aqueles|los|las|estos|esos|les|ces)\s+$",
    re.IGNORECASE,
)


def _definite_part(draft: Draft, kept: list[Draft], clean: CleanText) -> bool:
    """ "64 mortos, entre eles quatro policiais ... os 60 suspeitos mortos": the
    suspects' dead with a definite article point back at dead already counted; smaller
    than the incident before it, in the same time and place, they are inside its toll,
    never an own death apart (`_keep_own_death` keeps two or more attackers apart)."""
    if len(draft.killed) != 1 or draft.distinct or draft.best is None:
        return False
    if not draft.perpetrator_dead:
        return False  # the victims' parts ("the two dead bandmates") find their container
    mention = draft.killed[0]
    if "vague" in mention.flags:
        return False
    if not _DEFINITE_BEFORE.search(clean.text, max(0, mention.span.start - 12), mention.span.start):
        return False
    for previous in reversed(_incidents(kept)):
        if previous.parent is not None or (previous.best or 0) <= draft.best:
            continue
        if _dates_compatible(previous.date, draft.date) and _places_compatible(previous, draft):
            previous.sentences |= draft.sentences
            return True
        return False
    return False


def _headline_repeat_a_day_off(previous: Draft, draft: Draft, clean: CleanText) -> bool:
    """ "Seven killed as gunmen open fire on bus" over a caption dated the day of the
    report and a lead's "late on Tuesday ... shot dead seven": the headline's exact figure
    told again in the lead, on dates a day apart, of the same victims and place, is one
    incident (a photo or a report the next morning dates it a day later)."""
    if previous.best != draft.best or (previous.best or 0) < 2:
        return False
    if any("vague" in m.flags for m in (*previous.killed, *draft.killed)):
        return False
    if not clean.sentences[min(previous.sentences)].headline:
        return False
    if draft.sentence not in _lead_indices(clean) and draft.sentence - previous.sentence > 4:
        return False
    return _earlier_scope(previous, draft) or _earlier_scope(draft, previous)


def _repeats_a_listed_figure(draft: Draft, kept: list[Draft], clean: CleanText) -> bool:
    """ "Six gendarmes et deux civils tués à Makalondi" over "deux civils ont également
    été tués": one figure of a headline's list told again, the same number of the same
    victims ("also" sets them beside the list's others, not apart from it), in the same
    time and place: no new deaths, a part of the headline's total. Only a headline's
    list of counted groups (not two deaths of one person each told in one sentence)."""
    if len(draft.killed) != 1 or draft.killed[0].victim_text is None:
        return False
    toll = draft.killed[0]
    for previous in _incidents(kept):
        if (len(previous.killed) < 2 or draft.sentence in previous.sentences
                or not clean.sentences[previous.sentence].headline
                or any("singular" in m.flags for m in previous.killed)):
            continue
        listed = any(
            m.toll.best == toll.toll.best and _head(m.victim_text) == _head(toll.victim_text)
            for m in previous.killed
        )
        if (listed and _dates_compatible(previous.date, draft.date)
                and _places_compatible(previous, draft)):
            draft.parent = previous
            previous.parts.append(draft)
            kept.append(draft)
            return True
    return False


def _head(victims: str | None) -> str | None:
    """The first word of a victim phrase, case folded ("civiles también" -> "civiles")."""
    words = (victims or "").split()
    return words[0].casefold() if words else None


def _retells_own_dead(draft: Draft, kept: list[Draft]) -> bool:
    """ "Quatro suspeitos morrem em confronto com a PM" then "Quatro homens morreram
    durante uma troca de tiros com policiais": the lead's figure of people named by no
    side tells again the headline's dead of the other side (the converse of the
    headline's dead that are the lead's suspects, `_keep_own_death`)."""
    if draft.distinct or draft.sentence > LEAD_SENTENCES or draft.victim_side() is not None:
        return False
    for previous in kept:
        if (previous.perpetrator_dead and previous.sentence == 0 and previous.parent is None
                and previous.kind != "claim" and previous.best == draft.best
                and previous.best is not None):
            previous.sentences |= draft.sentences
            _fill_missing(previous, draft)
            return True
    return False


def _keep_own_death(
    draft: Draft, kept: list[Draft], drafts: list[Draft], clean: CleanText
) -> None:
    """A perpetrator's own death stays apart from the victims' incident ("killed two
    co-workers and then took his own life": 2 and 1); told again, it is one. A total of
    two or more stated in another sentence ("a shooting that left five dead") already
    counts the shooter: the own death is evidence for it, unless the own death's
    sentence gives that same total as the victims' ("Bombing kills 27 / a bomber blew
    himself up, killing 27 worshippers": 27 and the bomber). Two or more attackers
    killed are never inside the victims' total ("killed 18 villagers ... soldiers killed
    four of the attackers": 18 and 4), nor is one attacker inside a total of the state's
    forces ("cuatro policías murieron ... un integrante del grupo murió": 4 and 1)."""
    for previous in reversed(kept):
        if previous.perpetrator_dead:
            previous.sentences |= draft.sentences
            _fill_missing(previous, draft)
            return
    victims_here = {
        d.best for d in drafts
        if d.sentence == draft.sentence and d is not draft and not d.perpetrator_dead
        and d.kind != "claim" and d.killed
    }
    for previous in _incidents(kept):
        if (previous.sentence == 0 and draft.sentence <= 2 and previous.parent is None
                and previous.best == draft.best and not draft.distinct
                and (previous.victim_text is None or generic_victim(previous.victim_text))
                and previous.best not in victims_here):
            # "Operação policial deixa quatro mortos / Quatro suspeitos foram mortos durante
            # uma operação": the headline's dead are the suspects the lead tells of
            previous.sentences |= draft.sentences
            return
    if any((m.toll.best or 0) > 1 for m in draft.killed):
        kept.append(draft)  # "killed four of the attackers": never inside the victims' toll
        return
    for previous in _incidents(kept):
        if (previous.parent is None and (previous.best or 0) >= 2 and not draft.distinct
                and (draft.best == 1 or generic_victim(previous.victim_text))
                and draft.sentence not in previous.sentences
                and previous.best not in victims_here and not _victims_only(previous)
                and not _never_the_attacker(previous) and not _killed_by_him(previous, clean)
                and actor_side(previous.victim) != "government"):
            previous.sentences |= draft.sentences
            return
    kept.append(draft)


# "were fatally shot ... by the woman's boyfriend": the victims of a killer the sentence names
_BY_THE_KILLER = re.compile(
    r"\b(?:shot|killed|slain|stabbed|wounded|murdered)\b[^.;]{0,120}?\bby\s+(?:(?:a|an|the|his|her"
    r"|their|[A-Z][\w'’-]*['’]s)\s+)(?:[\w'’-]+\s+){0,2}?(?:boyfriend|girlfriend|husband|wife"
    r"|ex-\w+|estranged\s+\w+|gunman|shooter|son|father|mother|brother|sister|stepfather"
    r"|neighbou?r|suspect|attacker|assailant)\b")


def _killed_by_him(total: Draft, clean: CleanText) -> bool:
    """The total's first sentence tells its dead as the victims of one killer ("A woman and
    a teen were fatally shot ... by the woman's boyfriend"): his own death, told later, is
    never inside that total."""
    if not total.killed:
        return False
    sentence = clean.sentences[total.sentence].text
    return _BY_THE_KILLER.search(sentence) is not None


# Victims the attacker is never one of: "Two children, aged 8 and 10, were killed ... The
# shooter, a 23-year-old, died of a self-inflicted gunshot wound" is 2 and 1.
_CHILDREN_OR_WORSHIPPERS = re.compile(
    r"\b(?:children|child|kids|schoolchildren|pupils|babies|infants|toddlers|worshipp?ers"
    r"|congregants)\b",
    re.IGNORECASE,
)


def _never_the_attacker(total: Draft) -> bool:
    """Every figure of the total names its victims as children or worshippers: the
    attacker who died is not inside it ("3 bodies, including 2 children" may hold him)."""
    return bool(total.killed) and all(
        m.victim_text is not None and _CHILDREN_OR_WORSHIPPERS.search(m.victim_text) is not None
        and _SOME_OF_THEM.search(m.victim_text) is None
        for m in total.killed)


# "3 bodies, including 2 children": the children are some of the dead, who may hold him
_SOME_OF_THEM = re.compile(
    r"\b(?:including|among|bodies|people|persons|dead|victims|family)\b", re.IGNORECASE)


def _victims_only(draft: Draft) -> bool:
    """Every figure is the object of the attacker's verb ("matou duas pessoas",
    tolls/clauses.py): it counts the victims, never the attacker."""
    return bool(draft.killed) and all(
        {"active", "clause"} <= m.flags for m in draft.killed
    )


def _join_anaphor(draft: Draft, kept: list[Draft]) -> bool:
    """ "He died at the hospital", "the teen was killed": one victim named before, told
    again (tolls flag `anaphoric`), joins the latest incident with a death rather than
    adding one (docs/tolls.md)."""
    # no `distinct` check: "Ana died; the other three were hurt" marks the others, not
    # her ("another", "a second" never make an anaphor, tolls/implicit.py)
    if not draft.killed or not all("anaphoric" in m.flags for m in draft.killed):
        return False
    toll = draft.killed_toll()
    if toll is None or toll.best != 1:
        return False
    for previous in reversed(_incidents(kept)):
        if (previous.best or 0) >= 1 and sides_compatible(previous.victim_side(),
                                                          draft.victim_side()):
            previous.sentences |= draft.sentences
            _fill_missing(previous, draft)
            return True
    return False
