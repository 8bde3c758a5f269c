"""What an ingest takes and counts, and the helpers the store's writers share.

The items an ingest stores (`Item`: an `Extraction`, a `Rejection`, or a `Known`
report not extracted again), its counts (`IngestStats`, with the first rejections
word for word), and the helpers other writers of the store use too: `now`,
`content_hash`, `store_key` (a report's key as stored), `rejection_fingerprint`,
`key_source` and `audit` (one row of the audit log).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from ..records import Extraction, Rejection, Report
from .models import KEY_BYTES, KEY_LEN, AuditRow
from .rows import fit, storable


@dataclass(frozen=True)
class Known:
    """A report the store held under its key with this text when the run began: it
    was not extracted again (stored as unchanged if the store still holds it so)."""

    report: Report
    content_hash: str


Item = Extraction | Rejection | Known


@dataclass(frozen=True)
class RejectionNote:
    """One report rejected by an ingest: its key, where it was read, and why."""

    key: str
    origin: str
    reason: str


MAX_NOTES = 100  # rejections an IngestStats keeps word for word (all are counted)


@dataclass
class IngestStats:
    """Counts of one ingest: every report read ends in exactly one of stored, replaced,
    unchanged, rejected. `moved` counts the unchanged reports found under a new key
    (a file moved or renamed); `rejections` holds the first MAX_NOTES rejections."""

    reports_in: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0
    incidents: int = 0
    # reports in a language that is not read (language code -> count)
    not_read: Counter[str] = field(default_factory=Counter)
    moved: int = 0
    rejections: list[RejectionNote] = field(default_factory=list)
    # row ids of the reports stored or replaced, and the events their old incidents were
    # in: what incremental matching (incremental.py) starts from
    touched_reports: Counter[int] = field(default_factory=Counter)
    touched_events: Counter[int] = field(default_factory=Counter)

    def add(self, other: IngestStats) -> None:
        """Add `other`'s counts (and rejections, up to MAX_NOTES) to these."""
        for f in fields(self):
            if f.name == "rejections":
                room = MAX_NOTES - len(self.rejections)
                self.rejections.extend(other.rejections[: max(room, 0)])
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def kept(self) -> int:
        """Reports of the input that the store holds now (stored, replaced, unchanged)."""
        return self.stored + self.replaced + self.unchanged

    @property
    def consistent(self) -> bool:
        """True when reports in = stored + replaced + unchanged + rejected."""
        return self.reports_in == self.stored + self.replaced + self.unchanged + self.rejected


def now() -> datetime:
    """The current time in UTC, naive (stored as UTC in both databases)."""
    return datetime.now(UTC).replace(tzinfo=None)


def content_hash(text: str) -> str:
    """sha256 of the report text: the identity of its content."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def store_key(item: Report | Rejection) -> str:
    """The key a report (or a rejected one) has in the store: `key`, else `id`; made
    storable, and shortened with a hash past KEY_BYTES bytes (two keys stay two)."""
    raw = item.key or item.id
    key = storable(raw)
    if len(key.encode("utf-8")) <= KEY_BYTES and key == raw:
        return key
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
    head = key.encode("utf-8")[: KEY_BYTES - len(digest) - 1].decode("utf-8", "ignore")
    return f"{head}~{digest}"


def rejection_fingerprint(key: str, origin: str) -> str:
    """The unique fingerprint of a rejection: sha256 of key, NUL, origin (0002_hardening)."""
    return hashlib.sha256(f"{key}\x00{origin}".encode("utf-8", "surrogatepass")).hexdigest()


def key_source(key: str | None, report_id: str) -> str | None:
    """The file or feed URI a report key was made from (read/keys.py), or None."""
    if key is None:
        return None
    suffix = f"#{report_id}"
    return key[: -len(suffix)] if key.endswith(suffix) else key


def audit(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None = None,
    entity_key: str | None = None,
    **detail: Any,
) -> None:
    """Record one change in the audit log (in the caller's transaction)."""
    session.add(
        AuditRow(
            at=now(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            entity_key=fit(entity_key, KEY_LEN),
            detail=detail,
        )
    )
