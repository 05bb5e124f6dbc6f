"""Incremental rebuilds touch only what changed; the output is swapped in atomically."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tracker.errors import WorkspaceError
from tracker.publish import build_site, writer
from tracker.publish.render import Renderer

from tests.support.publish import GLOBEX_V2, record

OLD = 1_000_000_000  # 2001-09-09: an mtime no build would ever write


def snapshot(site: Path) -> dict[str, tuple[bytes, int, int]]:
    """path -> (bytes, mtime_ns, inode) of every file the tracker renders (Pagefind's search
    bundle, rebuilt whole when any page changed, is checked in test_search.py)."""
    return {path: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
            for p in site.rglob("*") if p.is_file()
            for path in [p.relative_to(site).as_posix()] if not path.startswith("pagefind/")}


def age(site: Path) -> None:
    for p in site.rglob("*"):
        if p.is_file():
            os.utime(p, (OLD, OLD))


def test_rebuild_with_nothing_new_writes_nothing(ws_copy) -> None:
    ws, config = ws_copy
    age(ws.public_dir)
    before = snapshot(ws.public_dir)
    report = build_site(ws, config)
    assert report.total_written == 0 and report.removed == 0
    assert report.rendered == 0            # keys matched: not even re-rendered
    assert report.unchanged == len(before) - 1  # all but the manifest
    assert snapshot(ws.public_dir) == before


def test_new_version_rebuilds_only_touched_pages(ws_copy) -> None:
    ws, config = ws_copy
    age(ws.public_dir)
    before = snapshot(ws.public_dir)
    text = GLOBEX_V2.replace("data brokers", "data brokers and advertisers")
    assert record(ws, "globex", "privacy-policy", text, "2024-07-01")
    report = build_site(ws, config)
    after = snapshot(ws.public_dir)
    changed = {p for p in after if p not in before or after[p][0] != before[p][0]}
    assert set(report.written) == changed - {writer.MANIFEST}
    new_pages = {p for p in changed if p.startswith("companies/globex/privacy-policy/")}
    # new change, version and raw-capture pages; links on the previous change and version;
    # the document's compare page (a new choice) and its data file (a new text)
    assert len(new_pages) == 7
    assert {"companies/globex/privacy-policy/compare.html",
            "companies/globex/privacy-policy/compare-data.js"} <= new_pages
    assert "companies/globex/index.html" in changed and "index.html" in changed
    assert "feeds/all.atom" in changed and "feeds/companies/globex.rss" in changed
    assert not any(p.startswith(("companies/acme/", "companies/initech/", "feeds/companies/acme"))
                   for p in changed)
    for path, (_data, mtime, _inode) in before.items():
        if path not in changed:
            assert after[path][1] == mtime == OLD * 10**9, path  # untouched: old mtime kept
    assert report.rendered < len(after) / 3  # pages and feeds of others not even rendered
    assert report.removed == 0


def test_removed_company_pages_are_removed(ws_copy) -> None:
    ws, config = ws_copy
    shutil.rmtree(ws.repo_path("initech"))
    report = build_site(ws, config)
    assert not (ws.public_dir / "companies/initech").exists()
    assert not (ws.public_dir / "feeds/companies/initech.rss").exists()
    # company page, 2 versions + their 2 raw-capture pages, 1 change; 2 company + 2 doc
    # feeds; api/ company + change JSON; the compare page and its data file
    assert report.removed == 14
    assert not (ws.public_dir / "api/companies/initech.json").exists()
    assert "Initech" not in (ws.public_dir / "index.html").read_text("utf-8")


def test_interrupted_build_leaves_old_site_and_next_build_recovers(ws_copy, monkeypatch) -> None:
    ws, config = ws_copy
    before = snapshot(ws.public_dir)
    record(ws, "globex", "privacy-policy", GLOBEX_V2 + "\nNew clause.\n", "2024-07-01")

    def killed(path: Path) -> None:
        raise KeyboardInterrupt("killed while staging")
    monkeypatch.setattr(writer, "_sync_dir", killed)
    with pytest.raises(KeyboardInterrupt):
        build_site(ws, config)
    assert writer.staging_dir(ws.public_dir).is_dir()       # half-built site left aside...
    assert snapshot(ws.public_dir) == before                # ...the published one untouched
    monkeypatch.undo()
    report = build_site(ws, config)
    assert report.total_written > 0
    assert not writer.staging_dir(ws.public_dir).exists()
    assert not writer.old_dir(ws.public_dir).exists()
    assert any("2024-07-01" in p for p in report.written)


def test_crash_between_the_two_renames_is_undone(ws_copy) -> None:
    ws, config = ws_copy
    before = snapshot(ws.public_dir)
    out = ws.public_dir
    out.rename(writer.old_dir(out))                         # first rename done...
    writer.staging_dir(out).mkdir()                          # ...second one never happened
    (writer.staging_dir(out) / "index.html").write_text("half")
    report = build_site(ws, config)
    assert report.total_written == 0
    assert snapshot(out) == before
    assert not writer.old_dir(out).exists() and not writer.staging_dir(out).exists()


def test_render_error_keeps_published_site(ws_copy, monkeypatch) -> None:
    ws, config = ws_copy
    before = snapshot(ws.public_dir)
    record(ws, "acme", "terms-of-service", "# Terms\n\nAll new terms.\n", "2024-07-02")

    def broken(self, *args):
        raise RuntimeError("template exploded")
    monkeypatch.setattr(Renderer, "_version_page", broken)
    with pytest.raises(RuntimeError):
        build_site(ws, config)
    assert snapshot(ws.public_dir) == before


def test_refuses_to_replace_a_foreign_directory(ws_copy, tmp_path: Path) -> None:
    ws, config = ws_copy
    foreign = tmp_path / "www"
    foreign.mkdir()
    (foreign / "precious.txt").write_text("keep me")
    with pytest.raises(WorkspaceError, match="not built by policy-tracker"):
        build_site(ws, config, foreign)
    assert (foreign / "precious.txt").read_text() == "keep me"


def test_summary_cache_is_reused_and_pruned(ws_copy) -> None:
    ws, config = ws_copy
    cache = ws.cache_dir / "publish" / "summaries.json"
    data = json.loads(cache.read_text("utf-8"))
    assert len(data["summaries"]) == 5 and len(data["words"]) == 10
    shutil.rmtree(ws.public_dir)
    before = cache.stat().st_mtime_ns
    build_site(ws, config)                       # full render from cached summaries
    assert cache.stat().st_mtime_ns == before    # nothing new: cache not rewritten
    shutil.rmtree(ws.repo_path("initech"))
    build_site(ws, config)
    data = json.loads(cache.read_text("utf-8"))
    assert len(data["summaries"]) == 4 and len(data["words"]) == 8
