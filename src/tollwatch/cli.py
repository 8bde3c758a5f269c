"""The `tollwatch` command (STUB: owned by the input/CLI helper). Thin adapter over the library."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from . import cli_eval, cli_gazetteer, cli_store
from .contract import extraction_json
from .pipeline import extract, load_resources
from .records import Report
from .settings import load_settings

app = typer.Typer(no_args_is_help=True, help="tollwatch: incidents and death tolls from reports.")


@app.callback()
def main() -> None:
    """tollwatch: incidents and death tolls from reports of political violence."""


@app.command("extract")
def extract_cmd(paths: list[Path]) -> None:
    """Extract incidents from reports (JSON Lines) and print one JSON line per report."""
    settings = load_settings()
    resources = load_resources(settings)
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            report = Report(id=rec["id"], text=rec["text"])
            typer.echo(json.dumps(extraction_json(extract(report, settings=settings, resources=resources))))


for _module in (cli_eval, cli_gazetteer, cli_store):
    _module.register(app)
