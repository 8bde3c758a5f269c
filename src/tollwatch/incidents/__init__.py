"""Stage: incidents. `CleanText` and every stage's `Mentions` in; `Incident`s out.

    context (the sentence context of each figure) -> draft (the Draft record) ->
    structure (repeats, updates, parts, aggregates, claims) -> build (build_incidents)

docs/incidents.md describes the rules.
"""

from .build import Document, build_document, build_incidents

__all__ = ["Document", "build_document", "build_incidents"]
