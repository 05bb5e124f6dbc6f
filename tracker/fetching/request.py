"""Download one tracked document politely and safely: one request with redirects and retries.

Every limit here protects a cron run from one bad server: a deadline per attempt (a server
dripping headers or body cannot hold a worker), a redirect budget with loop detection, the
byte cap of the body reader, and no scheme but http(s) (file:// only when the config allows
it). Politeness: an identifiable User-Agent, conditional GET, every hop through the host's
throttle slot, and retries with exponential backoff that honour Retry-After.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import random
import socket
import stat
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import httpx

from tracker.errors import FetchError, redact_credentials
from tracker.extract.encoding import HTML_TYPES, detect_encoding
from tracker.fetching.addresses import AddressGuard
from tracker.fetching.body import read_body
from tracker.fetching.failures import network_error, status_error
from tracker.fetching.politeness import HostThrottle
from tracker.fetching.urls import check_fetchable, host_of, is_web_url
from tracker.models import DocumentConfig, FetchResult, FetchSettings

log = logging.getLogger(__name__)

MAX_RETRY_AFTER = 60.0          # longest Retry-After we wait for within a run (seconds)
ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"
ACCEPT_ENCODING = "gzip, deflate"  # only encodings we can decompress under a byte cap
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_TEXTUAL_SUFFIXES = ("+xml", "/xml", "/json")


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


# ---------------------------------------------------------------------------------------------
# Retries
# ---------------------------------------------------------------------------------------------


def backoff_delay(attempt: int, settings: FetchSettings, retry_after: float | None) -> float:
    """Seconds to wait before attempt `attempt + 1`: exponential with a little jitter, and never
    less than the server's Retry-After."""
    delay = settings.retry_backoff * (2 ** (attempt - 1)) * random.uniform(1.0, 1.1)
    return max(delay, retry_after or 0.0)


def _max_time(settings: FetchSettings) -> float:
    return settings.max_time if settings.max_time is not None else 4 * settings.timeout


class _Budget:
    """A document's max_time for one run, shared by all its attempts: network time and the
    waits between attempts are taken from it, so retries never multiply it."""

    def __init__(self, seconds: float) -> None:
        self.total = self.left = seconds


def _with_retries(doc: DocumentConfig, settings: FetchSettings, etag: str | None,
                  last_modified: str | None, throttle: HostThrottle | None,
                  client: httpx.Client | None) -> FetchResult:
    attempts = max(0, settings.retries) + 1
    throttle = throttle or HostThrottle(0.0)
    budget = _Budget(_max_time(settings))
    for attempt in range(1, attempts + 1):
        try:
            if doc.browser:
                with throttle.slot(host_of(doc.url)):
                    from tracker.fetching.browser import render  # Playwright is optional; import only if used
                    return render(doc.url, settings)
            assert client is not None
            return _get(client, doc.url, settings, etag, last_modified, throttle, budget)
        except FetchError as exc:
            too_long = exc.retry_after is not None and exc.retry_after > MAX_RETRY_AFTER
            delay = backoff_delay(attempt, settings, exc.retry_after)
            spent = delay >= budget.left
            if not exc.transient or attempt == attempts or too_long or spent:
                raise _final(exc, attempt, too_long, budget.total if spent else None) from None
            log.info("%s; retrying in %.1f s (attempt %d of %d)", exc, delay, attempt + 1, attempts)
            time.sleep(delay)
            budget.left -= delay
    raise AssertionError("unreachable")


def _final(exc: FetchError, attempts: int, too_long: bool,
           spent: float | None = None) -> FetchError:
    """The error as reported: says how many attempts were made and why retrying stopped."""
    notes = []
    if attempts > 1:
        notes.append(f"after {attempts} attempts")
    if spent is not None and exc.transient and not too_long:
        notes.append(f"max_time of {spent:g} s spent; next run")
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

    def __init__(self, seconds: float, total: float | None = None,
                 guard: AddressGuard | None = None) -> None:
        self.seconds = seconds
        self.guard = guard  # also the place every connection passes: checked there
        self._host = ""
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
        if event == "connection.connect_tcp.started" and self.guard is not None:
            self._host = str(info.get("host", ""))
            self.guard.before_connect(self._host, int(info.get("port") or 0))
        if event == "connection.connect_tcp.complete":
            sock = info["return_value"].get_extra_info("socket")
            with self._lock:
                self._sockets.append(sock)
                expired = self.expired
            if expired:
                self._shut(sock)
            if self.guard is not None:
                self.guard.after_connect(self._host, sock)

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
         last_modified: str | None, throttle: HostThrottle,
         budget: _Budget | None = None) -> FetchResult:
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
    max_time = _max_time(settings)
    budget = budget or _Budget(max_time)
    guard = AddressGuard(url)
    current, seen = url, {url}
    for hop in range(settings.max_redirects + 1):
        if budget.left <= 0:
            raise FetchError(f"download of {url} took over {max_time:g} s", transient=True)
        with throttle.slot(host_of(current)):
            started = time.monotonic()
            try:
                with _Deadline(budget.left, max_time, guard) as deadline:
                    outcome = _hop(client, url, current, headers, settings, deadline, etag,
                                   last_modified)
            finally:
                budget.left -= time.monotonic() - started
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


def _clip(text: str, size: int = 100) -> str:
    """A server-chosen text for a one-line message: one line, at most ``size`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size] + "..."


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
        raise network_error(exc, current) from None
    except httpx.InvalidURL:  # httpx parses a redirect's target even when not following it
        raise FetchError(f"{current} redirects to an invalid or non-HTTP URL; "
                         "not followed") from None
    try:
        status = response.status_code
        if status in _REDIRECTS and response.headers.get("location"):
            target = urljoin(current, response.headers["location"].strip())
            if not is_web_url(target):
                raise FetchError(f"{current} redirects to a non-HTTP URL: {_clip(target)}")
            return _Redirect(target, "set-cookie" in response.headers)
        if status == 304:
            return _result(url, current, response, None, etag, last_modified)
        if not 200 <= status < 300:
            raise status_error(response, current)
        try:
            body = read_body(response, current, settings.max_bytes)
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
        url=redact_credentials(url), final_url=redact_credentials(final_url),
        status=response.status_code, content_type=ctype,
        body=body, encoding=encoding,
        etag=response.headers.get("etag") or (etag if body is None else None),
        last_modified=response.headers.get("last-modified")
        or (last_modified if body is None else None),
        fetcher="http", fetched_at=datetime.now(timezone.utc),
    )


# ---------------------------------------------------------------------------------------------
# file://
# ---------------------------------------------------------------------------------------------

_LOCAL_TYPES = {".md": "text/markdown", ".markdown": "text/markdown", ".txt": "text/plain",
                ".html": "text/html", ".htm": "text/html", ".pdf": "application/pdf"}


def _read_regular_file(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file; a FIFO, device or socket is refused before
    it is opened (and again after, non-blocking), so it can never hang a run."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise FetchError(f"{path} is not a regular file (a FIFO, device or directory)")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FetchError(f"{path} is not a regular file (a FIFO, device or directory)")
        os.set_blocking(fd, True)
        with os.fdopen(os.dup(fd), "rb") as fh:
            return fh.read(limit)
    finally:
        os.close(fd)


def _fetch_file(url: str, settings: FetchSettings) -> FetchResult:
    """A local file (only when allow_file_urls): same size cap and charset handling as HTTP."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise FetchError(f"file:// URL names a remote host: {url}")
    path = Path(url2pathname(unquote(parts.path)))
    try:
        body = _read_regular_file(path, settings.max_bytes + 1)
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
