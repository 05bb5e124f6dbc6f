"""Full-text search (Pagefind) on the built site, in real headless Chromium, preview_url by the
tracker's own preview server (`tracker serve`)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tracker.publish.search import pagefind_command

pytestmark = pytest.mark.browser


def test_the_index_is_built_with_the_site(site: Path) -> None:
    assert pagefind_command() is not None, "pagefind[bin] is a dependency"
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert (site / "pagefind" / "pagefind-ui.js").is_file()


def test_search_finds_a_phrase_of_an_old_version_with_filters(browser, preview_url: str,
                                                              site: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400
            and not r.url.endswith("/favicon.ico") else None)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    # Only the first version of acme's policy says this; the latest one does not.
    page.goto(preview_url + "search.html?q=" + "as long as necessary to provide the services")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=20000)
    hrefs = [urljoin(page.url, h) for h in page.eval_on_selector_all(
        ".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")]
    paths = [urlsplit(h).path.lstrip("/") for h in hrefs]
    versions = [p for p in paths if "/versions/" in p]
    assert versions, paths
    text = (site / versions[0]).read_text("utf-8")
    assert "as long as necessary to provide the services" in text
    filters = page.evaluate("""async () => {
        const pf = await import('./pagefind/pagefind.js');
        return await pf.filters();
    }""")
    assert {"company", "document", "kind", "verdict", "topic"} <= set(filters)
    assert set(filters["company"]) == {"ACME <Corp> & Co", "Globex", "Initech"}  # names as text
    assert set(filters["verdict"]) <= {"cosmetic", "minor", "substantive", "major"}
    assert set(filters["kind"]) == {"Version", "Change"}
    assert not errors and not dialogs
    assert page.evaluate("window.__pwned") is None


def test_search_from_disk_says_how_to_serve_the_site(browser, site: Path) -> None:
    page = browser.new_page()
    page.goto((site / "search.html").as_uri())
    assert page.is_visible("#search-file")
    assert "tracker serve" in page.inner_text("#search-file")


def test_the_index_follows_the_pages(ws_copy) -> None:  # type: ignore[no-untyped-def]
    """A rebuild with nothing new leaves the index as it was (same files); a new version
    rebuilds it, and the new text is in it."""
    from tracker.publish import build_site

    from tests.support.publish import GLOBEX_V2, record

    ws, config = ws_copy
    bundle = ws.public_dir / "pagefind"
    before = {p: p.stat().st_ino for p in bundle.rglob("*") if p.is_file()}
    build_site(ws, config)
    assert {p: p.stat().st_ino for p in bundle.rglob("*") if p.is_file()} == before
    record(ws, "globex", "privacy-policy", GLOBEX_V2 + "\nZebra-striped retention clause.\n",
           "2024-07-01")
    build_site(ws, config)
    entry = (bundle / "pagefind-entry.json").read_text()
    assert entry != "" and {p for p in bundle.rglob("*") if p.is_file()} != set(before)
