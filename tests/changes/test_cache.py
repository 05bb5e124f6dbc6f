"""ReportCache: compute once, reuse, recompute after a detector upgrade, atomic files."""

from __future__ import annotations

import json
from pathlib import Path

import tracker.changes.cache as cache_mod
from tracker.changes import DETECTOR_VERSION, compare
from tracker.changes.cache import ReportCache


def test_miss_then_hit(tmp_path: Path, policy: str) -> None:
    new = policy.replace("30 days", "60 days")
    cache = ReportCache(tmp_path / "reports")
    first = cache.get(policy, new)
    assert (cache.hits, cache.misses) == (0, 1)
    files = list((tmp_path / "reports").glob("*.json"))
    assert len(files) == 1 and not list((tmp_path / "reports").glob(".tmp-*"))
    assert json.loads(files[0].read_text())["detector_version"] == DETECTOR_VERSION
    second = ReportCache(tmp_path / "reports").get(policy, new)
    assert second == first and second.to_json() == compare(policy, new).to_json()


def test_hit_does_not_recompute(tmp_path: Path, policy: str, monkeypatch) -> None:
    cache = ReportCache(tmp_path)
    cache.get(policy, policy + "\nMore.")

    def boom(*_a, **_k):
        raise AssertionError("recomputed a cached report")
    monkeypatch.setattr(cache_mod, "compare", boom)
    assert cache.get(policy, policy + "\nMore.").verdict
    assert cache.hits == 1


def test_key_depends_on_both_texts_and_version(tmp_path: Path, policy: str) -> None:
    c1 = ReportCache(tmp_path)
    assert c1.path_for("a", "b") != c1.path_for("b", "a")
    assert c1.path_for("a", "b") != ReportCache(tmp_path, version="0.0.1").path_for("a", "b")


def test_detector_upgrade_recomputes(tmp_path: Path, policy: str) -> None:
    old_cache = ReportCache(tmp_path, version="0.0.1")
    old_cache.get(policy, policy + "\nMore.")
    upgraded = ReportCache(tmp_path)
    upgraded.get(policy, policy + "\nMore.")
    assert upgraded.misses == 1
    assert upgraded.prune() == 1
    assert len(list(tmp_path.glob("*.json"))) == 1


def test_corrupt_entry_is_recomputed(tmp_path: Path, policy: str) -> None:
    cache = ReportCache(tmp_path)
    path = cache.path_for(policy, policy + "\nMore.")
    path.write_text("{not json")
    report = cache.get(policy, policy + "\nMore.")
    assert cache.misses == 1
    assert json.loads(path.read_text())["verdict"] == report.verdict
