"""The web workspace (tollwatch.web) through FastAPI's TestClient, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")
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
from tollwatch.store.browse import (
    Mark,
    highlight,
    segments,
)
from tollwatch.web import create_app

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


@pytest.fixture
def filled(store: Store) -> Store:
    store.ingest([seed_extraction(), hostile_extraction(), claim_extraction()])
    store.match()
    return store


@pytest.fixture
def client(filled: Store) -> Iterator[TestClient]:
    with TestClient(create_app(filled)) as c:
        yield c


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
