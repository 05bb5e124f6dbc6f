"""Fixtures of the publishing tests: one fixture workspace built once, copied when mutated;
its site served to headless Chromium."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.dataset import make_dataset_workspace
from tests.support.disks import small_disk as tmpfs
from tests.support.publish import config_for, make_publish_workspace
from tests.support.web import LocalServer, serve_directory
from tracker.models import Config
from tracker.publish import build_site
from tracker.publish.serve import HOST, make_server
from tracker.workspace import Workspace

CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def template_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture workspace, built once (site, report cache) and never modified."""
    root = tmp_path_factory.mktemp("publish") / "ws"
    ws, config = make_publish_workspace(root)
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


@pytest.fixture
def site_url(site: Path) -> Iterator[str]:
    """The built site served by a local web server from a sub-path (/public/...)."""
    with LocalServer(fallback=serve_directory(site.parent)) as web:
        yield web.url(f"/{site.name}/")


@pytest.fixture
def browser():
    """Headless Chromium through Playwright (skipped when either is missing)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not installed at {CHROMIUM} (.ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """The dataset tests' workspace (two companies, three versions)."""
    return make_dataset_workspace(tmp_path / "ws")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """`tracker serve`'s server on a small site holding a symlink out of it."""
    site = tmp_path / "public"
    (site / "feeds").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Index</h1>")
    (site / "feeds" / "all.atom").write_text("<feed/>")
    (tmp_path / "secret.txt").write_text("do not serve")
    (site / "leak").symlink_to(tmp_path / "secret.txt")
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{HOST}:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def ws(template_ws: Path, tmp_path: Path) -> Path:
    """A copy of the fixture workspace with a tracker.toml the CLI can read."""
    root = tmp_path / "ws"
    shutil.copytree(template_ws, root, symlinks=True)
    (root / "tracker.toml").write_text('[site]\ntitle = "Policy Watch"\n'
                                       'base_url = "https://watch.example/"\n')
    return root


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MB tmpfs (root only): writes beyond it fail with ENOSPC."""
    with tmpfs(tmp_path / "small", "2048k") as mnt:
        yield mnt


@pytest.fixture
def preview_url(site: Path) -> Iterator[str]:
    """The built fixture site served by `tracker serve`'s server (the search needs HTTP)."""
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def evidence_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archived company with hostile raw captures, built (see tests/support/evidence.py)."""
    from tests.support.evidence import build_evidence_site

    return build_evidence_site(tmp_path_factory.mktemp("evidence") / "ws")


@pytest.fixture(scope="module")
def builds(template_ws: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The fixture workspace built without and with base_url (see tests/support/feeds.py)."""
    from tests.support.feeds import build_reader_sites

    return build_reader_sites(template_ws, tmp_path_factory.mktemp("readers") / "ws")


@pytest.fixture(scope="module")
def hostile(template_ws: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built site quoting `<img alt=< onerror=…>` everywhere (see tests/support/feeds.py)."""
    from tests.support.feeds import build_hostile_site

    return build_hostile_site(template_ws, tmp_path_factory.mktemp("hostile") / "ws")
