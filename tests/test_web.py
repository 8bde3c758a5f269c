"""The web workspace (tollwatch.web) through FastAPI's TestClient, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from test_store_support import (
    IS,
    actor,
    day,
    extraction,
    incident,
    killed,
    place,
    seed_extraction,
    source,
)
from tollwatch.records import Span
from tollwatch.store import Store
from tollwatch.store import users as accounts
from tollwatch.store.browse import Mark, highlight, segments
from tollwatch.web import create_app

PASSWORD = "correct horse battery"

SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'
HOSTILE_TEXT = f"Raiders {SCRIPT} struck at dawn. At least 9 people were killed {IMG} there."


def hostile_extraction():  # type: ignore[no-untyped-def]
    at = HOSTILE_TEXT.index("9 people")
    return extraction(
        f"bad{IMG}",
        [
            incident(
                "bad#1",
                killed=killed(9, text_="9", span=Span(at, at + 1)),
                perpetrator=actor(f"Gang {SCRIPT}", "militia", "nonstate"),
                date=day("2019-05-02"),
                place=place(f"Town {IMG}", "point", country="SY"),
                source=source(f"Wire {SCRIPT}", "media"),
                evidence=[Span(0, len(HOSTILE_TEXT))],
            )
        ],
        text_=HOSTILE_TEXT,
    )


def claim_extraction():  # type: ignore[no-untyped-def]
    return extraction(
        "claimed",
        [
            incident(
                "claimed#1",
                killed=killed(14),
                perpetrator=IS,
                date=day("2019-06-01"),
                place=place("Palmyra"),
            ),
            incident(
                "claimed#2",
                "claim",
                killed=killed(40),
                claim_of="claimed#1",
                date=day("2019-06-01"),
                place=place("Palmyra"),
                source=source("Amaq", "perpetrator_claim"),
            ),
        ],
    )


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap argon2 parameters: the tests check the flow, not the hash's cost."""
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=64))


@pytest.fixture
def filled(store: Store) -> Store:
    store.ingest([seed_extraction(), hostile_extraction(), claim_extraction()])
    store.match()
    with store.writing() as session:
        for role in accounts.ROLES:
            accounts.add_user(session, role, role, PASSWORD)
        accounts.add_user(session, f"Eve {SCRIPT}", "viewer", PASSWORD)
    return store


def login(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log in through the form; return the session's CSRF token."""
    form = client.get("/login").text
    token = re.findall(r'name="csrf" value="([^"]+)"', form)[-1]  # the login form's own
    answer = client.post(
        "/login", data={"name": name, "password": password, "csrf": token},
        follow_redirects=False,
    )  # fmt: skip
    assert answer.status_code == 303, answer.text
    return csrf_of(client.get("/events").text)


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "no CSRF token in the page"
    return found.group(1)


@pytest.fixture
def anonymous(filled: Store) -> Iterator[TestClient]:
    with TestClient(create_app(filled)) as c:
        yield c


@pytest.fixture
def client(anonymous: TestClient) -> TestClient:
    login(anonymous, "viewer")
    return anonymous


def test_events_list_filters_live_in_the_url(client: TestClient) -> None:
    everything = client.get("/api/events").json()
    assert everything["total"] >= 3
    only_may = client.get("/api/events?since=2019-05-01&until=2019-05-31").json()
    assert [e["killed_best"] for e in only_may["events"]] == [9]
    big = client.get("/api/events?min_killed=30&sort=killed&order=desc").json()["events"]
    assert big and all(e["killed_best"] >= 30 for e in big)
    assert [e["killed_best"] for e in big] == sorted((e["killed_best"] for e in big), reverse=True)
    page = client.get("/events?since=2019-05-01&sort=killed")
    assert page.status_code == 200
    assert "since=2019-05-01" in page.text  # sort links keep the filter
    found = client.get("/api/events?q=gang").json()
    assert found["total"] == 1


def test_bad_filters_are_400_naming_the_parameter(client: TestClient) -> None:
    answer = client.get("/events?since=yesterday")
    assert answer.status_code == 400
    assert "since" in answer.json()["detail"]
    assert client.get("/api/events?min_killed=-3").status_code == 400
    assert client.get("/api/events?sort=nonsense").status_code == 400
    assert client.get("/events/999999").status_code == 404
    assert client.get("/reports/999999").status_code == 404


def test_event_page_shows_range_rule_sentence_and_claims_apart(client: TestClient) -> None:
    events = client.get("/api/events?since=2019-06-01&until=2019-06-01").json()["events"]
    (event,) = [e for e in events if e["counted"]]
    assert event["killed_best"] == 14  # the claim of 40 is not the toll
    detail = client.get(f"/api/events/{event['id']}").json()
    assert detail["claims"] and detail["claims"][0]["figures"][0]["best"] == 40
    page = client.get(f"/events/{event['id']}").text
    assert "tolls.event.v1" in page
    assert "Claims (listed apart, never added)" in page
    assert "Amaq" in page


def test_figure_sentence_is_highlighted(client: TestClient) -> None:
    (event,) = client.get("/api/events?q=gang").json()["events"]
    detail = client.get(f"/api/events/{event['id']}").json()
    (figure,) = detail["figures"]
    assert figure["used_for"]
    page = client.get(f"/events/{event['id']}").text
    assert "<mark>9</mark>" in page


def test_hostile_strings_are_shown_as_text_everywhere(client: TestClient) -> None:
    (event,) = client.get("/api/events?q=gang").json()["events"]
    detail = client.get(f"/api/events/{event['id']}").json()
    report_id = detail["figures"][0]["report_id"]
    pages = [
        client.get("/events").text,
        client.get("/events?q=gang").text,
        client.get(f"/events/{event['id']}").text,
        client.get(f"/reports/{report_id}").text,
        client.get("/tally?group=perpetrator").text,
    ]
    for text in pages:
        assert "<script>alert" not in text
        assert "<img src=x" not in text
    assert "&lt;script&gt;alert(" in pages[3]
    assert "&lt;img src=x onerror=" in pages[3]
    assert "Gang &lt;script&gt;" in pages[2]


def test_pages_forbid_inline_scripts(client: TestClient) -> None:
    answer = client.get("/events")
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_tally_and_exports_download(client: TestClient) -> None:
    rows = client.get("/api/tally?group=country").json()
    assert sum(r["killed_best"] or 0 for r in rows) == 67 + 9 + 14
    answer = client.get("/api/tally?format=csv&by=day")
    assert answer.headers["content-type"].startswith("text/csv")
    assert list(csv.DictReader(io.StringIO(answer.text)))
    exported = client.get("/api/export?format=csv&columns=acled")
    assert exported.status_code == 200 and "attachment" in exported.headers["content-disposition"]
    # a formula in a hostile name is neutralised in the CSV
    assert client.get("/api/export?format=parquet").status_code == 400
    assert client.get("/tally").status_code == 200


def test_report_page_marks_extracted_words(client: TestClient) -> None:
    (event,) = client.get("/api/events?q=gang").json()["events"]
    report_id = client.get(f"/api/events/{event['id']}").json()["figures"][0]["report_id"]
    data = client.get(f"/api/reports/{report_id}").json()
    marked = [(piece, kind) for piece, kind, _ in data["segments"] if kind]
    assert ("9", "figure") in marked
    assert "".join(piece for piece, _, _ in data["segments"]) == HOSTILE_TEXT


def test_highlight_and_segments() -> None:
    assert highlight("No figure here.", "7") == [("No figure here.", False)]
    assert highlight(None, "7") == []
    text = "abcdef"
    cut = segments(text, [Mark(1, 3, "figure", "x"), Mark(2, 4, "date", "y"), Mark(5, 99, "a", "")])
    assert cut == [("a", None, ""), ("bc", "figure", "x"), ("def", None, "")]


# ---- accounts, roles, CSRF ---------------------------------------------------------


def test_reads_need_a_login_outside_public_mode(anonymous: TestClient) -> None:
    answer = anonymous.get("/events", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")
    assert anonymous.get("/api/events").status_code == 401
    assert anonymous.get("/api/events", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_session_cookie_is_httponly_and_strict(anonymous: TestClient) -> None:
    form = anonymous.get("/login").text
    answer = anonymous.post(
        "/login",
        data={"name": "viewer", "password": PASSWORD, "csrf": csrf_of(form)},
        follow_redirects=False,
    )
    cookie = next(v for k, v in answer.headers.multi_items() if k == "set-cookie"
                  and v.startswith("tw_session="))  # fmt: skip
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Secure" not in cookie  # plain HTTP here; HTTPS gets Secure


def test_login_needs_its_csrf_token_and_is_throttled(anonymous: TestClient) -> None:
    anonymous.get("/login")
    no_token = anonymous.post("/login", data={"name": "viewer", "password": PASSWORD})
    assert no_token.status_code == 403
    for _ in range(5):
        token = csrf_of(anonymous.get("/login").text)
        wrong = anonymous.post("/login", data={"name": "viewer", "password": "x" * 12,
                                               "csrf": token})  # fmt: skip
        assert wrong.status_code == 401
    token = csrf_of(anonymous.get("/login").text)
    right = anonymous.post("/login", data={"name": "viewer", "password": PASSWORD, "csrf": token})
    assert right.status_code == 429


def test_logout_ends_the_session(anonymous: TestClient) -> None:
    csrf = login(anonymous, "reviewer")
    cookie = anonymous.cookies.get("tw_session")
    assert anonymous.post("/logout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    anonymous.cookies.set("tw_session", cookie or "")
    assert anonymous.get("/api/events").status_code == 401


def _seed_event(client: TestClient) -> dict:  # type: ignore[type-arg]
    events = client.get("/api/events?country=SY&since=2019-04-01&until=2019-04-30"
                        "&sort=killed&counted=yes").json()["events"]  # fmt: skip
    return events[0]


def _tally_total(client: TestClient) -> int:
    return sum(r["killed_best"] or 0 for r in client.get("/api/tally").json())


def test_viewer_cannot_write(client: TestClient) -> None:
    event = _seed_event(client)
    page = client.get(f"/events/{event['id']}").text
    assert 'action="/events/' not in page  # no review form for a viewer
    csrf = csrf_of(page)
    data = {"action": "correct", "field": "killed_best", "value": "1", "csrf": csrf}
    assert client.post(f"/events/{event['id']}/review", data=data).status_code == 403
    answer = client.post(f"/api/events/{event['id']}/review", json={"action": "accept"},
                         headers={"X-CSRF-Token": csrf})  # fmt: skip
    assert answer.status_code == 403


def test_writes_refuse_anonymous_and_missing_csrf(anonymous: TestClient) -> None:
    assert anonymous.post("/api/events/1/review", json={"action": "accept"}).status_code == 401
    login(anonymous, "reviewer")
    event = _seed_event(anonymous)
    answer = anonymous.post(f"/api/events/{event['id']}/review", json={"action": "accept"})
    assert answer.status_code == 403  # a cookie alone is not enough: CSRF header needed
    form = anonymous.post(f"/events/{event['id']}/review", data={"action": "accept"})
    assert form.status_code == 403


def test_reviewer_corrects_a_toll_and_it_survives_rematching(
    anonymous: TestClient, filled: Store
) -> None:
    csrf = login(anonymous, "reviewer")
    before = _tally_total(anonymous)
    event = _seed_event(anonymous)
    answer = anonymous.post(
        f"/events/{event['id']}/review",
        data={"action": "correct", "field": "killed_best", "value": str(event["killed_best"] + 5),
              "comment": "second count <b>checked</b>", "csrf": csrf},
        follow_redirects=False,
    )  # fmt: skip
    assert answer.status_code == 303
    assert _tally_total(anonymous) == before + 5
    page = anonymous.get(f"/events/{event['id']}").text
    assert "second count &lt;b&gt;checked&lt;/b&gt;" in page  # audit row, escaped
    detail = anonymous.get(f"/api/events/{event['id']}").json()
    assert detail["reviewed"]["killed_best"]["user"] == "reviewer"
    (row,) = detail["audit"]
    assert (row["before"], row["after"]) == (event["killed_best"], event["killed_best"] + 5)
    filled.match()  # a re-run: the reviewed value wins again
    filled.ingest([seed_extraction()], refresh=True)
    filled.match()
    assert _tally_total(anonymous) == before + 5
    stats = filled.ingest([seed_extraction()], refresh=True)  # `run`'s default: incremental
    filled.match_incremental(stats)
    assert _tally_total(anonymous) == before + 5
    reviewed = anonymous.get("/api/events?reviewed=yes").json()["events"]
    assert [e["killed_best"] for e in reviewed] == [event["killed_best"] + 5]
    assert all(e["reviewed"] for e in reviewed)
    assert not any(e["reviewed"] for e in anonymous.get("/api/events?reviewed=no").json()["events"])


def test_bad_corrections_are_400(anonymous: TestClient) -> None:
    csrf = login(anonymous, "coder")
    event = _seed_event(anonymous)
    for field, value in (("killed_best", "many"), ("date_start", "soon"), ("id", "1")):
        answer = anonymous.post(f"/api/events/{event['id']}/review",
                                json={"action": "correct", "field": field, "value": value},
                                headers={"X-CSRF-Token": csrf})  # fmt: skip
        assert answer.status_code == 400, (field, answer.text)
    # a coder corrects but does not accept
    accept = anonymous.post(f"/api/events/{event['id']}/review", json={"action": "accept"},
                            headers={"X-CSRF-Token": csrf})  # fmt: skip
    assert accept.status_code == 403


def test_not_an_incident_leaves_the_tally(anonymous: TestClient) -> None:
    csrf = login(anonymous, "reviewer")
    before = _tally_total(anonymous)
    (gang,) = anonymous.get("/api/events?q=gang").json()["events"]
    answer = anonymous.post(f"/api/events/{gang['id']}/review",
                            json={"action": "not_incident", "comment": "a drill"},
                            headers={"X-CSRF-Token": csrf})  # fmt: skip
    assert answer.status_code == 200
    assert _tally_total(anonymous) == before - 9


def test_merge_then_split_gives_back_the_tally(anonymous: TestClient) -> None:
    csrf = login(anonymous, "reviewer")
    before = _tally_total(anonymous)
    (gang,) = anonymous.get("/api/events?q=gang").json()["events"]
    target = anonymous.get("/api/events?since=2019-06-01&until=2019-06-01&counted=yes").json()
    other = target["events"][0]["id"]
    headers = {"X-CSRF-Token": csrf}
    merged = anonymous.post(f"/api/events/{gang['id']}/review",
                            json={"action": "merge", "other": other}, headers=headers)  # fmt: skip
    assert merged.status_code == 200, merged.text
    assert anonymous.get(f"/api/events/{gang['id']}").status_code == 404
    joined = anonymous.get(f"/api/events/{other}").json()
    assert joined["event"]["n_reports"] == 2
    assert _tally_total(anonymous) == before - 9  # 14 and 9 reconcile to 14
    split = anonymous.post(f"/api/events/{other}/review", json={"action": "split"},
                           headers=headers)  # fmt: skip
    assert split.status_code == 200, split.text
    assert _tally_total(anonymous) == before


def test_api_tokens_act_for_their_user(anonymous: TestClient, filled: Store) -> None:
    with filled.writing() as session:
        token = accounts.new_token(session, "reviewer", "script")
    headers = {"Authorization": f"Bearer {token}"}
    event = anonymous.get("/api/events", headers=headers).json()["events"][0]
    answer = anonymous.post(f"/api/events/{event['id']}/review", json={"action": "accept"},
                            headers=headers)  # fmt: skip
    assert answer.status_code == 200
    with filled.writing() as session:
        accounts.disable_user(session, "reviewer")
    assert anonymous.get("/api/events", headers=headers).status_code == 401


def test_admin_sees_everyones_audit_and_hostile_user_names_are_text(
    anonymous: TestClient, filled: Store
) -> None:
    with filled.writing() as session:
        accounts.add_user(session, f"Mal {IMG}", "reviewer", PASSWORD)
    csrf = login(anonymous, f"Mal {IMG}")
    event = _seed_event(anonymous)
    anonymous.post(f"/api/events/{event['id']}/review", json={"action": "accept"},
                   headers={"X-CSRF-Token": csrf})  # fmt: skip
    assert anonymous.get("/audit").status_code == 403
    assert "<img src=x" not in anonymous.get(f"/events/{event['id']}").text
    login(anonymous, "admin")
    audit = anonymous.get("/audit")
    assert audit.status_code == 200
    assert "Mal &lt;img src=x" in audit.text and "<img src=x" not in audit.text


def test_review_queue_for_coders_only(anonymous: TestClient) -> None:
    login(anonymous, "viewer")
    assert anonymous.get("/review").status_code == 403
    login(anonymous, "coder")
    queue = anonymous.get("/review")
    assert queue.status_code == 200 and "Review queue" in queue.text


def test_public_mode_is_read_only(filled: Store) -> None:
    with TestClient(create_app(filled, public=True)) as c:
        assert c.get("/events").status_code == 200
        assert c.get("/api/events").json()["total"] >= 3
        assert c.get("/login").status_code == 404
        assert c.post("/api/events/1/review", json={"action": "accept"}).status_code == 403
        assert 'action="/events/' not in c.get("/events/1").text


# ---- map and timeline -------------------------------------------------------------


def test_map_cells_follow_the_filters(client: TestClient) -> None:
    everything = client.get("/api/map?grid=0.05").json()
    assert everything["cells"] and all("killed" in c for c in everything["cells"])
    only_june = client.get("/api/map?since=2019-06-01&until=2019-06-30").json()
    assert sum(c["killed"] for c in only_june["cells"]) == 14
    assert client.get("/api/map?grid=zero").status_code == 400
    page = client.get("/map?country=SY")
    assert page.status_code == 200
    assert 'data-api="/api/map?country=SY"' in page.text
    assert "/static/vendor/leaflet/leaflet.js" in page.text
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/vendor/world-atlas/countries-50m.json").status_code == 200


def test_timeline_stacks_counted_killed(client: TestClient) -> None:
    rows = client.get("/api/timeline?by=month&group=country").json()
    assert sum(r["killed"] for r in rows) == 67 + 9 + 14
    only_gang = client.get("/api/timeline?q=gang").json()
    assert [r["killed"] for r in only_gang] == [9]
    page = client.get("/timeline?group=perpetrator_type")
    assert page.status_code == 200 and "<rect" in page.text
    assert client.get("/api/timeline?group=nonsense").status_code == 400
