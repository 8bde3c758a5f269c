"""Docs checked by tests: every command is documented, every setting too."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
from typer.main import get_command

from tollwatch.cli import app
from tollwatch.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_and_a_section(name: str) -> None:
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    assert (command.help or "").strip(), f"`tollwatch {name}` has no help text"
    assert f"tollwatch {name}" in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    doc = Settings.__doc__ or ""
    for f in fields(Settings):
        if f.name != "extra":
            assert f"{f.name}:" in doc, f"setting {f.name} is not in the Settings docstring"


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```bash")[1:3]
    assert [b.split("```")[0].strip() for b in blocks] == ["make setup demo", "make setup check"]
