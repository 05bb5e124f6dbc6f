"""insert_versions: date order, skipping, idempotence and history rebuilds."""

from __future__ import annotations

from datetime import timedelta

from tests.support.git import fsck, git
from tests.support.records import META, T0, ex, item
from tracker.models import RecordMeta
from tracker.storage.repo import ImportItem


def doc_log(path, doc="privacy-policy.md") -> list[tuple[str, str, str]]:
    """(author date, committer date, subject) newest first, for commits touching doc."""
    out = git(path, "log", "--format=%aI%x1f%cI%x1f%s", "--", doc)
    return [tuple(line.split("\x1f")) for line in out.splitlines()]


def test_insert_into_empty_repo_sorts_by_date_and_skips_repeats(repo, repo_path):
    items = [item(5, "C"), item(1, "A"), item(2, "A"), item(3, "B"), item(4, "B")]
    created = repo.insert_versions("privacy-policy", items)
    assert len(created) == 3
    log = doc_log(repo_path)
    assert [row[0][:10] for row in log] == ["2024-01-06", "2024-01-04", "2024-01-02"]
    assert all(a == c for a, c, _ in log)
    assert [row[2] for row in log] == ["Record new changes of Acme Inc Privacy Policy",
                                       "Record new changes of Acme Inc Privacy Policy",
                                       "First record of Acme Inc Privacy Policy"]
    assert git(repo_path, "rev-list", "HEAD").split() == created[::-1]
    body = git(repo_path, "log", "-1", "--format=%B", created[0])
    assert "Fetcher: import\n" in body and "Source-URL: file:///in/1.md\n" in body
    fsck(repo_path)


def test_insert_twice_adds_nothing(repo, repo_path):
    items = [item(d, f"Text {d // 2}") for d in range(10)]
    first = repo.insert_versions("privacy-policy", items)
    head = git(repo_path, "rev-parse", "HEAD")
    reflog = git(repo_path, "reflog")
    assert len(first) == 5
    assert repo.insert_versions("privacy-policy", items) == []
    assert repo.insert_versions("privacy-policy", list(reversed(items))[:4]) == []
    assert git(repo_path, "rev-parse", "HEAD") == head
    assert git(repo_path, "reflog") == reflog  # the branch was not even touched


def test_newer_items_append_without_rewriting(repo, repo_path):
    a = repo.record("privacy-policy", ex("A"), META, T0, "Privacy Policy")
    created = repo.insert_versions("privacy-policy", [item(1, "B"), item(2, "C")])
    assert git(repo_path, "rev-list", "HEAD").split() == created[::-1] + [a]


def test_older_items_rebuild_history_preserving_other_documents(repo, repo_path):
    pp1 = repo.record("privacy-policy", ex("P one"), META, T0 + timedelta(days=10),
                      "Privacy Policy")
    terms = repo.record("terms", ex("Terms one"), META, T0 + timedelta(days=11, hours=3),
                        "Terms of Service")
    pp2 = repo.record("privacy-policy", ex("P two"), META, T0 + timedelta(days=20),
                      "Privacy Policy")
    terms_before = git(repo_path, "log", "-1", "--format=%an%x1f%aI%x1f%cI%x1f%B", terms)
    old_head = git(repo_path, "rev-parse", "HEAD").strip()

    created = repo.insert_versions("privacy-policy", [
        item(1, "P zero"), item(15, "P one and a half"), item(25, "P three")])
    assert len(created) == 3
    log = doc_log(repo_path)
    assert [row[0][:10] for row in log] == [
        "2024-01-26", "2024-01-21", "2024-01-16", "2024-01-11", "2024-01-02"]
    assert [row[2].split(" of ")[0] for row in log] == [
        "Record new changes", "Record new changes", "Record new changes",
        "Record new changes",  # was the first record, now follows an older version
        "First record"]
    # the whole branch stays linear and in date order
    dates = git(repo_path, "log", "--format=%at").split()
    assert dates == sorted(dates, reverse=True)
    assert git(repo_path, "rev-list", "--merges", "HEAD") == ""
    # the other document's commit: same author, dates, message and content
    new_terms = git(repo_path, "log", "--format=%H", "--", "terms.md").split()
    assert len(new_terms) == 1 and new_terms[0] != terms
    assert git(repo_path, "log", "-1", "--format=%an%x1f%aI%x1f%cI%x1f%B",
                   new_terms[0]) == terms_before
    assert git(repo_path, "show", f"{new_terms[0]}:terms.md") == "Terms one\n"
    assert git(repo_path, "show", f"{new_terms[0]}:privacy-policy.md") == "P one\n"
    # texts line up with their dates; pp1/pp2 content preserved in the rebuilt commits
    texts = [repo.text_at(v.commit, "privacy-policy") for v in repo.versions("privacy-policy")]
    assert texts == ["P three\n", "P two\n", "P one and a half\n", "P one\n", "P zero\n"]
    assert {pp1, pp2}.isdisjoint(v.commit for v in repo.versions("privacy-policy"))
    # the old chain is still reachable from the reflog: nothing lost, fsck clean
    assert old_head in git(repo_path, "reflog", "--format=%H")
    assert git(repo_path, "status", "--porcelain") == ""
    fsck(repo_path)
    # and doing it again changes nothing
    head = git(repo_path, "rev-parse", "HEAD")
    assert repo.insert_versions("privacy-policy", [
        item(1, "P zero"), item(15, "P one and a half"), item(25, "P three")]) == []
    assert git(repo_path, "rev-parse", "HEAD") == head


def test_existing_capture_repeating_an_inserted_text_is_dropped(repo, repo_path):
    repo.record("privacy-policy", ex("A"), META, T0, "Privacy Policy")
    repo.record("privacy-policy", ex("B", b"<p>B</p>", "html"), META, T0 + timedelta(days=10),
                "Privacy Policy")
    repo.record("terms", ex("T"), META, T0 + timedelta(days=12), "Terms")
    # the archive shows B was already online on day 5: B's version is the earlier capture
    created = repo.insert_versions("privacy-policy", [item(5, "B", ext="txt")])
    versions = repo.versions("privacy-policy")
    assert [v.commit for v in versions][0] == created[0]
    assert [v.date.day for v in versions] == [6, 1]
    assert [repo.text_at(v.commit, "privacy-policy") for v in versions] == ["B\n", "A\n"]
    # the raw snapshot is the one of the surviving capture; no stale raw file is left over
    assert repo.raw_at("HEAD", "privacy-policy") == (b"B", "txt")
    assert git(repo_path, "ls-tree", "-r", "--name-only", "HEAD").split() == [
        "privacy-policy.md", "raw/privacy-policy.txt", "raw/terms.html", "terms.md"]
    assert len(repo.versions("terms")) == 1
    fsck(repo_path)


def test_insert_keeps_raw_extension_consistent_when_replaying(repo, repo_path):
    repo.record("privacy-policy", ex("A", b"%PDF a", "pdf"), META, T0 + timedelta(days=3), "P")
    repo.record("privacy-policy", ex("B", b"<p>B</p>", "html"), META,
                T0 + timedelta(days=6), "P")
    repo.insert_versions("privacy-policy", [item(1, "Z", ext="md")])
    for v in repo.versions("privacy-policy"):
        names = git(repo_path, "ls-tree", "--name-only", v.commit, "raw/").split()
        assert len(names) == 1, (v.date, names)
    assert repo.raw_at("HEAD", "privacy-policy") == (b"<p>B</p>", "html")


def test_technical_items_and_titles(repo, repo_path):
    repo.insert_versions("privacy-policy", [
        item(1, "A"),
        ImportItem(date=T0 + timedelta(days=2), extracted=ex("A, cleaned"),
                   meta=RecordMeta(fetcher="reextract", technical=True), title="Privacy Policy"),
    ], company_name="ACME Corporation")
    subjects = [row[2] for row in doc_log(repo_path)]
    assert subjects == [
        "Re-extract ACME Corporation Privacy Policy (technical change, not a policy change)",
        "First record of ACME Corporation Privacy Policy"]
    assert [v.technical for v in repo.versions("privacy-policy")] == [True, False]


def test_text_seen_again_after_an_inserted_version_comes_back(repo, repo_path):
    """Live tracking saw A on days 10 and 12 (one version); the archive then shows B on day
    11. The current text must stay A: it comes back on day 12, the capture that saw it."""
    live = RecordMeta(source_url="https://acme.test/privacy", status=200,
                      content_type="text/html", fetcher="http")
    repo.record("privacy-policy", ex("A"), live, T0 + timedelta(days=10), "Privacy Policy")
    assert repo.record("privacy-policy", ex("A"), live, T0 + timedelta(days=12),
                       "Privacy Policy") is None
    created = repo.insert_versions("privacy-policy", [item(11, "B", fetcher="wayback")])
    assert len(created) == 1
    versions = repo.versions("privacy-policy")
    assert [(v.date.day, repo.text_at(v.commit, "privacy-policy")) for v in versions] == [
        (13, "A\n"), (12, "B\n"), (11, "A\n")]
    back = versions[0]
    assert back.subject == "Record new changes of Acme Inc Privacy Policy"
    assert back.trailers["Fetcher"] == "http" and back.trailers["HTTP-Status"] == "200"
    assert back.trailers["Change-Kind"] == "policy"
    assert repo.raw_at(back.commit, "privacy-policy") == (b"<p>A\n</p>", "html")
    assert repo.latest_text("privacy-policy") == "A\n"
    fsck(repo_path)
    # all of it again: nothing new
    head = repo.head()
    assert repo.insert_versions("privacy-policy", [item(11, "B", fetcher="wayback")]) == []
    assert repo.head() == head


def test_skipped_import_captures_are_remembered_across_calls(repo):
    repo.insert_versions("privacy-policy", [item(0, "A"), item(2, "A")])
    repo.insert_versions("privacy-policy", [item(1, "B")])
    texts = [(v.date.day, repo.text_at(v.commit, "privacy-policy"))
             for v in repo.versions("privacy-policy")]
    assert texts == [(3, "A\n"), (2, "B\n"), (1, "A\n")]


def test_unreadable_seen_file_only_costs_precision(repo, repo_path, caplog):
    repo.insert_versions("privacy-policy", [item(0, "A"), item(2, "A")])
    seen = repo_path / ".git" / "policy-tracker" / "seen" / "privacy-policy.json"
    assert seen.is_file()
    seen.write_text("{not json")
    created = repo.insert_versions("privacy-policy", [item(1, "B")])
    assert len(created) == 1 and "ignoring unreadable" in caplog.text
    assert [v.date.day for v in repo.versions("privacy-policy")] == [2, 1]
    fsck(repo_path)
