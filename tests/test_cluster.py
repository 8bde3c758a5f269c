"""`tollwatch run --cluster`: extraction on a Dask LocalCluster stores what a local run
stores, a worker killed halfway loses and duplicates nothing, an interrupted client is
resumed by running again, and the errors name the address and the fix."""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.errors import ClusterError, SettingsError
from tollwatch.records import Report
from tollwatch.settings import Settings
from tollwatch.store import Store, open_store
from tollwatch.store.ingest import IngestStats
from tollwatch.store.models import EventRow, IncidentRow, ReportRow

distributed = pytest.importorskip("distributed")

import tollwatch.cluster as cluster  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> Any:
    """bench/cluster.py's report generator (templates of our own)."""
    spec = importlib.util.spec_from_file_location("bench_cluster", ROOT / "bench" / "cluster.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The example reports and 120 generated ones."""
    folder = tmp_path_factory.mktemp("cluster-input")
    return [ROOT / "examples", _generator().write_reports(folder / "generated.jsonl", 120)]


def state(store: Store) -> dict[str, Any]:
    """What the store holds, without row ids: reports with their incidents' figures,
    events with their members and tolls, and the rejections."""
    with store.sessions() as session:
        incidents: dict[int, list[tuple[Any, ...]]] = {}
        for i in session.scalars(select(IncidentRow)):
            incidents.setdefault(i.report_id, []).append(
                (i.local_id, i.event_type, str(i.date_start), i.place_text))
        reports = sorted(
            (r.key, r.content_hash, sorted(incidents.get(r.id, [])))
            for r in session.scalars(select(ReportRow))
        )
        events = sorted(
            (sorted(f"{i.report.key}/{i.local_id}" for i in e.incidents),
             e.killed_low, e.killed_best, e.killed_high)
            for e in session.scalars(select(EventRow))
        )
    return {"reports": reports, "events": events, "rejections": store.counts()["rejections"]}


@pytest.fixture(scope="module")
def reference(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The store of a local run (one process, SQLite) over the inputs."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'local.sqlite'}"
    with open_store(Settings(db=url)) as store:
        summary = store.run(inputs, workers=1, incremental=True)
        assert summary.ingest.stored > 120
        return state(store)


@pytest.fixture(scope="module")
def threads() -> Iterator[str]:
    """A LocalCluster in this process (one worker, two threads): its scheduler address."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=":0") as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def processes() -> Iterator[distributed.LocalCluster]:
    """A LocalCluster of two worker processes (one thread each), restarted by nannies."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local


def test_a_cluster_run_stores_what_a_local_run_stores(
    db_url: str, inputs: list[Path], reference: dict[str, Any], threads: str
) -> None:
    with open_store(Settings(db=db_url)) as store:
        first = store.run(inputs, cluster=threads, batch_size=25, incremental=True)
        assert first.ingest.consistent and first.ingest.rejected == 0
        assert state(store) == reference
        again = store.run(inputs, cluster=threads, batch_size=25, incremental=True)
        assert again.ingest.stored == again.ingest.replaced == 0
        assert again.ingest.unchanged == first.ingest.stored
        assert (again.match.created, again.match.updated, again.match.deleted) == (0, 0, 0)
        assert state(store) == reference


def _die_on(report_id: str, marker: str) -> None:
    """Run on each worker: the first worker to extract `report_id` dies at once (SIGKILL,
    as the kernel kills a process out of memory), halfway through its chunk; `marker`
    makes it happen once. The nanny starts a new worker process, without this patch."""
    from tollwatch import pipeline

    extract = pipeline.extract

    def dying(report: Report, **kwargs: Any) -> Any:
        if report.id == report_id and not os.path.exists(marker):
            Path(marker).write_text(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)
        return extract(report, **kwargs)

    pipeline.extract = dying  # type: ignore[assignment]


# How long a worker may take to arrive (a restarted one loads the gazetteer first): a
# wait, not a duration; on a loaded machine one minute was not always enough.
WORKER_ARRIVAL_S = 300


def test_a_worker_killed_halfway_loses_and_duplicates_nothing(
    db_url: str, inputs: list[Path], reference: dict[str, Any], tmp_path: Path,
    processes: distributed.LocalCluster,
) -> None:
    marker = tmp_path / "killed"
    with distributed.Client(processes, set_as_default=False) as client:
        client.wait_for_workers(2, timeout=WORKER_ARRIVAL_S)
        before = set(client.run(os.getpid).values())
        client.run(_die_on, "gen-0000070", str(marker))
        with open_store(Settings(db=db_url)) as store:
            summary = store.run(inputs, cluster=processes.scheduler_address, batch_size=10,
                                incremental=True)
            assert marker.exists(), "no worker died: the test tested nothing"
            assert summary.ingest.consistent and summary.ingest.rejected == 0
            assert summary.ingest.stored == len(reference["reports"])
            assert state(store) == reference  # each report once, with the same incidents
            again = store.run(inputs, cluster=processes.scheduler_address, incremental=True)
            assert again.ingest.stored == again.ingest.replaced == 0
            assert state(store) == reference
        # the run went on without the killed worker: whether its nanny has started
        # another by now is Dask's timing (minutes on a loaded machine), not ours
        client.wait_for_workers(1, timeout=WORKER_ARRIVAL_S)
        after = set(client.run(os.getpid).values())
    killed = int(marker.read_text())
    assert killed in before and killed not in after


class Interrupted(Exception):
    pass


def test_an_interrupted_client_is_resumed_by_running_again(
    db_url: str, inputs: list[Path], reference: dict[str, Any], threads: str
) -> None:
    def stop_after_two_batches(stats: IngestStats) -> None:
        if stats.reports_in >= 40:
            raise Interrupted

    with open_store(Settings(db=db_url)) as store:
        with pytest.raises(Interrupted):
            store.run(inputs, cluster=threads, batch_size=20, on_batch=stop_after_two_batches)
        kept = store.counts()["reports"]
        assert kept == 40
        resumed = store.run(inputs, cluster=threads, batch_size=20, incremental=True)
        assert resumed.ingest.unchanged == kept
        assert resumed.ingest.stored == len(reference["reports"]) - kept
        assert state(store) == reference


def test_reading_waits_for_results(threads: str) -> None:
    """Backpressure: with 2 chunks in flight, the client has read at most 3 chunks of
    input when the first result comes back, however long the input is."""
    read = 0

    def endless() -> Iterator[Report]:
        nonlocal read
        while True:
            read += 1
            yield Report(id=f"r{read}", text="Nothing happened in the town today.")

    pairs = cluster.extract_pairs_on_cluster(
        endless(), settings=Settings(), address=threads, chunk_reports=8, in_flight=2)
    first, extraction = next(pairs)
    assert first.id == "r1" and extraction.report_id == "r1" and extraction.error is None
    assert read <= 3 * 8
    pairs.close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_a_scheduler_that_does_not_answer_is_named_with_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 1.0)
    address = f"tcp://127.0.0.1:{_closed_port()}"
    result = CliRunner().invoke(app, ["run", str(ROOT / "examples"), "--db",
                                      f"sqlite:///{tmp_path / 's.sqlite'}", "--cluster", address])
    assert result.exit_code == 1
    assert f"error (cluster): the Dask scheduler at {address} does not answer" in result.output
    assert "dask scheduler" in result.output and "nothing was stored" in result.output


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with pytest.raises(ClusterError, match=r"tollwatch\[cluster\]"):
        cluster.connect("tcp://127.0.0.1:8786")


def test_workers_and_cluster_exclude_each_other(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(ROOT / "examples"), "--workers", "2",
                                      "--cluster", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 1
    assert "exclude each other" in result.output


def test_the_worker_plugin_is_named_by_the_settings() -> None:
    assert cluster.plugin_name(Settings()) == cluster.plugin_name(Settings())
    assert cluster.plugin_name(Settings()) != cluster.plugin_name(Settings(geocode=False))


def test_cluster_workers_keep_the_time_budget(
    threads: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report that stalls is rejected at `report_timeout_s` on a worker thread too, as
    in a local run; the reports around it are extracted."""
    from test_time_budget import BUDGET_S, GOOD, _check, _items, _stalling_stage

    _stalling_stage(monkeypatch)  # the threaded cluster's worker runs in this process
    settings = Settings(report_timeout_s=BUDGET_S)
    warm = [Report(f"warm-{i}", GOOD) for i in range(2)]  # the first extractions load lazily
    list(cluster.extract_pairs_on_cluster(warm, settings=settings, address=threads))
    _check([e for _, e in cluster.extract_pairs_on_cluster(
        _items(), settings=settings, address=threads, chunk_reports=2)])


def test_the_thread_budget_stops_a_loop_and_leaves_a_quick_call_alone() -> None:
    from tollwatch.cluster.worker import within_thread_budget
    from tollwatch.parallel import OverBudget

    outcome: dict[str, object] = {}

    def forever() -> None:
        count = 0
        while count >= 0:
            count += 1

    def in_a_thread() -> None:
        try:
            within_thread_budget(forever, 0.2)
        except OverBudget:
            outcome["stopped"] = True
        outcome["quick"] = within_thread_budget(lambda: 42, 0.2)
        deadline = threading.Event()
        deadline.wait(0.4)  # past the quick call's budget: nothing is raised later
        outcome["after"] = "fine"

    worker = threading.Thread(target=in_a_thread)
    worker.start()
    worker.join(timeout=20)
    assert outcome == {"stopped": True, "quick": 42, "after": "fine"}


def test_a_file_missing_on_the_workers_stops_the_run_with_its_error(
    threads: str, tmp_path: Path
) -> None:
    """The workers read the settings' files at the client's paths: one missing there is
    the loader's own error, in the client, before anything is stored."""
    missing = tmp_path / "actors.yaml"
    settings = Settings(db=f"sqlite:///{tmp_path / 's.sqlite'}", actors_file=str(missing))
    with open_store(settings) as store:
        with pytest.raises(SettingsError, match=r"actors_file .* cannot be read"):
            store.run([ROOT / "examples"], cluster=threads)
        assert store.counts()["reports"] == 0


def test_a_scheduler_without_workers_is_an_error_not_a_wait(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 1.0)
    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as empty:
        pairs = cluster.extract_pairs_on_cluster(
            [Report("r1", "Nothing happened.")], settings=Settings(),
            address=empty.scheduler_address)
        with pytest.raises(ClusterError, match=r"has no worker .* start some with `dask worker"):
            next(pairs)
