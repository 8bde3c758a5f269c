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

import threading
from typing import Any

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import ClusterError, TollwatchError
from ..parallel import _Runner
from ..pipeline import load_resources
from ..records import Extraction, Report
from ..settings import Settings

__all__ = ["ExtractionPlugin", "extract_chunk"]


class ExtractionPlugin(WorkerPlugin):
    """Extracts reports on one worker with the client's settings; resources loaded once.

    `idempotent`: a second run with the same settings (the same plugin name) keeps the
    plugin, and the resources, that the workers already hold."""

    idempotent = True

    def __init__(self, settings: Settings, name: str) -> None:
        self.settings = settings
        self.name = name
        self._runner: _Runner | None = None
        self._lock: threading.Lock | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Only the settings and the name travel to the workers."""
        return {"settings": self.settings, "name": self.name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["settings"], state["name"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        """Called by the worker when the plugin is registered (or the worker restarts)."""
        self._lock = threading.Lock()

    def runner(self) -> _Runner:
        """This worker's runner, its resources loaded on first call (once per process).

        A failure to load (a gazetteer file missing on this worker) is kept and raised
        again for every chunk, so that the client sees it at once."""
        lock = self._lock or threading.Lock()
        self._lock = lock
        with lock:
            if self._runner is None:
                runner = _Runner(self.settings)
                try:
                    runner.resources = load_resources(self.settings)
                except TollwatchError as err:
                    runner.failure = err
                self._runner = runner
            return self._runner

    def extract(self, reports: list[Report]) -> list[Extraction]:
        """Extract `reports` in order; a report's text is not sent back (the client has it)."""
        extractions = self.runner().run(reports)
        for report, extraction in zip(reports, extractions, strict=True):
            if extraction.report is report:
                extraction.report = None
            # a report cut at max_report_chars comes back as its cut copy (the stored text)
        return extractions


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
