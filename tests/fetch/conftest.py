"""Fixtures for fetch/extract tests: a live local HTTP server and fast fetch settings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fetchtest import server  # noqa: E402,F401 - the live-server fixture

from tracker.models import FetchSettings  # noqa: E402


@pytest.fixture
def fast() -> FetchSettings:
    """Small timeouts and delays so every failure path finishes in well under a second."""
    return FetchSettings(timeout=1.0, per_host_delay=0.0, retries=2, retry_backoff=0.02,
                         max_bytes=1_000_000, user_agent="policy-tracker-test/1.0 (+test)")
