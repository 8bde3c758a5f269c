"""The languages tollwatch reads, and where each stage keeps their words.

A language is read when every stage has its table: `tolls/lang/<code>.py`,
`dates/lang/<code>.py`, `violence/lang/<code>.py`, `places/lang/<code>.py` and
`actors/lang/<code>.py` (+ `<code>.yaml` for names). The rules that read the tables
are shared; docs/languages.md says how to add a language.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# ISO 639-1 code -> English name.
LANGUAGES: Mapping[str, str] = MappingProxyType(
    {
        "en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese", "ar": "Arabic",
        "ru": "Russian", "uk": "Ukrainian",
    }
)
# The stages whose `lang/` package holds one module per language.
STAGES: tuple[str, ...] = ("tolls", "dates", "violence", "places", "actors")
