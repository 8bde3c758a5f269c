"""The founding case: the seed article gives the structure of its gold annotation.

Reads ../shared/seed at run time (skips when it is absent); nothing is copied.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.records import Extraction, Incident
from tollwatch.settings import Settings


@pytest.fixture(scope="module")
def seed(shared_dir: Path, settings: Settings, resources: Resources) -> Extraction:
    text = (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")
    report = Report(id="seed", text=text, published=date(2019, 4, 13), outlet="Middle East Eye")
    return extract(report, settings=settings, resources=resources)


def _by_best(extraction: Extraction, best: int, kind: str | None = None) -> Incident:
    found = [
        i
        for i in extraction.incidents
        if i.killed is not None and i.killed.best == best and (kind is None or i.kind == kind)
    ]
    assert len(found) == 1, f"expected one incident with {best} killed, got {found}"
    return found[0]


def test_document_toll_is_67(seed: Extraction) -> None:
    assert seed.toll() == 67


def test_aggregate_of_61_has_the_35_and_the_26(seed: Extraction) -> None:
    total = _by_best(seed, 61)
    assert total.kind == "aggregate"
    assert total.killed is not None and total.killed.low == 61
    assert set(total.parts) == {_by_best(seed, 35).id, _by_best(seed, 26).id}


def test_15_8_and_4_are_inside_the_35(seed: Extraction) -> None:
    offensive = _by_best(seed, 35)
    assert offensive.kind == "aggregate"
    parts = {_by_best(seed, n).id for n in (15, 8, 4)}
    assert parts == set(offensive.parts)


def test_the_20_is_an_islamic_state_claim_via_amaq(seed: Extraction) -> None:
    claim = _by_best(seed, 20)
    assert claim.kind == "claim"
    assert claim.source is not None and claim.source.role == "perpetrator_claim"
    assert claim.perpetrator is not None and claim.perpetrator.actor.name == "Islamic State"
    assert claim.claim_of == _by_best(seed, 35).id


def test_six_islamic_state_militants_killed(seed: Extraction) -> None:
    losses = _by_best(seed, 6)
    assert losses.kind == "incident"
    assert losses.victim is not None and losses.victim.actor.name == "Islamic State"


def test_dates(seed: Extraction) -> None:
    eight, twenty_six = _by_best(seed, 8), _by_best(seed, 26)
    assert eight.date is not None and eight.date.start == date(2019, 4, 11)
    assert twenty_six.date is not None and twenty_six.date.start == date(2019, 4, 13)


@pytest.mark.parametrize(("best", "province"), [(15, "Homs"), (8, "Deir ez-Zor"), (26, "Idlib")])
def test_provinces(seed: Extraction, best: int, province: str) -> None:
    place = _by_best(seed, best).place
    assert place is not None and place.country == "SY"
    assert place.admin1 is not None
    assert _fold(place.admin1) == _fold(province)


def test_the_35_is_from_the_observatory(seed: Extraction) -> None:
    source = _by_best(seed, 35).source
    assert source is not None and source.role == "monitor"
    assert source.name == "Syrian Observatory for Human Rights"


def test_boilerplate_gives_no_incident(seed: Extraction) -> None:
    text = seed.report.text if seed.report else ""
    tail = text.index("Middle East Eye delivers")
    assert all(span.start < tail for i in seed.incidents for span in i.evidence)


def _fold(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def test_seed_tallies_to_67_in_the_store(seed: Extraction, tmp_path: Path) -> None:
    from tollwatch.store import open_store

    store = open_store(Settings(db=f"sqlite:///{tmp_path / 'seed.sqlite'}"))
    store.ingest([seed])
    store.match()
    rows = store.tally(by="month")
    assert sum(r.killed_best or 0 for r in rows) == 67
