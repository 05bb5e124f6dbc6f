"""Feeds as a feed reader sees them (feedparser)."""

from __future__ import annotations

import dataclasses
import posixpath
from datetime import datetime, timezone
from pathlib import Path

import feedparser

from tracker.publish import build_site
from tracker.publish.loader import detect_changes, load_site
from tracker.storage.repo import CompanyRepo, ImportItem
from tracker.models import Extracted, RecordMeta

from tests.support.publish import GLOBEX_V1, config_for
from tests.support.sitecheck import feed_files


def parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
    return parsed


def entries_by_guid(site: Path, rel: str) -> dict[str, feedparser.FeedParserDict]:
    return {e.id: e for e in parse(site / rel).entries}


def test_every_feed_parses_and_every_item_resolves(site: Path) -> None:
    feeds = feed_files(site)
    assert len(feeds) >= 50
    items = 0
    for path in feeds:
        parsed = parse(path)
        assert parsed.feed.title
        rel_feed = path.relative_to(site).as_posix()
        for entry in parsed.entries:
            items += 1
            assert entry.id and entry.title and entry.published_parsed and entry.link
            assert not entry.link.startswith(("/", "http")), entry.link
            target = site / posixpath.normpath(posixpath.join(posixpath.dirname(rel_feed),
                                                              entry.link))
            assert target.is_file(), f"{rel_feed}: item link {entry.link} is not a built page"
        dates = [e.published_parsed for e in parsed.entries]
        assert dates == sorted(dates, reverse=True), f"{rel_feed}: not newest first"
    assert items > 10


def test_item_fields(site: Path) -> None:
    parsed = parse(site / "feeds/companies/acme/privacy-policy.atom")
    entries = parsed.entries
    # v2 substantive and v5 (injection); the cosmetic v3 is left out by default.
    assert [e.published[:10] for e in entries] == ["2024-06-15", "2024-03-05"]
    first = entries[-1]
    terms = {(t.get("scheme"), t.term) for t in first.tags}
    assert ("urn:policy-tracker:company", "ACME <Corp> & Co") in terms
    assert ("urn:policy-tracker:document", "Privacy Policy") in terms
    assert any(s == "urn:policy-tracker:verdict" for s, _ in terms)
    assert any(s == "urn:policy-tracker:topic" for s, _ in terms)
    html = first.content[0].value
    assert "<ul>" in html and "Full change report" in html
    assert first.title.startswith("ACME <Corp> & Co Privacy Policy: ")
    rss = parse(site / "feeds/companies/acme/privacy-policy.rss")
    assert [e.id for e in rss.entries] == [e.id for e in entries]
    assert rss.feed.updated_parsed[:3] == (2024, 6, 15)


def test_cosmetic_changes_only_in_feeds_when_configured(site: Path, ws_copy) -> None:
    ws, config = ws_copy
    loaded = load_site(ws, config)
    model = detect_changes(loaded)
    loaded.close()
    cosmetic = [c for c in model.all_changes() if c.verdict == "cosmetic"]
    assert [c.date.date().isoformat() for c in cosmetic] == ["2024-04-01"]
    guid = cosmetic[0].guid
    for rel in ("feeds/all.atom", "feeds/all.rss", "feeds/companies/acme.atom"):
        assert guid not in entries_by_guid(site, rel)
    # ...but the site still lists it
    assert cosmetic[0].path in (site / "changes.html").read_text("utf-8")
    config = dataclasses.replace(config, site=dataclasses.replace(config.site,
                                                                  include_cosmetic=True))
    build_site(ws, config)
    assert guid in entries_by_guid(ws.public_dir, "feeds/all.atom")


def test_feed_items_limit_and_absolute_links(ws_copy) -> None:
    ws, _ = ws_copy
    config = config_for(ws.root, feed_items=2, base_url="https://watch.example/sub/")
    build_site(ws, config)
    parsed = parse(ws.public_dir / "feeds/all.atom")
    assert len(parsed.entries) == 2
    for e in parsed.entries:
        assert e.link.startswith("https://watch.example/sub/companies/")
        assert (ws.public_dir / e.link.removeprefix("https://watch.example/sub/")).is_file()
    assert parsed.feed.link == "https://watch.example/sub/index.html"
    assert any(l.rel == "self" and l.href == "https://watch.example/sub/feeds/all.atom"
               for l in parsed.feed.links)


def test_guids_stable_across_rebuilds_and_history_rewrites(site: Path, ws_copy,
                                                           tmp_path: Path) -> None:
    ws, config = ws_copy
    before = {g: e.link for g, e in entries_by_guid(site, "feeds/all.atom").items()}
    # A full rebuild into a fresh directory gives the same items.
    build_site(ws, config, tmp_path / "again")
    again = {g: e.link for g, e in entries_by_guid(tmp_path / "again", "feeds/all.atom").items()}
    assert again == before
    # A backfill rewrites Globex's history (new commit shas); existing GUIDs survive.
    repo = CompanyRepo.open(ws.repo_path("globex"))
    try:
        old_shas = [v.commit for v in repo.versions("privacy-policy")]
        text = GLOBEX_V1.replace("newsletter.", "newsletter and events.")
        repo.insert_versions("privacy-policy", [ImportItem(
            datetime(2024, 1, 5, tzinfo=timezone.utc),
            Extracted(text, text.encode(), "md"), RecordMeta(fetcher="wayback"),
            "Privacy Notice")])
        new_shas = [v.commit for v in repo.versions("privacy-policy")]
    finally:
        repo.close()
    assert not set(old_shas) & set(new_shas)
    build_site(ws, config)
    after = entries_by_guid(ws.public_dir, "feeds/all.atom")
    assert set(before) <= set(after)
    assert len(after) == len(before) + 1   # the backfilled 2024-02-01 version is now a change


def test_status_events_appear_once_each(site: Path) -> None:
    parsed = parse(site / "feeds/status.atom")
    kinds = [(e.title, e.published[:10]) for e in parsed.entries]
    assert kinds == [("Globex Privacy Notice recovered", "2024-06-16"),
                     ("Globex Privacy Notice is failing", "2024-06-15")]
    assert len({e.id for e in parsed.entries}) == 2
    # The error text (with a <script>) is escaped inside the escaped HTML content.
    assert "&amp;lt;script&amp;gt;alert" in (site / "feeds/status.atom").read_text("utf-8")


def test_hostile_site_settings_stay_inert(ws_copy) -> None:
    ws, _ = ws_copy
    config = config_for(ws.root, base_url="javascript:alert(5)//")
    config = dataclasses.replace(config, site=dataclasses.replace(
        config.site, title="<script>alert(6)</script>\x01", description="<b>d</b> & co"))
    build_site(ws, config)
    for path in feed_files(ws.public_dir):
        parsed = parse(path)
        assert all(not e.link.startswith("javascript") for e in parsed.entries)
    feed = parse(ws.public_dir / "feeds/all.rss").feed
    # RSS text is escaped HTML: a reader rendering it shows the text, never runs it
    assert feed.title_detail.type == "text/html"
    assert feed.title.startswith("&lt;script&gt;alert(6)&lt;/script&gt;: all changes")
    index = (ws.public_dir / "index.html").read_text("utf-8")
    assert "<script>alert(6)" not in index and "&lt;script&gt;alert(6)&lt;/script&gt;" in index
    assert "\x01" not in index and "&lt;b&gt;d&lt;/b&gt; &amp; co" in index
