"""Extract the gold records' reports: a thin call to `tollwatch.parallel`.

The evaluation uses the same runner as `tollwatch extract` and `tollwatch run`
(`tollwatch.parallel.extract_many`: input order kept, a stage's crash turned into
an error, each worker's peak memory in a `PoolStats`). The extractions it scores
carry no copy of the report (`report=None`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..parallel import PoolStats, extract_many, extract_safely, own_peak_mb
from ..pipeline import Resources
from ..records import Extraction, Report
from ..settings import Settings

__all__ = ["PoolStats", "extract_all", "extract_safely", "own_peak_mb"]


def extract_all(
    reports: Iterable[Report],
    *,
    settings: Settings,
    workers: int = 1,
    resources: Resources | None = None,
    stats: PoolStats | None = None,
) -> Iterator[Extraction]:
    """Extract every report, in input order, with `workers` processes (1 = this process).

    `resources` are used by this process (1 worker) or inherited by forked workers;
    `stats`, when given, receives each worker's peak memory.
    """
    return extract_many(
        reports, settings=settings, workers=workers, resources=resources, stats=stats,
        keep_reports=False,
    )
