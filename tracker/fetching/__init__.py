"""Fetching: polite scheduling, one request with redirects and retries, bounded bodies, the browser, URL rules.

schedule (fetch_many over a worker pool) -> politeness (per-host throttle and scheduler) ->
request (one document: redirects, retries, deadlines, file://) -> body (bounded reading) and
failures (one-line errors); browser renders pages with Playwright; urls holds the URL rules.
"""

from __future__ import annotations

import sys

# What httpx and httpcore import at load time and a synchronous client never uses: httpx's
# command-line client (click, rich, pygments, when installed) and trio (httpcore's async
# primitives, when installed). ~80 ms of every run's start-up together.
_UNUSED_AT_IMPORT = ("httpx._main", "trio")


def _import_http_stack() -> None:
    """Load httpx and httpcore with the modules they would import for nothing hidden (an
    import of them fails, which both libraries expect of a missing optional dependency);
    afterwards those modules import as usual for anyone who wants them."""
    if "httpcore" in sys.modules:
        return
    hidden = [name for name in _UNUSED_AT_IMPORT if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import httpcore  # noqa: F401
        import httpx  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


_import_http_stack()

from tracker.fetching.politeness import HostThrottle
from tracker.fetching.request import backoff_delay, fetch_document, new_client
from tracker.fetching.schedule import FetchJob, fetch_many

__all__ = ["FetchJob", "HostThrottle", "backoff_delay", "fetch_document", "fetch_many",
           "new_client"]
