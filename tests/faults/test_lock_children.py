"""A killed run's forked children never keep the workspace lock.

flock follows the open file, and a forked child shares its parent's open files: a report child
or a PDF child still running after its run was SIGKILLed kept the next run out with exit 75
("another tracker run holds the lock"). The children die with the run that forked them
(`tracker.parallel.die_with_parent`); the control child, forked the same way without it,
shows the lock would otherwise stay held.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tracker.errors import LockHeldError
from tracker.workspace import Workspace

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")

_RUN = """
import os, sys, time
from pathlib import Path
from tracker.parallel import die_with_parent
from tracker.workspace import Workspace

ws = Workspace(Path(sys.argv[1]))
with ws.lock():
    parent = os.getpid()
    child = os.fork()
    if child == 0:
        if sys.argv[2] == "dies":
            die_with_parent(parent)
        time.sleep(30)          # a report still being computed
        os._exit(0)
    print(child, flush=True)
    time.sleep(60)              # the run, until it is killed
"""


def _locked(ws: Workspace) -> bool:
    try:
        with ws.lock():
            return False
    except LockHeldError:
        return True


def _kill_run_and_wait_for_the_lock(root: Path, mode: str) -> tuple[bool, int]:
    """SIGKILL a run that holds the lock and has forked a child; (lock free within 5 s, child pid)."""
    run = subprocess.Popen([sys.executable, "-c", _RUN, str(root), mode], stdout=subprocess.PIPE,
                           text=True, env=dict(os.environ, PYTHONPATH=os.getcwd()))
    assert run.stdout is not None
    child = int(run.stdout.readline())
    ws = Workspace(root)
    assert _locked(ws)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if not _locked(ws):
            return True, child
        time.sleep(0.05)
    return False, child


def test_a_killed_runs_forked_child_dies_with_it_and_frees_the_lock(tmp_path: Path) -> None:
    Workspace.init(tmp_path / "ws")
    freed, _ = _kill_run_and_wait_for_the_lock(tmp_path / "ws", "dies")
    assert freed, "the lock was still held 5 s after the run was killed"


def test_control_a_child_forked_without_it_keeps_the_lock(tmp_path: Path) -> None:
    Workspace.init(tmp_path / "ws")
    freed, child = _kill_run_and_wait_for_the_lock(tmp_path / "ws", "stays")
    try:
        assert not freed      # what the report child did before: the next run exited 75
    finally:
        try:
            os.kill(child, signal.SIGKILL)
        except ProcessLookupError:
            pass
