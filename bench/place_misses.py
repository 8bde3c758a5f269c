"""Where geocoding goes wrong on gold records: wrong country, a continent away, > 50 km.

    python bench/place_misses.py ../shared/gold/dev [--dataset acled-2022] [--only country]
        [--max 40] [--width 300]

Extracts every labelled record with a gold place (annotation-format files are skipped),
reduces it to the document prediction the scorer sees, and lists, per dataset, the
records whose predicted country differs from gold, whose point is more than 1,000 km
from precise gold coordinates, and whose point is more than 50 km away, each with the
text, the predicted place (name, province, country, precision, rule, the phrase) and the
gold. A first word tags each miss with a coarse cause, to count classes:

  no-incident   the record got no incident and the report no place of its own
  no-place      an incident without a place
  country-only  the place is the country alone (the text may name a smaller place)
  other-country the predicted country is another one
  far           same country, more than 1,000 km off (a namesake in a large country)
  near-miss     same country, 50-1,000 km off

Counts of the tags close each dataset; `--dump FILE` writes every record's place and tag
as JSON lines, to compare two versions record by record. Only texts whose answerable
flags say they name the country or a place in it are listed unless `--all` is given.
A development tool: nothing in the package reads it.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from tollwatch.evaluate.gold import GoldRecord, load_gold
from tollwatch.evaluate.metrics import _geo_precise, haversine_km, names_a_place
from tollwatch.evaluate.normalise import country_code
from tollwatch.evaluate.predict import main_incident
from tollwatch.evaluate.run import report_of
from tollwatch.parallel import extract_many
from tollwatch.pipeline import load_resources
from tollwatch.records import Extraction, PlaceMention
from tollwatch.settings import Settings


def classify(
    record: GoldRecord, extraction: Extraction, place: PlaceMention | None
) -> tuple[str, float | None]:
    """The miss's tag and distance (km, None without two points); tag "" for a hit."""
    gold = record.gold
    assert gold is not None
    if place is None and main_incident(extraction) is None:
        return "no-incident", None
    if place is None:
        return "no-place", None
    gold_code = country_code(gold.country)
    distance = None
    if (
        gold.lat is not None and gold.lon is not None and place.lat is not None
        and place.lon is not None and _geo_precise(record)
    ):
        distance = haversine_km(gold.lat, gold.lon, place.lat, place.lon)
    if gold_code is not None and place.country != gold_code:
        return "other-country", distance
    if place.precision == "country" and (distance is None or distance > 50):
        return "country-only", distance
    if distance is not None and distance > 1000:
        return "far", distance
    if distance is not None and distance > 50:
        return "near-miss", distance
    return "", distance


def describe(record: GoldRecord, place: PlaceMention | None, tag: str, km: float | None,
             width: int) -> str:
    """A few lines for one miss: tag, id, distance, text, ours, gold."""
    gold = record.gold
    assert gold is not None
    ours = "-"
    if place is not None:
        ours = (
            f"{place.name} / {place.admin1} / {place.country} [{place.precision}, "
            f"{place.rule}] from {place.text!r}"
        )
    dist = f"{km:.0f} km" if km is not None else "no distance"
    text = textwrap.shorten(record.text, width)
    return (
        f"{tag:13} {record.id} ({dist})\n    text: {text}\n    ours: {ours}\n"
        f"    gold: {gold.location} / {gold.admin1} / {gold.country}"
    )


def run(paths: Sequence[Path], dataset: str | None, only: str | None, show_max: int,
        width: int, everything: bool, dump: Path | None = None) -> None:
    """Extract, classify and print the misses of each dataset."""
    settings = Settings()
    records = [
        r for r in load_gold(paths)
        if r.annotation is None and r.gold is not None and r.relevant is not False
        and (dataset is None or r.dataset == dataset)
    ]
    extractions = extract_many(
        (report_of(r) for r in records), settings=settings, workers=1,
        resources=load_resources(settings), keep_reports=False,
    )
    by_dataset: dict[str, list[str]] = {}
    tags: dict[str, Counter[str]] = {}
    rows: list[str] = []
    for record, extraction in zip(records, extractions, strict=True):
        main = main_incident(extraction)
        place = main.place if main is not None else extraction.place
        tag, km = classify(record, extraction, place)
        if dump is not None:
            rows.append(json.dumps({
                "id": record.id, "tag": tag, "km": km, "text": record.text[:300],
                "ours": None if place is None else [place.name, place.admin1, place.country,
                                                    place.precision, place.text],
            }))
        if not tag or (not everything and not names_a_place(record)):
            continue
        if only is not None and tag != only:
            continue
        tags.setdefault(record.dataset, Counter())[tag] += 1
        by_dataset.setdefault(record.dataset, []).append(describe(record, place, tag, km, width))
    if dump is not None:
        dump.write_text("\n".join(rows) + "\n", encoding="utf-8")
    for name, lines in by_dataset.items():
        print(f"== {name}: {len(lines)} misses")
        for line in lines[:show_max]:
            print(line)
        print(f"-- {name}: " + ", ".join(f"{t} {n}" for t, n in tags[name].most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--dataset")
    parser.add_argument("--only", help="one tag: other-country, far, near-miss, ...")
    parser.add_argument("--max", type=int, default=40, help="misses shown per dataset")
    parser.add_argument("--width", type=int, default=300, help="characters of text shown")
    parser.add_argument("--all", action="store_true", help="texts naming no place too")
    parser.add_argument("--dump", type=Path, help="write every record's place as JSON lines")
    args = parser.parse_args()
    run(args.gold, args.dataset, args.only, args.max, args.width, args.all, args.dump)


if __name__ == "__main__":
    main()
