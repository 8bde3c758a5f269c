"""Scoring a candidate pair: the weighted components (date, place, actors, type,
toll), the vetoes, then what the reports' match keys say (key_match.key_evidence).

Part of the matcher (matching.py); docs/matching.md explains every rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .key_match import key_evidence, streets_differ
from .match_dates import date_score
from .pair_places import FINE_PLACES, _place_judged
from .unit import MatchSettings, MatchUnit, norm_name

# sub-types that outlets give alternately for one event: a bomb of some kind; a strike
# from afar (the air, a drone, artillery)
SUB_TYPE_FAMILIES = (
    frozenset({"suicide_bomb", "ied", "remote_explosive", "grenade"}),
    frozenset({"air_strike", "drone_strike", "shelling"}),
)
# event types that reports of one event give alternately: a fight or an attack (one
# outlet's "shootout" is another's "gunman opened fire": who fired back is what reports
# of one event tell differently; gva-news pairs 0.968/0.734 -> 0.965/0.743), a blast or
# an attack ("a blast at the market" / "an attack on the market": whether a bomb or a
# strike did it is what a wire tells and a monitor's "civilians killed" leaves out)
CLOSE_TYPES = frozenset({
    frozenset({"battle", "violence_against_civilians"}),
    frozenset({"explosion_remote_violence", "violence_against_civilians"}),
})

RULE = "matching.v2"
# perpetrator categories that are one side: a country's police and its other state
# forces ("police" / "state": extraction often names an officer's force either way)
STATE_SIDE = frozenset({"police", "state"})
# actor categories outlets use for one armed group ("ADF rebels" / "Islamist ADF")
INSURGENTS = frozenset({"rebel", "jihadist"})
# the actor dictionary's names of those classes (norm_name), not of a named group
INSURGENT_CLASSES = frozenset({"rebels", "jihadists"})
# armed non-state categories: an unidentified armed group ("gunmen", "militants") of one
# outlet is one of these in another's words ("bandits", "CODECO militiamen")
ARMED_GROUPS = frozenset({"rebel", "jihadist", "militia"})
# the category of the actor dictionary's "Unidentified Armed Group" (and the like)
UNIDENTIFIED = "unknown"
# the event type of bombs and strikes from afar (`_forces_and_attackers`)
BLAST = "explosion_remote_violence"
# a toll this large on both sides of a pair of one day and province, one placed in a
# town and the other only in the province, backs the pair (`_town_in_province`)
SEVERAL_DEAD = 3
# place precisions of a unit placed only in a province or a part of one
PROVINCE_WIDE = frozenset({"admin1", "region"})
# what victims of two kinds (soldiers / civilians) take from a pair whose tolls do not
# agree and that no match key backs (`score_pair`)
VICTIMS_DIFFER = -0.1
# what streets named on both sides, none the same, take from a pair no key backs
STREETS_DIFFER = -0.1
# what a claim gains against an incident of its province and days, of a close type
# (`_claim_in_province`): the armed group's account of the attack a report tells
CLAIM_BONUS = 0.1



@dataclass(frozen=True)
class ScoredPair:
    """A candidate pair with its score, per-component scores and reasons."""

    a: MatchUnit
    b: MatchUnit
    score: float
    components: dict[str, float]
    reasons: tuple[str, ...]
    veto: str | None = None
    keys: dict[str, list[str]] = field(default_factory=dict)  # shared keys by kind
    strong: bool = False  # a shared person or street: the link may span dates
    unsure: bool = False  # an unsure place lifted the place veto (`_unsure_place`)

    def explanation(self) -> dict[str, object]:
        """The stored explanation of a merge."""
        return {
            "rule": RULE,
            "score": round(self.score, 3),
            "components": {k: round(v, 3) for k, v in self.components.items()},
            "reasons": list(self.reasons),
            "veto": self.veto,
            "keys": self.keys,
        }


def actor_score(a: MatchUnit, b: MatchUnit) -> tuple[float, str, bool]:
    """Perpetrators and victim types: same, unknown, or incompatible (a veto)."""
    pa, pb = norm_name(a.perpetrator), norm_name(b.perpetrator)
    ca, cb = a.perpetrator_category, b.perpetrator_category
    if pa and pb and pa == pb:
        perp, why = 1.0, f"same perpetrator {a.perpetrator}"
    elif pa and pb and ca and cb and ca == cb and ca != "unknown":
        perp, why = 0.7, f"perpetrators of one kind ({ca})"
    elif pa and pb and ca in STATE_SIDE and cb in STATE_SIDE:
        perp, why = 0.7, f"perpetrators both state forces ({ca}/{cb})"
    elif pa and pb and frozenset((ca, cb)) == INSURGENTS and _a_class(pa, pb):
        # one outlet's "rebels" or "insurgents" is another's "jihadists" or names the
        # Islamist group: one armed group written as a class on one side at least
        perp, why = 0.6, f"perpetrators both insurgents ({ca}/{cb})"
    elif pa and pb and (lifted := _perpetrators_compatible(a, b)):
        perp, why = 0.5, lifted
    elif pa and pb:
        return 0.0, f"perpetrators differ: {a.perpetrator} / {b.perpetrator}", True
    else:
        perp, why = 0.5, "perpetrator unknown on one side"
    va, vb = a.victim_type, b.victim_type
    known = va not in (None, "unknown") and vb not in (None, "unknown")
    victim = (1.0 if va == vb else 0.2) if known else 0.5
    return (perp + victim) / 2, f"{why}; victims {va or '?'}/{vb or '?'}", False


def _perpetrators_compatible(a: MatchUnit, b: MatchUnit) -> str | None:
    """Why two perpetrators of different names and categories are no veto, or None.

    An unidentified armed group on one side and an armed non-state group on the other:
    the wire's "gunmen" are the local outlet's "bandits" or "CODECO militiamen"
    (world-pairs5). The state's forces against an armed group, both reports telling a
    battle: outlets name either side of one fight as the one who attacked ("jihadists
    stormed the base" / "the army repelled an attack"). An unidentified group against
    the police stays a veto (US local news: a police shooting and a gunman's are two
    events).
    """
    cats = frozenset(
        (a.perpetrator_category or UNIDENTIFIED, b.perpetrator_category or UNIDENTIFIED)
    )
    if UNIDENTIFIED in cats and len(cats) == 2 and cats - {UNIDENTIFIED} <= ARMED_GROUPS:
        return f"perpetrator unidentified on one side ({a.perpetrator} / {b.perpetrator})"
    battle = a.event_type == b.event_type == "battle"
    if battle and len(cats & STATE_SIDE) == 1 and cats - STATE_SIDE <= ARMED_GROUPS:
        return f"two sides of one battle ({a.perpetrator} / {b.perpetrator})"
    if _forces_and_attackers(a, b, cats):
        return f"the forces and the attackers of one attack ({a.perpetrator} / {b.perpetrator})"
    return None


def _forces_and_attackers(a: MatchUnit, b: MatchUnit, cats: frozenset[str | None]) -> bool:
    """The state's forces on one side and the attackers on the other, at one fine place.

    A local outlet quoting the police commander who "ended the siege" (or a report of
    the police truck a bomber struck) gives the forces as the perpetrator where the
    wire names al-Shabaab: one attack told from either side (world-pairs7; real
    reports of a Mogadishu hotel siege). Held only at the same town or district on
    both sides, for one event type told by both, and only against a named armed group
    or for a blast, so that a police shooting and a gunman's shooting of one US city
    and day stay apart, and the army's battle and a group's attack on civilians of one
    Syrian town too.
    """
    if len(cats & STATE_SIDE) != 1 or not cats - STATE_SIDE <= ARMED_GROUPS | {UNIDENTIFIED}:
        return False
    same_town = (
        a.place_precision in FINE_PLACES and b.place_precision in FINE_PLACES
        and bool(norm_name(a.place)) and norm_name(a.place) == norm_name(b.place)
    )
    if not same_town or a.event_type != b.event_type:
        return False  # the army's battle and a group's attack on civilians: two events
    return a.event_type == BLAST or bool(cats & ARMED_GROUPS)


def _a_class(*names: str) -> bool:
    """One of the perpetrators is a class of armed group ("Rebels", "Jihadists (Mali)"),
    not a named group."""
    return any(re.sub(r"\s*\(.*\)$", "", name) in INSURGENT_CLASSES for name in names)


def type_score(a: MatchUnit, b: MatchUnit) -> tuple[float, str]:
    """Event and sub-event type agreement."""
    if a.event_type == b.event_type and a.event_type != "other":
        if a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type:
            if _one_family(a.sub_event_type, b.sub_event_type):
                # "a bomb exploded" / "a suicide bomber blew himself up", "air strikes" /
                # "shelling": one blast or one bombardment as outlets word it
                subs = f"{a.sub_event_type}/{b.sub_event_type}"
                return 0.8, f"same type, sub-types of one kind {subs}"
            return 0.4, f"same type, sub-types {a.sub_event_type}/{b.sub_event_type}"
        return 1.0, f"same type {a.event_type}"
    if "other" in (a.event_type, b.event_type):
        return 0.5, "type unknown on one side"
    if frozenset((a.event_type, b.event_type)) in CLOSE_TYPES:
        return 0.5, f"types close: {a.event_type}/{b.event_type}"
    return 0.1, f"types differ: {a.event_type}/{b.event_type}"


def _one_family(one: str, two: str) -> bool:
    return any(one in family and two in family for family in SUB_TYPE_FAMILIES)


def toll_score(a: MatchUnit, b: MatchUnit) -> tuple[float, str, bool]:
    """Similar tolls score high; a later report may give a higher toll (an update).

    Tolls far apart (one under a seventh of the other) veto the pair unless the
    later report holds the larger one; a claim's figure is not compared at all.
    """
    if "claim" in (a.kind, b.kind):
        return 0.5, "a claim's figure is not compared", False
    if a.killed is None or b.killed is None:
        return 0.5, "toll unknown on one side", False
    low, high = sorted((a.killed, b.killed))
    ratio = (low + 1) / (high + 1)
    later_higher = _later_is_higher(a, b)
    pair = f"tolls {a.killed}/{b.killed}"
    if ratio >= 0.7 or (later_higher and ratio >= 0.4):
        return 1.0, pair + (" (later report higher)" if ratio < 0.7 else ""), False
    if ratio >= 0.4 and _later_is_lower(a, b):
        return 0.0, pair + " lower in the later report", False
    if ratio >= 0.4 or (later_higher and ratio >= 0.15):
        return 0.6, pair + " differ", False
    if ratio >= 0.15 or later_higher:
        return 0.0, pair + " far apart", False
    return 0.0, pair + " too far apart for one event", True


def _later_is_lower(a: MatchUnit, b: MatchUnit) -> bool:
    if a.published is None or b.published is None or a.published == b.published:
        return False
    later, earlier = (a, b) if a.published > b.published else (b, a)
    return (later.killed or 0) < (earlier.killed or 0)


def _later_is_higher(a: MatchUnit, b: MatchUnit) -> bool:
    if a.published is None or b.published is None or a.published == b.published:
        return False
    later, earlier = (a, b) if a.published > b.published else (b, a)
    return (later.killed or 0) >= (earlier.killed or 0)


def score_pair(a: MatchUnit, b: MatchUnit, settings: MatchSettings | None = None) -> ScoredPair:
    """Score one pair: a weighted sum of components, or a veto with its reason; then the
    match keys adjust it (`key_evidence`)."""
    settings = settings or MatchSettings()
    d, d_why = date_score(a, b, settings)
    p, p_why, p_veto, unsure = _place_judged(a, b, settings)
    ac, a_why, a_veto = actor_score(a, b)
    t, t_why = type_score(a, b)
    k, k_why, k_veto = toll_score(a, b)
    components = {"date": d, "place": p, "actors": ac, "type": t, "toll": k}
    reasons: tuple[str, ...] = (d_why, p_why, a_why, t_why, k_why)
    vetoes = ((p_veto, p_why), (a_veto, a_why), (k_veto, k_why), (d == 0.0, d_why))
    veto = next((why for vetoed, why in vetoes if vetoed), None)
    weights = dict(settings.weights)
    score = sum(weights[name] * value for name, value in components.items())
    bonus, bonus_why = toll_bonus(a, b, k, d, settings)
    if bonus_why:
        score += bonus
        reasons = (*reasons, bonus_why)
    evidence = key_evidence(
        a, b, place_agrees=not p_veto and p >= 0.45, place_vetoed=p_veto
    )
    # the veto an unsure place lifted still binds the groups this pair joins, unless
    # the match keys would have lifted it as well
    unsure = unsure and (
        key_evidence(a, b, place_vetoed=True).floor is None if evidence.floor else True
    )
    if evidence.floor is None and k < 1.0 and _victims_differ(a, b):
        # soldiers on one side, civilians on the other, tolls that do not agree and no
        # name in common: two attacks of one town and day (a raid on a checkpoint, a
        # roadside bomb on a health team), not one told twice
        score += VICTIMS_DIFFER
        reasons = (*reasons, "victims differ and tolls do not agree")
    if evidence.floor is None and streets_differ(a, b):
        # "the 1200 block of Elm Street" / "on Grand Avenue": two shootings of one city
        # and day, each on its own street (gva-news: 3 false pairs fewer, 1 true)
        score += STREETS_DIFFER
        reasons = (*reasons, "different streets named")
    if evidence.floor is not None:
        # a named person or street in common outweighs a date or place that
        # extraction resolved differently: the veto is lifted
        score, veto = max(score, evidence.floor), None
    score = min(1.0, max(0.0, score + evidence.bonus))
    if veto:
        score = 0.0
    if evidence.reason:
        reasons = (*reasons, evidence.reason)
    return ScoredPair(
        a, b, score, components, reasons, veto, evidence.shared,
        evidence.floor is not None, unsure,
    )


def _victims_differ(a: MatchUnit, b: MatchUnit) -> bool:
    """Both units name the kind of their victims, and the kinds differ."""
    known = {None, "unknown"}
    return a.victim_type not in known and b.victim_type not in known and (
        a.victim_type != b.victim_type
    )


def toll_bonus(
    a: MatchUnit, b: MatchUnit, toll: float, day: float, settings: MatchSettings
) -> tuple[float, str | None]:
    """What agreeing tolls add to a pair (`large_toll_bonus`) and why, given its toll
    and date components; (0.0, None) when nothing. The incremental matcher's bound
    (`incremental._cannot_link`) adds the same, so both passes link the same pairs."""
    if toll == 1.0 and _large_tolls(a, b, settings):
        # "at least 25" on the day and "44" the next: tolls that large agreeing in
        # one province and day are seldom two events (a place or date extraction left
        # unknown costs no more than that)
        return settings.large_toll_bonus, f"large tolls agree (both >= {settings.large_toll})"
    if toll == 1.0 and day == 1.0 and _town_in_province(a, b, settings):
        # "in Jalalabad" on the day, "in Nangarhar province" the next day: the coarser
        # report names no other place, and tolls of several dead agree
        why = "a town of the province the other report names; tolls agree"
        return settings.large_toll_bonus, why
    if day >= 0.6 and _claim_in_province(a, b):
        return CLAIM_BONUS, "a claim of an attack of the same province and days"
    return 0.0, None


def _claim_in_province(a: MatchUnit, b: MatchUnit) -> bool:
    """One unit is a claim, the other an incident of the same province (both resolved),
    of the same or a close type: the group's claim names the province ("a mosque in
    Baghlan province") where the wire names the town, and gives its own figure, which
    is not compared (`toll_score`); the toll's share of the score is then no evidence
    either way, and a claim of the place and days backs the pair as agreeing tolls do.
    Two attacks of one province and day stay apart: the claim joins one, and a place
    veto between the two keeps the other out (clustering)."""
    if (a.kind == "claim") == (b.kind == "claim"):
        return False
    if not a.admin1 or norm_name(a.admin1) != norm_name(b.admin1):
        return False
    return type_score(a, b)[0] >= 0.5


def _large_tolls(a: MatchUnit, b: MatchUnit, settings: MatchSettings) -> bool:
    return a.killed is not None and b.killed is not None and (
        min(a.killed, b.killed) >= settings.large_toll
    )


def _town_in_province(a: MatchUnit, b: MatchUnit, settings: MatchSettings) -> bool:
    """One unit placed only in a province, the other in a town of it, both with a toll
    of at least `SEVERAL_DEAD`."""
    if a.killed is None or b.killed is None or min(a.killed, b.killed) < SEVERAL_DEAD:
        return False
    if not a.admin1 or norm_name(a.admin1) != norm_name(b.admin1):
        return False
    precisions = {a.place_precision, b.place_precision}
    # a part of the province ("southern Idlib", precision `region`) is as coarse
    return bool(precisions & PROVINCE_WIDE) and bool(precisions & FINE_PLACES)


def score_pairs(
    pairs: Iterable[tuple[MatchUnit, MatchUnit]], settings: MatchSettings | None = None
) -> list[ScoredPair]:
    """Score every candidate pair."""
    return [score_pair(a, b, settings) for a, b in pairs]
