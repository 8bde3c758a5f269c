"""One report that cannot be stored is rejected alone, with its reason; the rest of its
batch lands, and a re-run is not blocked (issue 11, item 2). SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from test_store_support import actor, extraction, incident, killed, place, source
from tollwatch.pipeline import Resources
from tollwatch.records import MAX_PLAUSIBLE_TOLL, Extraction, Span, Toll
from tollwatch.store import Store
from tollwatch.store.models import FigureRow, RejectionRow, ReportRow

SURROGATE = "\ud800"


def _good(n: int) -> list[Extraction]:
    return [extraction(f"good-{i}", [incident(f"good-{i}#1", killed=killed(i + 1))])
            for i in range(n)]


def _with_report(ext: Extraction, **fields: object) -> Extraction:
    assert ext.report is not None
    return Extraction(ext.report_id, ext.incidents, report=replace(ext.report, **fields))


def _toll(value: int) -> Extraction:
    toll = Toll(value, value, value, f"killed {value} villagers", Span(0, 10))
    return extraction(f"toll-{value}", [incident("t#1", killed=toll)])


BAD = {
    "toll 2^31 (PostgreSQL INTEGER)": _toll(3_000_000_000),
    "toll 2^63 (SQLite INTEGER)": _toll(2**63),
    "toll just above the bound": _toll(MAX_PLAUSIBLE_TOLL + 1),
    "NUL in the id": extraction("bad\x00id", [incident("n#1")]),
    "lone surrogate in the id": extraction(f"bad{SURROGATE}id", [incident("s#1")]),
    "id of 1,001 characters": extraction("i" * 1001, [incident("i#1")]),
    "two incidents with one id": extraction("twice", [incident("d#1"), incident("d#1")]),
    "offset beyond 2^31": extraction("far", [incident("f#1", evidence=[Span(0, 2**31)])]),
    "geonameid beyond 2^31": extraction(
        "geo", [incident("g#1", place=place("Idlib", geonameid=2**40))]),
    "latitude NaN": extraction("nan", [incident("x#1", place=place("Idlib", lat=float("nan")))]),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_a_bad_report_is_rejected_alone(store: Store, case: str) -> None:
    items = [*_good(3), BAD[case], *_good(6)[3:]]
    stats = store.ingest(items, batch_size=100)
    assert (stats.stored, stats.rejected) == (6, 1), case
    with store.sessions() as session:
        reason = session.scalars(select(RejectionRow.reason)).one()
    assert reason and "internal error" not in reason
    again = store.ingest(items, batch_size=100)  # a re-run is not blocked either
    assert (again.unchanged, again.rejected) == (6, 1)
    assert store.counts()["rejections"] == 1


def test_absurd_tolls_name_the_bound(store: Store) -> None:
    store.ingest([_toll(3_000_000_000)])
    with store.sessions() as session:
        reason = session.scalars(select(RejectionRow.reason)).one()
    assert "3000000000" in reason and "plausibility bound of 100,000,000" in reason
    assert "killed 3000000000 villagers" in reason


def test_the_bound_itself_is_stored(store: Store) -> None:
    stats = store.ingest([_toll(MAX_PLAUSIBLE_TOLL)])
    assert stats.stored == 1
    with store.sessions() as session:
        assert session.scalars(select(FigureRow.best)).one() == MAX_PLAUSIBLE_TOLL


def test_a_1000_character_id_is_stored(store: Store) -> None:
    long_id = "L" * 1000
    stats = store.ingest([extraction(long_id, [incident(f"{long_id}#1")]), *_good(2)])
    assert stats.stored == 3
    with store.sessions() as session:
        row = session.scalars(select(ReportRow).where(ReportRow.report_id == long_id)).one()
    assert len(row.key.encode()) <= 900 and row.key.startswith("LLLL")
    assert store.ingest([extraction(long_id, [incident(f"{long_id}#1")])]).unchanged == 1


def test_nul_and_lone_surrogates_in_every_field_are_stored_replaced(store: Store) -> None:
    dirty = f"A{SURROGATE}B\x00C"
    ext = extraction("dirty", [incident(
        "dirty#1",
        killed=Toll(4, 4, 4, f"four {dirty}", Span(0, 4)),
        victim_text=dirty,
        perpetrator=actor(f"Group {dirty}", "rebel"),
        source=replace(source(f"Monitor {dirty}", "monitor"), via=dirty),
        place=place(f"Town {dirty}", text=dirty),
    )], text_=f"Four {dirty} died.")
    ext = _with_report(ext, title=dirty, outlet=dirty, url=f"https://example.org/{dirty}")
    stats = store.ingest([ext, *_good(2)])
    assert (stats.stored, stats.rejected) == (3, 0)
    with store.sessions() as session:
        row = session.scalars(select(ReportRow).where(ReportRow.key == "dirty")).one()
        clean = "A\ufffdB\ufffdC"
        assert (row.title, row.outlet) == (clean, clean)
        assert row.url is not None and row.url.endswith(clean)
        assert row.text == f"Four {clean} died."  # one for one: offsets stay valid
        incident_row = row.incidents[0]
        assert incident_row.victim_text == clean and incident_row.source_via == clean
        assert incident_row.perpetrator is not None and clean in incident_row.perpetrator.name


def test_bad_jsonl_records_from_the_reader_do_not_stop_a_run(
    store: Store, resources: Resources, tmp_path: Path
) -> None:
    good = [{"id": f"ok-{i}", "text": f"Gunmen killed {i + 2} villagers in Gwoza on Monday."}
            for i in range(5)]
    bad = [
        {"id": "nul\u0000id", "text": "Gunmen killed 3 villagers in Gwoza."},
        {"id": "sur\ud800id", "text": "Gunmen killed 3 villagers in Gwoza."},
        {"id": "fields", "text": "Gunmen killed 3 villagers.", "title": "T\u0000\ud800",
         "outlet": "O\u0000", "url": "https://example.org/\ud800"},
        {"id": "x" * 1000, "text": "Gunmen killed 5 villagers in Gwoza."},
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "".join(json.dumps(r) + "\n" for r in [*good[:2], *bad, *good[2:]]), encoding="utf-8"
    )
    summary = store.run([path], resources=resources)
    assert summary.ingest.consistent
    assert (summary.ingest.stored, summary.ingest.rejected) == (7, 2)
    with store.sessions() as session:
        reasons = sorted(session.scalars(select(RejectionRow.reason)))
    assert "NUL character" in reasons[0] and "lone surrogate" in reasons[1]


def test_a_value_the_database_refuses_rejects_that_report_alone(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the checks made before writing, the database's own refusal is caught: the
    batch is stored again one report per transaction, the refused one rejected."""
    monkeypatch.setattr("tollwatch.store.batch.unstorable", lambda _extraction: None)
    items = [*_good(2), _toll(2**63), *_good(4)[2:]]
    stats = store.ingest(items, batch_size=100)
    assert (stats.stored, stats.rejected, stats.reports_in) == (4, 1, 5)
    with store.sessions() as session:
        reason = session.scalars(select(RejectionRow.reason)).one()
    assert reason.startswith("the database refused the report: a value does not fit its column")
