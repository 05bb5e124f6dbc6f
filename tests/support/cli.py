"""The `tracker` CLI as the tests run it: in-process (CliRunner) or as a real process, as
cron runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from tracker.cli import main

REPO_ROOT = Path(__file__).resolve().parents[2]


def cli(root: Path, *args: str) -> Result:
    """`tracker -w ROOT ARGS...` in-process, with stdout and stderr kept apart."""
    return CliRunner().invoke(main, ["-w", str(root), *args], catch_exceptions=True)


def tracker_cmd(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tracker", "-w", str(root), *args]


def subprocess_env() -> dict[str, str]:
    """The environment for a child `tracker`: this checkout first on the import path."""
    return dict(os.environ, PYTHONPATH=str(REPO_ROOT))


def run_tracker(root: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m tracker` as a real process, as cron runs it."""
    return subprocess.run(tracker_cmd(root, *args), capture_output=True, text=True,
                          env=subprocess_env(), timeout=timeout)


def assert_no_traceback(*outputs: str) -> None:
    for out in outputs:
        assert "Traceback" not in out and 'File "' not in out, out
