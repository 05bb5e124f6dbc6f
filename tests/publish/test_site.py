"""The built site: links, escaping, pages, golden output."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.sitecheck import feed_files, html_files, links, resolve

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_FILES = (
    "status.html",
    "about.html",
    "feeds/status.atom",
    "feeds/status.rss",
    "companies/acme/privacy-policy/versions/2024-06-15-617c39b9.html",
    "companies/initech/privacy-policy/versions/2023-05-01-2f011eb0.html",
)


def test_expected_pages_exist(site: Path) -> None:
    for rel in ("index.html", "changes.html", "about.html", "status.html", "topics/index.html",
                "topics/retention.html", "companies/acme/index.html",
                "companies/globex/index.html", "companies/initech/index.html",
                "static/style.css", "static/filter.js", "feeds/all.rss", "feeds/all.atom",
                "feeds/companies/acme.rss", "feeds/companies/acme/privacy-policy.atom",
                "feeds/topics/retention.atom", "feeds/status.rss"):
        assert (site / rel).is_file(), rel
    changes = sorted(p.name for p in (site / "companies/acme/privacy-policy/changes").iterdir())
    # v2, v3 (cosmetic) and v5 are changes; v1 is a first record, v4 a technical baseline.
    assert [n[:10] for n in changes] == ["2024-03-05", "2024-04-01", "2024-06-15"]
    versions = list((site / "companies/acme/privacy-policy/versions").iterdir())
    assert len([v for v in versions if not v.name.endswith(".raw.html")]) == 5
    assert len([v for v in versions if v.name.endswith(".raw.html")]) == 5
    assert not (site / "companies/acme/terms-of-service/changes").exists()


def test_every_relative_link_resolves(site: Path) -> None:
    checked = 0
    for page in html_files(site):
        for tag, attr, value in links(page):
            assert not value.startswith("/"), f"{page}: root-relative {value} breaks sub-paths"
            scheme = value.split(":", 1)[0].lower() if ":" in value.split("/", 1)[0] else ""
            assert scheme in ("", "http", "https", "mailto", "tel"), f"{page}: {tag} {value}"
            target = resolve(site, page, value)
            if target is None:
                continue
            assert target.resolve().is_relative_to(site.resolve()), f"{page}: {value} escapes"
            assert target.is_file(), f"{page.relative_to(site)}: broken {attr}={value}"
            checked += 1
    assert checked > 300


def test_pages_advertise_feeds(site: Path) -> None:
    for page in html_files(site):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        kinds = {tuple(l.get("rel", [])) + (l.get("type"),) for l in soup.find_all("link")}
        assert ("alternate", "application/rss+xml") in kinds, page
        assert ("alternate", "application/atom+xml") in kinds, page
    soup = BeautifulSoup((site / "companies/acme/index.html").read_text("utf-8"), "html.parser")
    hrefs = {l["href"] for l in soup.find_all("link", rel="alternate")}
    assert {"../../feeds/companies/acme.rss",
            "../../feeds/companies/acme/privacy-policy.atom"} <= hrefs


def test_policy_and_config_text_is_escaped_everywhere(site: Path) -> None:
    for path in [*html_files(site), *feed_files(site)]:
        text = path.read_text("utf-8")
        assert "<script>window.__pwned" not in text, path
        assert "<script>alert" not in text, path
        assert not re.search(r"<img[^>]*onerror", text, re.I), path
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):""",
                             text, re.I), path
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text), path
    for page in html_files(site):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for script in soup.find_all("script"):   # only our own static files, never inline
            assert script.get("src", "").endswith(
                ("static/filter.js", "static/search.js", "static/cosmetic.js",
                 "pagefind/pagefind-ui.js", "compare-data.js", "static/compare.js",
                 "static/vendor/jsdiff/diff.min.js")), page
            assert not script.string
        for tag in soup.find_all(True):
            assert not any(a.lower().startswith("on") for a in tag.attrs), (page, tag.name)
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp and "script-src 'self'" in csp["content"] and "default-src 'none'" in csp[
            "content"]


def test_injected_policy_renders_faithfully(site: Path) -> None:
    page = site / "companies/acme/privacy-policy/versions/2024-06-15-617c39b9.html"
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    body = soup.select_one(".policy-text")
    text = body.get_text()
    assert "<script>window.__pwned=1</script>" in text      # shown as text, not run
    assert "[our notice](javascript:alert(1))" in text       # the unsafe link is not a link
    assert "国际传输 / Международная передача" in text
    assert "Ваши данные могут передаваться" in text and "البيانات" in text
    assert "x" * 3000 in text
    assert "Control characters:[31m end." in text
    assert body.find("h3", string="Children") is not None  # policy outline under the page h1
    meta = soup.select_one(".facts").get_text(" ")
    assert "2024-06-15 09:30 UTC" in meta and "https://acme.example/privacy" in meta


def test_company_page_has_timeline_chart_and_badges(site: Path) -> None:
    soup = BeautifulSoup((site / "companies/acme/index.html").read_text("utf-8"), "html.parser")
    assert soup.find("h1").get_text() == "ACME <Corp> & Co"
    assert soup.find("main") and soup.find("header") and soup.find("footer") and soup.find("nav")
    svg = soup.select_one("#doc-privacy-policy svg.chart")
    assert svg is not None and svg.find("title") is not None
    assert len(svg.select("path")) == 1
    markers = svg.select("a circle")
    assert len(markers) == 3  # one per change, coloured by verdict
    items = soup.select("#doc-privacy-policy .timeline > li")
    assert len(items) == 5
    assert "first record" in items[-1].get_text()
    assert "re-extracted" in items[1].get_text()
    assert all(i.select_one(".badge") for i in items)
    # javascript: homepage of Globex is shown as text, never as a link
    globex = (site / "companies/globex/index.html").read_text("utf-8")
    assert "javascript:alert(4)" in globex and 'href="javascript' not in globex


def test_change_page_links_prev_next_and_versions(site: Path) -> None:
    base = site / "companies/acme/privacy-policy"
    page = next((base / "changes").glob("2024-04-01-*.html"))
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    pager = soup.select_one("nav.pager")
    prev = pager.find("a", rel="prev")["href"]
    nxt = pager.find("a", rel="next")["href"]
    assert prev.startswith("2024-03-05-") and nxt.startswith("2024-06-15-")
    versions = [a["href"] for a in pager.select(".versions a")]
    assert versions[0].startswith("../versions/2024-03-05-")
    assert versions[1].startswith("../versions/2024-04-01-")
    assert soup.find("h1").get_text(strip=True)
    assert soup.select_one(".badge")
    # cosmetic: no empty redline box, but what the cosmetic change was
    assert soup.select_one(".redline-box") is None and soup.select_one(".cosmetic-section")
    substantive = next((base / "changes").glob("2024-03-05-*.html"))
    soup = BeautifulSoup(substantive.read_text("utf-8"), "html.parser")
    redline = soup.select_one(".redline-box")
    assert redline.find("ins") is not None and "30 days" in redline.get_text()
    assert soup.find("a", rel="prev") is None and soup.find("a", rel="next") is not None
    assert soup.select(".bullets li") and soup.select(".tags a")
    # the headline is never listed again as a bullet under itself
    headline = soup.find("h1").get_text(" ", strip=True)
    assert headline not in [li.get_text(" ", strip=True) for li in soup.select(".bullets li")]


def test_index_lists_companies_with_last_change(site: Path) -> None:
    soup = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    rows = soup.select("#company-table tbody tr")
    names = [r.find("th").a.get_text(strip=True) for r in rows]
    assert names == ["ACME <Corp> & Co", "Globex", "Initech"]
    acme = rows[0].find_all("td")
    assert acme[1].get_text(strip=True) == "6"          # 5 privacy + 1 terms versions
    assert acme[2].get_text(strip=True) == "2024-06-15"
    assert rows[0].select_one(".badge")
    assert soup.select_one("input#filter") is not None
    latest = soup.select("ol.changes > li")
    assert len(latest) == 5


def test_status_page_shows_fetch_health_and_events(site: Path) -> None:
    soup = BeautifulSoup((site / "status.html").read_text("utf-8"), "html.parser")
    rows = {r.find("th").get_text(strip=True) + "/" + r.find_all("td")[0].get_text(strip=True):
            [td.get_text(" ", strip=True) for td in r.find_all("td")]
            for r in soup.select(".status-table tbody tr")}
    globex = rows["Globex/Privacy Notice"]
    assert "failing × 2" in globex[2] and globex[4] == "2" and "timeout" in globex[5]
    assert "2024-06-16" in globex[3]
    events = soup.select("ol.events li")
    assert [e.select_one(".status").get_text() for e in events] == ["recovered", "failing"]
    about = (site / "about.html").read_text("utf-8")
    assert "https://acme.example/terms?x=&lt;b&gt;" in about


@pytest.mark.parametrize("rel", GOLDEN_FILES)
def test_golden_output(site: Path, rel: str) -> None:
    """Stable pages/feeds compared byte for byte; UPDATE_GOLDEN=1 regenerates them."""
    golden = GOLDEN / rel.replace("/", "__")
    actual = (site / rel).read_bytes()
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
    assert golden.is_file(), f"missing golden file {golden}; run with UPDATE_GOLDEN=1"
    assert actual == golden.read_bytes(), f"{rel} differs from {golden}"


def test_pages_are_accessible_landmarks_and_headings(site: Path) -> None:
    for page in html_files(site):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        assert soup.html.get("lang") == "en", page
        assert soup.find("meta", attrs={"name": "viewport"}), page
        assert len(soup.find_all("h1")) == 1, page
        assert soup.find("main", id="main") and soup.find("header") and soup.find("footer")
        assert soup.find("nav", attrs={"aria-label": "Site"}), page
        assert soup.find("a", class_="skip", href="#main"), page
        levels = [int(h.name[1]) for h in soup.find_all(re.compile("^h[1-6]$"))
                  if not h.find_parent(class_="policy-text")
                  and not h.find_parent(class_="redline-box")]
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (page, levels)
        for table in soup.find_all("table"):
            assert table.find("th", scope=True), page


def test_print_and_responsive_styles() -> None:
    from tracker.publish.render import templates_dir
    css = (templates_dir() / "static" / "style.css").read_text("utf-8")
    assert "@media print" in css and "@media (max-width" in css
    assert "url(" not in css and "@import" not in css   # no external fonts or images
