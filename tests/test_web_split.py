"""Splitting an event's incidents into a new event (review action "split" with incidents)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from test_store_support import IS, day, extraction, incident, killed, place
from test_web import login
from tollwatch.store import Store
from tollwatch.store import users as accounts
from tollwatch.web import create_app

PASSWORD = "correct horse battery"


def _report(key: str, toll: int, claim: int | None = None):  # type: ignore[no-untyped-def]
    members = [incident(f"{key}#1", killed=killed(toll), perpetrator=IS,
                        date=day("2019-04-11"), place=place("Palmyra"))]
    if claim is not None:
        members.append(incident(f"{key}#2", "claim", claim_of=f"{key}#1", killed=killed(claim),
                                perpetrator=IS, date=day("2019-04-11"), place=place("Palmyra")))
    return extraction(key, members)  # fmt: skip


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=64))


@pytest.fixture
def twin(store: Store) -> Store:
    """Two reports of one ambush (15 and 20 killed, the second with a claim of 50)."""
    store.ingest([_report("wire", 15), _report("monitor", 20, claim=50)])
    store.match()
    with store.writing() as session:
        for role in accounts.ROLES:
            accounts.add_user(session, role, role, PASSWORD)
    return store


@pytest.fixture
def web(twin: Store) -> Iterator[TestClient]:
    with TestClient(create_app(twin)) as c:
        yield c


def _total(client: TestClient) -> int:
    return sum(r["killed_best"] or 0 for r in client.get("/api/tally").json())


def _joined(client: TestClient) -> dict:  # type: ignore[type-arg]
    (event,) = client.get("/api/events?counted=yes").json()["events"]
    detail: dict = client.get(f"/api/events/{event['id']}").json()  # type: ignore[type-arg]
    assert len(detail["incidents"]) == 2, "the matcher should join the two reports"
    return detail


def _monitor_incident(detail: dict) -> int:  # type: ignore[type-arg]
    (found,) = [i["id"] for i in detail["incidents"] if i["report"]["key"] == "monitor"]
    return int(found)


def test_split_moves_incidents_into_a_new_event(web: TestClient, twin: Store) -> None:
    csrf = login(web, "reviewer")
    detail = _joined(web)
    event_id, moving = detail["event"]["id"], _monitor_incident(detail)
    before = _total(web)
    answer = web.post(f"/api/events/{event_id}/review",
                      json={"action": "split", "incidents": [moving], "comment": "two ambushes"},
                      headers={"X-CSRF-Token": csrf})  # fmt: skip
    assert answer.status_code == 200, answer.text
    outcome = answer.json()
    new_id = outcome["after"]
    assert outcome["before"] == [moving] and new_id not in (None, event_id)

    kept = web.get(f"/api/events/{event_id}").json()
    moved = web.get(f"/api/events/{new_id}").json()
    assert [i["report"]["key"] for i in kept["incidents"]] == ["wire"]
    assert [i["report"]["key"] for i in moved["incidents"]] == ["monitor"]
    assert [c["report"]["key"] for c in moved["claims"]] == ["monitor"]  # the claim follows
    assert (kept["event"]["killed_best"], moved["event"]["killed_best"]) == (15, 20)
    assert detail["merges"] and not kept["merges"]  # no stale "why merged" on either part
    assert _total(web) == 15 + 20 and before in (15, 20)  # each death once, now in two events
    (row,) = kept["audit"]
    assert (row["action"], row["field"], row["after"], row["comment"]) == (
        "split", "split", new_id, "two ambushes"
    )
    assert {r["event_id"]: r["reviewed"] for r in twin.export_rows()}[event_id] == "split"

    twin.match()  # a full re-match joins them again; the split is re-applied
    assert _total(web) == 35
    assert len(web.get("/api/events?counted=yes").json()["events"]) == 2
    stats = twin.ingest([_report("monitor", 20, claim=50)], refresh=True)
    twin.match_incremental(stats)
    assert _total(web) == 35


def test_split_by_the_event_page_form(web: TestClient) -> None:
    csrf = login(web, "reviewer")
    detail = _joined(web)
    event_id = detail["event"]["id"]
    page = web.get(f"/events/{event_id}").text
    assert 'id="split-out-form"' in page and 'name="incidents"' in page
    answer = web.post(f"/events/{event_id}/review",
                      data={"action": "split", "incidents": [str(_monitor_incident(detail))],
                            "csrf": csrf}, follow_redirects=False)  # fmt: skip
    assert answer.status_code == 303, answer.text
    assert _total(web) == 35


def test_split_needs_a_reviewer_and_fitting_ids(web: TestClient) -> None:
    csrf = login(web, "coder")
    detail = _joined(web)
    event_id, moving = detail["event"]["id"], _monitor_incident(detail)
    headers = {"X-CSRF-Token": csrf}

    def split(incidents: object) -> int:
        body = {"action": "split", "incidents": incidents}
        return web.post(f"/api/events/{event_id}/review", json=body, headers=headers).status_code

    assert split([moving]) == 403  # a coder corrects, a reviewer splits
    headers["X-CSRF-Token"] = login(web, "reviewer")
    everything = [i["id"] for i in detail["incidents"] + detail["claims"]]
    assert split(everything) == 400  # nothing would be left
    assert split([10**8]) == 400  # not an incident of the event
    assert split(["one"]) == 400
    assert split([i["id"] for i in detail["claims"]]) == 400  # a claim alone is no event
    assert _total(web) in (15, 20)  # nothing changed
