"""Store extractions: reports, incidents, figures, evidence; rejections with their reason.

Each report has a key (docs/store.md, "Report keys": a file's URI, a JSONL id under
its file, a global URI id). Storing is idempotent by key and content hash: a report
already stored with the same text is left alone; one whose text changed has its
incidents replaced; a new key whose text and id are those of a report whose file
is gone is that report moved. Within one ingest a key counts once: the first
report under it is kept, a later one with another text is rejected.

Each batch is one transaction under the store's write lock, so a run killed half
way keeps every committed batch and a re-run adds the rest without duplicates,
and two runs at once store what they would one after the other. A report that
cannot be stored (a toll beyond the plausibility bound, a bad id, a value the
database refuses) is rejected alone, with its reason; the rest of its batch lands.

The items and counts of an ingest, and the helpers the store's other writers share
(`now`, `content_hash`, `store_key`, `audit`), are in ingest_base.py; one batch's
transaction in batch.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StoreError
from ..records import Rejection, Report
from ..settings import Settings
from .batch import _Batch, _Seen
from .db import writing
from .errors import describe, is_data_error
from .ingest_base import (
    IngestStats,
    Item,
    Known,
    RejectionNote,
    content_hash,
    rejection_fingerprint,
    store_key,
)
from .known import Lookup
from .rows import storable

__all__ = [
    "IngestStats",
    "Item",
    "Known",
    "RejectionNote",
    "content_hash",
    "ingest",
    "rejection_fingerprint",
    "storable",
    "store_key",
]


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Lists of up to `size` items, lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


MAX_BATCH = 5000  # keys of one batch go into one IN (...) query


def ingest(
    factory: sessionmaker[Session],
    items: Iterable[Item],
    *,
    batch_size: int = 100,
    on_batch: Callable[[IngestStats], None] | None = None,
    refresh: bool = False,
) -> IngestStats:
    """Store extractions and rejections, one transaction per batch of `batch_size`.

    `factory` makes write sessions (`db.write_session_factory`). A report already
    stored with the same text is left alone, unless `refresh` is set: then its
    incidents are replaced (after an extraction upgrade).
    """
    if not 1 <= batch_size <= MAX_BATCH:
        raise StoreError(f"batch_size={batch_size} must be between 1 and {MAX_BATCH}")
    total = IngestStats()
    seen = _Seen()
    for batch in batched(items, batch_size):
        total.add(_store_batch(factory, batch, seen, refresh))
        if on_batch is not None:
            on_batch(total)
    return total


_DATA_ERRORS = (SQLAlchemyError, ValueError, OverflowError, UnicodeError)


def _store_batch(
    factory: sessionmaker[Session], batch: Sequence[Item], seen: _Seen, refresh: bool
) -> IngestStats:
    """One transaction for the batch; if the database refuses a value, the batch again,
    one report per transaction, and a report refused alone becomes a rejection."""
    try:
        return _attempt(factory, batch, seen, refresh)
    except _DATA_ERRORS as err:
        if not is_data_error(err):
            raise
    stats = IngestStats()
    for item in batch:
        try:
            stats.add(_attempt(factory, [item], seen, refresh))
        except _DATA_ERRORS as err:
            if not is_data_error(err):
                raise
            reason = f"the database refused the report: {describe(err)}"
            stats.add(_attempt(factory, [_as_rejection(item, reason)], seen, refresh))
    return stats


def _as_rejection(item: Item, reason: str) -> Rejection:
    if isinstance(item, Rejection):
        return Rejection(item.id, item.origin, f"{item.error} ({reason})", key=item.key)
    report = item.report
    if report is None:  # only an Extraction can lack its report
        return Rejection(getattr(item, "report_id", "?"), "?", reason)
    return Rejection(report.id, report.origin or report.id, reason, key=report.key)


def _attempt(
    factory: sessionmaker[Session], items: Sequence[Item], seen: _Seen, refresh: bool
) -> IngestStats:
    stats = IngestStats()
    pending: dict[int, int] = {}
    with writing(factory) as session:
        _Batch(session, items, stats, seen, pending, refresh=refresh).run()
    seen.done.update(pending)  # only once committed
    return stats


def extractions_from_paths(
    paths: Sequence[Path],
    *,
    settings: Settings,
    published: date | None = None,
    resources: Any = None,
    known: Mapping[str, str] | Lookup | None = None,
    workers: int | None = None,
    on_warning: Callable[[Report | Rejection, str], None] | None = None,
    cluster: str | None = None,
) -> Iterator[Item]:
    """Read reports from `paths` and extract each: the items `tollwatch run` stores.

    Extraction runs in `workers` processes (default: `settings.workers`), in input
    order (`tollwatch.parallel.extract_pairs`), or on the Dask cluster whose scheduler
    is at `cluster` (`tollwatch.cluster.extract_pairs_on_cluster`). A report the
    reader refused stays a `Rejection`; a report whose extraction crashed becomes an
    Extraction with `error` (stored as a rejection). `known` maps stored report keys
    to their content hash, or looks up a list of keys (store/known.py): those reports
    are not extracted again; they come as `Known`. Reading warnings (an encoding
    guessed, files in a folder that are not reports) go to `on_warning`.
    """
    from ..parallel import extract_pairs
    from ..read.files import read_paths

    skipped: dict[int, str] = {}
    items: Iterable[Report | Rejection] = read_paths(
        paths, published=published, settings=settings, on_warning=on_warning)
    table: Mapping[str, str] | None = None if callable(known) else known
    if callable(known):  # looked up window by window (store/known.py)
        from .known import windows_with_known

        table = {}
        items = windows_with_known(items, known, store_key, table)

    def stored_already(report: Report) -> bool:
        if table is None:
            return False
        digest = table.get(store_key(report))
        if digest is None or digest != content_hash(report.text):
            return False
        skipped[id(report)] = digest
        return True

    if cluster is not None:
        from ..cluster import extract_pairs_on_cluster

        pairs = extract_pairs_on_cluster(
            items, settings=settings, address=cluster, skip=stored_already)
    else:
        pairs = extract_pairs(
            items, settings=settings, workers=workers, resources=resources, skip=stored_already)
    for item, extraction in pairs:
        if isinstance(item, Rejection):
            yield item
        elif id(item) in skipped:
            yield Known(item, skipped.pop(id(item)))
        else:
            yield extraction


def estimate_reports(paths: Sequence[Path]) -> int:
    """A quick count of the reports in `paths` (non-empty JSONL lines, other files: 1)."""
    total = 0
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            total += _lines(file) if file.suffix.lower() in {".jsonl", ".ndjson"} else 1
    return total


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1
