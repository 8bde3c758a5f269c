"""The workspace in a real browser: Playwright drives Debian's Chromium against a real
server on 127.0.0.1, over a store filled by `tollwatch run` on the example reports.

Skipped cleanly when Playwright or /usr/bin/chromium is absent (.ci/run installs
Chromium with apt-get where it can).
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_web import PASSWORD, hostile_extraction
from tollwatch.settings import Settings
from tollwatch.store import Store, open_store
from tollwatch.store import users as accounts

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is absent (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, resources: Any) -> Iterator[tuple[str, Store]]:
    import uvicorn

    from tollwatch.web import create_app

    path = tmp_path_factory.mktemp("browser") / "demo.sqlite"
    store = open_store(Settings(db=f"sqlite:///{path}"))
    store.run([ROOT / "examples"], resources=resources, workers=1)
    store.ingest([hostile_extraction()])
    store.match()
    with store.writing() as session:
        for role in ("viewer", "reviewer"):
            accounts.add_user(session, role, role, PASSWORD)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}", store
    server.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def _login(page: Any, base: str, name: str) -> None:
    page.goto(f"{base}/events")
    assert "/login" in page.url
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url(re.compile(r".*/events.*"))


def _tally_total(page: Any, base: str) -> int:
    rows = page.request.get(f"{base}/api/tally").json()
    return sum(r["killed_best"] or 0 for r in rows)


def _map_total(page: Any, base: str) -> int:
    page.goto(f"{base}/map")
    page.wait_for_selector("#map[data-loaded]")
    cells = page.request.get(f"{base}/api/map?grid=2").json()["cells"]
    return sum(c["killed"] for c in cells)


def test_reviewer_corrects_the_largest_toll(served: tuple[str, Store], page: Any) -> None:
    base, _ = served
    _login(page, base, "reviewer")
    before, map_before = _tally_total(page, base), _map_total(page, base)
    assert page.locator("path.event-marker").count() > 0
    page.goto(f"{base}/review")
    page.click("table tbody tr:first-child a")
    page.wait_for_selector("#correct-form")
    shown = int(page.locator("dl.tollrange dd").nth(1).inner_text())
    page.select_option("#correct-form select[name=field]", "killed_best")
    page.fill("#correct-form input[name=value]", str(shown + 10))
    page.fill("#correct-form input[name=comment]", "checked against a second list")
    page.click("#correct-form button[type=submit]")
    page.wait_for_selector("p.notice")
    assert "checked against a second list" in page.locator("table.audit-log").inner_text()
    counted = "Not counted" not in page.content()
    change = 10 if counted else 0
    assert _tally_total(page, base) - before == change
    assert _map_total(page, base) - map_before == 10
    assert page.dialogs == []


def test_viewer_sees_no_write_action_and_gets_403(served: tuple[str, Store], page: Any) -> None:
    base, _ = served
    _login(page, base, "viewer")
    page.goto(f"{base}/events/1")
    assert page.locator("form[action='/events/1/review']").count() == 0
    csrf = page.locator("input[name=csrf]").first.get_attribute("value")
    answer = page.request.post(f"{base}/api/events/1/review", data={"action": "accept"},
                               headers={"X-CSRF-Token": csrf or ""})  # fmt: skip
    assert answer.status == 403
    assert page.request.get(f"{base}/review").status == 403


def test_hostile_report_is_text_and_logout_ends_the_session(
    served: tuple[str, Store], page: Any
) -> None:
    base, _ = served
    _login(page, base, "viewer")
    page.goto(f"{base}/events?q=gang")
    page.click("table.events tbody tr:first-child a")
    page.click("table.figures a")
    text = page.locator("article.report-text").inner_text()
    assert "<script>alert('x')</script>" in text and "onerror" in text
    assert page.locator("article.report-text script, article.report-text img").count() == 0
    assert page.dialogs == []
    page.click("header form[action='/logout'] button")
    page.wait_for_url(re.compile(r".*/login.*"))
    page.goto(f"{base}/events")
    assert "/login" in page.url


def test_place_search_fills_the_place_correction(served: tuple[str, Store], page: Any) -> None:
    base, _ = served
    _login(page, base, "reviewer")
    page.goto(f"{base}/events/1")
    page.fill("#place-search", "Mayadin")  # places.js asks /api/places and fills the list
    page.wait_for_selector("#place-options option", state="attached")
    first = page.locator("#place-options option").first.get_attribute("value")
    assert first and "SY" in first
    page.fill("#place-search", first)  # picking a suggestion fills the five boxes
    form = "#place-form input[name=place_{}]"
    page.wait_for_function(f"document.querySelector('{form.format('lat')}').value !== ''")
    assert page.input_value(form.format("country")) == "SY"
    name = page.input_value(form.format("location"))
    assert name and name in first
    page.click("#place-form button[type=submit]")
    page.wait_for_selector("p.notice")
    event = page.request.get(f"{base}/api/events/1").json()["event"]
    assert (event["location"], event["country"]) == (name, "SY")
    assert event["lat"] is not None and event["place_precision"] == "point"
    assert page.dialogs == []


def test_map_draws_province_boundaries_when_zoomed_in(
    served: tuple[str, Store], page: Any
) -> None:
    base, _ = served
    _login(page, base, "viewer")
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(f"{base}/map")
    page.wait_for_selector("#map[data-loaded]")
    page.wait_for_selector(".leaflet-countries-pane path")
    assert not any("admin1" in url for url in fetched)  # not fetched at the world view
    for _ in range(2):  # zoom 3 -> 5
        page.click(".leaflet-control-zoom-in")
        page.wait_for_timeout(400)
    page.wait_for_selector("#map[data-provinces-shown=yes]")
    lines = page.locator(".leaflet-provinces-pane path")
    assert lines.count() >= 1
    assert len(lines.first.get_attribute("d") or "") > 1000  # many province borders
    page.click(".leaflet-control-zoom-out")
    page.wait_for_selector("#map[data-provinces-shown=no]")
    assert page.locator(".leaflet-provinces-pane path").count() == 0
    assert all(url.startswith(base) for url in fetched)  # nothing from another host


def test_the_map_view_is_in_the_address(served: tuple[str, Store], page: Any) -> None:
    base, _ = served
    _login(page, base, "viewer")
    page.goto(f"{base}/map#6/12.000/8.500")
    page.wait_for_selector("#map[data-provinces-shown=yes]")  # zoom 6: provinces drawn
    page.click(".leaflet-control-zoom-in")
    deadline = time.monotonic() + 10
    while "#7/" not in page.url and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert re.search(r"#7/12\.0\d\d/8\.5\d\d$", page.url), page.url
