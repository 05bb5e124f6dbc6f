"""reextract: the latest raw snapshot re-run through extraction, committed as technical."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.support.git import fsck, git
from tests.support.records import META, T0
from tracker.errors import ExtractionError
from tracker.extract import extract
from tracker.models import DocumentConfig, Extracted, RecordMeta
from tracker.ingest.reextract import reextract

URL = "https://acme.test/privacy"
HTML = (b"<html><body><main><h1>Privacy Policy</h1><p>We collect your e-mail address.</p>"
        b"<p class='printed'>Printed copy for reference number 12.</p></main></body></html>")
NOW = datetime(2024, 6, 1, 9, 0, tzinfo=timezone.utc)


def test_reextract_commits_a_technical_change_on_top(repo, repo_path):
    loose = DocumentConfig(type="privacy-policy", url=URL)
    repo.record("privacy-policy", extract(HTML.replace(b"e-mail", b"email"), "text/html", URL,
                                          loose), META, T0, "Privacy Policy")
    old = repo.record("privacy-policy", extract(HTML, "text/html", URL, loose), META,
                      T0 + timedelta(days=5), "Privacy Policy")
    assert "Printed copy" in repo.latest_text("privacy-policy")
    history_before = git(repo_path, "rev-list", "HEAD").split()

    strict = DocumentConfig(type="privacy-policy", url=URL, remove=(".printed",))
    sha = reextract(repo, "Acme Inc", strict, now=NOW)

    assert sha is not None
    assert git(repo_path, "rev-list", "HEAD").split() == [sha] + history_before
    assert "Printed copy" not in repo.latest_text("privacy-policy")
    assert "We collect your e-mail address." in repo.latest_text("privacy-policy")
    newest = repo.versions("privacy-policy")[0]
    assert newest.technical and newest.date == NOW
    assert newest.subject == \
        "Re-extract Acme Inc Privacy Policy (technical change, not a policy change)"
    assert newest.trailers["Fetcher"] == "reextract"
    assert newest.trailers["Change-Kind"] == "technical"
    assert newest.trailers["Source-URL"] == URL and newest.trailers["HTTP-Status"] == "200"
    assert repo.raw_at(sha, "privacy-policy") == repo.raw_at(old, "privacy-policy")
    assert "Printed copy" in repo.text_at(old, "privacy-policy")  # history stays as captured
    # a second run finds nothing to do
    assert reextract(repo, "Acme Inc", strict, now=NOW + timedelta(hours=1)) is None
    assert git(repo_path, "rev-parse", "HEAD").strip() == sha
    fsck(repo_path)


def test_reextract_markdown_snapshot_renormalises(repo):
    raw = b"# Terms\r\n\r\n\r\n* You agree.   \r\n"
    repo.record("terms", Extracted(text="# Terms\n\n\n* You agree.\n", raw=raw, raw_ext="md"),
                RecordMeta(fetcher="import"), T0, "Terms")
    sha = reextract(repo, "Acme Inc", DocumentConfig(type="terms", url=URL), now=NOW)
    assert sha is not None
    assert repo.latest_text("terms") == "# Terms\n\n- You agree.\n"


def test_nothing_stored_or_unusable_snapshot(repo, repo_path):
    doc = DocumentConfig(type="privacy-policy", url=URL)
    assert reextract(repo, "Acme Inc", doc, now=NOW) is None
    repo.record("privacy-policy", Extracted(text="Old text.\n", raw=b"<html><body></body></html>",
                                            raw_ext="html"), META, T0, "Privacy Policy")
    head = git(repo_path, "rev-parse", "HEAD")
    with pytest.raises(ExtractionError):
        reextract(repo, "Acme Inc", doc, now=NOW)
    assert git(repo_path, "rev-parse", "HEAD") == head
    assert repo.latest_text("privacy-policy") == "Old text.\n"
