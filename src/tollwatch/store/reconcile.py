"""An event's tolls from the figures of its reports (rule `tolls.event.v1`).

docs/tolls-per-event.md states the rule:

* claims (kind `claim`, or a source whose role is `perpetrator_claim`) never make
  the toll; they are listed apart ("Islamic State claims 20; Syrian Observatory
  for Human Rights reports 15");
* the figures considered are those of monitors and officials when there are
  any, else every other non-claim figure (media, witnesses, unknown sources);
* best = the largest best figure (a later report with a higher toll raises the
  event); low = the largest low (a figure without low counts its best), never
  above best; high = the largest high where a report gives one, never below best;
* each of low, best and high keeps the figure it came from: its report and sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

RULE = "tolls.event.v1"
PREFERRED_ROLES = frozenset({"monitor", "official"})


@dataclass(frozen=True)
class FigureRef:
    """One figure of one incident, with where it came from."""

    figure_id: int
    incident_id: int
    report_key: str
    low: int | None
    best: int | None
    high: int | None
    kind: str = "incident"
    role: str = "unknown"
    source: str | None = None
    claimant: str | None = None
    published: date | None = None
    text: str | None = None
    sentence: str | None = None

    @property
    def is_claim(self) -> bool:
        """Claims are a party's statement about its own action: never counted."""
        return self.kind == "claim" or self.role == "perpetrator_claim"


@dataclass(frozen=True)
class EventToll:
    """An event's low/best/high for one outcome, each with the figure it came from."""

    low: int | None
    best: int | None
    high: int | None
    low_from: FigureRef | None = None
    best_from: FigureRef | None = None
    high_from: FigureRef | None = None
    claims: tuple[FigureRef, ...] = ()
    rule: str = RULE

    def claims_text(self) -> str | None:
        """Claims beside the reported toll: "IS claims 20; the Observatory reports 15"."""
        if not self.claims:
            return None
        parts = [f"{c.claimant or c.source or 'a party'} claims {_num(c)}" for c in self.claims]
        if self.best_from is not None:
            parts.append(f"{self.best_from.source or 'the reports'} reports {self.best}")
        return "; ".join(parts)


def _num(figure: FigureRef) -> str:
    return str(figure.best if figure.best is not None else figure.low)


def _value(figure: FigureRef, which: str) -> int | None:
    value: int | None = getattr(figure, which)
    if which == "low" and value is None:
        return figure.best
    return value


def _largest(figures: Sequence[FigureRef], which: str) -> FigureRef | None:
    known = [f for f in figures if _value(f, which) is not None]
    if not known:
        return None
    # ties go to the later report, then the smaller id, so the choice is stable
    return max(known, key=lambda f: (_value(f, which), f.published or date.min, -f.figure_id))


def reconcile(figures: Sequence[FigureRef]) -> EventToll:
    """Low, best and high of one outcome of an event, by rule tolls.event.v1."""
    claims = tuple(sorted((f for f in figures if f.is_claim), key=lambda f: f.figure_id))
    counted = [f for f in figures if not f.is_claim]
    preferred = [f for f in counted if f.role in PREFERRED_ROLES]
    pool = preferred or counted
    best_f, low_f, high_f = (_largest(pool, w) for w in ("best", "low", "high"))
    best = best_f.best if best_f else None
    low = _value(low_f, "low") if low_f else None
    high = high_f.high if high_f else None
    if best is not None and low is not None and low > best:
        low, low_f = best, best_f
    if best is not None and high is not None and high < best:
        high, high_f = best, best_f
    if best is None and low is not None:
        best, best_f = low, low_f
    return EventToll(low, best, high, low_f, best_f, high_f, claims)
