"""The archive side of a backfill: a polite client and the CDX listing of captures.

One request at a time, at most ``requests_per_minute`` (CDX pages, downloads and retries all
count), our user agent, backoff on 429/5xx honouring ``Retry-After``; redirects only within
the archive's host. The CDX API lists the distinct captures page by page (``limit`` +
``showResumeKey=true``, following ``resumeKey``), bounded in pages; malformed rows and
timestamps are errors of that row, never of the listing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx

from tracker.errors import FetchError
from tracker.models import FetchSettings, WaybackSettings

log = logging.getLogger(__name__)

PAGE_SIZE = 1000                      # CDX rows per page
MAX_RETRY_AFTER = 300.0               # longer waits: stop and let the operator rerun later
MAX_CDX_PAGES = 1000                  # pages of one listing (a million captures at most)
_TRANSIENT = {429, 500, 502, 503, 504}
DEFAULT_REQUESTS_PER_MINUTE = WaybackSettings.requests_per_minute


def _timestamp_date(timestamp: str) -> datetime:
    """The UTC time of a CDX timestamp (``YYYY[MM[DD[hh[mm[ss]]]]]``); ValueError when it
    names no real moment (month 13, day 0, year 0000)."""
    return datetime.strptime(timestamp.ljust(14, "0")[:14],
                             "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Capture:
    """One CDX row."""

    timestamp: str           # YYYYMMDDhhmmss, UTC
    original: str            # the URL as archived
    mimetype: str = ""
    digest: str = ""

    @property
    def date(self) -> datetime:
        return _timestamp_date(self.timestamp)

    @property
    def key(self) -> str:
        """A file-name-safe identity of the capture, stable across CDX queries."""
        ident = hashlib.sha256(f"{self.original}\n{self.digest}".encode()).hexdigest()[:16]
        return f"{self.timestamp}-{ident}"

    def snapshot_url(self, base_url: str) -> str:
        return f"{base_url}/web/{self.timestamp}id_/{self.original}"


def _stamp(dt: datetime) -> str:
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
    return dt.strftime("%Y%m%d%H%M%S")


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


class ArchiveClient:
    """One polite connection to the archive: requests one at a time, at most
    ``requests_per_minute`` (measured from the end of one to the start of the next, retries
    included), with retries and backoff on transient errors. Share one client between the
    documents of a run so the rate holds across them."""

    def __init__(self, settings: FetchSettings,
                 requests_per_minute: float = DEFAULT_REQUESTS_PER_MINUTE) -> None:
        if requests_per_minute <= 0:
            raise ValueError("requests_per_minute must be positive")
        self.settings = settings
        self.interval = 60.0 / requests_per_minute
        self.requests = 0
        self._last: float | None = None
        self._http = httpx.Client(
            headers={"User-Agent": settings.user_agent}, timeout=settings.timeout,
            follow_redirects=False)  # followed by hand, only within the archive's host

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ArchiveClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pace(self) -> None:
        if self._last is not None:
            wait = self._last + self.interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)

    def get(self, url: str, params: dict[str, str] | None = None) -> _Reply:
        attempts = 1 + max(0, self.settings.retries)
        for attempt in range(attempts):
            self._pace()
            self.requests += 1
            try:
                resp = self._follow(url, params)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                self._last = time.monotonic()
                if attempt + 1 < attempts and isinstance(exc, httpx.TransportError):
                    time.sleep(self._backoff(attempt))
                    continue
                raise FetchError(f"{url}: {exc.__class__.__name__}: {exc}",
                                 transient=isinstance(exc, httpx.TransportError)) from None
            self._last = time.monotonic()
            if resp.status in _TRANSIENT:
                asked = _retry_after(resp.headers)
                if asked is not None and asked > MAX_RETRY_AFTER:
                    raise FetchError(f"{url}: HTTP {resp.status}, the archive asks to wait "
                                     f"{asked:.0f} s", transient=True, status=resp.status,
                                     retry_after=asked)
                if attempt + 1 < attempts:
                    log.info("%s: HTTP %d, retrying", url, resp.status)
                    time.sleep(asked if asked is not None else self._backoff(attempt))
                    continue
            if resp.status != 200:
                raise FetchError(f"{url}: HTTP {resp.status}",
                                 transient=resp.status in _TRANSIENT, status=resp.status)
            return resp
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> float:
        return min(60.0, self.settings.retry_backoff * 2.0 ** attempt)

    def _follow(self, url: str, params: dict[str, str] | None) -> _Reply:
        """GET, following redirects only to http(s) URLs on the archive's own host (never to
        another host, an internal address, ``javascript:`` or ``data:``)."""
        host = httpx.URL(url).host
        for _ in range(self.settings.max_redirects + 1):
            resp = self._get(url, params)
            location = resp.headers.get("location", "").strip()
            if resp.status not in (301, 302, 303, 307, 308) or not location:
                return resp
            target = urljoin(url, location)
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.hostname != host:
                raise FetchError(f"{url}: redirects outside the archive ({_clip(target)}); "
                                 "not followed", status=resp.status)
            url, params = target, None
        raise FetchError(f"{url}: more than {self.settings.max_redirects} redirects")

    def _get(self, url: str, params: dict[str, str] | None) -> _Reply:
        """Stream the body so a huge capture is cut at ``max_bytes`` instead of filling RAM."""
        request = self._http.build_request("GET", url, params=params)
        try:
            resp = self._http.send(request, stream=True)
        except httpx.InvalidURL:  # httpx parses a redirect's target even when not following
            raise FetchError(f"{url}: redirects outside the archive (to an invalid or "
                             "non-HTTP URL); not followed") from None
        try:
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
        finally:
            resp.close()


def _clip(text: str, size: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size] + "..."


def parse_cdx(rows: object, errors: list[str] | None = None
              ) -> tuple[list[Capture], str | None]:
    """Captures and the resume key (or None) of one CDX JSON answer.

    Columns are found by the header row's names, so the default shape (urlkey, timestamp,
    original, mimetype, statuscode, digest, length) and an ``fl=``-limited one both work. With
    ``showResumeKey=true`` the archive ends a page with an empty row and then ``[resume_key]``.
    Raises ValueError for anything else; with ``errors``, a row whose timestamp names no
    real moment (``20191332000000``, ``0000``) is left out with one line there instead.
    """
    if rows == [] or rows is None:
        return [], None
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise ValueError("expected a JSON array of rows")
    header = rows[0]
    if "timestamp" not in header or "original" not in header:
        raise ValueError(f"header row without timestamp/original: {header!r}")
    col = {name: header.index(name) for name in header if isinstance(name, str)}
    captures: list[Capture] = []
    resume: str | None = None
    body = rows[1:]
    for i, row in enumerate(body):
        if not row:  # the separator before the resume key
            rest = body[i + 1:]
            if rest and rest[0] and isinstance(rest[0][0], str) and rest[0][0]:
                resume = rest[0][0]
            break
        if len(row) != len(header):
            raise ValueError(f"row {i + 1} has {len(row)} fields, header has {len(header)}")

        def get(name: str, row: list = row) -> str:  # (this row, bound now)
            return str(row[col[name]]) if name in col else ""

        ts = get("timestamp")
        if not _good_timestamp(ts):
            if errors is None:
                raise ValueError(f"row {i + 1}: bad timestamp {ts[:40]!r}")
            errors.append(f"capture {_clip(ts, 40)!r} of {_clip(get('original'))}: bad "
                          "timestamp (not a date); skipped")
            continue
        status = get("statuscode")
        if status and status != "200":
            continue  # the filter asks for 200 only; never trust an archive to obey
        captures.append(Capture(timestamp=ts.ljust(14, "0"), original=get("original"),
                                mimetype=get("mimetype"), digest=get("digest")))
    return captures, resume


def _good_timestamp(ts: str) -> bool:
    if not re.fullmatch(r"\d{4,14}", ts):
        return False
    try:
        _timestamp_date(ts)
    except ValueError:
        return False
    return True


def list_captures(client: ArchiveClient, base_url: str, url: str, *,
                  since: datetime | None = None, until: datetime | None = None,
                  limit: int | None = None, page_size: int = PAGE_SIZE,
                  errors: list[str] | None = None) -> list[Capture]:
    """Distinct status-200 captures of ``url``, oldest first, at most ``limit``, fetched page
    by page with resume keys.

    Bounded whatever the archive does: at most MAX_CDX_PAGES pages, and a page that brings
    no new capture ends the listing. Without ``errors`` a bad page raises FetchError; with
    it, the error is one line there and the captures of the pages before it are returned
    (bad rows are left out with one line each)."""
    base = {"url": url, "output": "json", "filter": "statuscode:200", "collapse": "digest",
            "showResumeKey": "true"}
    if since:
        base["from"] = _stamp(since)
    if until:
        base["to"] = _stamp(until)
    found: dict[str, Capture] = {}
    try:
        _list_pages(client, f"{base_url}/cdx/search/cdx", base, found, limit, page_size,
                    errors)
    except FetchError as exc:
        if errors is None:
            raise
        errors.append(f"CDX query for {url}: {exc}")
    captures = sorted(found.values(), key=lambda c: c.timestamp)
    return captures[:limit] if limit else captures


def _list_pages(client: ArchiveClient, cdx_url: str, base: dict[str, str],
                found: dict[str, Capture], limit: int | None, page_size: int,
                errors: list[str] | None) -> None:
    """Fill ``found`` page by page (see list_captures); raises FetchError for a bad page."""
    resume: str | None = None
    seen_keys: set[str] = set()
    for _ in range(MAX_CDX_PAGES):
        size = page_size if not limit else max(1, min(page_size, limit - len(found)))
        params = dict(base, limit=str(size))
        if resume:
            params["resumeKey"] = resume
        resp = client.get(cdx_url, params)
        try:
            page, resume = parse_cdx(json.loads(resp.body or b"[]"), errors)
        except RecursionError:
            raise FetchError(f"{resp.url}: unexpected CDX answer (JSON nested too "
                             "deeply)") from None
        except ValueError as exc:
            raise FetchError(f"{resp.url}: unexpected CDX answer ({_clip(str(exc))})") from None
        before = len(found)
        for cap in page:
            found.setdefault(cap.timestamp, cap)
        log.debug("CDX page: %d captures, resume key %r", len(page), resume)
        if not resume or (limit and len(found) >= limit):
            return
        if resume in seen_keys:
            raise FetchError(f"{resp.url}: the archive repeats resume key {_clip(resume)!r}")
        if len(found) == before:
            raise FetchError(f"{resp.url}: a CDX page with no new capture but a new resume "
                             "key; listing stopped")
        seen_keys.add(resume)
    raise FetchError(f"{cdx_url}: more than {MAX_CDX_PAGES} CDX pages; listing stopped "
                     "(narrow it with --from/--to)")
