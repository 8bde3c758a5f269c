"""What the tally's `reviewed` column costs: bench/web.py's synthetic store, reviews on
one event in `--every`, and the median of 7 in-process calls of each part.

    python bench/tally_reviewed.py --events 100000 --every 50
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).parent))
from web import fill

from tollwatch.settings import Settings
from tollwatch.store import open_store, tally
from tollwatch.store.review_models import ReviewRow


def median_ms(call: Callable[[], Any], times: int = 7) -> float:
    """The median wall time of `times` calls, in milliseconds."""
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        call()
        spent.append(time.perf_counter() - start)
    return statistics.median(spent) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=50)
    args = parser.parse_args()
    url = f"sqlite:///{tempfile.mkdtemp()}/tally.sqlite"
    fill(url, args.events)
    store = open_store(Settings(db=url))
    stamp = datetime(2026, 1, 1)
    with store.writing() as session:
        session.execute(insert(ReviewRow), [
            {"event_id": i, "anchors": [], "field": "killed_best", "value": 1, "user": "bench",
             "comment": None, "at": stamp}
            for i in range(1, args.events + 1, args.every)
        ])  # fmt: skip
    with store.sessions() as session:
        narrow = partial(tally._selected, since=None, until=None, country=None)
        sums = median_ms(lambda: tally.net_sums(session, narrow, "country"))
        counts = median_ms(lambda: tally.reviewed_counts(session, narrow, "country"))
        whole = median_ms(lambda: tally.tally(session, by="month", group="country"))
        rows = tally.tally(session, by="month", group="country")
    print(f"events {args.events}, reviewed {sum(r.reviewed for r in rows)}, rows {len(rows)}")
    print(f"net_sums (the sums the tally made before): {sums:.0f} ms")
    print(f"reviewed_counts (the added grouped count): {counts:.0f} ms")
    print(f"tally(by=month, group=country), all of it: {whole:.0f} ms")
    store.close()


if __name__ == "__main__":
    main()
