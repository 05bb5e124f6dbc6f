"""The compare page (any two versions, changes in context) and the index filter, in real
Chromium from file://; the compare data file against the texts in git; change-page permalinks
across a history rewrite."""

from __future__ import annotations

import json
import posixpath
from datetime import datetime, timezone
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.git import git_bytes
from tests.support.publish import GLOBEX_V1
from tracker.models import Extracted, RecordMeta
from tracker.publish import build_site
from tracker.storage.repo import CompanyRepo, ImportItem
from tracker.workspace import Workspace

ACME = "companies/acme/privacy-policy"
V1, V2, V3, V4, V5 = ("2024-01-10-3c74fb62", "2024-03-05-5ac1c63c", "2024-04-01-ddfe696c",
                      "2024-05-01-8a97a22d", "2024-06-15-617c39b9")


def load_data(path: Path) -> dict:
    text = path.read_text("ascii")
    prefix = "window.trackerCompare = "
    body = text[text.index(prefix) + len(prefix):].rstrip().removesuffix(";")
    return json.loads(body)


def decode(data: dict, version: dict) -> list[str]:
    out: list[str] = []
    for e in version["lines"]:
        numbers = [e] if isinstance(e, int) else range(e[0], e[0] + e[1])
        out.extend(data["lines"][n] for n in numbers)
    return out


def test_data_file_holds_every_version_as_plain_json(site: Path, template_ws: Path) -> None:
    raw = (site / ACME / "compare-data.js").read_bytes()
    assert b"<" not in raw and raw.isascii()     # no markup even as escaped text
    data = load_data(site / ACME / "compare-data.js")
    assert [v["id"] for v in data["versions"]] == [V1, V2, V3, V4, V5]
    api = json.loads((site / "api/companies/acme.json").read_text("utf-8"))
    commits = {posixpath.basename(v["page"])[:-5]: v["commit"]
               for d in api["documents"] if d["type"] == "privacy-policy" for v in d["versions"]}
    repo = Workspace(template_ws).repo_path("acme")
    for version in data["versions"]:
        text = git_bytes(repo, "show", f"{commits[version['id']]}:privacy-policy.md")
        lines = [ln for ln in text.decode("utf-8").split("\n") if ln.strip()]
        assert decode(data, version) == lines, version["id"]
        assert (site / ACME / version["page"]).is_file()
    # each distinct line once; V3 differs from V2 by its date line only
    assert len(data["lines"]) == len(set(data["lines"]))
    assert len(data["versions"][2]["lines"]) <= len(data["versions"][1]["lines"])
    assert [(c["from"], c["to"]) for c in data["changes"]] == [(V1, V2), (V2, V3), (V4, V5)]
    assert all((site / ACME / c["page"]).is_file() for c in data["changes"])


def test_pages_link_the_compare_page(site: Path) -> None:
    def hrefs(path: str) -> list[str]:
        soup = BeautifulSoup((site / path).read_text("utf-8"), "html.parser")
        return [a["href"] for a in soup.find_all("a", href=True) if "compare.html" in a["href"]]

    assert hrefs("companies/acme/index.html") == ["privacy-policy/compare.html"]   # 1 version
    assert hrefs(f"{ACME}/versions/{V3}.html") == [f"../compare.html#to={V3}"]
    assert hrefs(f"{ACME}/changes/{V5}.html") == [f"../compare.html#from={V4}&to={V5}"]
    assert not (site / "companies/acme/terms-of-service/compare.html").exists()


@pytest.mark.browser
def test_compare_two_non_consecutive_versions_from_disk(browser, site: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / ACME / "compare.html").as_uri() + f"#from={V1}&to={V3}")
    assert page.locator("#compare-old").input_value() == V1
    assert page.locator("#compare-new").input_value() == V3
    doc = page.locator("#compare-doc")
    inserted = " ".join(doc.locator("ins").all_inner_texts())
    deleted = " ".join(doc.locator("del").all_inner_texts())
    assert "precise location" in inserted and "30 days" in inserted
    assert "April" in inserted and "January" in deleted    # V3's date, not V2's
    assert "as long as necessary" in deleted
    assert "Facebook" in inserted                        # a paragraph added whole
    assert page.locator("#compare-doc .cmp-hunk#change-1 a[href='#change-1']").count() == 1
    summary = page.locator("#compare-summary").inner_text()
    assert "2024-01-10" in summary and "2024-04-01" in summary
    assert "2 recorded changes" in summary
    recorded = page.locator("#compare-changes li")
    assert recorded.count() == 2
    links = recorded.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert links == [f"changes/{V3}.html", f"changes/{V2}.html"]     # newest first
    assert "badge-cosmetic" in recorded.nth(0).inner_html()
    # the report, the pickers and the document all come from the page's own files
    assert page.locator("#compare-report").get_attribute("aria-live") == "polite"
    assert errors == []


@pytest.mark.browser
def test_pickers_swap_and_folded_context(browser, site: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto((site / ACME / "compare.html").as_uri())
    # defaults: the last two versions
    assert page.locator("#compare-old").input_value() == V4
    assert page.locator("#compare-new").input_value() == V5
    folds = page.locator("#compare-doc details.cmp-unchanged")
    assert folds.count() == 1 and "unchanged paragraphs" in folds.first.inner_text()
    assert not folds.first.evaluate("d => d.open")
    assert not page.get_by_text("We collect your name, email address, precise").is_visible()
    expand = page.locator("#compare-expand")
    assert expand.inner_text() == "Show the whole document"
    expand.click()
    assert folds.first.evaluate("d => d.open")
    assert page.get_by_text("We collect your name, email address, precise").is_visible()
    assert expand.get_attribute("aria-pressed") == "true"
    assert expand.inner_text() == "Fold unchanged passages"
    page.select_option("#compare-old", V2)
    assert page.evaluate("location.hash") == f"#from={V2}&to={V5}"
    assert "2 recorded changes" in page.locator("#compare-summary").inner_text()
    page.get_by_role("button", name="Swap").click()
    assert page.evaluate("location.hash") == f"#from={V5}&to={V2}"
    assert "newer one" in page.locator("#compare-summary").inner_text()
    assert "Children under 13" in " ".join(page.locator("#compare-doc del").all_inner_texts())
    page.select_option("#compare-old", V2)
    assert "same version" in page.locator("#compare-summary").inner_text()
    # a version page's link: that version against the one before it
    page.goto((site / ACME / "compare.html").as_uri() + f"#to={V2}")
    page.reload()
    assert page.locator("#compare-old").input_value() == V1
    assert page.locator("#compare-new").input_value() == V2


@pytest.mark.browser
def test_hostile_version_text_shows_as_text_and_never_runs(browser, site: Path) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((site / ACME / "compare.html").as_uri())   # V4 -> V5 adds the injection
    text = page.locator("#compare-doc").inner_text()
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=3">' in text
    assert "</script>" in text and 'onclick="window.__pwned=2"' in text
    assert page.locator("#compare-doc script, #compare-doc img, #compare-doc a[onclick]"
                        ).count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []


@pytest.mark.browser
def test_index_filter_counts_companies_documents_and_changes(browser, site: Path) -> None:
    soup = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    rows = soup.select("#latest .change-row")
    acme_changes = sum("ACME" in r.get_text() for r in rows
                       if "verdict-cosmetic" not in r["class"])
    acme_cosmetic = sum("ACME" in r.get_text() for r in rows if "verdict-cosmetic" in r["class"])
    assert 0 < acme_changes < len(rows) and acme_cosmetic == 1
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto((site / "index.html").as_uri())
    count = page.locator("#filter-count")
    assert count.get_attribute("aria-live") == "polite" and count.get_attribute("role") == "status"
    box = page.get_by_label("Filter companies, documents and latest changes")
    box.fill("acme")
    assert count.inner_text() == (f"1 company, 2 documents, {acme_changes} changes match "
                                  "(and 1 hidden cosmetic change)")
    assert page.locator("#latest .change-row:visible").count() == acme_changes
    page.get_by_role("button", name="Show 1 cosmetic change").click()
    assert count.inner_text() == f"1 company, 2 documents, {acme_changes + 1} changes match"
    assert page.locator("#latest .change-row:visible").count() == acme_changes + 1
    box.fill("terms")     # a document title: its company's row stays, counted as a document
    assert count.inner_text().startswith("0 companies, 1 document, ")
    assert page.locator("#company-table tbody tr:visible").count() == 1
    box.fill("no such thing")
    assert count.inner_text() == "0 companies, 0 documents, 0 changes match"
    assert page.locator("#latest .change-row:visible").count() == 0
    box.fill("")
    assert count.inner_text() == ""
    assert page.locator("#latest .change-row:visible").count() == len(rows)


def test_change_permalinks_survive_a_history_rewrite(ws_copy) -> None:
    """Change and version pages are named by capture date and text hash, never by commit:
    a backfill that rewrites every commit keeps every existing link working."""
    ws, config = ws_copy
    base = ws.public_dir / "companies/globex/privacy-policy"
    before = {p.name for p in base.glob("*/*.html")}
    data_before = load_data(base / "compare-data.js")
    repo = CompanyRepo.open(ws.repo_path("globex"))
    try:
        old = [v.commit for v in repo.versions("privacy-policy")]
        text = GLOBEX_V1.replace("newsletter.", "newsletter and events.")
        repo.insert_versions("privacy-policy", [ImportItem(
            datetime(2024, 1, 5, tzinfo=timezone.utc), Extracted(text, text.encode(), "md"),
            RecordMeta(fetcher="wayback"), "Privacy Notice")])
        assert not set(old) & {v.commit for v in repo.versions("privacy-policy")}
    finally:
        repo.close()
    build_site(ws, config)
    after = {p.name for p in base.glob("*/*.html")}
    assert before < after
    ids_after = {v["id"] for v in load_data(base / "compare-data.js")["versions"]}
    assert {v["id"] for v in data_before["versions"]} < ids_after
