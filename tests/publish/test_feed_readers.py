"""Feeds that work in any reader: the W3C feed validator's rules we rely on, items that read
well without CSS, stable and unique feed ids, golden feeds with and without base_url, and no
field a reader renders as HTML ever carrying live markup (checked in real Chromium)."""

from __future__ import annotations

import email.utils
import html
import http.server
import json
import os
import re
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from tracker.publish import build_site

from tests.support.feeds import BASE, PAYLOAD
from tests.support.publish import config_for
from tests.support.sitecheck import feed_files

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
GOLDEN = Path(__file__).parent / "golden"


def _xml(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def _text(el: ET.Element | None) -> str:
    return "" if el is None or el.text is None else el.text


# --------------------------------------------------------------- W3C feed validator rules

def _full_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _rfc822(value: str) -> bool:
    """The validator's RFC-822 date: a day name, a 4-digit year, a numeric zone."""
    return bool(re.fullmatch(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} "
                             r"\d{2}:\d{2}:\d{2} [+-]\d{4}", value)) and \
        email.utils.parsedate_to_datetime(value) is not None


def _rfc3339(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)",
                             value))


def _check_rss(path: Path, rel: str, based: bool) -> None:
    channel = _xml(path).find("channel")
    assert channel is not None
    for name in ("title", "link", "description"):   # MissingElement
        assert _text(channel.find(name)).strip(), f"{rel}: channel has no {name}"
    self_links = [l for l in channel.findall(f"{ATOM}link") if l.get("rel") == "self"]
    assert len(self_links) == 1, f"{rel}: MissingAtomSelfLink"
    assert self_links[0].get("type") == "application/rss+xml"
    assert _rfc822(_text(channel.find("lastBuildDate")))
    if based:   # InvalidFullLink / SelfDoesntMatchLocation
        assert _full_url(_text(channel.find("link")))
        assert self_links[0].get("href") == BASE + rel
    guids = []
    for item in channel.findall("item"):
        assert _text(item.find("title")) or _text(item.find("description"))   # ItemMustContain
        guid = item.find("guid")
        assert guid is not None and guid.get("isPermaLink") == "false"  # InvalidFullLink
        guids.append(_text(guid))
        assert _rfc822(_text(item.find("pubDate")))
        if based:
            assert _full_url(_text(item.find("link")))
            for html in (_text(item.find("description")), _text(item.find(CONTENT))):
                for url in re.findall(r'(?:href|src)="([^"]*)"', html):
                    assert _full_url(url), f"{rel}: relative URL {url} in item HTML"
        for cat in item.findall("category"):
            assert cat.get("domain") and _text(cat)
    assert len(guids) == len(set(guids)), f"{rel}: DuplicateItem"


def _check_atom(path: Path, rel: str, based: bool) -> str:
    feed = _xml(path)
    feed_id = _text(feed.find(f"{ATOM}id"))
    assert re.fullmatch(r"[a-z][a-z0-9+.-]*:\S+", feed_id), f"{rel}: InvalidIRI {feed_id}"
    assert _text(feed.find(f"{ATOM}title"))
    updated = _text(feed.find(f"{ATOM}updated"))
    assert _rfc3339(updated)
    author = feed.find(f"{ATOM}author")   # MissingAuthor: no entry has its own
    assert author is not None and _text(author.find(f"{ATOM}name"))
    links = {l.get("rel", "alternate"): l.get("href", "") for l in feed.findall(f"{ATOM}link")}
    assert {"self", "alternate"} <= links.keys(), f"{rel}: {links}"
    if based:
        assert links["self"] == BASE + rel and _full_url(links["alternate"])
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        ids.append(_text(entry.find(f"{ATOM}id")))
        for name in ("title", "updated"):
            assert _text(entry.find(f"{ATOM}{name}")), f"{rel}: entry without {name}"
        assert _rfc3339(_text(entry.find(f"{ATOM}updated")))
        assert _text(entry.find(f"{ATOM}updated")) <= updated
        assert entry.find(f"{ATOM}link") is not None or entry.find(f"{ATOM}content") is not None
        for name in ("summary", "content"):
            el = entry.find(f"{ATOM}{name}")
            assert el is not None and el.get("type") == "html", f"{rel}: {name}"
        if based:
            assert _full_url(entry.find(f"{ATOM}link").get("href", ""))
    assert len(ids) == len(set(ids)), f"{rel}: DuplicateEntries"
    return feed_id


@pytest.mark.parametrize("variant", ["plain", "based"])
def test_every_feed_follows_the_validator_rules(builds: dict[str, Path], variant: str) -> None:
    site, based = builds[variant], variant == "based"
    feed_ids: dict[str, str] = {}
    checked = 0
    for path in feed_files(site):
        rel = path.relative_to(site).as_posix()
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, f"{rel}: {parsed.get('bozo_exception')}"
        if rel.endswith(".rss"):
            _check_rss(path, rel, based)
        else:
            feed_ids[rel] = _check_atom(path, rel, based)
        checked += 1
    assert checked >= 50
    # every feed has its own id (a company feed and its document feed used to share one)
    assert len(set(feed_ids.values())) == len(feed_ids)


def test_feed_ids_survive_setting_base_url(builds: dict[str, Path]) -> None:
    def ids(site: Path) -> dict[str, str]:
        return {p.relative_to(site).as_posix(): _text(_xml(p).find(f"{ATOM}id"))
                for p in feed_files(site) if p.suffix == ".atom"}
    assert ids(builds["plain"]) == ids(builds["based"])


def test_channel_link_is_the_feeds_own_page(builds: dict[str, Path]) -> None:
    site = builds["based"]
    expected = {"feeds/all.rss": "index.html", "feeds/status.rss": "status.html",
                "feeds/companies/acme.rss": "companies/acme/index.html",
                "feeds/companies/acme/privacy-policy.rss":
                    "companies/acme/index.html#doc-privacy-policy",
                "feeds/topics/retention.rss": "topics/retention.html"}
    for rel, page in expected.items():
        assert _text(_xml(site / rel).find("channel/link")) == BASE + page, rel
        assert (site / page.partition("#")[0]).is_file()


def _shown(detail: feedparser.FeedParserDict) -> str:
    """What a reader displays for a feedparser text construct."""
    return html.unescape(detail.value) if detail.type == "text/html" else detail.value


def test_items_read_well_without_css(builds: dict[str, Path], hostile: Path) -> None:
    parsed = feedparser.parse((builds["based"] / "feeds/all.rss").read_bytes())
    assert parsed.entries
    for entry in parsed.entries:
        assert len(_shown(entry.title_detail)) <= 110, entry.title
        assert entry.summary != entry.title and "change</strong> to" in entry.summary
        kinds = {t.get("scheme") for t in entry.tags}
        assert {"urn:policy-tracker:company", "urn:policy-tracker:document",
                "urn:policy-tracker:verdict"} <= kinds
    # the long hostile headline: title cut at a word boundary, the full one in the body
    item = next(e for e in feedparser.parse((hostile / "feeds/all.rss").read_bytes()).entries
                if "2024-06-20" in e.summary)
    title = _shown(item.title_detail)
    assert title.endswith("…") and len(title) <= 110 and "<img" in title
    body = item.content[0].value
    assert "[added: We now sell your data" in body
    assert "urn:policy-tracker:topic" in {t.get("scheme") for t in item.tags}
    minor = [e for e in parsed.entries if "urn:policy-tracker:topic" in
             {t.get("scheme") for t in e.tags}]
    assert minor, "topic categories are on the items"


def test_feed_redline_marks_changes_and_separates_meaning_notes() -> None:
    from tracker.changes import compare, redline_html
    from tracker.publish.feedhtml import feed_redline

    report = compare("# T\n\n## Sharing\n\nWe do not sell your personal data.\n",
                     "# T\n\n## Sharing\n\nWe sell your personal data.\n")
    html_ = feed_redline(redline_html(report))
    assert "We <del>[removed: do not]</del> sell your personal data." in html_
    assert "data.<br><em>Meaning: negation removed</em></p>" in html_
    assert "class=" not in html_
    hostile = feed_redline('<p onclick="x()"><ins>a</ins><script>evil()</script>'
                           '<img src=x onerror=y><a href="javascript:z">l</a></p>')
    assert hostile == "<p><ins>[added: a]</ins>l</p>"


def test_reworded_and_meaning_notes_are_marked_in_text(builds: dict[str, Path]) -> None:
    xml = (builds["plain"] / "feeds/companies/acme/privacy-policy.atom").read_text("utf-8")
    entries = feedparser.parse(xml).entries
    bodies = " ".join(e.content[0].value for e in entries)
    assert "<del>[removed: " in bodies and "<ins>[added: " in bodies
    for body in (e.content[0].value for e in entries):
        assert 'class=' not in body and "style=" not in body   # nothing needs CSS
        # a meaning note never runs into the sentence it annotates
        assert re.search(r"[^>]<em>Meaning:", body) is None


@pytest.mark.parametrize("variant, rel", [
    (v, r) for v in ("plain", "based")
    for r in ("feeds/companies/acme/privacy-policy.rss",
              "feeds/companies/acme/privacy-policy.atom",
              "feeds/status.rss", "feeds/status.atom")])
def test_golden_feeds(builds: dict[str, Path], variant: str, rel: str) -> None:
    """Feeds byte for byte, with and without base_url; UPDATE_GOLDEN=1 regenerates them."""
    golden = GOLDEN / variant / rel.replace("/", "__")
    actual = (builds[variant] / rel).read_bytes()
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
    assert golden.is_file(), f"missing golden file {golden}; run with UPDATE_GOLDEN=1"
    assert actual == golden.read_bytes(), f"{rel} differs from {golden}"


# --------------------------------------------------------------- hostile text, real Chromium

def _reader_fields(path: Path) -> list[tuple[str, str, bool]]:
    """(where, value, as_html) for every field a reader shows, decoded as readers do: RSS
    fields and Atom fields of type html are rendered as HTML, Atom text as text."""
    root = _xml(path)
    out: list[tuple[str, str, bool]] = []
    if root.tag == "rss":
        channel = root.find("channel")
        assert channel is not None
        for name in ("title", "description"):
            out.append((f"channel/{name}", _text(channel.find(name)), True))
        for i, item in enumerate(channel.findall("item")):
            for name in ("title", "description", CONTENT):
                out.append((f"item{i}/{name}", _text(item.find(name)), True))
            out += [(f"item{i}/category", _text(c), True) for c in item.findall("category")]
        return out
    elements = [("feed", root)] + [(f"entry{i}", e)
                                   for i, e in enumerate(root.findall(f"{ATOM}entry"))]
    for where, el in elements:
        for name in ("title", "subtitle", "summary", "content"):
            field = el.find(f"{ATOM}{name}")
            if field is not None:
                out.append((f"{where}/{name}", _text(field), field.get("type") == "html"))
    return out


def _page_for(fields: list[tuple[str, str, bool]]) -> str:
    data = json.dumps([[w, v, h] for w, v, h in fields])
    return ("<!doctype html><meta charset=utf-8><body><script>"
            f"for (const [where, value, html] of {data}) {{"
            "  const d = document.createElement('div'); d.dataset.where = where;"
            "  if (html) d.innerHTML = value; else d.textContent = value;"
            "  document.body.appendChild(d); }"
            "</script></body>")


def _in_reader(chromium_path: Path, tmp_path: Path, fields: list, script: str) -> object:
    """Decode feed fields the way readers do (an HTML field as innerHTML, text as text) in
    a page of their own in Chromium, let any error handler fire, then evaluate ``script``."""
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "reader.html"
    page_file.write_text(_page_for(fields), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium_path), headless=True,
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri(), wait_until="load")
            page.wait_for_timeout(300)   # let any image error handler fire
            return page.evaluate(script)
        finally:
            browser.close()


@pytest.mark.browser
def test_no_feed_field_becomes_live_markup_in_chromium(hostile: Path, chromium_path: Path,
                                                      tmp_path: Path) -> None:

    feeds = feed_files(hostile)
    fields = [(f"{p.relative_to(hostile)}:{w}", v, h) for p in feeds
              for w, v, h in _reader_fields(p)]
    # the payload really is in the feeds, in the fields the issue names
    for name in ("/title", "/description", CONTENT, "/summary", "/content"):
        assert any(w.endswith(name) and "onerror" in v for w, v, _ in fields), name
    assert any("status.rss" in w and "onerror" in v for w, v, _ in fields)
    state = _in_reader(chromium_path, tmp_path, fields, """() => ({
        pwned: window.__pwned === undefined ? null : String(window.__pwned),
        fields: document.querySelectorAll('div[data-where]').length,
        live: [...document.querySelectorAll('div[data-where] *')].filter(
            e => !['P','UL','LI','STRONG','EM','INS','DEL','BR','A','H4','SECTION',
                   'DIV','CODE','OL'].includes(e.tagName) ||
                 [...e.attributes].some(a => a.name !== 'href')).map(
            e => e.closest('div[data-where]').dataset.where + ': ' + e.outerHTML),
        shown: [...document.querySelectorAll('div[data-where]')].map(e => e.textContent)
               .filter(t => t.includes('onerror')).length,
    })""")
    assert isinstance(state, dict)
    assert state["pwned"] is None, state["live"][:5]
    assert state["fields"] == len(fields)
    assert state["live"] == []
    assert state["shown"] >= 5   # the hostile text is shown as text, not dropped


def test_build_warns_about_relative_feed_links(ws_copy, tmp_path: Path) -> None:
    ws, config = ws_copy
    plain = build_site(ws, config, tmp_path / "a")
    based = build_site(ws, config_for(ws.root, base_url=BASE), tmp_path / "b")
    assert len(plain.warnings) == 1 and "base_url" in plain.warnings[0]
    assert based.warnings == ()


class _ReasonHandler(http.server.BaseHTTPRequestHandler):
    """A server that fails with a hostile HTTP reason phrase."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.send_response(503, PAYLOAD)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.mark.browser
def test_a_servers_reason_phrase_stays_inert_in_the_status_feed(tmp_path: Path,
                                                                chromium_path: Path) -> None:
    from click.testing import CliRunner

    from tracker.cli.main import main

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ReasonHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        ws = tmp_path / "ws"
        ws.mkdir()
        (ws / "tracker.toml").write_text(
            '[site]\ntitle = "T"\nbase_url = "https://watch.example/"\n'
            "[fetch]\nretries = 0\nper_host_delay = 0\n"
            '[[companies]]\nslug = "acme"\nname = "Acme"\n'
            '[[companies.documents]]\ntype = "privacy-policy"\n'
            f'url = "http://127.0.0.1:{server.server_address[1]}/privacy"\n')
        runner = CliRunner()
        for _ in range(3):   # failure_threshold: the third failure is announced
            assert runner.invoke(main, ["-w", str(ws), "track"]).exit_code == 1
        built = runner.invoke(main, ["-w", str(ws), "build"])
        assert built.exit_code == 0, built.output
    finally:
        server.shutdown()
        server.server_close()
    public = ws / "public"
    fields = [(f"{name}:{w}", v, h) for name in ("status.rss", "status.atom")
              for w, v, h in _reader_fields(public / "feeds" / name)]
    assert any("onerror" in v and w.endswith("/description") for w, v, _ in fields)
    seen = _in_reader(chromium_path, tmp_path, fields, """() => [
        window.__pwned === undefined ? null : 1,
        document.querySelectorAll('img').length,
        document.body.textContent.includes('onerror=')]""")
    assert seen == [None, 0, True]
