"""Long change lists ("All changes", topic pages) are split into linked pages, newest first."""

from __future__ import annotations

import json

from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tracker.publish import build_site
from tracker.workspace import Workspace

from tests.support.publish import config_for, record
from tests.support.sitecheck import html_files, links, resolve

PER_PAGE = 10


def _many_changes(root: Path, versions: int) -> tuple[Workspace, object]:
    """One document with `versions` versions, each keeping data for a different time (a
    retention change every time, so every change is listed under the retention topic)."""
    root.mkdir(parents=True)
    ws = Workspace(root)
    start = date(2023, 1, 1)
    for n in range(versions):
        text = (f"# Privacy\n\n## Retention\n\nWe keep your account data for {n + 1} days "
                "after you close your account.\n")
        record(ws, "globex", "privacy-policy", text, (start + timedelta(days=n)).isoformat())
    return ws, config_for(root, changes_per_page=PER_PAGE)


def _titles(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    return [a.get_text() for a in soup.select("ol.changes a.headline")]


@pytest.mark.slow
def test_all_changes_are_split_into_linked_pages_newest_first(tmp_path: Path) -> None:
    ws, config = _many_changes(tmp_path / "ws", 26)  # 25 changes: pages of 10, 10, 5
    out = tmp_path / "site"
    report = build_site(ws, config, out)
    assert not report.errors
    pages = [out / "changes.html", out / "changes/page-2.html", out / "changes/page-3.html"]
    assert all(p.is_file() for p in pages) and not (out / "changes/page-4.html").exists()
    counts = [len(_titles(p)) for p in pages]
    assert counts == [10, 10, 5]
    for page in pages:  # every page states the whole count and its place
        text = BeautifulSoup(page.read_text("utf-8"), "html.parser").get_text(" ")
        assert "25 changes" in text
    soup = BeautifulSoup(pages[1].read_text("utf-8"), "html.parser")
    assert "Page 2 of 3" in soup.select_one("nav.pager").get_text()
    newer = soup.select_one("nav.pager a[rel=prev]")["href"]
    older = soup.select_one("nav.pager a[rel=next]")["href"]
    assert resolve(out, pages[1], newer) == pages[0]
    assert resolve(out, pages[1], older) == pages[2]
    # newest first across pages: the first page's first change is the last version's
    dates = []
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        dates += [t["datetime"] for t in soup.select("ol.changes time")]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) == 25
    topic = out / "topics/retention.html"
    assert len(_titles(topic)) == 10 and (out / "topics/retention/page-3.html").is_file()
    for page in html_files(out):  # every link of every page resolves
        for _tag, _attr, value in links(page):
            target = resolve(out, page, value)
            assert target is None or target.exists(), (page, value)


def test_one_page_sites_look_as_before_and_pages_shrink_away(tmp_path: Path) -> None:
    ws, config = _many_changes(tmp_path / "ws", 4)
    out = tmp_path / "site"
    build_site(ws, config, out)
    assert not (out / "changes").exists()
    assert not BeautifulSoup((out / "changes.html").read_text("utf-8"),
                             "html.parser").select("nav.pager")
    ws2, config2 = _many_changes(tmp_path / "ws2", 13)
    build_site(ws2, config2, out)
    assert (out / "changes/page-2.html").is_file()
    build_site(ws, config, out)  # fewer changes again: the second page is gone
    assert not (out / "changes/page-2.html").exists()


@pytest.mark.slow
def test_a_new_change_rebuilds_the_pages_and_nothing_new_rebuilds_none(tmp_path: Path) -> None:
    ws, config = _many_changes(tmp_path / "ws", 26)
    out = tmp_path / "site"
    build_site(ws, config, out)
    assert build_site(ws, config, out).written == ()
    record(ws, "globex", "privacy-policy", "# Privacy\n\n## Retention\n\nWe keep your "
           "account data for 400 days after you close your account.\n", "2024-06-01")
    build_site(ws, config, out)
    assert len(_titles(out / "changes/page-3.html")) == 6  # 26 changes now
    first = _titles(out / "changes.html")[0]
    assert first and "400" in (out / "changes.html").read_text("utf-8")


def test_versions_captured_in_the_same_second_keep_the_order_of_record(tmp_path) -> None:
    """Two different texts recorded with the same capture second: the site shows the later
    record as the latest version and as a change of the earlier one (git's order breaks the
    tie, never the order in which `git log` lists them)."""
    from datetime import datetime, timezone

    from tracker.models import Extracted, RecordMeta
    from tracker.publish import build_site
    from tracker.storage.repo import CompanyRepo
    from tracker.workspace import Workspace

    ws = Workspace.init(tmp_path / "ws")
    ws.config_path.write_text('[site]\nbase_url = "https://example.org/"\n\n[[companies]]\n'
                              'slug = "acme"\n\n[[companies.documents]]\ntype = "privacy-policy"\n'
                              'url = "https://acme.example/p"\n', encoding="utf-8")
    when = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)
    repo = CompanyRepo.open(ws.repo_path("acme"), create=True)
    first = "# Privacy\n\nWe keep data for 30 days.\n"
    second = "# Privacy\n\nWe keep data for 90 days.\n"
    commits = [repo.record("privacy-policy", Extracted(text, text.encode(), "md"),
                           RecordMeta(source_url="https://acme.example/p"), when,
                           "Privacy Policy") for text in (first, second)]
    repo.close()
    build_site(ws, ws.load_config())
    data = json.loads((ws.public_dir / "api/companies/acme.json").read_text("utf-8"))
    doc = data["documents"][0]
    assert [v["commit"] for v in doc["versions"]] == commits[::-1]     # newest first
    report = json.loads((ws.public_dir / doc["changes"][0]["report"]).read_text("utf-8"))
    assert (report["old"]["commit"], report["new"]["commit"]) == tuple(commits)
