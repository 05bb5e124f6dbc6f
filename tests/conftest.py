"""Fixtures shared by every test folder: where ../shared lives (and skips when it is absent),
headless Chromium, a local web server, and git/logging isolation. Helpers live in tests/support."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.properties import DEV_EXAMPLES, DEV_PROFILE, profile
from tests.support.web import LocalServer

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("TRACKER_SHARED_DIR", REPO_ROOT.parent / "shared"))


CHROMIUM = Path(os.environ.get("TRACKER_CHROMIUM", "/usr/bin/chromium"))

# Hypothesis: "ci" (the default) runs every property test at its full size; "dev" (set
# HYPOTHESIS_PROFILE=dev) cuts each to a few examples for a fast edit-test loop.
settings.register_profile("ci", deadline=None)
settings.register_profile(DEV_PROFILE, max_examples=DEV_EXAMPLES, deadline=None)
settings.load_profile(profile())

# The fast loop is `pytest -n 2 -m "not slow"`. A test is marked slow (over about 5 s) where it
# is defined; these shared fixtures make every test that uses them slow:
SLOW_FIXTURES = {
    "demo_run": "runs the whole offline demo (server, tracking per date, site build)",
    "results": "runs the detector over every labelled pair of the corpus",
    "hostile_site": "tracks, imports and builds a workspace of hostile documents",
}
# ... and tests/core/test_config.py stays byte-for-byte as it is (it proves the config
# validator's behaviour unchanged), so its two fuzzers are marked from here:
SLOW_TESTS = {
    "tests/core/test_config.py::test_fuzzed_configs_raise_only_config_errors",
    "tests/core/test_config.py::test_fuzzed_text_raises_only_config_errors",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests of SLOW_FIXTURES and SLOW_TESTS slow; a stale SLOW_TESTS entry (its
    file collected, the test gone) is an error, not a silently fast test."""
    modules = {item.nodeid.split("::", 1)[0]: getattr(item, "module", None) for item in items}
    stale = [t for t in SLOW_TESTS if t.split("::", 1)[0] in modules
             and not hasattr(modules[t.split("::", 1)[0]], t.split("::", 1)[1])]
    if stale:
        raise pytest.UsageError(f"SLOW_TESTS names tests that do not exist: {stale}")
    for item in items:
        if (item.nodeid.split("[", 1)[0] in SLOW_TESTS
                or SLOW_FIXTURES.keys() & set(getattr(item, "fixturenames", ()))):
            item.add_marker(pytest.mark.slow)


def _missing(reason: str, required_by: str) -> None:
    """Skip with a clear reason, or fail when CI says the resource must be there."""
    if os.environ.get(required_by):
        pytest.fail(f"{reason} (and {required_by} is set, so this is not skippable)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        _missing(f"../shared not found at {SHARED_DIR} (set TRACKER_SHARED_DIR)",
                 "TRACKER_REQUIRE_SHARED")
    return SHARED_DIR


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's chromium for browser tests (installed by .ci/run)."""
    if not CHROMIUM.exists():
        _missing(f"headless Chromium not found at {CHROMIUM} (apt-get install chromium)",
                 "TRACKER_REQUIRE_BROWSER")
    try:
        import playwright  # noqa: F401
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[test]')",
                 "TRACKER_REQUIRE_BROWSER")
    return CHROMIUM


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    corpus = shared_dir / "corpus"
    if not corpus.is_dir():
        _missing(f"corpus not found at {corpus}: tests on real policy histories skipped",
                 "TRACKER_REQUIRE_SHARED")
    return corpus


@pytest.fixture
def web() -> Iterator[LocalServer]:
    """A real HTTP server on 127.0.0.1 whose pages and routes each test sets."""
    with LocalServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never depend on (or write to) the developer's global git config."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig-global"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def _logging_state() -> tuple:
    import logging

    root = logging.getLogger()
    return root.level, list(root.handlers), logging.getLogger("tracker").level


_LOGGING_BASELINE = _logging_state()


@pytest.fixture(autouse=True)
def _restore_logging():
    """The CLI configures logging for its process; under CliRunner that would leak into later
    tests (e.g. silence warnings that caplog checks), so each test ends with the logging state
    of the session's start. Not the state before the test: a module-scoped fixture that ran
    the CLI has already changed it by then."""
    import logging

    yield
    root = logging.getLogger()
    root.setLevel(_LOGGING_BASELINE[0])
    root.handlers[:] = _LOGGING_BASELINE[1]
    logging.getLogger("tracker").setLevel(_LOGGING_BASELINE[2])
