"""Boilerplate and sentences (STUB: owned by the input helper)."""

from __future__ import annotations

import re

from .records import CleanText, Report, Sentence, Span
from .settings import Settings


def clean(report: Report, settings: Settings) -> CleanText:
    sentences = []
    for i, m in enumerate(re.finditer(r"[^\n.]+[.\n]?", report.text)):
        sentences.append(Sentence(i, Span(m.start(), m.end()), m.group()))
    return CleanText(report.id, report.text, tuple(sentences))
