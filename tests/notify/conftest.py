"""Fixtures for the notification tests (helpers in notifykit.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from notifykit import Hooks, Mailbox, PolicySite


@pytest.fixture
def web() -> Iterator[PolicySite]:
    with PolicySite() as site:
        yield site


@pytest.fixture
def hooks() -> Iterator[Hooks]:
    with Hooks() as server:
        yield server


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    with Mailbox() as box:
        yield box
