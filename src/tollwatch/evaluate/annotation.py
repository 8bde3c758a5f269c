"""Read records in the real-article annotation format (../shared/docs/annotation.md).

A record of this format carries `incidents` (each with `kind`, `parts`, `counted`,
`background`, `killed`/`wounded` as low/best/high, a date interval, a place, a
source), the report's `doc_toll`, whether it is `relevant`, its `lang` and the
`same_incident_group` shared by reports of one real incident. `gva-news.jsonl` and
the `news-real-*.jsonl` files are written this way; so are our own cases in
tests/golden/annotated/.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..errors import EvalError
from .values import parse_count, parse_date

KINDS = ("incident", "aggregate", "claim")


@dataclass(frozen=True)
class GoldToll:
    """An annotated figure: low/best/high (None where the annotator set none) and its words."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    text: str | None = None

    def bounds(self, widen: int = 1) -> tuple[int, int] | None:
        """The interval a predicted figure may lie in: low..high widened by `widen`.

        A missing low or high falls back on best ("at least 60": best 60, high
        null, gives 59..61); without best the figure is unknown and matches nothing.

        >>> GoldToll(low=30, best=60, high=60).bounds()
        (29, 61)
        >>> GoldToll(best=None).bounds() is None
        True
        """
        if self.best is None:
            return None
        low = self.low if self.low is not None else self.best
        high = self.high if self.high is not None else self.best
        return min(low, self.best) - widen, max(high, self.best) + widen

    def admits(self, value: int | None, widen: int = 1) -> bool:
        """Whether a predicted figure lies inside `bounds(widen)`."""
        bounds = self.bounds(widen)
        return value is not None and bounds is not None and bounds[0] <= value <= bounds[1]


@dataclass(frozen=True)
class GoldIncident:
    """One annotated incident, aggregate or claim of a report."""

    ref: str
    kind: str = "incident"
    parts: tuple[str, ...] = ()
    counted: bool = True
    background: bool = False
    killed: GoldToll | None = None
    wounded: GoldToll | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    place: str | None = None
    perpetrator: str | None = None
    victim: str | None = None
    source_name: str | None = None
    source_role: str | None = None

    @property
    def killed_best(self) -> int | None:
        """killed.best, or None when the text gives no figure."""
        return self.killed.best if self.killed is not None else None


@dataclass(frozen=True)
class Annotation:
    """The labels of one annotated report (None where the file leaves a field out)."""

    incidents: tuple[GoldIncident, ...] = ()
    doc_toll: int | None = None
    relevant: bool | None = None
    lang: str | None = None
    group: str | None = None  # same_incident_group: reports of one real incident share it
    url: str | None = None


def is_annotation(raw: dict[str, Any]) -> bool:
    """True for a record of the annotation format: an `incidents` list and no `gold`."""
    return isinstance(raw.get("incidents"), list) and raw.get("gold") is None


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _flag(value: Any, default: bool, where: str) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise EvalError(f"{where}: {value!r} is not true or false")
    return value


def parse_toll(raw: Any, where: str) -> GoldToll | None:
    """A `killed`/`wounded` object ({"low", "best", "high", "text"}), a bare count, or null."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        return GoldToll(best=parse_count(raw, where))
    toll = GoldToll(
        low=parse_count(raw.get("low"), f"{where}.low"),
        best=parse_count(raw.get("best"), f"{where}.best"),
        high=parse_count(raw.get("high"), f"{where}.high"),
        text=_text(raw.get("text")),
    )
    if toll.low is not None and toll.high is not None and toll.low > toll.high:
        raise EvalError(f"{where}: low {toll.low} is above high {toll.high}; swap them")
    return toll


def _object(raw: Any, where: str) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise EvalError(f"{where}: expected a JSON object or null, got {type(raw).__name__}")
    return raw


def parse_incident(raw: Any, where: str, index: int) -> GoldIncident:
    """Validate one element of `incidents`; `where` names it in errors."""
    if not isinstance(raw, dict):
        raise EvalError(f"{where}: each incident must be a JSON object")
    kind = raw.get("kind") or "incident"
    if kind not in KINDS:
        raise EvalError(f"{where}.kind: {kind!r} is not one of {', '.join(KINDS)}")
    parts = raw.get("parts") or []
    if not isinstance(parts, list):
        raise EvalError(f"{where}.parts: expected a list of incident refs")
    date = _object(raw.get("date"), f"{where}.date")
    source = _object(raw.get("source"), f"{where}.source")
    start = parse_date(date.get("start"), f"{where}.date.start")
    background = _flag(raw.get("background"), False, f"{where}.background")
    # claims and background never count unless the file says otherwise
    counted_default = kind != "claim" and not background
    return GoldIncident(
        ref=str(raw.get("ref") or f"#{index}"),
        kind=kind,
        parts=tuple(str(p) for p in parts),
        counted=_flag(raw.get("counted"), counted_default, f"{where}.counted"),
        background=background,
        killed=parse_toll(raw.get("killed"), f"{where}.killed"),
        wounded=parse_toll(raw.get("wounded"), f"{where}.wounded"),
        date_start=start,
        date_end=parse_date(date.get("end"), f"{where}.date.end") or start,
        country=_text(raw.get("country")),
        admin1=_text(raw.get("admin1")),
        place=_text(raw.get("place")),
        perpetrator=_text(raw.get("perpetrator")),
        victim=_text(raw.get("victim")),
        source_name=_text(source.get("name")),
        source_role=_text(source.get("role")),
    )


def parse_annotation(raw: dict[str, Any], where: str) -> Annotation:
    """The labels of one annotation-format record (validated, refs checked)."""
    incidents = tuple(
        parse_incident(item, f"{where}.incidents[{i}]", i)
        for i, item in enumerate(raw["incidents"])
    )
    refs = [i.ref for i in incidents]
    if len(set(refs)) != len(refs):
        raise EvalError(f"{where}: two incidents share a ref; give each a distinct \"ref\"")
    for incident in incidents:
        missing = [p for p in incident.parts if p not in refs]
        if missing:
            raise EvalError(
                f"{where}: incident {incident.ref!r} lists parts {missing} that no incident has "
                "as its ref; fix the parts or add the incidents"
            )
    relevant = raw.get("relevant")
    if relevant is not None and not isinstance(relevant, bool):
        raise EvalError(f"{where}.relevant: {relevant!r} is not true, false or null")
    return Annotation(
        incidents=incidents,
        doc_toll=parse_count(raw.get("doc_toll"), f"{where}.doc_toll"),
        relevant=relevant,
        lang=_text(raw.get("lang")),
        group=_text(raw.get("same_incident_group")),
        url=_text(raw.get("url")),
    )
