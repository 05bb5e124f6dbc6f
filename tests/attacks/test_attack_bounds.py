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


def _big_policy(seed: int, sections: int = 60) -> bytes:
    """A long policy (~60 KB) whose headings all change between seeds: the detector's
    expensive case (every section renamed)."""
    import random

    rng = random.Random(seed)
    words = ("data personal share collect retain partners services account cookies rights "
             "process law request delete access third parties advertising security").split()
    body = []
    for i in range(sections):
        heading = " ".join(rng.choice(words) for _ in range(4)).title()
        para = " ".join(rng.choice(words) for _ in range(120))
        body.append(f"<h2>{heading} {i}</h2><p>{para}.</p>")
    return ("<!doctype html><html><head><meta charset='utf-8'><title>P</title></head><body>"
            "<main><h1>Privacy Policy</h1>" + "".join(body) + "</main></body></html>").encode()


def test_change_reports_computed_during_track_are_bounded_in_time(
        tmp_path: Path, web: LocalServer, monkeypatch) -> None:
    """A pair the detector needs long for no longer holds the lock inside `track`: reports
    are computed in a child process killed when the budget is spent; `build` computes what
    is left."""
    import json as _json

    from faultkit import cli
    from tracker.tracking import reports

    monkeypatch.setattr(reports, "REPORT_BUDGET", 0.3)
    web.page("/p", _big_policy(1))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", web.url("/p"))],
                        fetch={"max_shrink": 1.0})
    assert cli(root, "track").exit_code == 0
    web.page("/p", _big_policy(2))
    result = cli(root, "track", "--stats")
    assert result.exit_code == 0, result.output
    assert "CHANGED  acme/privacy-policy" in result.stdout
    stats = _json.loads(result.stderr.strip().splitlines()[-1])
    assert stats["phases"]["detect"] < 0.3 + 2.0, stats    # the budget, plus forking
    cache = root / ".tracker" / "cache" / "reports"
    assert not list(cache.glob("*.json")) if cache.exists() else True  # deferred to build
    assert cli(root, "build").exit_code == 0
    assert len(list(cache.glob("*.json"))) == 1
