"""Time per report against its length, for ordinary and hostile text, up to the size limit.

    python bench/stalls.py [--lengths 10000 100000 ...] [--shapes news periods ...]
                           [--json FILE]

Each shape is a report of our own, repeated (or cut) to each length in turn, up to
`max_report_chars` (2,000,000 by default: longer texts are cut there). A report is
extracted once by `tollwatch.pipeline.extract`, in this process, with the resources
loaded beforehand; the figure is CPU seconds (steadier than wall time on a shared
machine). "us/kchar" is microseconds per 1,000 characters: a stage that is linear
in the report's length keeps it about flat as the length grows; "growth" is the
us/kchar of the longest length over that of the shortest (1 = linear, 10 at 10x the
length would be quadratic). Results and the command are in docs/reliability.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tollwatch.pipeline import Resources, extract, load_resources  # noqa: E402
from tollwatch.records import Report  # noqa: E402
from tollwatch.settings import Settings  # noqa: E402

HEADLINE = "Gunmen kill nine at a cattle market near the river crossing"
STORY = (
    "Nine traders were killed and eleven wounded on Tuesday when gunmen on motorbikes "
    "fired on a weekly cattle market outside Gwoza, a local official said. Troops were "
    "sent to the area on Wednesday and the wounded were taken to a hospital in "
    "Maiduguri. Raids on markets in the district left more than thirty dead last month, "
    "a rights group said. "
)

SHAPES: dict[str, Callable[[int], str]] = {
    "news": lambda n: _fill(f"{HEADLINE}\n{STORY}\n", n),
    "periods": lambda n: _fill(f"{HEADLINE}\n{'.' * 180}\n{STORY}\n", n),
    "killed": lambda n: _fill("killed ", n),
    "N-killed": lambda n: _fill("N killed", n),
    "5-killed": lambda n: _fill("5 killed ", n),
    "word": lambda n: "a" * n,
    "line": lambda n: _fill("gunmen attacked the village and soldiers fought rebels ", n),
    "places": lambda n: _fill("clashes between Gwoza and Kano near Maiduguri ", n),
}
DEFAULT_LENGTHS = [10_000, 100_000, 500_000, 1_000_000, 2_000_000]


def _fill(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def time_one(text: str, settings: Settings, resources: Resources) -> tuple[float, str | None]:
    """CPU seconds to extract one report of `text`, and its error if any."""
    report = Report(id="bench", text=text)
    started = time.process_time()
    extraction = extract(report, settings=settings, resources=resources)
    return time.process_time() - started, extraction.error


def run(shapes: list[str], lengths: list[int]) -> list[dict[str, object]]:
    """One row per shape: CPU seconds and us/kchar at each length."""
    settings = Settings(report_timeout_s=0)
    resources = load_resources(settings)
    time_one(SHAPES["news"](5_000), settings, resources)  # warm up lazy caches
    rows: list[dict[str, object]] = []
    for shape in shapes:
        seconds: dict[int, float] = {}
        for length in lengths:
            spent, error = time_one(SHAPES[shape](length), settings, resources)
            if error:
                print(f"{shape} at {length:,}: {error}", file=sys.stderr)
            seconds[length] = spent
        per_k = {n: seconds[n] / (n / 1_000) * 1e6 for n in lengths}
        rows.append({
            "shape": shape,
            "seconds": seconds,
            "us_per_kchar": per_k,
            "growth": per_k[lengths[-1]] / per_k[lengths[0]] if per_k[lengths[0]] else None,
        })
    return rows


def table(rows: list[dict[str, object]], lengths: list[int]) -> str:
    """A Markdown table: CPU seconds per length, us/kchar at the longest, growth."""
    head = ["shape", *(f"{n:,} chars (s)" for n in lengths), "us/kchar (longest)", "growth"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        seconds = cast(dict[int, float], row["seconds"])
        per_k = cast(dict[int, float], row["us_per_kchar"])
        growth = row["growth"]
        cells = [str(row["shape"]), *(f"{seconds[n]:.2f}" for n in lengths),
                 f"{per_k[lengths[-1]]:.0f}",
                 f"{growth:.2f}" if isinstance(growth, float) else "-"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=DEFAULT_LENGTHS)
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    rows = run(args.shapes, args.lengths)
    print(table(rows, args.lengths))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
