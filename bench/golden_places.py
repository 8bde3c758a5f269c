"""Geocoding on our annotated goldens: country, admin1, place, km from gold coordinates.

    python bench/golden_places.py tests/golden/annotated/places-round1.jsonl [--misses]

`tollwatch eval` scores an annotation-format file's places only as `matched_country`.
This reads the same files and, for each gold incident with a figure and a country,
takes the predicted incident matched to it (as the eval matches figures), or the
report's main incident when no figure matched (a toll miss should not hide the place),
and compares: country (ISO code), admin1 (`same_admin1`), place name (`same_place`),
and, where the gold incident carries `lat` and `lon` (an extra field our place goldens
add), the distance: within 50 km and more than 1,000 km off. `--misses` lists each
miss with the text's first line, our place and the gold.
A development tool: nothing in the package reads it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from tollwatch.evaluate.articles import figure_sides, match_figures
from tollwatch.evaluate.gold import load_gold
from tollwatch.evaluate.metrics import haversine_km
from tollwatch.evaluate.normalise import country_code, same_admin1, same_place
from tollwatch.evaluate.predict import main_incident
from tollwatch.evaluate.run import report_of
from tollwatch.parallel import extract_many
from tollwatch.pipeline import load_resources
from tollwatch.records import Extraction, Incident
from tollwatch.settings import Settings


def _coordinates(path: Path) -> dict[tuple[str, str], tuple[float, float]]:
    """(record id, incident ref) -> gold (lat, lon), read from the raw lines."""
    found: dict[tuple[str, str], tuple[float, float]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        for i, item in enumerate(raw.get("incidents") or []):
            if item.get("lat") is not None and item.get("lon") is not None:
                found[(str(raw["id"]), str(item.get("ref") or f"#{i}"))] = (
                    float(item["lat"]), float(item["lon"]))
    return found


def _matched(extraction: Extraction, annotation: object) -> dict[str, Incident]:
    sides = figure_sides(extraction, annotation)  # type: ignore[arg-type]
    return {sides.gold[j].ref: sides.predicted[i]
            for i, j in match_figures(sides.predicted, sides.gold)}


def run(paths: list[Path], misses: bool) -> Counter[str]:
    """Score every file; print the misses when asked; return the tallies."""
    settings = Settings()
    coords: dict[tuple[str, str], tuple[float, float]] = {}
    for path in paths:
        coords.update(_coordinates(path))
    records = [r for r in load_gold(paths) if r.annotation is not None]
    extractions = extract_many((report_of(r) for r in records), settings=settings, workers=1,
                               resources=load_resources(settings), keep_reports=False)
    tally: Counter[str] = Counter()
    for record, extraction in zip(records, extractions, strict=True):
        annotation = record.annotation
        assert annotation is not None
        matched = _matched(extraction, annotation)
        for gold in annotation.incidents:
            if gold.killed_best is None or gold.country is None or gold.kind == "claim":
                continue
            incident = matched.get(gold.ref) or main_incident(extraction)
            place = incident.place if incident is not None else extraction.place
            tally["incidents"] += 1
            hits = {
                "country": place is not None and place.country == country_code(gold.country),
                "admin1": place is not None and same_admin1(gold.admin1, place.admin1,
                                                            country_code(gold.country)),
                "place": place is not None and same_place(gold.place, place.name),
            }
            point = coords.get((record.id, gold.ref))
            km = None
            if point is not None and place is not None and place.lat is not None \
                    and place.lon is not None:
                km = haversine_km(point[0], point[1], place.lat, place.lon)
            if point is not None:
                tally["with_point"] += 1
                hits["within_50km"] = km is not None and km <= 50
                tally["over_1000km"] += km is not None and km > 1000
            for name, hit in hits.items():
                tally[name] += hit
            if misses and not all(hits.values()):
                ours = "-" if place is None else (
                    f"{place.name} / {place.admin1} / {place.country} [{place.precision}] "
                    f"from {place.text!r}")
                dist = "-" if km is None else f"{km:.0f} km"
                wrong = ",".join(k for k, v in hits.items() if not v)
                print(f"{record.id}#{gold.ref} [{wrong}] {dist}\n    {record.text.splitlines()[0]}"
                      f"\n    ours: {ours}\n    gold: {gold.place} / {gold.admin1} / "
                      f"{gold.country}")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    tally = run(args.gold, args.misses)
    n, with_point = tally["incidents"], tally["with_point"]
    for name in ("country", "admin1", "place"):
        print(f"{name:12} {tally[name]}/{n} = {tally[name] / max(n, 1):.3f}")
    for name in ("within_50km", "over_1000km"):
        print(f"{name:12} {tally[name]}/{with_point} = {tally[name] / max(with_point, 1):.3f}")


if __name__ == "__main__":
    main()
