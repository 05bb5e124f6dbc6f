"""Exactly once under SIGKILL: `tracker track` runs as a real process, in its own process
group, and is killed at random moments while messages are pending; later runs deliver every
message, and a kill costs at most one repeated message (the one in flight)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.support.notify import Hooks, policy_variant, subscription, write_workspace
from tracker.cli import main
from tracker.notify.outbox import Outbox
from tracker.notify.run import outbox_path
from tracker.workspace import Workspace

pytestmark = pytest.mark.timeout(300)
REPO_ROOT = Path(__file__).resolve().parents[2]
COMPANIES = ["acme", "globex", "initech", "umbrella"]
SUBSCRIBERS = ["one", "two", "three"]


def _track_process(root: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tracker", "-w", str(root), "track"],
                            env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def _kill_after(proc: subprocess.Popen, delay: float) -> bool:
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return True
    proc.communicate()
    return False


def _kill_while_sending(proc: subprocess.Popen, hooks: Hooks, delay: float) -> bool:
    """SIGKILL ``delay`` seconds after the run's first message arrived (the machine's speed
    decides when that is); False when the run ended first."""
    before = len(hooks.posts)
    deadline = time.monotonic() + 120
    while len(hooks.posts) == before and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    return _kill_after(proc, delay)


@pytest.mark.parametrize("seed", [3])
def test_sigkill_at_random_moments_loses_nothing_and_repeats_at_most_one(
        tmp_path: Path, web, seed: int) -> None:
    rng = random.Random(seed)
    with Hooks(delay=0.25) as hooks:
        hooks.httpd.handle_error = lambda *args: None   # a killed client hangs up mid-answer
        for slug in COMPANIES:
            web.pages[f"/{slug}"] = policy_variant(slug, 0)
        write_workspace(tmp_path, web, COMPANIES,
                        "".join(subscription(name, hooks.url("json", f"/{name}"))
                                for name in SUBSCRIBERS))
        assert CliRunner().invoke(main, ["-w", str(tmp_path), "track"]).exit_code == 0
        for slug in COMPANIES:
            web.pages[f"/{slug}"] = policy_variant(slug, 1)
        kills = mid_send = 0
        expected = len(COMPANIES) * len(SUBSCRIBERS)
        for round_ in range(6):
            before = len(hooks.posts)
            proc = _track_process(tmp_path)
            if round_ % 3 == 2:            # anywhere in the run: fetching, recording, sending
                killed = _kill_after(proc, rng.uniform(0.5, 8.0))
            else:                          # somewhere among the messages
                killed = _kill_while_sending(proc, hooks, rng.uniform(0.0, 1.0))
            kills += killed
            # killed after some messages of the run went out and before all had
            mid_send += killed and before < len(hooks.posts) and \
                len({p.body for p in hooks.posts}) < expected
        for _ in range(3):                       # runs without a kill until all is delivered
            proc = _track_process(tmp_path)
            out, err = proc.communicate(timeout=120)
            if proc.returncode == 0:
                break
        assert proc.returncode == 0, err.decode()
    received = Counter((p.path, json.loads(p.json()["message"])["id"]) for p in hooks.posts)
    assert len(received) == expected                 # every (subscription, change): arrived
    assert {path for path, _ in received} == {f"/{n}" for n in SUBSCRIBERS}
    repeats = sum(received.values()) - expected
    assert repeats <= kills, (repeats, kills)        # at most the one in flight per kill
    assert mid_send >= 1, "no kill landed while messages were being sent"
    with Outbox(outbox_path(Workspace.open(tmp_path))) as outbox:
        assert outbox.open_deliveries() == []
