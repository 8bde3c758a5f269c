"""Group mentions into incidents, aggregates and claims (owned by the lead)."""

from __future__ import annotations

from .records import CleanText, Incident, Mentions, Report
from .settings import Settings


def build_incidents(
    clean: CleanText, mentions: Mentions, report: Report, settings: Settings
) -> list[Incident]:
    return []
