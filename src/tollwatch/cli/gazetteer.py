"""`tollwatch gazetteer ...`: import GeoNames dumps, show what is loaded, look a name up.

A thin adapter: each command parses its arguments, makes one library call and
turns `GazetteerError` into a message and exit code 2.
"""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import TollwatchError
from ..settings import Settings, load_settings

gazetteer_app = typer.Typer(
    no_args_is_help=True,
    help="The offline gazetteer: import GeoNames dumps, show what is loaded, look names up.",
)


def _settings(folder: Path | None) -> Settings:
    settings = load_settings()
    if folder is not None:
        settings = settings.with_overrides(gazetteer_dir=str(folder))
    return settings


def _fail(err: TollwatchError) -> typer.Exit:
    typer.echo(f"error: {err}", err=True)
    return typer.Exit(code=2)


@gazetteer_app.command("import")
def import_cmd(
    files: list[Path] = typer.Argument(
        None, help="GeoNames dumps: SY.zip, cities500.txt, ... (or use --countries)."
    ),
    folder: Path | None = typer.Option(
        None, "--dir", help="Gazetteer folder (default: the gazetteer_dir setting)."
    ),
    country: list[str] = typer.Option(
        [], "--country", help="Keep only these ISO2 countries' rows (for allCountries)."
    ),
    countries: str | None = typer.Option(
        None,
        "--countries",
        help="Import these countries' files in one go: SY,IQ,MM reads SY.zip, IQ.zip, "
        "MM.zip (and admin1CodesASCII.txt) from the --from folder.",
    ),
    source: Path = typer.Option(
        Path("."), "--from", help="The folder holding the downloaded country files."
    ),
) -> None:
    """Check GeoNames dumps and add them to the gazetteer folder (used from the next load)."""
    from ..places.gazetteer.geonames import country_dumps

    settings = _settings(folder)
    if not settings.gazetteer_dir:
        typer.echo(
            "error: no gazetteer folder: pass --dir DIR or set TOLLWATCH_GAZETTEER_DIR", err=True
        )
        raise typer.Exit(code=2)
    paths = list(files or [])
    try:
        if countries:
            paths += country_dumps(source, [c for c in countries.split(",") if c.strip()])
        if not paths:
            typer.echo(
                "error: nothing to import: give GeoNames files or --countries SY,IQ --from DIR",
                err=True,
            )
            raise typer.Exit(code=2)
        _import_with_progress(
            paths, Path(settings.gazetteer_dir), frozenset(c.upper() for c in country)
        )
    except TollwatchError as err:
        raise _fail(err) from err


def _import_with_progress(paths: list[Path], folder: Path, keep: frozenset[str]) -> None:
    """Import each file with a Rich progress line (rows read), then a summary line."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

    from ..places.gazetteer.geonames import import_file

    console = Console(stderr=True)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed:,} rows"),
        TimeElapsedColumn(),
    )
    results = []
    with Progress(*columns, console=console, transient=True) as progress:
        overall = progress.add_task(f"{len(paths)} file(s)", total=len(paths))
        for path in paths:
            task = progress.add_task(path.name, total=None)

            def rows_read(n: int, task: TaskID = task) -> None:
                progress.update(task, completed=n)

            results.append(import_file(path, folder, keep, rows_read))
            progress.remove_task(task)
            progress.advance(overall)
    for result in results:
        typer.echo(f"{result.source}: {result.rows:,} {result.kind} rows -> {result.stored}")
    typer.echo("the gazetteer is rebuilt from these files at its next load (about a minute)")


@gazetteer_app.command("info")
def info_cmd(
    folder: Path | None = typer.Option(None, "--dir", help="Gazetteer folder."),
) -> None:
    """Show how many places, provinces, countries and names the gazetteer holds."""
    from ..places.gazetteer import load_gazetteer

    try:
        summary = load_gazetteer(_settings(folder)).summary()
    except TollwatchError as err:
        raise _fail(err) from err
    for key, value in summary.items():
        typer.echo(f"{key}: {value:,}" if isinstance(value, int) else f"{key}: {value}")


@gazetteer_app.command("lookup")
def lookup_cmd(
    name: str = typer.Argument(..., help="A place name in any common spelling."),
    folder: Path | None = typer.Option(None, "--dir", help="Gazetteer folder."),
    limit: int = typer.Option(10, "--limit", help="Show at most this many places."),
) -> None:
    """List the places a name may refer to (provinces and countries first, then by size)."""
    from ..places.gazetteer import load_gazetteer

    try:
        found = load_gazetteer(_settings(folder)).lookup(name)
    except TollwatchError as err:
        raise _fail(err) from err
    if not found:
        typer.echo(f"no place named {name!r}")
        raise typer.Exit(code=1)
    for place in found[:limit]:
        typer.echo(
            f"{place.name}\t{place.kind}\t{place.country}\t{place.admin1 or '-'}\t"
            f"{place.lat:.4f},{place.lon:.4f}\tpop {place.population:,}\t"
            f"geonameid {place.geonameid or '-'}"
        )


def register(app: typer.Typer) -> None:
    """Add the `gazetteer` command group to `app`."""
    app.add_typer(gazetteer_app, name="gazetteer")
