"""`tollwatch serve`, `tollwatch users ...` and `tollwatch tokens create`: the web
workspace over the store and its accounts (docs/web.md)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..store import users as accounts
from .store import ConfigOption, DbOption, _errors, _opened

PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin", help="Read the password from standard input (for scripts)."),
]


def serve_cmd(
    db: DbOption = None,
    config: ConfigOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    public: Annotated[
        bool, typer.Option("--public", help="Read-only published dashboard: no writes, no login.")
    ] = False,
) -> None:
    """Serve the web workspace: events, evidence, review, tally and exports in a browser."""
    import uvicorn

    from ..web import create_app

    with _opened(db, config, create=False) as store:
        app = create_app(store, public=public)
        typer.echo(f"tollwatch workspace on http://{host}:{port}/ (Ctrl-C stops it)", err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


def users_add_cmd(
    name: Annotated[str, typer.Argument(help="The user's login name.")],
    role: Annotated[str, typer.Option(help="viewer, coder, reviewer or admin.")] = "viewer",
    password_stdin: PasswordStdin = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Add a user who can log in to the workspace."""
    with _errors():
        accounts.check_role(role)
    password = _password(password_stdin)
    with _opened(db, config) as store, _errors(), store.writing() as session:
        accounts.add_user(session, name, role, password)
    typer.echo(f"user {name} added ({role})", err=True)


def users_list_cmd(db: DbOption = None, config: ConfigOption = None) -> None:
    """List the users: name, role, active, created."""
    with _opened(db, config, create=False) as store, _errors(), store.sessions() as session:
        rows = accounts.list_users(session)
    for name, role, active, created in rows:
        state = "active" if active else "disabled"
        typer.echo(f"{name}\t{role}\t{state}\t{created.isoformat(timespec='seconds')}")


def users_disable_cmd(name: str, db: DbOption = None, config: ConfigOption = None) -> None:
    """Disable a user: their sessions end and their API tokens stop working."""
    with _opened(db, config, create=False) as store, _errors(), store.writing() as session:
        accounts.disable_user(session, name)
    typer.echo(f"user {name} disabled", err=True)


def users_reset_password_cmd(
    name: str,
    password_stdin: PasswordStdin = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Set a new password for a user (their sessions end)."""
    password = _password(password_stdin)
    with _opened(db, config, create=False) as store, _errors(), store.writing() as session:
        accounts.reset_password(session, name, password)
    typer.echo(f"password of {name} reset", err=True)


def tokens_create_cmd(
    name: Annotated[str, typer.Argument(help="The user the token acts as.")],
    label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Create an API token (printed once; send it as `Authorization: Bearer TOKEN`)."""
    with _opened(db, config, create=False) as store, _errors(), store.writing() as session:
        token = accounts.new_token(session, name, label)
    typer.echo(token)


def register(app: typer.Typer) -> None:
    """Add `serve`, `users` and `tokens` to `app`."""
    app.command("serve")(serve_cmd)
    users = typer.Typer(no_args_is_help=True, help="Accounts of the web workspace.")
    users.command("add")(users_add_cmd)
    users.command("list")(users_list_cmd)
    users.command("disable")(users_disable_cmd)
    users.command("reset-password")(users_reset_password_cmd)
    app.add_typer(users, name="users")
    tokens = typer.Typer(no_args_is_help=True, help="API tokens for scripts.")
    tokens.command("create")(tokens_create_cmd)
    app.add_typer(tokens, name="tokens")


__all__ = ["register"]
