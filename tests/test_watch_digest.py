"""Digests: new events, revised tolls with their old value, totals, three formats."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from typer.testing import CliRunner

from test_watch import FAST, add, feed, publish
from tollwatch.cli import app
from tollwatch.errors import InputError
from tollwatch.store import Store
from tollwatch.store import sources as store_sources
from tollwatch.store.ingest_base import now
from tollwatch.watch import Fetcher, Watcher
from tollwatch.watch.digest import build_digest, render, toll_text
from watch_support import Site, rss, serve


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site()) as running:
        yield running


def _due_again(store: Store) -> None:
    with store.writing() as session:
        for row in store_sources.due_sources(session, now().replace(year=2100)):
            row.next_due_at = None


@pytest.fixture
def revised(sqlite_store: Store, resources: Any, site: Site) -> tuple[Store, Any]:
    """A store where one event was created, then (after `mid`) revised from 9 to 13
    killed by an update, and a second event appeared."""
    url = publish(site, "/news/attack-7", 7, 9)
    feed(site, "/feed.xml", [url], etag='"v1"')
    add(sqlite_store, site.url("/feed.xml"), name="outlet")
    watch = Watcher(sqlite_store, FAST, fetcher=Fetcher(FAST, sleep=lambda s: None),
                    resources=resources)
    watch.round()
    mid = now()
    publish(site, "/news/attack-7", 7, 13)
    other = publish(site, "/news/attack-8", 8, 21)
    site.put("/feed.xml", rss("Test outlet", [("update", url, "toll rises"),
                                              ("new", other, "another attack")]),
             content_type="application/rss+xml", etag='"v2"')
    _due_again(sqlite_store)
    watch.round()
    return sqlite_store, mid


def test_the_digest_has_new_events_and_revised_tolls_with_the_old_value(
    revised: tuple[Store, Any],
) -> None:
    store, mid = revised
    with store.sessions() as session:
        digest = build_digest(session, mid, now())
    assert [e.killed_best for e in digest.new_events] == [21]
    (revision,) = digest.revised
    assert (revision.old, revision.new) == ("9", "13")
    assert sum(t["events"] for t in digest.totals.values()) == 1
    assert sum(t["events"] for t in digest.previous.values()) == 1  # the revised one
    assert digest.largest[0].killed_best == 21


def test_the_whole_history_is_new_when_the_period_covers_it(revised: tuple[Store, Any]) -> None:
    store, mid = revised
    with store.sessions() as session:
        digest = build_digest(session, mid.replace(year=mid.year - 1), now())
    assert sorted(e.killed_best or 0 for e in digest.new_events) == [13, 21]
    assert digest.revised == []


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_the_digest_renders_in_each_format(revised: tuple[Store, Any], fmt: str) -> None:
    store, mid = revised
    with store.sessions() as session:
        text = render(build_digest(session, mid, now()), fmt)
    if fmt == "json":
        data = json.loads(text)
        assert data["revised"][0]["old"] == "9" and data["new_events"][0]["toll"] == "21"
    else:
        assert "9 -&gt; 13" in text if fmt == "html" else "9 -> 13" in text
        assert "Revised tolls (1)" in text


def test_the_digest_command_writes_a_file(revised: tuple[Store, Any], tmp_path: Any) -> None:
    store, _ = revised
    target = tmp_path / "digest.md"
    result = CliRunner().invoke(app, ["digest", "--since", "24h", "--db", store.url, "-o",
                                      str(target)])
    assert result.exit_code == 0, result.output
    assert "New events (2)" in target.read_text(encoding="utf-8")
    bad = CliRunner().invoke(app, ["digest", "--since", "soon", "--db", store.url])
    assert bad.exit_code == 1 and "not understood" in bad.output


@pytest.mark.parametrize(
    ("low", "best", "high", "text"),
    [(9, 9, None, "at least 9"), (10, 12, 14, "12 (10-14)"), (10, None, 14, "10-14"),
     (None, None, None, "-"), (9, 9, 9, "9")],
    ids=["at-least", "best-in-range", "range", "none", "exact"],
)
def test_tolls_in_words(low: int | None, best: int | None, high: int | None, text: str) -> None:
    assert toll_text(low, best, high) == text


def test_an_empty_period_is_refused() -> None:
    with pytest.raises(InputError, match="earlier --since"):
        build_digest(None, now(), now().replace(year=2000))  # type: ignore[arg-type]
