"""Clustering scored pairs into events: greedy joins by descending score, within
the constraints (one report's incidents apart, no veto between members, dates within
the window unless a shared name joins them).

Part of the matcher (matching.py); docs/matching.md explains the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from .match_dates import _interval
from .pair_scores import ScoredPair
from .unit import MatchSettings, MatchUnit


@dataclass
class Cluster:
    """Incidents judged to be one event, with the pairs that joined them."""

    members: list[MatchUnit]
    links: list[ScoredPair] = field(default_factory=list)


@dataclass
class _Group:
    """Bookkeeping of one growing cluster: what any join must respect."""

    cluster: Cluster
    ids: set[int]
    reports: set[int]
    vetoes: set[int]
    first_end: date | None
    last_start: date | None


def _group(unit: MatchUnit, vetoes: set[int]) -> _Group:
    interval = _interval(unit)
    return _Group(
        Cluster([unit]),
        {unit.id},
        {unit.report},
        vetoes,
        interval[1] if interval else None,
        interval[0] if interval else None,
    )


def cluster(
    units: Sequence[MatchUnit], scored: Sequence[ScoredPair], settings: MatchSettings | None = None
) -> list[Cluster]:
    """Greedy clustering: join the best-scoring pairs first, within the constraints.

    Two clusters are joined when a pair between them scores at least the threshold,
    they share no report (one report's incidents are distinct by construction), no
    pair between them was vetoed, and all their dates stay within the window (so
    reports of consecutive days cannot chain into a week-long event). A pair joined
    by match keys (`ScoredPair.strong`) is exempt from the last two. Every unit
    ends in exactly one cluster.
    """
    settings = settings or MatchSettings()
    vetoes: dict[int, set[int]] = {u.id: set() for u in units}
    for p in scored:
        if p.veto and p.a.id in vetoes and p.b.id in vetoes:
            vetoes[p.a.id].add(p.b.id)
            vetoes[p.b.id].add(p.a.id)
    groups = {u.id: _group(u, vetoes[u.id]) for u in units}
    owner = {u.id: u.id for u in units}
    for pair in sorted(scored, key=lambda p: (-p.score, p.a.id, p.b.id)):
        if pair.veto or pair.score < settings.threshold:
            continue
        ga, gb = owner.get(pair.a.id), owner.get(pair.b.id)
        if ga is None or gb is None or ga == gb:
            continue
        left, right = groups[ga], groups[gb]
        if not _can_join(
            left, right, settings.window_days, span_dates=pair.strong, unsure=pair.unsure
        ):
            continue
        _join(left, right, pair)
        for unit in right.cluster.members:
            owner[unit.id] = ga
        del groups[gb]
    return sorted((g.cluster for g in groups.values()), key=lambda c: min(u.id for u in c.members))


def _can_join(
    left: _Group, right: _Group, window_days: int, *, span_dates: bool, unsure: bool = False
) -> bool:
    if left.reports & right.reports:
        return False
    if unsure and (left.vetoes & right.ids or right.vetoes & left.ids):
        # a pair whose place veto an unsure place lifted joins no groups that other
        # members veto: a common name in two towns is not one event
        return False
    if span_dates:
        # joined by a shared person or street: a follow-up may be weeks later, and a
        # veto between other members (a town geocoded in another state, a date read
        # from a court hearing) is the extraction error the shared name overrides on
        # the pair itself (gva-news: pair recall 0.508 -> 0.546 at precision 0.966)
        return True
    if left.vetoes & right.ids or right.vetoes & left.ids:
        return False
    ends = [d for d in (left.first_end, right.first_end) if d is not None]
    starts = [d for d in (left.last_start, right.last_start) if d is not None]
    if ends and starts:
        return (max(starts) - min(ends)).days <= window_days
    return True


def _join(left: _Group, right: _Group, pair: ScoredPair) -> None:
    left.cluster.members.extend(right.cluster.members)
    left.cluster.links.extend([*right.cluster.links, pair])
    left.ids |= right.ids
    left.reports |= right.reports
    left.vetoes |= right.vetoes
    if pair.strong and left.first_end is not None and right.first_end is not None:
        # joined by a name: the later side is a follow-up (an arrest a week later, a
        # trial months later) whose date is its own news, not the event's; the group
        # keeps the earlier side's dates, so that another outlet of the shooting's day
        # still joins by date and place, and none of the follow-up's day does
        # (gva-news pairs 0.960/0.779 -> 0.958/0.787, docs/matching.md)
        earlier = left if left.first_end <= right.first_end else right
        left.first_end, left.last_start = earlier.first_end, earlier.last_start
        return
    ends = [d for d in (left.first_end, right.first_end) if d is not None]
    starts = [d for d in (left.last_start, right.last_start) if d is not None]
    left.first_end = min(ends) if ends else None
    left.last_start = max(starts) if starts else None
