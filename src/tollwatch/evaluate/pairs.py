"""Same-incident pairs across reports, measured through the store.

The reports of one annotation-format dataset are stored in a temporary SQLite
database and matched into events exactly as `tollwatch run` does (`Store.ingest`,
`Store.match`). Two reports are **put in one event** when an incident of one and
an incident of the other belong to the same event. Two reports are **one real
incident** when they share a `same_incident_group`. Only reports with at least
one gold incident take part (irrelevant reports are left out on both sides).

    pair_precision = pairs put in one event that share a group / pairs put in one event
    pair_recall    = pairs sharing a group put in one event / pairs sharing a group

Per language, both reports of a pair are in that language.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

from ..records import Extraction, Report
from ..settings import Settings
from ..store import MatchSettings, open_store
from .gold import GoldRecord
from .metrics import DatasetScores, Tally

Pair = tuple[str, str]


@dataclass(frozen=True)
class PairCounts:
    """Pairs of reports: put in one event (`predicted`), one real incident (`gold`), both."""

    predicted: frozenset[Pair]
    gold: frozenset[Pair]

    @property
    def both(self) -> int:
        return len(self.predicted & self.gold)


def _pairs(members: Iterable[str]) -> set[Pair]:
    return {(a, b) for a, b in combinations(sorted(set(members)), 2)}


def gold_pairs(groups: dict[str, str | None]) -> set[Pair]:
    """Pairs of reports (by id) that share a same_incident_group."""
    by_group: dict[str, list[str]] = defaultdict(list)
    for report, group in groups.items():
        if group is not None:
            by_group[group].append(report)
    return {pair for members in by_group.values() for pair in _pairs(members)}


def predicted_pairs(events: dict[str, set[int]], reports: set[str]) -> set[Pair]:
    """Pairs of `reports` whose incidents share an event."""
    by_event: dict[int, list[str]] = defaultdict(list)
    for report, event_ids in events.items():
        if report in reports:
            for event_id in event_ids:
                by_event[event_id].append(report)
    return {pair for members in by_event.values() for pair in _pairs(members)}


def pair_counts(groups: dict[str, str | None], events: dict[str, set[int]]) -> PairCounts:
    """Compare the store's events with the gold groups over the reports in `groups`."""
    return PairCounts(
        frozenset(predicted_pairs(events, set(groups))), frozenset(gold_pairs(groups))
    )


def store_events(
    reports: Sequence[tuple[Report, Extraction]],
    settings: Settings,
    match: MatchSettings | None = None,
) -> dict[str, set[int]]:
    """Store the extractions in a temporary SQLite file, match them, return events by report."""
    with tempfile.TemporaryDirectory(prefix="tollwatch-pairs-") as folder:
        url = f"sqlite:///{Path(folder) / 'pairs.sqlite'}"
        with open_store(replace(settings, db=url)) as store:
            store.ingest(
                (replace(extraction, report=report) for report, extraction in reports),
                batch_size=500,
            )
            store.match(match)
            return store.report_events()


def add_pair_scores(scores: DatasetScores, counts: PairCounts) -> None:
    """Record pair precision and recall (as tallies: hits over pairs)."""
    scores.tallies["pair_precision"] = Tally(counts.both, len(counts.predicted))
    scores.tallies["pair_recall"] = Tally(counts.both, len(counts.gold))


def score_dataset_pairs(
    scores: DatasetScores,
    scored: Sequence[tuple[GoldRecord, Extraction]],
    settings: Settings,
) -> None:
    """Store one dataset's reports, match them, and add pair scores (and per language)."""
    eligible = [
        (record, extraction)
        for record, extraction in scored
        if record.annotation is not None and record.annotation.incidents
    ]
    if not eligible:
        return
    reports = [
        (
            Report(
                id=r.id, text=r.text, published=r.published, origin=r.origin,
                url=r.annotation.url if r.annotation else None,
            ),
            extraction,
        )
        for r, extraction in eligible
    ]
    events = store_events(reports, settings)
    groups = {r.id: r.annotation.group if r.annotation else None for r, _ in eligible}
    add_pair_scores(scores, pair_counts(groups, events))
    languages: dict[str, dict[str, str | None]] = defaultdict(dict)
    for record, _ in eligible:
        if record.annotation is not None and record.annotation.lang:
            languages[record.annotation.lang][record.id] = record.annotation.group
    for lang, lang_groups in languages.items():
        add_pair_scores(scores.language(lang), pair_counts(lang_groups, events))
