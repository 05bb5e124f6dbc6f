"""Plain `git`, as an operator would run it: the tests never trust the tracker's own reader."""

from __future__ import annotations

import subprocess
from pathlib import Path

_FSCK_ALARMS = ("error", "bad", "missing", "broken", "corrupt")


def git(repo: Path, *args: str, check: bool = True) -> str:
    """`git -C REPO ARGS...`'s stdout; a failing command fails the test unless check=False."""
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


def git_bytes(repo: Path, *args: str) -> bytes:
    """`git -C REPO ARGS...`'s stdout as bytes (blobs compared byte for byte)."""
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True)
    if proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr.decode(errors='replace')}")
    return proc.stdout


def fsck(repo: Path) -> None:
    """`git fsck --strict --no-dangling` finds nothing: exit 0, nothing reported on stdout, no
    alarming word on stderr."""
    proc = subprocess.run(["git", "-C", str(repo), "fsck", "--strict", "--no-dangling"],
                          capture_output=True, text=True)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0 and not proc.stdout.strip(), out
    assert not any(word in out for word in _FSCK_ALARMS), out


def doc_log(repo: Path, doc_type: str) -> list[str]:
    """Commits that touched the document's text, newest first (plain `git log`)."""
    if not (repo / ".git").exists():
        return []
    return git(repo, "log", "--format=%H", "--", f"{doc_type}.md").split()


def texts_in_history(repo: Path, doc_type: str) -> list[str]:
    """Every stored text of the document, newest first."""
    return [git(repo, "show", f"{sha}:{doc_type}.md") for sha in doc_log(repo, doc_type)]
