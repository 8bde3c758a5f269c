"""Extraction on a Dask distributed cluster: `tollwatch run --cluster ADDRESS`.

    read (client) --chunks--> scheduler --> workers (extract) --in input order--> client
    --> store, one transaction per batch (tollwatch.store.ingest) --> match once

The client reads the input lazily and cuts it into chunks of `CHUNK_REPORTS` reports
(or `parallel.CHUNK_CHARS` characters); it keeps at most `IN_FLIGHT_PER_THREAD`
chunks per worker thread submitted and not yet stored, so memory stays bounded
whatever the size of the archive (backpressure: reading waits for the results).
Results come back in input order and are stored by the client through the same
ingest as a local run: idempotent by report key, one transaction per batch.

* **A worker killed halfway** (out of memory, a lost machine): the scheduler runs
  its chunks again on another worker; the client stores each chunk once, when its
  result arrives, so nothing is lost or stored twice. A chunk that kills
  `distributed.scheduler.allowed-failures` workers in a row (3 by default) stops
  the run with a `ClusterError` naming its first report; what was stored stays.
* **A client killed halfway**: every committed batch stays; the scheduler drops the
  client's futures; running again extracts and stores only what is missing.
* **Workers**: each loads the resources once (`worker.ExtractionPlugin`), with the
  client's settings, which name files by path: the gazetteer additions, actor and
  places files must be at the same paths on every worker (docs/scale.md).

The reports travel to the workers by pickle; their texts do not come back.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..errors import ClusterError
from ..parallel import Item, _Chunk, _chunks, _paired
from ..records import Extraction, Report
from ..settings import Settings

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = [
    "CHUNK_REPORTS",
    "CONNECT_TIMEOUT_S",
    "IN_FLIGHT_PER_THREAD",
    "ClusterInfo",
    "connect",
    "extract_pairs_on_cluster",
    "plugin_name",
    "worker_settings",
]

CHUNK_REPORTS = 64  # reports per task: a task costs the scheduler about a millisecond
IN_FLIGHT_PER_THREAD = 3  # chunks submitted and not yet stored, per worker thread
CONNECT_TIMEOUT_S = 10.0
WORKER_DB = "sqlite://"  # what the workers' settings name as the database: none they open
INSTALL_HINT = "pip install 'tollwatch[cluster]' (the dask and distributed packages)"


@dataclass(frozen=True)
class ClusterInfo:
    """The cluster a run used: its scheduler address, workers and threads when it began."""

    address: str
    workers: int
    threads: int


def connect(address: str, timeout_s: float | None = None) -> Client:
    """A Dask client connected to the scheduler at `address` (e.g. tcp://10.0.0.5:8786).

    Raises ClusterError when dask is not installed or the scheduler does not answer
    within `timeout_s` seconds (default `CONNECT_TIMEOUT_S`), naming the address and
    the fix."""
    timeout_s = CONNECT_TIMEOUT_S if timeout_s is None else timeout_s
    try:
        from distributed import Client
    except ImportError as err:
        raise ClusterError(
            f"--cluster {address} needs Dask's distributed scheduler, which is not "
            f"installed here ({err}); {INSTALL_HINT}, or run without --cluster"
        ) from err
    try:
        return Client(address, timeout=timeout_s, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(
            f"the Dask scheduler at {address} does not answer ({type(err).__name__}: "
            f"{err}); start it (`dask scheduler`) and its workers (`dask worker "
            f"{address}`), check the address and port, or run without --cluster; "
            "nothing was stored"
        ) from err


def worker_settings(settings: Settings) -> Settings:
    """The settings sent to the workers: the client's, without the database URL (the
    workers never open the store, and a URL may hold a password)."""
    return replace(settings, db=WORKER_DB)


def plugin_name(settings: Settings) -> str:
    """The worker plugin's name for these settings: two runs with other extraction
    settings on the same cluster keep two plugins; a run with the same ones (whatever
    its database) reuses the plugin, and the resources, the workers already hold."""
    digest = hashlib.sha256(repr(worker_settings(settings)).encode("utf-8")).hexdigest()[:16]
    return f"tollwatch-extraction-{digest}"


def extract_pairs_on_cluster(
    items: Iterable[Item],
    *,
    settings: Settings,
    address: str | None = None,
    client: Client | None = None,
    skip: Callable[[Report], bool] | None = None,
    keep_reports: bool = True,
    chunk_reports: int = CHUNK_REPORTS,
    in_flight: int | None = None,
    on_connect: Callable[[ClusterInfo], None] | None = None,
) -> Iterator[tuple[Item, Extraction]]:
    """Like `parallel.extract_pairs`, with the extraction done by a Dask cluster.

    Give the scheduler's `address` (a client is made and closed here) or a connected
    `client` (left open). Yields `(item, extraction)` in input order. At most
    `in_flight` chunks (default: `IN_FLIGHT_PER_THREAD` per worker thread, at least
    4) are submitted ahead of the one being consumed. Reports for which `skip` is true
    are not sent. `on_connect` receives the cluster's size before the first chunk.
    """
    if client is None and address is None:
        raise ClusterError("give the scheduler's address (--cluster tcp://HOST:8786)")
    if chunk_reports < 1:
        raise ClusterError(f"chunk_reports={chunk_reports} must be 1 or more")
    own = client is None
    active = connect(address) if client is None else client  # type: ignore[arg-type]
    try:
        info = _info(active, address)
        if on_connect is not None:
            on_connect(info)
        name = _register(active, settings)
        limit = in_flight if in_flight is not None else max(4, IN_FLIGHT_PER_THREAD * info.threads)
        yield from _submitted(active, name, _chunks(items, skip, max_items=chunk_reports),
                              max(1, limit), keep_reports)
    finally:
        if own:
            active.close()


def _info(client: Client, address: str | None) -> ClusterInfo:
    threads = client.nthreads()
    return ClusterInfo(address or str(client.scheduler_info().get("address", "?")), len(threads),
                       sum(threads.values()))


def _register(client: Client, settings: Settings) -> str:
    from .worker import ExtractionPlugin

    name = plugin_name(settings)
    client.register_plugin(ExtractionPlugin(worker_settings(settings), name), name=name)
    return name


def _submitted(
    client: Client, name: str, chunks: Iterator[_Chunk], limit: int, keep_reports: bool
) -> Iterator[tuple[Item, Extraction]]:
    from .worker import extract_chunk

    pending: deque[tuple[_Chunk, Future | None]] = deque()
    try:
        for chunk in chunks:
            future = (
                client.submit(extract_chunk, name, chunk.todo, pure=False) if chunk.todo else None
            )
            pending.append((chunk, future))
            if len(pending) >= limit:  # read on only as results are stored
                yield from _collected(*pending.popleft(), keep_reports)
        while pending:
            yield from _collected(*pending.popleft(), keep_reports)
    finally:  # an early stop or an error: the scheduler forgets what was not stored
        futures = [f for _, f in pending if f is not None]
        if futures:
            client.cancel(futures)


def _collected(
    chunk: _Chunk, future: Future | None, keep_reports: bool
) -> Iterator[tuple[Item, Extraction]]:
    extracted: list[Extraction] = []
    if future is not None:
        extracted = _result(future, chunk)  # dropping the future frees it on the worker
    yield from _paired(chunk, extracted, keep_reports)


def _result(future: Future, chunk: _Chunk) -> list[Extraction]:
    from distributed import KilledWorker

    try:
        result: Any = future.result()
    except KilledWorker as err:
        first = chunk.todo[0]
        raise ClusterError(
            f"the chunk of {len(chunk.todo)} reports starting at {first.origin or first.id} "
            f"killed every worker that ran it ({err}); the reports before it are stored. "
            "Give the workers more memory, or run these reports without --cluster to "
            "see which one fails, then run again"
        ) from err
    if not isinstance(result, list):
        raise ClusterError(f"a worker sent {type(result).__name__} for a chunk, not a list")
    return result
