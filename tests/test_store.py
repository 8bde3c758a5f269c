"""The incident database: ingest, idempotency, replacement, rejections, audit, migrations.

Every test taking `store` or `db_url` runs on SQLite and on PostgreSQL (skipped
with a notice where no PostgreSQL server answers on 127.0.0.1:5432).
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from test_store_support import (
    extraction,
    incident,
    killed,
    place,
    seed_extraction,
)
from tollwatch.errors import StoreError
from tollwatch.records import Extraction, Rejection, Span, Toll
from tollwatch.settings import Settings, load_settings
from tollwatch.store import Store, open_store
from tollwatch.store import db as store_db
from tollwatch.store.ingest import storable
from tollwatch.store.models import (
    AuditRow,
    Base,
    EvidenceRow,
    FigureRow,
    IncidentPartRow,
    IncidentRow,
    RejectionRow,
    ReportRow,
)


def test_open_creates_schema_at_head(store: Store) -> None:
    assert store_db.current_revision(store.engine) == store_db.head_revision()
    assert store.counts() == {
        "reports": 0,
        "rejections": 0,
        "incidents": 0,
        "events": 0,
        "audit": 0,
    }


def _mapped(name: str | None, kind: str, _parent: object) -> bool:
    """The free-text index (migration 0009: an FTS5 table and its shadow tables on
    SQLite, trigram indexes on PostgreSQL) and the map's expression indexes (0010) are
    the database's, not the models'."""
    unmapped = ("events_search", "ix_events_search_", "ix_events_cell_", "ix_events_unplaced")
    return not (name or "").startswith(unmapped)


def test_migrations_create_exactly_the_models(store: Store) -> None:
    with store.engine.connect() as conn, warnings.catch_warnings():
        # SQLAlchemy does not reflect the map's expression indexes (and says so)
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        context = MigrationContext.configure(conn, opts={"include_name": _mapped})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_db_url_comes_from_settings_and_environment(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'env.sqlite'}"
    settings = load_settings(environ={"TOLLWATCH_DB": url})
    with open_store(settings) as opened:
        assert opened.url == url
    assert (tmp_path / "env.sqlite").exists()


def test_ingest_stores_report_incidents_figures_evidence(store: Store) -> None:
    ext = seed_extraction()
    stats = store.ingest([ext])
    assert (stats.reports_in, stats.stored, stats.incidents) == (1, 1, len(ext.incidents))
    with store.sessions() as session:
        report = session.scalars(select(ReportRow)).one()
        assert report.key == "seed" and report.outlet == "Test Wire"
        assert len(report.content_hash) == 64 and report.origin == "test:seed"
        rows = {r.local_id: r for r in session.scalars(select(IncidentRow))}
        assert rows["seed#1"].top_level and not rows["seed#2"].top_level
        assert not rows["seed#7"].top_level  # claims are never top-level
        parts = session.execute(select(IncidentPartRow)).scalars().all()
        assert len(parts) == 5
        of_koum = FigureRow.incident_id == rows["seed#3"].id
        figure = session.scalars(select(FigureRow).where(of_koum)).one()
        assert (figure.low, figure.best, figure.high, figure.outcome) == (15, 15, 15, "killed")
        evidence = session.scalars(select(EvidenceRow)).first()
        assert evidence is not None and evidence.text == report.text[evidence.start : evidence.end]


def test_same_reports_again_change_nothing(store: Store) -> None:
    store.ingest([seed_extraction()])
    store.match()
    before = store.counts()
    again = store.ingest([seed_extraction()])
    store.match()
    assert (again.unchanged, again.stored, again.replaced) == (1, 0, 0)
    assert store.counts() == before


def test_changed_text_replaces_incidents(store: Store) -> None:
    first = extraction("r1", [incident("r1#1", killed=killed(3))], text_="Three died.")
    store.ingest([first])
    second = extraction(
        "r1",
        [incident("r1#1", killed=killed(5)), incident("r1#2")],
        text_="Five died. Later, more.",
    )
    stats = store.ingest([second])
    assert stats.replaced == 1
    with store.sessions() as session:
        bests = sorted(f.best for f in session.scalars(select(FigureRow)) if f.best is not None)
        assert bests == [5]
        assert session.scalars(select(ReportRow)).one().text == "Five died. Later, more."
        actions = [a.action for a in session.scalars(select(AuditRow).order_by(AuditRow.id))]
    assert actions == ["report.insert", "report.replace"]


def test_rejections_are_stored_and_batch_goes_on(store: Store) -> None:
    items: list[Extraction | Rejection] = [
        Rejection("bad-1", "reports.jsonl:3", "line 3 is not JSON; each line must be an object"),
        extraction("ok-1", [incident("ok-1#1", killed=killed(2))]),
        Extraction("failed", [], error="text is empty", report=None),
    ]
    stats = store.ingest(items, batch_size=2)
    assert (stats.reports_in, stats.stored, stats.rejected) == (3, 1, 2)
    assert stats.consistent
    store.ingest(items)  # again: no duplicate rejection
    with store.sessions() as session:
        reasons = sorted(r.reason for r in session.scalars(select(RejectionRow)))
    assert len(reasons) == 2
    assert reasons[0].startswith("extraction failed: text is empty")


def test_a_rejected_report_that_later_reads_clears_its_rejection(store: Store) -> None:
    store.ingest([Rejection("r9", "r9", "unreadable")])
    store.ingest([extraction("r9", [])])
    assert store.counts()["rejections"] == 0 and store.counts()["reports"] == 1


def test_duplicate_incident_ids_in_one_report_are_refused(store: Store) -> None:
    bad = extraction("dup", [incident("dup#1"), incident("dup#1")])
    good = extraction("ok", [incident("ok#1")])
    stats = store.ingest([bad, good])
    assert (stats.stored, stats.rejected) == (1, 1)  # the report alone, not its batch
    with store.sessions() as session:
        reason = session.scalars(select(RejectionRow.reason)).one()
    assert "two incidents with id 'dup#1'" in reason


def test_audit_log_records_every_change(store: Store) -> None:
    store.ingest([seed_extraction()])
    store.match()
    with store.sessions() as session:
        actions = [a.action for a in session.scalars(select(AuditRow))]
    assert actions.count("report.insert") == 1
    assert actions.count("event.create") == store.counts()["events"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        pytest.param("not a url", "is not usable", id="garbage"),
        pytest.param("nosuchdb://x/y", "is not usable", id="unknown-dialect"),
        pytest.param("sqlite:////no/such/folder/x.sqlite", "does not exist", id="missing-folder"),
    ],
)
def test_bad_database_urls_say_how_to_fix(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(Settings(db=url))


def test_unreachable_server_is_a_store_error() -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:1/nothing?connect_timeout=1"
    with pytest.raises(StoreError, match="cannot be reached"):
        open_store(Settings(db=url))


def test_batch_size_must_be_positive(store: Store) -> None:
    with pytest.raises(StoreError, match="batch_size=0"):
        store.ingest([], batch_size=0)


counts = st.one_of(st.none(), st.integers(0, 500))


@st.composite
def tolls(draw: st.DrawFn) -> Toll | None:
    best = draw(counts)
    if best is None:
        return None
    low = draw(st.integers(0, best))
    high = draw(st.one_of(st.none(), st.integers(best, best + 100)))
    return Toll(low, best, high, draw(st.text(max_size=20)))


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One SQLite store for every example of the property test."""
    path = tmp_path_factory.mktemp("prop") / "prop.sqlite"
    with open_store(Settings(db=f"sqlite:///{path}")) as opened:
        yield opened


@settings(max_examples=40, deadline=None)
@given(text=st.text(min_size=1, max_size=200), toll=tolls(), n=st.integers(1, 3))
def test_round_trip_keeps_figures_and_evidence(
    shared_store: Store, text: str, toll: Toll | None, n: int
) -> None:
    key = uuid.uuid4().hex
    incidents = [
        incident(f"{key}#{i}", killed=toll, evidence=[Span(0, len(text))]) for i in range(n)
    ]
    shared_store.ingest([extraction(key, incidents, text_=text)])
    with shared_store.sessions() as session:
        report = session.scalars(select(ReportRow).where(ReportRow.key == key)).one()
        rows = list(session.scalars(select(IncidentRow).where(IncidentRow.report_id == report.id)))
        figures = [f for r in rows for f in r.figures]
        evidence = [e for r in rows for e in r.evidence]
    assert report.text == storable(text) and len(report.text) == len(text)
    if toll is None:
        assert figures == []
    else:
        assert {(f.low, f.best, f.high, f.text) for f in figures} == {
            (toll.low, toll.best, toll.high, storable(toll.text or ""))
        }
    assert all(e.text == storable(text) for e in evidence) and len(evidence) == n


def test_reports_keep_published_and_place(store: Store) -> None:
    ext = extraction("pl", [incident("pl#1", place=place("Palmyra"))], published="2020-01-02")
    store.ingest([replace(ext)])
    with store.sessions() as session:
        row = session.scalars(select(IncidentRow)).one()
        assert row.place is not None and row.place.admin1 == "Homs"
        assert str(row.report.published) == "2020-01-02"


def test_nul_and_lone_surrogates_are_stored_offsets_kept(store: Store) -> None:
    text = "Two\x00 died\ud800 in the raid."
    ext = extraction(
        "nul", [incident("nul#1", killed=killed(2), evidence=[Span(0, len(text))])], text_=text
    )
    assert store.ingest([ext]).stored == 1
    assert store.ingest([ext]).unchanged == 1  # the hash is of the text as given
    with store.sessions() as session:
        row = session.scalars(select(ReportRow)).one()
        assert len(row.text) == len(text) and "\x00" not in row.text
        assert row.text.startswith("Two\ufffd died\ufffd")


def test_database_from_a_newer_version_is_a_clear_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'future.sqlite'}"
    open_store(Settings(db=url)).close()
    engine = store_db.make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer tollwatch"):
        open_store(Settings(db=url))
