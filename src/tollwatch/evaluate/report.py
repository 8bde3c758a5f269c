"""Targets, and the evaluation result as a text table or a JSON-ready dict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .gold import dataset_family
from .metrics import METRIC_SPECS, MetricValue, geo_by_precision
from .run import EvalResult

# The targets, by (dataset family or "*", metric). Run-level targets
# (speed, memory) are in RUN_TARGETS.
TARGETS: dict[tuple[str, str], float] = {
    ("acled", "killed_exact_answerable"): 0.90,
    ("muc", "killed_exact_answerable"): 0.80,
    ("*", "date_exact_stated"): 0.90,
    ("*", "country"): 0.95,
    ("muc", "detect_recall"): 0.90,
    ("muc", "detect_fp_share"): 0.10,
}
RUN_TARGETS = {"reports_per_s_per_worker": 100.0, "peak_rss_mb": 1536.0}


@dataclass(frozen=True)
class Row:
    """One table row: a dataset's metric with its target, if the issue sets one."""

    dataset: str
    metric: MetricValue
    target: float | None

    @property
    def met(self) -> bool | None:
        """Whether the target is reached (None without a target or a value)."""
        if self.target is None or self.metric.value is None:
            return None
        if METRIC_SPECS[self.metric.name].higher_is_better:
            return self.metric.value >= self.target
        return self.metric.value <= self.target


def target_for(dataset: str, metric: str) -> float | None:
    """The issue's target for this metric on this dataset, or None."""
    family = dataset_family(dataset)
    return TARGETS.get((family, metric), TARGETS.get(("*", metric)))


def rows(result: EvalResult) -> list[Row]:
    """Every scored metric of every dataset, with its target."""
    return [
        Row(name, metric, target_for(name, metric.name))
        for name, scores in result.datasets.items()
        for metric in scores.metrics()
    ]


def _fmt_value(metric: MetricValue) -> str:
    if metric.value is None:
        return "-"
    if metric.hits is not None:
        return f"{metric.value:.3f}"
    return f"{metric.value:.2f}" if metric.value < 1000 else f"{metric.value:,.0f}"


def _fmt_target(row: Row) -> str:
    if row.target is None:
        return ""
    sign = ">=" if METRIC_SPECS[row.metric.name].higher_is_better else "<="
    mark = {True: "ok", False: "MISS", None: ""}[row.met]
    return f"{sign} {row.target:g} {mark}".rstrip()


def format_table(result: EvalResult) -> str:
    """A plain-text table: dataset, metric, n, value, target (and whether it is met)."""
    header = ("dataset", "metric", "n", "value", "target")
    body: list[tuple[str, str, str, str, str]] = []
    for r in rows(result):
        if not body or body[-1][0] != r.dataset:
            scores = result.datasets[r.dataset]
            body.append((r.dataset, "(records; labelled)", str(scores.records),
                         str(scores.labelled), ""))
        body.append(
            (r.dataset, r.metric.name, str(r.metric.n), _fmt_value(r.metric), _fmt_target(r))
        )
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = []
    previous = None
    for line in [header, *body]:
        if previous is not None and line[0] != previous:
            lines.append("")
        previous = line[0]
        cells = [
            line[i].rjust(widths[i]) if i in (2, 3) else line[i].ljust(widths[i])
            for i in range(len(line))
        ]
        lines.append("  ".join(cells).rstrip())
    lines.extend(_confusion_lines(result))
    lines.extend(_note_lines(result))
    lines.extend(_run_lines(result))
    return "\n".join(lines) + "\n"


def _confusion_lines(result: EvalResult) -> list[str]:
    out: list[str] = []
    for name, scores in result.datasets.items():
        if not scores.confusion:
            continue
        out.append("")
        out.append(f"event types, {name} (gold -> predicted: count)")
        by_gold: dict[str, list[str]] = {}
        for (gold, predicted), count in sorted(
            scores.confusion.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])
        ):
            by_gold.setdefault(gold, []).append(f"{predicted} {count}")
        out.extend(f"  {gold}: {', '.join(cells)}" for gold, cells in by_gold.items())
    return out


def _note_lines(result: EvalResult) -> list[str]:
    out: list[str] = []
    for name, scores in result.datasets.items():
        for note, count in sorted(scores.notes.items()):
            out.append(f"note, {name}: {note} x{count}")
    return ["", *out] if out else []


def _run_lines(result: EvalResult) -> list[str]:
    run = result.run
    if run is None:
        return []
    speed, memory = run.reports_per_s_per_worker, run.peak_rss_mb
    speed_ok = "ok" if speed >= RUN_TARGETS["reports_per_s_per_worker"] else "MISS"
    memory_ok = "ok" if memory <= RUN_TARGETS["peak_rss_mb"] else "MISS"
    cpu = run.reports_per_cpu_s
    cpu_text = f" ({cpu:.0f} per CPU second)" if cpu is not None else ""
    return [
        "",
        f"run: {run.reports} reports in {run.seconds:.1f} s with {run.workers} worker(s): "
        f"{speed:.0f} reports/s per worker{cpu_text} (target >= 100 {speed_ok}); "
        f"peak memory {memory:.0f} MB (target <= 1536 {memory_ok})",
    ]


def result_json(result: EvalResult) -> dict[str, Any]:
    """The result as plain JSON-ready data (the `--format json` output)."""
    datasets: dict[str, Any] = {}
    for name, scores in result.datasets.items():
        metrics = {}
        for metric in scores.metrics():
            row = Row(name, metric, target_for(name, metric.name))
            metrics[metric.name] = {
                "value": metric.value, "n": metric.n, "hits": metric.hits,
                "target": row.target, "target_met": row.met,
            }
        datasets[name] = {
            "records": scores.records,
            "labelled": scores.labelled,
            "metrics": metrics,
            "event_type_confusion": [
                {"gold": g, "predicted": p, "count": c} for (g, p), c in scores.confusion.items()
            ],
            "geo_by_precision": geo_by_precision(scores),
            "notes": dict(scores.notes),
        }
    out: dict[str, Any] = {"version": 1, "datasets": datasets}
    if result.run is not None:
        run = result.run
        out["run"] = {
            "reports": run.reports, "seconds": round(run.seconds, 3), "workers": run.workers,
            "reports_per_s": round(run.reports_per_s, 1),
            "reports_per_s_per_worker": round(run.reports_per_s_per_worker, 1),
            "reports_per_cpu_s": (
                round(run.reports_per_cpu_s, 1) if run.reports_per_cpu_s is not None else None
            ),
            "peak_rss_mb": round(run.peak_rss_mb, 1), "targets": RUN_TARGETS,
        }
    return out
