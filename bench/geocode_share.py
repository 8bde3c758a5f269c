"""The share of extraction time spent geocoding (`find_places`), in CPU seconds.

    nice python bench/geocode_share.py ../shared/gold/dev [--limit 300] [--warmup 50]

Extracts the gold records (`--limit` per file, spread evenly) in this process, with
`places.geocode.find_places` wrapped by a `time.process_time` counter, after a warm-up
of `--warmup` records (caches, the admin2 index). Prints CPU seconds of extraction and of
geocoding and their ratio; issue 10 asks for at most 0.25. A development tool: nothing
in the package reads it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from tollwatch import pipeline
from tollwatch.evaluate.gold import load_gold
from tollwatch.evaluate.run import report_of
from tollwatch.places import geocode
from tollwatch.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=50)
    args = parser.parse_args()
    settings = Settings()
    resources = pipeline.load_resources(settings)
    records = load_gold(args.gold, args.limit)
    spent = [0.0]
    original = geocode.find_places

    def timed(*a: Any, **k: Any) -> Any:
        started = time.process_time()
        try:
            return original(*a, **k)
        finally:
            spent[0] += time.process_time() - started

    pipeline.places_stage.find_places = timed  # type: ignore[assignment]
    for record in records[: args.warmup]:
        pipeline.extract(report_of(record), settings=settings, resources=resources)
    spent[0] = 0.0
    started = time.process_time()
    for record in records[args.warmup :]:
        pipeline.extract(report_of(record), settings=settings, resources=resources)
    total = time.process_time() - started
    print(
        f"{len(records) - args.warmup} reports: extraction {total:.2f} CPU s, "
        f"geocoding {spent[0]:.2f} CPU s, share {spent[0] / total:.3f}"
    )


if __name__ == "__main__":
    main()
