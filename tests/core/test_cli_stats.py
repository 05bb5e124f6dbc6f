"""`--stats`: one JSON line on stderr with phase timings and counters; stdout unchanged."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tracker.cli.main import main

from tests.support.workspace import make_workspace, policy_html


def _stats(result) -> dict:
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("{")]
    assert len(lines) == 1, result.stderr
    return json.loads(lines[0])


def test_run_stats_reports_track_and_build_phases(tmp_path, web):
    web.html("/privacy", "Privacy Policy", policy_html())
    ws = make_workspace(tmp_path / "ws", web, {"acme": [("privacy-policy", "/privacy")]})
    result = CliRunner().invoke(main, ["-w", str(ws.root), "run", "--stats"])
    assert result.exit_code == 0, result.output
    stats = _stats(result)
    assert stats["command"] == "run"
    assert {"track", "build"} <= set(stats["phases"])
    assert stats["counts"]["documents"] == 1 and stats["counts"]["recorded"] == 1
    assert stats["seconds"] >= max(stats["phases"].values()) > 0
    assert stats["peak_rss_mb"] > 10
    assert "{" not in result.stdout  # the human lines stay clean


def test_quiet_run_stays_quiet_without_stats(tmp_path, web):
    web.html("/privacy", "Privacy Policy", policy_html())
    ws = make_workspace(tmp_path / "ws", web, {"acme": [("privacy-policy", "/privacy")]})
    runner = CliRunner()
    assert runner.invoke(main, ["-w", str(ws.root), "track"]).exit_code == 0
    second = runner.invoke(main, ["-w", str(ws.root), "track"])
    assert second.exit_code == 0 and second.output == ""
    with_stats = runner.invoke(main, ["-w", str(ws.root), "track", "--stats"])
    assert with_stats.stdout == ""
    assert _stats(with_stats)["counts"]["recorded"] == 0


def test_stats_printed_even_when_the_run_fails(tmp_path, web):
    ws = make_workspace(tmp_path / "ws", web, {"broken": [("privacy-policy", "/missing")]})
    result = CliRunner().invoke(main, ["-w", str(ws.root), "track", "--stats"])
    assert result.exit_code == 1
    assert _stats(result)["counts"]["failed"] == 1
