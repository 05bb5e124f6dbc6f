"""tracker.fetching.urls: tracking-parameter stripping, hosts and scheme policy."""

from __future__ import annotations

import pytest

from tracker.errors import FetchError
from tracker.models import DEFAULT_TRACKING_PARAMS
from tracker.fetching.urls import check_fetchable, host_of, strip_tracking_params


@pytest.mark.parametrize("url, expected", [
    ("https://x.test/p?utm_source=a&id=3&utm_medium=b#top", "https://x.test/p?id=3#top"),
    ("https://x.test/p?a=1&fbclid=zz&b=2", "https://x.test/p?a=1&b=2"),
    ("https://x.test/p?UTM_Campaign=x", "https://x.test/p"),
    ("https://x.test/p?gclid=1#frag", "https://x.test/p#frag"),
    ("https://x.test/p?q=a%20b&z=%2F", "https://x.test/p?q=a%20b&z=%2F"),  # untouched, not re-encoded
    ("https://x.test/p?utmost=1&si=2", "https://x.test/p?utmost=1"),
    ("https://x.test/p", "https://x.test/p"),
    ("mailto:a@b.test", "mailto:a@b.test"),
])
def test_strip_tracking_params(url: str, expected: str) -> None:
    assert strip_tracking_params(url, DEFAULT_TRACKING_PARAMS) == expected


def test_strip_keeps_order_and_custom_globs() -> None:
    url = "https://x.test/p?z=1&ref=abc&a=2&session_id=9&m=3"
    assert strip_tracking_params(url, ("ref", "session_*")) == "https://x.test/p?z=1&a=2&m=3"
    assert strip_tracking_params(url, ()) == url


def test_host_of() -> None:
    assert host_of("https://User:pw@Example.COM:8443/x") == "example.com"
    assert host_of("http://127.0.0.1:8000/") == "127.0.0.1"
    assert host_of("http://localhost:8000/") == "localhost"
    assert host_of("file:///etc/passwd") == ""


def test_scheme_policy() -> None:
    assert check_fetchable("https://x.test/") == "https"
    assert check_fetchable("HTTP://x.test/") == "http"
    with pytest.raises(FetchError, match="file:// URLs are disabled"):
        check_fetchable("file:///etc/passwd")
    assert check_fetchable("file:///tmp/x.html", allow_file=True) == "file"
    for bad in ("ftp://x.test/a", "javascript:alert(1)", "data:text/html,hi", "x.test/privacy",
                "gopher://x.test/"):
        with pytest.raises(FetchError, match="only http and https") as info:
            check_fetchable(bad, allow_file=True)
        assert not info.value.transient and "\n" not in str(info.value)
    with pytest.raises(FetchError, match="no host"):
        check_fetchable("https:///nohost")


def test_malformed_urls_are_fetch_errors_not_crashes() -> None:
    assert host_of("http://[::1/privacy") == ""
    with pytest.raises(FetchError, match="invalid URL"):
        check_fetchable("http://[::1/privacy")
    with pytest.raises(FetchError, match="invalid URL"):
        check_fetchable("http://x.test:99999/privacy")
