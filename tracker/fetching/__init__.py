"""Fetching: polite scheduling, one request with redirects and retries, bounded bodies, the browser, URL rules.

schedule (fetch_many over a worker pool) -> politeness (per-host throttle and scheduler) ->
request (one document: redirects, retries, deadlines, file://) -> body (bounded reading) and
failures (one-line errors); browser renders pages with Playwright; urls holds the URL rules.
"""

from __future__ import annotations

from tracker.fetching.politeness import HostThrottle
from tracker.fetching.request import backoff_delay, fetch_document, new_client
from tracker.fetching.schedule import FetchJob, fetch_many

__all__ = ["FetchJob", "HostThrottle", "backoff_delay", "fetch_document", "fetch_many",
           "new_client"]
