"""The time budget of one report (issue 11, item 5): a report whose extraction runs
longer than `report_timeout_s` is rejected with its reason, and the run goes on.

A stage is replaced by one that stalls on reports holding the word STALL (a busy loop
that swallows every `Exception`, as a careless stage would): a working budget ends it
at once; a broken one lets it finish after STALL_S seconds and extract the report,
failing the test rather than hanging it. The budget (1 s) is far above what a short
report takes and far below STALL_S; it is not a speed measure.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tollwatch import parallel, pipeline
from tollwatch.parallel import (
    OverBudget,
    budget_available,
    extract_many,
    over_budget_message,
    within_budget,
)
from tollwatch.pipeline import Resources
from tollwatch.records import Extraction, Report
from tollwatch.settings import Settings
from tollwatch.store import open_store

BUDGET_S = 1.0  # far above what a short report takes, even on a busy machine
STALL_S = 20.0  # how long the stalling stage runs when nothing stops it
SHORT_S = 0.1  # a budget for calls that do not extract

GOOD = "Gunmen killed four farmers near a well in Gwoza on Sunday, police said."


def _stalling_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.incidents_stage.build_incidents

    def stall(clean: Any, mentions: Any, report: Report, settings: Settings) -> Any:
        if "STALL" in report.text:
            until = time.monotonic() + STALL_S
            while time.monotonic() < until:
                with contextlib.suppress(Exception):  # a careless stage swallows errors
                    sum(range(1_000))
        return real(clean, mentions, report, settings)

    monkeypatch.setattr(pipeline.incidents_stage, "build_incidents", stall)


def _items() -> list[Report]:
    return [
        Report("before", GOOD),
        Report("stalls", f"STALL. {GOOD}"),
        Report("after", GOOD.replace("four", "six")),
    ]


def _check(out: list[Extraction]) -> None:
    assert [e.report_id for e in out] == ["before", "stalls", "after"]
    by_id = {e.report_id: e for e in out}
    assert by_id["stalls"].error == over_budget_message(BUDGET_S)
    assert not by_id["stalls"].incidents
    for good in ("before", "after"):
        assert by_id[good].error is None
        assert by_id[good].incidents, good


def test_a_stalling_report_is_rejected_and_the_rest_of_the_batch_lands(
    resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stalling_stage(monkeypatch)
    settings = Settings(report_timeout_s=BUDGET_S)
    _check(list(extract_many(_items(), settings=settings, workers=1, resources=resources)))
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no timer left running


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_pool_workers_keep_the_budget_too(
    resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stalling_stage(monkeypatch)  # forked workers inherit the replaced stage
    monkeypatch.setattr(parallel, "start_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(parallel, "CHUNK_REPORTS", 2)
    settings = Settings(report_timeout_s=BUDGET_S)
    _check(list(extract_many(_items(), settings=settings, workers=2, resources=resources)))


def test_the_store_keeps_the_reason_and_stores_the_others(
    tmp_path: Path, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stalling_stage(monkeypatch)
    folder = tmp_path / "reports"
    folder.mkdir()
    for item in _items():
        (folder / f"{item.id}.txt").write_text(item.text, encoding="utf-8")
    settings = Settings(db=f"sqlite:///{tmp_path / 'budget.sqlite'}", report_timeout_s=BUDGET_S)
    with open_store(settings) as store:
        summary = store.run([folder], resources=resources, workers=1)
        rejections = store.rejections()
    assert (summary.ingest.stored, summary.ingest.rejected) == (2, 1)
    (rejection,) = rejections
    assert rejection.key.endswith("stalls.txt")
    assert "longer than the time budget (report_timeout_s=1 s)" in rejection.reason


def test_a_budget_of_zero_is_no_budget() -> None:
    def timer_left() -> float:
        return signal.getitimer(signal.ITIMER_REAL)[0]

    assert not budget_available(0)
    assert within_budget(timer_left, 0) == 0.0
    assert 0.0 < within_budget(timer_left, 5.0) <= 5.0


def test_the_budget_ends_a_backtracking_regular_expression() -> None:
    import re

    with pytest.raises(OverBudget):
        within_budget(lambda: re.match(r"(a+)+$", "a" * 40 + "!"), SHORT_S)


def test_the_timer_and_handler_are_restored() -> None:
    previous = signal.getsignal(signal.SIGALRM)
    assert within_budget(lambda: 42, 5.0) == 42
    with pytest.raises(OverBudget):
        within_budget(lambda: time.sleep(STALL_S), SHORT_S)
    assert signal.getsignal(signal.SIGALRM) is previous
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_timer_already_running_is_left_alone() -> None:
    """Someone else's interval timer (a test's bound) is neither replaced nor stopped."""
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    signal.setitimer(signal.ITIMER_REAL, 100.0)
    try:
        assert not budget_available(BUDGET_S)
        assert within_budget(lambda: signal.getitimer(signal.ITIMER_REAL)[0], BUDGET_S) > 99
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 99
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert not fired


def test_outside_the_main_thread_the_call_runs_without_a_budget() -> None:
    results: list[object] = []

    def run() -> None:
        results.append(budget_available(BUDGET_S))
        results.append(within_budget(lambda: "done", BUDGET_S))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert results == [False, "done"]
