"""Fixtures for storage tests: a fresh company repository in a temporary workspace."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.storage.repo import CompanyRepo


@pytest.fixture
def repo_path(tmp_path: Path) -> Path:
    return tmp_path / "snapshots" / "acme"


@pytest.fixture
def repo(repo_path: Path):
    r = CompanyRepo.open(repo_path, create=True, company_name="Acme Inc")
    yield r
    r.close()
