"""Claims: a party's own account of the deaths it caused, and the incident it is about.

`_repeat_claim` folds a claim told again (headline and lead); `_headline_of_claim`
makes a headline figure, told without its speaker, the body's claim of the same
figure; `_claimed` finds the incident a claim is about (same perpetrator, widest
scope first).
"""

from __future__ import annotations

import re

from ..records import CleanText, Toll
from .draft import Draft
from .scope import _fill_missing, _incidents, _lead_indices
from .sides import victim_is_armed


def _repeat_claim(draft: Draft, kept: list[Draft], clean: CleanText) -> bool:
    """The headline's claim told again in the lead ("Army says it killed 13 fighters /
    the army said its troops killed 13 insurgents"): one claim, the same figure of the
    same claimant (or one of them unnamed), in another sentence."""
    if draft.best is None or draft.distinct:
        return False
    name = _claimant(draft)
    for previous in kept:
        if (previous.kind == "claim"
                and (previous.best == draft.best or _headline_and_lead(previous, draft, clean))
                and draft.sentence not in previous.sentences
                and (name is None or _claimant(previous) in (None, name))):
            if previous.best != draft.best:
                # the headline rounds ("مقتل 80", "مقتل العشرات"); the lead's figure, told
                # at length ("أكثر من 80", "أكثر من 100"), is the claim's
                previous.killed_override = draft.killed_toll()
            previous.sentences |= draft.sentences
            _fill_missing(previous, draft)
            return True
    return False


# How far apart (in sentences) a force's figure and its day's total may be told.
_TOTAL_REACH = 2


def _total_of_claims(draft: Draft, kept: list[Draft]) -> bool:
    """A force's daily claim told with its total ("уничтожено до 50 военнослужащих" in one
    direction, then "всего за сутки ... до 1 250"; "загальні втрати противника за добу
    склали 1 130 осіб", then "на Покровському напрямку ... до 50 окупантів"): one claim,
    the total's. Two claims of the same (or an unnamed) claimant, told within
    `_TOTAL_REACH` sentences, the larger with a total's cue; the smaller one folds into it."""
    if draft.best is None:
        return False
    name = _claimant(draft)
    draft_total = "aggregate_cue" in draft.flags()
    for at, previous in enumerate(kept):
        if (previous.kind != "claim" or previous.best is None
                or draft.sentence in previous.sentences
                or draft.sentence - max(previous.sentences) > _TOTAL_REACH
                or (name is not None and _claimant(previous) not in (None, name))):
            continue
        if draft_total and draft.best > previous.best:
            draft.sentences |= previous.sentences
            _fill_missing(draft, previous)
            kept[at] = draft
            return True
        if (not draft_total and "aggregate_cue" in previous.flags()
                and previous.best > draft.best):
            previous.sentences |= draft.sentences
            _fill_missing(previous, draft)
            return True
    return False


def _headline_and_lead(previous: Draft, draft: Draft, clean: CleanText) -> bool:
    """The headline's round figure of the lead's claim ("مقتل 50" over "أنه قتل أكثر من
    50", "kills dozens" over "more than 100"): a claim of the headline alone, told again
    in the lead with a figure in the other's range ("more than" counted from the figure
    it names). Two claims of the body ("plus d'une vingtaine de terroristes
    neutralisés", then the group's "30 soldats") stay two."""
    if previous.sentences != {previous.sentence} or draft.sentence not in _lead_indices(clean):
        return False
    if not clean.sentences[previous.sentence].headline:
        return False
    first, later = previous.killed_toll(), draft.killed_toll()
    if first is None or later is None or first.best is None or later.best is None:
        return False
    return _holds(first, later.best) or _holds(later, first.best)


def _holds(toll: Toll, value: int) -> bool:
    """`value` lies in the toll's range, or is the figure its "more than" opens on."""
    low = toll.low if toll.low is not None else toll.best
    if low is None or toll.best is None:
        return False
    if toll.high is None:  # "more than 50": from 50 on
        return low - 1 <= value
    return low <= value <= toll.high


def _headline_of_claim(draft: Draft, kept: list[Draft], clean: CleanText) -> bool:
    """ "Abaten a seis presuntos sicarios" over "la Defensa informó que elementos del
    Ejército abatieron a seis presuntos integrantes": a headline that tells, without its
    speaker, the figure of a party's own killing that the body gives as its claim is that
    claim, not a toll of its own. Only a figure told in the headline alone, as the object
    of a killing verb in both, or in the headline's passive of the same armed men ("12
    Maoists killed in Bijapur encounter" over "Security forces gunned down 12 Maoists")."""
    if draft.best is None or draft.distinct or not _active(draft):
        return False
    for at, previous in enumerate(kept):
        if (previous.kind != "claim" and previous.best == draft.best
                and previous.sentences == {previous.sentence}
                and clean.sentences[previous.sentence].headline
                and previous.parent is None and not previous.parts
                and (_active(previous) or _same_armed_men(
                    previous, draft,
                    said=_SAYS.search(clean.sentences[previous.sentence].text) is not None))):
            draft.sentences |= previous.sentences
            kept[at] = draft
            return True
    return False


# "The bodies of 22 Maoists were recovered", "six bodies were found at the site"
_BODIES_FOUND = re.compile(
    r"\bbodies\b[^.;]{0,80}?\b(?:recovered|found|retrieved|collected)\b"
    r"|\b(?:recovered|found|retrieved|collected)\b[^.;]{0,30}?\bbodies\b",
    re.IGNORECASE,
)


def _bodies_of_claim(draft: Draft, kept: list[Draft], clean: CleanText) -> bool:
    """ "The bodies of 22 Maoists have been recovered from the encounter site" after the
    forces' "Security forces killed 22 Maoists": the armed men the forces say they killed,
    counted again as the bodies they found, are the same claim told again, not a toll of
    their own. Only the claim's very figure, of armed men."""
    if draft.best is None or "bodies" not in clean.sentences[draft.sentence].text:
        return False
    if not _BODIES_FOUND.search(clean.sentences[draft.sentence].text):
        return False
    for previous in kept:
        if (previous.kind == "claim" and previous.best == draft.best
                and draft.sentence not in previous.sentences
                and previous.victim_text is not None and victim_is_armed(previous.victim_text)
                and (draft.victim_text is None or victim_is_armed(draft.victim_text))):
            previous.sentences |= draft.sentences
            _fill_missing(previous, draft)
            return True
    return False


# A headline that names its speaker: "Army says 70 militants killed in operation".
_SAYS = re.compile(r"\b(?:says|said|claims|claimed)\b", re.IGNORECASE)


def _same_armed_men(headline: Draft, claim: Draft, *, said: bool = False) -> bool:
    """The headline's victims and the claim's are armed men of one head noun; or, in a
    headline that names its speaker (`said`), armed men of any two nouns ("fighters" in
    the headline, "militants" in the claim: "fighters", of either side elsewhere, are the
    claimant's enemies here)."""
    a, b = _head(headline.victim_text), _head(claim.victim_text)
    if a is None or b is None:
        return False
    if a == b and victim_is_armed(a):
        return True
    return said and all(h == "fighters" or victim_is_armed(h) for h in (a, b))


def _head(victims: str | None) -> str | None:
    words = re.findall(r"[\w'’-]+", victims.lower()) if victims else []
    return words[-1] if words else None


def _active(draft: Draft) -> bool:
    return bool(draft.killed) and all("active" in t.flags for t in draft.killed)


def _claimant(draft: Draft) -> str | None:
    """The claimant's name; None when unnamed ("its fighters": an unidentified group)."""
    name = draft.perpetrator_name()
    return None if name is None or name.startswith("Unidentified") else name


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
