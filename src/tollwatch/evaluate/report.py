"""Targets, and the evaluation result as a text table or a JSON-ready dict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .gold import dataset_family
from .metrics import (
    F1_METRICS,
    METRIC_SPECS,
    DatasetScores,
    MetricValue,
    geo_by_precision,
    split_language,
)
from .run import EvalResult

# The targets, by (dataset family or "*", metric). Run-level targets
# (speed, memory) are in RUN_TARGETS.
TARGETS: dict[tuple[str, str], float] = {
    ("acled", "killed_exact_answerable"): 0.90,
    ("muc", "killed_exact_answerable"): 0.80,
    ("*", "date_exact_stated"): 0.90,
    ("*", "country"): 0.95,
    ("*", "country_named"): 0.97,  # issue 10
    ("*", "admin1_answerable"): 0.90,  # issue 10
    ("acled", "geo_within_50km"): 0.80,  # issue 10: coder notes
    ("*", "geo_over_1000km_named"): 0.01,  # issue 10
    ("muc", "detect_recall"): 0.90,
    ("muc", "detect_fp_share"): 0.10,
}
RUN_TARGETS = {"reports_per_s_per_worker": 100.0, "peak_rss_mb": 1536.0}
# Targets on real articles (issues 8 and 9), by (dataset name prefix, language or None,
# metric); a language's block ("news-real [fr]") takes its own target first.
ARTICLE_TARGETS: dict[tuple[str, str | None, str], float] = {
    ("gva-news", None, "doc_toll_exact_killed"): 0.75,
    ("gva-news", None, "pair_precision"): 0.95,
    ("gva-news", None, "pair_recall"): 0.80,
    ("news-real", "en", "doc_toll_exact"): 0.85,
    ("news-real", "fr", "doc_toll_exact"): 0.70,
    ("news-real", "es", "doc_toll_exact"): 0.70,
    ("news-real", "pt", "doc_toll_exact"): 0.70,
    ("news-real", "ar", "doc_toll_exact"): 0.70,
    ("news-real", None, "incident_f1"): 0.85,
    ("news-real", None, "irrelevant_with_toll"): 0.10,
    ("news-real", None, "pair_precision"): 0.95,
    ("news-real", None, "pair_recall"): 0.80,
}
# the summary of real-article datasets: (column heading, metric)
ARTICLE_COLUMNS = (
    ("toll", "doc_toll_exact"),
    ("toll10", "doc_toll_within10"),
    ("toll K>=1", "doc_toll_exact_killed"),
    ("inc P", "incident_precision"),
    ("inc R", "incident_recall"),
    ("inc F1", "incident_f1"),
    ("claim F1", "claim_f1"),
    ("date", "matched_date"),
    ("country", "matched_country"),
    ("irrel toll", "irrelevant_with_toll"),
    ("rel missed", "relevant_missed"),
    ("pair P", "pair_precision"),
    ("pair R", "pair_recall"),
)


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


def _article_target(dataset: str, metric: str) -> float | None:
    base, lang = split_language(dataset)
    for wanted in (lang, None):
        for (prefix, target_lang, name), value in ARTICLE_TARGETS.items():
            if name == metric and target_lang == wanted and base.startswith(prefix):
                return value
    return None


def target_for(dataset: str, metric: str) -> float | None:
    """The issue's target for this metric on this dataset, or None."""
    article = _article_target(dataset, metric)
    if article is not None:
        return article
    family = dataset_family(dataset)
    return TARGETS.get((family, metric), TARGETS.get(("*", metric)))


def rows(result: EvalResult) -> list[Row]:
    """Every scored metric of every dataset (and language block), with its target."""
    return [
        Row(scores.dataset, metric, target_for(scores.dataset, metric.name))
        for scores in result.blocks()
        for metric in scores.metrics()
    ]


def _fmt_value(metric: MetricValue) -> str:
    if metric.value is None:
        return "-"
    if metric.hits is not None or metric.name in F1_METRICS:
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
    by_name = {scores.dataset: scores for scores in result.blocks()}
    for r in rows(result):
        if not body or body[-1][0] != r.dataset:
            scores = by_name[r.dataset]
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
    lines.extend(_article_lines(result))
    lines.extend(_confusion_lines(result))
    lines.extend(_note_lines(result))
    lines.extend(_run_lines(result))
    return "\n".join(lines) + "\n"


def _article_lines(result: EvalResult) -> list[str]:
    """Real-article datasets at a glance: one row per dataset and per language."""
    table: list[list[str]] = []
    for scores in result.datasets.values():
        if not result.annotated.get(scores.dataset):
            continue
        table.append(_article_row(scores.dataset, scores))
        table.extend(
            _article_row(f"  {lang}", scores.languages[lang]) for lang in sorted(scores.languages)
        )
    if not table:
        return []
    header = ["real articles", "reports", *(title for title, _ in ARTICLE_COLUMNS)]
    widths = [max(len(line[i]) for line in [header, *table]) for i in range(len(header))]
    lines = ["", "real articles (annotation format; docs/quality.md): share of n, '-' unscored"]
    for line in [header, *table]:
        cells = [c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(line)]
        lines.append("  ".join(cells).rstrip())
    return lines


def _article_row(label: str, scores: DatasetScores) -> list[str]:
    values = {m.name: m for m in scores.metrics()}
    cells = [label, str(scores.records)]
    for _, name in ARTICLE_COLUMNS:
        metric = values.get(name)
        cells.append("-" if metric is None or metric.value is None else f"{metric.value:.3f}")
    return cells


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


def _metrics_json(scores: DatasetScores) -> dict[str, Any]:
    metrics = {}
    for metric in scores.metrics():
        row = Row(scores.dataset, metric, target_for(scores.dataset, metric.name))
        metrics[metric.name] = {
            "value": metric.value, "n": metric.n, "hits": metric.hits,
            "target": row.target, "target_met": row.met,
        }
    return metrics


def result_json(result: EvalResult) -> dict[str, Any]:
    """The result as plain JSON-ready data (the `--format json` output)."""
    datasets: dict[str, Any] = {}
    for name, scores in result.datasets.items():
        metrics = _metrics_json(scores)
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
        if scores.languages:
            datasets[name]["languages"] = {
                lang: {
                    "records": sub.records,
                    "metrics": _metrics_json(sub),
                }
                for lang, sub in sorted(scores.languages.items())
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
