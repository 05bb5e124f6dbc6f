"""Fixtures for the user-level fault tests; the helpers live in faultkit.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from faultkit import LocalServer


@pytest.fixture
def web() -> Iterator[LocalServer]:
    """A real HTTP server on 127.0.0.1 whose routes each test sets."""
    srv = LocalServer()
    # A client hanging up mid-response is the point of several tests; socketserver would print
    # its traceback to sys.stderr, which CliRunner captures as if the CLI had printed it.
    srv._httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
    with srv:
        yield srv
