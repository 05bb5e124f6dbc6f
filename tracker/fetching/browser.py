"""Render JavaScript-built policy pages with headless Chromium (documents with browser = true).

Some sites ship an empty shell and insert the policy with JavaScript; plain HTTP would record
the shell. Playwright is an optional extra, so everything about it is imported lazily and its
absence is a clear per-document error, never a crash of the run.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from pathlib import Path

from tracker.errors import FetchError
from tracker.models import FetchResult, FetchSettings
from tracker.fetching.urls import check_fetchable

log = logging.getLogger(__name__)

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")
MISSING = ("browser = true needs the optional extra: pip install 'policy-tracker[browser]' "
           "and Debian's chromium")


_HEAVY = frozenset({"image", "media", "font"})


def _skip_heavy(route, request) -> None:  # noqa: ANN001 - Playwright objects, imported lazily
    """Images, video and fonts never carry policy text: not loading them is faster and lighter
    on the site, and lets the page reach network idle sooner."""
    if request.resource_type in _HEAVY:
        route.abort()
    else:
        route.continue_()


def chromium_path() -> str:
    """The Chromium binary to drive: $TRACKER_CHROMIUM, else Debian's /usr/bin/chromium."""
    return os.environ.get("TRACKER_CHROMIUM") or DEFAULT_CHROMIUM


def render(url: str, settings: FetchSettings) -> FetchResult:
    """Load `url` in headless Chromium, wait for the network to go idle, return the DOM as HTML.

    Raises FetchError: missing Playwright/Chromium (permanent), HTTP errors (5xx/429 transient),
    navigation failures and timeouts (transient), a page over max_bytes (permanent).
    """
    check_fetchable(url, allow_file=settings.allow_file_urls)
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import TimeoutError as PlaywrightTimeout
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise FetchError(MISSING) from None
    executable = chromium_path()
    if not Path(executable).is_file():
        raise FetchError(f"{MISSING} (no Chromium at {executable})")

    timeout_ms = settings.timeout * 1000
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS),
                                         headless=True, timeout=timeout_ms)
            try:
                context = browser.new_context(user_agent=settings.user_agent)
                context.route("**/*", _skip_heavy)
                page = context.new_page()
                response = page.goto(url, wait_until="load", timeout=timeout_ms)
                try:
                    page.wait_for_load_state("networkidle", timeout=timeout_ms)
                except PlaywrightTimeout:
                    # Long-polling pages never go idle; what has rendered by now is the page.
                    log.warning("%s never reached network idle; using the page as rendered", url)
                html = page.content()
                final_url = page.url
                status = response.status if response is not None else 200
                headers = response.headers if response is not None else {}
            finally:
                browser.close()
    except PlaywrightTimeout:
        raise FetchError(f"browser timed out loading {url}", transient=True) from None
    except PlaywrightError as exc:
        first_line = (str(exc).strip().splitlines() or ["unknown error"])[0]
        if "Executable doesn't exist" in first_line or "Failed to launch" in first_line:
            raise FetchError(f"{MISSING} ({first_line})") from None
        raise FetchError(f"browser could not load {url}: {first_line}", transient=True) from None

    if not 200 <= status < 300:
        transient = status >= 500 or status in (408, 429)
        raise FetchError(f"HTTP {status} from {url} (browser)", transient=transient, status=status)
    body = html.encode("utf-8")
    if len(body) > settings.max_bytes:
        raise FetchError(f"{url} is larger than the {settings.max_bytes:,} byte limit (max_bytes)")
    return FetchResult(url=url, final_url=final_url, status=status, content_type="text/html",
                       body=body, encoding="utf-8", etag=headers.get("etag"),
                       last_modified=headers.get("last-modified"), fetcher="browser",
                       fetched_at=datetime.now(timezone.utc))
