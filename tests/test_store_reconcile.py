"""Event tolls from several reports (rule tolls.event.v1) and their provenance."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from test_store_support import (
    IS,
    day,
    extraction,
    incident,
    place,
    source,
)
from tollwatch.records import Span, Toll
from tollwatch.store import Store
from tollwatch.store.models import EventFigureRow, FigureRow, IncidentRow
from tollwatch.store.reconcile import FigureRef, reconcile


def ref(
    fid: int,
    low: int | None,
    best: int | None,
    high: int | None,
    role: str = "monitor",
    kind: str = "incident",
    published: str = "2020-01-01",
    who: str = "Monitor",
) -> FigureRef:
    return FigureRef(
        fid,
        fid,
        f"r{fid}",
        low,
        best,
        high,
        kind=kind,
        role=role,
        source=who,
        claimant=who,
        published=date.fromisoformat(published),
    )


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        pytest.param(
            [ref(1, 5, 5, 5), ref(2, 12, 12, 12, published="2020-01-02")],
            (12, 12, 12),
            id="later-higher-raises",
        ),
        pytest.param(
            [ref(1, 12, 12, 12), ref(2, 5, 5, 5, published="2020-01-02")],
            (12, 12, 12),
            id="later-lower-does-not-lower",
        ),
        pytest.param(
            [ref(1, 10, 10, None), ref(2, 8, 9, 14)],
            (10, 10, 14),
            id="low-best-high-from-different-reports",
        ),
        pytest.param(
            [ref(1, 20, 20, 20, role="media"), ref(2, 9, 9, 9, role="monitor")],
            (9, 9, 9),
            id="monitor-preferred-over-media",
        ),
        pytest.param(
            [ref(1, 20, 20, 20, role="media"), ref(2, 9, 9, 9, role="witness")],
            (20, 20, 20),
            id="no-monitor-all-count",
        ),
        pytest.param(
            [ref(1, 30, 30, 30, kind="claim"), ref(2, 9, 9, 9)], (9, 9, 9), id="claim-not-counted"
        ),
        pytest.param(
            [ref(1, 30, 30, 30, role="perpetrator_claim")], (None, None, None), id="only-claims"
        ),
        pytest.param(
            [ref(1, 24, 24, None), ref(2, 3, 3, 4)], (24, 24, 24), id="high-never-below-best"
        ),
        pytest.param([], (None, None, None), id="nothing"),
    ],
)
def test_reconcile_rule(figures: list[FigureRef], expected: tuple[int | None, ...]) -> None:
    toll = reconcile(figures)
    assert (toll.low, toll.best, toll.high) == expected
    if toll.low is not None and toll.high is not None:
        assert toll.low <= toll.best <= toll.high  # type: ignore[operator]


def test_claims_shown_apart() -> None:
    toll = reconcile(
        [ref(1, 20, 20, 20, kind="claim", who="IS"), ref(2, 15, 15, 15, who="the Observatory")]
    )
    assert toll.claims_text() == "IS claims 20; the Observatory reports 15"
    assert toll.best_from is not None and toll.best_from.figure_id == 2


def test_every_event_figure_links_to_report_and_sentence(store: Store) -> None:
    text = "Nine soldiers died near Palmyra. The group claimed it killed 30."
    store.ingest(
        [
            extraction(
                "e",
                [
                    incident(
                        "e#1",
                        killed=Toll(9, 9, 9, "Nine soldiers", Span(0, 13)),
                        evidence=[Span(0, 32)],
                        date=day("2020-01-01"),
                        place=place("Palmyra"),
                    ),
                    incident(
                        "e#2",
                        "claim",
                        claim_of="e#1",
                        killed=Toll(30, 30, 30, "30", Span(60, 62)),
                        evidence=[Span(33, len(text))],
                        perpetrator=IS,
                        source=source("Amaq", "perpetrator_claim"),
                        date=day("2020-01-01"),
                    ),
                ],
                text_=text,
            )
        ]
    )
    store.match()
    with store.sessions() as session:
        links = list(session.scalars(select(EventFigureRow)))
        measures = {link.measure: link for link in links}
        assert set(measures) == {"killed_low", "killed_best", "killed_high", "killed_claim"}
        best = session.get(FigureRow, measures["killed_best"].figure_id)
        assert best is not None and best.sentence == "Nine soldiers died near Palmyra."
        owner = session.get(IncidentRow, best.incident_id)
        assert owner is not None and owner.report.key == "e"
        claim = session.get(FigureRow, measures["killed_claim"].figure_id)
        assert claim is not None and claim.sentence == "The group claimed it killed 30."
