"""Incremental matching: after batches of new and revised reports, the events are
those of a full re-match (a full pass afterwards changes nothing), on both databases."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from test_store_support import IS, PLACES, actor, day, extraction, incident, killed, place
from tollwatch.records import Extraction
from tollwatch.store import Store
from tollwatch.store.models import EventRow, IncidentRow, ReportRow

ARMY_OF = actor("Government forces", "military", "state")


def synthetic(seed: int, events: int) -> list[Extraction]:
    """Reports of made-up events: each event told by 1 to 4 reports with tolls that
    differ a little, dates a day apart at most, some reports on two events."""
    rng = random.Random(seed)
    names = sorted(PLACES)
    told: list[list[Any]] = []
    for e in range(events):
        when = date(2019, 3, 1) + timedelta(days=rng.randrange(40))
        where, toll = rng.choice(names), 2 + rng.randrange(40)
        perp = rng.choice([IS, ARMY_OF])
        for r in range(1 + rng.randrange(4)):
            shift = timedelta(days=rng.choice([0, 0, 1]))
            told.append([f"e{e}r{r}", incident(
                "#1", date=day((when + shift).isoformat()), place=place(where),
                killed=killed(toll + rng.choice([0, 0, 1, 3])), perpetrator=perp)])
    rng.shuffle(told)
    out = []
    for n, (name, first) in enumerate(told):
        first = incident(f"{name}#1", **{k: getattr(first, k) for k in (
            "date", "place", "killed", "perpetrator")})
        parts = [first]
        if n % 7 == 0 and n + 1 < len(told):  # a second incident from another event
            other = told[n + 1][1]
            parts.append(incident(f"{name}#2", **{k: getattr(other, k) for k in (
                "date", "place", "killed", "perpetrator")}))
        out.append(extraction(name, parts, published=None))
    return out


def revised(item: Extraction, extra: int) -> Extraction:
    """The same report with its first toll raised (a new text)."""
    first = item.incidents[0]
    raised = incident(first.id, date=first.date, place=first.place, perpetrator=first.perpetrator,
                      killed=killed((first.killed.best or 0) + extra))
    return extraction(item.report_id, [raised, *item.incidents[1:]],
                      text_=f"Revised report {item.report_id}, toll {extra}.", published=None)


def snapshot(store: Store) -> list[tuple[Any, ...]]:
    """Each event: its members (report id, incident id) and its killed figures."""
    with store.sessions() as session:
        members: dict[int, list[tuple[str, str]]] = {}
        query = select(IncidentRow.event_id, ReportRow.report_id, IncidentRow.local_id).join(
            ReportRow, ReportRow.id == IncidentRow.report_id)
        for event_id, report_id, local in session.execute(query):
            members.setdefault(event_id, []).append((report_id, local))
        out = []
        for event in session.scalars(select(EventRow)):
            out.append((tuple(sorted(members.get(event.id, []))), event.killed_low,
                        event.killed_best, event.killed_high, event.counted, event.n_reports))
    return sorted(out)


@pytest.mark.parametrize("seed", [1, 2])
def test_incremental_after_batches_equals_a_full_rematch(store: Store, seed: int) -> None:
    items = synthetic(seed, 40)
    batches = [items[i : i + 15] for i in range(0, len(items), 15)]
    rng = random.Random(seed)
    for number, batch in enumerate(batches):
        stats = store.ingest(batch)
        store.match_incremental(stats)
        if number:  # revise a few reports stored earlier
            again = [revised(item, 5 + number) for item in rng.sample(items[: 15 * number], 3)]
            store.match_incremental(store.ingest(again))
    incremental = snapshot(store)
    assert len(incremental) > 20 and any(len(m[0]) > 1 for m in incremental)
    full = store.match()
    assert (full.created, full.updated, full.deleted) == (0, 0, 0)
    assert snapshot(store) == incremental


def test_incremental_touches_only_what_the_new_reports_reach(store: Store) -> None:
    items = synthetic(3, 30)
    store.match_incremental(store.ingest(items))
    with store.sessions() as session:
        before = {e.id: e.updated_at for e in session.scalars(select(EventRow))}
    extra = extraction("late-1", [incident(
        "late-1#1", date=day("2019-06-30"), place=place("Idlib"), killed=killed(4),
        perpetrator=IS)], published=None)
    stats = store.match_incremental(store.ingest([extra]))
    assert stats.incidents == 1 and stats.created == 1  # no other incident was in reach
    with store.sessions() as session:
        after = {e.id: e.updated_at for e in session.scalars(select(EventRow))}
    assert all(after[i] == t for i, t in before.items())


def test_nothing_touched_matches_nothing(store: Store) -> None:
    items = synthetic(4, 5)
    store.match_incremental(store.ingest(items))
    again = store.ingest(items)  # unchanged: nothing stored
    assert store.match_incremental(again).incidents == 0


def test_run_incremental_and_rematch_from_the_command_line(tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from tollwatch.cli import app

    (tmp_path / "a.txt").write_text(
        "Gunmen killed 12 civilians in an attack on a market in Maiduguri, Borno State, "
        "Nigeria, on Tuesday, officials said.", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'i.sqlite'}"
    runner = CliRunner()
    ran = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--incremental", "--db", db,
                              "--published", "2026-03-05"])
    assert ran.exit_code == 0, ran.output
    assert "created 1" in ran.output
    again = runner.invoke(app, ["rematch", "--db", db])
    assert again.exit_code == 0 and "created 0, updated 0, deleted 0" in again.output


VICTIMS = ["Ana Ruiz", "Karim Haddad", "Lena Okafor", "Omar Sayed", "Tariq Nouri"]


def mixed(seed: int, events: int, victims: list[str] = VICTIMS) -> list[Extraction]:
    """Reports that take every path of the candidate queries: places with and without
    a country, day, week and month dates, day ranges longer than LONG_SPAN_DAYS,
    claims attached to an incident, and named victims (person keys) in the text."""
    rng = random.Random(seed)
    names = [*sorted(PLACES), None]
    out: list[Extraction] = []
    for e in range(events):
        when = date(2019, 3, 1) + timedelta(days=rng.randrange(30))
        where, toll, perp = rng.choice(names), 2 + rng.randrange(30), rng.choice([IS, ARMY_OF])
        shape = rng.choice(["day", "day", "week", "month", "long"])
        victim = rng.choice(victims) if rng.random() < 0.3 else None
        for r in range(1 + rng.randrange(3)):
            start = when + timedelta(days=rng.choice([0, 0, 1]))
            if shape == "week":
                dated = day(start.isoformat(), "week", (start + timedelta(days=6)).isoformat())
            elif shape == "long":
                dated = day(start.isoformat(), "day", (start + timedelta(days=12)).isoformat())
            else:
                dated = day(start.isoformat(), "day" if shape == "day" else "month")
            name = f"m{e}r{r}"
            parts = [incident(f"{name}#1", date=dated, place=place(where),
                              killed=killed(toll + rng.choice([0, 1])), perpetrator=perp)]
            if rng.random() < 0.2:
                parts.append(incident(f"{name}#2", kind="claim", claim_of=f"{name}#1",
                                      date=dated, place=place(where), killed=killed(toll * 2),
                                      perpetrator=perp))
            words = f"Report {name} on an attack."
            if victim:
                words += f" Among the dead was {victim}, {20 + e % 40}."
            published = (start + timedelta(days=1)).isoformat() if r % 2 else None
            out.append(extraction(name, parts, text_=words, published=published))
    rng.shuffle(out)
    return out


def test_incremental_equals_a_full_rematch_on_every_candidate_path(store: Store) -> None:
    items = mixed(5, 60)
    for start in range(0, len(items), 20):
        store.match_incremental(store.ingest(items[start : start + 20]))
    incremental = snapshot(store)
    assert any(len(m[0]) > 1 for m in incremental)
    with store.sessions() as session:
        rows = list(session.scalars(select(IncidentRow)))
        assert any(r.date_long for r in rows) and any(r.match_country is None for r in rows)
        assert any(r.date_from is None for r in rows)  # month dates: not matchable by date
    full = store.match()
    assert (full.created, full.updated, full.deleted) == (0, 0, 0)
    assert snapshot(store) == incremental


# one person written two ways by two outlets ("Jon" / "Jonathan", "Karim" / "Kareem")
SPELLINGS = ["Jon Ruiz", "Jonathan Ruiz", "Karim Haddad", "Kareem Haddad", "Lena Okafor",
             "Lena Marie Okafor", "Omar Sayed", "Tariq Nouri"]


def test_incremental_equals_a_full_rematch_with_names_spelled_two_ways(store: Store) -> None:
    items = mixed(7, 60, SPELLINGS)
    for start in range(0, len(items), 15):
        store.match_incremental(store.ingest(items[start : start + 15]))
    incremental = snapshot(store)
    assert any(len(m[0]) > 1 for m in incremental)
    full = store.match()
    assert (full.created, full.updated, full.deleted) == (0, 0, 0)
    assert snapshot(store) == incremental


def test_match_columns_are_derived_at_write_time(store: Store) -> None:
    store.ingest([
        extraction("w1", [incident("w1#1", date=day("2019-03-04", "week", "2019-03-10"),
                                   place=place("Idlib"))]),
        extraction("w2", [incident("w2#1", date=day("2019-03-20", "day", "2019-03-02"),
                                   place=place(None))]),
        extraction("w3", [incident("w3#1", date=day("2019-03-01", "month", "2019-03-31"),
                                   place=place("Palmyra"))]),
    ])
    with store.sessions() as session:
        found = {r.local_id: (r.match_country, r.date_from, r.date_to, r.date_long)
                 for r in session.scalars(select(IncidentRow))}
    assert found == {
        "w1#1": ("SY", date(2019, 3, 4), date(2019, 3, 10), False),
        "w2#1": (None, date(2019, 3, 2), date(2019, 3, 20), True),  # reversed, 18 days
        "w3#1": ("SY", None, None, False),  # a month: never matched by date
    }


def test_migration_0009_fills_the_columns_of_stored_rows(db_url: str) -> None:
    """Down to 0008 and up again: the data migration gives what writing gives."""
    from alembic import command

    from tollwatch.settings import Settings
    from tollwatch.store import db as store_db
    from tollwatch.store import open_store

    with open_store(Settings(db=db_url)) as opened:
        opened.ingest(mixed(6, 25))
        columns = (IncidentRow.id, IncidentRow.match_country, IncidentRow.date_from,
                   IncidentRow.date_to, IncidentRow.date_long)
        with opened.sessions() as session:
            written = sorted(tuple(r) for r in session.execute(select(*columns)))
        config = store_db.alembic_config(db_url)
        command.downgrade(config, "0008_sources")
        assert store_db.current_revision(opened.engine) == "0008_sources"
        assert store_db.upgrade(opened.engine) == store_db.head_revision()
        with opened.sessions() as session:
            migrated = sorted(tuple(r) for r in session.execute(select(*columns)))
    assert len(written) > 25 and migrated == written


def test_candidate_query_by_date_is_served_by_the_index(sqlite_store: Store) -> None:
    """EXPLAIN QUERY PLAN of the date query: index searches, never a scan of incidents
    (docs/matching.md has the PostgreSQL plans at 1M incidents)."""
    from tollwatch.store.candidates import _dated_statement

    with sqlite_store.engine.connect() as conn:
        for known in (True, False):
            compiled = _dated_statement(known).compile(conn)
            values = tuple("2019-03-01" for _ in compiled.positiontup or ())
            plan = " | ".join(str(r[-1]) for r in conn.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {compiled}", values))
            assert "ix_incidents_match" in plan, plan
            assert "SCAN incidents" not in plan and "SCAN i " not in plan, plan


def test_run_incremental_looks_stored_reports_up_by_key(store: Store, tmp_path: Any) -> None:
    """`run --incremental` asks the store for its input's keys (`Store.stored_hashes`),
    not for every stored report: a report stored with the same text is not extracted again."""
    from tollwatch.store.ingest import content_hash

    store.ingest([extraction("k1", [incident("k1#1", date=day("2019-03-02"))],
                             text_="Four died in Idlib.")])
    known = store.stored_hashes(["k1", "k2"])
    assert known.get("k1") == content_hash("Four died in Idlib.")
    assert "k2" not in known and known.get("k2") is None
    (tmp_path / "a.txt").write_text("Gunmen killed 12 civilians in Maiduguri, Borno State, "
                                    "Nigeria, on Tuesday.", encoding="utf-8")
    first = store.run([tmp_path / "a.txt"], published=date(2026, 3, 5), incremental=True)
    again = store.run([tmp_path / "a.txt"], published=date(2026, 3, 5), incremental=True)
    assert first.ingest.stored == 1
    assert (again.ingest.stored, again.ingest.unchanged) == (0, 1)
