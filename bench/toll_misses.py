"""Why the document toll is wrong on an annotation-format dataset where someone died.

    python bench/toll_misses.py ../shared/gold/dev/gva-news.jsonl [--reextract] [--show N]
        [--cause CAUSE] [--all]

Extracts every record (cached under /tmp/tollwatch-toll-misses/ unless --reextract),
then, for the records whose gold document toll is at least 1 (with --all: every record)
and whose predicted document toll differs, guesses the cause from the gold figure, the
predicted incidents and the words of the text:

  no incident         nothing counted (missed singular victim, relevance, ...)
  too low / too high  a toll was found but is below / above the gold
  counted twice       two counted incidents whose figures add up past the gold
  background added    a counted incident whose sentence reads as an earlier event
  injured as killed   a counted figure that equals the gold wounded figure
  shooter not told    the gold is one above the prediction (GVA counts a dead shooter
                      or a later death the article may not know)

and prints the counts per cause, then N examples of each (text of the evidence
sentences, the incidents' figures and rules). A development tool: nothing in the
package reads it.
"""

from __future__ import annotations

import argparse
import pickle
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from tollwatch.evaluate.articles import document_toll, news_incidents
from tollwatch.evaluate.gold import GoldRecord, load_gold
from tollwatch.evaluate.run import report_of
from tollwatch.parallel import extract_many
from tollwatch.pipeline import load_resources
from tollwatch.records import Extraction, Incident
from tollwatch.settings import Settings

CACHE = Path("/tmp/tollwatch-toll-misses")
PAST = re.compile(r"\b(?:last (?:year|month|week)|in (?:19|20)\d\d|earlier this year|ago)\b", re.I)


@dataclass(frozen=True)
class Row:
    """One record with its extraction, reduced to what the causes need."""

    record: GoldRecord
    extraction: Extraction


def extract(path: Path, again: bool) -> list[Row]:
    """Every annotation-format record of `path` with its extraction (cached)."""
    CACHE.mkdir(exist_ok=True)
    cached = CACHE / f"{path.stem}.pickle"
    if cached.exists() and not again:
        pairs = pickle.loads(cached.read_bytes())
        return [Row(r, x) for r, x in pairs]
    settings = Settings()
    records = [r for r in load_gold([path]) if r.annotation is not None]
    extractions = extract_many(
        (report_of(r) for r in records), settings=settings, workers=1,
        resources=load_resources(settings), keep_reports=False,
    )
    pairs = list(zip(records, extractions, strict=True))
    cached.write_bytes(pickle.dumps(pairs))  # plain tuples: readable from any importer
    return [Row(r, x) for r, x in pairs]


def _sentence(text: str, incident: Incident) -> str:
    if not incident.evidence:
        return ""
    span = incident.evidence[0]
    start = max(text.rfind("\n", 0, span.start), text.rfind(". ", 0, span.start)) + 1
    end_dot = text.find(". ", span.end)
    end = min(x for x in (end_dot if end_dot >= 0 else len(text), len(text)))
    return text[start:end + 1].strip().replace("\n", " ")[:300]


def cause(row: Row) -> str:
    """The likeliest cause of a wrong document toll (see the module's docstring)."""
    annotation = row.record.annotation
    assert annotation is not None
    gold = annotation.doc_toll or 0
    toll = document_toll(row.extraction) or 0
    news = [i for i in news_incidents(row.extraction) if i.killed and i.killed.best]
    wounded = next((g.wounded.best for g in annotation.incidents if g.wounded), None)
    if not news:
        return "no incident" if gold else "irrelevant counted?"
    if gold == 0:
        if wounded is not None and any(i.killed and i.killed.best == wounded for i in news):
            return "injured as killed (gold 0)"
        return "toll where gold 0"
    if toll > gold:
        if wounded and any(i.killed and i.killed.best == wounded for i in news):
            return "injured as killed"
        if len(news) > 1:
            if any(PAST.search(_sentence(row.record.text, i)) for i in news):
                return "background added"
            return "counted twice"
        return "too high"
    if toll == gold - 1:
        return "one short (shooter/later death?)"
    return "too low"


def describe(row: Row) -> str:
    """A few lines on one record: gold, prediction, each incident's figure and sentence."""
    annotation = row.record.annotation
    assert annotation is not None
    wounded = next((g.wounded.best for g in annotation.incidents if g.wounded), None)
    lines = [
        f"== {row.record.id} gold {annotation.doc_toll} (wounded {wounded}) "
        f"pred {document_toll(row.extraction)} relevance "
        f"{row.extraction.relevance.reason if row.extraction.relevance else None}"
    ]
    text = row.record.text
    for i in row.extraction.incidents:
        k = i.killed.best if i.killed else None
        w = i.wounded.best if i.wounded else None
        flags = ",".join(
            f for f, on in (("bg", i.background), ("perp", i.perpetrator_dead),
                            ("upd", i.update)) if on
        )
        lines.append(
            f"   {i.id} {i.kind} k={k} w={w} {flags} parts={i.parts} rules={i.rules[:4]}"
            f"\n      | {_sentence(text, i)}"
        )
    lines.append("   TEXT: " + text[:700].replace("\n", " / "))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--reextract", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print N examples per cause")
    parser.add_argument("--cause", default=None, help="show only this cause")
    parser.add_argument("--all", action="store_true", help="also records with gold toll 0")
    args = parser.parse_args(argv)
    rows = extract(args.path, args.reextract)
    by_cause: dict[str, list[Row]] = defaultdict(list)
    scored = 0
    for row in rows:
        annotation = row.record.annotation
        if annotation is None or annotation.doc_toll is None:
            continue
        if annotation.doc_toll < 1 and not args.all:
            continue
        scored += 1
        if (document_toll(row.extraction) or 0) != annotation.doc_toll:
            by_cause[cause(row)].append(row)
    wrong = sum(len(v) for v in by_cause.values())
    print(f"records scored {scored}, wrong {wrong}, exact {1 - wrong / max(scored, 1):.3f}")
    counts = Counter({k: len(v) for k, v in by_cause.items()})
    for name, n in counts.most_common():
        print(f"  {n:5d}  {name}")
    for name, examples in by_cause.items():
        if args.cause and name != args.cause:
            continue
        for row in examples[: args.show]:
            print(f"\n[{name}]")
            print(describe(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
