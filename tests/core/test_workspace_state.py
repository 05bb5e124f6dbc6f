"""Workspace lock and state file: overlapping runs and failure announcements."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tracker.errors import LockHeldError, WorkspaceError
from tracker.state import StateStore
from tracker.workspace import Workspace

T0 = datetime(2024, 1, 1, 6, 0, tzinfo=timezone.utc)


def hold_lock_in_child(root: Path) -> subprocess.Popen:
    """Another process holding the workspace lock, as a second cron run would."""
    code = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from tracker.workspace import Workspace
        with Workspace(Path({str(root)!r})).lock():
            print("locked", flush=True)
            time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    return child


def test_open_missing_and_non_workspace(tmp_path):
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace.open(tmp_path / "nope")
    with pytest.raises(WorkspaceError, match="not a tracker workspace"):
        Workspace.open(tmp_path)
    ws = Workspace.init(tmp_path / "ws")
    assert Workspace.open(tmp_path / "ws").config_path == ws.config_path
    assert ws.load_config().companies == ()


def test_lock_refuses_a_second_run_and_survives_sigkill(tmp_path):
    ws = Workspace.init(tmp_path)
    child = hold_lock_in_child(tmp_path)
    try:
        with pytest.raises(LockHeldError) as info:
            with ws.lock():
                pass
        assert f"pid {child.pid}" in str(info.value) and info.value.exit_code == 75
        with pytest.raises(LockHeldError):
            with ws.lock(wait=True, timeout=0.5):
                pass
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    # The kernel released the flock of the killed process: no stale lock.
    with ws.lock():
        pass


def test_lock_wait_gets_the_lock_when_the_other_run_ends(tmp_path):
    ws = Workspace.init(tmp_path)
    child = hold_lock_in_child(tmp_path)
    started = time.monotonic()
    killer = subprocess.Popen([sys.executable, "-c",
                               f"import os,time,signal; time.sleep(0.6); "
                               f"os.kill({child.pid}, signal.SIGTERM)"])
    with ws.lock(wait=True, timeout=20):
        assert time.monotonic() - started >= 0.5
    killer.wait()
    child.wait()


def test_failures_announced_once_then_recovery(tmp_path):
    path = tmp_path / "state.json"
    store = StateStore(path, failure_threshold=3)
    for i in range(5):
        store.record_failure("acme", "privacy-policy", T0 + timedelta(days=i), "HTTP 503")
    assert [e.kind for e in store.events] == ["failing"]
    doc = store.doc("acme", "privacy-policy")
    assert doc.consecutive_failures == 5 and doc.first_failure == T0
    store.save()
    reloaded = StateStore(path, failure_threshold=3).load()
    assert reloaded.doc("acme", "privacy-policy").consecutive_failures == 5
    reloaded.record_success("acme", "privacy-policy", T0 + timedelta(days=6), changed=False,
                            etag='"v2"', last_modified=None)
    reloaded.record_success("acme", "privacy-policy", T0 + timedelta(days=7), changed=False)
    assert [e.kind for e in reloaded.events] == ["failing", "recovered"]
    doc = reloaded.doc("acme", "privacy-policy")
    assert doc.consecutive_failures == 0 and doc.etag == '"v2"' and doc.status == "ok"


def test_corrupt_state_is_a_clear_error(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("{not json")
    with pytest.raises(WorkspaceError, match="state file"):
        StateStore(path).load()


def test_state_is_written_atomically(tmp_path):
    path = tmp_path / "state.json"
    store = StateStore(path)
    store.record_failure("a", "b", T0, "x")
    store.save()
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
