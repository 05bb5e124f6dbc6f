"""Attacks on the run's bounds: nothing a hostile server, archive, file or argument does may
make a run spin or hang while it holds the workspace lock."""

from __future__ import annotations

import subprocess
from pathlib import Path

from faultkit import Doc, LocalServer, assert_no_traceback, policy_page, run_tracker, write_config


def test_absurd_shard_count_is_a_usage_error_not_a_spin(tmp_path: Path, web: LocalServer) -> None:
    """`--shard 1/10**12` used to score every company a trillion times (a run that never
    ends while holding the lock); it is refused at once with exit 2."""
    url = web.page("/p", policy_page("Privacy Policy"))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", url)])
    for value in ("1/1000000000000", "1/1001", "1/" + "9" * 5000, "1/²"):
        try:
            proc = run_tracker(root, "track", "--shard", value, timeout=30)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"--shard {value[:20]} spun for 30 s") from None
        assert proc.returncode == 2, (value[:20], proc.stderr)
        assert "--shard" in proc.stderr
        assert_no_traceback(proc.stdout, proc.stderr)
    assert web.seen == []
    assert run_tracker(root, "track", "--shard", "1/1000").returncode == 0
