"""Why same-incident pairs of an annotation-format dataset are missed (or wrongly merged).

    python bench/match_misses.py ../shared/gold/dev/gva-news.jsonl [--reextract]

Extracts the dataset (cached under /tmp/tollwatch-match-misses/, or the folder
TOLLWATCH_MISSES_CACHE names: one per worktree when several run at once), stores it in a SQLite
file there, loads the matcher's units, then matches them in memory with the current
matcher and prints pair precision and recall with, for every missed gold pair, the
first reason it was missed:

  no incident      one report has no incident (extraction found none)
  not compared     no candidate pair (dates too far apart, no key in common)
  vetoed: <what>   the best pair was vetoed (place, date, toll, actors)
  under threshold  the best pair scored below the threshold
  clustering       a pair scored enough but the clustering constraints kept them apart

A development tool: nothing in the package reads it.
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from tollwatch.evaluate.gold import load_gold
from tollwatch.evaluate.run import report_of
from tollwatch.parallel import extract_many
from tollwatch.pipeline import load_resources
from tollwatch.settings import Settings
from tollwatch.store import open_store
from tollwatch.store.events import load_incidents, load_keys, to_unit
from tollwatch.store.matching import MatchUnit, candidate_pairs, cluster, score_pairs

CACHE = Path(os.environ.get("TOLLWATCH_MISSES_CACHE", "/tmp/tollwatch-match-misses"))


def extract(path: Path, again: bool) -> tuple[list[MatchUnit], dict[int, str], dict[str, str]]:
    """Units, report row id -> report id, and report id -> gold group (eligible reports)."""
    CACHE.mkdir(exist_ok=True)
    cached = CACHE / f"{path.stem}.units.pickle"
    if cached.exists() and not again:
        return pickle.loads(cached.read_bytes())  # type: ignore[no-any-return]
    settings = Settings()
    records = [
        r for r in load_gold([path]) if r.annotation is not None and r.annotation.incidents
    ]
    extractions = list(
        extract_many(
            (report_of(r) for r in records), settings=settings, workers=1,
            resources=load_resources(settings), keep_reports=False,
        )
    )
    db = CACHE / f"{path.stem}.sqlite"
    db.unlink(missing_ok=True)
    with open_store(replace(settings, db=f"sqlite:///{db}")) as store:
        store.ingest(
            (replace(x, report=report_of(r)) for r, x in zip(records, extractions, strict=True)),
            batch_size=500,
        )
        with store.sessions() as session:
            rows = load_incidents(session)
            keys = load_keys(session)
            units = [
                to_unit(r, keys.get(r.report_id, frozenset()))
                for r in rows
                if not (r.kind == "claim" and r.claim_of)
            ]
            report_ids = {r.report_id: r.report.key for r in rows}
    # a report of no group is its own group: its merges with others are false ones
    groups = {r.id: r.annotation.group or r.id for r in records if r.annotation}
    # report row ids of reports without incidents are not in report_ids: fine
    data = (units, report_ids, groups)
    cached.write_bytes(pickle.dumps(data))
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--reextract", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print N examples per reason")
    args = parser.parse_args(argv)
    units, report_ids, groups = extract(args.path, args.reextract)
    scored = score_pairs(candidate_pairs(units))
    clusters = cluster(units, scored)
    event_of: dict[str, set[int]] = defaultdict(set)
    for i, c in enumerate(clusters):
        for u in c.members:
            event_of[report_ids[u.report]].add(i)
    by_group: dict[str, list[str]] = defaultdict(list)
    for rid, g in groups.items():
        by_group[g].append(rid)
    gold = {p for m in by_group.values() for p in combinations(sorted(m), 2)}
    by_event: dict[int, list[str]] = defaultdict(list)
    for rid, evs in event_of.items():
        if rid in groups:
            for e in evs:
                by_event[e].append(rid)
    predicted = {p for m in by_event.values() for p in combinations(sorted(set(m)), 2)}
    both = len(gold & predicted)
    print(f"pairs: predicted {len(predicted)} gold {len(gold)} both {both}")
    print(f"precision {both / max(len(predicted), 1):.3f} recall {both / max(len(gold), 1):.3f}")
    units_of: dict[str, list[MatchUnit]] = defaultdict(list)
    for u in units:
        units_of[report_ids[u.report]].append(u)
    best: dict[tuple[str, str], object] = {}
    for p in scored:
        ra, rb = sorted((report_ids[p.a.report], report_ids[p.b.report]))
        key = (ra, rb)
        old = best.get(key)
        rank = (p.veto is None, p.score)
        if old is None or rank > (old.veto is None, old.score):  # type: ignore[attr-defined]
            best[key] = p
    reasons: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for pair in sorted(gold - predicted):
        a, b = pair
        if not units_of.get(a) or not units_of.get(b):
            why = "no incident"
        elif pair not in best:
            why = "not compared"
        else:
            p = best[pair]
            if p.veto:  # type: ignore[attr-defined]
                why = "vetoed: " + re.sub(r"[\d.]+|\(.*", "#", p.veto).strip()  # type: ignore[attr-defined]
            elif p.score < 0.7:  # type: ignore[attr-defined]
                why = "under threshold"
            else:
                why = "clustering"
        reasons[why] += 1
        if len(examples[why]) < args.show:
            detail = best.get(pair)
            text = ""
            if detail is not None:
                text = f"{detail.score:.2f} {detail.reasons}"  # type: ignore[attr-defined]
            ua, ub = units_of.get(a, []), units_of.get(b, [])
            examples[why].append(f"{pair} {text}\n    A={_brief(ua)}\n    B={_brief(ub)}")
    for why, n in reasons.most_common():
        print(f"{n:5d}  {why}")
        for line in examples[why]:
            print("     ", line)
    wrong = predicted - gold
    print(f"false merges: {len(wrong)}")
    for pair in sorted(wrong)[: args.show]:
        p = best.get(pair)
        print("     ", pair, f"{p.score:.2f} {p.reasons}" if p else "(chained)")  # type: ignore[attr-defined]
    return 0


def _brief(units: list[MatchUnit]) -> str:
    return "; ".join(
        f"[{u.date_start}~{u.date_end} {u.date_precision} pub {u.published} {u.place}/{u.admin1}"
        f"/{u.country} '{u.place_text}' k={u.killed} {u.kind}]"
        for u in units[:3]
    )


if __name__ == "__main__":
    sys.exit(main())
