"""Extract many reports, in this process or in a pool of worker processes.

Each worker loads the resources (gazetteer, actor dictionary) once, in its
initializer, and extracts chunks of reports; results come back in input order.
The extractions returned carry no copy of the report (`report=None`), which
halves what crosses the process boundary.

(tollwatch has no library-level parallel extraction yet; if one is added to
`pipeline.py`, `extract_all` should become a call to it.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace

from ..errors import SettingsError
from ..pipeline import Resources, extract, load_resources
from ..records import Extraction, Report
from ..settings import Settings

_worker_state: dict[str, object] = {}  # per worker process: set once by _init_worker


def _init_worker(settings: Settings) -> None:
    _worker_state["settings"] = settings
    _worker_state["resources"] = load_resources(settings)


def _extract_in_worker(report: Report) -> Extraction:
    settings = _worker_state["settings"]
    resources = _worker_state["resources"]
    if not isinstance(settings, Settings) or not isinstance(resources, Resources):
        raise RuntimeError("worker used before its initializer ran")
    return replace(extract(report, settings=settings, resources=resources), report=None)


def extract_all(
    reports: Iterable[Report],
    *,
    settings: Settings,
    workers: int = 1,
    resources: Resources | None = None,
    chunksize: int = 16,
) -> Iterator[Extraction]:
    """Extract every report, in input order, with `workers` processes (1 = this process).

    `resources` is used only when `workers` is 1 (workers load their own).
    """
    if workers < 1:
        raise SettingsError(f"workers={workers} must be 1 or more")
    if workers == 1:
        loaded = resources or load_resources(settings)
        for report in reports:
            yield replace(extract(report, settings=settings, resources=loaded), report=None)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        yield from pool.map(_extract_in_worker, reports, chunksize=chunksize)
