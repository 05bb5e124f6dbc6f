"""Fixtures for the user-level fault tests (the local web server `web` comes from
tests/conftest.py; helpers from tests/support)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import cli
from tests.support.hostile import HOSTILE, HOSTILE_HTML, HOSTILE_V2
from tests.support.web import LocalServer
from tests.support.workspace import Doc, policy_page, write_config
from tracker.models import FetchSettings


@pytest.fixture
def fast() -> FetchSettings:
    """Fetch settings that give up fast: every misbehaving server fails in about a second."""
    return FetchSettings(timeout=0.5, per_host_delay=0.0, retries=2, retry_backoff=0.02,
                         max_bytes=1_000_000, max_time=1.5)


@pytest.fixture
def tracked(web: LocalServer, tmp_path: Path) -> Path:
    """A workspace where acme and globex have one version each; the server now has v2."""
    web.page("/acme", policy_page("Acme Privacy Policy", 1))
    web.page("/globex", policy_page("Globex Privacy Notice", 1))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", web.url("/acme")),
                                          Doc("globex", "privacy-policy", web.url("/globex"))])
    assert cli(root, "track").exit_code == 0
    web.page("/acme", policy_page("Acme Privacy Policy", 2))
    web.page("/globex", policy_page("Globex Privacy Notice", 2))
    return root


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A workspace holding two hostile versions (imported), with the site built."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    with pytest.MonkeyPatch.context() as env:  # (module scope: no per-test git isolation)
        env.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig-global"))
        env.setenv("GIT_CONFIG_NOSYSTEM", "1")
        with LocalServer() as web:  # and the same through a fetch of a hostile HTML page
            web.page("/evil", HOSTILE_HTML)
            root = write_config(tmp_path / "ws", [
                Doc("acme", "privacy-policy", "https://acme.example/privacy"),
                Doc("evilco", "privacy-policy", web.url("/evil"))])
            tracked = cli(root, "track", "evilco")
            assert tracked.exit_code == 0, tracked.output
        archive = tmp_path / "archive/acme"
        archive.mkdir(parents=True)
        (archive / "2024-01-01.md").write_text(HOSTILE, encoding="utf-8")
        (archive / "2024-02-01.md").write_text(HOSTILE_V2, encoding="utf-8")
        imported = cli(root, "import", str(tmp_path / "archive"))
        assert imported.exit_code == 0, imported.output
        start = time.monotonic()
        built = cli(root, "build")
        assert built.exit_code == 0, built.output
        assert built.stderr.startswith("Warning: feeds were built without base_url") and \
            len(built.stderr.splitlines()) == 1, built.stderr   # said once, nothing else
        assert time.monotonic() - start < 30
        yield root
