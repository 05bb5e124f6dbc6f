"""Every page type in real Chromium at 390 and 1280 px: no horizontal scrolling of the page
body, and no serious or critical axe-core violations. Screenshots stay in the test's tmp dir."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.support.axe import axe_script

WIDTHS = (390, 1280)

pytestmark = pytest.mark.browser


def page_types(site: Path) -> dict[str, Path]:
    """One page of each type of the fixture site (the fullest one where there is a choice)."""
    acme = site / "companies/acme/privacy-policy"
    version = max((p for p in (acme / "versions").glob("*.html")
                   if not p.name.endswith(".raw.html")), key=lambda p: p.name)
    return {
        "index": site / "index.html", "changes": site / "changes.html",
        "topics": site / "topics/index.html", "topic": site / "topics/collection.html",
        "company": site / "companies/acme/index.html",
        "change": max((acme / "changes").glob("*.html"), key=lambda p: p.name),
        "version": version, "raw": version.with_name(version.stem + ".raw.html"),
        "status": site / "status.html", "about": site / "about.html",
        "search": site / "search.html", "compare": acme / "compare.html",
    }


OVERFLOW = """() => {
  const vw = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > vw + 1 && getComputedStyle(el).position !== 'fixed' && !el.closest('[hidden]'))
      wide.push(el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
                ? '.' + String(el.className).split(' ').join('.') : ''));
  }
  return {scroll: document.scrollingElement.scrollWidth, vw, wide: wide.slice(0, 8)};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_no_horizontal_scrolling(browser, site: Path, tmp_path: Path, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems = {}
    for name, path in page_types(site).items():
        assert path.is_file(), path
        page.goto(path.as_uri())
        page.screenshot(path=str(tmp_path / f"{name}-{width}.png"), full_page=True)
        got = page.evaluate(OVERFLOW)
        if got["scroll"] > got["vw"]:
            problems[name] = got
    assert not problems, json.dumps(problems, indent=1)
    assert len(list(tmp_path.glob(f"*-{width}.png"))) == len(page_types(site))


def test_axe_finds_no_serious_violations(browser, site: Path) -> None:
    script = axe_script()
    if script is None:
        if os.environ.get("TRACKER_REQUIRE_BROWSER"):
            pytest.fail("axe-core is not installed and npm could not install it")
        pytest.skip("axe-core not available (npm missing)")
    source = script.read_text("utf-8")
    # axe is injected as a script: the site's CSP (rightly) forbids that, so only here it is
    # bypassed; the pages' own scripts still run as served.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    try:
        for name, path in page_types(site).items():
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(path.as_uri())
                page.add_script_tag(content=source)
                result = page.evaluate("async () => (await axe.run(document)).violations"
                                       ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
                                       " nodes: v.nodes.slice(0, 3).map(n => n.target)}))")
                bad = [v for v in result if v["impact"] in ("serious", "critical")]
                if bad:
                    found[f"{name}@{width}"] = bad
    finally:
        context.close()
    assert not found, json.dumps(found, indent=1)


def test_length_chart_axis_starts_at_zero_and_has_text(site: Path) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / "companies/acme/index.html").read_text("utf-8"), "html.parser")
    chart = soup.select_one("svg.chart")
    assert chart["role"] == "group"          # it holds links: never role="img"
    labels = [t.get_text() for t in chart.find_all("text")]
    assert labels[0] == "0"
    described = chart["aria-labelledby"].split()
    assert all(soup.find(id=i).get_text().strip() for i in described)
    assert "versions from" in soup.find(id=described[1]).get_text()


def test_cosmetic_changes_hidden_by_default_with_a_toggle(browser, site: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto((site / "changes.html").as_uri())
    cosmetic = page.locator("ol.changes .change-row.verdict-cosmetic")
    assert cosmetic.count() >= 1 and not cosmetic.first.is_visible()
    assert page.locator("ol.changes .change-row.verdict-major").first.is_visible()
    toggle = page.get_by_role("button", name="Show 1 cosmetic change")
    assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert cosmetic.first.is_visible()
    assert page.get_by_role("button", name="Hide 1 cosmetic change").is_visible()


def test_change_list_headlines_are_short(site: Path) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / "changes.html").read_text("utf-8"), "html.parser")
    for row in soup.select("ol.changes .change-row"):
        assert row.select_one(".badge") and row.select_one(".doc")
        assert len(row.select_one("a.headline").get_text()) <= 111
