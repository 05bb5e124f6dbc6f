"""Backfill a document's history from the Wayback Machine (or a compatible archive).

One CDX query lists the distinct captures (``collapse=digest``, status 200 only); each capture's
raw body comes from ``{base}/web/{timestamp}id_/{url}`` (``id_`` = the page as archived, without
the archive's toolbar or rewritten links), is extracted with the document's own rules and goes
into history with :meth:`CompanyRepo.insert_versions`, dated with the capture time. Politeness:
our user agent, ``per_host_delay`` between requests, backoff on 429/5xx (``Retry-After``
honoured); a failed capture is reported and skipped, never fatal to the others.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

import httpx

from tracker.errors import FetchError, TrackerError
from tracker.models import DocumentConfig, FetchSettings, RecordMeta
from tracker.storage import CompanyRepo, ImportItem

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://web.archive.org"
_FIELDS = "timestamp,original,statuscode,mimetype,digest"
_TRANSIENT = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Capture:
    timestamp: str           # YYYYMMDDhhmmss, UTC
    original: str            # the URL as archived
    mimetype: str
    digest: str

    @property
    def date(self) -> datetime:
        return datetime.strptime(self.timestamp.ljust(14, "0")[:14],
                                 "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)


@dataclass
class BackfillReport:
    captures: int = 0                      # distinct captures the archive listed
    fetched: int = 0                       # bodies downloaded and extracted
    imported: int = 0                      # new versions in the history
    skipped: int = 0                       # identical to their predecessor / already there
    errors: list[str] = field(default_factory=list)   # one line per failed capture
    commits: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.captures} captures, {self.imported} imported, {self.skipped} skipped, "
                f"{len(self.errors)} failed")


def _stamp(dt: datetime) -> str:
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
    return dt.strftime("%Y%m%d%H%M%S")


class _Client:
    """httpx with our user agent, a delay between requests and retries on transient errors."""

    def __init__(self, settings: FetchSettings, delay: float | None) -> None:
        self.settings = settings
        self.delay = settings.per_host_delay if delay is None else delay
        self._last = 0.0
        self._http = httpx.Client(
            headers={"User-Agent": settings.user_agent}, timeout=settings.timeout,
            follow_redirects=True, max_redirects=settings.max_redirects)

    def close(self) -> None:
        self._http.close()

    def get(self, url: str, params: dict[str, str] | None = None) -> _Reply:
        attempts = 1 + max(0, self.settings.retries)
        for attempt in range(attempts):
            wait = self._last + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                resp = self._get(url, params)
            except (httpx.TransportError, httpx.TooManyRedirects) as exc:
                self._last = time.monotonic()
                if attempt + 1 < attempts and isinstance(exc, httpx.TransportError):
                    time.sleep(self._backoff(attempt))
                    continue
                raise FetchError(f"{url}: {exc.__class__.__name__}: {exc}",
                                 transient=True) from None
            self._last = time.monotonic()
            if resp.status in _TRANSIENT and attempt + 1 < attempts:
                asked = _retry_after(resp.headers)
                time.sleep(min(60.0, asked) if asked is not None else self._backoff(attempt))
                continue
            if resp.status != 200:
                raise FetchError(f"{url}: HTTP {resp.status}",
                                 transient=resp.status in _TRANSIENT, status=resp.status)
            return resp
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> float:
        base = getattr(self.settings, "retry_backoff", 1.0)
        return min(60.0, base * 2.0 ** attempt)

    def _get(self, url: str, params: dict[str, str] | None) -> _Reply:
        """Stream the body so a huge capture is cut at ``max_bytes`` instead of filling RAM."""
        with self._http.stream("GET", url, params=params) as resp:
            chunks, size = [], 0
            if resp.status_code == 200:
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.settings.max_bytes:
                        raise FetchError(f"{url}: body larger than {self.settings.max_bytes} "
                                         "bytes")
                    chunks.append(chunk)
            return _Reply(str(resp.url), resp.status_code, resp.headers, b"".join(chunks),
                          resp.charset_encoding)


@dataclass(frozen=True)
class _Reply:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    charset: str | None


def _retry_after(headers: httpx.Headers) -> float | None:
    try:
        return max(0.0, float(headers.get("Retry-After", "")))
    except ValueError:
        return None


def list_captures(client: _Client, base_url: str, url: str, *, since: datetime | None = None,
                  until: datetime | None = None, limit: int | None = None) -> list[Capture]:
    """Distinct status-200 captures of ``url``, oldest first (one CDX query)."""
    params = {"url": url, "output": "json", "fl": _FIELDS, "filter": "statuscode:200",
              "collapse": "digest"}
    if since:
        params["from"] = _stamp(since)
    if until:
        params["to"] = _stamp(until)
    if limit:
        params["limit"] = str(limit)
    resp = client.get(f"{base_url}/cdx/search/cdx", params)
    try:
        rows = json.loads(resp.body or b"[]")
    except ValueError as exc:
        raise FetchError(f"{resp.url}: CDX answer is not JSON ({exc})") from None
    if not rows:
        return []
    header, captures = rows[0], []
    try:
        idx = {name: header.index(name) for name in _FIELDS.split(",")}
        for row in rows[1:]:
            captures.append(Capture(timestamp=row[idx["timestamp"]],
                                    original=row[idx["original"]],
                                    mimetype=row[idx["mimetype"]], digest=row[idx["digest"]]))
    except (ValueError, IndexError, TypeError) as exc:
        raise FetchError(f"{resp.url}: unexpected CDX answer ({exc})") from None
    captures.sort(key=lambda c: c.timestamp)
    return captures


def backfill(repo: CompanyRepo, company_name: str, doc: DocumentConfig,
             settings: FetchSettings, *, since: datetime | None = None,
             until: datetime | None = None, limit: int | None = None,
             base_url: str = DEFAULT_BASE_URL, delay: float | None = None,
             batch: int = 25) -> BackfillReport:
    """Import the archived versions of ``doc`` into ``repo``.

    ``delay`` overrides ``settings.per_host_delay`` (every request goes to the archive).
    Versions are inserted every ``batch`` captures so an interrupted backfill keeps what it
    fetched, and captures already in the history (same archive URL) are not downloaded again.
    """
    from tracker.extract import extract

    base_url = base_url.rstrip("/")
    report = BackfillReport()
    known = {v.trailers.get("Source-URL") for v in repo.versions(doc.type)
             if v.trailers.get("Fetcher") == "wayback"}
    client = _Client(settings, delay)
    items: list[ImportItem] = []

    def flush() -> None:
        if items:
            created = repo.insert_versions(doc.type, items, company_name=company_name)
            report.commits += created
            report.imported += len(created)
            report.skipped += len(items) - len(created)
            items.clear()

    try:
        try:
            captures = list_captures(client, base_url, doc.url, since=since, until=until,
                                     limit=limit)
        except TrackerError as exc:
            report.errors.append(f"CDX query for {doc.url}: {exc}")
            return report
        report.captures = len(captures)
        log.info("%s/%s: %d archived captures", repo.slug, doc.type, len(captures))
        for cap in captures:
            archive_url = f"{base_url}/web/{cap.timestamp}id_/{cap.original}"
            if archive_url in known:
                report.skipped += 1
                continue
            try:
                resp = client.get(archive_url)
                ctype = resp.headers.get("Content-Type", cap.mimetype or "text/html")
                media = ctype.split(";")[0].strip().lower()
                extracted = extract(resp.body, media, cap.original, doc, encoding=resp.charset)
            except TrackerError as exc:
                report.errors.append(f"capture {cap.timestamp}: {exc}")
                log.warning("%s/%s: capture %s skipped: %s", repo.slug, doc.type,
                            cap.timestamp, exc)
                continue
            report.fetched += 1
            meta = RecordMeta(source_url=archive_url, status=200, content_type=media,
                              fetcher="wayback")
            items.append(ImportItem(date=cap.date, extracted=extracted, meta=meta,
                                    title=doc.display_title))
            if len(items) >= batch:
                flush()
        flush()
    finally:
        client.close()
    return report
