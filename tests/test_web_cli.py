"""`tollwatch users ...` and `tollwatch tokens create` (cli/web.py) on SQLite and
PostgreSQL: the accounts they write are the ones the workspace lets in."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.settings import Settings
from tollwatch.store import open_store
from tollwatch.store import users as accounts
from tollwatch.web import create_app

PASSWORD = "a long enough secret"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=64))


def _cli(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.output


def _api(db_url: str, token: str) -> int:
    with open_store(Settings(db=db_url), create=False) as store:
        client = TestClient(create_app(store))
        return client.get("/api/events", headers={"Authorization": f"Bearer {token}"}).status_code


def test_users_and_tokens_from_the_command_line(db_url: str) -> None:
    code, out = _cli("users", "add", "amina", "--role", "reviewer", "--password-stdin",
                     "--db", db_url, stdin=PASSWORD + "\n")  # fmt: skip
    assert code == 0, out
    code, out = _cli("users", "add", "bo", "--db", db_url,
                     stdin=f"{PASSWORD}\n{PASSWORD}\n")  # asked twice  # fmt: skip
    assert code == 0, out
    code, out = _cli("users", "list", "--db", db_url)
    assert code == 0
    assert [line.split("\t")[:3] for line in out.splitlines()] == [
        ["amina", "reviewer", "active"], ["bo", "viewer", "active"],
    ]  # fmt: skip
    code, token = _cli("tokens", "create", "amina", "--label", "nightly export", "--db", db_url)
    assert code == 0 and len(token.strip()) >= 32
    assert _api(db_url, token.strip()) == 200
    code, out = _cli("users", "reset-password", "amina", "--password-stdin", "--db", db_url,
                     stdin="another long secret\n")  # fmt: skip
    assert code == 0, out
    with open_store(Settings(db=db_url), create=False) as store, store.sessions() as session:
        assert accounts.check_password(session, "amina", "another long secret") is not None
        assert accounts.check_password(session, "amina", PASSWORD) is None
    code, out = _cli("users", "disable", "amina", "--db", db_url)
    assert code == 0, out
    assert _api(db_url, token.strip()) == 401  # a disabled user's tokens stop working
    assert "disabled" in _cli("users", "list", "--db", db_url)[1].splitlines()[0]


def test_account_mistakes_are_told_not_raised(db_url: str) -> None:
    code, out = _cli("users", "add", "x", "--role", "boss", "--password-stdin", "--db", db_url,
                     stdin=PASSWORD + "\n")  # fmt: skip
    assert code != 0 and "viewer, coder, reviewer, admin" in out
    code, out = _cli("users", "add", "x", "--password-stdin", "--db", db_url, stdin="short\n")
    assert code != 0 and "at least" in out
    _cli("users", "add", "x", "--password-stdin", "--db", db_url, stdin=PASSWORD + "\n")
    code, out = _cli("users", "add", "x", "--password-stdin", "--db", db_url,
                     stdin=PASSWORD + "\n")  # fmt: skip
    assert code != 0 and "reset-password" in out
    code, out = _cli("tokens", "create", "nobody", "--db", db_url)
    assert code != 0 and "users list" in out
