"""Broken disks and impossible paths: read-only workspaces, a full disk during `track`, an
unusable lock file, and `init`/`demo`/`build --out` where nothing can be created. Each is one
line naming the thing and the cause, the documented exit code, never a traceback; a full disk
still reports what the run did."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.disks import fill, immutable, read_only, small_disk
from tests.support.cli import assert_no_traceback, run_tracker
from tests.support.git import fsck
from tests.support.web import LocalServer
from tests.support.workspace import Doc, policy_page, write_config


def _one_error_line(proc, *words: str) -> None:
    assert_no_traceback(proc.stdout, proc.stderr)
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, proc.stderr
    for word in words:
        assert word in errors[0], (word, errors[0])


@pytest.mark.parametrize("args", [
    ("init", "{file}/ws"), ("init", "/proc/self/nope/ws"),
    ("demo", "{file}/demo"), ("demo", "/proc/self/nope"),
    ("build", "--out", "{file}/out"), ("build", "--out", "/proc/self/nope/out"),
])
def test_paths_that_cannot_be_created_are_one_line(tmp_path: Path, web: LocalServer,
                                                   args: tuple[str, ...]) -> None:
    url = web.page("/p", policy_page("Privacy Policy"))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", url)])
    a_file = tmp_path / "a-file"
    a_file.write_text("not a directory")
    argv = [a.format(file=a_file) for a in args]
    proc = run_tracker(root, *argv)
    assert proc.returncode == 3, proc.stderr
    _one_error_line(proc, "cannot", argv[-1])
    assert a_file.read_text() == "not a directory"


def test_read_only_workspace_tracker_dir_and_cache(tmp_path: Path, web: LocalServer) -> None:
    """A read-only workspace root or `.tracker/` stops writing commands with one line (exit
    3) while reading commands work; a read-only cache only costs caching."""
    url = web.page("/p", policy_page("Privacy Policy", 1))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", url)])
    with read_only(root):
        for command in ("track", "build", "run"):
            proc = run_tracker(root, command)
            assert proc.returncode == 3, proc.stderr
            _one_error_line(proc, "Read-only file system")
    assert run_tracker(root, "track").returncode == 0
    web.page("/p", policy_page("Privacy Policy", 2))
    with read_only(root / ".tracker"):
        for command in ("track", "build"):
            proc = run_tracker(root, command)
            assert proc.returncode == 3, proc.stderr
            _one_error_line(proc, ".tracker", "Read-only file system")
        assert run_tracker(root, "status").returncode == 0
        assert run_tracker(root, "log", "acme").returncode == 0
    (root / ".tracker" / "cache").mkdir(exist_ok=True)
    with read_only(root / ".tracker" / "cache"):
        proc = run_tracker(root, "track")
        assert proc.returncode == 0, proc.stderr
        assert "CHANGED  acme/privacy-policy" in proc.stdout
        assert_no_traceback(proc.stdout, proc.stderr)
        proc = run_tracker(root, "build")
        assert proc.returncode == 0, proc.stderr
        assert_no_traceback(proc.stdout, proc.stderr)
        assert run_tracker(root, "diff", "acme").returncode == 0
    assert (root / "public" / "index.html").is_file()


@pytest.mark.parametrize("kind", ["immutable", "directory"])
def test_an_unusable_lock_file_is_one_line(tmp_path: Path, web: LocalServer, kind: str) -> None:
    url = web.page("/p", policy_page("Privacy Policy"))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", url)])
    lock = root / ".tracker" / "lock"
    lock.parent.mkdir()
    if kind == "directory":
        lock.mkdir()
        proc = run_tracker(root, "track")
    else:
        lock.write_text("")
        with immutable(lock):
            proc = run_tracker(root, "track")
    assert proc.returncode == 3, proc.stderr
    _one_error_line(proc, "lock file", str(lock))
    assert web.seen == []


def test_a_full_disk_during_track_still_reports_every_document(
        tmp_path: Path, web: LocalServer) -> None:
    web.page("/a", policy_page("Privacy Policy", 1))
    web.page("/b", policy_page("Terms", 1))
    with small_disk(tmp_path / "disk", "4m") as disk:
        root = write_config(disk / "ws", [Doc("acme", "privacy-policy", web.url("/a")),
                                          Doc("beta", "terms", web.url("/b"))])
        assert run_tracker(root, "track").returncode == 0
        web.page("/a", policy_page("Privacy Policy", 2))
        web.page("/b", policy_page("Terms", 2))
        fill(disk)
        proc = run_tracker(root, "track")
        assert proc.returncode == 3, proc.stderr
        _one_error_line(proc, "state.json", "No space left on device")
        lines = proc.stdout.splitlines() + proc.stderr.splitlines()
        for name in ("acme/privacy-policy", "beta/terms"):
            said = [line for line in lines if name in line]
            assert len(said) == 1 and said[0].split()[0] in ("CHANGED", "FAILED"), lines
        (disk / "filler").unlink()
        for repo in ("acme", "beta"):
            fsck(root / "snapshots" / repo)
        proc = run_tracker(root, "track")
        assert proc.returncode == 0, proc.stderr
        assert_no_traceback(proc.stdout, proc.stderr)
        assert run_tracker(root, "build").returncode == 0
