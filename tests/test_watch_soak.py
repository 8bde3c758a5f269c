"""Soak: 200 rounds over 20 sources whose content keeps changing (new articles, copies
in other feeds with tracking parameters, updated tolls). At the end each article is
stored once, and the events are those of one full run over the final articles."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from test_watch import add
from tollwatch.parallel import extract_pairs
from tollwatch.records import Report
from tollwatch.settings import Settings
from tollwatch.store import Store, open_store
from tollwatch.store.models import EventRow, IncidentRow, ReportRow
from tollwatch.watch import Fetcher, Watcher, WatchSettings
from tollwatch.watch.article import read_article
from tollwatch.watch.fetch import Response
from watch_support import Site, article_page, article_text, rss, serve

SOURCES, ROUNDS, ARTICLES = 20, 200, 24
FAST = WatchSettings(min_host_delay=0.0, retries=0, backoff=0.0, timeout=5.0,
                     respect_robots=False)


class World:
    """The site's changing content, driven by a seeded random generator."""

    def __init__(self, site: Site) -> None:
        self.site, self.rng = site, random.Random(13)
        self.tolls: dict[int, int] = {}
        self.feeds: list[list[str]] = [[] for _ in range(SOURCES)]
        self.versions = [0] * SOURCES
        for s in range(SOURCES):
            self.publish_feed(s)

    def page(self, n: int) -> None:
        self.site.put(f"/news/story-{n}", article_page(
            f"Attack, story {n}", article_text(n, self.tolls[n], n % 5)))

    def publish_feed(self, s: int) -> None:
        self.versions[s] += 1
        items = [(f"entry {u} v{self.tolls[int(u.split('-')[-1].split('?')[0])]}", u, "")
                 for u in self.feeds[s]]
        self.site.put(f"/feed-{s}.xml", rss(f"outlet {s}", items),
                      content_type="application/rss+xml", etag=f'"{self.versions[s]}"')

    def step(self) -> None:
        """One change somewhere: a new article, a copy elsewhere, or a new toll."""
        roll = self.rng.random()
        if roll < 0.4 and len(self.tolls) < ARTICLES:
            n = len(self.tolls)
            self.tolls[n] = 5 + self.rng.randrange(30)
            self.page(n)
            self.carry(self.rng.randrange(SOURCES), n)
        elif roll < 0.7 and self.tolls:
            n = self.rng.choice(sorted(self.tolls))
            self.carry(self.rng.randrange(SOURCES), n, tracking=True)
        elif self.tolls:
            n = self.rng.choice(sorted(self.tolls))
            self.tolls[n] += 1 + self.rng.randrange(5)
            self.page(n)
            for s, links in enumerate(self.feeds):  # the feeds carrying it show the update
                if any(f"/news/story-{n}" in u for u in links):
                    self.publish_feed(s)

    def carry(self, s: int, n: int, tracking: bool = False) -> None:
        url = self.site.url(f"/news/story-{n}")
        url = f"{url}?utm_source=feed{s}" if tracking else url
        if url not in self.feeds[s]:
            self.feeds[s].append(url)
            if tracking:
                self.site.put(f"/news/story-{n}?utm_source=feed{s}", b"")
            self.publish_feed(s)


class Clock:
    def __init__(self) -> None:
        self.at = datetime(2026, 3, 5, 8, 0)

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site()) as running:
        yield running


def _tracking_pages_follow(site: Site) -> None:
    """A tracked URL answers the article's current page."""
    for path in list(site.pages):
        if "?utm_source=" in path:
            site.pages[path] = site.pages[path.split("?")[0]]


def test_soak_each_article_once_and_events_as_a_full_run(
    sqlite_store: Store, resources: Any, site: Site, tmp_path: Any
) -> None:
    world = World(site)
    for s in range(SOURCES):
        add(sqlite_store, site.url(f"/feed-{s}.xml"), name=f"s{s}", every_seconds=300)
    clock = Clock()
    watch = Watcher(sqlite_store, FAST, fetcher=Fetcher(FAST, sleep=lambda s: None),
                    resources=resources, clock=clock)
    polls = 0
    for _ in range(ROUNDS):
        if world.rng.random() < 0.5:
            world.step()
        _tracking_pages_follow(site)
        report = watch.round()
        polls += len(report.sources)
        assert all(s.status != "failed" for s in report.sources)
        clock.at += timedelta(seconds=60)
    assert polls >= ROUNDS * SOURCES // 5
    with sqlite_store.sessions() as session:
        stored = session.scalars(select(ReportRow)).all()
        assert len(stored) == len(world.tolls)
        assert len({r.key for r in stored}) == len(world.tolls)
    assert _events(sqlite_store) == _full_run(world, resources, tmp_path)


def _events(store: Store) -> list[tuple[tuple[str, ...], int | None, int | None, int | None]]:
    """Each counted event: its reports' URLs and killed low/best/high."""
    with store.sessions() as session:
        out = []
        for event in session.scalars(select(EventRow).where(EventRow.counted.is_(True))):
            urls = session.scalars(
                select(ReportRow.url).join(IncidentRow, IncidentRow.report_id == ReportRow.id)
                .where(IncidentRow.event_id == event.id)).all()
            out.append((tuple(sorted({str(u) for u in urls})), event.killed_low,
                        event.killed_best, event.killed_high))
    return sorted(out)


def _full_run(world: World, resources: Any, tmp_path: Any) -> list[Any]:
    """The final articles stored and matched in one go, in a fresh database."""
    reports = []
    for n in sorted(world.tolls):
        page = world.site.pages[f"/news/story-{n}"]
        url = world.site.url(f"/news/story-{n}")
        article = read_article(Response(url, 200, page.body, charset="utf-8"))
        reports.append(Report(id=article.canonical, text=article.text,
                              published=article.published, title=article.title,
                              url=article.canonical, key=article.canonical))
    with open_store(Settings(db=f"sqlite:///{tmp_path / 'full.sqlite'}")) as full:
        pairs = extract_pairs(reports, settings=full.settings, workers=1, resources=resources)
        full.ingest([extraction for _, extraction in pairs])
        full.match()
        return _events(full)
