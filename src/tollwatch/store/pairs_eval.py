"""Precision and recall of merges on a file of labelled report pairs.

    python -m tollwatch.store.pairs_eval tests/data/matching_pairs.jsonl

Each line holds two reports ("a", "b"), each with its text and the incident a
careful reader codes from it, and a label: "same" (one real event) or
"different". A pair counts as merged when `match_units` puts the two incidents
in one cluster. The incidents are hand-coded, so this measures the matcher
alone, not the extraction in front of it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .matching import MatchSettings, MatchUnit, match_units


@dataclass(frozen=True)
class LabelledPair:
    """Two hand-coded incidents and whether they are one event."""

    id: str
    same: bool
    a: MatchUnit
    b: MatchUnit
    note: str = ""


@dataclass
class PairScores:
    """Merge counts, precision and recall, and the pairs judged wrongly."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of merges that join one real event."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of same-event pairs that were merged."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def unit_from_json(uid: int, record: dict[str, Any]) -> MatchUnit:
    """A MatchUnit from one side of a pair ({"id", "published", "text", "incident"})."""
    inc = record["incident"]
    place = inc.get("place") or {}
    perp = inc.get("perpetrator") or {}
    return MatchUnit(
        id=uid,
        report=uid,
        kind=inc.get("kind", "incident"),
        published=_day(record.get("published")),
        date_start=_day(inc.get("date")),
        date_end=_day(inc.get("date_end") or inc.get("date")),
        date_precision=inc.get("date_precision", "day"),
        country=place.get("country"),
        admin1=place.get("admin1"),
        place=place.get("name"),
        place_text=place.get("text") or place.get("name"),
        lat=place.get("lat"),
        lon=place.get("lon"),
        place_precision=place.get("precision", "unknown"),
        perpetrator=perp.get("name"),
        perpetrator_category=perp.get("category"),
        victim_type=inc.get("victim_type"),
        event_type=inc.get("event_type", "other"),
        sub_event_type=inc.get("sub_event_type"),
        killed=inc.get("killed"),
    )


def load_pairs(path: Path) -> list[LabelledPair]:
    """Read a pairs file; StoreError naming the line when one is malformed."""
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            pairs.append(
                LabelledPair(
                    rec["id"],
                    rec["label"] == "same",
                    unit_from_json(1, rec["a"]),
                    unit_from_json(2, rec["b"]),
                    rec.get("note", ""),
                )
            )
        except (ValueError, KeyError, TypeError) as err:
            raise StoreError(
                f"line {number} of {path} is not a labelled pair ({err!r}); each line needs "
                '"id", "label" (same|different), and "a"/"b" with an "incident"'
            ) from err
    return pairs


def merged(pair: LabelledPair, settings: MatchSettings | None = None) -> bool:
    """Whether the matcher puts the pair's two incidents in one event."""
    return len(match_units([pair.a, pair.b], settings)) == 1


def evaluate(pairs: Sequence[LabelledPair], settings: MatchSettings | None = None) -> PairScores:
    """Precision and recall of merges over labelled pairs."""
    scores = PairScores()
    for pair in pairs:
        joined = merged(pair, settings)
        if joined and pair.same:
            scores.tp += 1
        elif joined:
            scores.fp += 1
            scores.wrong.append(f"merged but different: {pair.id}")
        elif pair.same:
            scores.fn += 1
            scores.wrong.append(f"kept apart but same: {pair.id}")
        else:
            scores.tn += 1
    return scores


def main(argv: Sequence[str]) -> int:
    """Print precision and recall for the pairs file named in argv."""
    if len(argv) != 1:
        sys.stderr.write("usage: python -m tollwatch.store.pairs_eval PAIRS.jsonl\n")
        return 2
    scores = evaluate(load_pairs(Path(argv[0])))
    sys.stdout.write(
        f"pairs {scores.tp + scores.fp + scores.fn + scores.tn}: tp {scores.tp} fp {scores.fp} "
        f"fn {scores.fn} tn {scores.tn}; precision {scores.precision:.3f} "
        f"recall {scores.recall:.3f}\n"
    )
    for line in scores.wrong:
        sys.stdout.write(f"  {line}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
