"""`tracker build` against careless operators and broken disks: one line and the right exit
code, never a traceback, and never a file it did not create deleted or moved."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli.main import main
from tracker.publish import writer

from tests.support.publish import record


def build(ws: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-w", str(ws), "build", *args])


def _one_error(result: Result, *needles: str) -> None:
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output and result.exception is None or \
        isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for needle in needles:
        assert needle in lines[0], lines[0]


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_public_as_a_regular_file_is_one_error_every_time(ws: Path) -> None:
    shutil.rmtree(ws / "public")
    (ws / "public").write_text("my notes")
    for _ in range(2):   # used to be moved aside, and every later build crashed
        _one_error(build(ws), str(ws / "public"), "not a directory")
    assert (ws / "public").read_text() == "my notes"
    assert sorted(p.name for p in ws.iterdir() if p.name.startswith(".public")) == []


def test_out_root_is_refused_before_any_work(ws: Path) -> None:
    _one_error(build(ws, "--out", "/"), "root of the file system")


@pytest.mark.parametrize("where", ["file-parent", "proc"])
def test_out_that_cannot_be_created_is_one_error(ws: Path, tmp_path: Path, where: str) -> None:
    if where == "file-parent":
        (tmp_path / "afile").write_text("x")
        out = tmp_path / "afile" / "site"
    else:
        out = Path("/proc/1/site")
    _one_error(build(ws, "--out", str(out)), str(out))
    if where == "file-parent":
        assert (tmp_path / "afile").read_text() == "x"


def test_a_users_staging_named_directory_is_never_deleted(ws: Path) -> None:
    mine = ws / ".public.staging"
    mine.mkdir()
    (mine / "draft.txt").write_text("keep me")
    record_new_version(ws)
    _one_error(build(ws), str(mine), "move it away")
    assert (mine / "draft.txt").read_text() == "keep me"
    shutil.rmtree(mine)
    assert build(ws).exit_code == 0


def test_files_the_build_did_not_create_survive_rebuilds(ws: Path) -> None:
    assert build(ws).exit_code == 0
    (ws / "public/CNAME").write_text("watch.example\n")
    (ws / "public/.well-known").mkdir()
    (ws / "public/.well-known/security.txt").write_text("Contact: x\n")
    record_new_version(ws)
    result = build(ws)
    assert result.exit_code == 0, result.output
    assert (ws / "public/CNAME").read_text() == "watch.example\n"
    assert (ws / "public/.well-known/security.txt").read_text() == "Contact: x\n"
    assert any("2024-07-09" in p.name for p in
               (ws / "public/companies/globex/privacy-policy/versions").iterdir())


def record_new_version(ws: Path, text: str = "# Globex\n\nWe now keep data forever.\n") -> None:
    from tracker.workspace import Workspace

    record(Workspace(ws), "globex", "privacy-policy", text, "2024-07-09")


def test_full_disk_during_build_is_one_line_and_keeps_the_published_site(
        ws: Path, small_disk: Path) -> None:
    out = small_disk / "public"
    first = build(ws, "--out", str(out))
    assert first.exit_code == 0, first.output
    before = _tree(out)
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    big = "# Globex\n\n" + "\n\n".join(f"Clause {i}: " + "data " * 60 for i in
                                      range(free // 300 + 100)) + "\n"
    record_new_version(ws, big)
    result = build(ws, "--out", str(out))
    _one_error(result, "No space left on device")
    assert _tree(out) == before                         # the published site is untouched
    assert not writer.staging_dir(out).exists()         # and the half-built one is gone


def test_an_empty_staging_directory_left_by_a_kill_is_cleaned_up(ws: Path) -> None:
    """A build killed between making the staging directory and marking it leaves it empty:
    that holds nothing of anyone's, so the next build removes it and goes on."""
    writer.staging_dir(ws / "public").mkdir()
    record_new_version(ws)
    result = build(ws)
    assert result.exit_code == 0, result.output
    assert not writer.staging_dir(ws / "public").exists()
