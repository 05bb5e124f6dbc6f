"""Fixtures for fetch/extract tests: fast fetch settings and servers on several loopback hosts
(the local web server `web` comes from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.web import Hosts
from tracker.models import FetchSettings


@pytest.fixture
def fast() -> FetchSettings:
    """Small timeouts and delays so every failure path finishes in well under a second."""
    return FetchSettings(timeout=1.0, per_host_delay=0.0, retries=2, retry_backoff=0.02,
                         max_bytes=1_000_000, user_agent="policy-tracker-test/1.0 (+test)")


@pytest.fixture
def hosts() -> Iterator[Hosts]:
    """Three servers on 127.0.0.1-3 sharing one port."""
    h = Hosts(3)
    try:
        yield h
    finally:
        h.close()
