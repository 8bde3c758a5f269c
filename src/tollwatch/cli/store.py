"""`tollwatch run | tally | export | rejections | db upgrade`: thin adapters over
tollwatch.store.

Each command parses its options, makes one library call, and turns a
TollwatchError into a one-line message on stderr and exit code 1. `run` also exits
with 1 when a path does not exist (before anything is written) and when no report
of its input is in the store at the end; it prints every rejection's reason (the
first MAX_SHOWN; `tollwatch rejections` lists them all). The commands that read
(`tally`, `export`, `rejections`) refuse a database that does not exist.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import InputError, SettingsError, TollwatchError
from ..read.language import not_read_summary
from ..settings import Settings, load_settings
from ..store import Store, open_store
from ..store.export import spreadsheet_safe
from ..store.ingest import IngestStats, estimate_reports
from ..store.tally import TallyRow

MAX_SHOWN = 20  # rejections and warnings printed by `run`; the rest are counted

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL (default: TOLLWATCH_DB, else sqlite:///tollwatch.sqlite)."
    ),
]
DateOption = Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"])]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="A TOML settings file (see settings.py).")
]


def _settings(db: str | None, config: Path | None = None, workers: int | None = None) -> Settings:
    return load_settings(config_file=config, db=db, workers=workers)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except TollwatchError as err:
        typer.echo(f"error ({err.code}): {err}", err=True)
        raise typer.Exit(1) from err
    except BrokenProcessPool as err:
        typer.echo(f"error: a worker process died ({err}); run with --workers 1 to see why",
                   err=True)
        raise typer.Exit(1) from err


@contextmanager
def _opened(
    db: str | None, config: Path | None, workers: int | None = None, *, create: bool = True
) -> Iterator[Store]:
    with _errors():
        store = open_store(_settings(db, config, workers), create=create)
        try:
            yield store
        finally:
            store.close()


def run_cmd(
    paths: Annotated[
        list[Path], typer.Argument(help="Report files or folders (JSONL, text, HTML, feeds).")
    ],
    db: DbOption = None,
    config: ConfigOption = None,
    published: DateOption = None,
    batch_size: Annotated[int, typer.Option(help="Reports per transaction.")] = 100,
    refresh: Annotated[
        bool, typer.Option(help="Extract stored reports again and replace their incidents.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-w", min=1, metavar="N",
            help="Worker processes that extract (default: the 'workers' setting, 1).",
        ),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster", metavar="ADDRESS",
            help="Extract on the Dask cluster whose scheduler is at ADDRESS "
            "(e.g. tcp://10.0.0.5:8786); this process reads and stores. Needs "
            "`pip install 'tollwatch[cluster]'`; see docs/scale.md.",
        ),
    ] = None,
    incremental: Annotated[
        bool,
        typer.Option(
            "--incremental/--full-match",
            help="Match only what the new reports touch (the default: the same events as "
            "a full pass, at a cost that follows the new reports), or re-match the whole "
            "store; `tollwatch rematch` rebuilds all without reading anything.",
        ),
    ] = True,
) -> None:
    """Read, extract, store and match reports in one go (re-running changes nothing).

    Prints each rejected report's reason and the reading warnings on stderr; exits
    with 1 when a path does not exist or when no report of the input was stored."""
    with _errors():
        _check_paths(paths)
        if cluster is not None and workers is not None:
            raise SettingsError(
                f"--workers {workers} and --cluster {cluster} exclude each other: the "
                "cluster's workers extract; give one of them")
    console = Console(stderr=True)
    warnings: list[str] = []
    with (
        _opened(db, config, workers) as store,
        _progress(console, estimate_reports(paths)) as advance,
    ):
        summary = store.run(
            paths,
            published=published.date() if published else None,
            batch_size=batch_size,
            on_batch=advance,
            refresh=refresh,
            workers=workers,
            on_warning=lambda item, message: warnings.append(message),
            incremental=incremental,
            cluster=cluster,
        )
    s, m = summary.ingest, summary.match
    moved = f" (moved {s.moved})" if s.moved else ""
    typer.echo(
        f"reports {s.reports_in}: stored {s.stored}, replaced {s.replaced}, unchanged "
        f"{s.unchanged}{moved}, rejected {s.rejected}; incidents {s.incidents}; events "
        f"{m.events} (created {m.created}, updated {m.updated}, deleted {m.deleted})"
    )
    _print_problems(s, warnings, db)
    if s.not_read:
        typer.echo(not_read_summary(s.not_read), err=True)
    if s.kept == 0:
        typer.echo(
            f"error: nothing was stored: {s.reports_in} report(s) read, "
            f"{s.rejected} rejected (reasons above)" if s.reports_in else
            "error: nothing was stored: no report was read", err=True)
        raise typer.Exit(1)


def _check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if str(p) != "-" and not p.exists()]
    if missing:
        raise InputError(
            f"{', '.join(missing)} {'does' if len(missing) == 1 else 'do'} not exist; check "
            "the path (give files or folders of JSON Lines, text, HTML or RSS/Atom); "
            "nothing was read or stored"
        )


def _print_problems(stats: IngestStats, warnings: list[str], db: str | None) -> None:
    """Each rejection's reason and each warning on stderr, the first MAX_SHOWN of each."""
    for note in stats.rejections[:MAX_SHOWN]:
        typer.echo(f"rejected {note.origin}: {note.reason}", err=True)
    if stats.rejected > MAX_SHOWN:
        where = f" --db {db}" if db else ""
        typer.echo(
            f"... and {stats.rejected - MAX_SHOWN} more rejected; "
            f"`tollwatch rejections{where}` lists them all", err=True)
    for message in warnings[:MAX_SHOWN]:
        typer.echo(f"warning: {message}", err=True)
    if len(warnings) > MAX_SHOWN:
        typer.echo(f"... and {len(warnings) - MAX_SHOWN} more warnings", err=True)


@contextmanager
def _progress(console: Console, total: int) -> Iterator[Callable[[IngestStats], None]]:
    columns = (
        TextColumn("storing reports"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    # Refreshed by each batch, not by a thread of its own: with no other thread
    # running, extraction workers can be forked (quick) rather than spawned.
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("run", total=total or None)

        def advance(stats: IngestStats) -> None:
            progress.update(task, completed=stats.reports_in, refresh=True)

        yield advance


def tally_cmd(
    by: Annotated[str, typer.Option(help="Period: day, week or month.")] = "month",
    group: Annotated[
        str | None,
        typer.Option(help="Group by country, admin1, perpetrator, victim_type or event_type."),
    ] = None,
    since: DateOption = None,
    until: DateOption = None,
    country: Annotated[str | None, typer.Option(help="Only this country (ISO alpha-2).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Killed (low/best/high) per period and group, each death counted once."""
    _check_format(fmt)
    with _opened(db, config, create=False) as store, _errors():
        rows = store.tally(
            by=by,
            group=group,
            since=since.date() if since else None,
            until=until.date() if until else None,
            country=country,
        )
    _print_tally(rows, fmt)


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "csv", "json"):
        typer.echo(f"error: --format {fmt!r} is unknown; use table, csv or json", err=True)
        raise typer.Exit(1)


def _write_csv(rows: Sequence[Mapping[str, object]], fieldnames: list[str]) -> None:
    """Rows as CSV on stdout, cells safe to open in a spreadsheet."""
    writer = csv.DictWriter(sys.stdout, fieldnames=fieldnames, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)


def _print_tally(rows: list[TallyRow], fmt: str) -> None:
    dicts = [r.as_dict() for r in rows]
    if fmt == "json":
        typer.echo(json.dumps(dicts, indent=1))
    elif fmt == "csv":
        _write_csv(dicts, list(TallyRow.__dataclass_fields__))
    else:
        table = Table(
            "period", "group", "events", "killed low", "killed best", "killed high", "reviewed"
        )
        for r in rows:
            table.add_row(
                r.period,
                r.group,
                str(r.events),
                *(
                    "-" if v is None else str(v)
                    for v in (r.killed_low, r.killed_best, r.killed_high)
                ),
                str(r.reviewed),
            )
        Console().print(table)


def export_cmd(
    fmt: Annotated[str, typer.Option("--format", help="csv, json, geojson or parquet.")] = "csv",
    columns: Annotated[str, typer.Option(help="native, acled or ucdp column names.")] = "native",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (written atomically).")
    ] = None,
    db: DbOption = None,
    config: ConfigOption = None,
    allow_empty: Annotated[
        bool,
        typer.Option(help="Replace an existing output file even when there are no events."),
    ] = False,
) -> None:
    """Export counted events (one row per event) in tollwatch, ACLED or UCDP columns."""
    with _opened(db, config, create=False) as store, _errors():
        count = store.export(
            fmt, columns, output, stream=sys.stdout if output is None else None,
            allow_empty=allow_empty,
        )
    if output is not None:
        typer.echo(f"{count} events written to {output}", err=True)


def rejections_cmd(
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    limit: Annotated[int | None, typer.Option(help="At most this many, oldest first.")] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """List the reports that could not be read, extracted or stored, with the reason."""
    _check_format(fmt)
    with _opened(db, config, create=False) as store, _errors():
        rows = [
            {"key": r.key, "origin": r.origin, "reason": r.reason,
             "created_at": r.created_at.isoformat(timespec="seconds")}
            for r in store.rejections(limit)
        ]
    if fmt == "json":
        typer.echo(json.dumps(rows, indent=1, ensure_ascii=False))
    elif fmt == "csv":
        _write_csv(rows, ["key", "origin", "reason", "created_at"])
    else:
        table = Table("origin", "reason", "when")
        for row in rows:
            table.add_row(row["origin"], row["reason"], row["created_at"])
        Console().print(table)
        typer.echo(f"{len(rows)} rejection(s)", err=True)


def db_upgrade_cmd(
    db: DbOption = None,
    config: ConfigOption = None,
    revision: Annotated[str, typer.Option(help="Target revision.")] = "head",
) -> None:
    """Apply the database migrations (as `alembic upgrade head`)."""
    from ..store import db as store_db

    with _errors():
        settings = _settings(db, config)
        engine = store_db.make_engine(settings.db)
        try:
            reached = store_db.upgrade(engine, revision)
        finally:
            engine.dispose()
    typer.echo(f"database {store_db.safe_url(settings.db)} is at revision {reached}")


def rematch_cmd(db: DbOption = None, config: ConfigOption = None) -> None:
    """Match every stored incident again into events (the full rebuild)."""
    with _opened(db, config, create=False) as store, _errors():
        m = store.match()
    typer.echo(f"events {m.events} (created {m.created}, updated {m.updated}, "
               f"deleted {m.deleted})")


def register(app: typer.Typer) -> None:
    """Add `run`, `tally`, `export` and `db upgrade` to `app`."""
    app.command("run")(run_cmd)
    app.command("tally")(tally_cmd)
    app.command("export")(export_cmd)
    app.command("rejections")(rejections_cmd)
    app.command("rematch")(rematch_cmd)
    db_app = typer.Typer(no_args_is_help=True, help="The incident database (migrations).")
    db_app.command("upgrade")(db_upgrade_cmd)
    app.add_typer(db_app, name="db")
