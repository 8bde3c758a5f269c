"""Fixtures and builders shared by the store tests (no tests here).

`db_url` is parametrized over SQLite and PostgreSQL: each test gets an empty
database. PostgreSQL tests use one database per session, created with a unique
name on 127.0.0.1:5432 (user postgres) and dropped at the end; tables are emptied
between tests. Where no server answers they skip with a notice.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from tollwatch.records import (
    Actor,
    ActorMention,
    DateMention,
    DatePrecision,
    Extraction,
    Incident,
    PlaceMention,
    Report,
    SourceMention,
    Span,
    Toll,
)
from tollwatch.settings import Settings
from tollwatch.store import Store, open_store
from tollwatch.store.models import Base

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _pg_server() -> str | None:
    """None when PostgreSQL answers, else why not. With TOLLWATCH_REQUIRE_POSTGRES=1 (CI
    sets it) a server that does not answer fails the tests instead of skipping them."""
    why = _pg_down()
    if why is not None and os.environ.get("TOLLWATCH_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL on 127.0.0.1:5432 is required (CI) but does not answer: {why}")
    return why


def _pg_down() -> str | None:
    try:
        engine = create_engine(PG_ADMIN, connect_args={"connect_timeout": 2})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as err:  # any failure to connect means: skip, with the reason
        return f"{err.__class__.__name__}: {str(err).splitlines()[0]}"
    return None


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for the session, dropped at the end."""
    why = _pg_server()
    if why is not None:
        pytest.skip(f"PostgreSQL on 127.0.0.1:5432 does not answer ({why}): skipping")
    name = f"tollwatch_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    try:
        open_store(Settings(db=url)).close()  # migrate once
        yield url
    finally:
        if url in _ENGINES:
            _ENGINES.pop(url).dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


_ENGINES: dict[str, Engine] = {}


def _empty_pg(url: str) -> None:
    """Delete every row (much faster than TRUNCATE on PostgreSQL for tiny tables)."""
    engine = _ENGINES.setdefault(url, create_engine(url))
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


_TEMPLATES: dict[str, Path] = {}


def sqlite_template(factory: pytest.TempPathFactory) -> Path:
    """An empty SQLite database migrated to head once per process; tests get copies."""
    if "sqlite" not in _TEMPLATES:
        path = factory.mktemp("template") / "template.sqlite"
        open_store(Settings(db=f"sqlite:///{path}")).close()
        _TEMPLATES["sqlite"] = path
    return _TEMPLATES["sqlite"]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL: a SQLite file, or the session's PostgreSQL database."""
    if request.param == "sqlite":
        target = tmp_path / "store.sqlite"
        shutil.copyfile(sqlite_template(request.getfixturevalue("tmp_path_factory")), target)
        return f"sqlite:///{target}"
    url: str = request.getfixturevalue("pg_url")
    _empty_pg(url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database that does not exist yet (SQLite) or is empty (PostgreSQL)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite'}"
        return
    why = _pg_server()
    if why is not None:
        pytest.skip(f"PostgreSQL on 127.0.0.1:5432 does not answer ({why})")
    name = f"tollwatch_race_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An open, migrated store on an empty database."""
    opened = open_store(Settings(db=db_url))
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """An open store on a fresh SQLite copy only (for tests that do not depend on the DB)."""
    target = tmp_path / "only.sqlite"
    shutil.copyfile(sqlite_template(tmp_path_factory), target)
    opened = open_store(Settings(db=f"sqlite:///{target}"))
    yield opened
    opened.close()


# ---- builders: hand-made extraction records ----------------------------------------

PLACES = {
    # name: (country, admin1, lat, lon) -- approximate coordinates, written by hand
    "Palmyra": ("SY", "Homs", 34.56, 38.27),
    "al-Koum": ("SY", "Homs", 35.20, 38.85),
    "Mayadin": ("SY", "Deir ez-Zor", 35.02, 40.45),
    "Sukhnah": ("SY", "Homs", 34.88, 38.87),
    "Idlib": ("SY", "Idlib", 35.93, 36.63),
    "Maarat al-Numan": ("SY", "Idlib", 35.65, 36.68),
    "Jisr al-Shughur": ("SY", "Idlib", 35.81, 36.32),
}


def place(name: str | None, precision: str = "point", **over: object) -> PlaceMention:
    """A place mention; known names get their country, province and coordinates."""
    country, admin1, lat, lon = PLACES.get(name or "", (None, None, None, None))
    values: dict[str, object] = {
        "name": name,
        "country": country,
        "admin1": admin1,
        "admin2": None,
        "lat": lat,
        "lon": lon,
        "geonameid": None,
        "precision": precision,
        "text": name or "",
        "span": Span(0, 1),
        "sentence": 0,
    }
    values.update(over)
    return PlaceMention(**values)  # type: ignore[arg-type]


def actor(name: str, type_: str, category: str = "unknown") -> ActorMention:
    return ActorMention(Actor(name, type_, category), name, Span(0, 1), 0)


def source(name: str, role: str) -> SourceMention:
    return SourceMention(name, role, name, Span(0, 1), 0)  # type: ignore[arg-type]


def day(iso: str, precision: DatePrecision = "day", end: str | None = None) -> DateMention:
    start = date.fromisoformat(iso)
    return DateMention(
        start,
        date.fromisoformat(end) if end else start,
        precision,
        iso,
        Span(0, 1),
        0,
    )


def killed(
    best: int | None,
    low: int | None = None,
    high: int | None = None,
    text_: str | None = None,
    span: Span | None = None,
) -> Toll:
    return Toll(
        low if low is not None else best,
        best,
        high if high is not None else best,
        text_ or str(best),
        span,
    )


OBSERVATORY = source("Syrian Observatory for Human Rights", "monitor")
IS = actor("Islamic State", "jihadist", "jihadist")
HTS = actor("Hayat Tahrir al-Sham", "jihadist", "jihadist")
ARMY = actor("Syrian Arab Army", "military", "state")


def incident(local: str, kind: str = "incident", **values: object) -> Incident:
    """An incident with sensible defaults (a monitor's report, an attack)."""
    defaults: dict[str, object] = {
        "event_type": "battle",
        "source": OBSERVATORY,
        "evidence": [Span(0, 10)],
    }
    defaults.update(values)
    return Incident(id=local, kind=kind, **defaults)  # type: ignore[arg-type]


def extraction(
    report_id: str,
    incidents: list[Incident],
    text_: str | None = None,
    published: str | None = "2019-04-13",
) -> Extraction:
    """An Extraction carrying its Report (text defaults to one sentence per incident)."""
    body = text_ or " ".join(f"Sentence about {i.id}." for i in incidents) or "Nothing."
    report = Report(
        id=report_id,
        text=body,
        published=date.fromisoformat(published) if published else None,
        outlet="Test Wire",
        url=f"https://example.org/{report_id}",
        origin=f"test:{report_id}",
    )
    return Extraction(report_id, incidents, report=report)


def seed_extraction() -> Extraction:
    """The seed article's structure, built by hand: its document toll is 67."""
    when = day("2019-04-11", end="2019-04-13")
    return extraction(
        "seed",
        [
            incident(
                "seed#1",
                "aggregate",
                parts=["seed#2", "seed#6"],
                killed=killed(61, 61, None),
                date=day("2019-04-12", end="2019-04-13"),
                place=place(None, "country", country="SY"),
            ),
            incident(
                "seed#2",
                "aggregate",
                parts=["seed#3", "seed#4", "seed#5"],
                killed=killed(35),
                perpetrator=IS,
                date=when,
                place=place(None, "region", country="SY"),
            ),
            incident(
                "seed#3", perpetrator=IS, killed=killed(15), date=when, place=place("al-Koum")
            ),
            incident(
                "seed#4",
                perpetrator=IS,
                killed=killed(8),
                date=day("2019-04-11"),
                place=place("Mayadin"),
            ),
            incident(
                "seed#5",
                perpetrator=IS,
                killed=killed(4),
                date=when,
                place=place(None, "admin1", country="SY", admin1="Homs"),
            ),
            incident(
                "seed#7",
                "claim",
                claim_of="seed#2",
                perpetrator=IS,
                killed=killed(20),
                source=source("Amaq", "perpetrator_claim"),
                date=day("2019-04-12"),
                place=place("Sukhnah", "region"),
            ),
            incident(
                "seed#8",
                perpetrator=ARMY,
                victim=actor("Islamic State", "militant"),
                killed=killed(6),
                date=when,
                place=place(None, "region", country="SY"),
            ),
            incident(
                "seed#6",
                perpetrator=HTS,
                killed=killed(26),
                date=day("2019-04-13"),
                place=place("Idlib", "admin1"),
            ),
        ],
    )
