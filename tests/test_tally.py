"""Tallies: each death counted once (aggregates not added to parts, claims never)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from test_store_support import (
    ARMY,
    HTS,
    IS,
    actor,
    day,
    extraction,
    incident,
    killed,
    place,
    seed_extraction,
    source,
)
from tollwatch.cli import app
from tollwatch.errors import StoreError
from tollwatch.store import Store
from tollwatch.store.tally import period_of


def _total(store: Store, **options: Any) -> int:
    return sum(r.killed_best for r in store.tally(**options))


def test_seed_structure_tallies_to_67(store: Store) -> None:
    ext = seed_extraction()
    assert ext.toll() == 67
    store.ingest([ext])
    store.match()
    rows = store.tally(by="month", group="country")
    assert [(r.period, r.group, r.killed_best) for r in rows] == [("2019-04", "SY", 67)]
    assert rows[0].events == 2  # the 61 aggregate and the 6 IS losses


def test_claims_never_count(store: Store) -> None:
    store.ingest(
        [
            extraction(
                "c",
                [
                    incident(
                        "c#1",
                        "claim",
                        killed=killed(50),
                        perpetrator=IS,
                        date=day("2021-01-01"),
                        source=source("Amaq", "perpetrator_claim"),
                    ),
                ],
            )
        ]
    )
    store.match()
    assert [r.events for r in store.tally()] == []


def test_monitor_figure_counts_once_across_reports(store: Store) -> None:
    for rid, toll, published in (
        ("a", 9, "2021-05-01"),
        ("b", 14, "2021-05-02"),
        ("c", 14, "2021-05-02"),
    ):
        store.ingest(
            [
                extraction(
                    rid,
                    [
                        incident(
                            f"{rid}#1",
                            killed=killed(toll),
                            date=day("2021-05-01"),
                            place=place("Palmyra"),
                            perpetrator=IS,
                        )
                    ],
                    published=published,
                )
            ]
        )
    store.match()
    assert _total(store) == 14


def test_aggregate_counts_only_its_residual_when_a_part_is_counted_elsewhere(
    store: Store,
) -> None:
    # report A: a 40-killed total whose part is a 15-killed attack at Palmyra;
    # report B: the same Palmyra attack as its own top-level incident, 18 killed.
    span = day("2021-06-01", end="2021-06-02")
    a = extraction(
        "A",
        [
            incident(
                "A#1",
                "aggregate",
                parts=["A#2"],
                killed=killed(40),
                date=span,
                place=place(None, "country", country="SY"),
                perpetrator=IS,
            ),
            incident(
                "A#2",
                killed=killed(15),
                date=day("2021-06-01"),
                place=place("Palmyra"),
                perpetrator=IS,
            ),
        ],
        published="2021-06-02",
    )
    b = extraction(
        "B",
        [
            incident(
                "B#1",
                killed=killed(18),
                date=day("2021-06-01"),
                place=place("Palmyra"),
                perpetrator=IS,
            )
        ],
        published="2021-06-03",
    )
    store.ingest([a, b])
    store.match()
    # 18 for the Palmyra event + (40 - 18) residual of the total = 40, not 58
    assert _total(store) == 40


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        pytest.param("day", ["2019-04-11", "2019-04-12", "2019-04-13"], id="day"),
        pytest.param("week", ["2019-W15"], id="week"),
        pytest.param("month", ["2019-04"], id="month"),
    ],
)
def test_periods(sqlite_store: Store, by: str, expected: list[str]) -> None:
    sqlite_store.ingest(
        [
            extraction(
                "p",
                [
                    incident(
                        "p#1", killed=killed(1), date=day("2019-04-11"), place=place("Palmyra")
                    ),
                    incident("p#2", killed=killed(2), date=day("2019-04-12"), place=place("Idlib")),
                    incident(
                        "p#3", killed=killed(3), date=day("2019-04-13"), place=place("Mayadin")
                    ),
                ],
            )
        ]
    )
    sqlite_store.match()
    assert [r.period for r in sqlite_store.tally(by=by)] == expected


def _mixed(store: Store) -> None:
    store.ingest(
        [
            extraction(
                "m",
                [
                    incident(
                        "m#1",
                        killed=killed(4, 3, 6),
                        date=day("2020-01-05"),
                        place=place("Palmyra"),
                        perpetrator=IS,
                        victim=actor("soldiers", "military"),
                        event_type="battle",
                    ),
                    incident(
                        "m#2",
                        killed=killed(10),
                        date=day("2020-02-07"),
                        place=place("Idlib"),
                        perpetrator=ARMY,
                        victim=actor("civilians", "civilian"),
                        event_type="explosion_remote_violence",
                    ),
                    incident(
                        "m#3",
                        killed=killed(2),
                        date=day("2020-02-09"),
                        place=place("Baghdad", country="IQ", admin1="Baghdad", lat=33.3, lon=44.4),
                        perpetrator=HTS,
                        event_type="battle",
                    ),
                ],
            )
        ]
    )
    store.match()


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        pytest.param("country", {"SY": 14, "IQ": 2}, id="country"),
        pytest.param("admin1", {"Homs": 4, "Idlib": 10, "Baghdad": 2}, id="admin1"),
        pytest.param(
            "perpetrator",
            {"Islamic State": 4, "Syrian Arab Army": 10, "Hayat Tahrir al-Sham": 2},
            id="perpetrator",
        ),
        pytest.param(
            "victim_type", {"military": 4, "civilian": 10, "unknown": 2}, id="victim-type"
        ),
        pytest.param("event_type", {"battle": 6, "explosion_remote_violence": 10}, id="event-type"),
    ],
)
def test_groups(sqlite_store: Store, group: str, expected: dict[str, int]) -> None:
    _mixed(sqlite_store)
    got: dict[str, int] = {}
    for row in sqlite_store.tally(by="month", group=group):
        got[row.group] = got.get(row.group, 0) + row.killed_best
    assert got == expected


def test_low_best_high_are_summed(sqlite_store: Store) -> None:
    _mixed(sqlite_store)
    [jan] = [r for r in sqlite_store.tally(by="month") if r.period == "2020-01"]
    assert (jan.killed_low, jan.killed_best, jan.killed_high) == (3, 4, 6)


@pytest.mark.parametrize(
    ("options", "total"),
    [
        pytest.param({"since": date(2020, 2, 1)}, 12, id="since"),
        pytest.param({"until": date(2020, 1, 31)}, 4, id="until"),
        pytest.param({"country": "iq"}, 2, id="country-any-case"),
        pytest.param({"since": date(2020, 2, 8), "country": "SY"}, 0, id="none-left"),
    ],
)
def test_filters(sqlite_store: Store, options: dict[str, object], total: int) -> None:
    _mixed(sqlite_store)
    assert _total(sqlite_store, **options) == total


@pytest.mark.parametrize(
    ("options", "message"),
    [
        pytest.param({"by": "year"}, "use one of day, week, month", id="bad-by"),
        pytest.param({"group": "city"}, "use one of country", id="bad-group"),
    ],
)
def test_bad_options_name_the_choices(
    sqlite_store: Store, options: dict[str, str], message: str
) -> None:
    with pytest.raises(StoreError, match=message):
        sqlite_store.tally(**options)  # type: ignore[arg-type]


def test_period_labels() -> None:
    assert period_of(date(2021, 1, 3), "week") == "2020-W53"
    assert period_of(None, "day") == "unknown"


def test_cli_tally_json_has_killed_best(tmp_path: Path) -> None:
    from tollwatch.settings import Settings
    from tollwatch.store import open_store

    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    with open_store(Settings(db=url)) as opened:
        opened.ingest([seed_extraction()])
        opened.match()
    runner = CliRunner()
    result = runner.invoke(app, ["tally", "--db", url, "--group", "country", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["killed_best"] == 67 and rows[0]["group"] == "SY"
    csv_out = runner.invoke(app, ["tally", "--db", url, "--format", "csv"])
    assert csv_out.output.splitlines()[0].startswith("period,group,events,killed_low")
    table = runner.invoke(app, ["tally", "--db", url, "--by", "day"])
    assert table.exit_code == 0
    assert "2019-04-11" in table.output and "2019-04-12" in table.output
    bad = runner.invoke(app, ["tally", "--db", url, "--by", "year"])
    assert bad.exit_code == 1 and "use one of day, week, month" in bad.output
