"""Read gold records (the schema of ../shared/gold/README.md) into typed records.

A gold file is JSON Lines: one text with its labels per line. `gold` holds the
document-level labels (null = not labelled, never zero), `events` (MUC only) every
incident of the text, `meta` source-specific fields. Records without a `gold`
object (news-mixed) are unlabelled: they are scored only for false positives.
Records in the real-article annotation format (an `incidents` list, no `gold`:
gva-news, news-real) carry an `Annotation` instead (annotation.py).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalError
from .annotation import Annotation, is_annotation, parse_annotation
from .values import parse_count, parse_date


@dataclass(frozen=True)
class GoldFields:
    """The labels of one incident (or of the whole text); None = not labelled."""

    killed: int | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    wounded: int | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    lat: float | None = None
    lon: float | None = None
    perpetrator: str | None = None
    victim: str | None = None
    event_type: str | None = None


@dataclass(frozen=True)
class GoldRecord:
    """One gold text and its labels.

    `answerable` holds meta.answerable (e.g. "killed_in_text": True); `relevant` is
    whether the text reports an incident at all (MUC meta.relevant, ACLED
    meta.violent; True for sources where every record is an event; None when
    unknown); `date_precision` and `geo_precision` are the source's codes
    (1 = day / exact place) or None when the source has none.
    """

    id: str
    dataset: str
    text: str
    published: dt.date | None
    gold: GoldFields | None
    events: tuple[GoldFields, ...] = ()
    answerable: dict[str, bool | None] = field(default_factory=dict)
    relevant: bool | None = None
    date_precision: int | None = None
    geo_precision: int | None = None
    origin: str = ""
    annotation: Annotation | None = None  # the annotation format's labels (annotation.py)

    @property
    def labelled(self) -> bool:
        """True when the record carries gold labels (news-mixed records do not)."""
        return self.gold is not None or self.annotation is not None


_INT_FIELDS = ("killed", "killed_low", "killed_high", "wounded")
_STR_FIELDS = ("country", "admin1", "location", "perpetrator", "victim", "event_type")


def dataset_family(dataset: str) -> str:
    """The scoring conventions a dataset follows: "ucdp", "acled", "muc" or "other".

    >>> dataset_family("ucdp-ged-syria")
    'ucdp'
    """
    name = dataset.lower()
    for family in ("ucdp", "acled", "muc"):
        if name.startswith(family):
            return family
    return "other"


def _parse_float(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise EvalError(f"{where}: coordinate {value!r} is not a number or null")
    return float(value)


def parse_gold_fields(raw: Any, where: str) -> GoldFields:
    """Validate one `gold` (or `events[i]`) object; `where` names it in errors."""
    if not isinstance(raw, dict):
        raise EvalError(f"{where}: expected a JSON object of gold fields, got {type(raw).__name__}")
    values: dict[str, Any] = {}
    for name in _INT_FIELDS:
        values[name] = parse_count(raw.get(name), f"{where}.{name}")
    for name in ("date", "date_end"):
        values[name] = parse_date(raw.get(name), f"{where}.{name}")
    for name in ("lat", "lon"):
        values[name] = _parse_float(raw.get(name), f"{where}.{name}")
    for name in _STR_FIELDS:
        value = raw.get(name)
        values[name] = None if value is None or value == "" else str(value)
    return GoldFields(**values)


def _precision(meta: dict[str, Any], *keys: str) -> int | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _relevant(family: str, meta: dict[str, Any], labelled: bool) -> bool | None:
    for key in ("relevant", "violent"):
        if isinstance(meta.get(key), bool):
            return bool(meta[key])
    if family == "ucdp" and labelled:
        return True  # every UCDP record is a coded event
    return None


def parse_gold_record(raw: Any, where: str) -> GoldRecord:
    """Validate one parsed JSON line of a gold file into a `GoldRecord`."""
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise EvalError(f"{where}: each line must be a JSON object with a string \"id\"")
    text = raw.get("text")
    if not isinstance(text, str):
        raise EvalError(f"{where}: record {raw['id']!r} has no string \"text\"")
    dataset = str(raw.get("source_dataset") or "unknown")
    if is_annotation(raw):
        annotation = parse_annotation(raw, where)
        return GoldRecord(
            id=raw["id"],
            dataset=dataset,
            text=text,
            published=parse_date(raw.get("published"), f"{where}.published"),
            gold=None,
            relevant=annotation.relevant,
            origin=where,
            annotation=annotation,
        )
    meta_raw = raw.get("meta")
    meta: dict[str, Any] = meta_raw if isinstance(meta_raw, dict) else {}
    gold = parse_gold_fields(raw["gold"], f"{where}.gold") if raw.get("gold") is not None else None
    events_raw = raw.get("events") or []
    if not isinstance(events_raw, list):
        raise EvalError(f"{where}: \"events\" must be a list of gold objects")
    events = tuple(
        parse_gold_fields(e, f"{where}.events[{i}]") for i, e in enumerate(events_raw)
    )
    answerable_raw = meta.get("answerable")
    answerable: dict[str, Any] = answerable_raw if isinstance(answerable_raw, dict) else {}
    family = dataset_family(dataset)
    return GoldRecord(
        id=raw["id"],
        dataset=dataset,
        text=text,
        published=parse_date(raw.get("published"), f"{where}.published"),
        gold=gold,
        events=events,
        answerable={str(k): (v if isinstance(v, bool) else None) for k, v in answerable.items()},
        relevant=_relevant(family, meta, gold is not None),
        date_precision=_precision(meta, "date_prec", "time_precision"),
        geo_precision=_precision(meta, "where_prec", "geo_precision"),
        origin=where,
    )


def spread(count: int, limit: int | None) -> list[int]:
    """Indices of `limit` items spread evenly over `count` (all of them without a limit).

    >>> spread(10, 3)
    [0, 3, 6]
    """
    if limit is None or limit >= count:
        return list(range(count))
    return [i * count // limit for i in range(limit)]


def read_gold_file(path: Path, limit: int | None = None) -> list[GoldRecord]:
    """The records of one gold JSONL file.

    With `limit`, only that many records, spread evenly through the file (a
    deterministic sample that covers every stratum, unlike the first N lines); in
    an annotation-format file, about that many, as whole same-incident groups.
    """
    try:
        lines = [
            (number, line)
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line.strip()
        ]
    except OSError as err:
        raise EvalError(f"cannot read gold file {path}: {err.strerror}; check the path") from err
    except UnicodeDecodeError as err:
        raise EvalError(f"gold file {path} is not UTF-8 text; re-encode it as UTF-8") from err
    if limit is not None and limit < len(lines) and is_annotation(_json(lines[0], path)):
        return _group_sample([(n, _json((n, line), path)) for n, line in lines], path, limit)
    records = []
    for index in spread(len(lines), limit):
        number = lines[index][0]
        records.append(parse_gold_record(_json(lines[index], path), f"{path}:{number}"))
    return records


def _json(numbered: tuple[int, str], path: Path) -> Any:
    number, line = numbered
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        raise EvalError(
            f"line {number} of {path} is not JSON: {err.msg}; each line must be one object"
        ) from err


def _group_sample(raws: list[tuple[int, Any]], path: Path, limit: int) -> list[GoldRecord]:
    """About `limit` records of an annotation-format file, taken as whole same-incident
    groups spread evenly through the file (a report without a group is a group of its
    own), so that a sample still holds pairs of reports of one incident."""
    groups: dict[str, list[int]] = {}
    for index, (number, raw) in enumerate(raws):
        group = raw.get("same_incident_group") if isinstance(raw, dict) else None
        key = str(group) if group is not None else f"line {number}"
        groups.setdefault(key, []).append(index)
    ordered = list(groups.values())

    def size(count: int) -> int:
        return sum(len(ordered[i]) for i in spread(len(ordered), count))

    count = max(1, limit * len(ordered) // len(raws))  # groups of the average size
    while count < len(ordered) and size(count) < limit:
        count += 1
    chosen = sorted(i for g in spread(len(ordered), count) for i in ordered[g])
    return [parse_gold_record(raws[i][1], f"{path}:{raws[i][0]}") for i in chosen]


def gold_paths(paths: Sequence[Path]) -> list[Path]:
    """Expand folders into their *.jsonl files (sorted); keep files as given."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.jsonl"))
            if not found:
                raise EvalError(
                    f"folder {path} holds no *.jsonl gold files; pass the files instead"
                )
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            raise EvalError(f"gold file {path} does not exist; check the path")
    return out


def load_gold(paths: Sequence[Path], limit: int | None = None) -> list[GoldRecord]:
    """Read every gold file (folders expand to their *.jsonl); `limit` records per file."""
    records: list[GoldRecord] = []
    for path in gold_paths(paths):
        records.extend(read_gold_file(path, limit))
    return records
