"""The worker side of `tollwatch run --cluster`: a Dask worker plugin that holds the
loaded resources, and the task that extracts one chunk of reports.

Importing this module imports `distributed`; `tollwatch.cluster` imports it only once
the cluster is asked for, so that tollwatch runs without the `cluster` extra.

Each worker process loads the gazetteer, the actor dictionary and the language model
once, on its first chunk (not in `setup`, which runs in the worker's event loop: a
few seconds of loading there would delay its heartbeats), behind a lock since a
worker runs several tasks at once in threads. The resources live on the plugin
instance, which the worker keeps in `worker.plugins`: no module-level state.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import ClusterError, TollwatchError
from ..parallel import OverBudget, extract_safely, over_budget_message
from ..pipeline import Resources, load_resources
from ..records import Extraction, Report
from ..settings import Settings

__all__ = ["ExtractionPlugin", "extract_chunk", "within_thread_budget"]

T = TypeVar("T")


class ExtractionPlugin(WorkerPlugin):
    """Extracts reports on one worker with the client's settings; resources loaded once.

    `idempotent`: a second run with the same settings (the same plugin name) keeps the
    plugin, and the resources, that the workers already hold."""

    idempotent = True

    def __init__(self, settings: Settings, name: str) -> None:
        self.settings = settings
        self.name = name
        self._resources: Resources | None = None
        self._failure: TollwatchError | None = None
        self._lock: threading.Lock | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Only the settings and the name travel to the workers."""
        return {"settings": self.settings, "name": self.name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["settings"], state["name"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        """Called by the worker when the plugin is registered (or the worker restarts)."""
        self._lock = threading.Lock()

    def resources(self) -> Resources:
        """This worker's resources, loaded on first call (once per process).

        A failure to load (a gazetteer file missing on this worker) is kept and raised
        again for every chunk, so that the client sees it at once."""
        lock = self._lock or threading.Lock()
        self._lock = lock
        with lock:
            if self._resources is None and self._failure is None:
                try:
                    self._resources = load_resources(self.settings)
                except TollwatchError as err:
                    self._failure = err
            if self._resources is None:
                raise self._failure or ClusterError("the worker's resources did not load")
            return self._resources

    def extract(self, reports: list[Report]) -> list[Extraction]:
        """Extract `reports` in order, each within `report_timeout_s` as in a local run;
        a report's text is not sent back (the client has it)."""
        loaded = self.resources()
        seconds = self.settings.report_timeout_s
        extractions = []
        for report in reports:
            try:
                extraction = within_thread_budget(
                    partial(extract_safely, report, self.settings, loaded), seconds)
            except OverBudget:  # the budget ran out between two stages' own handlers
                extraction = Extraction(report.id, error=over_budget_message(seconds))
            if extraction.report is report:
                extraction.report = None
            extractions.append(extraction)
        return extractions


def within_thread_budget(call: Callable[[], T], seconds: float) -> T:
    """`call()` in this thread, stopped with `OverBudget` after `seconds` of wall time.

    Dask runs tasks in worker threads, where the timer signal of
    `parallel.within_budget` cannot reach (only the main thread receives signals): a
    timer thread raises `OverBudget` in this one instead (`PyThreadState_SetAsyncExc`),
    at its next Python instruction. Python code is stopped wherever it runs; a long
    call into C (one regular expression's backtracking) is stopped when it returns.
    `seconds <= 0`: no budget."""
    if seconds <= 0:
        return call()
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(OverBudget))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        return call()
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if state["fired"]:  # not raised yet (the call had just returned): drop it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)


def extract_chunk(plugin_name: str, reports: list[Report]) -> list[Extraction]:
    """The task the client submits: extract `reports` with this worker's plugin."""
    worker = get_worker()
    plugin = worker.plugins.get(plugin_name)
    if not isinstance(plugin, ExtractionPlugin):
        raise ClusterError(
            f"worker {worker.address} has no tollwatch plugin {plugin_name!r}: it joined "
            "after the run began and the scheduler did not give it the plugin; run again"
        )
    return plugin.extract(reports)
