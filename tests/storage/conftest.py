"""Fixtures for storage and ingest tests: a fresh company repository in a temporary workspace,
an import folder, a fake Wayback Machine, the seed policies."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.archive import ArchiveServer, FakeArchive
from tests.support.files import SEEDS, make_pdf, write
from tracker.storage.repo import CompanyRepo


@pytest.fixture
def repo_path(tmp_path: Path) -> Path:
    return tmp_path / "snapshots" / "acme"


@pytest.fixture
def repo(repo_path: Path):
    r = CompanyRepo.open(repo_path, create=True, company_name="Acme Inc")
    yield r
    r.close()


@pytest.fixture
def archive() -> Iterator[FakeArchive]:
    """A fake Wayback Machine on 127.0.0.1."""
    with ArchiveServer() as arch:
        yield arch


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    """An input folder in both layouts, every format, and names that must be skipped."""
    src = tmp_path / "in"
    # flat layout: privacy policy
    write(src / "acme" / "2021-03-01.md", "# Privacy\r\n\r\n\r\nWe collect data.  \n")
    write(src / "acme" / "2021-06-01T101500.txt", "# Privacy\n\nWe collect data.\n")  # same
    write(src / "acme" / "2022-01-01.html",
          "<html><body><nav>Home</nav><main><h1>Privacy</h1><p>We collect less data.</p>"
          "</main></body></html>")
    write(src / "acme" / "README.md", "notes, not a snapshot")
    # nested layout: terms of service, with a PDF
    write(src / "acme" / "terms-of-service" / "2020-01-01.pdf",
          make_pdf(["Terms of Service", "You agree to everything."]))
    write(src / "acme" / "terms-of-service" / "2020-02-01.md", "# Terms\n\nYou agree.\n")
    write(src / "acme" / "terms-of-service" / "notes.json", "{}")
    # upper-case company directory is lower-cased
    write(src / "Globex" / "2019-05-05.txt", "Globex privacy text.\n")
    # not companies / not safe
    write(src / "SOURCES.md", "sources")
    write(src / "labels" / "acme.json", "{}")
    write(src / "bad name" / "2020-01-01.md", "x")
    write(src / ".hidden" / "2020-01-01.md", "x")
    write(src / "acme" / "Bad Type" / "2020-01-01.md", "x")
    write(src / "acme" / "2021-13-45.md", "impossible date")
    write(src / "acme" / "2020-04-04.md", "   \n")  # no text: an error for that file only
    return src


@pytest.fixture
def seeds_dir(shared_dir: Path) -> Path:
    seeds = shared_dir / "seeds"
    if not all((seeds / name).is_file() for name in SEEDS):
        pytest.skip(f"seed policies not found in {seeds}")
    return seeds


@pytest.fixture
def spawned(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """A spy on process spawns (nothing replaced: every process still runs)."""
    calls: list[list[str]] = []
    real_init = subprocess.Popen.__init__

    def counting(self, args, *rest, **kwargs):
        calls.append(list(args) if isinstance(args, (list, tuple)) else [args])
        real_init(self, args, *rest, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "__init__", counting)
    return calls
