"""`tollwatch sources add|list|remove|test`, `tollwatch watch`: thin adapters over
tollwatch.store.sources, tollwatch.watch (docs/watch.md). `digest` and `alerts` are in
cli/digest.py."""

from __future__ import annotations

import json
import signal
from types import FrameType
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..store import sources as store_sources
from ..store.ingest_base import now
from ..watch import fetch as watch_fetch
from ..watch import loop as watch_loop
from .store import ConfigOption, DbOption, _errors, _opened

sources_app = typer.Typer(no_args_is_help=True, help="The sources `tollwatch watch` polls.")


def _watch_settings(min_delay: float | None = None) -> watch_fetch.WatchSettings:
    base = watch_fetch.WatchSettings()
    if min_delay is None:
        return base
    return watch_fetch.WatchSettings(**{**base.__dict__, "min_host_delay": min_delay})


@sources_app.command("add")
def sources_add_cmd(
    url: Annotated[str, typer.Argument(help="The feed, index page or folder to watch.")],
    name: Annotated[str | None, typer.Option(help="A short name (default: the URL).")] = None,
    kind: Annotated[str, typer.Option(help="rss, atom, html-index or folder.")] = "rss",
    every: Annotated[str, typer.Option(help="How often to poll: 15m, 1h, 1d...")] = "15m",
    language: Annotated[
        str | None, typer.Option(help="The language of its reports (ISO 639-1), if known.")
    ] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Add a source to watch (polled at the next `tollwatch watch` round)."""
    with _errors():
        seconds = store_sources.parse_period(every)
    with _opened(db, config) as store, _errors(), store.writing() as session:
        row = store_sources.add_source(session, url, name=name, kind=kind,
                                       every_seconds=seconds, language=language)
        typer.echo(f"source {row.id} added: {row.name} ({kind}, every {every})")


@sources_app.command("list")
def sources_list_cmd(
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """List the sources with their health: last success, last error, items seen and new."""
    with _opened(db, config, create=False) as store, _errors(), store.sessions() as session:
        rows = store_sources.list_sources(session)
    if fmt == "json":
        typer.echo(json.dumps([r.as_dict() for r in rows], indent=1, ensure_ascii=False))
        return
    table = Table("id", "name", "kind", "every", "last success", "failures", "last error",
                  "seen", "new")
    for r in rows:
        when = r.last_success_at.isoformat(timespec="seconds") if r.last_success_at else "never"
        table.add_row(str(r.id), r.name, r.kind, _period(r.every_seconds), when,
                      str(r.failures), (r.last_error or "")[:80], str(r.items_seen),
                      str(r.items_new))
    Console().print(table)


def _period(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


@sources_app.command("remove")
def sources_remove_cmd(
    source: Annotated[str, typer.Argument(help="The source's id, URL or name.")],
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Stop watching a source (the reports already stored stay)."""
    with _opened(db, config, create=False) as store, _errors(), store.writing() as session:
        row = store_sources.remove_source(session, source)
        typer.echo(f"source {row.id} removed: {row.name}")


@sources_app.command("test")
def sources_test_cmd(
    url: Annotated[str, typer.Argument(help="The feed or index page to try.")],
    kind: Annotated[str, typer.Option(help="rss, atom or html-index.")] = "rss",
    articles: Annotated[int, typer.Option(help="Article pages to read.")] = 3,
) -> None:
    """Fetch a source once and show what would be read; store nothing."""
    with _errors():
        preview = watch_loop.preview_source(url, kind, watch_fetch.Fetcher(), articles)
    typer.echo(f"{url}: {len(preview.entries)} entries")
    for problem in preview.problems:
        typer.echo(f"problem: {problem}", err=True)
    for entry in preview.entries:
        typer.echo(f"  {entry.published or '-'}  {entry.title or '-'}  {entry.url}")
    for article in preview.articles:
        if isinstance(article, str):
            typer.echo(f"not read: {article}")
        else:
            typer.echo(f"article {article.canonical}: {article.title or '-'} "
                       f"({article.published or 'no date'}, {len(article.text.split())} words)")


def watch_cmd(
    once: Annotated[bool, typer.Option("--once", help="One round, then exit (for cron).")] = False,
    every: Annotated[str, typer.Option(help="Pause between rounds.")] = "1m",
    min_delay: Annotated[
        float | None, typer.Option(help="Seconds between two requests to one host.")
    ] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Poll the due sources, store and match their new reports (until stopped, or --once).

    SIGTERM or Ctrl-C lets the report in hand finish; nothing is lost."""
    with _errors():
        pause = store_sources.parse_period(every)
    with _opened(db, config) as store, _errors():
        watcher = watch_loop.Watcher(store, _watch_settings(min_delay))

        def stop(signum: int, frame: FrameType | None) -> None:
            watcher.stop()

        previous = signal.signal(signal.SIGTERM, stop)
        old_int = signal.signal(signal.SIGINT, stop)
        try:
            if once:
                _print_round(watcher.round())
            else:
                watcher.run_until_stopped(pause, _print_round)
        finally:
            signal.signal(signal.SIGTERM, previous)
            signal.signal(signal.SIGINT, old_int)


def _print_round(report: watch_loop.RoundReport) -> None:
    stamp = now().isoformat(timespec="seconds")
    for s in report.sources:
        typer.echo(f"{stamp} {s.name}: {s.status}, seen {s.seen}, new {s.new}, updated "
                   f"{s.updated}, duplicates {s.duplicates}"
                   + (f", {len(s.problems)} problem(s)" if s.problems else ""))
        if s.error:
            typer.echo(f"{stamp} {s.name}: error: {s.error}", err=True)
        for problem in s.problems[:10]:
            typer.echo(f"{stamp} {s.name}: problem: {problem}", err=True)
    if report.match is not None:
        m = report.match
        typer.echo(f"{stamp} events {m.events} (created {m.created}, updated {m.updated})")
    if report.alerts is not None:
        a = report.alerts
        typer.echo(f"{stamp} alerts: {len(a.sent)} sent of {len(a.due)} due")
        for error in a.errors:
            typer.echo(f"{stamp} alerts: error: {error}", err=True)
    if report.stopped:
        typer.echo(f"{stamp} stopped; the next round goes on where this one ended", err=True)


def register(app: typer.Typer) -> None:
    """Add `sources ...`, `watch`, `digest` and `alerts ...` to `app`."""
    from . import digest as digest_cli

    app.add_typer(sources_app, name="sources")
    app.command("watch")(watch_cmd)
    digest_cli.register(app)
