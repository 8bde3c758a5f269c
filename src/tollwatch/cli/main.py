"""The `tollwatch` command: a thin adapter over the library (docs/cli.md).

`tollwatch extract PATH...` reads reports (read/files.py), runs the pipeline on each
(parallel.extract_pairs, in N worker processes with --workers), and writes one contract
line per report in input order (contract.extraction_json), or a table.

Exit codes: 0 when at least one report was processed, 1 when none could be,
2 for a usage error (bad option or setting).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .. import __version__
from ..contract import extraction_json
from ..errors import InputError, SettingsError, TollwatchError
from ..parallel import extract_pairs
from ..read.files import ReadResult, parse_published, read_results
from ..read.language import NOT_READ, not_read_summary
from ..records import Extraction, Rejection, Report
from ..settings import Settings, load_settings
from . import eval as cli_eval
from . import gazetteer as cli_gazetteer
from . import store as cli_store
from . import watch as cli_watch
from . import web as cli_web

EXIT_OK = 0
EXIT_NOTHING_PROCESSED = 1
EXIT_USAGE = 2
PROGRESS_AFTER_SECONDS = 2.0
MAX_STDERR_WARNINGS = 50

app = typer.Typer(
    no_args_is_help=True,
    help="tollwatch: incidents of political violence and their death tolls, from reports.",
)


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tollwatch {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """tollwatch: incidents and death tolls from reports of political violence."""


@app.command("extract")
def extract_cmd(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="JSON Lines, text, HTML or RSS/Atom files, or folders of them (read sorted); "
            "'-' reads standard input.",
            show_default=False,
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published", metavar="DATE",
            help="Publication date (YYYY-MM-DD) for reports that carry none "
            "(text and HTML files, JSONL records without 'published').",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f",
                     help="jsonl: one contract line per report; table: a readable summary."),
    ] = OutputFormat.jsonl,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE",
                     help="Write here instead of stdout (atomically: all or nothing)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, metavar="N",
                     help="Worker processes (default: the 'workers' setting, 1)."),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE",
                     help="A TOML settings file (keys at the top or in a 'tollwatch' table)."),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress",
                     help="Progress bar on stderr (default: when stderr is a terminal and the "
                     "run lasts more than 2 seconds).", show_default=False),
    ] = None,
) -> None:
    """Extract incidents from reports: one JSON line per report, in input order.

    Reports that cannot be read still get their line, with "incidents": [] and an
    "error"; errors and warnings also go to stderr. Exit code 0 when at least one
    report was processed, 1 when none could be, 2 for a usage error.
    """
    anchor = _published_option(published)
    settings = _settings(config, workers)
    if output is not None and not output.parent.is_dir():
        raise typer.BadParameter(
            f"folder {output.parent} does not exist; create it or choose another file",
            param_hint="'--output'",
        )
    reporter = StderrReporter(progress)
    try:
        items = read_results(paths, published=anchor, settings=settings)
        with _destination(output) as stream:
            summary = write_lines(extract_lines(items, settings), stream, output_format, reporter)
    except BrokenPipeError as err:  # the reader of stdout went away (`| head`): stop quietly
        reporter.close()
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_NOTHING_PROCESSED) from err
    except BrokenProcessPool as err:
        reporter.close()
        reporter.error(f"a worker process died ({err}); run with --workers 1 to see why")
        raise typer.Exit(EXIT_NOTHING_PROCESSED) from err
    except TollwatchError as err:  # e.g. the gazetteer cannot be loaded: nothing can run
        reporter.close()
        reporter.error(str(err))
        raise typer.Exit(EXIT_NOTHING_PROCESSED) from err
    except OSError as err:
        reporter.close()
        reporter.error(f"cannot write {output or 'the output'}: {err.strerror or err}")
        raise typer.Exit(EXIT_NOTHING_PROCESSED) from err
    reporter.close()
    reporter.finish(summary)
    raise typer.Exit(EXIT_OK if summary.processed else EXIT_NOTHING_PROCESSED)


def _published_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_published(value)
    except InputError as err:
        raise typer.BadParameter(str(err), param_hint="'--published'") from err


def _settings(config: Path | None, workers: int | None) -> Settings:
    try:
        return load_settings(config, workers=workers)
    except SettingsError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_USAGE) from err


@contextmanager
def _destination(output: Path | None) -> Iterator[IO[str]]:
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
    else:
        with atomic_write(output) as handle:
            yield handle


@contextmanager
def atomic_write(path: Path) -> Iterator[IO[str]]:
    """Write `path` through a temporary file in the same folder, renamed when complete.

    If the block raises (or the run is interrupted), the temporary file is removed and
    `path` keeps its previous content, if any.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- running the pipeline over many reports --------------------------------------------


@dataclass
class OutputLine:
    """One report's contract line, with where it came from (for messages on stderr).

    `rejected` is set when the reader refused the report (its error already names the
    file and line); `read_warnings` are the reader's warnings (which name it too).
    """

    origin: str
    line: dict[str, Any]
    rejected: bool = False
    read_warnings: tuple[str, ...] = ()


def extract_lines(
    items: Iterable[ReadResult], settings: Settings, workers: int | None = None
) -> Iterator[OutputLine]:
    """Run the pipeline over read items; one contract line per item, in input order.

    The work is done by `tollwatch.parallel.extract_pairs` (in `workers` processes,
    default: the `workers` setting); the reading warnings of each item are added to
    its line.
    """
    read: deque[ReadResult] = deque()  # items handed to the runner, not answered yet

    def reports() -> Iterator[Report | Rejection]:
        for result in items:
            read.append(result)
            yield result.item

    pairs = extract_pairs(reports(), settings=settings, workers=workers, keep_reports=False)
    for _, extraction in pairs:
        yield _output_line(read.popleft(), extraction)


def _output_line(result: ReadResult, extraction: Extraction) -> OutputLine:
    line = extraction_json(extraction)
    if result.warnings:
        line["warnings"] = [*result.warnings, *line.get("warnings", [])]
    origin = result.item.origin or result.item.id
    rejected = isinstance(result.item, Rejection)
    return OutputLine(origin, line, rejected, result.warnings)


# --- writing ---------------------------------------------------------------------------


@dataclass
class Summary:
    """Counts of a run, for the exit code and the closing message."""

    reports: int = 0
    processed: int = 0
    failed: int = 0
    incidents: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)
    not_read: Counter[str] = field(default_factory=Counter)  # language -> reports


def write_lines(
    lines: Iterable[OutputLine], stream: IO[str], output_format: OutputFormat,
    reporter: StderrReporter,
) -> Summary:
    """Write each line (JSON Lines) or one table at the end; report errors on stderr."""
    summary = Summary()
    for item in lines:
        line = item.line
        summary.reports += 1
        summary.incidents += len(line.get("incidents", []))
        if line.get("error"):
            summary.failed += 1
            reporter.error(line["error"] if item.rejected else f"{item.origin}: {line['error']}")
        else:
            summary.processed += 1
        if any(w.startswith(NOT_READ) for w in line.get("warnings", [])):
            summary.not_read[line.get("language") or "?"] += 1
        for number, message in enumerate(line.get("warnings", [])):
            own = number < len(item.read_warnings)
            reporter.warning(message if own else f"{item.origin}: {message}")
        if output_format is OutputFormat.jsonl:
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            summary.rows.append(line)
        reporter.advance(summary.reports)
    if output_format is OutputFormat.table:
        write_table(summary, stream)
    return summary


def write_table(summary: Summary, stream: IO[str]) -> None:
    """A readable table: one row per incident (or per report without incidents)."""
    table = Table(title="tollwatch extract", show_lines=False)
    for name in ("report", "kind", "killed l/b/h", "date", "place", "perpetrator", "victim",
                 "source"):
        table.add_column(name, overflow="fold")
    for line in summary.rows:
        for row in table_rows(line):
            table.add_row(*row)
    table.caption = (f"{summary.reports} reports, {summary.incidents} incidents, "
                     f"{summary.failed} not readable")
    width = None if stream.isatty() else 160
    Console(file=stream, width=width, highlight=False).print(table)


def table_rows(line: dict[str, Any]) -> list[tuple[str, ...]]:
    """Rows of the table for one contract line."""
    report_id = str(line.get("id"))
    if line.get("error"):
        return [(report_id, "error", "", "", str(line["error"])[:80], "", "", "")]
    if not line.get("incidents"):
        return [(report_id, "none", "", "", "", "", "", "")]
    return [(report_id, *_incident_cells(incident)) for incident in line["incidents"]]


def _incident_cells(incident: dict[str, Any]) -> tuple[str, ...]:
    killed = incident.get("killed") or {}
    counts = "/".join(_cell(killed.get(k)) for k in ("low", "best", "high"))
    when = incident.get("date") or {}
    start, end = when.get("start"), when.get("end")
    date_cell = _cell(start) if start == end or not end else f"{_cell(start)}..{end}"
    place = incident.get("place") or {}
    place_cell = ", ".join(str(v) for v in (place.get("name") or place.get("text"),
                                            place.get("country")) if v)
    return (
        str(incident.get("kind", "")), counts, date_cell, place_cell,
        _cell((incident.get("perpetrator") or {}).get("name")),
        _cell((incident.get("victim") or {}).get("name")),
        _cell((incident.get("source") or {}).get("role")),
    )


def _cell(value: Any) -> str:
    return "-" if value is None else str(value)


class StderrReporter:
    """Errors, warnings, a closing summary and (when useful) a progress bar, on stderr."""

    def __init__(self, progress: bool | None) -> None:
        self.console = Console(file=sys.stderr, highlight=False, soft_wrap=True)
        self.mode = progress
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: Any = None
        self.warnings = 0

    def _show_bar(self) -> bool:
        if self.mode is not None:
            return self.mode
        return sys.stderr.isatty() and time.monotonic() - self.started > PROGRESS_AFTER_SECONDS

    def advance(self, done: int) -> None:
        """Count one more report; start the bar once the run proves long."""
        if self.bar is None and self._show_bar():
            self.bar = Progress(
                TextColumn("extracting"), BarColumn(), TextColumn("{task.completed} reports"),
                TimeElapsedColumn(), console=self.console, transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("extract", total=None)
        if self.bar is not None:
            self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def error(self, message: str) -> None:
        self.console.print(f"error: {message}", markup=False)

    def warning(self, message: str) -> None:
        self.warnings += 1
        if self.warnings <= MAX_STDERR_WARNINGS:
            self.console.print(f"warning: {message}", markup=False)

    def finish(self, summary: Summary) -> None:
        """The closing message: what was done, and what to do when nothing was."""
        hidden = self.warnings - MAX_STDERR_WARNINGS
        if hidden > 0:
            self.console.print(
                f"... and {hidden} more warnings (see the 'warnings' field of each line)",
                markup=False,
            )
        if summary.reports == 0:
            self.error("no reports were found in the given paths")
        elif summary.processed == 0:
            self.error(f"none of the {summary.reports} reports could be processed; "
                       "see the errors above")
        elif summary.failed:
            self.console.print(
                f"{summary.processed} reports processed, {summary.failed} not readable "
                "(their lines carry an \"error\")", markup=False,
            )
        if summary.not_read:
            self.console.print(not_read_summary(summary.not_read), markup=False)


for _module in (cli_eval, cli_gazetteer, cli_store, cli_watch, cli_web):
    _module.register(app)
