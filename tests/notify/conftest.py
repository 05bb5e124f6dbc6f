"""Fixtures for the notification tests: a webhook receiver and a real SMTP server (helpers in
tests/support/notify.py; the policy website is the suite's `web` server)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.notify import Hooks, Mailbox


@pytest.fixture
def hooks() -> Iterator[Hooks]:
    with Hooks() as server:
        yield server


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    with Mailbox() as box:
        yield box
