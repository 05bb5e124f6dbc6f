"""Failed requests as one-line, human FetchErrors that say whether retrying is worthwhile."""

from __future__ import annotations

import email.utils
from datetime import datetime, timezone
from http import HTTPStatus
from urllib.parse import urlsplit

import httpx

from tracker.errors import FetchError


def status_error(response: httpx.Response, url: str) -> FetchError:
    status = response.status_code
    try:
        reason = response.reason_phrase or HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    transient = status >= 500 or status in (408, 429)
    retry_after = parse_retry_after(response.headers.get("retry-after")) if transient else None
    return FetchError(f"HTTP {status} {reason} from {url}".replace("  ", " "),
                      transient=transient, status=status, retry_after=retry_after)


def parse_retry_after(value: str | None) -> float | None:
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


def network_error(exc: httpx.HTTPError, url: str) -> FetchError:
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
