"""browser = true: a JavaScript-built policy rendered by real headless Chromium."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from tests.support.web import Handler, LocalServer, doc

from tracker.fetching.browser import MISSING, render
from tracker.errors import ExtractionError, FetchError
from tracker.extract import extract
from tracker.fetching import fetch_document
from tracker.models import FetchSettings

SHELL = """<!doctype html><html><head><title>Privacy</title></head><body>
<img src="/logo.png" alt="">
<div id="app"><noscript>You need to enable JavaScript to run this app.</noscript></div>
<script>
fetch('/policy.json').then(r => r.json()).then(p => {
  const main = document.createElement('main');
  main.innerHTML = '<h1>' + p.title + '</h1><p>' + p.body + '</p>';
  document.getElementById('app').replaceChildren(main);
});
</script></body></html>"""


def _serve_app(web: LocalServer) -> str:
    def policy(h: Handler) -> None:
        time.sleep(0.2)  # the text arrives late: only waiting for network idle gets it
        h.reply(200, b'{"title": "Privacy Policy", "body": "We collect only your e-mail address."}',
                "application/json")
    web.routes["/policy.json"] = policy
    return web.page("/privacy", SHELL)


@pytest.mark.slow
@pytest.mark.browser
def test_browser_renders_javascript_inserted_policy(web: LocalServer,
                                                    chromium_path: Path) -> None:
    # chromium_path (tests/conftest.py) skips without Chromium, or fails in CI.
    url = _serve_app(web)
    settings = FetchSettings(timeout=15, per_host_delay=0, retries=0, user_agent="tracker-test-ua")
    plain = fetch_document(doc(url), settings)
    with pytest.raises(ExtractionError, match="no text .* JavaScript: try browser = true"):
        extract(plain.body or b"", plain.content_type, url, doc(url), encoding=plain.encoding)

    result = fetch_document(doc(url, browser=True), settings)
    assert (result.fetcher, result.status, result.content_type) == ("browser", 200, "text/html")
    assert result.final_url == url and result.body is not None
    text = extract(result.body, result.content_type, result.final_url, doc(url),
                   encoding=result.encoding).text
    assert text == "# Privacy Policy\n\nWe collect only your e-mail address.\n"
    assert web.requests_to("/policy.json")[-1].headers["user-agent"] == "tracker-test-ua"
    assert web.requests_to("/logo.png") == []  # images are never downloaded


@pytest.mark.slow
@pytest.mark.browser
def test_browser_http_error_is_a_fetch_error(web: LocalServer, chromium_path: Path) -> None:
    url = web.page("/down", "<p>maintenance</p>", 503)
    with pytest.raises(FetchError, match=r"HTTP 503 from .*/down \(browser\)") as info:
        render(url, FetchSettings(timeout=15, retries=0))
    assert info.value.transient


def test_missing_chromium_is_a_clear_error_for_that_document(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    monkeypatch.setenv("TRACKER_CHROMIUM", str(tmp_path / "no-such-chromium"))
    with pytest.raises(FetchError) as info:
        fetch_document(doc("https://acme.example/privacy", browser=True), FetchSettings(retries=0))
    assert str(info.value).startswith(MISSING) and not info.value.transient


def test_browser_respects_the_scheme_policy() -> None:
    with pytest.raises(FetchError, match="file:// URLs are disabled"):
        render("file:///etc/passwd", FetchSettings())
