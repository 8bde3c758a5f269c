"""The watch loop against a local web site: new articles stored once, conditional
requests, politeness, failures reported on their source, copies and updates known."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.store import Store
from tollwatch.store import sources as store_sources
from tollwatch.store.models import AuditRow, EventRow, ReportRow, WatchItemRow
from tollwatch.watch import Fetcher, Watcher, WatchSettings
from tollwatch.watch.dedupe import normalise_url
from watch_support import Site, article_page, article_text, rss, serve

FAST = WatchSettings(min_host_delay=0.0, retries=1, backoff=0.0, timeout=2.0)


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site()) as running:
        yield running


def watcher(store: Store, resources: Any, settings: WatchSettings = FAST) -> Watcher:
    fetcher = Fetcher(settings, sleep=lambda seconds: None)
    return Watcher(store, settings, fetcher=fetcher, resources=resources)


def publish(site: Site, path: str, number: int, killed: int, **options: Any) -> str:
    site.put(path, article_page(f"Attack on market, story {number}",
                                article_text(number, killed, number), **options))
    return site.url(path)


def add(store: Store, url: str, **options: Any) -> int:
    with store.writing() as session:
        return store_sources.add_source(session, url, **options).id


def count(store: Store, model: Any) -> int:
    with store.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def feed(site: Site, path: str, links: list[str], etag: str = '"v1"') -> None:
    items = [(f"story {i}", url, "summary") for i, url in enumerate(links)]
    site.put(path, rss("Test outlet", items), content_type="application/rss+xml", etag=etag)


def test_a_round_stores_each_new_article_and_matches(
    sqlite_store: Store, resources: Any, site: Site
) -> None:
    links = [publish(site, f"/news/story-{n}", n, 10 + n) for n in range(3)]
    feed(site, "/feed.xml", links)
    add(sqlite_store, site.url("/feed.xml"), name="outlet")
    report = watcher(sqlite_store, resources).round()
    (polled,) = report.sources
    assert (polled.status, polled.seen, polled.new) == ("ok", 3, 3)
    assert report.ingest.stored == 3 and report.match is not None
    assert count(sqlite_store, ReportRow) == 3 and count(sqlite_store, EventRow) >= 1
    assert any(agent.startswith("tollwatch/") for agent in site.agents)
    with sqlite_store.sessions() as session:
        (health,) = store_sources.list_sources(session)
    assert health.items_new == 3 and health.last_success_at is not None and health.failures == 0


def test_an_unchanged_feed_costs_a_304_and_stores_nothing(
    sqlite_store: Store, resources: Any, site: Site
) -> None:
    feed(site, "/feed.xml", [publish(site, "/news/a-1", 1, 12)])
    add(sqlite_store, site.url("/feed.xml"), every_seconds=1)
    watch = watcher(sqlite_store, resources)
    watch.round()
    with sqlite_store.writing() as session:  # make it due again
        for row in store_sources.due_sources(session, store_sources.now().replace(year=2100)):
            row.next_due_at = None
    again = watch.round()
    assert again.sources[0].status == "not modified"
    assert site.conditional["/feed.xml"] == 1 and site.hits["/news/a-1"] == 1
    assert count(sqlite_store, ReportRow) == 1


def test_the_same_article_in_two_feeds_and_with_tracking_is_stored_once(
    sqlite_store: Store, resources: Any, site: Site
) -> None:
    url = publish(site, "/news/shared-1", 1, 14, canonical=None)
    site.put("/news/shared-1?utm_source=rss&utm_medium=feed",
             site.pages["/news/shared-1"].body)
    feed(site, "/a.xml", [url])
    feed(site, "/b.xml", [url + "?utm_source=rss&utm_medium=feed"])
    add(sqlite_store, site.url("/a.xml"), name="a")
    add(sqlite_store, site.url("/b.xml"), name="b")
    report = watcher(sqlite_store, resources).round()
    assert [s.new for s in report.sources] == [1, 0]
    assert count(sqlite_store, ReportRow) == 1 and count(sqlite_store, WatchItemRow) == 1


def test_a_copy_under_another_url_is_known_by_its_text(
    sqlite_store: Store, resources: Any, site: Site
) -> None:
    first = publish(site, "/news/original-5", 5, 20)
    site.put("/mirror/copy-5", site.pages["/news/original-5"].body)
    feed(site, "/a.xml", [first])
    feed(site, "/b.xml", [site.url("/mirror/copy-5")])
    add(sqlite_store, site.url("/a.xml"))
    add(sqlite_store, site.url("/b.xml"))
    report = watcher(sqlite_store, resources).round()
    assert [(s.new, s.duplicates) for s in report.sources] == [(1, 0), (0, 1)]
    assert count(sqlite_store, ReportRow) == 1


def killed_best(store: Store) -> list[int | None]:
    with store.sessions() as session:
        return sorted(e.killed_best for e in session.scalars(select(EventRow)) if e.counted)


def test_an_updated_version_replaces_the_toll_and_keeps_history(
    sqlite_store: Store, resources: Any, site: Site
) -> None:
    url = publish(site, "/news/attack-7", 7, 9)
    feed(site, "/feed.xml", [url], etag='"v1"')
    add(sqlite_store, site.url("/feed.xml"))
    watch = watcher(sqlite_store, resources)
    watch.round()
    assert killed_best(sqlite_store) == [9]
    publish(site, "/news/attack-7", 7, 13)
    site.put("/feed.xml", rss("Test outlet", [("story 7 (updated)", url, "toll rises")]),
             content_type="application/rss+xml", etag='"v2"')
    with sqlite_store.writing() as session:
        for row in store_sources.due_sources(session, store_sources.now().replace(year=2100)):
            row.next_due_at = None
    report = watch.round()
    assert report.sources[0].updated == 1 and report.ingest.replaced == 1
    assert killed_best(sqlite_store) == [13]
    assert count(sqlite_store, ReportRow) == 1
    with sqlite_store.sessions() as session:
        actions = [a.action for a in session.scalars(select(AuditRow).order_by(AuditRow.id))]
        item = session.scalars(select(WatchItemRow)).one()
    assert "report.replace" in actions and item.versions == 2


def test_an_update_under_a_changed_url_is_known_as_a_near_duplicate(
    sqlite_store: Store, resources: Any, site: Site
) -> None:
    feed(site, "/feed.xml", [publish(site, "/news/old-path-3", 3, 8)], etag='"v1"')
    add(sqlite_store, site.url("/feed.xml"))
    watch = watcher(sqlite_store, resources)
    watch.round()
    moved = publish(site, "/2026/03/new-path-3", 3, 11)
    feed(site, "/feed.xml", [moved], etag='"v2"')
    with sqlite_store.writing() as session:
        for row in store_sources.due_sources(session, store_sources.now().replace(year=2100)):
            row.next_due_at = None
    report = watch.round()
    assert (report.sources[0].new, report.sources[0].updated) == (0, 1)
    assert count(sqlite_store, ReportRow) == 1 and killed_best(sqlite_store) == [11]


def test_a_failing_source_is_backed_off_and_reported_the_others_go_on(
    sqlite_store: Store, resources: Any, site: Site
) -> None:
    site.put("/broken.xml", "oops", status=500)
    feed(site, "/good.xml", [publish(site, "/news/fine-2", 2, 6)])
    add(sqlite_store, site.url("/broken.xml"), name="broken", every_seconds=60)
    add(sqlite_store, site.url("/good.xml"), name="good")
    report = watcher(sqlite_store, resources).round()
    broken, good = report.sources
    assert broken.status == "failed" and "500" in (broken.error or "")
    assert site.hits["/broken.xml"] == 2  # one retry
    assert good.new == 1
    with sqlite_store.sessions() as session:
        health = {h.name: h for h in store_sources.list_sources(session)}
    assert health["broken"].failures == 1 and "500" in (health["broken"].last_error or "")
    assert health["broken"].next_due_at is not None
    assert health["broken"].last_error_at is not None


@pytest.mark.parametrize(("failures", "seconds"), [(0, 60), (1, 120), (3, 480), (30, 6 * 3600)],
                         ids=["ok", "one", "three", "capped"])
def test_back_off_doubles_per_failure_and_is_capped(failures: int, seconds: int) -> None:
    assert store_sources.next_delay(60, failures).total_seconds() == seconds


def test_bad_pages_are_problems_of_their_source_and_the_good_ones_are_stored(
    sqlite_store: Store, resources: Any, site: Site
) -> None:
    good = publish(site, "/news/good-4", 4, 17)
    site.put("/news/menu-page", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    site.put("/news/huge-page", b"<html><body><p>" + b"x " * 400_000 + b"</p></body></html>")
    site.put("/news/loop-a", "", status=302, location="/news/loop-b")
    site.put("/news/loop-b", "", status=302, location="/news/loop-a")
    site.put("/news/slow-page", article_page("slow", article_text(9, 5)), delay=1.5)
    latin = article_page("Attaque", article_text(6, 21, 1)).replace(
        "resident", "résident").replace('charset="utf-8"', 'charset="latin-1"')
    site.put("/news/latin-6", latin.encode("latin-1"), content_type="text/html; charset=latin-1")
    links = [site.url(p) for p in ("/news/menu-page", "/news/huge-page", "/news/loop-a",
                                   "/news/slow-page", "/news/latin-6")] + [good]
    feed(site, "/feed.xml", links)
    add(sqlite_store, site.url("/feed.xml"))
    settings = WatchSettings(min_host_delay=0.0, retries=1, backoff=0.0, timeout=0.5,
                             max_bytes=200_000)
    report = watcher(sqlite_store, resources, settings).round()
    (polled,) = report.sources
    assert polled.status == "ok" and polled.new == 2
    problems = " | ".join(polled.problems)
    for expected in ("is not an article", "larger than 200000 bytes", "redirects in a loop",
                     "no answer within 0.5 s"):
        assert expected in problems
    with sqlite_store.sessions() as session:
        texts = [r.text for r in session.scalars(select(ReportRow))]
    assert any("résident" in t for t in texts)


def test_a_truncated_feed_keeps_its_complete_entries(
    sqlite_store: Store, resources: Any, site: Site
) -> None:
    links = [publish(site, f"/news/cut-{n}", n, 30 + n) for n in range(2)]
    whole = rss("Test outlet", [(f"s{n}", u, "x") for n, u in enumerate(links)])
    site.put("/feed.xml", whole[: whole.rindex("<item>") + 40], content_type="application/rss+xml")
    add(sqlite_store, site.url("/feed.xml"))
    (polled,) = watcher(sqlite_store, resources).round().sources
    assert polled.new == 1 and any("not well-formed" in p for p in polled.problems)


def test_robots_txt_is_obeyed(sqlite_store: Store, resources: Any, site: Site) -> None:
    site.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    feed(site, "/feed.xml", [publish(site, "/private/story-8", 8, 4)])
    add(sqlite_store, site.url("/feed.xml"))
    (polled,) = watcher(sqlite_store, resources).round().sources
    assert polled.new == 0 and "robots.txt" in polled.problems[0]
    assert site.hits["/private/story-8"] == 0


def test_the_host_delay_is_kept_between_requests(site: Site) -> None:
    waited: list[float] = []
    moments = iter([0.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5])
    fetcher = Fetcher(WatchSettings(min_host_delay=2.0, respect_robots=False),
                      sleep=waited.append, clock=lambda: next(moments))
    site.put("/a", "a")
    fetcher.get(site.url("/a"))
    fetcher.get(site.url("/a"))
    assert waited == [1.5]


def test_a_stop_between_reports_loses_nothing(
    sqlite_store: Store, resources: Any, site: Site
) -> None:
    links = [publish(site, f"/news/stop-{n}", n, 40 + n) for n in range(3)]
    feed(site, "/feed.xml", links)
    add(sqlite_store, site.url("/feed.xml"))
    watch = watcher(sqlite_store, resources)
    real_get = watch.fetcher.get

    def stop_after_first_article(url: str, *args: Any) -> Any:
        if url.endswith("/news/stop-1"):
            watch.stop()
        return real_get(url, *args)

    watch.fetcher.get = stop_after_first_article  # type: ignore[method-assign]
    first = watch.round()
    assert first.stopped and first.sources[0].new == 2  # the report in hand finished
    resumed = watcher(sqlite_store, resources)
    with sqlite_store.writing() as session:
        for row in store_sources.due_sources(session, store_sources.now().replace(year=2100)):
            row.next_due_at = None
    second = resumed.round()
    assert second.sources[0].new == 1 and site.conditional["/feed.xml"] == 0
    assert count(sqlite_store, ReportRow) == 3


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.org/x?utm_source=t&id=2#c", "https://a.org/x?id=2"),
        ("HTTP://A.org:80/x?b=1&a=2", "http://a.org/x?a=2&b=1"),
        ("https://a.org/x?fbclid=abc", "https://a.org/x"),
    ],
    ids=["utm-and-fragment", "case-port-order", "fbclid"],
)
def test_urls_are_normalised(url: str, expected: str) -> None:
    assert normalise_url(url) == expected


def test_sources_cli_add_list_remove(tmp_path: Any) -> None:
    db = f"sqlite:///{tmp_path / 'w.sqlite'}"
    runner = CliRunner()
    added = runner.invoke(app, ["sources", "add", "https://example.test/feed.xml", "--name",
                                "ex", "--every", "30m", "--db", db])
    assert added.exit_code == 0, added.output
    again = runner.invoke(app, ["sources", "add", "https://example.test/feed.xml", "--db", db])
    assert again.exit_code == 1 and "already" in again.output
    listed = runner.invoke(app, ["sources", "list", "--format", "json", "--db", db])
    assert '"name": "ex"' in listed.output and '"every_seconds": 1800' in listed.output
    bad = runner.invoke(app, ["sources", "add", "https://x.test/", "--kind", "gopher", "--db", db])
    assert bad.exit_code == 1 and "html-index" in bad.output
    removed = runner.invoke(app, ["sources", "remove", "ex", "--db", db])
    assert removed.exit_code == 0 and "removed" in removed.output


def test_watch_once_and_sources_test_from_the_command_line(site: Site, tmp_path: Any) -> None:
    feed(site, "/feed.xml", [publish(site, "/news/cli-1", 1, 12)])
    site.put("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    runner = CliRunner()
    tried = runner.invoke(app, ["sources", "test", site.url("/feed.xml"), "--articles", "1"])
    assert tried.exit_code == 0, tried.output
    assert "1 entries" in tried.output and "words)" in tried.output
    assert not (tmp_path / "cli.sqlite").exists()  # stores nothing
    runner.invoke(app, ["sources", "add", site.url("/feed.xml"), "--name", "local", "--db", db])
    watched = runner.invoke(app, ["watch", "--once", "--min-delay", "0", "--db", db])
    assert watched.exit_code == 0, watched.output
    assert "local: ok, seen 1, new 1" in watched.output and "created 1" in watched.output
    listed = runner.invoke(app, ["sources", "list", "--db", db])
    assert "local" in listed.output and "never" not in listed.output
