"""Synthetic stores of 10k to 1M incidents, written in bulk in the store's own schema.

    world = World(seed=7)
    build(url, world, incidents=1_000_000)   # COPY on PostgreSQL, executemany on SQLite
    world.batch(100)                         # new reports, as extractions

The world: events over ten years in ten countries (3,000 places each, in 16
provinces, with coordinates; 42 perpetrators of seven kinds), each told by one to
three reports of different outlets, dated the same day or the next, with tolls
that differ a little; a fifth of the reports name a victim ("Ana Ruiz, 34"), the
same name in every report of the event. `build` writes reports (with their match
keys, computed as the store computes them), incidents, figures, evidence, places,
actors, sources, and one event per generated event with its reconciled toll and
event figures: the store an ingest and a full match of these reports would leave
when the matcher finds the generated events (merges and audit rows left out). The
schema comes from the store's migrations (`open_store`); the columns a migration
adds later are filled when present (`DERIVED`), so that the same builder serves a
checkout from before them.
"""

from __future__ import annotations

import hashlib
import random
import statistics
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, create_engine, inspect, text

from tollwatch.records import (
    Actor,
    ActorMention,
    DateMention,
    Extraction,
    Incident,
    PlaceMention,
    Report,
    SourceMention,
    Span,
    Toll,
)
from tollwatch.settings import Settings
from tollwatch.store import open_store
from tollwatch.store.keys import report_keys
from tollwatch.store.rows import place_key

COUNTRIES = {"SY": (33.0, 36.0, 37.0, 41.0), "IQ": (30.0, 43.0, 36.0, 47.0),
             "NG": (5.0, 4.0, 13.0, 14.0), "ML": (12.0, -8.0, 20.0, 4.0),
             "SO": (-1.0, 41.0, 11.0, 50.0), "AF": (30.0, 61.0, 38.0, 71.0),
             "YE": (13.0, 43.0, 17.0, 52.0), "CD": (-5.0, 26.0, 3.0, 30.0),
             "SD": (9.0, 22.0, 19.0, 36.0), "BF": (10.0, -5.0, 15.0, 2.0)}
PLACES_PER_COUNTRY, PROVINCES = 3000, 16
START, DAYS = date(2015, 1, 1), 3650
CATEGORIES = ["rebel", "state", "militia", "jihadist", "communal", "criminal", "police"]
ACTORS = [(f"{category.capitalize()} group {k}", category) for category in CATEGORIES
          for k in range(6)]
TYPES = ["battle", "explosion_remote_violence", "violence_against_civilians"]
SYLLABLES = ["ka", "lo", "mi", "ra", "su", "te", "vo", "na", "di", "ba", "ze", "fu", "ho", "ji",
             "pe", "go", "ly", "sha", "qu", "wen", "bar", "tal", "dor", "mes", "rik", "ul"]
PROVINCE_NAMES = ["North", "South", "East", "West", "Upper", "Lower", "Central", "Coast",
                  "Highland", "Lake", "River", "Plains", "Valley", "Border", "Desert", "Hill"]
STAMP = datetime(2026, 1, 1)


@dataclass(frozen=True)
class Event:
    """One generated event: when, where (index into World.places), toll, actor, type,
    and the victim named in its reports (or None)."""

    number: int
    when: date
    where: int
    toll: int
    actor: int
    kind: int
    victim: str | None


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}"


class World:
    """Places and events, drawn from a seeded generator (the same seed, the same world)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        # town names of letters only: the matcher compares the words of place names
        # ("Place SY-12" and "Place SY-40" would be one place named twice)
        names: set[str] = set()
        while len(names) < PLACES_PER_COUNTRY * len(COUNTRIES):
            names.add("".join(self.rng.choice(SYLLABLES) for _ in range(3)).capitalize()
                      + self.rng.choice(["", "a", "i", "o", "un", "ar"]))
        towns = sorted(names)
        self.rng.shuffle(towns)
        self.places = [
            (code, towns[n * PLACES_PER_COUNTRY + k], f"{PROVINCE_NAMES[k % PROVINCES]} {code}",
             round(self.rng.uniform(box[0], box[2]), 5), round(self.rng.uniform(box[1], box[3]), 5))
            for n, (code, box) in enumerate(COUNTRIES.items()) for k in range(PLACES_PER_COUNTRY)
        ]
        self.events: list[Event] = []
        self.reports = 0
        self.prefix = "r"

    def event(self) -> Event:
        rng = self.rng
        e = Event(len(self.events), START + timedelta(days=rng.randrange(DAYS)),
                  rng.randrange(len(self.places)), 1 + int(rng.expovariate(1 / 8)),
                  rng.randrange(len(ACTORS)), rng.randrange(len(TYPES)),
                  _name(rng) if rng.random() < 0.2 else None)
        self.events.append(e)
        return e

    def told(self, event: Event) -> tuple[int, date, date, int, str]:
        """One report of `event`: its number, incident date, publication date, toll, text."""
        self.reports += 1
        n, rng = self.reports, self.rng
        when = event.when + timedelta(days=rng.choice([0, 0, 0, 1]))
        toll = max(1, event.toll + rng.choice([0, 0, 1, -1, 3]))
        _, name, admin1, _, _ = self.places[event.where]
        words = f"{toll} people were killed near {name}, {admin1}."
        if event.victim:
            words += f" Among the dead was {event.victim}, {20 + event.number % 50}."
        published = when + timedelta(days=rng.choice([0, 1]))
        return n, when, published, toll, f"Report {self.prefix}{n}: {words}"

    def extraction(self, event: Event) -> Extraction:
        """A report of `event` as the pipeline would hand it to the store."""
        n, when, published, toll, text_ = self.told(event)
        code, name, admin1, lat, lon = self.places[event.where]
        span = Span(0, len(text_))
        actor_name, category = ACTORS[event.actor]
        incident = Incident(
            f"{self.prefix}{n}#1", "incident", TYPES[event.kind],
            killed=Toll(toll, toll, toll, str(toll)),
            date=DateMention(when, when, "day", "on Monday", span, 0),
            place=PlaceMention(name, code, admin1, None, lat, lon, None, "point", name, span, 0),
            perpetrator=ActorMention(Actor(actor_name, category, category), actor_name, span, 0),
            source=SourceMention(f"Outlet {n % 7}", "media", "an outlet", span, 0),
            evidence=[span],
        )
        report = Report(f"{self.prefix}{n}", text_, published, outlet=f"Outlet {n % 7}",
                        origin=f"bench:{self.prefix}{n}")
        return Extraction(report.id, [incident], report=report)

    def stored(self, incidents: int) -> Iterator[tuple[Event, int]]:
        """Events told by one to three reports, about `incidents` reports in all."""
        made = 0
        while made < incidents:
            event = self.event()
            count = min(1 + self.rng.randrange(3), incidents - made)
            made += count
            yield event, count

    def replay(self, incidents: int) -> None:
        """Draw the stored events again without writing them (a store kept from an
        earlier run was built from the same seed)."""
        for event, count in self.stored(incidents):
            for _ in range(count):
                self.told(event)

    def batch(self, size: int) -> list[Extraction]:
        """New reports: a third about stored events, the rest about new ones."""
        old = len(self.events)
        return [self.extraction(self.events[self.rng.randrange(old)] if i % 3 == 0
                                else self.event()) for i in range(size)]


# Columns that a later migration derives from the others (store/incremental.py):
# filled by the builder when the incidents table has them.
def _derived(row: dict[str, Any], columns: Sequence[str]) -> list[Any]:
    values = {"match_country": row["country"], "date_from": row["date_start"],
              "date_to": row["date_end"], "date_long": False}
    if "match_admin1" in columns:
        # imported here: a checkout from before the place columns has no match_place
        from tollwatch.store.match_place import place_columns

        near = place_columns(row["name"], "point", row["name"], row["admin1"], row["lat"],
                             row["lon"], row["keys"])
        values.update({"match_admin1": near.admin1, "match_cell": near.cell,
                       "match_name": near.name, "match_words": near.words,
                       "match_loose": near.loose})
    return [values[c] for c in columns]


DERIVED = ("match_country", "date_from", "date_to", "date_long", "match_admin1", "match_cell",
           "match_name", "match_words", "match_loose")


class _Writer:
    """Bulk rows into one table: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.postgres = engine.dialect.name == "postgresql"

    def write(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        raw = self.engine.raw_connection()
        count = 0
        try:
            cur = raw.cursor()
            names = ", ".join(f'"{c}"' for c in columns)
            if self.postgres:
                with cur.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:  # type: ignore[attr-defined]
                    for row in rows:
                        copy.write_row(row)
                        count += 1
            else:
                marks = ", ".join("?" for _ in columns)
                chunk: list[Sequence[Any]] = []
                sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
                for row in rows:
                    chunk.append(row)
                    if len(chunk) >= 20000:
                        cur.executemany(sql, chunk)
                        count += len(chunk)
                        chunk = []
                if chunk:
                    cur.executemany(sql, chunk)
                    count += len(chunk)
            raw.commit()
        finally:
            raw.close()
        return count


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def build(url: str, world: World, incidents: int,
          progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Create the store's schema at `url` (migrations) and fill it with `incidents`
    reports of `world` (one incident each) and their events; returns row counts."""
    say = progress or (lambda _msg: None)
    with open_store(Settings(db=url)):
        pass  # migrations up to head
    engine = create_engine(url)
    try:
        return _fill(engine, world, incidents, say)
    finally:
        engine.dispose()


def _fill(engine: Engine, world: World, incidents: int,
          say: Callable[[str], None]) -> dict[str, int]:
    writer = _Writer(engine)
    columns = {c["name"] for c in inspect(engine).get_columns("incidents")}
    derived = [c for c in DERIVED if c in columns]
    counts: dict[str, int] = {}
    places = [(i + 1, place_key(PlaceMention(p[1], p[0], p[2], None, p[3], p[4], None, "point",
                                             p[1], Span(0, 1), 0)),
               p[1], p[0], p[2], None, p[3], p[4], None, "point")
              for i, p in enumerate(world.places)]
    counts["places"] = writer.write(
        "places", ["id", "key", "name", "country", "admin1", "admin2", "lat", "lon",
                   "geonameid", "precision"], places)
    writer.write("actors", ["id", "name", "type", "category"],
                 [(i + 1, a[0], a[1], a[1]) for i, a in enumerate(ACTORS)])
    writer.write("sources", ["id", "name", "role"], [(i + 1, f"Outlet {i}", "media")
                                                       for i in range(7)])
    tables = _Tables()
    written = 0
    for event, count in world.stored(incidents):
        _add_event(tables, world, event, count, derived)
        if len(tables.rows["incidents"]) >= CHUNK:
            written += tables.flush(writer, derived, counts)
            say(f"{written} incidents written")
    written += tables.flush(writer, derived, counts)
    say(f"wrote {counts}")
    _finish(engine)
    return counts


CHUNK = 100_000  # incidents per round of COPY
COLUMNS = {
    "events": ["id", "kind", "counted", "date_start", "date_end", "date_precision", "country",
               "admin1", "location", "lat", "lon", "place_precision", "event_type",
               "sub_event_type", "perpetrator", "perpetrator_type", "victim", "victim_type",
               "killed_low", "killed_best", "killed_high", "wounded_low", "wounded_best",
               "wounded_high", "claims", "summary", "sources", "n_reports", "toll_rule",
               "created_at", "updated_at"],
    "reports": ["id", "key", "report_id", "source", "content_hash", "outlet", "url", "title",
                "published", "text", "origin", "language", "created_at", "updated_at"],
    "report_keys": ["report_id", "kind", "key"],
    "incidents": ["id", "report_id", "local_id", "kind", "top_level", "event_type",
                  "sub_event_type", "date_start", "date_end", "date_precision", "date_text",
                  "place_id", "place_text", "place_precision", "perpetrator_id", "victim_id",
                  "victim_text", "source_id", "source_role", "source_via", "claim_of",
                  "confidence", "update", "event_id"],
    "evidence": ["id", "incident_id", "start", "end", "text"],
    "figures": ["id", "incident_id", "outcome", "low", "best", "high", "text", "span_start",
                "span_end", "sentence", "rule"],
    "event_figures": ["id", "event_id", "measure", "value", "figure_id"],
}


class _Tables:
    """Rows waiting to be written, table by table (in foreign-key order)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in COLUMNS}
        self.event_figures = 0

    def flush(self, writer: _Writer, derived: Sequence[str], counts: dict[str, int]) -> int:
        done = len(self.rows["incidents"])
        for table, columns in COLUMNS.items():
            names = [*columns, *derived] if table == "incidents" else columns
            counts[table] = counts.get(table, 0) + writer.write(table, names, self.rows[table])
            self.rows[table] = []
        return done


def _add_event(tables: _Tables, world: World, event: Event, count: int,
               derived: Sequence[str]) -> None:
    rows = tables.rows
    members: list[tuple[int, date, int]] = []
    code, name, admin1, lat, lon = world.places[event.where]
    for _ in range(count):
        n, when, published, toll, text_ = world.told(event)
        rows["reports"].append((n, f"r{n}", f"r{n}", None, _digest(text_), f"Outlet {n % 7}",
                                None, None, published, text_, f"bench:r{n}", "en", STAMP, STAMP))
        keys = sorted(report_keys(text_))
        rows["report_keys"].extend((n, kind, key) for kind, key in keys)
        values = {"country": code, "date_start": when, "date_end": when, "name": name,
                  "admin1": admin1, "lat": lat, "lon": lon, "keys": keys}
        extra = _derived(values, derived)
        rows["incidents"].append((
            n, n, f"r{n}#1", "incident", True, TYPES[event.kind], None, when, when, "day",
            "on Monday", event.where + 1, name, "point", event.actor + 1, None, None, n % 7 + 1,
            "media", None, None, 0.9, False, event.number + 1, *extra))
        rows["evidence"].append((n, n, 0, len(text_), text_))
        rows["figures"].append((n, n, "killed", toll, toll, toll, str(toll), None, None, text_,
                                "bench"))
        members.append((n, when, toll))
    tolls = [m[2] for m in members]
    best = int(statistics.median_low(tolls))
    low, high = min(tolls), max(tolls)
    first = min(m[1] for m in members)
    actor_name, category = ACTORS[event.actor]
    number = event.number + 1
    rows["events"].append((
        number, "incident", True, first, first, "day", code, admin1, name, lat, lon, "point",
        TYPES[event.kind], None, actor_name, category, None, None, low, best, high, None, None,
        None, None, None, "; ".join(sorted({f"Outlet {m[0] % 7}" for m in members})),
        len(members), "bench", STAMP, STAMP))
    for measure, value in (("killed_low", low), ("killed_best", best), ("killed_high", high)):
        figure = next(m[0] for m in members if m[2] == value)
        tables.event_figures += 1
        rows["event_figures"].append((tables.event_figures, number, measure, value, figure))


def _finish(engine: Engine) -> None:
    """Sequences past the ids written (PostgreSQL) and fresh planner statistics."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            for table in ("places", "actors", "sources", "events", "reports", "incidents",
                          "evidence", "figures", "event_figures"):
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
