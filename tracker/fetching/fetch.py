"""Download tracked documents politely and safely.

Every limit here protects a cron run from one bad server: a byte cap enforced while streaming
(also on the decompressed size, so a gzip bomb is stopped after max_bytes, not inflated), a
deadline per attempt (a server dripping headers or body cannot hold a worker), a redirect
budget with loop detection, and no scheme but http(s) (file:// only when the config allows
it). Politeness: an identifiable User-Agent, conditional GET, one request at a time per host
spaced by `per_host_delay`, and retries with exponential backoff that honour Retry-After.
"""

from __future__ import annotations

import email.utils
import heapq
import itertools
import logging
import mimetypes
import queue
import random
import socket
import threading
import time
import zlib
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from http import HTTPStatus
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import httpx

from tracker.errors import DocumentError, FetchError
from tracker.extract.core import HTML_TYPES, detect_encoding
from tracker.models import DocumentConfig, FetchResult, FetchSettings
from tracker.fetching.urls import check_fetchable, host_of, is_web_url

log = logging.getLogger(__name__)

RESULTS_BACKLOG = 64            # fetched documents waiting for the caller before workers pause
MAX_RETRY_AFTER = 60.0          # longest Retry-After we wait for within a run (seconds)
ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"
ACCEPT_ENCODING = "gzip, deflate"  # only encodings we can decompress under a byte cap
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_TEXTUAL_SUFFIXES = ("+xml", "/xml", "/json")


@dataclass(frozen=True)
class FetchJob:
    """One document to fetch in a run, with the validators from its last successful fetch."""

    company: str
    doc: DocumentConfig
    etag: str | None = None
    last_modified: str | None = None


class HostThrottle:
    """One request at a time per host, and `delay` seconds from the end of one request to the
    start of the next, so the server sees the spacing even when connecting took a while."""

    def __init__(self, delay: float) -> None:
        self.delay = max(0.0, delay)
        self._free_at: dict[str, float] = {}
        self._busy: set[str] = set()
        self._cond = threading.Condition()

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        if not host:
            yield
            return
        with self._cond:
            while True:
                wait = self._free_at.get(host, 0.0) - time.monotonic()
                if host not in self._busy and wait <= 0:
                    break
                self._cond.wait(timeout=wait if host not in self._busy else None)
            self._busy.add(host)
        try:
            yield
        finally:
            with self._cond:
                self._busy.discard(host)
                self._free_at[host] = time.monotonic() + self.delay
                self._cond.notify_all()

    def ready_at(self, host: str) -> float:
        """The monotonic time from which a request to `host` may start (now if it is idle)."""
        with self._cond:
            if host in self._busy:
                return float("inf")
            return self._free_at.get(host, 0.0)


class _HostScheduler:
    """Hands jobs to fetch workers so that no worker sits out a host's delay.

    Binding a worker to one host for all its documents wastes the worker during every
    per-host delay: with C workers and H equal hosts a run takes ceil(H/C) host chains. Here a
    worker takes any host that may be contacted now (its delay has passed and nobody is
    fetching from it), preferring the host with the most documents left (its chain is the
    longest, so it bounds the run), and gives the host back after one document. A host is
    claimed by one worker at a time, so its documents are fetched in order, one at a time.
    """

    def __init__(self, jobs: list[FetchJob], throttle: HostThrottle) -> None:
        self.throttle = throttle
        self._pending: dict[str, deque[FetchJob]] = {}
        for index, job in enumerate(jobs):
            try:
                host = host_of(job.doc.url)
            except Exception:  # a malformed job still gets its own error from fetch_document
                host = ""
            # Jobs without a host (file://, malformed) have nobody to be polite to: each is
            # its own queue so they never wait for each other.
            self._pending.setdefault(host or f"\0{index}", deque()).append(job)
        self.hosts = len(self._pending)
        self._cond = threading.Condition()
        self._seq = itertools.count()
        self._ready: list[tuple[int, int, str]] = []     # (-jobs left, seq, host)
        self._waiting: list[tuple[float, int, str]] = []  # (ready at, seq, host)
        for host, queue_ in self._pending.items():
            heapq.heappush(self._ready, (-len(queue_), next(self._seq), host))
        self._stopped = False

    def next(self) -> tuple[str, FetchJob] | None:
        """Block until some host may be contacted; None when no work is left (or stopped)."""
        with self._cond:
            while not self._stopped and self._pending:
                now = time.monotonic()
                while self._waiting and self._waiting[0][0] <= now:
                    _, _, host = heapq.heappop(self._waiting)
                    self._push_ready(host)
                while self._ready:
                    _, _, host = heapq.heappop(self._ready)
                    at = self.throttle.ready_at(host) if not host.startswith("\0") else 0.0
                    if at > now:  # touched meanwhile (a redirect from another host's page)
                        self._push_waiting(host, at)
                        continue
                    return host, self._pending[host].popleft()
                timeout = self._waiting[0][0] - now if self._waiting else None
                self._cond.wait(timeout=timeout)
            return None

    def done(self, host: str) -> None:
        """The claimed host's job is finished: put the host back if it has more."""
        with self._cond:
            if self._pending.get(host):
                at = self.throttle.ready_at(host) if not host.startswith("\0") else 0.0
                if at == float("inf"):  # still busy through another host's redirect
                    at = time.monotonic() + max(self.throttle.delay, 0.01)
                self._push_waiting(host, at)
            else:
                self._pending.pop(host, None)
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    @property
    def stopped(self) -> bool:
        return self._stopped

    def _push_ready(self, host: str) -> None:
        heapq.heappush(self._ready, (-len(self._pending[host]), next(self._seq), host))

    def _push_waiting(self, host: str, at: float) -> None:
        if at <= time.monotonic():
            self._push_ready(host)
        else:
            heapq.heappush(self._waiting, (at, next(self._seq), host))


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def new_client(settings: FetchSettings) -> httpx.Client:
    """An HTTP client with the tracker's identity and timeouts; redirects are followed by hand."""
    return httpx.Client(
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=False,
        # A fresh connection per request: requests to one host are seconds apart anyway, and it
        # lets the per-attempt deadline reach every socket (see _Deadline).
        limits=httpx.Limits(max_keepalive_connections=0),
        headers={"User-Agent": settings.user_agent, "Accept": ACCEPT,
                 "Accept-Encoding": ACCEPT_ENCODING},
    )


def fetch_document(doc: DocumentConfig, settings: FetchSettings, *, etag: str | None = None,
                   last_modified: str | None = None, throttle: HostThrottle | None = None,
                   client: httpx.Client | None = None) -> FetchResult:
    """Fetch one document, retrying transient failures; raises FetchError (one-line message).

    `throttle` and `client` let fetch_many share politeness state and one client per host; a
    single call works without them.
    """
    scheme = check_fetchable(doc.url, allow_file=settings.allow_file_urls)
    if scheme == "file" and not doc.browser:
        return _fetch_file(doc.url, settings)
    owns_client = client is None and not doc.browser
    if owns_client:
        client = new_client(settings)
    try:
        return _with_retries(doc, settings, etag, last_modified, throttle, client)
    finally:
        if owns_client and client is not None:
            client.close()


def fetch_many(jobs: Iterable[FetchJob], settings: FetchSettings
               ) -> Iterator[tuple[FetchJob, FetchResult | DocumentError]]:
    """Fetch many documents, yielding (job, result or error) as each completes.

    At most `concurrency` requests are in flight at once, never two to one host, and a host's
    requests are spaced by per_host_delay (retries and redirects included); while one host
    waits out its delay the workers fetch from others (see _HostScheduler). A failing job
    never stops the others, and unexpected exceptions become a FetchError for that job.
    """
    job_list = list(jobs)
    throttle = HostThrottle(settings.per_host_delay)
    scheduler = _HostScheduler(job_list, throttle)
    if not job_list:
        return
    workers = max(1, min(settings.concurrency, scheduler.hosts))
    # Bounded: a caller that falls behind (recording) holds the workers back instead of
    # letting downloaded bodies pile up in memory.
    results: queue.Queue[tuple[FetchJob, FetchResult | DocumentError]] = queue.Queue(
        maxsize=RESULTS_BACKLOG + workers)
    try:
        # One client for all workers (httpx clients are thread-safe): building one loads the
        # CA bundle, tens of milliseconds with the GIL held, which per worker delayed the
        # first requests of a run by up to a second.
        client = new_client(settings)
    except Exception as exc:
        log.exception("cannot create the HTTP client")
        for job in job_list:
            yield job, _unexpected(job, exc)
        return

    def hand_over(item: tuple[FetchJob, FetchResult | DocumentError]) -> None:
        while not scheduler.stopped:
            try:
                results.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def worker() -> None:
        while (claimed := scheduler.next()) is not None:
            host, job = claimed
            try:
                result = _run_job(job, settings, throttle, client)
            except BaseException as exc:  # never leave the caller waiting for an answer
                hand_over((job, _unexpected(job, exc)))
                raise
            finally:
                scheduler.done(host)
            hand_over((job, result))

    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch")
    try:
        for _ in range(workers):
            pool.submit(worker)
        for _ in job_list:
            yield results.get()
    finally:
        scheduler.stop()
        pool.shutdown(wait=True, cancel_futures=True)
        client.close()


# ---------------------------------------------------------------------------------------------
# Retries
# ---------------------------------------------------------------------------------------------


def _run_job(job: FetchJob, settings: FetchSettings, throttle: HostThrottle,
             client: httpx.Client) -> FetchResult | DocumentError:
    try:
        return fetch_document(job.doc, settings, etag=job.etag, last_modified=job.last_modified,
                              throttle=throttle, client=client)
    except DocumentError as exc:
        return exc
    except Exception as exc:
        log.exception("unexpected error fetching %s", job.doc.url)
        return _unexpected(job, exc)


def _unexpected(job: FetchJob, exc: BaseException) -> FetchError:
    detail = " ".join(str(exc).split())
    return FetchError(f"unexpected error fetching {job.doc.url}: {type(exc).__name__}: {detail}")


def backoff_delay(attempt: int, settings: FetchSettings, retry_after: float | None) -> float:
    """Seconds to wait before attempt `attempt + 1`: exponential with a little jitter, and never
    less than the server's Retry-After."""
    delay = settings.retry_backoff * (2 ** (attempt - 1)) * random.uniform(1.0, 1.1)
    return max(delay, retry_after or 0.0)


def _with_retries(doc: DocumentConfig, settings: FetchSettings, etag: str | None,
                  last_modified: str | None, throttle: HostThrottle | None,
                  client: httpx.Client | None) -> FetchResult:
    attempts = max(0, settings.retries) + 1
    throttle = throttle or HostThrottle(0.0)
    for attempt in range(1, attempts + 1):
        try:
            if doc.browser:
                with throttle.slot(host_of(doc.url)):
                    from tracker.fetching.browser import render  # Playwright is optional; import only if used
                    return render(doc.url, settings)
            assert client is not None
            return _get(client, doc.url, settings, etag, last_modified, throttle)
        except FetchError as exc:
            too_long = exc.retry_after is not None and exc.retry_after > MAX_RETRY_AFTER
            if not exc.transient or attempt == attempts or too_long:
                raise _final(exc, attempt, too_long) from None
            delay = backoff_delay(attempt, settings, exc.retry_after)
            log.info("%s; retrying in %.1f s (attempt %d of %d)", exc, delay, attempt + 1, attempts)
            time.sleep(delay)
    raise AssertionError("unreachable")


def _final(exc: FetchError, attempts: int, too_long: bool) -> FetchError:
    """The error as reported: says how many attempts were made and why retrying stopped."""
    notes = []
    if attempts > 1:
        notes.append(f"after {attempts} attempts")
    if too_long:
        notes.append(f"Retry-After {exc.retry_after:g} s is over {MAX_RETRY_AFTER:g} s; next run")
    if not notes:
        return exc
    return FetchError(f"{exc} ({'; '.join(notes)})", transient=exc.transient, status=exc.status,
                      retry_after=exc.retry_after)


# ---------------------------------------------------------------------------------------------
# One HTTP attempt
# ---------------------------------------------------------------------------------------------


class _Deadline:
    """Cuts an attempt off at its deadline, whatever phase it is in.

    Read timeouts bound each read, not the sum: a server dripping headers or body a byte at a
    time would never trip them. A timer shuts down the attempt's sockets (learnt from httpx's
    trace hook) at the deadline, which wakes any blocked read at once.
    """

    def __init__(self, seconds: float, total: float | None = None) -> None:
        self.seconds = seconds
        self.total = seconds if total is None else total  # the whole budget, for messages
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> "_Deadline":
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict) -> None:
        if event == "connection.connect_tcp.complete":
            sock = info["return_value"].get_extra_info("socket")
            with self._lock:
                self._sockets.append(sock)
                expired = self.expired
            if expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:  # already closed
            pass

    def error(self, url: str) -> FetchError:
        return FetchError(f"download of {url} took over {self.total:g} s", transient=True)


def _get(client: httpx.Client, url: str, settings: FetchSettings, etag: str | None,
         last_modified: str | None, throttle: HostThrottle) -> FetchResult:
    """One attempt: follow redirects by hand (scheme check and loop detection on every hop).

    Every hop is a request of its own to its host, so each takes that host's throttle slot:
    a redirect to the same host waits out per_host_delay like any other request. The
    max_time budget counts time spent on the network, not time spent waiting for a slot.
    """
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    max_time = settings.max_time if settings.max_time is not None else 4 * settings.timeout
    budget = max_time
    current, seen = url, {url}
    for hop in range(settings.max_redirects + 1):
        if budget <= 0:
            raise FetchError(f"download of {url} took over {max_time:g} s", transient=True)
        with throttle.slot(host_of(current)):
            started = time.monotonic()
            try:
                with _Deadline(budget, max_time) as deadline:
                    outcome = _hop(client, url, current, headers, settings, deadline, etag,
                                   last_modified)
            finally:
                budget -= time.monotonic() - started
        if isinstance(outcome, FetchResult):
            return outcome
        target = outcome.target
        if target in seen and not outcome.sets_cookie:
            raise FetchError(f"redirect loop: {current} redirects back to {target}")
        if hop == settings.max_redirects:
            raise FetchError(f"too many redirects (over {settings.max_redirects}) from {url}")
        seen.add(target)
        current = target
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class _Redirect:
    target: str
    sets_cookie: bool  # a redirect back to a seen URL is no loop when it sets a cookie


def _hop(client: httpx.Client, url: str, current: str, headers: dict[str, str],
         settings: FetchSettings, deadline: "_Deadline", etag: str | None,
         last_modified: str | None) -> FetchResult | _Redirect:
    """One request: the result, or where a redirect points to."""
    request = client.build_request("GET", current, headers=headers,
                                   extensions={"trace": deadline.trace})
    try:
        response = client.send(request, stream=True)
    except httpx.HTTPError as exc:
        if deadline.expired:
            raise deadline.error(current) from None
        raise _network_error(exc, current) from None
    try:
        status = response.status_code
        if status in _REDIRECTS and response.headers.get("location"):
            target = urljoin(current, response.headers["location"].strip())
            if not is_web_url(target):
                raise FetchError(f"{current} redirects to a non-HTTP URL: {target}")
            return _Redirect(target, "set-cookie" in response.headers)
        if status == 304:
            return _result(url, current, response, None, etag, last_modified)
        if not 200 <= status < 300:
            raise _status_error(response, current)
        try:
            body = _read_body(response, current, settings.max_bytes)
        except FetchError:
            if deadline.expired:
                raise deadline.error(current) from None
            raise
        if deadline.expired:  # a close-delimited body cut short looks complete
            raise deadline.error(current)
        return _result(url, current, response, body, etag, last_modified)
    finally:
        response.close()


def _result(url: str, final_url: str, response: httpx.Response, body: bytes | None,
            etag: str | None, last_modified: str | None) -> FetchResult:
    header = response.headers.get("content-type", "")
    ctype = header.split(";", 1)[0].strip().lower()
    charset = response.charset_encoding
    encoding = None
    if body is not None and (ctype.startswith("text/") or ctype.endswith(_TEXTUAL_SUFFIXES)
                             or not ctype):
        encoding = detect_encoding(body, charset, html=ctype in HTML_TYPES or not ctype)
    return FetchResult(
        url=url, final_url=final_url, status=response.status_code, content_type=ctype,
        body=body, encoding=encoding,
        etag=response.headers.get("etag") or (etag if body is None else None),
        last_modified=response.headers.get("last-modified")
        or (last_modified if body is None else None),
        fetcher="http", fetched_at=datetime.now(timezone.utc),
    )


def _status_error(response: httpx.Response, url: str) -> FetchError:
    status = response.status_code
    try:
        reason = response.reason_phrase or HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    transient = status >= 500 or status in (408, 429)
    retry_after = _retry_after(response.headers.get("retry-after")) if transient else None
    return FetchError(f"HTTP {status} {reason} from {url}".replace("  ", " "),
                      transient=transient, status=status, retry_after=retry_after)


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _network_error(exc: httpx.HTTPError, url: str) -> FetchError:
    """A one-line, human message for a network failure, and whether it is worth retrying."""
    parts = urlsplit(url)
    where = parts.netloc or url
    text = " ".join(str(exc).split()) or type(exc).__name__  # one line, whatever the library says
    low = text.lower()
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError(f"connection to {where} timed out", transient=True)
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(f"timed out waiting for {url}", transient=True)
    if isinstance(exc, httpx.ConnectError):
        if "name or service not known" in low or "nodename nor servname" in low \
                or "name resolution" in low or "no address associated" in low:
            return FetchError(f"DNS lookup failed for {parts.hostname}", transient=True)
        if "refused" in low:
            return FetchError(f"connection refused by {where}", transient=True)
        if "certificate" in low or "ssl" in low:
            return FetchError(f"TLS error connecting to {where}: {text}", transient=False)
        return FetchError(f"cannot connect to {where}: {text}", transient=True)
    if isinstance(exc, (httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError)):
        return FetchError(f"connection to {where} broke off during {url}: {text}", transient=True)
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return FetchError(f"cannot fetch {url}: {text}")
    return FetchError(f"cannot fetch {url}: {type(exc).__name__}: {text}", transient=True)


# ---------------------------------------------------------------------------------------------
# Bounded body reading
# ---------------------------------------------------------------------------------------------


class _BoundedDecoder:
    """Decompresses gzip/deflate without ever producing more than the caller allows."""

    def __init__(self, content_encoding: str, url: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise FetchError(f"unsupported Content-Encoding {content_encoding!r} from {url}")
        self.coding = codings[0] if codings else None
        self.url = url
        self._d = self._new()
        self._first = True

    def _new(self) -> "zlib._Decompress | None":
        if self.coding is None:
            return None
        # gzip: +32 accepts a gzip or zlib header; deflate: zlib header (raw tried on failure)
        return zlib.decompressobj(zlib.MAX_WBITS | 32 if self.coding != "deflate"
                                  else zlib.MAX_WBITS)

    @property
    def complete(self) -> bool:
        """False when a compressed stream stopped before its end (a cut connection)."""
        return self._d is None or self._d.eof

    def feed(self, data: bytes, room: int) -> list[bytes]:
        """Decoded pieces of `data`; raises OverflowError once more than `room` bytes come out."""
        if self._d is None:
            if len(data) > room:
                raise OverflowError
            return [data]
        out: list[bytes] = []
        while data:
            try:
                piece = self._d.decompress(data, room + 1)
            except zlib.error as exc:
                if self._first and self.coding == "deflate":  # raw deflate, no zlib header
                    self._d, self._first = zlib.decompressobj(-zlib.MAX_WBITS), False
                    continue
                raise FetchError(f"corrupt {self.coding} body from {self.url}: {exc}") from None
            self._first = False
            out.append(piece)
            room -= len(piece)
            if room < 0:
                raise OverflowError
            data = self._d.unconsumed_tail
            if self._d.eof:
                data = self._d.unused_data + data
                if not data.strip(b"\0"):
                    break
                self._d = self._new()  # next gzip member
        return out


def _read_body(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    """The decoded body, or FetchError as soon as it exceeds max_bytes."""
    too_big = FetchError(f"{url} is larger than the {max_bytes:,} byte limit (max_bytes)")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise too_big
    decoder = _BoundedDecoder(response.headers.get("content-encoding", ""), url)
    chunks: list[bytes] = []
    size = received = 0
    try:
        for raw in response.iter_raw():
            received += len(raw)
            if received > max_bytes:
                raise too_big
            for piece in decoder.feed(raw, max_bytes - size):
                chunks.append(piece)
                size += len(piece)
    except OverflowError:
        raise too_big from None
    except httpx.HTTPError as exc:
        raise _network_error(exc, url) from None
    if not decoder.complete:
        raise FetchError(f"{decoder.coding} body from {url} ends early", transient=True)
    return b"".join(chunks)


# ---------------------------------------------------------------------------------------------
# file://
# ---------------------------------------------------------------------------------------------

_LOCAL_TYPES = {".md": "text/markdown", ".markdown": "text/markdown", ".txt": "text/plain",
                ".html": "text/html", ".htm": "text/html", ".pdf": "application/pdf"}


def _fetch_file(url: str, settings: FetchSettings) -> FetchResult:
    """A local file (only when allow_file_urls): same size cap and charset handling as HTTP."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise FetchError(f"file:// URL names a remote host: {url}")
    path = Path(url2pathname(unquote(parts.path)))
    try:
        with path.open("rb") as fh:
            body = fh.read(settings.max_bytes + 1)
    except OSError as exc:
        raise FetchError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(body) > settings.max_bytes:
        raise FetchError(f"{url} is larger than the {settings.max_bytes:,} byte limit (max_bytes)")
    suffix = path.suffix.lower()
    ctype = _LOCAL_TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or ""
    encoding = None
    if ctype != "application/pdf":
        encoding = detect_encoding(body, None, html=ctype in HTML_TYPES or not ctype)
    return FetchResult(url=url, final_url=url, status=200, content_type=ctype, body=body,
                       encoding=encoding, fetcher="file", fetched_at=datetime.now(timezone.utc))
