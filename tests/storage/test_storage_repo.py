"""CompanyRepo: recording, reading back, commit format, opening and recovery."""

from __future__ import annotations

import hashlib
import json
import logging
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.support.git import fsck, git
from tests.support.records import META, T0, ex, item
from tracker import __version__
from tracker.errors import StorageError
from tracker.models import RecordMeta
from tracker.names import is_safe_slug as is_safe_name
from tracker.storage.repo import CompanyRepo

FMT = "%H%x1f%an <%ae>%x1f%aI%x1f%cn <%ce>%x1f%cI%x1f%s"


def log_rows(path: Path, *extra: str) -> list[list[str]]:
    out = git(path, "log", f"--format={FMT}", *extra)
    return [line.split("\x1f") for line in out.splitlines()]


def test_record_commits_with_capture_dates_subjects_and_trailers(repo, repo_path):
    when = datetime(2024, 3, 5, 10, 30, 15, 999, tzinfo=timezone(timedelta(hours=2)))
    first = repo.record("privacy-policy", ex("# Privacy\n\nWe collect data."), META, when,
                        "Privacy Policy")
    second = repo.record("privacy-policy", ex("# Privacy\n\nWe collect less data."), META,
                         when + timedelta(days=3), "Privacy Policy")
    rows = log_rows(repo_path)
    assert [r[0] for r in rows] == [second, first]
    assert rows[1][1:] == ["policy-tracker <policy-tracker@localhost>", "2024-03-05T10:30:15+02:00",
                           "policy-tracker <policy-tracker@localhost>", "2024-03-05T10:30:15+02:00",
                           "First record of Acme Inc Privacy Policy"]
    assert rows[0][2] == rows[0][4] == "2024-03-08T10:30:15+02:00"
    assert rows[0][5] == "Record new changes of Acme Inc Privacy Policy"
    body = git(repo_path, "log", "-1", "--format=%B", second)
    parsed = subprocess.run(["git", "interpret-trailers", "--parse"], input=body,
                            capture_output=True, text=True, check=True).stdout
    assert parsed.splitlines() == [
        "Source-URL: https://acme.test/privacy", "HTTP-Status: 200", "Content-Type: text/html",
        "Fetcher: http", "Document-Type: privacy-policy", "Change-Kind: policy",
        f"Tracker-Version: {__version__}"]
    assert body.split("\n")[1] == ""  # blank line between subject and trailers
    assert git(repo_path, "show", f"{second}:privacy-policy.md") == \
        "# Privacy\n\nWe collect less data.\n"
    assert git(repo_path, "show", f"{second}:raw/privacy-policy.html").startswith("<p>")
    assert git(repo_path, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    assert git(repo_path, "status", "--porcelain") == ""  # working tree follows HEAD
    assert (repo_path / "privacy-policy.md").read_text() == "# Privacy\n\nWe collect less data.\n"
    fsck(repo_path)


def test_naive_datetime_is_utc(repo, repo_path):
    repo.record("terms", ex("Terms."), META, datetime(2023, 7, 1, 8, 0), "Terms")
    assert log_rows(repo_path)[0][2] == "2023-07-01T08:00:00+00:00"


def test_unchanged_text_makes_no_commit_even_when_raw_differs(repo, repo_path):
    assert repo.record("privacy-policy", ex("Same.", b"<p>Same.</p>"), META, T0, "P") is not None
    assert repo.record("privacy-policy", ex("Same.", b"<p>Same.</p>"), META, T0, "P") is None
    assert repo.record("privacy-policy", ex("Same.", b"<div>Same.</div>", "html"), META,
                       T0 + timedelta(days=1), "P") is None
    assert repo.record("privacy-policy", ex("Same.", b"Same.", "txt"), META,
                       T0 + timedelta(days=2), "P") is None
    assert git(repo_path, "rev-list", "--count", "HEAD").strip() == "1"


def test_raw_extension_change_removes_old_raw_in_same_commit(repo, repo_path):
    repo.record("privacy-policy", ex("One."), META, T0, "P")
    sha = repo.record("privacy-policy", ex("Two.", b"%PDF-1.4 two", "pdf"), META,
                      T0 + timedelta(days=1), "P")
    changes = git(repo_path, "show", "--name-status", "--format=", sha).split()
    assert changes == ["M", "privacy-policy.md", "D", "raw/privacy-policy.html",
                       "A", "raw/privacy-policy.pdf"]
    assert repo.raw_at(sha, "privacy-policy") == (b"%PDF-1.4 two", "pdf")
    assert sorted(p.name for p in (repo_path / "raw").iterdir()) == ["privacy-policy.pdf"]


def test_technical_change_subject_and_version_flag(repo, repo_path):
    repo.record("privacy-policy", ex("One."), META, T0, "Privacy Policy")
    sha = repo.record("privacy-policy", ex("One, cleaner."),
                      RecordMeta(fetcher="reextract", technical=True), T0 + timedelta(hours=1),
                      "Privacy Policy")
    assert log_rows(repo_path)[0][5] == \
        "Re-extract Acme Inc Privacy Policy (technical change, not a policy change)"
    newest = repo.versions("privacy-policy")[0]
    assert newest.commit == sha and newest.technical
    assert newest.trailers["Change-Kind"] == "technical"
    assert newest.trailers["Fetcher"] == "reextract"
    assert "HTTP-Status" not in newest.trailers  # empty facts are left out, not blank


def test_versions_and_readers(repo, repo_path):
    a = repo.record("privacy-policy", ex("Alpha."), META, T0, "Privacy Policy")
    t = repo.record("terms", ex("Terms one."), META, T0 + timedelta(days=1), "Terms")
    b = repo.record("privacy-policy", ex("Beta."), META, T0 + timedelta(days=2),
                    "Privacy Policy")
    versions = repo.versions("privacy-policy")
    assert [v.commit for v in versions] == [b, a]
    assert [v.date for v in versions] == [T0 + timedelta(days=2), T0]
    assert all(v.date.tzinfo is not None for v in versions)
    assert versions[0].text_hash == hashlib.sha256(b"Beta.\n").hexdigest()
    assert versions[0].company == "acme" and versions[0].doc_type == "privacy-policy"
    assert versions[0].subject == "Record new changes of Acme Inc Privacy Policy"
    assert versions[1].trailers["Source-URL"] == "https://acme.test/privacy"
    assert not versions[0].technical
    assert [v.commit for v in repo.versions("terms")] == [t]
    assert repo.versions("cookies") == []
    assert repo.text_at(a, "privacy-policy") == "Alpha.\n"
    assert repo.text_at(t, "privacy-policy") == "Alpha.\n"
    assert repo.text_at(b[:10], "privacy-policy") == "Beta.\n"
    assert repo.raw_at(a, "privacy-policy") == (b"<p>Alpha.\n</p>", "html")
    assert repo.raw_at(a, "terms") is None
    assert repo.latest_text("privacy-policy") == "Beta.\n"
    assert repo.latest_text("cookies") is None
    assert repo.doc_types() == ["privacy-policy", "terms"]
    with pytest.raises(StorageError, match="terms.md does not exist"):
        repo.text_at(a, "terms")
    with pytest.raises(StorageError, match="acme"):
        repo.text_at("0123456789abcdef0123456789abcdef01234567", "privacy-policy")


def test_empty_repository_reads(repo):
    assert repo.versions("privacy-policy") == []
    assert repo.latest_text("privacy-policy") is None
    assert repo.doc_types() == []
    assert repo.head() is None


def test_versions_on_300_commits_is_one_git_log(repo, monkeypatch):
    items = [item(i, f"Version {i} of the policy.") for i in range(300)]
    assert len(repo.insert_versions("privacy-policy", items)) == 300
    spawned: list[list[str]] = []
    real_init = subprocess.Popen.__init__

    def counting(self, args, *rest, **kwargs):  # a spy on process spawns, nothing mocked
        spawned.append(list(args) if isinstance(args, (list, tuple)) else [args])
        real_init(self, args, *rest, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "__init__", counting)
    fresh = CompanyRepo.open(repo.path)
    spawned.clear()
    versions = fresh.versions("privacy-policy")
    fresh.close()
    assert len(versions) == 300
    assert versions[0].date > versions[-1].date
    assert len({v.text_hash for v in versions}) == 300
    assert 1 <= len(spawned) <= 2, spawned  # one `git log` (+ one persistent cat-file)


def test_company_name_is_stored_in_description(repo_path):
    with CompanyRepo.open(repo_path, create=True, company_name="Ünïcode & Co") as repo:
        repo.record("privacy-policy", ex("One."), META, T0, "Privacy Policy")
    assert (repo_path / ".git" / "description").read_text().strip() == "Ünïcode & Co"
    with CompanyRepo.open(repo_path) as repo:  # remembered without being told again
        assert repo.company_name == "Ünïcode & Co"
        repo.record("privacy-policy", ex("Two."), META, T0 + timedelta(days=1),
                    "Privacy Policy")
        repo.record("terms", ex("T."), META, T0 + timedelta(days=2), "Terms",
                    company_name="Unicode and Co")
    assert [r[5] for r in log_rows(repo_path)] == [
        "First record of Unicode and Co Terms",
        "Record new changes of Ünïcode & Co Privacy Policy",
        "First record of Ünïcode & Co Privacy Policy"]


def test_commits_do_not_depend_on_user_git_config(tmp_path, monkeypatch):
    """No user.name anywhere (conftest points global config at an empty file)."""
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Someone Else")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2001-01-01T00:00:00+00:00")
    with CompanyRepo.open(tmp_path / "solo", create=True) as repo:
        repo.record("privacy-policy", ex("One."), META, T0, "Privacy Policy")
    row = log_rows(tmp_path / "solo")[0]
    assert row[1] == row[3] == "policy-tracker <policy-tracker@localhost>"
    assert row[4] == "2024-01-01T12:00:00+00:00"
    assert row[5] == "First record of solo Privacy Policy"
    assert git(tmp_path / "solo", "config", "--local", "user.name").strip() == \
        "policy-tracker"


@pytest.mark.parametrize("bad", ["", "Privacy", "../x", "a/b", ".git", "a..b", "-x", "x" * 65])
def test_unsafe_document_types_are_rejected(repo, bad):
    assert not is_safe_name(bad)
    with pytest.raises(StorageError, match="unsafe document type"):
        repo.record(bad, ex("One."), META, T0, "P")
    with pytest.raises(StorageError, match="unsafe document type"):
        repo.versions(bad)


def test_empty_text_and_unknown_raw_type_are_refused(repo, repo_path):
    with pytest.raises(StorageError, match="empty"):
        repo.record("privacy-policy", ex("  \n"), META, T0, "P")
    with pytest.raises(StorageError, match="raw snapshot type"):
        repo.record("privacy-policy", ex("Text.", b"x", "exe"), META, T0, "P")
    assert git(repo_path, "rev-list", "--all").strip() == ""


# ------------------------------------------------------------------ opening and recovery

def test_open_missing_path_names_it(tmp_path):
    with pytest.raises(StorageError, match=str(tmp_path / "nope")):
        CompanyRepo.open(tmp_path / "nope")


def test_plain_directory_inside_another_repository_is_not_a_repo(tmp_path):
    outer = tmp_path / "outer"
    subprocess.run(["git", "init", "-q", str(outer)], check=True)
    (outer / "acme").mkdir()
    with pytest.raises(StorageError, match="not a git repository"):
        CompanyRepo.open(outer / "acme")


def test_deleted_head_is_a_storage_error_naming_the_path(repo, repo_path):
    repo.record("privacy-policy", ex("One."), META, T0, "P")
    repo.close()
    (repo_path / ".git" / "HEAD").unlink()
    with pytest.raises(StorageError, match=str(repo_path)):
        CompanyRepo.open(repo_path)


def _object_file(repo_path: Path, sha: str) -> Path:
    return repo_path / ".git" / "objects" / sha[:2] / sha[2:]


def test_garbage_head_commit_object_is_a_storage_error(repo, repo_path):
    sha = repo.record("privacy-policy", ex("One."), META, T0, "P")
    repo.close()
    obj = _object_file(repo_path, sha)
    obj.chmod(0o644)
    obj.write_bytes(b"this is not a zlib stream")
    with pytest.raises(StorageError, match=f"{repo_path}.*corrupted"):
        CompanyRepo.open(repo_path)


def test_garbage_blob_is_a_storage_error_when_read(repo, repo_path):
    sha = repo.record("privacy-policy", ex("One."), META, T0, "P")
    blob = git(repo_path, "rev-parse", f"{sha}:privacy-policy.md").strip()
    repo.close()
    obj = _object_file(repo_path, blob)
    obj.chmod(0o644)
    obj.write_bytes(b"\x00garbage")
    with CompanyRepo.open(repo_path) as reopened, pytest.raises(StorageError, match="acme"):
        reopened.text_at(sha, "privacy-policy")
    with CompanyRepo.open(repo_path) as reopened, pytest.raises(StorageError, match="fsck"):
        reopened.check()


def test_stale_locks_are_removed_on_open(repo, repo_path, caplog):
    repo.record("privacy-policy", ex("One."), META, T0, "P")
    repo.close()
    (repo_path / ".git" / "index.lock").write_bytes(b"")
    (repo_path / ".git" / "refs" / "heads" / "main.lock").write_text("junk")
    with caplog.at_level(logging.WARNING, logger="tracker.storage.repo"):
        reopened = CompanyRepo.open(repo_path)
    assert "stale lock" in caplog.text and "index.lock" in caplog.text
    assert not (repo_path / ".git" / "index.lock").exists()
    assert not (repo_path / ".git" / "refs" / "heads" / "main.lock").exists()
    assert reopened.record("privacy-policy", ex("Two."), META, T0 + timedelta(days=1), "P")
    reopened.close()
    assert git(repo_path, "rev-list", "--count", "HEAD").strip() == "2"
    fsck(repo_path)


def test_working_tree_left_behind_is_restored_on_open(repo, repo_path):
    repo.record("privacy-policy", ex("One."), META, T0, "P")
    repo.close()
    (repo_path / "privacy-policy.md").write_text("half-written")
    (repo_path / "raw" / "privacy-policy.html").unlink()
    with CompanyRepo.open(repo_path):
        pass
    assert git(repo_path, "status", "--porcelain") == ""
    assert (repo_path / "privacy-policy.md").read_text() == "One.\n"


def test_packed_objects_and_refs_after_git_gc(repo, repo_path):
    """After `git gc` (what `gc --auto` does on big repos) objects and refs are packed."""
    for i in range(12):
        repo.record("privacy-policy", ex(f"Version {i}."), META, T0 + timedelta(days=i), "P")
    git(repo_path, "gc", "--quiet")
    assert not (repo_path / ".git" / "refs" / "heads" / "main").exists()  # in packed-refs
    with CompanyRepo.open(repo_path) as reopened:
        assert len(reopened.versions("privacy-policy")) == 12
        assert reopened.record("privacy-policy", ex("Version 0."), META,
                               T0 + timedelta(days=20), "P")
        assert reopened.text_at("HEAD~1", "privacy-policy") == "Version 11.\n"
        assert reopened.insert_versions("privacy-policy", [item(-5, "Older.")])
        assert len(reopened.versions("privacy-policy")) == 14
    fsck(repo_path)


def test_hourly_unchanged_captures_are_remembered_once_a_day(repo, repo_path):
    repo.record("privacy-policy", ex("Same text."), META, T0, "Privacy Policy")
    for hour in range(1, 48):  # two days of an hourly cron job, nothing changes
        assert repo.record("privacy-policy", ex("Same text."), META,
                           T0 + timedelta(hours=hour), "Privacy Policy") is None
    seen = json.loads((repo_path / ".git" / "policy-tracker" / "seen" /
                       "privacy-policy.json").read_text())
    days = {datetime.fromtimestamp(int(d.split()[0]), timezone.utc).date() for d, _ in seen}
    assert len(seen) == len(days) <= 3
    assert len(repo.versions("privacy-policy")) == 1


def test_an_init_killed_halfway_leaves_nothing_to_refuse(tmp_path):
    """A SIGKILL during `git init` leaves only a hidden staging directory (the finished .git
    is renamed into place): the next run creates the repository and removes the leftover."""
    path = tmp_path / "snapshots" / "acme"
    leftover = tmp_path / "snapshots" / ".acme.init-dead1234" / ".git"
    leftover.mkdir(parents=True)
    (leftover / "config").write_text("[core]\n")  # no HEAD: what a killed `git init` leaves
    assert not (path / ".git").exists()
    repo = CompanyRepo.open(path, create=True)
    assert repo.record("privacy-policy", ex("Text."), META, T0, "Privacy Policy")
    fsck(path)
    assert [p.name for p in (tmp_path / "snapshots").iterdir()] == ["acme"]



def test_repositories_created_at_once_by_many_threads_all_succeed(tmp_path, monkeypatch):
    """Recording lanes create repositories concurrently while a killed init's leftover is
    swept: the sweep removes only the leftover, never another thread's init under way (the
    sweep's listing is held until another init could have started, up to a second)."""
    import os
    import time
    from concurrent.futures import ThreadPoolExecutor

    from tracker.storage import gitdir

    snapshots = tmp_path / "snapshots"
    leftover = snapshots / ".c5.init-dead1234" / ".git"
    leftover.mkdir(parents=True)

    class SlowListing:  # gitdir's `os`, whose directory listing waits for another init
        def __getattr__(self, name: str) -> object:
            return getattr(os, name)

        @staticmethod
        def scandir(path):
            deadline = time.monotonic() + 1.0
            while time.monotonic() < deadline and sum(
                    ".init-" in e.name and "dead1234" not in e.name for e in os.scandir(path)) < 1:
                time.sleep(0.01)  # let another thread start its init, if it can
            return os.scandir(path)

    monkeypatch.setattr(gitdir, "os", SlowListing())

    def first_version(i: int) -> str | None:
        with CompanyRepo.open(snapshots / f"c{i}", create=True) as repo:
            return repo.record("privacy-policy", ex(f"Text {i}."), META, T0, "Privacy Policy")

    with ThreadPoolExecutor(16) as pool:
        assert all(pool.map(first_version, range(64)))
    assert sorted(p.name for p in snapshots.iterdir()) == sorted(f"c{i}" for i in range(64))
    for i in (0, 31, 63):
        fsck(snapshots / f"c{i}")