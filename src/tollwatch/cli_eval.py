"""Commands registered on the `tollwatch` app by this module (STUB until its owner fills it)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
