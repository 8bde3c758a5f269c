"""The gazetteer search box of the event page: /api/places and the place correction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from test_store_support import seed_extraction
from test_web import IMG, SCRIPT, csrf_of, login
from tollwatch.pipeline import Resources
from tollwatch.places.gazetteer.model import Gazetteer, GazetteerBuilder
from tollwatch.store import Store
from tollwatch.store import users as accounts
from tollwatch.web import create_app
from tollwatch.web.places import PlaceSearch

PASSWORD = "correct horse battery"


def small_gazetteer() -> Gazetteer:
    """A town, a smaller namesake, a province, a country and a hostile name."""
    b = GazetteerBuilder()
    b.add("Al Mayadin", ["Mayadeen"], country="SY", lat=35.0207, lon=40.4513, kind="place",
          admin1_code="07", population=44000, feature="PPL")
    b.add("Mayadin Farm", [], country="IQ", lat=33.1, lon=44.2, kind="place", population=10,
          feature="FRM")
    b.add("Deir ez-Zor", ["Dayr az Zawr"], country="SY", lat=35.3, lon=40.1, kind="admin1",
          admin1_code="07", feature="ADM1")
    b.add("Syria", [], country="SY", lat=35.0, lon=38.5, kind="country", feature="PCLI")
    b.add(f"Mayhem {SCRIPT}", [], country="SY", lat=34.0, lon=37.0, kind="place",
          admin1_code="99", feature="PPL")
    gaz = b.finish()
    gaz.admin1_names = {"SY.07": "Deir ez-Zor", "SY.99": f"Shire {IMG}"}
    return gaz  # fmt: skip


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=64))


@pytest.fixture
def seeded(store: Store) -> Store:
    store.ingest([seed_extraction()])
    store.match()
    with store.writing() as session:
        for role in accounts.ROLES:
            accounts.add_user(session, role, role, PASSWORD)
    return store


@pytest.fixture
def web(seeded: Store) -> Iterator[TestClient]:
    with TestClient(create_app(seeded, gazetteer=small_gazetteer)) as c:
        yield c


def _event_id(client: TestClient) -> int:
    events = client.get("/api/events?sort=killed&counted=yes").json()["events"]
    return int(events[0]["id"])


def test_search_needs_a_coder(web: TestClient) -> None:
    assert web.get("/api/places?q=mayadin").status_code == 401
    login(web, "viewer")
    assert web.get("/api/places?q=mayadin").status_code == 403
    login(web, "coder")
    assert web.get("/api/places?q=mayadin").status_code == 200


def test_public_mode_has_no_search(seeded: Store) -> None:
    with TestClient(create_app(seeded, public=True, gazetteer=small_gazetteer)) as c:
        assert c.get("/api/places?q=mayadin").status_code == 403


def test_search_answers_names_and_prefixes(web: TestClient) -> None:
    login(web, "coder")
    (town, farm) = web.get("/api/places?q=al-Mayadeen").json()[:2]
    assert town == {
        "name": "Al Mayadin", "country": "SY", "admin1": "Deir ez-Zor", "admin2": None,
        "lat": 35.0207, "lon": 40.4513, "feature": "PPL", "kind": "place", "population": 44000,
        "precision": "point",
    }  # fmt: skip
    assert farm["name"] == "Mayadin Farm"  # completed by prefix, after the exact match
    names = [p["name"] for p in web.get("/api/places?q=may").json()]
    assert names[0] == "Al Mayadin" and "Mayadin Farm" in names  # larger places first
    assert [(p["name"], p["precision"]) for p in web.get("/api/places?q=dayr").json()] == [
        ("Deir ez-Zor", "admin1")
    ]
    assert web.get("/api/places?q=zzzz").json() == []
    assert len(web.get("/api/places?q=ma&limit=1").json()) == 1


@pytest.mark.parametrize("query", ["", "m", "x" * 101, "&limit=5"])
def test_bad_queries_are_400_naming_q(web: TestClient, query: str) -> None:
    login(web, "coder")
    answer = web.get(f"/api/places?q={query}")
    assert answer.status_code == 400 and "q must be" in answer.text
    assert web.get("/api/places?q=may&limit=many").status_code == 400


def test_hostile_gazetteer_names_are_json_text(web: TestClient) -> None:
    login(web, "coder")
    answer = web.get("/api/places?q=mayhem")
    assert answer.headers["content-type"].startswith("application/json")
    (place,) = answer.json()
    assert place["name"] == f"Mayhem {SCRIPT}" and place["admin1"] == f"Shire {IMG}"


def test_event_page_offers_the_search_without_inline_script(web: TestClient) -> None:
    login(web, "coder")
    page = web.get(f"/events/{_event_id(web)}").text
    assert 'id="place-form"' in page and 'list="place-options"' in page
    assert '<script src="/static/places.js"></script>' in page
    assert not [s for s in page.split("<script")[1:] if not s.startswith(" src=")]
    script = web.get("/static/places.js").text
    assert "/api/places" in script and "innerHTML" not in script
    login(web, "viewer")
    assert 'id="place-form"' not in web.get(f"/events/{_event_id(web)}").text


def test_place_correction_stores_the_place_together(web: TestClient, seeded: Store) -> None:
    csrf = login(web, "coder")
    event_id = _event_id(web)
    (town, *_) = web.get("/api/places?q=mayadin").json()
    answer = web.post(
        f"/events/{event_id}/review",
        data={"action": "correct", "field": "place", "place_location": town["name"],
              "place_admin1": town["admin1"], "place_country": town["country"],
              "place_lat": str(town["lat"]), "place_lon": str(town["lon"]),
              "place_place_precision": town["precision"], "csrf": csrf},
        follow_redirects=False,
    )  # fmt: skip
    assert answer.status_code == 303, answer.text
    seeded.match()  # the reviewed place wins again after re-matching

    event = web.get(f"/api/events/{event_id}").json()
    names = ("location", "admin1", "country", "lat", "lon", "place_precision")
    got = {k: event["event"][k] for k in names}
    assert got == {"location": "Al Mayadin", "admin1": "Deir ez-Zor", "country": "SY",
                   "lat": 35.0207, "lon": 40.4513, "place_precision": "point"}  # fmt: skip
    assert {"location", "admin1", "country", "lat", "lon"} <= set(event["reviewed"])
    (row,) = event["audit"]
    assert row["field"] == "place" and row["after"]["location"] == "Al Mayadin"
    (exported,) = [r for r in seeded.export_rows() if r["event_id"] == event_id]
    assert exported["reviewed"] == "admin1; country; lat; location; lon; place_precision"


def test_place_correction_by_api_and_its_errors(web: TestClient) -> None:
    csrf = login(web, "coder")
    event_id = _event_id(web)
    headers = {"X-CSRF-Token": csrf}

    def correct(value: object) -> int:
        body = {"action": "correct", "field": "place", "value": value}
        return web.post(f"/api/events/{event_id}/review", json=body, headers=headers).status_code

    assert correct("Al Mayadin") == 400  # not an object
    assert correct({"location": "X", "lat": 35}) == 400  # lat without lon
    assert correct({"location": "X", "country": "Syria"}) == 400  # not an ISO code
    assert correct({"lat": 1, "lon": 2}) == 400  # no name at all
    assert correct({"location": "X", "lat": 95, "lon": 2}) == 400
    assert correct({"location": "X", "place_precision": "village"}) == 400
    hostile = {"location": f"Town {SCRIPT}", "admin1": f"Shire {IMG}", "country": "sy"}
    assert correct(hostile) == 200
    event = web.get(f"/api/events/{event_id}").json()["event"]
    assert (event["country"], event["lat"]) == ("SY", None)  # cleared with the place
    page = web.get(f"/events/{event_id}").text
    assert SCRIPT not in page and IMG not in page
    assert "Town &lt;script&gt;" in page
    assert csrf_of(page)


def test_search_over_the_packaged_gazetteer(resources: Resources) -> None:
    found = PlaceSearch(resources.gazetteer).search("Mayadin", 5)
    assert any(p["country"] == "SY" and p["lat"] is not None for p in found)
    assert PlaceSearch(resources.gazetteer).search("Damasc", 3)[0]["country"] == "SY"
