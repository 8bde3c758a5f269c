"""The one runner over many reports (tollwatch.parallel): order, rejections, crashes,
bounded reading, the pool's memory figures."""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import count, islice
from pathlib import Path
from typing import Any, cast

import pytest

from tollwatch import parallel, pipeline
from tollwatch.errors import SettingsError
from tollwatch.parallel import PoolStats, extract_many, extract_pairs
from tollwatch.pipeline import Resources
from tollwatch.read.files import read_paths
from tollwatch.records import Extraction, Rejection, Report
from tollwatch.settings import Settings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
INTERNAL = "internal error while extracting"


def mixed_items() -> list[Report | Rejection]:
    """The example reports with two rejections and a violent report of our own, interleaved."""
    items: list[Report | Rejection] = list(read_paths([EXAMPLES]))
    items.insert(0, Rejection("bad-0", "input.jsonl:1", "line 1 is not JSON; fix the line"))
    items.insert(5, Rejection("bad-5", "input.jsonl:6", "line 6 has no text; add one"))
    items.append(Report("own-1", "Gunmen killed four farmers near a well on Sunday, police said."))
    return items


def ids(extractions: list[Extraction]) -> list[str]:
    return [e.report_id for e in extractions]


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of two items, so a handful of reports spreads over several chunks."""
    monkeypatch.setattr(parallel, "CHUNK_REPORTS", 2)


@pytest.mark.usefixtures("small_chunks")
def test_one_and_two_workers_give_the_same_extractions_in_input_order(
    settings: Settings, resources: Resources
) -> None:
    items = mixed_items()
    one = list(extract_many(items, settings=settings, workers=1, resources=resources))
    two = list(extract_many(items, settings=settings, workers=2, resources=resources))
    assert ids(one) == [item.id for item in items]
    assert two == one
    assert any(e.incidents for e in one)  # not trivially equal: something was found


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize("workers", [1, 2], ids=["one-process", "pool"])
def test_rejections_pass_through_in_place(
    settings: Settings, resources: Resources, workers: int
) -> None:
    items = mixed_items()
    pairs = list(extract_pairs(items, settings=settings, workers=workers, resources=resources))
    assert [item for item, _ in pairs] == items
    rejected = [(item, e) for item, e in pairs if isinstance(item, Rejection)]
    assert [item.id for item, _ in rejected] == ["bad-0", "bad-5"]
    for item, extraction in rejected:
        assert extraction == Extraction(report_id=item.id, error=item.error)


@pytest.mark.parametrize("workers", [1, 2], ids=["one-process", "pool"])
@pytest.mark.parametrize("keep", [True, False], ids=["keep-reports", "drop-reports"])
def test_reports_are_kept_or_dropped_as_asked(
    settings: Settings, resources: Resources, workers: int, keep: bool
) -> None:
    items = mixed_items()
    pairs = extract_pairs(
        items, settings=settings, workers=workers, resources=resources, keep_reports=keep
    )
    for item, extraction in pairs:
        if isinstance(item, Report):
            # the caller's own object comes back: the text does not cross processes twice
            assert (extraction.report is item) if keep else extraction.report is None


def test_a_crashing_stage_becomes_an_error_and_the_run_goes_on(
    settings: Settings, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.extract

    def flaky(report: Report, **kwargs: Any) -> Extraction:
        if report.id == "ex-03-update":
            raise KeyError("sentence")
        return real(report, **kwargs)

    monkeypatch.setattr(pipeline, "extract", flaky)
    items = mixed_items()
    out = list(extract_many(items, settings=settings, workers=1, resources=resources))
    assert ids(out) == [item.id for item in items]
    (crashed,) = [e for e in out if e.report_id == "ex-03-update"]
    assert crashed.error is not None and crashed.error.startswith(f"{INTERNAL}: KeyError")
    assert crashed.error.endswith("please report it")
    assert crashed.report is not None and crashed.report.id == "ex-03-update"
    assert [e.report_id for e in out if e.error] == ["bad-0", "bad-5", "ex-03-update"]


@pytest.mark.usefixtures("small_chunks")
def test_a_crash_inside_a_worker_becomes_an_error_too(
    settings: Settings, resources: Resources
) -> None:
    # A report whose text is not text makes the pipeline raise TypeError in any process,
    # however the workers were started (a replaced function would not reach a spawned one).
    broken = Report("broken", cast(str, None))
    items = [*mixed_items()[:4], broken, *mixed_items()[4:]]
    out = list(extract_many(items, settings=settings, workers=2, resources=resources))
    assert ids(out) == [item.id for item in items]
    (crashed,) = [e for e in out if e.report_id == "broken"]
    assert crashed.error is not None and crashed.error.startswith(f"{INTERNAL}: TypeError")
    assert crashed.report is broken
    assert [e.report_id for e in out if e.error] == ["bad-0", "broken", "bad-5"]


@pytest.mark.usefixtures("small_chunks")
def test_pool_stats_get_a_peak_for_each_worker(settings: Settings, resources: Resources) -> None:
    stats = PoolStats()
    items = mixed_items()
    out = list(extract_many(items, settings=settings, workers=2, resources=resources, stats=stats))
    assert len(out) == len(items)
    assert 1 <= len(stats.worker_peak_mb) <= 2
    assert os.getpid() not in stats.worker_peak_mb
    assert all(peak > 1.0 for peak in stats.worker_peak_mb.values())
    assert stats.total_mb == sum(stats.worker_peak_mb.values())


def test_one_process_records_no_pool_stats(settings: Settings, resources: Resources) -> None:
    stats = PoolStats()
    list(extract_many(mixed_items(), settings=settings, workers=1, resources=resources,
                      stats=stats))
    assert stats.worker_peak_mb == {}


def endless(pulled: list[int]) -> Iterator[Report]:
    for number in count():
        pulled.append(number)
        yield Report(f"r{number}", f"Report {number}: the council met on Tuesday.")


@pytest.mark.parametrize("workers", [1, 2], ids=["one-process", "pool"])
def test_input_is_read_as_results_are_used_and_an_early_stop_ends_the_pool(
    settings: Settings, resources: Resources, workers: int
) -> None:
    pulled: list[int] = []
    run = extract_many(endless(pulled), settings=settings, workers=workers, resources=resources)
    first = list(islice(run, 3))
    run.close()  # stops the pool; pending chunks are cancelled
    assert ids(first) == ["r0", "r1", "r2"]
    bound = parallel.CHUNK_REPORTS * (1 + parallel.IN_FLIGHT_PER_WORKER * workers)
    assert len(pulled) <= bound


def test_chunks_are_cut_by_characters_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 100)
    reports = [Report(f"r{n}", "x" * 60) for n in range(5)]
    chunks = list(parallel._chunks(reports, None, max_items=16))
    assert [len(chunk.todo) for chunk in chunks] == [2, 2, 1]


def test_skipped_reports_are_not_extracted(
    settings: Settings, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real = pipeline.extract

    def counting(report: Report, **kwargs: Any) -> Extraction:
        seen.append(report.id)
        return real(report, **kwargs)

    monkeypatch.setattr(pipeline, "extract", counting)
    items = mixed_items()
    out = list(extract_many(items, settings=settings, workers=1, resources=resources,
                            skip=lambda report: report.id.startswith("ex-0")))
    assert ids(out) == [item.id for item in items]
    assert seen and not any(report_id.startswith("ex-0") for report_id in seen)
    skipped = [e for e in out if e.report_id.startswith("ex-0")]
    assert skipped and all(e.incidents == [] and e.error is None and e.report for e in skipped)


@pytest.mark.parametrize("workers", [1, 2], ids=["one-process", "pool"])
def test_resources_that_cannot_load_raise_in_the_caller(workers: int) -> None:
    broken = Settings(actors_file="/nonexistent/actors.yaml")
    with pytest.raises(SettingsError, match="actors_file"):
        list(extract_many([Report("r1", "Two people were killed.")], settings=broken,
                          workers=workers))


def test_workers_default_to_the_setting_and_must_be_positive(resources: Resources) -> None:
    with pytest.raises(SettingsError, match="workers=0"):
        list(extract_many([], settings=Settings(workers=0)))
    with pytest.raises(SettingsError, match="workers=0"):
        list(extract_many([], settings=Settings(), workers=0))
    out = list(extract_many([Report("r1", "Nothing happened.")], settings=Settings(workers=1),
                            resources=resources))
    assert ids(out) == ["r1"]


@pytest.mark.usefixtures("small_chunks")
def test_spawned_workers_load_their_own_resources_and_give_the_same_result(
    settings: Settings, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What happens when this process runs other threads: no fork, everything pickled.
    import multiprocessing

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    monkeypatch.setattr(parallel, "start_context", lambda: multiprocessing.get_context(method))
    items = [*mixed_items(), Report("broken", cast(str, None))]
    stats = PoolStats()
    spawned = list(extract_many(items, settings=settings, workers=2, stats=stats))
    one = list(extract_many(items, settings=settings, workers=1, resources=resources))
    assert spawned == one and ids(spawned) == [item.id for item in items]
    assert spawned[-1].error is not None and INTERNAL in spawned[-1].error
    assert stats.worker_peak_mb and os.getpid() not in stats.worker_peak_mb


KILLED_CALLER = """
import sys, time
from itertools import count
from tollwatch.parallel import PoolStats, extract_many
from tollwatch.records import Report
from tollwatch.settings import Settings

stats = PoolStats()
endless = (Report(f"r{n}", "The council met on Tuesday.") for n in count())
for extraction in extract_many(endless, settings=Settings(), workers=2, stats=stats):
    if stats.worker_peak_mb:
        print(" ".join(map(str, stats.worker_peak_mb)), flush=True)
        time.sleep(60)
"""


def gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in {"Z", "X"}  # a zombie has ended; reaping it is its new parent's work


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_workers_end_when_their_caller_is_killed() -> None:
    import signal
    import subprocess
    import sys
    import time

    caller = subprocess.Popen([sys.executable, "-c", KILLED_CALLER], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert caller.stdout is not None
        workers = [int(pid) for pid in caller.stdout.readline().split()]
        assert workers and not any(gone(pid) for pid in workers)
    finally:
        caller.send_signal(signal.SIGKILL)
        caller.wait()
    deadline = time.monotonic() + 20 * parallel.PARENT_CHECK_SECONDS
    while not all(gone(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(gone(pid) for pid in workers)
