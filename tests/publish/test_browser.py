"""The built site in real headless Chromium, served from a sub-path of a local web server."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.slow
def test_visitor_journey(browser, site_url: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    dialogs: list[str] = []
    errors: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))

    page.goto(site_url + "index.html")
    assert page.title() == "Policy Watch"
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header'))"
                         ".backgroundColor") != "rgba(0, 0, 0, 0)"  # stylesheet loaded
    page.screenshot(path=str(tmp_path / "index.png"), full_page=True)

    # the filter box (shown only when the static script runs)
    box = page.locator("#filter")
    assert box.is_visible()
    box.fill("glob")
    visible = page.locator("#company-table tbody tr:visible")
    assert visible.count() == 1 and "Globex" in visible.inner_text()
    assert page.locator("#filter-count").inner_text() == "1 company, 1 document, 1 change match"
    box.fill("")
    assert page.locator("#company-table tbody tr:visible").count() == 3

    # index -> company -> change
    page.get_by_role("link", name="ACME <Corp> & Co").first.click()
    page.wait_for_url("**/companies/acme/index.html")
    assert page.locator("h1").inner_text() == "ACME <Corp> & Co"
    assert page.locator("svg.chart").first.is_visible()
    page.locator("#doc-privacy-policy .timeline a.headline").first.click()
    page.wait_for_url("**/companies/acme/privacy-policy/changes/2024-06-15-*.html")
    assert page.locator("h1").inner_text().strip()
    page.screenshot(path=str(tmp_path / "change.png"), full_page=True)

    # the injected policy text is shown, never run
    page.locator("a", has_text="New version").first.click()
    page.wait_for_url("**/versions/2024-06-15-*.html")
    assert "<script>window.__pwned=1</script>" in page.locator(".policy-text").inner_text()
    page.screenshot(path=str(tmp_path / "version.png"), full_page=False)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(".policy-text a[href^='javascript']").count() == 0
    assert dialogs == [] and errors == []
    # nothing left the local server (no CDN, fonts or remote images)
    assert all(u.startswith(site_url) for u in requests), [u for u in requests
                                                        if not u.startswith(site_url)]
    for name in ("index.png", "change.png", "version.png"):
        assert (tmp_path / name).stat().st_size > 10_000


def test_site_works_from_disk(browser, site: Path) -> None:
    page = browser.new_page()
    page.goto((site / "companies/globex/index.html").as_uri())
    assert page.locator("h1").inner_text() == "Globex"
    page.get_by_role("link", name="Companies").click()
    page.wait_for_url("**/index.html")
    assert page.locator("#company-table tbody tr").count() == 3
    page.locator("#filter").fill("acme")   # the static filter script runs from file:// too
    assert page.locator("#company-table tbody tr:visible").count() == 1
    assert page.evaluate("typeof window.__pwned") == "undefined"
