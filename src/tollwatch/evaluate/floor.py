"""The quality floor: committed dev-set scores that a change may not fall below.

The floor file (tests/quality_floor.json) holds, per dataset, the key metrics
measured on ../shared/gold/dev. `check_floor` lists every metric that is more
than `tolerance` worse than its floor (for "lower is better" metrics, higher).
Raising the floor is a deliberate act: `tollwatch eval ... --write-floor FILE`
or `python -m tollwatch.evaluate --update-floor`, then commit the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import EvalError
from .metrics import METRIC_SPECS
from .run import EvalResult

FLOOR_VERSION = 1
DEFAULT_TOLERANCE = 0.005
MIN_RECORDS = 20  # a metric over fewer records moves by whole steps of 5 % or more: not floored

KEY_METRICS = (
    "killed_exact",
    "killed_exact_answerable",
    "killed_within10",
    "killed_interval",
    "wounded_exact",
    "date_exact",
    "date_exact_stated",
    "date_interval",
    "country",
    "admin1",
    "location",
    "geo_within_25km",
    "event_type",
    "detect_recall",
    "detect_fp_share",
    "event_killed_recall",
    "incidents_per_1000",
    # real articles (annotation format)
    "doc_toll_exact",
    "doc_toll_within10",
    "doc_toll_exact_killed",
    "incident_precision",
    "incident_recall",
    "incident_f1",
    "claim_f1",
    "matched_date",
    "matched_country",
    "irrelevant_with_toll",
    "relevant_missed",
    # pair precision is floored through pair_f1: on the floor's sample it rests on
    # some 20 merged pairs, where one pair moves it by 5 %
    "pair_recall",
    "pair_f1",
)


@dataclass(frozen=True)
class Floor:
    """Floor values by dataset and metric, with the per-file limit they were measured with."""

    values: dict[str, dict[str, float]]
    limit: int | None = None
    tolerance: float = DEFAULT_TOLERANCE


def build_floor(result: EvalResult, *, limit: int | None = None, note: str = "") -> dict[str, Any]:
    """The floor file's content: the key metrics of every dataset, over 20 records or more."""
    sample = f"{limit} records per file, spread evenly" if limit else "every record"
    note = note or f"measured on {sample}; raise with `python -m tollwatch.evaluate --update-floor`"
    datasets: dict[str, dict[str, Any]] = {}
    for scores in result.blocks():  # datasets, and their languages when they have several
        name = scores.dataset
        kept = {
            m.name: {"value": round(m.value, 4), "n": m.n}
            for m in scores.metrics()
            if m.name in KEY_METRICS and m.value is not None and m.n >= MIN_RECORDS
        }
        if kept:
            datasets[name] = kept
    return {
        "version": FLOOR_VERSION,
        "measured": datetime.now(UTC).strftime("%Y-%m-%d"),
        "limit_per_file": limit,
        "tolerance": DEFAULT_TOLERANCE,
        "note": note,
        "datasets": datasets,
    }


def write_floor(path: Path, content: dict[str, Any]) -> None:
    """Write a floor file (sorted keys, one trailing newline, stable diffs)."""
    try:
        path.write_text(json.dumps(content, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    except OSError as err:
        raise EvalError(
            f"cannot write floor file {path}: {err.strerror}; check the folder"
        ) from err


def read_floor(path: Path) -> Floor:
    """Read a floor file written by `write_floor`."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise EvalError(f"cannot read floor file {path}: {err.strerror}; write one with "
                        "`tollwatch eval GOLD --write-floor FILE`") from err
    except json.JSONDecodeError as err:
        raise EvalError(f"floor file {path} is not JSON ({err.msg}); rewrite it with "
                        "`tollwatch eval GOLD --write-floor FILE`") from err
    if not isinstance(raw, dict) or raw.get("version") != FLOOR_VERSION:
        raise EvalError(f"floor file {path} is not a version {FLOOR_VERSION} floor; rewrite it")
    values = {
        dataset: {metric: float(entry["value"]) for metric, entry in metrics.items()}
        for dataset, metrics in raw.get("datasets", {}).items()
    }
    return Floor(values, raw.get("limit_per_file"), float(raw.get("tolerance", DEFAULT_TOLERANCE)))


def check_floor(result: EvalResult, floor: Floor) -> list[str]:
    """Every floor metric the result falls below (beyond the tolerance); [] when all hold."""
    failures: list[str] = []
    for dataset, metrics in floor.values.items():
        measured = result.metrics(dataset)
        for name, floor_value in metrics.items():
            spec = METRIC_SPECS.get(name)
            if spec is None:
                failures.append(f"{dataset}/{name}: unknown metric in the floor file")
                continue
            value = measured[name].value if name in measured else None
            if value is None and result.pairs_skipped and name.startswith("pair_"):
                continue  # --no-pairs: the store pass was skipped on purpose
            if value is None:
                failures.append(f"{dataset}/{name}: not measured (floor {floor_value:.4f})")
                continue
            slack = floor.tolerance * spec.scale
            worse = value < floor_value - slack if spec.higher_is_better else (
                value > floor_value + slack
            )
            if worse:
                failures.append(
                    f"{dataset}/{name}: {value:.4f} is worse than the floor {floor_value:.4f} "
                    f"(tolerance {slack:g})"
                )
    return failures
