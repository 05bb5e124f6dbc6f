"""Attacks on import and storage, for real: planted symbolic links, binaries named .txt, dates
before 1970, twin capture times, an empty branch ref, links planted inside `.git`.

Real files, real git (checked with plain `git`), the real CLI; each is a behaviour the README's
Reliability section promises."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.support.git import fsck, git
from tests.support.records import META, T0, ex, item

from tracker.cli.main import main
from tracker.errors import StorageError
from tracker.ingest.importer import import_directory
from tracker.models import RecordMeta
from tracker.storage.repo import CompanyRepo, ImportItem

pytestmark = pytest.mark.timeout(120)

SECRET = "TOP-SECRET-MARKER-5d41402abc4b2a76"
POLICY = "# Privacy\n\nWe keep your data for {n} days.\n"


def all_objects_text(repo: Path) -> str:
    """Every object reachable in the repository, as text (for "was a secret stored?")."""
    return git(repo, "log", "--all", "-p", "--format=%H %B") + git(
        repo, "grep", "-h", "-I", "-e", ".", "HEAD", check=False)


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=True)


def assert_one_line_no_traceback(text: str, *needles: str) -> None:
    assert "Traceback" not in text and 'File "' not in text, text
    for needle in needles:
        assert sum(needle in line for line in text.splitlines()) == 1, text


# --------------------------------------------------------------- symbolic links
def test_import_never_follows_links_out_of_the_import_directory(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "etc").mkdir(parents=True)
    secret = outside / "secret.txt"
    secret.write_text(f"{SECRET}\nWe keep your data forever.\n")
    (outside / "etc" / "2020-01-01.txt").write_text(f"{SECRET} in a folder\n")
    src = tmp_path / "in"
    (src / "acme").mkdir(parents=True)
    (src / "acme" / "2020-01-01.md").write_text(POLICY.format(n=1))
    (src / "acme" / "2020-01-02.md").write_text(POLICY.format(n=2))
    links = {
        src / "acme" / "2020-03-01.txt": secret,                       # a file link
        src / "acme" / "2020-03-02.txt": Path("/etc/passwd"),
        src / "acme" / "2020-03-03.txt": Path("/proc/self/environ"),
        src / "acme" / "terms": outside / "etc",                      # a document folder
        src / "etc": outside / "etc",                                 # a company folder
        src / "report.md": secret,                                    # a top-level file
        src / "acme" / "2020-03-04.txt": Path("../../outside/secret.txt"),  # relative
    }
    for link, target in links.items():
        link.symlink_to(target)
    (src / "acme" / "2020-01-03.md").symlink_to("2020-01-02.md")  # stays inside: allowed
    report = import_directory(tmp_path / "s", src)
    for link in links:
        assert sum(str(link) in e and "outside the import directory" in e
                   for e in report.errors) == 1, report.errors
    assert len(report.errors) == len(links), report.errors
    assert report.stats("acme", "privacy-policy").imported == 2
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["acme"]
    acme = tmp_path / "s" / "acme"
    assert SECRET not in all_objects_text(acme) and "root:" not in all_objects_text(acme)
    fsck(acme)


def test_import_refuses_a_dangling_or_looping_link_with_one_line(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "acme").mkdir(parents=True)
    (src / "acme" / "2020-01-01.md").write_text(POLICY.format(n=1))
    (src / "acme" / "2020-02-01.md").symlink_to(tmp_path / "missing")
    (src / "acme" / "2020-03-01.md").symlink_to("2020-03-01.md")
    report = import_directory(tmp_path / "s", src)
    assert len(report.errors) == 2 and all("cannot be resolved" in e for e in report.errors)
    assert report.imported == 1


# ------------------------------------------------------------------- binaries
def test_a_binary_named_txt_is_not_imported_as_text(tmp_path: Path) -> None:
    src = tmp_path / "in" / "acme"
    src.mkdir(parents=True)
    elf = Path(sys.executable).resolve().read_bytes()[:16384]
    assert elf.startswith(b"\x7fELF")
    (src / "2020-01-01.txt").write_bytes(elf)
    (src / "2020-01-02.md").write_bytes(elf)
    (src / "2020-01-03.md").write_text(POLICY.format(n=3))
    report = import_directory(tmp_path / "s", tmp_path / "in")
    assert [e.split(": ", 1)[1] for e in report.errors] == \
        ["binary data, not a text snapshot"] * 2
    acme = tmp_path / "s" / "acme"
    assert git(acme, "rev-list", "--count", "HEAD").strip() == "1"
    assert b"ELF" not in subprocess.run(["git", "-C", str(acme), "log", "-p", "--all"],
                                        capture_output=True).stdout


# ------------------------------------------------------------ dates before 1970
def test_dates_before_1970_are_refused_with_one_line(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "acme").mkdir(parents=True)
    (src / "acme" / "1969-07-20.md").write_text(POLICY.format(n=1))
    (src / "acme" / "1970-01-01.md").write_text(POLICY.format(n=2))  # the epoch itself is fine
    (src / "archived.md").write_text(
        "> *The following text is extracted and transformed from the globex.test privacy "
        "policy that was archived on 1960-01-01.*\n\nWe keep data.\n")
    report = import_directory(tmp_path / "s", src)
    assert len(report.errors) == 2 and all("before 1970" in e for e in report.errors)
    fsck(tmp_path / "s" / "acme")
    assert git(tmp_path / "s" / "acme", "log", "--format=%aI").strip() == \
        "1970-01-01T00:00:00+00:00"
    with CompanyRepo.open(tmp_path / "s" / "acme") as repo:
        moon = datetime(1969, 7, 20, tzinfo=timezone.utc)
        with pytest.raises(StorageError, match="before 1970"):
            repo.record("privacy-policy", ex("Moon."), META, moon, "Privacy Policy")
        with pytest.raises(StorageError, match="before 1970"):
            repo.insert_versions("privacy-policy", [ImportItem(
                moon, ex("Moon."), RecordMeta(source_url="x"), "Privacy Policy")])
    fsck(tmp_path / "s" / "acme")


def _plant_commit_dated_1969(repo: Path) -> None:
    """What an older version wrote: a commit with a negative date (git fsck rejects it)."""
    blob = subprocess.run(["git", "-C", str(repo), "hash-object", "-w", "--stdin"],
                          input=b"We sold the moon.\n", check=True,
                          capture_output=True).stdout.decode().strip()
    listing = git(repo, "ls-tree", "HEAD").replace(
        git(repo, "rev-parse", "HEAD:privacy-policy.md").strip(), blob)
    tree = subprocess.run(["git", "-C", str(repo), "mktree"], input=listing.encode(),
                          check=True, capture_output=True).stdout.decode().strip()
    head = git(repo, "rev-parse", "HEAD").strip()
    body = (f"tree {tree}\nparent {head}\nauthor a <a@b> -86400 +0000\n"
            f"committer a <a@b> -86400 +0000\n\nRecord new changes of Acme\n")
    sha = subprocess.run(["git", "-C", str(repo), "hash-object", "-t", "commit", "-w",
                          "--stdin", "--literally"], input=body.encode(), check=True,
                         capture_output=True).stdout.decode().strip()
    git(repo, "update-ref", "refs/heads/main", sha)


def _workspace_with(tmp_path: Path, *companies: str) -> Path:
    src = tmp_path / "in"
    for n, company in enumerate(companies):
        (src / company).mkdir(parents=True)
        (src / company / "2020-01-01.md").write_text(POLICY.format(n=n))
        (src / company / "2021-01-01.md").write_text(POLICY.format(n=n + 10))
    ws = tmp_path / "ws"
    assert cli("init", str(ws)).exit_code == 0
    assert cli("-w", str(ws), "import", str(src)).exit_code == 0
    return ws


def test_a_repository_holding_a_1969_commit_does_not_stop_the_build(tmp_path: Path) -> None:
    ws = _workspace_with(tmp_path, "acme", "globex")
    _plant_commit_dated_1969(ws / "snapshots" / "acme")
    result = cli("-w", str(ws), "build")
    assert result.exit_code == 1, result.output
    assert_one_line_no_traceback(result.stderr, "cannot publish acme")
    assert "before 1970" in result.stderr
    assert (ws / "public" / "companies" / "globex" / "index.html").is_file()


# --------------------------------------------------------- twin capture times
@pytest.mark.parametrize("twin", ["acme/privacy-policy/2020-01-01.md", "Acme/2020-01-01.md"])
def test_two_files_with_one_capture_time_do_not_add_versions_on_reimport(
        tmp_path: Path, twin: str) -> None:
    src = tmp_path / "in"
    (src / "acme").mkdir(parents=True)
    (src / "acme" / "2020-01-01.md").write_text(POLICY.format(n=1))
    (src / twin).parent.mkdir(parents=True, exist_ok=True)
    (src / twin).write_text(POLICY.format(n=2))
    (src / "acme" / "2020-06-01.md").write_text(POLICY.format(n=3))
    first = import_directory(tmp_path / "s", src)
    assert first.imported == 2 and len(first.errors) == 1
    assert "same capture time" in first.errors[0]
    acme = tmp_path / "s" / "acme"
    head = git(acme, "rev-parse", "HEAD")
    for _ in range(2):
        again = import_directory(tmp_path / "s", src)
        assert again.imported == 0 and git(acme, "rev-parse", "HEAD") == head
    fsck(acme)


def test_storage_itself_is_idempotent_for_items_sharing_a_second(repo, repo_path) -> None:
    twins = [item(1, "Text A"), item(1, "Text B"), item(2, "Text C")]
    assert len(repo.insert_versions("privacy-policy", twins)) == 3
    head = git(repo_path, "rev-parse", "HEAD")
    assert repo.insert_versions("privacy-policy", twins) == []
    assert repo.insert_versions("privacy-policy", list(reversed(twins))) == []
    assert git(repo_path, "rev-parse", "HEAD") == head
    fsck(repo_path)


# ------------------------------------------------------------- empty branch ref
def test_an_empty_branch_ref_is_a_repository_error(tmp_path: Path) -> None:
    ws = _workspace_with(tmp_path, "acme", "globex")
    ref = ws / "snapshots" / "acme" / ".git" / "refs" / "heads" / "main"
    git(ws / "snapshots" / "acme", "pack-refs", "--all")  # even with a packed copy...
    ref.write_bytes(b"")                                         # ...an empty loose ref is bad
    with pytest.raises(StorageError, match="branch ref refs/heads/main is empty"):
        CompanyRepo.open(ws / "snapshots" / "acme")
    ref.unlink()
    CompanyRepo.open(ws / "snapshots" / "acme").close()  # the packed ref alone is fine
    ref.write_bytes(b"")
    result = cli("-w", str(ws), "build")
    assert result.exit_code == 1, result.output
    assert_one_line_no_traceback(result.stderr, "cannot publish acme")
    assert "is empty" in result.stderr
    assert (ws / "public" / "companies" / "globex" / "index.html").is_file()


# ------------------------------------------------------ links planted in .git
def test_temporary_files_in_git_dir_never_follow_planted_links(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    path = tmp_path / "acme"
    with CompanyRepo.open(path, create=True) as repo:
        repo.record("privacy-policy", ex("One."), META, T0, "Privacy Policy")
    git_dir = path / ".git"
    (git_dir / "description.tmp").symlink_to(victim)
    seen_dir = git_dir / "policy-tracker" / "seen"
    seen_dir.mkdir(parents=True, exist_ok=True)
    (seen_dir / "privacy-policy.json.tmp").symlink_to(victim)
    with CompanyRepo.open(path, company_name="Acme Corp") as repo:
        assert repo.record("privacy-policy", ex("One."), META,
                           T0.replace(year=2025), "Privacy Policy") is None  # remembered
    assert victim.read_text() == "precious\n"
    assert (git_dir / "description").read_text() == "Acme Corp\n"
    assert (seen_dir / "privacy-policy.json").is_file()
    assert not (seen_dir / "privacy-policy.json").is_symlink()
    # a link in place of the file itself is replaced, its target untouched
    (git_dir / "description").unlink()
    (git_dir / "description").symlink_to(victim)
    with CompanyRepo.open(path, company_name="Acme Corporation"):
        pass
    assert victim.read_text() == "precious\n" and not (git_dir / "description").is_symlink()
    # a planted link in place of the journal folder: the journal is not written through it
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.rename(seen_dir, tmp_path / "old-seen")
    seen_dir.symlink_to(elsewhere)
    with CompanyRepo.open(path) as repo:
        repo.record("privacy-policy", ex("One."), META, T0.replace(year=2026), "P")
    assert list(elsewhere.iterdir()) == []
    fsck(path)



def test_the_working_copy_is_never_written_through_a_planted_folder_link(tmp_path: Path
                                                                          ) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "privacy-policy.html").write_text("precious\n")
    path = tmp_path / "acme"
    with CompanyRepo.open(path, create=True) as repo:
        repo.record("privacy-policy", ex("One."), META, T0, "Privacy Policy")
        shutil.rmtree(path / "raw")
        (path / "raw").symlink_to(outside)       # raw/ now leads out of the repository
        (path / ".git" / "logs" / "HEAD").unlink()
        (path / ".git" / "logs" / "HEAD").symlink_to(outside / "log")
        repo.record("privacy-policy", ex("Two."), META, T0.replace(year=2025), "Privacy Policy")
    assert (outside / "privacy-policy.html").read_text() == "precious\n"
    assert sorted(p.name for p in outside.iterdir()) == ["privacy-policy.html"]
    assert not (path / "raw").is_symlink()
    assert (path / "raw" / "privacy-policy.html").read_text() == "<p>Two.\n</p>"
    fsck(path)
