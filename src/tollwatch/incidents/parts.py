"""Containers and their parts: which earlier, wider figure of a report holds a figure.

`_find_container` picks the figure a later one is a part of (a total with room for it,
of a compatible scope); `_adopt_parts` and `_apply_summary` make a closing total the
container of the figures before it; `_absorb_breakdown` keeps "three children were
among the dead" as evidence; `_fold_lone_parts` turns a headline figure with one lead
figure as its only part into one incident told twice. The sentence openers that set a
figure apart ("Separately, ...", "In Dilling, ...", a bulletin's item) live here too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import CleanText, PlaceMention, Toll
from ..tolls.lang import TOLL_WORDS
from .context import sides_compatible
from .draft import Draft, attackers_side_dead
from .scope import (
    LEAD_SENTENCES,
    _conflicting_source,
    _date_within,
    _fill_missing,
    _has_headline,
    _incidents,
    _lead_indices,
    _perpetrators_compatible,
    _places_compatible,
)
from .sides import opposed_victim_words


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


def _refined_best(container: Draft, piece: Toll) -> int | None:
    """ "Between 20 and 30 people were killed" beside a hospital's "30 bodies": a count
    inside a range, above its low end, is the range's best; else the range keeps its."""
    whole = container.killed_toll()
    if whole is None or whole.best is None or whole.high is None or piece.best is None:
        return None if whole is None else whole.best
    ranged = any("range" in m.flags for m in container.killed)
    if ranged and whole.best < piece.best <= whole.high:
        return piece.best
    return whole.best


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
        container.killed_override = replace(whole, low=low, best=_refined_best(container, piece))
        container.parts = []
        container.sentences |= part.sentences
        _fill_missing(container, part)
        out.remove(part)
    return out


def adopt_listed_sum(kept: list[Draft], clean: CleanText) -> None:
    """ "Six killed as dissidents and army clash" over "Four soldiers and two members of
    a FARC dissident faction were killed": a headline figure equal to the sum of the
    figures one lead sentence lists is their total, whichever sides they are of (each
    side killed by the other, so no attacker fits both); they become its parts (rule
    `incidents.headline_listed_sum`)."""
    lead = _lead_indices(clean)
    for container in _incidents(kept):
        whole = container.best
        if (not whole or container.parent is not None or container.sentence not in lead
                or not clean.sentences[container.sentence].headline):
            continue
        for index in sorted(lead):
            if index <= container.sentence:
                continue
            group = [d for d in _incidents(kept)
                     if d.sentence == index and d is not container and not d.parts
                     and d.parent in (None, container) and d.best and not d.perpetrator_dead]
            if (len(group) < 2 or sum(d.best or 0 for d in group) != whole
                    or not all(p in group for p in container.parts)):
                continue
            for d in group:
                d.parent = container
            container.parts = group
            break


def _another_source_soon(container: Draft, part: Draft) -> bool:
    """ "killing at least 100 people, Amnesty said" / "State police said they had
    confirmed 45 deaths": another source's figure within two sentences."""
    return (part.sentence - max(container.sentences) <= 2
            and _conflicting_source(container, part))


def _absorb_breakdown(draft: Draft, kept: list[Draft]) -> bool:
    """ "Three children were among the dead": evidence for the figure just before, a
    claim's included ("the army said it killed 70 militants ... several commanders were
    among the dead")."""
    claims = [d for d in kept if d.kind == "claim" and draft.sentence - d.sentence <= 2]
    incidents = _incidents(kept)
    if claims and (not incidents or claims[-1].sentence > incidents[-1].sentence):
        claims[-1].sentences |= draft.sentences
        return True
    for previous in reversed(incidents):
        if draft.sentence - previous.sentence <= 2:
            previous.sentences |= draft.sentences
            return True
        break
    if "of_the_dead" in draft.flags():
        # "Parentes de dois dos mortos afirmaram ...": the dead of a toll told however
        # far before (the attackers' own too), the latest one large enough to hold them
        for previous in reversed([d for d in kept if d.kind != "claim" and d.killed]):
            if previous.parent is None and (previous.best or 0) >= (draft.best or 0):
                previous.sentences |= draft.sentences
                return True
    return False


# How many sentences after a total its deadliest attack may be told.
DEADLIEST_WINDOW = 3


def _absorb_deadliest(draft: Draft, kept: list[Draft]) -> bool:
    """ "L'attaque la plus meurtrière a visé Mamove, où vingt personnes ont été tuées"
    after "au moins 40 civils tués en une semaine": the deadliest of the attacks is
    inside the total told before (the nearest, with room for it, of a compatible side);
    it leaves its evidence there and adds nothing."""
    best = draft.best
    if best is None:
        return False
    for total in reversed(_incidents(kept)):
        if draft.sentence - max(total.sentences) > DEADLIEST_WINDOW:
            break
        if total.parent is not None or total.best is None or total.best < best:
            continue
        if not sides_compatible(total.victim_side(), draft.victim_side()):
            continue
        total.sentences |= draft.sentences
        return True
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


def _find_container(draft: Draft, kept: list[Draft], clean: CleanText) -> Draft | None:
    """The earlier, wider figure this one is a part of, if any."""
    toll = draft.killed_toll()
    if toll is None or toll.best is None:
        return None
    if "toll_noun" in draft.flags():
        return None  # "a health official put the toll at 27": a whole toll, never a part
    more_bodies = _more_bodies(draft, clean)  # of the figure: the same for every candidate
    fitting: list[tuple[int, int, Draft]] = []
    for candidate in _incidents(kept):
        if candidate.parent is not None and "part" in candidate.flags():
            continue  # "including eight children": a breakdown holds no later figure
        if "other_source" in candidate.flags():
            continue  # "qui avance un bilan de 22 morts": another count, not a total
        scope = _scope(candidate, clean)
        if scope is None:
            continue
        if more_bodies and not _risen(candidate):
            continue  # "тела еще трех человек" after "сообщали о шести погибших": 6 + 3
        if draft.distinct and scope not in ("explicit", "region") and not more_bodies:
            continue  # (more bodies after a risen toll: the deaths that raised it)
        if scope in ("region", "explicit") and draft.distinct and opens_apart(draft, clean):
            continue  # "In a separate discovery, soldiers found four bodies": not a part
        if scope == "region" and draft.distinct and _retold_whole(candidate, clean):
            continue  # "اغتيال عنصرين" told again as "قتل شابان", then "كما قتل رجل": a third
        if scope == "lead" and _another_town(candidate, draft, clean):
            continue  # "In Dilling, a drone killed two": a round-up's next town
        if scope == "lead" and list_items(candidate, draft, clean):
            continue  # "1 October - Beni: ..." then "3 October - Masisi: ...": two items
        room = _room(candidate)
        if room is None or toll.best > room:
            continue
        if not sides_compatible(candidate.victim_side(), draft.victim_side()):
            continue
        if opposed_victim_words(candidate.victim_text, draft.victim_text):
            continue  # "12 Maoists killed ...; DRG jawan dies": no jawan among the Maoists
        if not (_perpetrators_compatible(candidate, draft)
                and not attackers_side_dead(candidate, draft)) and not _completes_roundup(
                    candidate, scope, toll.best == room):
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


def _completes_roundup(candidate: Draft, scope: str, exact: bool) -> bool:
    """ "At least 38 people were killed in attacks by armed bandits and communal clashes
    across five states" over 12, 15 and 6 told so far, then "Five vigilantes died in a
    gunfight with kidnappers": a round-up's total (an explicit total that already holds
    two parts) that the figure completes exactly holds it, whoever its attackers and
    whichever side its dead: a round-up sums the attacks of several groups (rule
    `incidents.roundup_completed`)."""
    return exact and scope == "explicit" and len(candidate.parts) >= 2


def _retold_whole(candidate: Draft, clean: CleanText) -> bool:
    """A headline's figure told again, whole, in the body (no parts yet): the body named
    its victims, and another death marked as such is not one of them."""
    return (not candidate.parts and len(candidate.sentences) > 1
            and any(clean.sentences[i].headline for i in candidate.sentences)
            and any(not clean.sentences[i].headline for i in candidate.sentences))


_PRECISE = frozenset({"point", "near", "admin2"})

# "извлекли из-под завалов тела еще трех человек" (`TollWords.more_bodies`)
_MORE_BODIES = re.compile(
    "(?:" + "|".join(w.more_bodies for w in TOLL_WORDS.values() if w.more_bodies) + r")\s+$",
    re.IGNORECASE,
)


def _more_bodies(draft: Draft, clean: CleanText) -> bool:
    """The figure counts more bodies recovered: inside a risen toll, never inside an
    earlier figure (they add to it)."""
    if not draft.killed:
        return False
    start = draft.killed[0].span.start
    return _MORE_BODIES.search(clean.text, max(0, start - 20), start) is not None


def _risen(candidate: Draft) -> bool:
    return candidate.update or "update" in candidate.flags()


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
    r"|shooting)\b|separately\b|meanwhile\b|elsewhere\b"
    # a new deed some time after the news: "Hours later, gunmen killed a police officer"
    # (not "Hours later, the toll rose to 12": only attackers open a new event)
    r"|(?:hours|minutes|moments|days|a\s+day|a\s+few\s+hours)\s+later,?\s+(?:(?:a|an|other|more"
    r"|unidentified|suspected)\s+)?(?:gunm[ae]n|attackers|assailants|armed\s+men|militants"
    r"|hitmen|sicarios|insurgents|a\s+(?:second\s+)?(?:bomb|blast|explosion|drone))\b"
    # the other languages' openers (`TollWords.apart`): "Кроме того, ...", "Напередодні ..."
    + "".join(f"|(?:{w.apart})(?![\\w'’-])" for w in TOLL_WORDS.values() if w.apart)
    + ")",
    re.IGNORECASE,
)


def opens_apart(draft: Draft, clean: CleanText) -> bool:
    """The figure's sentence opens on another event, however far before the figure."""
    return _APART_OPENING.match(clean.sentences[draft.sentence].text) is not None


# A round-up's item opens on its place: "In Ituri province, ...", "In North Kivu's
# Masisi territory, ...", "Near Kherson, ..." (no clause break before the place).
_PLACE_OPENER = re.compile(r"\s*(?:in|at|near|outside)\s+[^,.;:]{0,40}$", re.IGNORECASE)
_REGION_OPENER = re.compile(r"\s*in\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|adjacent"
                            r"|adjoining|(?:north|south)?(?:-?east|-?west)?(?:ern)?|central)"
                            r"\s+)?([^,.;:]{1,40}?)(?:\s+(?:region|province|state"
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
    # ("In the neighbouring Dnipropetrovsk region, one man was killed ... in Nikopol")
    opener = _REGION_OPENER.match(clean.text[start : place.span.start])
    return opener is not None and place.admin1 is not None and (
        opener.group(1).casefold() == place.admin1.casefold())


def _room(container: Draft) -> int | None:
    total = container.killed_toll()
    if total is None or total.best is None:
        return None
    ceiling = total.high if total.high is not None else total.best
    used = sum((p.best or 0) for p in container.parts)
    return ceiling - used


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
