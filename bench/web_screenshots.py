"""Screenshots of the workspace's pages for docs/web.md (Playwright + Debian's Chromium).

    python bench/web_screenshots.py [--out docs/web]

Fills a temporary store with `tollwatch run` on examples/, adds a reviewer, serves
the workspace on a free port of 127.0.0.1 and saves list, event, report, map (and
the map zoomed in, with province boundaries), timeline, tally and review pages as PNG
files.
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from tollwatch.pipeline import load_resources
from tollwatch.settings import Settings
from tollwatch.store import open_store
from tollwatch.store import users as accounts
from tollwatch.web import create_app

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "screenshots only"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "web")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(db=f"sqlite:///{Path(folder) / 'demo.sqlite'}")
        store = open_store(settings)
        store.run([ROOT / "examples"], resources=load_resources(settings), workers=1)
        with store.writing() as session:
            accounts.add_user(session, "reviewer", "reviewer", PASSWORD)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        server = uvicorn.Server(uvicorn.Config(create_app(store), port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        top = max(store.events(), key=lambda e: e.killed_best or 0).id
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/login")
            page.fill("input[name=name]", "reviewer")
            page.fill("input[name=password]", PASSWORD)
            page.click("form[action='/login'] button[type=submit]")
            page.wait_for_url(f"{base}/events")
            report = page.request.get(f"{base}/api/events/{top}").json()["figures"][0]["report_id"]
            shots = {
                "events": "/events?sort=killed",
                "event": f"/events/{top}",
                "report": f"/reports/{report}",
                "map": "/map",
                "timeline": "/timeline?by=month&group=country",
                "tally": "/tally?group=country",
                "review": "/review",
            }
            for name, path in shots.items():
                page.goto(base + path)
                if name == "map":
                    page.wait_for_selector("#map[data-loaded]")
                    page.wait_for_timeout(500)
                page.screenshot(path=str(args.out / f"{name}.png"), full_page=name != "map")
            event = page.request.get(f"{base}/api/events/{top}").json()["event"]
            lat, lon = event["lat"] or 33.5, event["lon"] or 40.0
            page.goto(f"{base}/map#6/{lat:.3f}/{lon:.3f}")  # zoomed in: province boundaries
            page.wait_for_selector("#map[data-loaded]")
            page.wait_for_selector("#map[data-provinces-shown=yes]")
            page.wait_for_timeout(800)
            page.screenshot(path=str(args.out / "map-provinces.png"))
            browser.close()
        server.should_exit = True
        store.close()
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
