"""Throughput and peak memory of extraction, with 1 and 2 worker processes.

    python bench/throughput.py [--gold DIR] [--files news-mixed.jsonl muc34.jsonl]
                               [--workers 1 2] [--repeat N] [--json FILE]

Each (file, workers) run happens in a fresh Python process, so its peak memory
belongs to that run alone: ru_maxrss of the process plus, with a pool, the sum
of the workers' own ru_maxrss (each worker reports it with its results; an
upper bound on what they held at once).
Reports/s is wall time over `tollwatch.parallel.extract_many` (the runner behind
`tollwatch extract`, `run` and `eval`), worker start-up included; resource
loading in the parent is timed apart.
"first s" is the time to the first result: with a pool, the workers' start-up
(each loads the gazetteer) plus one chunk. "rep/cpu-s" (1 worker) divides by
the process's CPU time, steadier than wall time on a shared machine.
Exits 0 with a message when the gold folder (../shared/gold/dev) is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "gold" / "dev"
TARGET_PER_WORKER = 100.0
TARGET_MB = 1536.0


def run_one(path: Path, workers: int, repeat: int) -> dict[str, object]:
    """Extract one gold file's texts (repeated `repeat` times); return the figures."""
    from tollwatch.evaluate.gold import read_gold_file
    from tollwatch.evaluate.run import peak_rss_mb, report_of
    from tollwatch.parallel import PoolStats, extract_many
    from tollwatch.pipeline import load_resources
    from tollwatch.settings import load_settings

    settings = load_settings()
    reports = [report_of(r) for r in read_gold_file(path)] * repeat
    started = time.perf_counter()
    resources = load_resources(settings) if workers == 1 else None
    load_s = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), time.process_time()
    stats = PoolStats()
    extractions = extract_many(
        reports, settings=settings, workers=workers, resources=resources, stats=stats,
        keep_reports=False,
    )
    incidents, first_s = 0, 0.0
    for index, extraction in enumerate(extractions):
        if index == 0:  # with a pool: workers started, resources loaded, first chunk done
            first_s = time.perf_counter() - started
        incidents += len(extraction.incidents)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return {
        "file": path.name, "workers": workers, "reports": len(reports),
        "incidents": incidents, "load_s": round(load_s, 2), "first_s": round(first_s, 2),
        "seconds": round(seconds, 2),
        "reports_per_s": round(len(reports) / seconds, 1),
        "reports_per_s_per_worker": round(len(reports) / seconds / workers, 1),
        # this process's CPU only: meaningful for 1 worker, steadier than wall time
        "reports_per_cpu_s": round(len(reports) / cpu, 1) if workers == 1 and cpu else None,
        "peak_rss_mb": round(peak_rss_mb(stats), 1),
    }


def measure(path: Path, workers: int, repeat: int) -> dict[str, object]:
    """Run `run_one` in a fresh interpreter and read its JSON answer."""
    command = [sys.executable, __file__, "--one", str(path), str(workers), str(repeat)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark run {path.name} x{workers} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def table(rows: list[dict[str, object]]) -> str:
    """A small text table of the runs, with the targets."""
    head = f"{'file':<20} {'workers':>7} {'reports':>7} {'first s':>7} {'s':>7} {'rep/s':>7} " \
           f"{'rep/s/w':>8} {'rep/cpu-s':>9} {'peak MB':>8}"
    lines = [head]
    for r in rows:
        lines.append(
            f"{r['file']!s:<20} {r['workers']!s:>7} {r['reports']!s:>7} {r['first_s']!s:>7} "
            f"{r['seconds']!s:>7} "
            f"{r['reports_per_s']!s:>7} {r['reports_per_s_per_worker']!s:>8} "
            f"{r['reports_per_cpu_s'] or '-'!s:>9} {r['peak_rss_mb']!s:>8}"
        )
    lines.append(f"targets: >= {TARGET_PER_WORKER:g} reports/s per worker, "
                 f"peak memory <= {TARGET_MB:g} MB")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--files", nargs="+", default=["news-mixed.jsonl", "muc34.jsonl"])
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1, help="extract each file N times")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--one", nargs=3, metavar=("FILE", "WORKERS", "REPEAT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        figures = run_one(Path(args.one[0]), int(args.one[1]), int(args.one[2]))
        print(json.dumps(figures))
        return 0
    paths = [args.gold / name for name in args.files]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"skipped: gold data not found ({', '.join(map(str, missing))}); "
              "pass --gold DIR or check out ../shared next to the repository")
        return 0
    rows = [measure(path, workers, args.repeat) for path in paths for workers in args.workers]
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps({"runs": rows}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
