"""Fixtures for the attack suite (issue 14): hostile input, broken disks and bad clocks, each
attack made for real (local servers on 127.0.0.1, real git, real files, a real tmpfs)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "faults"))
from faultkit import LocalServer  # noqa: E402


@pytest.fixture
def web() -> Iterator[LocalServer]:
    """A real HTTP server on 127.0.0.1 whose routes each test sets."""
    srv = LocalServer()
    srv._httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
    with srv:
        yield srv
