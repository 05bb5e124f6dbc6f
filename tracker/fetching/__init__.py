"""Fetching: polite scheduling, one request with redirects and retries, bounded bodies, the browser, URL rules."""

from __future__ import annotations
