"""Turn `tollwatch eval --format json` output (and optionally a benchmark JSON) into the
Markdown tables of docs/quality.md's Results section.

    tollwatch eval ../shared/gold/dev/*.jsonl --format json -o /tmp/dev-scores.json
    python bench/throughput.py --json /tmp/bench.json
    python bench/results_table.py /tmp/dev-scores.json --bench /tmp/bench.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

METRICS = (
    "killed_exact", "killed_exact_nonzero", "killed_exact_answerable", "killed_within10",
    "killed_interval", "wounded_exact", "date_exact", "date_within_1d", "date_exact_stated",
    "date_interval", "country", "admin1", "location", "geo_within_25km", "geo_median_km",
    "perpetrator_class", "victim_class", "actor_pair_class", "event_type", "detect_recall",
    "detect_fp_share", "event_killed_recall", "incidents_per_1000", "reports_with_incident",
)
LOWER_IS_BETTER = {"detect_fp_share", "incidents_per_1000", "reports_with_incident",
                   "geo_median_km", "killed_log_mae"}


def cell(entry: dict[str, Any] | None, metric: str) -> str:
    """"0.930 (157) ≥ 0.9 ok": value, records scored, target and whether it is met."""
    if not entry or entry.get("value") is None:
        return ""
    value = entry["value"]
    text = f"{value:.3f}" if entry.get("hits") is not None else f"{value:.1f}"
    text += f" ({entry['n']})"
    if entry.get("target") is not None:
        sign = "≤" if metric in LOWER_IS_BETTER else "≥"
        text += f" {sign} {entry['target']:g} {'ok' if entry.get('target_met') else '**miss**'}"
    return text


def scores_table(data: dict[str, Any]) -> str:
    """Metrics as rows, datasets as columns."""
    datasets = list(data["datasets"])
    lines = ["| metric | " + " | ".join(datasets) + " |", "|---|" + "---:|" * len(datasets)]
    for metric in METRICS:
        cells = [cell(data["datasets"][d]["metrics"].get(metric), metric) for d in datasets]
        if any(cells):
            lines.append(f"| `{metric}` | " + " | ".join(cells) + " |")
    run = data.get("run")
    if run:
        lines.append("")
        lines.append(
            f"Run: {run['reports']} reports in {run['seconds']} s with {run['workers']} "
            f"worker(s): {run['reports_per_s']} reports/s ({run.get('reports_per_cpu_s')} per "
            f"CPU second), peak memory {run['peak_rss_mb']} MB."
        )
    return "\n".join(lines)


def bench_table(data: dict[str, Any]) -> str:
    """One row per benchmark run."""
    lines = [
        "| file | workers | reports | first result s | total s | reports/s | "
        "reports/s per worker | reports per CPU s | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in data["runs"]:
        lines.append(
            f"| {r['file']} | {r['workers']} | {r['reports']} | {r.get('first_s', '')} | "
            f"{r['seconds']} | {r['reports_per_s']} | {r['reports_per_s_per_worker']} | "
            f"{r.get('reports_per_cpu_s') or '-'} | {r['peak_rss_mb']} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scores", type=Path, help="output of tollwatch eval --format json")
    parser.add_argument("--bench", type=Path, help="output of bench/throughput.py --json")
    args = parser.parse_args()
    print(scores_table(json.loads(args.scores.read_text(encoding="utf-8"))))
    if args.bench:
        print()
        print(bench_table(json.loads(args.bench.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
