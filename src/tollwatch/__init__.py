"""tollwatch: incidents of political violence, with sourced and ranged death tolls."""

from .pipeline import Resources, extract, load_resources
from .records import (
    CleanText,
    DateMention,
    Extraction,
    Incident,
    PlaceMention,
    Report,
    Span,
    Toll,
    TollMention,
)
from .settings import Settings, load_settings

__all__ = [
    "CleanText",
    "DateMention",
    "Extraction",
    "Incident",
    "PlaceMention",
    "Report",
    "Resources",
    "Settings",
    "Span",
    "Toll",
    "TollMention",
    "extract",
    "load_resources",
    "load_settings",
]
__version__ = "0.1.0"
