"""Helpers for storage tests: real repositories, inspected with the plain `git` CLI.

Imported by name (pytest puts this directory on sys.path); kept out of conftest so test
modules can import them explicitly."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tracker.models import Extracted, RecordMeta
from tracker.storage.repo import ImportItem

T0 = datetime(2024, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
META = RecordMeta(source_url="https://acme.test/privacy", status=200, content_type="text/html")


def run_git(repo: Path, *args: str, check: bool = True) -> str:
    """Plain git, as an operator would run it (no GitPython)."""
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


def fsck(repo: Path) -> None:
    proc = subprocess.run(["git", "-C", str(repo), "fsck", "--strict", "--no-dangling"],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


def ex(text: str, raw: bytes | None = None, ext: str = "html") -> Extracted:
    if not text.endswith("\n"):
        text += "\n"
    return Extracted(text=text, raw=raw if raw is not None else f"<p>{text}</p>".encode(),
                     raw_ext=ext)


def item(day: int, text: str, ext: str = "md", fetcher: str = "import") -> ImportItem:
    return ImportItem(date=T0 + timedelta(days=day), extracted=ex(text, text.encode(), ext),
                      meta=RecordMeta(source_url=f"file:///in/{day}.{ext}", fetcher=fetcher),
                      title="Privacy Policy")


