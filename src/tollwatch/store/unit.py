"""What the matcher knows of an incident (`MatchUnit`) and its thresholds (`MatchSettings`).

Shared by matching.py (blocking, scoring, clustering) and key_match.py (match keys).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class MatchSettings:
    """Thresholds of the matcher (docs/matching.md explains each).

    Attributes:
        window_days: dates further apart than this never match (±1 day).
        near_km: places closer than this score fully.
        far_km: places further apart than this veto the pair (one given as "near X").
        point_far_km: the same for two places both given as points (two towns).
        threshold: pairs scoring below this are not merged.
        weights: weight of each score component (they sum to 1).
        person_window_days: reports naming the same person are compared when published
            at most this far apart (follow-ups: arrests, trials, funerals).
        key_window_days: the same for a shared street or two shared names.
        people_window_days: reports naming two or more of the same people (one of
            them with an age) are compared when published at most this far apart
            (a trial or a sentencing years later names the victim and the accused).
        common_key: a name key held by more units than this is too common to block on.
        large_toll: two tolls at least this large that agree (or a later report's update)
            are rare by chance: the pair gains `large_toll_bonus`.
    """

    window_days: int = 1
    near_km: float = 10.0
    far_km: float = 30.0
    point_far_km: float = 20.0
    threshold: float = 0.7
    weights: tuple[tuple[str, float], ...] = (
        ("place", 0.35),
        ("date", 0.15),
        ("actors", 0.2),
        ("type", 0.15),
        ("toll", 0.15),
    )
    person_window_days: int = 400
    key_window_days: int = 30
    people_window_days: int = 730
    common_key: int = 200
    large_toll: int = 10
    large_toll_bonus: float = 0.08


@dataclass(frozen=True)
class MatchUnit:
    """What the matcher knows of one incident (an incident row of the store)."""

    id: int
    report: int
    kind: str = "incident"
    published: date | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str = "unknown"
    country: str | None = None
    admin1: str | None = None
    place: str | None = None
    place_text: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_precision: str = "unknown"
    perpetrator: str | None = None
    perpetrator_category: str | None = None
    victim_type: str | None = None
    event_type: str = "other"
    sub_event_type: str | None = None
    killed: int | None = None
    # the report's match keys (keys.py): ("person" | "street" | "name", key)
    keys: frozenset[tuple[str, str]] = frozenset()


def published_day(unit: MatchUnit) -> date | None:
    """The report's publication date, else the incident's start: the date key blocking uses."""
    return unit.published or unit.date_start


def norm_name(name: str | None) -> str | None:
    """Case-folded, hyphens as spaces, spaces collapsed; None stays None."""
    return " ".join(name.casefold().replace("-", " ").split()) if name else None


def unit_killed(best: int | None, low: int | None) -> int | None:
    """The toll the matcher compares: the best figure, else a lower bound that counts
    ("more than 50"); "people were killed" with no count (a floor of one) is no toll,
    so that it neither vetoes nor backs a pair against a counted figure."""
    if best is not None:
        return best
    return low if low is not None and low > 1 else None
