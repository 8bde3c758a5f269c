"""`tollwatch eval`: score extraction against gold files (thin adapter over tollwatch.evaluate)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import TollwatchError
from ..evaluate import (
    build_floor,
    check_floor,
    evaluate_files,
    format_table,
    read_floor,
    result_json,
    write_floor,
)
from ..settings import load_settings


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


def eval_cmd(
    gold: Annotated[
        list[Path],
        typer.Argument(
            metavar="GOLD", help="Gold JSONL files or folders of them (../shared/gold/dev)."
        ),
    ],
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=1, help="Score N records per file, spread evenly through it."),
    ] = None,
    output_format: Annotated[
        EvalFormat, typer.Option("--format", help="table (for people) or json (for programs).")
    ] = EvalFormat.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the scores to FILE, not stdout.")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Extraction processes.")] = 1,
    write_floor_file: Annotated[
        Path | None,
        typer.Option("--write-floor", help="Also write the key scores as a quality floor file."),
    ] = None,
    check_floor_file: Annotated[
        Path | None,
        typer.Option("--check-floor", help="Exit 1 when a score falls below this floor file."),
    ] = None,
    pairs: Annotated[
        bool,
        typer.Option(
            "--pairs/--no-pairs",
            help="Store and match annotation-format reports to score same-incident pairs.",
        ),
    ] = True,
) -> None:
    """Score extraction against gold files: counts, dates, places, actors, detection."""
    try:
        result = evaluate_files(
            gold, settings=load_settings(), limit=limit, workers=workers, pairs=pairs
        )
        text = (
            json.dumps(result_json(result), indent=1) + "\n"
            if output_format is EvalFormat.json
            else format_table(result)
        )
        if output is None:
            typer.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
        if write_floor_file is not None:
            write_floor(write_floor_file, build_floor(result, limit=limit))
            typer.echo(f"wrote floor {write_floor_file}; commit it to raise the floor", err=True)
        failures = check_floor(result, read_floor(check_floor_file)) if check_floor_file else []
    except (TollwatchError, OSError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from err
    for failure in failures:
        typer.echo(f"below floor: {failure}", err=True)
    if failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the `eval` command to `app`."""
    app.command("eval")(eval_cmd)
