"""The document tolls of an annotated golden file of ours, as the golden tests check
them: every report's toll must equal its `doc_toll`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tollwatch import Report, extract
from tollwatch.evaluate.articles import document_toll
from tollwatch.pipeline import Resources
from tollwatch.records import Extraction
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

# The publication date of the one-sentence reports of the round tests.
PUBLISHED = date(2025, 6, 16)


def load_records(path: Path) -> list[dict[str, object]]:
    """The records of an annotated golden file (one JSON object per line)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def extract_text(
    text: str, language: str, settings: Settings, resources: Resources, *, id: str = "round"
) -> Extraction:
    """The extraction of one report of `text` in `language`, published on `PUBLISHED`."""
    report = Report(id=id, text=text, language=language, published=PUBLISHED)
    return extract(report, settings=settings, resources=resources)


def toll_and_kinds(
    text: str, settings: Settings, resources: Resources, published: date = PUBLISHED
) -> tuple[int | None, list[str]]:
    """An English report's `Extraction.toll()` and its incidents' kinds, in order."""
    report = Report(id="w", text=text, language="en", published=published)
    result = extract(report, settings=settings, resources=resources)
    return result.toll(), [i.kind for i in result.incidents]


def toll_kinds_relevance(
    text: str, settings: Settings, resources: Resources, published: date = PUBLISHED
) -> tuple[int | None, list[str], bool | None]:
    """`toll_and_kinds` and whether the report was judged about violence (None: not judged)."""
    report = Report(id="w", text=text, language="en", published=published)
    result = extract(report, settings=settings, resources=resources)
    relevant = result.relevance.relevant if result.relevance is not None else None
    return result.toll(), [i.kind for i in result.incidents], relevant


def text_toll(text: str, language: str, settings: Settings, resources: Resources) -> int:
    """The document toll of one report of `text` (0 when it has none)."""
    return document_toll(extract_text(text, language, settings, resources)) or 0


def record_toll(record: dict[str, object], settings: Settings, resources: Resources) -> int:
    """The document toll of one annotated record, read in its own language on its own
    publication day (0 when it has none)."""
    report = Report(id=str(record["id"]), text=str(record["text"]), language=str(record["lang"]),
                    published=date.fromisoformat(str(record["published"])))
    return extract(report, settings=settings, resources=resources).toll() or 0


def killed_figures(text: str, language: str) -> list[int | None]:
    """The best figures of the killed tolls the casualty grammar binds in `text`."""
    return [b.best for b in sentence_tolls(text, language=language) if b.outcome == "killed"]


def doc_toll_misses(
    path: Path, settings: Settings, resources: Resources, *, at_least: int
) -> list[tuple[str, int | None, int]]:
    """(id, gold, extracted) for each report of `path` whose document toll is wrong;
    a file of fewer than `at_least` reports fails, so a truncated golden cannot pass."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if len(records) < at_least:
        raise AssertionError(f"{path} holds {len(records)} reports, fewer than {at_least}")
    misses = []
    for record in records:
        report = Report(
            id=str(record["id"]), text=str(record["text"]), language=str(record["lang"]),
            published=date.fromisoformat(str(record["published"])),
        )
        toll = extract(report, settings=settings, resources=resources).toll() or 0
        if toll != (record["doc_toll"] or 0):
            misses.append((str(record["id"]), record["doc_toll"], toll))
    return misses
