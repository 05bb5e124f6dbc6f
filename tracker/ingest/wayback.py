"""Backfill a document's history from the Wayback Machine (or a compatible archive).

The CDX API lists the distinct captures (``filter=statuscode:200``, ``collapse=digest``,
``from``/``to``), page by page (the client and the listing are in ``cdx.py``); each capture's raw body comes from ``{base}/web/{timestamp}id_/{url}`` (``id_`` = the page as
archived, without the archive's toolbar or rewritten links), is extracted with the document's
own rules and goes into history with :meth:`CompanyRepo.insert_versions`, dated with the
capture time, so older captures interleave with versions already recorded.

Politeness: one request at a time, at most ``requests_per_minute`` (CDX pages, downloads and
retries all count), our user agent, backoff on 429/5xx honouring ``Retry-After``; an archive
that keeps answering 429 stops the backfill (rerun later) instead of being hammered.

Resumable: every downloaded body is written atomically to a per-document cache under
``.git/policy-tracker/wayback/<doc-type>/`` before the next request, and a journal
(``<doc-type>.json`` beside it) lists the captures already placed in history. A rerun after
Ctrl-C or a kill downloads nothing it already had; a failed capture is retried on the next run
(from the cache when its body had arrived).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tracker.errors import FetchError, TrackerError
from tracker.fsutil import atomic_write_bytes, atomic_write_text
from tracker.models import DocumentConfig, FetchSettings, RecordMeta, Version, WaybackSettings
from tracker.ingest.cdx import (  # noqa: F401  (re-exported: the archive client and listing)
    MAX_CDX_PAGES,
    PAGE_SIZE,
    ArchiveClient,
    Capture,
    _stamp,
    _timestamp_date,
    list_captures,
    parse_cdx,
)
from tracker.storage.repo import CompanyRepo, ImportItem

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = WaybackSettings.url
DEFAULT_REQUESTS_PER_MINUTE = WaybackSettings.requests_per_minute
_SNAPSHOT_TS = re.compile(r"/web/(\d{14})id_/")

Progress = Callable[[int, int], None]     # (captures handled, captures found)


@dataclass
class BackfillReport:
    captures: int = 0                      # distinct captures the archive listed
    downloaded: int = 0                    # bodies downloaded from the archive in this run
    cached: int = 0                        # bodies an earlier (interrupted) run downloaded
    already: int = 0                       # captures placed in history by an earlier run
    recorded: int = 0                      # new versions in the history
    duplicates: int = 0                    # identical to the version before them
    errors: list[str] = field(default_factory=list)   # one line per failed capture
    commits: list[str] = field(default_factory=list)
    stopped: str | None = None             # why the backfill stopped early (rate limited)
    rebuilt: bool = False                  # older captures went below recorded versions
    existing: int = 0                      # versions recorded before the backfill
    kept: int = 0                          # of those, still versions afterwards

    @property
    def failed(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        cached = f" (+{self.cached} downloaded by an earlier run)" if self.cached else ""
        already = f", {self.already} already backfilled" if self.already else ""
        return (f"{self.captures} captures found, {self.downloaded} downloaded{cached}, "
                f"{self.recorded} recorded, {self.duplicates} skipped as duplicates"
                f"{already}, {self.failed} failed")

    def rebuild_note(self, name: str) -> str | None:
        """The line saying that older captures made us rewrite the history, if they did."""
        if not self.rebuilt:
            return None
        note = f"rebuilt history of {name} in date order, {self.kept} existing versions kept"
        if self.kept < self.existing:
            note += (f" ({self.existing - self.kept} repeated an older archived text and are "
                     "kept as repeats of it)")
        return note


# ------------------------------------------------------------------------------------- CDX


# ------------------------------------------------------------------------ resume journal

class CaptureJournal:
    """What a backfill of one document has already done, kept in the repository's ``.git``.

    ``<dir>/<doc>/<key>.capture``: a downloaded body (one JSON line of facts, then the bytes),
    written atomically before the next request, removed once the capture is in history.
    ``<dir>/<doc>.json``: the keys of captures placed in history (recorded or duplicates).
    """

    def __init__(self, repo: CompanyRepo, doc_type: str) -> None:
        root = repo.path / ".git" / "policy-tracker" / "wayback"
        self.cache_dir = root / doc_type
        self.done_path = root / f"{doc_type}.json"
        self.done = self._load_done()

    def _load_done(self) -> set[str]:
        try:
            data = json.loads(self.done_path.read_text("utf-8"))
            return {str(k) for k in data.get("done", [])}
        except FileNotFoundError:
            return set()
        except (OSError, ValueError, AttributeError, TypeError) as exc:
            log.warning("ignoring unreadable %s (captures may be checked again): %s",
                        self.done_path, exc)
            return set()

    def _path(self, cap: Capture) -> Path:
        return self.cache_dir / f"{cap.key}.capture"

    def load(self, cap: Capture) -> tuple[bytes, str, str | None] | None:
        """(body, content type, charset) of a body downloaded before, or None."""
        try:
            data = self._path(cap).read_bytes()
            head, _, body = data.partition(b"\n")
            facts = json.loads(head)
            return body, str(facts["content_type"]), facts.get("charset")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring unreadable cached capture %s: %s", self._path(cap), exc)
            return None

    def save(self, cap: Capture, body: bytes, content_type: str, charset: str | None) -> None:
        head = json.dumps({"original": cap.original, "timestamp": cap.timestamp,
                           "content_type": content_type, "charset": charset})
        atomic_write_bytes(self._path(cap), head.encode() + b"\n" + body)

    def mark_done(self, caps: list[Capture]) -> None:
        """Note captures as placed in history, then drop their cached bodies."""
        self.done.update(c.key for c in caps)
        atomic_write_text(self.done_path, json.dumps({"done": sorted(self.done)}, indent=0))
        for cap in caps:
            self._path(cap).unlink(missing_ok=True)

    def sweep(self) -> None:
        """Remove bodies of captures already done (left by a kill between journal and unlink)."""
        if not self.cache_dir.is_dir():
            return
        for path in self.cache_dir.glob("*.capture"):
            if path.stem in self.done:
                path.unlink(missing_ok=True)
        for tmp in self.cache_dir.glob(".*.tmp"):  # a write interrupted by a kill
            tmp.unlink(missing_ok=True)


def _recorded_timestamps(repo: CompanyRepo, doc_type: str) -> set[str]:
    """Capture timestamps of the versions a backfill recorded (from their Source-URL), so a
    lost journal still never downloads a recorded capture again, whatever the archive URL."""
    stamps = set()
    for v in repo.versions(doc_type):
        if v.trailers.get("Fetcher") == "wayback":
            m = _SNAPSHOT_TS.search(v.trailers.get("Source-URL", ""))
            if m:
                stamps.add(m.group(1))
    return stamps


# ----------------------------------------------------------------------------- backfill

def backfill(repo: CompanyRepo, company_name: str, doc: DocumentConfig,
             settings: FetchSettings, *, since: datetime | None = None,
             until: datetime | None = None, limit: int | None = None,
             base_url: str = DEFAULT_BASE_URL, client: ArchiveClient | None = None,
             requests_per_minute: float = DEFAULT_REQUESTS_PER_MINUTE, batch: int = 25,
             page_size: int = PAGE_SIZE, progress: Progress | None = None) -> BackfillReport:
    """Import the archived versions of ``doc`` into ``repo``; never raises for one capture.

    Pass ``client`` to share one rate limit between documents (else one is made with
    ``requests_per_minute``). Versions are inserted every ``batch`` captures, oldest first.
    ``progress(handled, found)`` is called once the captures are listed and after each one.
    """
    base_url = base_url.rstrip("/")
    report = BackfillReport()
    before = repo.versions(doc.type)
    report.existing = len(before)
    journal = CaptureJournal(repo, doc.type)
    journal.sweep()
    recorded = _recorded_timestamps(repo, doc.type)
    own_client = client is None
    if client is None:
        client = ArchiveClient(settings, requests_per_minute)
    pending: list[tuple[Capture, ImportItem]] = []

    def flush() -> None:
        if not pending:
            return
        items = [it for _, it in pending]
        created = repo.insert_versions(doc.type, items, company_name=company_name)
        report.commits += created
        report.recorded += len(created)
        report.duplicates += len(items) - len(created)
        journal.mark_done([cap for cap, _ in pending])
        pending.clear()

    try:
        captures = list_captures(client, base_url, doc.url, since=since, until=until,
                                 limit=limit, page_size=page_size, errors=report.errors)
        report.captures = len(captures)
        log.info("%s/%s: %d archived captures", repo.slug, doc.type, len(captures))
        if progress:
            progress(0, len(captures))
        for n, cap in enumerate(_until_stopped(captures, report), 1):
            if cap.key in journal.done or cap.timestamp in recorded:
                report.already += 1
            else:
                item = _capture_item(client, journal, cap, base_url, doc, report, repo.slug)
                if item is not None:
                    pending.append((cap, item))
                    if len(pending) >= batch:
                        flush()
            if progress:
                progress(n, len(captures))
        flush()
    finally:
        if own_client:
            client.close()
    _compare_histories(before, repo.versions(doc.type), report)
    return report


def _capture_item(client: ArchiveClient, journal: CaptureJournal, cap: Capture, base_url: str,
                  doc: DocumentConfig, report: BackfillReport, slug: str) -> ImportItem | None:
    """One capture downloaded and extracted as an item to insert; ``None`` (noted) if it fails."""
    from tracker.extract import extract

    got = _body(client, journal, cap, base_url, report)
    if got is None:
        return None
    body, media, charset = got
    try:
        extracted = extract(body, media, cap.original, doc, encoding=charset)
    except (TrackerError, RecursionError) as exc:
        if isinstance(exc, RecursionError):
            exc = TrackerError("markup nested too deeply to extract")
        report.errors.append(f"capture {cap.timestamp}: {exc}")
        log.warning("%s/%s: capture %s skipped: %s", slug, doc.type, cap.timestamp, exc)
        return None
    meta = RecordMeta(source_url=cap.snapshot_url(base_url), status=200,
                      content_type=media, fetcher="wayback")
    return ImportItem(date=cap.date, extracted=extracted, meta=meta, title=doc.display_title)


def _compare_histories(before: list[Version], after: list[Version], report: BackfillReport) -> None:
    """Whether the backfill rewrote history, and how many earlier versions it kept."""
    report.rebuilt = bool(set(v.commit for v in before) - set(v.commit for v in after))
    kept = {(v.date, v.text_hash) for v in after}
    report.kept = sum((v.date, v.text_hash) in kept for v in before)


def _until_stopped(captures: list[Capture], report: BackfillReport) -> Iterator[Capture]:
    for cap in captures:
        if report.stopped:
            return
        yield cap


def _body(client: ArchiveClient, journal: CaptureJournal, cap: Capture, base_url: str,
          report: BackfillReport) -> tuple[bytes, str, str | None] | None:
    """The capture's body from the journal's cache or the archive (then cached at once)."""
    cached = journal.load(cap)
    if cached is not None:
        report.cached += 1
        return cached
    url = cap.snapshot_url(base_url)
    try:
        resp = client.get(url)
    except FetchError as exc:
        report.errors.append(f"capture {cap.timestamp}: {exc}")
        log.warning("capture %s failed: %s", cap.timestamp, exc)
        if exc.status == 429:
            report.stopped = ("the archive keeps answering 429 Too Many Requests; stopped, "
                              "run the backfill again later to continue")
        return None
    ctype = resp.headers.get("Content-Type") or cap.mimetype or "text/html"
    media = ctype.split(";")[0].strip().lower()
    journal.save(cap, resp.body, media, resp.charset)
    report.downloaded += 1
    return resp.body, media, resp.charset
