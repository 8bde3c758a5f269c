"""The events list's free text on its index (store/search.py, migration 0009), on SQLite
and PostgreSQL: the same answers as a plain substring test, kept current by every write."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from alembic import command
from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from test_store_support import seed_extraction
from tollwatch.store import Store, review
from tollwatch.store import db as store_db
from tollwatch.store.browse import EventFilter, list_events
from tollwatch.store.models import EventRow
from tollwatch.store.search import SEARCHED, text_match

STAMP = datetime(2026, 1, 1)
TEXTS: list[dict[str, Any]] = [
    {"location": "Maiduguri", "admin1": "Borno", "perpetrator": "Boko Haram",
     "victim": "villagers", "sources": "Reuters; local officials"},
    {"location": "Mogadishu", "admin1": "Banadir", "perpetrator": "al-Shabaab",
     "victim": None, "sources": "AFP"},
    {"location": "Gao", "admin1": "Gao", "perpetrator": "JNIM", "victim": "soldiers",
     "sources": None},
    {"location": "Rue 100% \"libre\"", "admin1": None, "perpetrator": "under_score gang",
     "victim": "Écoliers", "sources": "Radio Bamako"},
    {"location": None, "admin1": None, "perpetrator": None, "victim": None, "sources": None},
]  # fmt: skip
QUERIES = [
    "borno", "BOKO HARAM", "shabaab", "al-Sh", "gao", "ao", "g", "reuters; local",
    "100%", '"libre"', "under_score", "der_sc", "_", "%", "AND", "NEAR(a b)", "*",
    "villagers soldiers", "Écoliers", "radio", "o", "zz", "nowhere at all",
]  # fmt: skip


def _event(i: int, **texts: Any) -> dict[str, Any]:
    return {
        "id": i, "kind": "incident", "counted": True, "date_start": date(2024, 1, i),
        "date_end": None, "date_precision": "day", "country": "NG", "lat": None, "lon": None,
        "place_precision": "point", "event_type": "battle", "killed_low": i,
        "killed_best": i, "killed_high": i, "n_reports": 1, "toll_rule": "tolls.event.v1",
        "created_at": STAMP, "updated_at": STAMP, **texts,
    }  # fmt: skip


def _found(store: Store, q: str) -> list[int]:
    with store.sessions() as session:
        page = list_events(session, EventFilter(q=q), sort="id", descending=False, per_page=500)
    return [e["id"] for e in page.events]


def _expected(rows: list[dict[str, Any]], q: str) -> list[int]:
    """The definition: `q` (stripped), case-insensitively, inside one searched column."""
    needle = q.strip().lower()
    names = [c.key for c in SEARCHED]
    return [r["id"] for r in rows if any(needle in (r[n] or "").lower() for n in names)]


def _fill(store: Store) -> list[dict[str, Any]]:
    rows = [_event(i + 1, **texts) for i, texts in enumerate(TEXTS)]
    with store.writing() as session:
        session.execute(insert(EventRow), rows)
    return rows


def test_free_text_is_a_substring_of_one_column(store: Store) -> None:
    rows = _fill(store)
    for q in QUERIES:
        assert _found(store, q) == _expected(rows, q), q
    assert _found(store, "Maiduguri") == [1]
    assert _found(store, "ecoliers") == []  # accents are kept: "É" is not "E"
    assert _found(store, "écoliers") == [4]  # ... but case is folded beyond ASCII
    assert _found(store, "villagers soldiers") == []  # one text, not two words


def test_the_index_follows_every_write(store: Store) -> None:
    rows = _fill(store)
    with store.writing() as session:
        session.execute(update(EventRow).where(EventRow.id == 2).values(location="Kismayo"))
        session.execute(update(EventRow).where(EventRow.id == 3).values(killed_best=9))
        session.execute(delete(EventRow).where(EventRow.id == 1))
        session.execute(insert(EventRow), [_event(6, location="Kismayo port")])
    assert _found(store, "kismayo") == [2, 6]
    assert _found(store, "mogadishu") == []
    assert _found(store, "borno") == []
    assert _found(store, "JNIM") == [3]
    with store.writing() as session:
        session.execute(update(EventRow).where(EventRow.id == 6).values(id=16))
    assert _found(store, "kismayo port") == [16]
    assert rows  # (filled once)


def _agrees_with_the_table(store: Store, queries: list[str]) -> None:
    """Every query finds exactly the events whose current columns hold it."""
    names = [c.key for c in SEARCHED]
    with store.sessions() as session:
        rows = [{"id": e.id, **{n: getattr(e, n) for n in names}}
                for e in session.scalars(select(EventRow).order_by(EventRow.id))]  # fmt: skip
    for q in queries:
        assert _found(store, q) == _expected(rows, q), q


def test_reviews_merges_and_splits_keep_the_index(store: Store) -> None:
    store.ingest([seed_extraction()])
    store.match()
    queries = ["qwertyville", "koum", "idlib", "mayadin", "obs", "syrian"]
    with store.sessions() as session:
        ids = list(session.scalars(select(EventRow.id).order_by(EventRow.id)))
    with store.writing() as session:
        review.act(session, ids[-1], "correct", "amina", field="location", value="Qwertyville")
    assert _found(store, "qwertyvil") == [ids[-1]]
    _agrees_with_the_table(store, queries)
    store.match()  # re-matching rebuilds the events: the reviewed place stays searchable
    assert len(_found(store, "qwertyville")) == 1
    _agrees_with_the_table(store, queries)
    with store.writing() as session:
        review.act(session, ids[0], "merge", "amina", other=ids[1])
    _agrees_with_the_table(store, queries)
    with store.writing() as session:
        review.act(session, ids[1], "split", "amina")  # undoes the merge
    _agrees_with_the_table(store, queries)
    with store.writing() as session:
        review.act(session, ids[-1], "not_incident", "amina")
    _agrees_with_the_table(store, queries)


def test_the_migration_indexes_existing_events(store: Store) -> None:
    config = store_db.alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0008_sources")
    try:
        rows = _fill(store)  # written while there is no index
    finally:
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    assert _found(store, "shabaab") == _expected(rows, "shabaab") == [2]
    assert _found(store, "GAO") == [3]


def test_the_condition_uses_each_database_index() -> None:
    on_sqlite = str(text_match("gao").compile(dialect=sqlite.dialect()))
    assert "events_search MATCH" in on_sqlite and "LIKE" not in on_sqlite
    on_pg = str(text_match("gao").compile(dialect=postgresql.dialect()))
    assert on_pg.count("ILIKE") == len(SEARCHED) and "events_search" not in on_pg
    short = str(text_match("ga").compile(dialect=sqlite.dialect()))  # no trigram in 2 letters
    assert "MATCH" not in short and "LIKE" in short


@pytest.mark.parametrize("q", ["", "   "])
def test_blank_text_filters_nothing(store: Store, q: str) -> None:
    rows = _fill(store)
    assert _found(store, q) == [r["id"] for r in rows]


def test_odd_texts_through_the_api(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher
    from fastapi.testclient import TestClient

    from tollwatch.store import users as accounts
    from tollwatch.web import create_app

    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=64))
    rows = _fill(store)
    with store.writing() as session:
        accounts.add_user(session, "v", "viewer", "a long enough secret")
        token = accounts.new_token(session, "v")
    client = TestClient(create_app(store))
    headers = {"Authorization": f"Bearer {token}"}
    for q in ('"libre', "NEAR(", "^gao", "gao*", "' OR 1=1 --", "\\", "x" * 300):
        answer = client.get("/api/events", params={"q": q}, headers=headers)
        assert answer.status_code == 200, (q, answer.text)
        found = [e["id"] for e in answer.json()["events"]]
        assert found == sorted(_expected(rows, q[:200]), reverse=True), q  # newest first
    answer = client.get("/api/events", params={"q": "ga\x00o"}, headers=headers)
    assert answer.status_code == 400 and "q" in answer.json()["detail"]
