"""Extract many reports, in this process or in a pool of worker processes.

Each worker loads the resources (gazetteer, actor dictionary) once, in its
initializer, and extracts chunks of reports; results come back in input order.
The pool starts workers the way `tollwatch extract` does (forkserver where
available, else spawn). The extractions returned carry no copy of the report
(`report=None`), which halves what crosses the process boundary.

Memory: pool workers are children of the forkserver, not of this process, so
`RUSAGE_CHILDREN` does not see them; each worker reports its own peak with every
result instead, collected in a `PoolStats` the caller may pass.

`tollwatch extract` has its own pool in cli.py, which yields contract JSON, not
`Extraction` records; the evaluation needs the records. If a library-level
`extract_many` is added to pipeline.py, `extract_all` should become a call to it.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from ..errors import SettingsError
from ..pipeline import Resources, extract, load_resources
from ..records import Extraction, Report
from ..settings import Settings

_worker_state: dict[str, object] = {}  # per worker process: set once by _init_worker


def own_peak_mb() -> float:
    """Peak resident memory of this process, in MB."""
    scale = 1024.0 * 1024.0 if sys.platform == "darwin" else 1024.0  # bytes on macOS, KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


@dataclass
class PoolStats:
    """Peak memory (MB) of each worker process, by process id."""

    worker_peak_mb: dict[int, float] = field(default_factory=dict)

    def record(self, pid: int, peak_mb: float) -> None:
        self.worker_peak_mb[pid] = max(peak_mb, self.worker_peak_mb.get(pid, 0.0))

    @property
    def total_mb(self) -> float:
        """The workers' peaks added up: a bound on what they held at once."""
        return sum(self.worker_peak_mb.values())


def _init_worker(settings: Settings) -> None:
    _worker_state["settings"] = settings
    _worker_state["resources"] = load_resources(settings)


def extract_safely(report: Report, settings: Settings, resources: Resources) -> Extraction:
    """`pipeline.extract`, with a stage's crash turned into an Extraction with `error`."""
    try:
        extraction = extract(report, settings=settings, resources=resources)
    except Exception as err:  # one stage bug must not stop an evaluation of thousands
        message = f"internal error while extracting: {type(err).__name__}: {err}"
        return Extraction(report.id, error=message)
    return replace(extraction, report=None)


def _extract_in_worker(report: Report) -> tuple[Extraction, int, float]:
    settings = _worker_state["settings"]
    resources = _worker_state["resources"]
    if not isinstance(settings, Settings) or not isinstance(resources, Resources):
        raise RuntimeError("worker used before its initializer ran")
    return extract_safely(report, settings, resources), os.getpid(), own_peak_mb()


def extract_all(
    reports: Iterable[Report],
    *,
    settings: Settings,
    workers: int = 1,
    resources: Resources | None = None,
    chunksize: int = 16,
    stats: PoolStats | None = None,
) -> Iterator[Extraction]:
    """Extract every report, in input order, with `workers` processes (1 = this process).

    `resources` is used only when `workers` is 1 (workers load their own);
    `stats`, when given, receives each worker's peak memory.
    """
    if workers < 1:
        raise SettingsError(f"workers={workers} must be 1 or more")
    if workers == 1:
        loaded = resources or load_resources(settings)
        for report in reports:
            yield extract_safely(report, settings, loaded)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        for extraction, pid, peak_mb in pool.map(_extract_in_worker, reports, chunksize=chunksize):
            if stats is not None:
                stats.record(pid, peak_mb)
            yield extraction
