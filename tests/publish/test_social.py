"""Link previews: Open Graph and Twitter card tags on every page; canonical URL with base_url."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tracker.publish import build_site

from tests.support.publish import config_for


def _meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_preview_tags_without_canonical(site: Path) -> None:
    for page in site.rglob("*.html"):
        if page.name.startswith("page-") or "pagefind" in page.parts:
            continue
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        assert _meta(soup, "og:title") == soup.title.get_text(), page
        assert _meta(soup, "og:description"), page
        assert _meta(soup, "twitter:card") == "summary", page
        assert soup.find("link", rel="canonical") is None and _meta(soup, "og:url") is None


def test_canonical_url_with_base_url(ws_copy) -> None:
    ws, _ = ws_copy
    build_site(ws, config_for(ws.root, base_url="https://watch.example/sub/"))
    change = next((ws.public_dir / "companies/acme/privacy-policy/changes").glob("2024-06-15-*"))
    soup = BeautifulSoup(change.read_text("utf-8"), "html.parser")
    url = f"https://watch.example/sub/companies/acme/privacy-policy/changes/{change.name}"
    assert soup.find("link", rel="canonical")["href"] == url
    assert _meta(soup, "og:url") == url
    assert _meta(soup, "og:description") == soup.find("h1").get_text(strip=True)


def test_failing_documents_first_on_status_and_marked_on_index(site: Path) -> None:
    soup = BeautifulSoup((site / "status.html").read_text("utf-8"), "html.parser")
    rows = soup.select("table.status-table tbody tr")
    failing = [r.get("class") == ["row-failing"] for r in rows]
    assert failing[0] and "Globex" in rows[0].get_text()      # fixture: Globex is failing
    assert failing == sorted(failing, reverse=True)          # all failing rows come first
    index = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    marked = [r.th.a.get_text() for r in index.select("#company-table tbody tr")
              if r.select_one(".status-failing")]
    assert marked == ["Globex"]
