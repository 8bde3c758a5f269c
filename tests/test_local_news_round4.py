"""US local news of our own, round four (tests/golden/annotated/local-news-round4.jsonl),
written at the start of stop 27 (gva27) and scored once on the unchanged code: 19 of 24
document tolls right (11 of 16 where someone died). Three of its five misses were a
killer's own death counted beside a count of the dead that already holds him; one rule
(`incidents/corefer._fold_own_death_ahead`) mends two of them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

ROUND4 = Path(__file__).resolve().parent / "golden" / "annotated" / "local-news-round4.jsonl"
# Left (docs/quality.md, stop 27, gva27):
KNOWN_MISSES = {
    # "the Tuscaloosa home where a man was shot to death" retold with the second body,
    # and "We now have two victims" counted beside both: 4 for 2
    "ln4-second-victim",
    # "Officer killed, gunman dead" (1) beside "an officer was killed and the man who shot
    # him died" (2): the headline's officer is not seen inside the lead's two
    "ln4-officer-and-suspect",
    # "Man who shot neighbor dies of self-inflicted wound" is not read as the shooter's
    # own death, so the lead's "found dead" suicide counts again
    "ln4-standoff-suicide",
}


def _records() -> list[dict[str, object]]:
    return [json.loads(line) for line in ROUND4.read_text(encoding="utf-8").splitlines()]


def _toll(text: str, settings: Settings, resources: Resources,
          published: date = date(2016, 3, 14)) -> int:
    report = Report(id="l", text=text, language="en", published=published)
    return extract(report, settings=settings, resources=resources).toll() or 0


@pytest.fixture(scope="module")
def misses(settings: Settings, resources: Resources) -> set[str]:
    return {m[0] for m in doc_toll_misses(ROUND4, settings, resources, at_least=24)}


@pytest.mark.parametrize("record_id", sorted(str(r["id"]) for r in _records()))
def test_every_record(record_id: str, misses: set[str], request: pytest.FixtureRequest) -> None:
    if record_id in KNOWN_MISSES:
        request.applymarker(pytest.mark.xfail(
            reason="a known miss of local-news-round4 (docs/quality.md)", strict=True))
    assert record_id not in misses


def test_every_irrelevant_report_keeps_a_zero_toll() -> None:
    irrelevant = [r for r in _records() if not r["relevant"]]
    assert len(irrelevant) == 6
    assert all(r["doc_toll"] == 0 and not r["incidents"] for r in irrelevant)


def test_a_killers_own_death_told_first_is_inside_a_later_count_of_the_dead(
    settings: Settings, resources: Resources
) -> None:
    text = ("Mother of two found dead with her husband, who shot himself\n\n"
            "ERIE, Pa. - A man shot his wife and then killed himself in their home on "
            "Friday, police said. Two people were found dead when officers forced the "
            "door open, and the couple's sons were at school at the time.")
    assert _toll(text, settings, resources) == 2


def test_a_killers_own_death_stays_beside_the_victims_he_killed(
    settings: Settings, resources: Resources
) -> None:
    text = ("Gunman kills himself after shooting\n\n"
            "AKRON, Ohio - A gunman killed himself on Saturday after he shot and killed "
            "two people at a bar, police said.")
    assert _toll(text, settings, resources) == 3
