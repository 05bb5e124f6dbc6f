"""Change reports computed on several processes: same site as one process, cached for the
next build, and a detector failure (an exception or a dying worker) costs only that change."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import tracker.changes.cache as report_cache
from tracker.cli.main import main
from tracker.publish import build_site, detect
from tracker.runstats import RunStats
from tracker.workspace import Workspace

from tests.support.publish import config_for, record

CULPRIT = "cover sheets"   # only in INITECH_V2: the initech change is the one that fails


def fresh(ws_copy) -> tuple[Workspace, object]:
    """The fixture workspace with no caches and no site: every report must be computed."""
    ws, config = ws_copy
    shutil.rmtree(ws.cache_dir)
    shutil.rmtree(ws.public_dir)
    return ws, config


def site_bytes(site: Path) -> dict[str, bytes]:
    """Every file the tracker renders; Pagefind's search bundle (pagefind/) is left out: its
    content-hashed file names differ between two indexing runs of the same pages."""
    return {path: p.read_bytes() for p in site.rglob("*") if p.is_file()
            for path in [p.relative_to(site).as_posix()] if not path.startswith("pagefind/")}


def test_pool_builds_the_same_site_as_one_process_and_caches_it(ws_copy, tmp_path) -> None:
    ws, config = fresh(ws_copy)
    serial_root = tmp_path / "serial"
    shutil.copytree(ws.root, serial_root, symlinks=True)
    serial = Workspace(serial_root)

    stats = RunStats("build")
    pooled = build_site(ws, config, workers=2, stats=stats)
    one = build_site(serial, config_for(serial_root), workers=1)
    assert pooled.changes >= detect.MIN_PARALLEL_PAIRS   # the pool really ran
    assert pooled.reports_computed == pooled.changes == one.reports_computed
    assert not pooled.errors and not one.errors
    assert site_bytes(ws.public_dir) == site_bytes(serial.public_dir)
    assert {"load", "detect", "render", "write"} <= stats.phases.keys()
    assert stats.counts["reports_computed"] == pooled.changes
    assert stats.counts["files_written"] == pooled.total_written > 0
    # every report is in the report cache, written by the workers
    assert len(list((ws.cache_dir / "reports").glob("*.json"))) == pooled.changes

    shutil.rmtree(ws.public_dir)   # even a full re-render recomputes nothing
    again = RunStats("build")
    second = build_site(ws, config, workers=2, stats=again)
    assert second.reports_computed == 0 and again.counts["reports_cached"] == second.changes
    assert site_bytes(ws.public_dir) == site_bytes(serial.public_dir)


def _fail_on_culprit(monkeypatch, failure) -> None:
    real = report_cache.compare

    def compare(old: str, new: str):
        if CULPRIT in new and CULPRIT not in old:
            failure()
        return real(old, new)
    # Workers are forked after this, so they run the patched detector too.
    monkeypatch.setattr(report_cache, "compare", compare)


def _raise() -> None:
    raise RuntimeError("detector exploded")


def _die() -> None:
    os._exit(3)   # a worker killed outright (segfault, OOM killer): the pool breaks


@pytest.mark.parametrize("failure, message", [(_raise, "detector exploded"),
                                              (_die, "process died")])
def test_a_failing_pair_is_an_error_for_that_change_only(ws_copy, monkeypatch, failure,
                                                          message) -> None:
    ws, config = fresh(ws_copy)
    _fail_on_culprit(monkeypatch, failure)
    report = build_site(ws, config, workers=2)
    assert report.reports_failed == 1
    assert len(report.errors) == 1 and "initech/privacy-policy" in report.errors[0]
    assert message in report.errors[0]
    # all the others were computed and cached (a retried one may have been cached already by
    # the worker that died, so count the report cache, not this build's detector runs)
    assert len(list((ws.cache_dir / "reports").glob("*.json"))) == report.changes - 1
    initech = list((ws.public_dir / "companies/initech/privacy-policy/changes").glob("*.html"))
    assert len(initech) == 1
    page = initech[0].read_text("utf-8")
    assert "could not be computed" in page and message in page
    for page in (ws.public_dir / "companies/acme/privacy-policy/changes").glob("*.html"):
        assert "could not be computed" not in page.read_text("utf-8")

    monkeypatch.undo()   # the failure was not cached: the next build computes that change
    retry = build_site(ws, config, workers=2)
    assert retry.reports_computed == 1 and not retry.errors
    assert "could not be computed" not in initech[0].read_text("utf-8")


def test_build_stats_json_and_exit_code(ws_copy) -> None:
    ws, _ = ws_copy
    ws.config_path.write_text('[site]\ntitle = "Policy Watch"\n', encoding="utf-8")
    assert record(ws, "globex", "privacy-policy", "# Globex\n\nWe sell nothing at all.\n",
                  "2024-08-01")
    result = CliRunner().invoke(main, ["-w", str(ws.root), "build", "--stats", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stderr.strip().splitlines()[-1])
    assert stats["command"] == "build"
    assert {"build", "load", "detect", "render", "write"} <= stats["phases"].keys()
    counts = stats["counts"]
    assert counts["companies"] == 3 and counts["reports_computed"] == 1
    assert counts["reports_cached"] == counts["changes"] - 1
    assert counts["files_written"] > 0 and counts["files_unchanged"] > 0
    assert stats["peak_rss_mb"] > 0
