"""The in-process branch move and checkout: same result as git's, no process per repository."""

from __future__ import annotations

import subprocess
from datetime import timedelta

from tests.support.git import fsck, git
from tests.support.records import META, T0, ex, item

from tracker.storage.repo import CompanyRepo


def clean(path) -> None:
    """What an operator sees: nothing to commit, index and files equal to HEAD."""
    assert git(path, "status", "--porcelain", "--untracked-files=all") == ""
    assert subprocess.run(["git", "-C", str(path), "diff-index", "--quiet", "HEAD", "--"]
                          ).returncode == 0
    assert subprocess.run(["git", "-C", str(path), "diff-index", "--cached", "--quiet",
                           "HEAD", "--"]).returncode == 0


def test_a_new_company_s_first_version_starts_no_git_process(tmp_path, spawned) -> None:
    CompanyRepo.open(tmp_path / "warm", create=True).close()  # the per-process `git init`
    spawned.clear()
    with CompanyRepo.open(tmp_path / "acme", create=True, company_name="Acme") as repo:
        sha = repo.record("privacy-policy", ex("One."), META, T0, "Privacy Policy")
    assert spawned == []
    assert git(tmp_path / "acme", "rev-parse", "HEAD").strip() == sha
    assert "policy-tracker: record privacy-policy" in git(tmp_path / "acme", "reflog")
    assert (tmp_path / "acme" / "privacy-policy.md").read_text() == "One.\n"
    clean(tmp_path / "acme")
    fsck(tmp_path / "acme")


def test_a_batch_of_first_versions_costs_one_process(tmp_path, spawned) -> None:
    CompanyRepo.open(tmp_path / "warm", create=True).close()
    spawned.clear()
    with CompanyRepo.open(tmp_path / "acme", create=True) as repo:
        created = repo.insert_versions("privacy-policy",
                                       [item(d, f"Text {d}.") for d in range(20)])
    assert len(created) == 20
    assert [c[1:3] for c in spawned] == [["-c", "fastimport.unpackLimit=0"]]  # fast-import
    assert git(tmp_path / "acme", "rev-list", "--count", "HEAD").strip() == "20"
    assert git(tmp_path / "acme", "for-each-ref", "refs/policy-tracker") == ""
    clean(tmp_path / "acme")
    fsck(tmp_path / "acme")


def test_changes_renames_and_deletions_reach_files_and_index(repo, repo_path) -> None:
    repo.record("privacy-policy", ex("One.", b"<p>One.</p>", "html"), META, T0, "P")
    repo.record("terms", ex("Terms."), META, T0 + timedelta(hours=1), "T")
    clean(repo_path)
    repo.record("privacy-policy", ex("Two.", b"%PDF-two", "pdf"), META,
                T0 + timedelta(days=1), "P")
    assert not (repo_path / "raw" / "privacy-policy.html").exists()
    assert (repo_path / "raw" / "privacy-policy.pdf").read_bytes() == b"%PDF-two"
    clean(repo_path)
    # a rewrite (an older version inserted) takes the same path
    repo.insert_versions("privacy-policy", [item(-5, "Zero.")])
    clean(repo_path)
    assert (repo_path / "privacy-policy.md").read_text() == "Two.\n"
    # a hand-edited file is restored from HEAD when the next version is written
    (repo_path / "terms.md").write_text("scribbled\n")
    repo.record("privacy-policy", ex("Three."), META, T0 + timedelta(days=2), "P")
    assert (repo_path / "terms.md").read_text() == "Terms.\n"
    clean(repo_path)
    fsck(repo_path)


def test_a_change_in_an_existing_repository_starts_no_git_process(tmp_path, spawned) -> None:
    """Reopening a repository of loose objects (HEAD checked, working copy checked, tree and
    previous text read) and recording its next version: all without git."""
    path = tmp_path / "acme"
    with CompanyRepo.open(path, create=True) as repo:
        repo.record("privacy-policy", ex("One.", b"<p>One.</p>", "html"), META, T0, "P")
        repo.record("terms", ex("Terms."), META, T0 + timedelta(hours=1), "T")
    spawned.clear()
    with CompanyRepo.open(path) as repo:
        assert repo.latest_text("privacy-policy") == "One.\n"
        assert repo.last_date() is not None
        sha = repo.record("privacy-policy", ex("Two."), META, T0 + timedelta(days=1), "P")
    assert spawned == []
    assert git(path, "rev-parse", "HEAD").strip() == sha
    assert git(path, "show", "HEAD~1:privacy-policy.md") == "One.\n"
    clean(path)
    fsck(path)


def test_a_working_copy_left_behind_is_still_found_and_restored(tmp_path, caplog) -> None:
    """The in-process check only ever says "clean" when git would: an edited file, a file
    gone, a stale index or an executable bit each send the check to git, which restores."""
    import os

    path = tmp_path / "acme"
    with CompanyRepo.open(path, create=True) as repo:
        repo.record("privacy-policy", ex("One."), META, T0, "P")
        repo.record("terms", ex("Terms."), META, T0 + timedelta(hours=1), "T")
    spoilers = [lambda: (path / "terms.md").write_text("scribbled\n"),
                lambda: (path / "terms.md").unlink(),
                lambda: os.chmod(path / "terms.md", 0o755),
                lambda: git(path, "rm", "-q", "--cached", "terms.md")]
    for spoil in spoilers:
        caplog.clear()
        spoil()
        with CompanyRepo.open(path) as repo:
            assert repo.latest_text("terms") == "Terms.\n"
        assert "working tree differs from HEAD" in caplog.text
        assert (path / "terms.md").read_text() == "Terms.\n"
        clean(path)
    # git's own index (written by read-tree) passes the in-process check as it is
    git(path, "read-tree", "--reset", "-u", "HEAD")
    from tracker.storage import worktree
    from tracker.storage.objects import read_flat_tree

    flat = read_flat_tree(path / ".git" / "objects", git(path, "rev-parse", "HEAD").strip())
    assert flat is not None and worktree.matches_head(path, path / ".git", flat)


def test_a_packed_repository_is_read_through_git(tmp_path) -> None:
    """After `git gc` packs every object, opening and recording fall back to git and give
    the same result."""
    path = tmp_path / "acme"
    with CompanyRepo.open(path, create=True) as repo:
        repo.record("privacy-policy", ex("One."), META, T0, "P")
    git(path, "gc", "-q", "--prune=now")
    assert not [p for p in (path / ".git" / "objects").iterdir()
                if len(p.name) == 2 and any(p.iterdir())]
    with CompanyRepo.open(path) as repo:
        assert repo.latest_text("privacy-policy") == "One.\n"
        sha = repo.record("privacy-policy", ex("Two."), META, T0 + timedelta(days=1), "P")
    assert git(path, "rev-parse", "HEAD").strip() == sha
    clean(path)
    fsck(path)
