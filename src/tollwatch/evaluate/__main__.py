"""`python -m tollwatch.evaluate --update-floor`: re-measure the dev set, rewrite the floor.

Run from the repository root; defaults are ../shared/gold/dev and tests/quality_floor.json.
Commit the rewritten floor file on purpose: it is the quality gate.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import TollwatchError
from ..settings import load_settings
from .floor import build_floor, read_floor, write_floor
from .report import format_table
from .run import evaluate_files


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, evaluate, and (with --update-floor) write the floor file."""
    parser = argparse.ArgumentParser(prog="python -m tollwatch.evaluate", description=__doc__)
    parser.add_argument("--update-floor", action="store_true", help="rewrite the floor file")
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold/dev"))
    parser.add_argument("--floor", type=Path, default=Path("tests/quality_floor.json"))
    parser.add_argument(
        "--limit", type=int, default=None,
        help="records per gold file, spread evenly (default with --update-floor: the floor's)",
    )
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    try:
        limit = args.limit
        if limit is None and args.update_floor and args.floor.exists():
            limit = read_floor(args.floor).limit  # keep the sample the floor was measured on
        result = evaluate_files(
            [args.gold], settings=load_settings(), limit=limit, workers=args.workers
        )
        sys.stdout.write(format_table(result))
        if args.update_floor:
            write_floor(args.floor, build_floor(result, limit=limit))
            sys.stdout.write(f"\nwrote {args.floor}: commit it to raise the floor\n")
    except TollwatchError as err:
        sys.stderr.write(f"error: {err}\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
