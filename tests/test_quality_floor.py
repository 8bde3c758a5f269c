"""The quality gate: dev-set scores may not fall below the committed floor.

tests/quality_floor.json holds the key metrics per dataset, measured on a
deterministic sample of ../shared/gold/dev (`limit_per_file` records spread
evenly through each file, to keep this test to a few seconds). A score more than
the tolerance (0.005; 5 per 1,000 for per-1,000 rates) worse than its floor
fails. Raising the floor is a deliberate commit:

    python -m tollwatch.evaluate --update-floor --limit 150
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tollwatch.evaluate import check_floor, evaluate_files, read_floor
from tollwatch.evaluate.metrics import METRIC_SPECS
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

FLOOR_FILE = Path(__file__).resolve().parent / "quality_floor.json"


def test_floor_file_is_well_formed() -> None:
    floor = read_floor(FLOOR_FILE)
    assert floor.values, "the floor file lists no dataset"
    unknown = {m for metrics in floor.values.values() for m in metrics} - set(METRIC_SPECS)
    assert not unknown, f"unknown metrics in {FLOOR_FILE.name}: {sorted(unknown)}"
    assert 0 < floor.tolerance <= 0.01


@pytest.mark.shared
def test_dev_scores_hold_the_floor(
    shared_dir: Path, settings: Settings, resources: Resources
) -> None:
    floor = read_floor(FLOOR_FILE)
    result = evaluate_files(
        [shared_dir / "gold" / "dev"], settings=settings, limit=floor.limit, resources=resources
    )
    failures = check_floor(result, floor)
    assert not failures, (
        "scores fell below tests/quality_floor.json:\n  " + "\n  ".join(failures)
        + "\nfix the regression, or lower the floor on purpose with "
        "`python -m tollwatch.evaluate --update-floor --limit 150` and say why in the commit"
    )
