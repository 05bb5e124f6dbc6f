"""`tracker demo` end to end: real server, real tracking runs, real git repositories, site."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tracker.config.loading import load_config
from tracker.demo.run import MARKER_NAME, DemoResult, SampleSet, prepare_target, run_demo
from tracker.errors import UsageError

from tests.support.git import fsck, git

CHROME_PHRASES = ("Subscribe to our newsletter", "All rights reserved", "Accept all",
                  "Manage preferences", "Log in", "Was this page helpful?", "Breadcrumb",
                  "Cookie settings", "Home \u203a")


def _commits(repo: Path, doc_type: str = "privacy-policy") -> list[tuple[str, str]]:
    """(author date ISO, subject) of the commits touching the document, oldest first."""
    out = git(repo, "log", "--reverse", "--format=%aI|%cI|%s", "--", f"{doc_type}.md")
    rows = []
    for line in out.splitlines():
        author, committer, subject = line.split("|", 2)
        assert author == committer
        rows.append((author, subject))
    return rows


def test_one_commit_per_real_revision_with_its_date(demo_run: DemoResult,
                                                    samples: SampleSet) -> None:
    assert demo_run.failures == []
    total = 0
    for company in samples.companies:
        repo = demo_run.snapshots_dir / company.slug
        history = samples.history(company.slug, "privacy-policy")
        commits = _commits(repo)
        # the date-stamp-only revision is a new version too: its text differs
        assert [c[0] for c in commits] == [
            datetime(v.date.year, v.date.month, v.date.day, 12, tzinfo=timezone.utc).isoformat()
            for v in history]
        assert commits[0][1] == f"First record of {company.name} Privacy Policy"
        assert all(s == f"Record new changes of {company.name} Privacy Policy"
                   for _, s in commits[1:])
        fsck(repo)
        assert git(repo, "status", "--porcelain") == ""
        total += len(commits)
    assert total == demo_run.versions_recorded == demo_run.versions_expected


def test_stored_text_is_the_policy_without_page_chrome(demo_run: DemoResult,
                                                        samples: SampleSet) -> None:
    for company in samples.companies:
        text = (demo_run.snapshots_dir / company.slug / "privacy-policy.md").read_text("utf-8")
        for phrase in CHROME_PHRASES:
            assert phrase not in text, f"{company.slug}: page chrome {phrase!r} was recorded"
    connact = (demo_run.snapshots_dir / "connact" / "privacy-policy.md").read_text("utf-8")
    assert "This document was last updated on March 18, 2025" in connact
    assert "We may share personally identifiable information with third parties" in connact
    konnektive = (demo_run.snapshots_dir / "konnektive" / "privacy-policy.md").read_text("utf-8")
    assert "are kept for 90 days and then deleted" in konnektive


def test_one_tracking_run_per_date_with_conditional_requests(demo_run: DemoResult,
                                                             samples: SampleSet) -> None:
    assert list(demo_run.outcomes) == [d.isoformat() for d in samples.dates()]
    statuses = [s for day in demo_run.outcomes.values() for (_, _, s) in day]
    assert statuses.count("new") == len(samples.companies)
    # unchanged pages are answered 304 thanks to the stored ETag; a new copyright year in the
    # footer changes the page but not the policy, which must not make a version either
    assert "not-modified" in statuses and "unchanged" in statuses
    assert "failed" not in statuses
    # a company is tracked only once its policy exists
    first_day = demo_run.outcomes[samples.dates()[0].isoformat()]
    assert [c for c, _, _ in first_day] == ["connio"]


def test_workspace_config_points_at_the_local_server(demo_run: DemoResult) -> None:
    config = load_config(demo_run.workspace / "tracker.toml")
    assert config.fetch.per_host_delay == 0
    assert config.site.title
    urls = [d.url for c in config.companies for d in c.documents]
    assert len(urls) == 5 and all(u.startswith("http://127.0.0.1:") for u in urls)
    assert (demo_run.workspace / MARKER_NAME).is_file()


def test_site_is_built_and_lists_the_companies(demo_run: DemoResult,
                                               samples: SampleSet) -> None:
    if demo_run.site_index is None:
        pytest.skip(f"publishing not available in this build: {demo_run.site_error}")
    assert demo_run.site_index == demo_run.workspace / "public" / "index.html"
    html = demo_run.site_index.read_text("utf-8")
    for company in samples.companies:
        assert company.name in html
    assert any(line.startswith("Site built:") for line in demo_run.echoed)


def test_refuses_a_non_empty_directory_that_is_not_a_demo(tmp_path: Path) -> None:
    precious = tmp_path / "notes.txt"
    precious.write_text("keep me")
    with pytest.raises(UsageError, match="not empty"):
        run_demo(tmp_path, echo=lambda _: None)
    assert precious.read_text() == "keep me" and sorted(tmp_path.iterdir()) == [precious]
    with pytest.raises(UsageError, match="not a directory"):
        prepare_target(precious)


def test_default_target_is_relative_to_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert prepare_target(Path("demo")) == tmp_path / "demo"
    assert (tmp_path / "demo" / MARKER_NAME).is_file()


@pytest.mark.slow
def test_cli_rerun_over_a_previous_demo_recreates_it(tmp_path: Path) -> None:
    """`python -m tracker demo DIR` from an unrelated directory, twice over the same DIR."""
    target = tmp_path / "my demo"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
           "GIT_CONFIG_NOSYSTEM": "1"}
    run_demo(target, echo=lambda _: None, build_site=False)
    stale = target / "snapshots" / "konnektive" / "stale.txt"
    stale.write_text("left over from the previous run")
    extra_repo = target / "snapshots" / "old-company"
    extra_repo.mkdir()
    proc = subprocess.run([sys.executable, "-m", "tracker", "demo", str(target)], cwd=elsewhere,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert not stale.exists() and not extra_repo.exists()
    assert f"Repositories: {target / 'snapshots'}" in proc.stdout
    assert "Website:" in proc.stdout
    for slug in ("konnektive", "connact", "konstant-infosolutions", "connectsolutions",
                 "connio"):
        assert len(_commits(target / "snapshots" / slug)) >= 3
    assert list(elsewhere.iterdir()) == []


def test_feeds_announce_the_real_changes_and_skip_the_date_stamp(demo_run: DemoResult) -> None:
    feedparser = pytest.importorskip("feedparser")
    if demo_run.site_index is None:
        pytest.skip(f"publishing not available in this build: {demo_run.site_error}")
    feed = feedparser.parse(str(demo_run.workspace / "public" / "feeds" / "all.atom"))
    assert not feed.bozo, feed.get("bozo_exception")
    entries = [(e.get("updated", "")[:10], e.title + " " + e.get("summary", ""))
               for e in feed.entries]
    # the intended substantive revisions are all there (8 of them)...
    assert len(entries) >= 8
    assert any(day == "2021-03-01" and "Stripe" in text for day, text in entries)
    assert any(day == "2025-03-18" and "CONNACT" in text for day, text in entries)
    # ...but neither first records nor the date-stamp-only update are news
    days = {day for day, _ in entries}
    assert "2024-02-12" not in days and "2015-05-01" not in days


@pytest.mark.browser
def test_demo_site_opens_in_chromium(demo_run: DemoResult, chromium_path: Path) -> None:
    if demo_run.site_index is None:
        pytest.skip(f"publishing not available in this build: {demo_run.site_error}")
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium_path), headless=True,
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(demo_run.site_index.as_uri())
            assert page.locator("#company-table tbody tr").count() == 5
            page.locator("a.company-link", has_text="CONNACT").first.click()
            page.wait_for_url("**/companies/connact/index.html")
            assert page.locator("h1").inner_text().strip() == "CONNACT"
            # the 2024-09-03 revision's story leads its headline (snapshots/connact/.../CHANGES.toml:
            # "Children's age threshold lowered from 18 to 16; Google Analytics named, …")
            assert "under 16 (was: 18)" in page.content()
        finally:
            browser.close()
    assert errors == []


def test_demo_feeds_link_to_the_local_preview(demo_run: DemoResult) -> None:
    """The demo sets base_url to the local preview URL and says so: feed links are absolute
    and each one names a page the preview server would serve."""
    import feedparser

    from tracker.demo.run import PREVIEW_URL

    assert load_config(demo_run.workspace / "tracker.toml").site.base_url == PREVIEW_URL
    assert any(PREVIEW_URL in line and "base_url" in line for line in demo_run.echoed)
    public = demo_run.workspace / "public"
    parsed = feedparser.parse((public / "feeds/all.rss").read_bytes())
    assert parsed.feed.link == PREVIEW_URL + "index.html" and parsed.entries
    for entry in parsed.entries:
        assert entry.link.startswith(PREVIEW_URL)
        assert (public / entry.link.removeprefix(PREVIEW_URL)).is_file(), entry.link
