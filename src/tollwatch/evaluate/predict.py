"""The document-level prediction: what a report's extraction says, reduced to one row.

Gold records label a text with one toll, one date and one place, so the
incidents of an extraction are reduced the same way (docs/quality.md):

* **top-level incidents** are those of kind `incident` or `aggregate` that are
  not a part of an aggregate of the same report; claims never count.
* **killed** = the document toll (`Extraction.toll()`) when any top-level
  incident has a figure; else 0 when there is a top-level incident (violence
  reported, no death figure: ACLED codes that as 0, and a "no casualties"
  sentence gives an incident with a zero toll); else None: no prediction,
  which counts as a miss wherever the gold is not null.
* **wounded** follows the same rule with `wounded.best`.
* **date, place, actors, event type** are those of the main incident: the
  top-level incident with the highest `killed.best` (no figure ranks below
  zero), the first one on ties.
* **place without an incident**: the report's own place (`Extraction.place`), as
  a coder places any record, violent or not; everything else stays unpredicted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..records import Actor, Extraction, Incident, PlaceMention
from .normalise import actor_class, country_code, type_class


@dataclass(frozen=True)
class Prediction:
    """One report's extraction reduced to the gold schema's document-level fields."""

    killed: int | None = None
    wounded: int | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str = "unknown"
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    location: str | None = None
    lat: float | None = None
    lon: float | None = None
    perpetrator_class: str | None = None
    victim_class: str | None = None
    event_type: str | None = None
    incidents: int = 0  # top-level incidents
    # killed.best of the main incident (0 when it has no figure): what a gold that codes
    # one incident per record, the most lethal (MUC), is compared with
    killed_main: int | None = None
    killed_values: tuple[int, ...] = ()  # killed.best of every non-claim incident with one

    @property
    def relevant(self) -> bool:
        """True when the report was given at least one incident."""
        return self.incidents > 0


def top_level_incidents(extraction: Extraction) -> list[Incident]:
    """Incidents and aggregates that are not part of an aggregate; claims and background
    (context, not news: docs/incidents.md) excluded."""
    part_ids = {p for i in extraction.incidents if i.kind == "aggregate" for p in i.parts}
    return [
        i
        for i in extraction.incidents
        if i.kind != "claim" and not i.background and i.id not in part_ids
    ]


def main_incident(extraction: Extraction) -> Incident | None:
    """The top-level incident with the highest killed.best (first on ties), or None."""
    best: Incident | None = None
    best_value = -2
    for incident in top_level_incidents(extraction):
        value = incident.killed.best if incident.killed and incident.killed.best is not None else -1
        if value > best_value:
            best, best_value = incident, value
    return best


def _wounded_toll(incidents: list[Incident]) -> int | None:
    values = [i.wounded.best for i in incidents if i.wounded and i.wounded.best is not None]
    return sum(values) if values else None


def _actor_class(actor: Actor) -> str:
    for value in (actor.category, actor.type):
        klass = type_class(value)
        if klass is not None and klass != "unknown":
            return klass
    return actor_class(actor.name) or "unknown"


def _perpetrator_class(incident: Incident) -> str:
    return _actor_class(incident.perpetrator.actor) if incident.perpetrator else "unknown"


def _victim_class(incident: Incident) -> str:
    if incident.victim is not None:
        return _actor_class(incident.victim.actor)
    # Without a dictionary actor, the victim phrase ("three farmers") is classed
    # by the same keyword rules as the gold strings.
    return actor_class(incident.victim_text) or "unknown"


def _place_only(place: PlaceMention | None) -> Prediction:
    """A report without incidents: only where it says things happened."""
    if place is None or not place.country:
        return Prediction()
    return Prediction(
        country=country_code(place.country),
        admin1=place.admin1,
        location=place.name or place.text,
        lat=place.lat,
        lon=place.lon,
    )


def document_prediction(extraction: Extraction) -> Prediction:
    """Reduce an extraction to the document-level `Prediction` scored against gold.

    >>> document_prediction(Extraction(report_id="r1")).killed is None
    True
    """
    top = top_level_incidents(extraction)
    if not top:
        return _place_only(extraction.place)
    toll = extraction.toll()
    wounded = _wounded_toll(top)
    main = main_incident(extraction)
    if main is None:  # unreachable when `top` is not empty; keeps the type checker honest
        return Prediction(incidents=len(top))
    place, when = main.place, main.date
    return Prediction(
        killed=toll if toll is not None else 0,
        killed_main=main.killed.best if main.killed and main.killed.best is not None else 0,
        wounded=wounded if wounded is not None else 0,
        date_start=when.start if when else None,
        date_end=when.end if when else None,
        date_precision=when.precision if when else "unknown",
        country=country_code(place.country) if place and place.country else None,
        admin1=place.admin1 if place else None,
        location=(place.name or place.text) if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        perpetrator_class=_perpetrator_class(main),
        victim_class=_victim_class(main),
        event_type=main.event_type,
        incidents=len(top),
        killed_values=tuple(
            i.killed.best
            for i in extraction.incidents
            if i.kind != "claim"
            and not i.background
            and i.killed is not None
            and i.killed.best is not None
        ),
    )
