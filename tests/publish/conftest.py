"""Fixtures of the publishing tests: one fixture workspace built once, copied when mutated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tracker.models import Config
from tracker.publish import build_site
from tracker.workspace import Workspace

from .fixture import config_for, make_workspace


@pytest.fixture(scope="session")
def template_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture workspace, built once (site, report cache) and never modified."""
    root = tmp_path_factory.mktemp("publish") / "ws"
    ws, config = make_workspace(root)
    build_site(ws, config)
    return root


@pytest.fixture(scope="session")
def site(template_ws: Path) -> Path:
    """The built site of the fixture workspace (read-only)."""
    return template_ws / "public"


@pytest.fixture
def ws_copy(template_ws: Path, tmp_path: Path) -> tuple[Workspace, Config]:
    """A private copy of the fixture workspace (with its built site) for mutating tests."""
    root = tmp_path / "ws"
    shutil.copytree(template_ws, root, symlinks=True, copy_function=shutil.copy2)
    return Workspace(root), config_for(root)
