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
