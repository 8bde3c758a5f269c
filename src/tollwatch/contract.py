"""Serialise extractions to the output contract (docs/output-contract.md, version 1)."""

from __future__ import annotations

from typing import Any

from .actors.dictionary import victim_type
from .records import (
    ActorMention,
    DateMention,
    Extraction,
    Incident,
    PlaceMention,
    Relevance,
    Toll,
)

CONTRACT_VERSION = 1


def toll_json(toll: Toll | None) -> dict[str, Any]:
    if toll is None:
        return {"low": None, "best": None, "high": None, "text": None}
    return {"low": toll.low, "best": toll.best, "high": toll.high, "text": toll.text}


def date_json(d: DateMention | None) -> dict[str, Any]:
    if d is None:
        return {"start": None, "end": None, "precision": "unknown", "text": None}
    return {
        "start": d.start.isoformat() if d.start else None,
        "end": d.end.isoformat() if d.end else None,
        "precision": d.precision,
        "text": d.text or None,
    }


def place_json(p: PlaceMention | None) -> dict[str, Any]:
    if p is None:
        return {
            "name": None, "country": None, "admin1": None, "admin2": None, "lat": None,
            "lon": None, "geonameid": None, "precision": "unknown", "text": None,
        }
    return {
        "name": p.name, "country": p.country, "admin1": p.admin1, "admin2": p.admin2,
        "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid, "precision": p.precision,
        "text": p.text,
    }


def actor_json(
    a: ActorMention | None, fallback_text: str | None = None, *, victim: bool = False
) -> dict[str, Any]:
    """An actor; a victim's type is in the victim vocabulary (military, civilian, ...)."""
    if a is None:
        return {"name": fallback_text, "type": "unknown"}
    kind = victim_type(a.actor) if victim else a.actor.type
    return {"name": a.actor.name, "type": kind, "text": a.text}


def incident_json(incident: Incident) -> dict[str, Any]:
    src = incident.source
    out: dict[str, Any] = {
        "id": incident.id,
        "kind": incident.kind,
        "parts": list(incident.parts),
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "killed": toll_json(incident.killed),
        "wounded": toll_json(incident.wounded),
        "date": date_json(incident.date),
        "place": place_json(incident.place),
        "perpetrator": actor_json(incident.perpetrator),
        "victim": actor_json(incident.victim, incident.victim_text, victim=True),
        "source": (
            {"name": src.name, "role": src.role, "via": src.via}
            if src
            else {"name": None, "role": "unknown"}
        ),
        "evidence": [{"start": s.start, "end": s.end} for s in incident.evidence],
        "confidence": round(incident.confidence, 3),
    }
    if incident.claim_of:
        out["claim_of"] = incident.claim_of
    if incident.abducted:
        out["abducted"] = toll_json(incident.abducted)
    if incident.missing:
        out["missing"] = toll_json(incident.missing)
    if incident.update:
        out["update"] = True
    if incident.perpetrator_dead:
        out["perpetrator_dead"] = True
    # additive fields of issue 8 (docs/incidents.md): always present
    out["background"] = incident.background
    out["violence_kind"] = incident.violence_kind
    out["sources"] = [
        {"name": s.name, "role": s.role, "text": s.text} for s in incident.sources
    ]
    return out


def relevance_json(relevance: Relevance | None) -> dict[str, Any] | None:
    """{"relevant": bool, "reason": "..."}; None when extraction stopped before judging."""
    if relevance is None:
        return None
    return {"relevant": relevance.relevant, "reason": relevance.reason}


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """One output line: {"contract": 1, "id": ..., "incidents": [...], "warnings": [...]}."""
    out: dict[str, Any] = {
        "contract": CONTRACT_VERSION,
        "id": extraction.report_id,
        "incidents": [incident_json(i) for i in extraction.incidents],
        "warnings": list(extraction.warnings),
    }
    if extraction.error is not None:
        out["error"] = extraction.error
    out["toll"] = extraction.toll()
    # ISO 639-1 code of the report's language (docs/languages.md), null when unknown
    out["language"] = extraction.language.code if extraction.language else None
    # whether the report tells of violence done by people, and why (docs/incidents.md)
    out["relevance"] = relevance_json(extraction.relevance)
    return out
