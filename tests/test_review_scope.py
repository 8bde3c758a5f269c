"""Reviews after an incremental match: only the rebuilt events' reviews are applied,
and the store ends as a full re-match (which applies every review) leaves it."""

from __future__ import annotations

from typing import Any

from test_store_support import IS, day, extraction, incident, killed, place
from tollwatch.records import Extraction
from tollwatch.store import Store, review
from tollwatch.store.models import EventRow
from tollwatch.store.review_models import ReviewRow


def _report(key: str, toll: int, where: str, when: str) -> Extraction:
    member = incident(f"{key}#1", killed=killed(toll), perpetrator=IS, date=day(when),
                      place=place(where))  # fmt: skip
    return extraction(key, [member])


def _event_of(store: Store, key: str) -> int:
    with store.sessions() as session:
        for event in session.query(EventRow):
            if any(i.report.key == key for i in event.incidents):
                return event.id
    raise AssertionError(f"no event holds {key}")


def _snapshot(store: Store) -> list[tuple[Any, ...]]:
    rows = store.export_rows()
    return sorted(
        (r["killed_best"], r["killed_low"], r["killed_high"], r["reviewed"], r["location"])
        for r in rows
    )


def _reviewed_store(store: Store) -> tuple[int, int]:
    """Two events far apart, each with a reviewer's correction."""
    store.ingest([_report("palmyra-a", 15, "Palmyra", "2019-04-11"),
                  _report("idlib-a", 4, "Idlib", "2019-06-02")])  # fmt: skip
    store.match()
    palmyra, idlib = _event_of(store, "palmyra-a"), _event_of(store, "idlib-a")
    with store.writing() as session:
        review.act(session, palmyra, "correct", "ana", field="killed_best", value="18")
        review.act(session, idlib, "not_incident", "ana")
    return palmyra, idlib


def test_an_incremental_match_keeps_every_review_as_a_full_one_does(store: Store) -> None:
    _reviewed_store(store)
    stats = store.ingest([_report("palmyra-b", 16, "Palmyra", "2019-04-11")])
    store.match_incremental(stats)
    incremental = _snapshot(store)
    assert [r[0] for r in incremental] == [18], "the correction holds; Idlib is not counted"
    store.match()
    assert _snapshot(store) == incremental


def test_only_the_rebuilt_events_reviews_are_read(store: Store) -> None:
    palmyra, idlib = _reviewed_store(store)
    with store.writing() as session:
        orphan = ReviewRow(event_id=None, anchors=[["gone", "gone#1"]], field="status",
                           value="accepted", user="ana", comment=None, at=review.now())
        session.add(orphan)  # fmt: skip
    with store.sessions() as session:
        scoped = {(r.event_id, r.field) for r in review._reviews(session, {palmyra})}
        every = {(r.event_id, r.field) for r in review._reviews(session, None)}
    assert scoped == {(palmyra, "killed_best"), (None, "status")}
    assert every == scoped | {(idlib, "status")}


def test_a_match_that_rebuilds_no_reviewed_event_leaves_the_reviews_alone(store: Store) -> None:
    palmyra, idlib = _reviewed_store(store)
    stats = store.ingest([_report("mayadin-a", 7, "Mayadin", "2019-09-20")])
    result = store.match_incremental(stats)
    assert palmyra not in result.touched and idlib not in result.touched
    with store.sessions() as session:
        assert {r.event_id for r in session.query(ReviewRow)} == {palmyra, idlib}
        assert session.get(EventRow, palmyra).killed_best == 18  # type: ignore[union-attr]
        assert session.get(EventRow, idlib).counted is False  # type: ignore[union-attr]
