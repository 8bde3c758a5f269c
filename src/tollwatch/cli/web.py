"""`tollwatch serve`: the web workspace over the store (docs/web.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from .store import ConfigOption, DbOption, _opened


def serve_cmd(
    db: DbOption = None,
    config: ConfigOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    public: Annotated[
        bool, typer.Option("--public", help="Read-only published dashboard: no writes, no login.")
    ] = False,
) -> None:
    """Serve the web workspace: events, evidence, tally and exports in a browser."""
    import uvicorn

    from ..web import create_app

    with _opened(db, config, create=False) as store:
        app = create_app(store, public=public)
        typer.echo(f"tollwatch workspace on http://{host}:{port}/ (Ctrl-C stops it)", err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add `serve` to `app`."""
    app.command("serve")(serve_cmd)


__all__ = ["register"]
