"""Run the extractor over gold records and score the result."""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..parallel import PoolStats, extract_many, own_peak_mb
from ..pipeline import Resources, load_resources
from ..records import Extraction, Report
from ..settings import Settings
from .articles import score_annotated
from .gold import GoldRecord, load_gold
from .metrics import DatasetScores, MetricValue, score_record, split_language
from .pairs import score_dataset_pairs
from .predict import document_prediction


@dataclass(frozen=True)
class RunStats:
    """How the extraction ran: reports, wall seconds, workers, peak memory (MB)."""

    reports: int
    seconds: float
    workers: int
    peak_rss_mb: float
    cpu_seconds: float | None = None  # this process's CPU time (1 worker only)

    @property
    def reports_per_s(self) -> float:
        return self.reports / self.seconds if self.seconds > 0 else 0.0

    @property
    def reports_per_s_per_worker(self) -> float:
        return self.reports_per_s / max(1, self.workers)

    @property
    def reports_per_cpu_s(self) -> float | None:
        """Reports per CPU second: steadier than wall time on a shared machine."""
        if not self.cpu_seconds:
            return None
        return self.reports / self.cpu_seconds


@dataclass
class EvalResult:
    """Scores per dataset, in the order datasets were first met, plus run statistics."""

    datasets: dict[str, DatasetScores] = field(default_factory=dict)
    run: RunStats | None = None
    # annotation-format records with their extractions, by dataset, for the pair scores
    annotated: dict[str, list[tuple[GoldRecord, Extraction]]] = field(default_factory=dict)
    pairs_skipped: bool = False  # `pairs=False`: pair metrics deliberately not measured

    def metrics(self, dataset: str) -> dict[str, MetricValue]:
        """One dataset's metrics by name (empty when the dataset is absent).

        A language block is named "dataset [lang]" ("news-real [fr]").
        """
        base, lang = split_language(dataset)
        scores = self.datasets.get(base)
        if scores is not None and lang is not None:
            scores = scores.languages.get(lang)
        return {m.name: m for m in scores.metrics()} if scores else {}

    def blocks(self) -> list[DatasetScores]:
        """Every dataset's scores, each followed by its languages' when it has several."""
        out: list[DatasetScores] = []
        for scores in self.datasets.values():
            out.append(scores)
            if len(scores.languages) > 1:
                out.extend(scores.languages[lang] for lang in sorted(scores.languages))
        return out


def peak_rss_mb(stats: PoolStats | None = None) -> float:
    """Peak memory of a run in MB: this process, plus its pool workers' peaks when given.

    Without pool statistics, finished direct children (`RUSAGE_CHILDREN`, the
    largest one) are added instead.
    """
    if stats is not None and stats.worker_peak_mb:
        return own_peak_mb() + stats.total_mb
    scale = 1024.0 * 1024.0 if sys.platform == "darwin" else 1024.0
    return own_peak_mb() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale


def report_of(record: GoldRecord) -> Report:
    """The `Report` the extractor sees for a gold record (id, text, published)."""
    url = record.annotation.url if record.annotation is not None else None
    return Report(
        id=record.id, text=record.text, published=record.published, origin=record.origin, url=url
    )


def score_extractions(
    records: Sequence[GoldRecord], extractions: Iterable[Extraction]
) -> EvalResult:
    """Score extractions given in the same order as `records`."""
    result = EvalResult()
    for record, extraction in zip(records, extractions, strict=True):
        scores = result.datasets.setdefault(record.dataset, DatasetScores(record.dataset))
        if record.annotation is not None:
            score_annotated(scores, record, extraction)
            result.annotated.setdefault(record.dataset, []).append((record, extraction))
            continue
        if extraction.error is not None:
            scores.notes["extraction errors (scored as no prediction)"] += 1
        score_record(scores, record, document_prediction(extraction))
    return result


def score_pairs(result: EvalResult, settings: Settings) -> None:
    """Add same-incident pair scores to every annotation-format dataset (pairs.py).

    Each dataset's reports go through a temporary store of their own: extract ->
    store -> match, as `tollwatch run` does.
    """
    for dataset, scored in result.annotated.items():
        score_dataset_pairs(result.datasets[dataset], scored, settings)


def evaluate_records(
    records: Sequence[GoldRecord],
    *,
    settings: Settings,
    workers: int = 1,
    resources: Resources | None = None,
    pairs: bool = True,
) -> EvalResult:
    """Extract every record's text and score it; the result carries run statistics.

    Resources are loaded before the clock starts (with one worker), so the
    speed is that of extraction; pool start-up is included with several workers.
    With `pairs`, annotation-format datasets are then stored and matched
    (`score_pairs`), after the clock stops.
    """
    if workers == 1 and resources is None:
        resources = load_resources(settings)
    started, cpu_started = time.perf_counter(), time.process_time()
    stats = PoolStats()
    extractions = extract_many(
        (report_of(r) for r in records),
        settings=settings, workers=workers, resources=resources, stats=stats,
        keep_reports=False,
    )
    result = score_extractions(records, extractions)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started if workers == 1 else None
    result.run = RunStats(len(records), seconds, workers, peak_rss_mb(stats), cpu)
    if pairs:
        score_pairs(result, settings)
    else:
        result.pairs_skipped = True
    return result


def evaluate_files(
    paths: Sequence[Path],
    *,
    settings: Settings,
    limit: int | None = None,
    workers: int = 1,
    resources: Resources | None = None,
    pairs: bool = True,
) -> EvalResult:
    """Read gold files (folders expand to *.jsonl; `limit` records per file) and score them.

    `pairs=False` skips the store pass that measures same-incident pairs.
    """
    records = load_gold(paths, limit)
    return evaluate_records(
        records, settings=settings, workers=workers, resources=resources, pairs=pairs
    )
