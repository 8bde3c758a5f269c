"""Extraction throughput per language, against English (reports/s, one process).

    python bench/languages.py                  # the goldens of tests/golden/annotated
    python bench/languages.py --repeat 20

Each language's reports are its golden reports (tests/golden/annotated/languages-<code>.jsonl;
English: eval-cases.jsonl, its English records), extracted `--repeat` times after one
warm-up pass, so the figure is the grammar's cost per report of each language, not the
loading of resources. Prints one row per language: reports/s, thousands of characters/s,
and the ratio of characters/s to English's (the reports differ in length).
Figures are recorded in docs/languages.md.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from tollwatch import Report, extract
from tollwatch.pipeline import load_resources
from tollwatch.read.languages import LANGUAGES
from tollwatch.settings import Settings

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden" / "annotated"


def _reports(path: Path, code: str) -> list[Report]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("lang") != code:
            continue
        published = date.fromisoformat(record["published"]) if record.get("published") else None
        out.append(Report(id=record["id"], text=record["text"], published=published))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    settings = Settings()
    resources = load_resources(settings)
    sets = {"en": _reports(GOLDEN / "eval-cases.jsonl", "en")}
    for code in (c for c in LANGUAGES if c != "en"):
        sets[code] = _reports(GOLDEN / f"languages-{code}.jsonl", code)
    rates: dict[str, float] = {}
    chars: dict[str, float] = {}
    for code, reports in sets.items():
        for report in reports:  # warm-up: caches and lazy tables
            extract(report, settings=settings, resources=resources)
        start = time.perf_counter()
        for _ in range(args.repeat):
            for report in reports:
                extract(report, settings=settings, resources=resources)
        elapsed = time.perf_counter() - start
        rates[code] = len(reports) * args.repeat / elapsed
        chars[code] = sum(len(r.text) for r in reports) * args.repeat / elapsed
    print(f"{'lang':<5} {'reports':>7} {'reports/s':>10} {'kchars/s':>9} {'vs en':>6}")
    for code, rate in rates.items():
        print(f"{code:<5} {len(sets[code]):>7} {rate:>10.1f} {chars[code] / 1000:>9.1f}"
              f" {chars[code] / chars['en']:>6.2f}")


if __name__ == "__main__":
    main()
