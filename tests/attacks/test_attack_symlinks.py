"""Planted symbolic links in the workspace: the tracker never writes through them (the lock
file, the summary cache's temporary file, the "seen" journal's temporary file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.cli import assert_no_traceback, cli, run_tracker
from tests.support.web import LocalServer
from tests.support.workspace import Doc, policy_page, write_config

PRECIOUS = b"operator's precious file\n"


def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(PRECIOUS)
    return victim


def test_a_link_planted_at_the_lock_file_is_refused_not_truncated(
        tmp_path: Path, web: LocalServer) -> None:
    url = web.page("/p", policy_page("Privacy Policy"))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", url)])
    victim = _victim(tmp_path)
    (root / ".tracker").mkdir()
    (root / ".tracker" / "lock").symlink_to(victim)
    for command in ("track", "build"):
        proc = run_tracker(root, command)
        assert proc.returncode == 3, proc.stderr
        assert "lock" in proc.stderr and "symbolic link" in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert_no_traceback(proc.stdout, proc.stderr)
    assert victim.read_bytes() == PRECIOUS
    assert web.seen == []


@pytest.mark.slow
def test_a_link_planted_at_the_seen_journal_temp_file_is_not_followed(
        tmp_path: Path, web: LocalServer) -> None:
    url = web.page("/p", policy_page("Privacy Policy"))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", url)])
    assert run_tracker(root, "track").returncode == 0
    victim = _victim(tmp_path)
    seen_dir = root / "snapshots" / "acme" / ".git" / "policy-tracker" / "seen"
    seen_dir.mkdir(parents=True, exist_ok=True)
    (seen_dir / "privacy-policy.json.tmp").symlink_to(victim)
    proc = run_tracker(root, "track")  # the same text again: remembered as a repeated capture
    assert proc.returncode == 0, proc.stderr
    assert victim.read_bytes() == PRECIOUS
    assert (seen_dir / "privacy-policy.json").is_file()
    assert not (seen_dir / "privacy-policy.json").is_symlink()


@pytest.mark.slow
def test_a_link_planted_at_the_summary_cache_temp_file_is_not_followed(
        tmp_path: Path, web: LocalServer) -> None:
    web.page("/p", policy_page("Privacy Policy", 1))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", web.url("/p"))])
    assert cli(root, "track").exit_code == 0
    web.page("/p", policy_page("Privacy Policy", 2, "<p>We now sell your data.</p>"))
    assert cli(root, "track").exit_code == 0
    victim = _victim(tmp_path)
    cache = root / ".tracker" / "cache" / "publish"
    cache.mkdir(parents=True, exist_ok=True)
    # The name the summary cache used for its temporary file (this process builds in-process).
    (cache / f".summaries.json.{os.getpid()}.tmp").symlink_to(victim)
    result = cli(root, "build")
    assert result.exit_code == 0, result.output
    assert victim.read_bytes() == PRECIOUS
    assert (cache / "summaries.json").is_file() and not (cache / "summaries.json").is_symlink()
