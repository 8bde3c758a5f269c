"""A local web site for the watch tests: http.server in a thread on 127.0.0.1.

Pages are set per path (body, type, status, validators, delay, redirect); the site
answers conditional requests with 304 and counts each path's requests. The texts
below are made up for these tests.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Page:
    """What the site answers at one path."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    location: str | None = None


@dataclass
class Site:
    """The pages of the test site and what was asked of it."""

    pages: dict[str, Page] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    conditional: Counter[str] = field(default_factory=Counter)
    agents: set[str] = field(default_factory=set)
    base: str = ""

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def put(self, path: str, body: str | bytes, **options: object) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = Page(data, **options)  # type: ignore[arg-type]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def do_GET(self) -> None:
            path = self.path
            site.hits[path] += 1
            site.agents.add(self.headers.get("User-Agent", ""))
            page = site.pages.get(path)
            if page is None:
                self.send_response(404)
                self.end_headers()
                return
            if page.delay:
                time.sleep(page.delay)
            if page.location:
                self.send_response(page.status)
                self.send_header("Location", page.location)
                self.end_headers()
                return
            asked = self.headers.get("If-None-Match")
            since = self.headers.get("If-Modified-Since")
            if asked or since:
                site.conditional[path] += 1
            if (page.etag and asked == page.etag) or (
                page.last_modified and since == page.last_modified
            ):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(page.body)))
            if page.etag:
                self.send_header("ETag", page.etag)
            if page.last_modified:
                self.send_header("Last-Modified", page.last_modified)
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(page.body)

    return Handler


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve `site` on 127.0.0.1 (a free port) for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def http_date(seconds: float) -> str:
    return formatdate(seconds, usegmt=True)


# --- made-up articles -------------------------------------------------------------------

TOWNS = [
    ("Maiduguri", "Borno State", "Nigeria"),
    ("Kidal", "the Kidal region", "Mali"),
    ("Beni", "North Kivu province", "the Democratic Republic of the Congo"),
    ("Mogadishu", "Banaadir", "Somalia"),
    ("Djibo", "the Soum province", "Burkina Faso"),
]
WORDS = ["twelve", "fifteen", "eight", "twenty", "nine", "thirty", "seven", "eleven"]


OPENINGS = [
    "Gunmen killed {k} civilians in an attack on a market in {town}, {region}, {country}, "
    "on Tuesday, local officials said.",
    "At least {k} people were killed on Tuesday when armed men stormed a village near {town} "
    "in {region}, {country}, a local official told reporters.",
    "Attackers shot dead {k} villagers on Tuesday in {town}, in {region} of {country}, "
    "according to two residents and a security source.",
    "{k} civilians died on Tuesday in an assault by gunmen on a cattle market outside {town}, "
    "{region}, {country}, the district administrator said.",
]
MIDDLES = [
    "The attackers arrived on motorcycles in the early afternoon and opened fire on traders.",
    "Witnesses said the assailants burned granaries and took livestock before leaving.",
    "A health worker at the district hospital said several of the wounded were children.",
    "Residents fled towards the river and many spent the night hiding in the fields.",
    "The army said reinforcements reached the area several hours after the shooting ended.",
]
CLOSINGS = [
    "No group has claimed responsibility. The governor condemned the killings.",
    "Such raids have become frequent in the area over the past year, aid groups say.",
    "Authorities announced three days of mourning and promised an investigation.",
]


def article_text(number: int, killed: int, town: int = 0) -> str:
    """A short made-up news article about one attack, with `killed` dead; articles of
    different numbers differ in most of their sentences."""
    name, region, country = TOWNS[town % len(TOWNS)]
    opening = OPENINGS[number % len(OPENINGS)].format(
        k=killed, town=name, region=region, country=country)
    middle = " ".join(MIDDLES[(number + i) % len(MIDDLES)] for i in range(2))
    closing = CLOSINGS[(number // 2) % len(CLOSINGS)]
    return (f"{opening}\n\n{middle} Story number {number} was filed by our correspondent "
            f"{WORDS[number % len(WORDS)]} hours after the attack.\n\n{closing}")


def article_page(title: str, text: str, *, canonical: str | None = None,
                 published: str = "2026-03-05", lang: str = "en") -> str:
    """An article page: navigation and footer around the article's paragraphs."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>{link}"
        f'<meta property="article:published_time" content="{published}T08:00:00Z">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world/'>World</a></nav>"
        f"<main><article><h1>{escape(title)}</h1>{paragraphs}</article></main>"
        "<footer>All rights reserved. Contact us.</footer></body></html>"
    )


def rss(title: str, items: list[tuple[str, str, str]], link: str = "http://example.test/") -> str:
    """An RSS 2.0 feed of (title, link, summary) items."""
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link><guid>{escape(u)}</guid>"
        f"<description>{escape(s)}</description>"
        "<pubDate>Thu, 05 Mar 2026 08:00:00 GMT</pubDate></item>"
        for t, u, s in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{link}</link><language>en</language>"
        f"{entries}</channel></rss>"
    )
