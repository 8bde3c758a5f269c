"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollwatch.pipeline import Resources, load_resources
from tollwatch.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder (seed article, gold dev set); skip when absent."""
    if not (SHARED / "seed" / "article.txt").exists():
        pytest.skip("../shared is absent: skipping tests that read the shared gold data")
    return SHARED


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def resources(settings: Settings) -> Resources:
    """Gazetteer and actor dictionary, loaded once for the whole test session."""
    return load_resources(settings)


# The store tests' fixtures (SQLite and PostgreSQL databases, opened stores) live in
# test_store_support.py; importing them here registers them for every test module.
from test_store_support import (  # noqa: E402
    db_url,
    fresh_url,
    pg_url,
    sqlite_store,
    store,
)

__all__ = ["db_url", "fresh_url", "pg_url", "sqlite_store", "store"]
