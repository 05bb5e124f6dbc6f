"""Evidence on the site: archive snapshot URLs, the raw capture page, anchors on changes.

The raw capture is hostile HTML (scripts, handlers, a refresh, an attempt to close the
``<pre>``); its page must show it as text and nothing of it may run in real Chromium.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tracker.publish.evidence import anchor_changes, archive_source, raw_page_path
from tracker.publish.sanitize import sanitize_html

from tests.support.evidence import HOSTILE, ORIGINAL, SNAPSHOT

def _pages(site: Path, folder: str) -> list[Path]:
    return sorted(p for p in (site / "companies/archived/privacy-policy" / folder).iterdir()
                  if not p.name.endswith(".raw.html"))


def test_archive_source_parses_wayback_urls() -> None:
    src = archive_source(SNAPSHOT)
    assert src is not None and src.original_url == ORIGINAL and src.timestamp == "20190610234532"
    plain = archive_source("http://web.archive.org/web/2019/https://a.example/p?x=1")
    assert plain is not None and plain.original_url == "https://a.example/p?x=1"
    odd = archive_source("https://web.archive.org/web/20190610/javascript:alert(1)")
    assert odd is not None and odd.original_url == ""      # never offered as a link
    for url in ("https://archived.example/privacy", "", "javascript:alert(1)",
                "https://web.archive.org.evil.example/web/2019/https://a.example/"):
        assert archive_source(url) is None, url


def test_redline_changes_get_anchors() -> None:
    html = sanitize_html('<div class="redline"><p class="change change-added"><ins>a</ins></p>'
                         '<p class="change change-removed material"><del>b</del></p></div>')
    out = anchor_changes(html)
    assert re.findall(r'id="(change-\d+)"', out) == ["change-1", "change-2"]
    assert 'href="#change-2"' in out and 'class="change change-removed material"' in out
    assert anchor_changes('<p class="x">&lt;p class="change a"&gt;</p>') == (
        '<p class="x">&lt;p class="change a"&gt;</p>')


def test_version_page_cites_its_evidence(evidence_site: Path) -> None:
    first = _pages(evidence_site, "versions")[0]
    soup = BeautifulSoup(first.read_text("utf-8"), "html.parser")
    facts = {dt.get_text(): dd for dt in soup.select("dl.facts dt")
             for dd in [dt.find_next_sibling("dd")]}
    assert facts["Archive snapshot"].a["href"] == SNAPSHOT
    assert facts["Original page"].a["href"] == ORIGINAL
    assert re.fullmatch(r"[0-9a-f]{40}", facts["Commit"].get_text())
    assert facts["Captured"].get_text() == "2019-06-10 09:30 UTC"
    raw_link = facts["Raw capture"].a["href"]
    assert raw_link == Path(raw_page_path(first.name)).name


def test_raw_capture_page_shows_the_bytes_as_text(evidence_site: Path) -> None:
    first = _pages(evidence_site, "versions")[0]
    raw_page = first.with_name(raw_page_path(first.name))
    html = raw_page.read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find_all(["iframe", "img"]) == []
    scripts = soup.find_all("script")   # only the site's own static file, never inline
    assert [s["src"].rsplit("/", 1)[-1] for s in scripts] == ["cosmetic.js"]
    assert not any(s.string for s in scripts)
    assert not [m for m in soup.find_all("meta") if m.get("http-equiv") == "refresh"]
    assert HOSTILE in soup.select_one("pre.raw-capture").get_text()
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "raw/privacy-policy.html" in soup.get_text()


def test_change_page_anchors_each_change(evidence_site: Path) -> None:
    change = _pages(evidence_site, "changes")[0]
    soup = BeautifulSoup(change.read_text("utf-8"), "html.parser")
    ids = [p["id"] for p in soup.select(".redline-box p.change")]
    assert ids and ids == [f"change-{n}" for n in range(1, len(ids) + 1)]
    for p in soup.select(".redline-box p.change"):
        assert p.select_one("a.change-link")["href"] == f"#{p['id']}"


@pytest.mark.browser
def test_nothing_from_the_raw_capture_runs_in_chromium(browser, evidence_site: Path,
                                                        tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 800})
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    version = _pages(evidence_site, "versions")[0]
    page.goto(version.as_uri())
    page.get_by_role("link", name="as stored in git").click()
    page.wait_for_url("**/*.raw.html")
    page.wait_for_timeout(300)   # a meta refresh of 0 s would have fired by now
    assert page.url.endswith(".raw.html")
    assert HOSTILE in page.locator("pre.raw-capture").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(tmp_path / "raw-390.png"), full_page=True)
    change = _pages(evidence_site, "changes")[0]
    page.goto(change.as_uri() + "#change-1")
    assert page.evaluate("document.querySelector(':target').id") == "change-1"
    assert dialogs == []
    assert all(u.startswith("file://") for u in requests), requests
