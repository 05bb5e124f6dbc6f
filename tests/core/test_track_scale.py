"""Tracking at scale: a 304 costs no extraction or git work, and --shard K/N splits the
companies deterministically (disjoint, complete, stable across processes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.main import main
from tracker.runstats import RunStats
from tracker.tracking.run import shard_of, track

from tests.support.git import fsck, git
from tests.support.web import LocalServer
from tests.support.workspace import POLICY_SECTIONS, make_workspace, policy_document

REPO_ROOT = Path(__file__).resolve().parents[2]


def day(n: int) -> datetime:
    return datetime(2024, 5, n, 12, tzinfo=timezone.utc)


def test_a_304_costs_no_extraction_and_no_git_work(tmp_path: Path, web: LocalServer) -> None:
    companies = {}
    for slug in ("acme", "globex"):
        for doc_type in ("privacy-policy", "terms"):
            web.page(f"/{slug}/{doc_type}", policy_document(), etag=True)
        companies[slug] = [(t, f"/{slug}/{t}") for t in ("privacy-policy", "terms")]
    ws = make_workspace(tmp_path / "ws", web, companies)
    config = ws.load_config()

    first = RunStats("track")
    report = track(ws, config, captured_at=day(1), stats=first)
    assert [o.status for o in report.outcomes] == ["new"] * 4
    assert first.counts["extracted"] == 4 and first.counts["git_commits"] == 4
    assert first.counts["repos_opened"] == 2

    # Make every repository unopenable: any git work for a 304 would fail the document.
    heads = {}
    for slug in companies:
        head = ws.repo_path(slug) / ".git" / "HEAD"
        heads[slug] = head.read_text()
        head.write_text("garbage\n")
    second = RunStats("track")
    report = track(ws, config, captured_at=day(2), stats=second)
    assert [o.status for o in report.outcomes] == ["not-modified"] * 4, report.outcomes
    assert [code for _, code in web.hits[-4:]] == [304] * 4
    assert second.counts.get("not_modified") == 4
    for counter in ("extracted", "repos_opened", "git_commits", "fetched", "bytes_downloaded"):
        assert second.counts.get(counter, 0) == 0, counter
    assert "extract" not in second.phases and "git" not in second.phases

    # The counters do count: one changed page is downloaded, extracted and committed.
    for slug, text in heads.items():
        (ws.repo_path(slug) / ".git" / "HEAD").write_text(text)
    changed = list(POLICY_SECTIONS)
    changed[3] = ("Retention", "We keep account data for 90 days after you close your account.")
    web.page("/globex/terms", policy_document(changed), etag=True)
    third = RunStats("track")
    report = track(ws, config, captured_at=day(3), stats=third)
    assert [o.status for o in report.outcomes] == ["not-modified"] * 3 + ["changed"]
    assert (third.counts["extracted"], third.counts["git_commits"],
            third.counts["repos_opened"], third.counts["not_modified"]) == (1, 1, 1, 3)
    assert len(git(ws.repo_path("globex"), "log", "--format=%H").split()) == 3
    assert len(git(ws.repo_path("acme"), "log", "--format=%H").split()) == 2
    fsck(ws.repo_path("globex"))


def test_track_stats_json_shows_a_no_change_run_did_no_work(tmp_path: Path,
                                                            web: LocalServer) -> None:
    web.page("/p", policy_document(), etag=True)
    ws = make_workspace(tmp_path / "ws", web, {"acme": [("privacy-policy", "/p")]})
    assert CliRunner().invoke(main, ["-w", str(ws.root), "track"]).exit_code == 0
    result = CliRunner().invoke(main, ["-w", str(ws.root), "track", "--stats"])
    assert result.exit_code == 0 and result.stdout == ""
    stats = json.loads(result.stderr.strip().splitlines()[-1])
    assert stats["command"] == "track" and stats["counts"]["not_modified"] == 1
    assert stats["counts"].get("extracted", 0) == stats["counts"].get("git_commits", 0) == 0
    assert "fetch" in stats["phases"]


def test_shards_partition_the_companies_and_move_few_when_n_grows() -> None:
    slugs = [f"company-{i}" for i in range(300)]
    for n in (1, 2, 3, 5, 8):
        shards = {k: {s for s in slugs if shard_of(s, n) == k} for k in range(1, n + 1)}
        assert set().union(*shards.values()) == set(slugs)
        assert sum(len(v) for v in shards.values()) == len(slugs)  # disjoint
        assert all(len(v) > len(slugs) / n / 2 for v in shards.values())  # roughly balanced
    # rendezvous hashing: from 5 to 6 shards only the new shard's companies move
    moved = [s for s in slugs if shard_of(s, 5) != shard_of(s, 6)]
    assert all(shard_of(s, 6) == 6 for s in moved) and len(moved) < len(slugs) / 6 * 1.5


def test_shard_assignment_is_the_same_in_every_process() -> None:
    """Not Python's salted hash(): two processes with different hash seeds agree."""
    code = ("from tracker.tracking.run import shard_of; "
            "print([shard_of(f'c{i}', 7) for i in range(50)])")
    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), PYTHONHASHSEED=seed)
        outputs.add(subprocess.run([sys.executable, "-c", code], env=env, check=True,
                                   capture_output=True, text=True).stdout)
    assert outputs == {str([shard_of(f"c{i}", 7) for i in range(50)]) + "\n"}


def test_track_shard_fetches_and_records_only_its_companies(tmp_path: Path,
                                                            web: LocalServer) -> None:
    slugs = [f"co{i}" for i in range(8)]
    for slug in slugs:
        web.page(f"/{slug}", policy_document(), etag=True)
    ws = make_workspace(tmp_path / "ws", web, {s: [("privacy-policy", f"/{s}")]
                                                     for s in slugs})
    expected = {k: {s for s in slugs if shard_of(s, 3) == k} for k in (1, 2, 3)}
    assert all(expected.values())  # every shard has work with these 8 slugs
    seen: set[str] = set()
    for k in (1, 2, 3):
        before = len(web.hits)
        result = CliRunner().invoke(main, ["-w", str(ws.root), "track", "--shard", f"{k}/3"])
        assert result.exit_code == 0, result.output
        fetched = {path.strip("/") for path, _ in web.hits[before:]}
        assert fetched == expected[k]
        on_disk = {p.name for p in ws.snapshots_dir.iterdir() if (p / ".git").is_dir()}
        assert on_disk == seen | expected[k]
        seen |= expected[k]
    assert seen == set(slugs)


@pytest.mark.parametrize("value", ["0/3", "4/3", "1/0", "a/b", "2", "-1/3", "1/3/4", ""])
def test_bad_shard_values_are_usage_errors(tmp_path: Path, web: LocalServer,
                                           value: str) -> None:
    ws = make_workspace(tmp_path / "ws", web, {"acme": [("privacy-policy", "/p")]})
    for command in ("track", "run"):
        result = CliRunner().invoke(main, ["-w", str(ws.root), command, "--shard", value])
        assert result.exit_code == 2, (command, value, result.output)
        assert "--shard" in result.output
    assert web.hits == [] and not ws.snapshots_dir.exists()


def test_recording_lanes_never_run_two_tasks_of_one_company_at_once() -> None:
    """One writer per repository: a company's tasks run one after the other, in order, while
    different companies' tasks overlap."""
    import time

    from tracker.tracking.run import _CompanyLanes

    runs: list[tuple[str, int, float, float]] = []
    lock = threading.Lock()

    def task(key: str, n: int):
        def run() -> None:
            start = time.monotonic()
            time.sleep(0.02)
            with lock:
                runs.append((key, n, start, time.monotonic()))
        return run

    lanes = _CompanyLanes(4)
    for n in range(5):
        for key in ("a", "b", "c"):
            lanes.submit(key, task(key, n))
    assert lanes.backlog() > 0
    lanes.close(wait=True)
    assert lanes.idle() and len(runs) == 15
    for key in ("a", "b", "c"):
        mine = sorted((r for r in runs if r[0] == key), key=lambda r: r[2])
        assert [n for _, n, _, _ in mine] == list(range(5))  # in submission order
        assert all(prev[3] <= nxt[2] for prev, nxt in zip(mine, mine[1:]))  # never overlapping
    assert any(a[0] != b[0] and a[2] < b[3] and b[2] < a[3]  # companies ran side by side
               for a in runs for b in runs)
