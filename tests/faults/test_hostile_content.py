"""Hostile policy text: recorded faithfully, rendered inert, handled in reasonable time.

A policy is untrusted input: it can carry markup, script, `javascript:`/`data:` links, control
and bidi characters, megabyte lines and ten-megabyte documents. The tracker must store it byte
for byte (as normalised text) and publish it so that no script runs in a visitor's browser or
feed reader.
"""

from __future__ import annotations

import time
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.support.cli import assert_no_traceback, cli
from tests.support.git import git, git_bytes
from tests.support.hostile import HOSTILE, HOSTILE_HTML, HOSTILE_V2, LONG_LINE
from tests.support.web import LocalServer
from tests.support.workspace import Doc, write_config
from tracker.extract import normalize_text

pytestmark = pytest.mark.timeout(120)

BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")


def test_hostile_text_is_recorded_faithfully(hostile_site: Path) -> None:
    repo = hostile_site / "snapshots/acme"
    shas = git(repo, "log", "--format=%H", "--", "privacy-policy.md").split()
    assert len(shas) == 2
    for sha, text in zip(shas, (HOSTILE_V2, HOSTILE)):
        blob = git_bytes(repo, "show", f"{sha}:privacy-policy.md")
        assert blob == normalize_text(text).encode("utf-8")
    stored = git_bytes(repo, "show", "HEAD:privacy-policy.md").decode("utf-8")
    for piece in ("<script>window.__pwned = 1</script>", "javascript:window.__pwned=2", "\0",
                  "\u202eevil\u202c", "نحن نبيع اسمك", "我们收集您的姓名", "🍪🔒👀", LONG_LINE):
        assert piece in stored
    evil = git_bytes(hostile_site / "snapshots/evilco", "show",
                            "HEAD:privacy-policy.md").decode("utf-8")
    for piece in ("<script>window.\\_\\_pwned = 17</script>", "نحن نجمع بياناتك", "我们收集数据",
                  "🍪", "\u202eevil\u202c"):
        assert piece in evil, piece  # (Markdown: '_' escaped, rendered back as '_')
    assert "javascript" not in evil.lower() and "data:" not in evil  # links dropped
    assert git_bytes(hostile_site / "snapshots/evilco", "show",
                            "HEAD:raw/privacy-policy.html") == HOSTILE_HTML
    log = cli(hostile_site, "log", "acme")
    assert log.exit_code == 0 and log.stdout.count("\n") == 2, log.output
    diff = cli(hostile_site, "diff", "acme", "--format", "html")
    assert diff.exit_code == 0
    soup = BeautifulSoup(diff.stdout, "html.parser")
    assert not soup.find_all(["script", "iframe", "img", "svg", "style"])
    assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]


def _inert(soup: BeautifulSoup, where: str) -> None:
    """No active content in an HTML fragment or page (besides the site's own filter.js)."""
    for tag in soup.find_all(True):
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), f"{where}: <{tag.name} {attr}=...>"
            if attr.lower() in ("href", "src", "action", "formaction", "xlink:href", "poster"):
                assert not str(value).strip().lower().startswith(DANGEROUS_SCHEMES), \
                    f"{where}: <{tag.name} {attr}={value!r}>"
    scripts = [s.get("src", "inline") for s in soup.find_all("script")]
    allowed = ("static/filter.js", "static/search.js", "static/cosmetic.js",
               "pagefind/pagefind-ui.js", "compare-data.js", "static/compare.js",
               "static/vendor/jsdiff/diff.min.js")  # files, ours
    assert all(str(s).endswith(allowed) for s in scripts), f"{where}: {scripts}"
    assert not soup.find_all(["iframe", "object", "embed", "svg", "img"]) or \
        all(t.name == "svg" and not t.find_all(["script", "foreignobject"]) for t in
            soup.find_all(["iframe", "object", "embed", "svg", "img"])), where


def test_pages_render_the_hostile_text_inert(hostile_site: Path) -> None:
    public = hostile_site / "public"
    pages = sorted(public.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        html = page.read_text("utf-8")
        assert "<script>window.__pwned" not in html  # only ever as escaped text
        soup = BeautifulSoup(html, "html.parser")
        _inert(soup.body or soup, str(page.relative_to(public)))
    data = (public / "companies/acme/privacy-policy/compare-data.js").read_bytes()
    assert b"<" not in data and b"\\u003cscript>window.__pwned = 1\\u003c/script>" in data
    found = sorted(public.glob("companies/acme/privacy-policy/versions/*.html"))
    versions = [p for p in found if not p.name.endswith(".raw.html")]
    raws = [p for p in found if p.name.endswith(".raw.html")]
    assert len(versions) == 2 and len(raws) == 2
    # the raw capture pages (checked inert above) name the file in git; this capture holds
    # NUL bytes, so it is described as binary instead of shown
    raw_text = BeautifulSoup(raws[-1].read_text("utf-8"), "html.parser").get_text()
    assert "raw/privacy-policy." in raw_text and "binary data" in raw_text
    text = BeautifulSoup(versions[-1].read_text("utf-8"), "html.parser").get_text()
    for piece in ("<script>window.__pwned = 1</script>", "نحن", "我们收集您的姓名", "🍪🔒👀",
                  LONG_LINE[:1000]):
        assert piece in text, piece
    evil = next(p for p in public.glob("companies/evilco/privacy-policy/versions/*.html")
                if not p.name.endswith(".raw.html"))
    text = BeautifulSoup(evil.read_text("utf-8"), "html.parser").get_text()
    assert "Literal text: <script>window.__pwned = 17</script> and" in text


def test_feeds_carry_the_hostile_text_inert(hostile_site: Path) -> None:
    feeds = sorted((hostile_site / "public").rglob("*.atom")) + sorted(
        (hostile_site / "public").rglob("*.rss"))
    assert len(feeds) >= 4
    items = 0
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes(), sanitize_html=False)
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        for entry in parsed.entries:
            items += 1
            bodies = [c.value for c in entry.get("content", [])] + [entry.get("summary", "")]
            for body in bodies:
                soup = BeautifulSoup(body, "html.parser")
                _inert(soup, f"{path.name}: {entry.title}")
                assert "<script" not in body.lower().replace("&lt;script", "")
                assert not soup.find_all(["img", "svg", "style"])
    assert items >= 1


@pytest.mark.browser
def test_no_script_runs_in_chromium(hostile_site: Path, chromium_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    public = hostile_site / "public"
    pages = [public / "index.html", *sorted(public.glob("companies/acme/**/*.html")),
             *sorted(public.glob("companies/evilco/**/*.html"))]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium_path), args=BROWSER_ARGS,
                                    headless=True)
        try:
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            for path in pages:
                page.goto(path.as_uri(), wait_until="load")
                state = page.evaluate("""() => ({
                    pwned: window.__pwned === undefined ? null : String(window.__pwned),
                    hidden: getComputedStyle(document.body).display === 'none',
                    bad: [...document.querySelectorAll('[href],[src],[action]')].map(
                        e => e.getAttribute('href') || e.getAttribute('src') ||
                             e.getAttribute('action')).filter(
                        v => /^\\s*(javascript|data|vbscript):/i.test(v)),
                    handlers: [...document.querySelectorAll('*')].flatMap(
                        e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on')),
                })""")
                where = path.relative_to(public)
                assert state == {"pwned": None, "hidden": False, "bad": [], "handlers": []}, \
                    f"{where}: {state}"
            # the compare page put both versions into the page, as text only
            page.goto((public / "companies/acme/privacy-policy/compare.html").as_uri())
            shown = page.locator("#compare-doc").evaluate("e => e.textContent")
            assert "<script>window.__pwned = 1</script>" in shown
            assert page.locator("#compare-doc script, #compare-doc img").count() == 0
            assert page.evaluate("window.__pwned === undefined")
            assert dialogs == []
            assert all(u.startswith("file://") for u in requests), \
                [u for u in requests if not u.startswith("file://")][:5]
        finally:
            browser.close()


@pytest.mark.slow
@pytest.mark.timeout(300)  # a hang guard (catastrophic backtracking), not a speed test
def test_detector_handles_a_megabyte_line(tmp_path: Path) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(HOSTILE, encoding="utf-8")
    middle = len(LONG_LINE) // 2
    new.write_text(HOSTILE.replace(LONG_LINE, LONG_LINE[:middle] + " we sell your data to "
                                   "advertisers " + LONG_LINE[middle:]), encoding="utf-8")
    result = cli(tmp_path, "diff", str(old), str(new), "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"verdict"' in result.stdout and "sell" in result.stdout


@pytest.mark.slow
def test_ten_megabyte_policy_is_fetched_recorded_and_published(web: LocalServer,
                                                               tmp_path: Path) -> None:
    sections = "".join(
        f"<h2>Section {i} – 第{i}节 – القسم {i}</h2><p>We collect data item {i} and share it "
        f"with partner {i % 37}. " + "Our practices are described here in more detail. " * 20
        + "</p>" for i in range(9200))
    body = (f"<!doctype html><html><head><meta charset='utf-8'><title>Huge</title></head><body>"
            f"<main><h1>Huge Policy</h1>{sections}</main></body></html>").encode("utf-8")
    assert len(body) > 10_000_000
    web.page("/huge", body)
    root = write_config(tmp_path / "ws", [Doc("bigco", "privacy-policy", web.url("/huge"))],
                        fetch={"max_bytes": 20_000_000, "timeout": 10})
    start = time.monotonic()
    result = cli(root, "track")
    track_time = time.monotonic() - start
    assert result.exit_code == 0, result.output
    assert_no_traceback(result.stdout, result.stderr)
    repo = root / "snapshots/bigco"
    assert git_bytes(repo, "show", "HEAD:raw/privacy-policy.html") == body
    text = git_bytes(repo, "show", "HEAD:privacy-policy.md").decode("utf-8")
    assert len(text) > 9_000_000
    assert "## Section 0 – 第0节 – القسم 0" in text
    assert "## Section 9199 – 第9199节 – القسم 9199" in text
    assert track_time < 30, f"tracking a 10 MB page took {track_time:.1f} s"
    start = time.monotonic()
    built = cli(root, "build")
    build_time = time.monotonic() - start
    assert built.exit_code == 0, built.output
    version = next((root / "public/companies/bigco/privacy-policy/versions").glob("*.html"))
    assert "Section 9199" in version.read_text("utf-8")
    assert build_time < 30, f"publishing a 10 MB version took {build_time:.1f} s"

