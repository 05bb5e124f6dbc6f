"""URL helpers shared by the fetcher, the extractor and the detector.

Kept free of network code so that anything comparing or printing links (extraction, change
detection) can normalise them the same way the fetcher does.
"""

from __future__ import annotations

import re
from fnmatch import translate
from functools import lru_cache
from typing import Iterable
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from tracker.errors import FetchError

WEB_SCHEMES: frozenset[str] = frozenset({"http", "https"})


def scheme_of(url: str) -> str:
    """Lower-cased scheme of `url` ('' when it has none)."""
    return urlsplit(url.strip()).scheme.lower()


def host_of(url: str) -> str:
    """Lower-cased host name without port or credentials: the unit of politeness.

    Two ports on one machine are still one host to be polite to; 127.0.0.1 and localhost are
    two different names and count as two hosts (as they would for any virtual-hosted site).
    """
    try:
        return (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return ""


def is_web_url(url: str) -> bool:
    return scheme_of(url) in WEB_SCHEMES and bool(host_of(url))


def check_fetchable(url: str, *, allow_file: bool = False) -> str:
    """Return the scheme of `url` if the tracker may fetch it, else raise a permanent FetchError.

    Only http and https are fetched; file:// only when the config opts in, because a tracked URL
    (or a redirect) pointing at the local disk would otherwise leak files into a public site.
    """
    try:
        scheme = scheme_of(url)
        urlsplit(url).port  # noqa: B018 - validates brackets and the port number
    except ValueError as exc:
        raise FetchError(f"invalid URL ({exc}): {url}") from None
    if scheme in WEB_SCHEMES:
        if not host_of(url):
            raise FetchError(f"URL has no host: {url}")
        return scheme
    if scheme == "file":
        if allow_file:
            return scheme
        raise FetchError(
            f"file:// URLs are disabled (set allow_file_urls = true in [fetch]): {url}")
    shown = scheme or "no scheme"
    raise FetchError(f"unsupported URL scheme ({shown}); only http and https are fetched: {url}")


@lru_cache(maxsize=64)
def _param_matcher(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled regex for a set of glob patterns (utm_*, fbclid...), case-insensitive."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{translate(p.lower())})" for p in patterns))


def strip_tracking_params(url: str, patterns: Iterable[str]) -> str:
    """Drop query parameters whose name matches one of the glob `patterns`.

    Other parameters keep their order and exact spelling (no re-encoding), the fragment stays,
    and a URL with nothing to strip is returned unchanged, so the result is stable text.
    """
    matcher = _param_matcher(tuple(patterns))
    if matcher is None or "?" not in url:
        return url
    parts = urlsplit(url)
    if not parts.query:
        return url
    kept: list[str] = []
    dropped = False
    for item in parts.query.split("&"):
        name = unquote_plus(item.split("=", 1)[0]).lower()
        if name and matcher.fullmatch(name):
            dropped = True
        else:
            kept.append(item)
    if not dropped:
        return url
    query = "&".join(k for k in kept if k)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))
