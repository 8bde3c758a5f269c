"""Extract many reports, in this process or in a pool of worker processes.

`extract_many` is the one runner behind `tollwatch extract`, `tollwatch run`
(the store) and `tollwatch eval`:

    items (Report | Rejection, read lazily) --chunks--> workers --in input order--> Extraction

* **Input order is kept**, with any number of workers; `extract_pairs` yields each
  input item beside its extraction, so a caller can pair results with what it read.
* **Nothing is lost**: a `Rejection` (a report the reader refused) becomes
  `Extraction(report_id, error=rejection.error)`; a stage that crashes on one report
  becomes that report's `error` ("internal error while extracting: ...; please report
  it") and the run goes on.
* **A time budget per report**: an extraction running longer than the
  `report_timeout_s` setting (default 30 s; 0 = off) is stopped by a timer signal and
  becomes that report's `error` ("extraction took longer than the time budget ...");
  the run goes on. Enforced in the thread that extracts when it is the main thread
  (pool workers always are; one-process runs from the CLI too).
* **Bounded memory**: reports go to the workers in chunks (at most `CHUNK_REPORTS`
  reports or `CHUNK_CHARS` characters), and at most `IN_FLIGHT_PER_WORKER` chunks per
  worker are in flight: input is read as results are consumed.
* **Resources loaded once per worker**, by the pool's initializer. Workers are forked
  when this process runs a single thread (quick; they share the parent's memory, and
  `resources` given by the caller are inherited, not pickled); otherwise forkserver or
  spawn, since forking a process that runs other threads can deadlock.
* **Interruption**: leaving the iteration early (an exception, Ctrl-C, `close()`) shuts
  the pool down and cancels the chunks not started yet; a caller killed outright
  (`kill -9`) leaves no worker behind: each worker ends when its parent is gone.
* **Memory figures**: pool workers may be children of the forkserver, not of this
  process, so `RUSAGE_CHILDREN` does not see them; each worker reports its own peak with
  every chunk, collected in a `PoolStats` the caller may pass.

Extraction runs `tollwatch.pipeline.extract` (looked up at call time, so a test can
replace it in this process).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from typing import TypeVar

from . import pipeline
from .errors import SettingsError, TollwatchError
from .pipeline import Resources
from .records import Extraction, Rejection, Report
from .settings import Settings

Item = Report | Rejection
T = TypeVar("T")
CHUNK_REPORTS = 16  # reports sent to a worker at once
CHUNK_CHARS = 1_000_000  # ... or fewer, when their texts are long
IN_FLIGHT_PER_WORKER = 3  # chunks submitted ahead of the one being consumed, per worker
PARENT_CHECK_SECONDS = 0.5  # how often a worker checks that its parent is alive

__all__ = [
    "CHUNK_CHARS",
    "CHUNK_REPORTS",
    "OverBudget",
    "PoolStats",
    "budget_available",
    "extract_many",
    "extract_pairs",
    "extract_safely",
    "over_budget_message",
    "own_peak_mb",
    "start_context",
    "within_budget",
]


def own_peak_mb() -> float:
    """Peak resident memory of this process, in MB."""
    scale = 1024.0 * 1024.0 if sys.platform == "darwin" else 1024.0  # bytes on macOS, KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


@dataclass
class PoolStats:
    """Peak memory (MB) of each worker process, by process id."""

    worker_peak_mb: dict[int, float] = field(default_factory=dict)

    def record(self, pid: int, peak_mb: float) -> None:
        """Keep the highest peak seen for worker `pid`."""
        self.worker_peak_mb[pid] = max(peak_mb, self.worker_peak_mb.get(pid, 0.0))

    @property
    def total_mb(self) -> float:
        """The workers' peaks added up: a bound on what they held at once."""
        return sum(self.worker_peak_mb.values())


def extract_safely(report: Report, settings: Settings, resources: Resources) -> Extraction:
    """`pipeline.extract` within the report's time budget, a crash or an overrun turned
    into an Extraction with `error`.

    A `TollwatchError` is already turned into an error by the pipeline; any other
    exception is a bug in a stage, reported as such, and must not stop a batch. A report
    whose extraction runs longer than `settings.report_timeout_s` seconds is stopped
    and rejected ("... took longer than the time budget ..."); see `within_budget`.
    """
    try:
        return within_budget(
            lambda: pipeline.extract(report, settings=settings, resources=resources),
            settings.report_timeout_s,
        )
    except OverBudget:
        return Extraction(report.id, error=over_budget_message(settings.report_timeout_s))
    except Exception as err:  # one stage's bug must not stop a run of thousands
        message = (
            f"internal error while extracting: {type(err).__name__}: {err}; please report it"
        )
        return Extraction(report.id, error=message)


# --- the time budget of one report -----------------------------------------------------


class OverBudget(BaseException):
    """Raised in the extracting thread when a report's time budget runs out.

    A BaseException, so that no stage's `except Exception` can swallow it."""


def over_budget_message(seconds: float) -> str:
    """The rejection reason of a report stopped at its time budget."""
    return (
        f"extraction took longer than the time budget (report_timeout_s={seconds:g} s); "
        "raise the setting or split the report"
    )


def budget_available(seconds: float) -> bool:
    """Whether `within_budget` can enforce a budget of `seconds` here: a positive budget,
    a platform with interval timers (not Windows), the main thread (only it receives
    signals), and no interval timer already running (someone else's, e.g. a test's)."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    return signal.getitimer(signal.ITIMER_REAL)[0] == 0


def within_budget(call: Callable[[], T], seconds: float) -> T:
    """`call()`, stopped with `OverBudget` after `seconds` of wall time.

    A timer signal (SIGALRM) interrupts a stage wherever its Python code runs, and a
    regular expression's backtracking too (the `re` engine checks for signals); C code
    that never checks for signals is not interrupted (no watchdog for that; see
    docs/reliability.md). Where no budget can be enforced (`budget_available`), the
    call runs without one.
    """
    if not budget_available(seconds):
        return call()

    def stop(signum: int, frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, stop)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return call()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def extract_many(
    items: Iterable[Item],
    *,
    settings: Settings,
    workers: int | None = None,
    resources: Resources | None = None,
    stats: PoolStats | None = None,
    keep_reports: bool = True,
    skip: Callable[[Report], bool] | None = None,
) -> Iterator[Extraction]:
    """Extract every item, one Extraction per item, in input order.

    `workers` processes (default: `settings.workers`; 1 runs in this process, with
    `resources` if given, else loaded on first need). A `Rejection` becomes an
    Extraction carrying its error. With `keep_reports`, each Extraction of a Report
    carries it in `.report` (the report the pipeline read: the same object, or a copy
    cut at `max_report_chars`); without, `.report` is None. Reports for which
    `skip(report)` is true are not extracted: they get an Extraction with no incidents
    (the store passes the reports it already holds with the same text). `stats`, when
    given, receives each pool worker's peak memory.
    """
    for _, extraction in extract_pairs(
        items, settings=settings, workers=workers, resources=resources, stats=stats,
        keep_reports=keep_reports, skip=skip,
    ):
        yield extraction


def extract_pairs(
    items: Iterable[Item],
    *,
    settings: Settings,
    workers: int | None = None,
    resources: Resources | None = None,
    stats: PoolStats | None = None,
    keep_reports: bool = True,
    skip: Callable[[Report], bool] | None = None,
) -> Iterator[tuple[Item, Extraction]]:
    """Like `extract_many`, but yields `(item, extraction)`: each input item (the same
    object) beside its extraction, in input order."""
    count = settings.workers if workers is None else workers
    if count < 1:
        raise SettingsError(f"workers={count} must be 1 or more; use 1 to extract in this process")
    if count == 1:  # one item at a time: each result as soon as it is ready
        runner = _Runner(settings, resources)
        for chunk in _chunks(items, skip, max_items=1):
            yield from _paired(chunk, runner.run(chunk.todo), keep_reports)
        return
    chunks = _chunks(items, skip, max_items=CHUNK_REPORTS)
    yield from _pooled(chunks, settings, count, resources, stats, keep_reports)


# --- chunks ----------------------------------------------------------------------------


@dataclass
class _Chunk:
    """Consecutive input items (rejections and skipped reports count towards its size),
    and the reports among them that need extracting."""

    items: list[Item] = field(default_factory=list)
    todo: list[Report] = field(default_factory=list)
    skipped: set[int] = field(default_factory=set)  # positions in `items` not extracted
    chars: int = 0


def _chunks(
    items: Iterable[Item], skip: Callable[[Report], bool] | None, *, max_items: int
) -> Iterator[_Chunk]:
    """Consecutive items, cut after `max_items` items or `CHUNK_CHARS` characters."""
    chunk = _Chunk()
    for item in items:
        chunk.items.append(item)
        if isinstance(item, Report):
            if skip is not None and skip(item):
                chunk.skipped.add(len(chunk.items) - 1)
            else:
                chunk.todo.append(item)
                chunk.chars += len(item.text) if isinstance(item.text, str) else 0
        if len(chunk.items) >= max_items or chunk.chars >= CHUNK_CHARS:
            yield chunk
            chunk = _Chunk()
    if chunk.items:
        yield chunk


def _paired(
    chunk: _Chunk, extracted: list[Extraction], keep_reports: bool
) -> Iterator[tuple[Item, Extraction]]:
    """The chunk's items beside their extractions; rejections and skipped reports are
    answered here, the others take the next result of `extracted`, in order."""
    results = iter(extracted)
    for position, item in enumerate(chunk.items):
        if isinstance(item, Rejection):
            yield item, Extraction(report_id=item.id, error=item.error)
            continue
        extraction = Extraction(item.id) if position in chunk.skipped else next(results)
        if not keep_reports:
            extraction.report = None
        elif extraction.report is None:  # dropped by the worker, or a crash
            extraction.report = item
        yield item, extraction


# --- one process -----------------------------------------------------------------------


class _Runner:
    """Extracts reports in one process; resources are loaded once, on first need."""

    def __init__(self, settings: Settings, resources: Resources | None = None) -> None:
        self.settings = settings
        self.resources = resources
        self.failure: TollwatchError | None = None  # a worker whose resources failed to load

    def run(self, reports: list[Report]) -> list[Extraction]:
        if self.failure is not None:
            raise self.failure
        if not reports:
            return []
        if self.resources is None:
            self.resources = pipeline.load_resources(self.settings)
        loaded = self.resources
        return [extract_safely(report, self.settings, loaded) for report in reports]


# --- a pool of processes ---------------------------------------------------------------


def start_context() -> BaseContext:
    """How to start workers: fork where it is safe (quick, the code already imported), else
    forkserver or spawn. Forking a process that runs other threads can deadlock."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _pooled(
    chunks: Iterator[_Chunk],
    settings: Settings,
    workers: int,
    resources: Resources | None,
    stats: PoolStats | None,
    keep_reports: bool,
) -> Iterator[tuple[Item, Extraction]]:
    context = start_context()
    # Forked workers inherit the caller's resources (no pickling); others load their own.
    inherited = resources if context.get_start_method() == "fork" else None
    pool = ProcessPoolExecutor(workers, context, _init_worker, (settings, inherited))
    pending: deque[tuple[_Chunk, Future[_ChunkResult] | None]] = deque()
    try:
        for chunk in chunks:
            future = pool.submit(_run_in_worker, chunk.todo) if chunk.todo else None
            pending.append((chunk, future))
            if len(pending) >= IN_FLIGHT_PER_WORKER * workers:  # read as results are used
                yield from _collect(*pending.popleft(), stats, keep_reports)
        while pending:
            yield from _collect(*pending.popleft(), stats, keep_reports)
    finally:  # also on interruption or an early stop: drop the chunks not started yet
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(
    chunk: _Chunk,
    future: Future[_ChunkResult] | None,
    stats: PoolStats | None,
    keep_reports: bool,
) -> Iterator[tuple[Item, Extraction]]:
    extracted: list[Extraction] = []
    if future is not None:
        result = future.result()
        extracted = result.extractions
        if stats is not None:
            stats.record(result.pid, result.peak_mb)
    yield from _paired(chunk, extracted, keep_reports)


@dataclass
class _ChunkResult:
    """What a worker sends back for one chunk: extractions, its pid and its peak memory."""

    extractions: list[Extraction]
    pid: int
    peak_mb: float


# One runner per worker process, made by the pool's initializer: the resources are
# loaded once per process, not once per chunk. Only worker processes set it.
_WORKER_RUNNER: _Runner | None = None


def _init_worker(settings: Settings, resources: Resources | None) -> None:
    global _WORKER_RUNNER
    _watch_parent()
    _WORKER_RUNNER = _Runner(settings, resources)
    if resources is None:
        try:
            _WORKER_RUNNER.resources = pipeline.load_resources(settings)
        except TollwatchError as err:  # raised again with the first chunk, in the caller
            _WORKER_RUNNER.failure = err


def _watch_parent(every_s: float = PARENT_CHECK_SECONDS) -> None:
    """End this worker when its parent dies: a caller killed without clean-up (`kill -9`,
    SIGTERM) must not leave idle workers holding a gazetteer each. (A forkserver's
    workers are its children; it exits with the caller.)"""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every_s)
        os._exit(1)

    threading.Thread(target=watch, name="tollwatch-parent-watch", daemon=True).start()


def _run_in_worker(reports: list[Report]) -> _ChunkResult:
    if _WORKER_RUNNER is None:
        raise RuntimeError("worker used before its initializer ran")
    extractions = _WORKER_RUNNER.run(reports)
    for report, extraction in zip(reports, extractions, strict=True):
        if extraction.report is report:  # the caller holds it: do not send the text back
            extraction.report = None
    return _ChunkResult(extractions, os.getpid(), own_peak_mb())
