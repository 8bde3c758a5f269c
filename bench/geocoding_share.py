"""Geocoding's share of extraction time (issue 10: under a quarter).

    nice python bench/geocoding_share.py [--gold DIR] [--files news-mixed.jsonl gva-news.jsonl ...]
        [--limit 300] [--warmup 50]

Each file is extracted in a fresh Python process with one worker (resources loaded
first, apart, as in bench/throughput.py); `--limit` takes that many records spread
evenly through each file (all of them by default), and the first `--warmup` of them
(none by default) are extracted untimed first, to fill lazily built indexes. The CPU
time spent inside the places stage's calls (`find_places` from the pipeline,
`document_country` and `report_place` from the incident builder) is divided by the CPU
time of the whole extraction. Timing wrappers around three calls per report cost next
to nothing, unlike a profiler's hooks, which inflate Python-heavy stages more than
regex-heavy ones.
Exits 0 with a message when the gold folder (../shared/gold/dev) is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "gold" / "dev"
TARGET_SHARE = 0.25


def run_one(path: Path, limit: int | None, warmup: int) -> dict[str, object]:
    """Extract one gold file's texts in this process; return the places share."""
    from tollwatch import pipeline
    from tollwatch.evaluate.gold import read_gold_file
    from tollwatch.evaluate.run import report_of
    from tollwatch.incidents import build
    from tollwatch.parallel import extract_many
    from tollwatch.settings import load_settings

    spent = [0.0]

    def timed(call: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return call(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - started
        return wrapper

    places, fallback = pipeline.places_stage, build.places_fallback
    places.find_places = timed(places.find_places)  # type: ignore[method-assign]
    places.document_country = timed(places.document_country)  # type: ignore[method-assign]
    fallback.report_place = timed(fallback.report_place)  # type: ignore[method-assign]
    settings = load_settings()
    reports = [report_of(r) for r in read_gold_file(path, limit)]
    resources = pipeline.load_resources(settings)
    for _ in extract_many(reports[:warmup], settings=settings, workers=1,
                          resources=resources, keep_reports=False):
        pass
    reports, spent[0] = reports[warmup:], 0.0
    started = time.process_time()
    for _ in extract_many(reports, settings=settings, workers=1, resources=resources,
                          keep_reports=False):
        pass
    total = time.process_time() - started
    return {"file": path.name, "reports": len(reports), "cpu_s": round(total, 2),
            "places_cpu_s": round(spent[0], 2), "share": round(spent[0] / total, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--files", nargs="+",
                        default=["acled-2022.jsonl", "news-mixed.jsonl", "gva-news.jsonl"])
    parser.add_argument("--limit", type=int, default=None,
                        help="records per file, spread evenly (default: all)")
    parser.add_argument("--warmup", type=int, default=0,
                        help="records per file extracted untimed first (default: 0)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.limit, args.warmup)))
        return 0
    paths = [args.gold / name for name in args.files]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"skipped: gold data not found ({', '.join(map(str, missing))}); "
              "pass --gold DIR or check out ../shared next to the repository")
        return 0
    print(f"{'file':<20} {'reports':>7} {'cpu s':>7} {'places s':>8} {'share':>6}")
    for path in paths:
        command = [sys.executable, __file__, "--one", str(path), "--warmup", str(args.warmup)]
        if args.limit is not None:
            command += ["--limit", str(args.limit)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"run {path.name} failed:\n{done.stderr}")
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{row['file']:<20} {row['reports']:>7} {row['cpu_s']:>7} "
              f"{row['places_cpu_s']:>8} {row['share']:>6.1%}")
    print(f"target: places <= {TARGET_SHARE:.0%} of extraction time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
