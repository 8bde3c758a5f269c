"""How the figures of one report relate: repeats, updates, parts, aggregates, claims.

`relate(drafts, clean)` walks the figures in document order and returns the drafts
that remain incidents, with `parent`/`parts` and `claim_of` links set. Figures
merged into another (a repeat, an update, a breakdown such as "three children
were among the dead") leave only their evidence behind.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import CleanText, DateMention, PlaceMention
from .context import PLACE_RANK, actor_side, actors_compatible, generic_victim, sides_compatible
from .draft import Draft, attackers_side_dead
from .sides import also_died, clause_apart

# A container whose scope is explicit ("since Thursday", "in two days", "in total",
# a region) may take figures marked "another"; one that is only the report's
# headline or lead may not.
LEAD_SENTENCES = 2


def relate(drafts: list[Draft], clean: CleanText) -> list[Draft]:
    """Link the drafts of one report; return those that stay incidents."""
    kept: list[Draft] = []
    for draft in drafts:
        if draft.kind == "claim":
            if not _repeat_claim(draft, kept) and not _headline_of_claim(draft, kept, clean):
                kept.append(draft)
            continue
        if not draft.killed:
            if not _attach_other_outcomes(draft, kept):
                kept.append(draft)
            continue
        if draft.perpetrator_dead:
            _keep_own_death(draft, kept, drafts)
            continue
        flags = draft.flags()
        if "summary" in flags and _apply_summary(draft, kept):
            continue
        if "part" in flags and _absorb_breakdown(draft, kept):
            continue
        if "update" in flags:
            if _apply_update(draft, kept, clean):
                continue
            draft.update = True
        if draft.earlier and _absorb_earlier(draft, kept):
            continue
        if not draft.distinct and _merge_repeat(draft, kept):
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
    kept = _fold_lone_parts(kept, clean)
    for draft in kept:
        if draft.kind == "claim":
            draft.claim_of = _claimed(draft, kept)
    return kept


def _filling_siblings(container: Draft, part: Draft, kept: list[Draft]) -> list[Draft]:
    """ "Attacks kill 14 in Sagaing and Magway" over "killed nine ... in Sagaing" and
    "killed five more ... in Magway": the top-level figures after the lone part that,
    with it, add up exactly to the container's figure are its other parts (a round-up's
    headline total), so the container is no range of its one part. Empty when no run
    of them adds up."""
    target, total = container.best or 0, part.best or 0
    run: list[Draft] = []
    for draft in kept:
        if total >= target:
            break
        if draft.sentence <= part.sentence or draft.parent is not None or draft.parts:
            continue
        if draft.kind != "incident" or draft.perpetrator_dead or not draft.best:
            continue
        if not sides_compatible(container.victim_side(), draft.victim_side()):
            continue
        run.append(draft)
        total += draft.best
    return run if run and total == target else []


def _repeat_claim(draft: Draft, kept: list[Draft]) -> bool:
    """The headline's claim told again in the lead ("Army says it killed 13 fighters /
    the army said its troops killed 13 insurgents"): one claim, the same figure of the
    same claimant (or one of them unnamed), in another sentence."""
    if draft.best is None or draft.distinct:
        return False
    name = _claimant(draft)
    for previous in kept:
        if (previous.kind == "claim" and previous.best == draft.best
                and draft.sentence not in previous.sentences
                and (name is None or _claimant(previous) in (None, name))):
            previous.sentences |= draft.sentences
            _fill_missing(previous, draft)
            return True
    return False


def _headline_of_claim(draft: Draft, kept: list[Draft], clean: CleanText) -> bool:
    """ "Abaten a seis presuntos sicarios" over "la Defensa informó que elementos del
    Ejército abatieron a seis presuntos integrantes": a headline that tells, without its
    speaker, the figure of a party's own killing that the body gives as its claim is that
    claim, not a toll of its own. Only a figure told in the headline alone, as the object
    of a killing verb in both."""
    if draft.best is None or draft.distinct or not _active(draft):
        return False
    for at, previous in enumerate(kept):
        if (previous.kind != "claim" and previous.best == draft.best
                and previous.sentences == {previous.sentence}
                and clean.sentences[previous.sentence].headline
                and previous.parent is None and not previous.parts and _active(previous)):
            draft.sentences |= previous.sentences
            kept[at] = draft
            return True
    return False


def _active(draft: Draft) -> bool:
    return bool(draft.killed) and all("active" in t.flags for t in draft.killed)


def _claimant(draft: Draft) -> str | None:
    """The claimant's name; None when unnamed ("its fighters": an unidentified group)."""
    name = draft.perpetrator_name()
    return None if name is None or name.startswith("Unidentified") else name


def _fold_lone_parts(kept: list[Draft], clean: CleanText) -> list[Draft]:
    """ "Blast kills at least 22" over "killing at least 14, a spokesman said": a headline
    figure whose only part is one figure of the lead, with no cue of a total, is one
    incident told twice (a later or another source's figure): the lead's figure becomes
    its low, the headline's stays best. Parts of one person ("killed the village
    head") stay parts."""
    lead = _lead_indices(clean)
    out = list(kept)
    for container in kept:
        if len(container.parts) != 1 or container.sentence not in lead:
            continue
        part = container.parts[0]
        # "Russian strikes kill four in two regions" over "killing three" and, paragraphs
        # on, "a man died near Kupiansk": later figures that with the part add up exactly
        # to the headline's are its other parts, wherever the part is told
        siblings = _filling_siblings(container, part, out)
        for sibling in siblings:
            sibling.parent = container
            container.parts.append(sibling)
        if siblings or "aggregate_cue" in container.flags():
            continue
        if part.sentence not in lead and not _another_source_soon(container, part):
            continue
        if {"part", "aggregate_cue"} & part.flags() or part.distinct or (part.best or 0) < 2:
            continue
        whole, piece = container.killed_toll(), part.killed_toll()
        if whole is None or piece is None or piece.best is None or whole.best is None:
            continue
        low = min(v for v in (whole.low, piece.low, piece.best) if v is not None)
        container.killed_override = replace(whole, low=low)
        container.parts = []
        container.sentences |= part.sentences
        _fill_missing(container, part)
        out.remove(part)
    return out


def _another_source_soon(container: Draft, part: Draft) -> bool:
    """ "killing at least 100 people, Amnesty said" / "State police said they had
    confirmed 45 deaths": another source's figure within two sentences."""
    return (part.sentence - max(container.sentences) <= 2
            and _conflicting_source(container, part))


# A wire dateline told as a sentence of its own: "KABUL (AFP) -", "BAMAKO, Mali (Reuters) --".
_DATELINE_ONLY = re.compile(
    r"^[A-Z][A-Z .'-]+(?:,\s*[\w .'-]+)?(?:\s*\([^)]{1,40}\))?\s*[-–—]+\s*$")


def _lead_indices(clean: CleanText) -> frozenset[int]:
    """The headline and the lead's sentences; a dateline alone takes no place of them."""
    content = [s.index for s in clean.sentences
               if not s.boilerplate and not _DATELINE_ONLY.match(s.text.strip())]
    return frozenset(content[: LEAD_SENTENCES + (1 if _has_headline(clean) else 0)])


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


def _incidents(kept: list[Draft]) -> list[Draft]:
    return [d for d in kept if d.kind != "claim" and d.killed and not d.perpetrator_dead]


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


def _absorb_breakdown(draft: Draft, kept: list[Draft]) -> bool:
    """ "Three children were among the dead": evidence for the figure just before."""
    for previous in reversed(_incidents(kept)):
        if draft.sentence - previous.sentence <= 2:
            previous.sentences |= draft.sentences
            return True
        break
    return False


def _apply_summary(draft: Draft, kept: list[Draft]) -> bool:
    """A closing tally ("3 fatalities.", "fatalities coded as 2") restates the report's
    total: it replaces the figure before it, or covers the figures before it."""
    top = [d for d in _incidents(kept) if d.parent is None]
    if not top:
        return False
    if len(top) == 1:
        top[0].killed_override = draft.killed_toll()
        top[0].sentences |= draft.sentences
        _fill_missing(top[0], draft)
        return True
    for d in top:
        d.parent = draft
        draft.parts.append(d)
    kept.append(draft)
    return True


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


def one_place(a: PlaceMention, b: PlaceMention) -> bool:
    """The same place: one name, or one gazetteer entry under two spellings."""
    return a.name == b.name or (a.geonameid is not None and a.geonameid == b.geonameid)


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
        if not (same_sentence or _earlier_scope(previous, draft)):
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


def _conflicting_source(a: Draft, b: Draft) -> bool:
    return (a.source is not None and b.source is not None
            and a.source.name.lower() != b.source.name.lower())


def _merge_repeat(draft: Draft, kept: list[Draft]) -> bool:
    """The same figure stated again (headline and lead, a later paragraph)."""
    toll = draft.killed_toll()
    if toll is None or toll.best is None:
        return False
    for previous in reversed(_incidents(kept)):
        other = previous.killed_toll()
        if other is None or (other.best != toll.best and not _approximately(previous, draft)):
            continue
        # a headline's "Dozens killed" and the lead's 27: a place the headline names
        # ("Israel disputes toll") does not split them
        vague_pair = _plural_vague_covers(previous, draft) and max(
            previous.sentence, draft.sentence) < LEAD_SENTENCES + 1
        if not _same_scope(previous, draft, check_place=not vague_pair):
            continue
        if other.best != toll.best and any("vague" in m.flags for m in previous.killed):
            previous.killed = list(draft.killed)  # the precise figure of the two
        previous.sentences |= draft.sentences
        _fill_missing(previous, draft)
        return True
    return False


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


def _keep_own_death(draft: Draft, kept: list[Draft], drafts: list[Draft]) -> None:
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
                and actor_side(previous.victim) != "government"):
            previous.sentences |= draft.sentences
            return
    kept.append(draft)


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
        and PLACE_RANK.get(donor.place.precision, 6) < PLACE_RANK.get(target.place.precision, 6)
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


def _find_container(draft: Draft, kept: list[Draft], clean: CleanText) -> Draft | None:
    """The earlier, wider figure this one is a part of, if any."""
    toll = draft.killed_toll()
    if toll is None or toll.best is None:
        return None
    if "toll_noun" in draft.flags():
        return None  # "a health official put the toll at 27": a whole toll, never a part
    fitting: list[tuple[int, int, Draft]] = []
    for candidate in _incidents(kept):
        if candidate.parent is not None and "part" in candidate.flags():
            continue  # "including eight children": a breakdown holds no later figure
        scope = _scope(candidate, clean)
        if scope is None or (draft.distinct and scope not in ("explicit", "region")):
            continue
        if scope in ("region", "explicit") and draft.distinct and opens_apart(draft, clean):
            continue  # "In a separate discovery, soldiers found four bodies": not a part
        if scope == "lead" and _another_town(candidate, draft, clean):
            continue  # "In Dilling, a drone killed two": a round-up's next town
        if scope == "lead" and list_items(candidate, draft, clean):
            continue  # "1 October - Beni: ..." then "3 October - Masisi: ...": two items
        room = _room(candidate)
        if room is None or toll.best > room:
            continue
        if not sides_compatible(candidate.victim_side(), draft.victim_side()):
            continue
        if not _perpetrators_compatible(candidate, draft) or attackers_side_dead(candidate, draft):
            continue
        if not _date_within(draft.date, candidate.date):
            continue
        if not _places_compatible(candidate, draft):
            continue
        if update_elsewhere(candidate, draft):
            continue
        exact = 0 if toll.best == room else 1
        fitting.append((exact, candidate.best or 0, candidate))
    if not fitting:
        return None
    return min(fitting, key=lambda t: (t[0], t[1]))[2]


_PRECISE = frozenset({"point", "near", "admin2"})


def _another_town(candidate: Draft, draft: Draft, clean: CleanText) -> bool:
    """The figure's sentence opens on a town other than the lead figure's town."""
    a, b = candidate.place, draft.place
    if a is None or b is None or a.name is None or a.name == b.name:
        return False
    return _both_precise(a, b) and opens_on_place(draft, clean)


# A bulletin's item opens on its date or its place as a label: "3 October - Masisi
# territory (North Kivu): ...", "Zamfara: Bandits killed nine ...".
_ITEM_OPENER = re.compile(
    r"^\W*(?:(?:\d{1,2}\s+[A-Za-z]{3,9}|[A-Za-z]{3,9}\s+\d{1,2})(?:,?\s+\d{4})?\s*[-–—:]"
    r"|[A-Z][\w'’ .()-]{1,50}:\s)"
)


def list_items(a: Draft, b: Draft, clean: CleanText) -> bool:
    """Both figures' sentences open as items of one list (a date or a place label)."""
    first, second = clean.sentences[a.sentence], clean.sentences[b.sentence]
    return (not first.headline and a.sentence != b.sentence
            and _ITEM_OPENER.match(first.text) is not None
            and _ITEM_OPENER.match(second.text) is not None)


def _both_precise(a: PlaceMention, b: PlaceMention) -> bool:
    """Two places of town or district precision: a different name is another place."""
    return a.precision in _PRECISE and b.precision in _PRECISE


def update_elsewhere(candidate: Draft, draft: Draft) -> bool:
    """A risen toll is one attack's ("Sobe para 11 o número de mortos no ataque a
    Mocímboa da Praia"): a figure of another town or village is no part of it."""
    if not (candidate.update or "update" in candidate.flags()):
        return False
    a, b = candidate.place, draft.place
    if a is None or b is None or a.name is None or b.name is None:
        return False
    return _both_precise(a, b) and a.name != b.name


def _scope(candidate: Draft, clean: CleanText) -> str | None:
    """Why a figure may contain others: "explicit" (a range, a cue, a region) or
    "lead" (the headline or first sentences)."""
    flags = candidate.flags()
    if "aggregate_cue" in flags or candidate.parts:
        return "explicit"
    d = candidate.date
    if d is not None and d.start is not None and d.end is not None and d.start != d.end:
        return "explicit"
    if candidate.place is not None and candidate.place.precision in {"region", "country"}:
        return "region"
    content = [s.index for s in clean.sentences if not s.boilerplate][:LEAD_SENTENCES + 1]
    if candidate.sentence in content[: LEAD_SENTENCES + (1 if _has_headline(clean) else 0)]:
        return "lead"
    return None


# A sentence that opens on another event: "In a separate discovery on Tuesday, ...",
# "Separately, ...", "In another attack, ...", "Elsewhere in the region, ...".
_APART_OPENING = re.compile(
    r"^\W*(?:in\s+(?:(?:a|an|another)\s+)?(?:separate|different|unrelated|other)\b"
    r"|in\s+another\s+(?:attack|incident|raid|strike|discovery|case|development|clash"
    r"|shooting)\b|separately\b|meanwhile\b|elsewhere\b)",
    re.IGNORECASE,
)


def opens_apart(draft: Draft, clean: CleanText) -> bool:
    """The figure's sentence opens on another event, however far before the figure."""
    return _APART_OPENING.match(clean.sentences[draft.sentence].text) is not None


# A round-up's item opens on its place: "In Ituri province, ...", "In North Kivu's
# Masisi territory, ...", "Near Kherson, ..." (no clause break before the place).
_PLACE_OPENER = re.compile(r"\s*(?:in|at|near|outside)\s+[^,.;:]{0,40}$", re.IGNORECASE)
_REGION_OPENER = re.compile(r"\s*in\s+(?:the\s+)?([^,.;:]{1,40}?)(?:\s+(?:region|province|state"
                            r"|department|oblast|governorate))?,", re.IGNORECASE)


def opens_on_place(draft: Draft, clean: CleanText) -> bool:
    """The figure's sentence opens on the figure's own place ("In Dilling, ...")."""
    place = draft.place
    if place is None or place.sentence != draft.sentence:
        return False
    start = clean.sentences[draft.sentence].span.start
    if _PLACE_OPENER.match(clean.text[start : place.span.start]) is not None:
        return True
    # "In Antioquia, a leader was killed in Segovia": the opener names the place's region
    opener = _REGION_OPENER.match(clean.text[start : place.span.start])
    return opener is not None and place.admin1 is not None and (
        opener.group(1).casefold() == place.admin1.casefold())


def _has_headline(clean: CleanText) -> bool:
    return any(s.headline for s in clean.sentences[:2])


def _room(container: Draft) -> int | None:
    total = container.killed_toll()
    if total is None or total.best is None:
        return None
    ceiling = total.high if total.high is not None else total.best
    used = sum((p.best or 0) for p in container.parts)
    return ceiling - used


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


def _adopt_parts(draft: Draft, kept: list[Draft]) -> None:
    """ "In total, 40 people died": the earlier top-level figures it covers become parts."""
    toll = draft.killed_toll()
    if toll is None or toll.best is None:
        return
    ceiling = toll.high if toll.high is not None else toll.best
    candidates = [
        d
        for d in _incidents(kept)
        if d.parent is None and sides_compatible(d.victim_side(), draft.victim_side())
    ]
    total = sum(d.best or 0 for d in candidates)
    if len(candidates) >= 2 and 0 < total <= ceiling:
        for d in candidates:
            d.parent = draft
            draft.parts.append(d)


def _claimed(claim: Draft, kept: list[Draft]) -> Draft | None:
    """The incident a claim is about: same perpetrator, widest scope first."""
    name = claim.perpetrator_name()
    candidates = [
        d
        for d in _incidents(kept)
        if name is not None and d.perpetrator_name() == name
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda d: (len(d.parts), d.best or 0))
