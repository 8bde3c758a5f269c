"""The watch loop: one round polls every due source; `run_until_stopped` repeats it.

For each new entry of a source: fetch the article, take its main text, know it
again if it was met before (canonical URL, content hash, near-duplicate text), and
store it through the path of `tollwatch run` (extract, ingest, match). At the end
of a round the alert rules of the settings are checked (alerts.py). Each report
is stored in its own transaction before the next is fetched, so a stop (SIGTERM)
between two reports loses nothing; the source's validators are saved only when
every entry was handled, so entries left by a stop are read again next round.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..errors import InputError
from ..records import Report
from ..store import Store
from ..store import sources as src
from ..store.events import MatchStats
from ..store.ingest_base import IngestStats, content_hash, now
from ..store.models import WatchItemRow, WatchSourceRow
from . import dedupe
from .alerts import AlertReport, check_alerts
from .article import Article, read_article
from .fetch import Fetcher, WatchSettings
from .listing import Entry, read_listing

RECENT = timedelta(days=30)  # near-duplicates are looked for among items seen since


@dataclass
class SourceReport:
    """What one poll of one source did. `status`: ok, not modified, failed."""

    name: str
    url: str
    status: str = "ok"
    seen: int = 0
    new: int = 0
    updated: int = 0
    duplicates: int = 0
    problems: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class RoundReport:
    """One round: each polled source's report, the stored reports, the matching pass."""

    sources: list[SourceReport] = field(default_factory=list)
    ingest: IngestStats = field(default_factory=IngestStats)
    match: MatchStats | None = None
    alerts: AlertReport | None = None  # when alert rules are set
    stopped: bool = False


@dataclass(frozen=True)
class _Source:
    id: int
    url: str
    name: str
    kind: str
    language: str | None
    etag: str | None
    last_modified: str | None


class Watcher:
    """Polls the store's due sources. `stop()` (from a signal handler) lets the
    report in hand finish, then the round ends and the loop returns."""

    def __init__(
        self,
        store: Store,
        settings: WatchSettings | None = None,
        *,
        fetcher: Fetcher | None = None,
        resources: Any = None,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self.store = store
        self.settings = settings or WatchSettings()
        self.fetcher = fetcher or Fetcher(self.settings)
        self.resources = resources
        self.clock = clock
        self._stop = threading.Event()
        self._signatures: dedupe.Signatures | None = None

    # --- control --------------------------------------------------------------------

    def stop(self) -> None:
        """Ask the loop to stop after the report in hand (safe from a signal handler)."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        """True once `stop()` was called."""
        return self._stop.is_set()

    def run_until_stopped(
        self, every: float = 60.0, on_round: Callable[[RoundReport], None] | None = None
    ) -> None:
        """Rounds until `stop()`, `every` seconds apart (sources keep their own periods)."""
        while not self.stopping:
            report = self.round()
            if on_round is not None:
                on_round(report)
            self._stop.wait(every)

    # --- one round ------------------------------------------------------------------

    def round(self) -> RoundReport:
        """Poll every due source once, then match the new reports into events."""
        report = RoundReport()
        with self.store.sessions() as session:
            due = [_detached(row) for row in src.due_sources(session, self.clock())]
        for source in due:
            if self.stopping:
                report.stopped = True
                break
            report.sources.append(self.poll(source, report.ingest))
        if report.ingest.stored or report.ingest.replaced:
            report.match = self.store.match_incremental(report.ingest)
        report.stopped = report.stopped or self.stopping
        if self.store.settings.alerts and not report.stopped:
            report.alerts = check_alerts(self.store, clock=self.clock)
        return report

    def poll(self, source: _Source, stats: IngestStats) -> SourceReport:
        """One source: its listing, then each entry; failures recorded on the source."""
        out = SourceReport(source.name, source.url)
        try:
            if source.kind == "folder":
                self._poll_folder(source, out, stats)
                self._finish(source, out, None)
                return out
            response = self.fetcher.get(source.url, source.etag, source.last_modified)
            if response.not_modified:
                out.status = "not modified"
                self._finish(source, out, (response.etag or source.etag,
                                           response.last_modified or source.last_modified))
                return out
            listing = read_listing(source.kind, response.body, response.url, response.charset)
        except InputError as err:
            out.status, out.error = "failed", str(err)
            self._fail(source, str(err))
            return out
        out.problems.extend(listing.problems)
        for entry in listing.entries:
            if self.stopping:
                break
            self._entry(source, entry, out, stats)
        complete = not self.stopping and not listing.problems
        self._finish(source, out, (response.etag, response.last_modified) if complete else None)
        return out

    def _poll_folder(self, source: _Source, out: SourceReport, stats: IngestStats) -> None:
        path = Path(unquote(urlsplit(source.url).path)) if "://" in source.url else Path(
            source.url)
        if not path.exists():
            raise InputError(f"folder {path} does not exist; check the source's path")
        summary = self.store.run([path], resources=self._resources(), incremental=True)
        done = summary.ingest
        stats.add(done)
        out.seen, out.new, out.updated = done.reports_in, done.stored, done.replaced
        out.problems.extend(f"{n.origin}: {n.reason}" for n in done.rejections)

    # --- one entry ------------------------------------------------------------------

    def _entry(self, source: _Source, entry: Entry, out: SourceReport, stats: IngestStats) -> None:
        out.seen += 1
        with self.store.sessions() as session:
            link = src.find_link(session, entry.url)
            if link is not None and link.entry_hash == entry.fingerprint:
                return
        try:
            article = read_article(self.fetcher.get(entry.url), entry.published)
        except InputError as err:
            out.problems.append(str(err))
            if "is not an article" in str(err):
                with self.store.writing() as session:
                    src.link(session, entry.url, None, source.id, entry.fingerprint, str(err))
            return
        self._article(source, entry, article, out, stats)

    def _article(
        self, source: _Source, entry: Entry, article: Article, out: SourceReport,
        stats: IngestStats,
    ) -> None:
        digest = content_hash(article.text)
        values = dedupe.signature(article.text)
        item = self._known(article, entry, digest, values)
        urls = {entry.url, article.url, article.canonical}
        if item is not None and item.content_hash == digest:
            out.duplicates += 1
            self._link(urls, item.id, source.id, entry)
            return
        key = item.report_key if item is not None else article.canonical
        report = Report(
            id=article.canonical, text=article.text, published=article.published,
            title=article.title or entry.title, url=article.canonical, outlet=source.name,
            origin=entry.url, language=source.language or article.language, key=key,
        )
        done = self.store.ingest(self._extract(report), batch_size=1)
        stats.add(done)
        out.problems.extend(f"{n.origin}: {n.reason}" for n in done.rejections)
        with self.store.writing() as session:
            if item is None:
                row = src.new_item(
                    session, url=article.canonical, report_key=key, content=digest,
                    minhash=dedupe.encode(values), title=report.title,
                    published=report.published, source_id=source.id)
                out.new += 1
            else:
                row = session.get(WatchItemRow, item.id) or item
                row.content_hash, row.minhash = digest, dedupe.encode(values)
                row.versions += 1
                row.title, row.last_seen_at = report.title, now()
                out.updated += 1
            item_id = row.id
            for url in urls:
                src.link(session, url, item_id, source.id, entry.fingerprint)
        self._remember(item_id, values)

    def _known(
        self, article: Article, entry: Entry, digest: str, values: Any
    ) -> WatchItemRow | None:
        """The item this article is a copy or a version of: same canonical URL, same
        link, same text, else the most similar recent text above `near_duplicate`."""
        with self.store.sessions() as session:
            for url in (article.canonical, entry.url, article.url):
                item = src.find_item_by_url(session, url)
                if item is not None:
                    return item
            item = src.find_item_by_hash(session, digest)
            if item is not None:
                return item
            nearest, score = self._recent(session).nearest(values)
            if nearest is not None and score >= self.settings.near_duplicate:
                item = session.get(WatchItemRow, nearest)
                # a near-duplicate on another site is another outlet's report (matching
                # joins the two in one event); on the same site, a version of the article
                if item is not None and _site(item.url) == _site(article.canonical):
                    return item
        return None

    def _recent(self, session: Any) -> dedupe.Signatures:
        if self._signatures is None:
            self._signatures = dedupe.Signatures()
            for item_id, stored in src.recent_signatures(session, self.clock() - RECENT):
                self._signatures.add(item_id, dedupe.decode(stored))
        return self._signatures

    def _remember(self, item_id: int, values: Any) -> None:
        if self._signatures is not None:
            self._signatures.add(item_id, values)

    def _link(self, urls: set[str], item_id: int, source_id: int, entry: Entry) -> None:
        with self.store.writing() as session:
            for url in urls:
                src.link(session, url, item_id, source_id, entry.fingerprint)

    def _extract(self, report: Report) -> list[Any]:
        from ..parallel import extract_pairs

        pairs = extract_pairs([report], settings=self.store.settings, workers=1,
                              resources=self._resources())
        return [extraction for _, extraction in pairs]

    def _resources(self) -> Any:
        if self.resources is None:
            from ..pipeline import load_resources

            self.resources = load_resources(self.store.settings)
        return self.resources

    # --- the source's health --------------------------------------------------------

    def _finish(
        self, source: _Source, out: SourceReport, validators: tuple[str | None, str | None] | None
    ) -> None:
        with self.store.writing() as session:
            row = session.get(WatchSourceRow, source.id)
            if row is None:  # removed while polled
                return
            src.record_success(row, self.clock(), out.seen, out.new)
            if validators is not None:
                row.etag, row.last_modified = validators

    def _fail(self, source: _Source, error: str) -> None:
        with self.store.writing() as session:
            row = session.get(WatchSourceRow, source.id)
            if row is not None:
                src.record_failure(row, self.clock(), error)


def _site(url: str) -> str:
    return urlsplit(url).netloc


def _detached(row: WatchSourceRow) -> _Source:
    return _Source(row.id, row.url, row.name, row.kind, row.language, row.etag,
                   row.last_modified)


@dataclass(frozen=True)
class Preview:
    """What `tollwatch sources test` shows: the entries, and the first articles read."""

    status: int
    entries: tuple[Entry, ...]
    problems: tuple[str, ...]
    articles: tuple[Article | str, ...]  # an Article, or why the page is not read


def preview_source(url: str, kind: str, fetcher: Fetcher, articles: int = 3) -> Preview:
    """Fetch a source once and read its first `articles` pages; store nothing."""
    response = fetcher.get(url)
    listing = read_listing(kind, response.body, response.url, response.charset)
    read: list[Article | str] = []
    for entry in listing.entries[:articles]:
        try:
            read.append(read_article(fetcher.get(entry.url), entry.published))
        except InputError as err:
            read.append(str(err))
    return Preview(response.status, listing.entries, listing.problems, tuple(read))
