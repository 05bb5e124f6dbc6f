"""Link previews: Open Graph and Twitter card tags on every page; canonical URL with base_url."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tracker.publish import build_site

from .fixture import config_for


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
