"""`--shard auto`: the shard from Kubernetes Indexed Jobs, GitLab CI and GitHub Actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.main import main
from tracker.errors import UsageError
from tracker.tracking.run import parse_shard, shard_of
from tracker.tracking.shards import shard_from_env

from e2e_helpers import make_workspace
from test_track_scale import EtagSite, etag_site  # noqa: F401 - the live-server fixture

_VARIABLES = ("JOB_COMPLETION_INDEX", "CI_NODE_INDEX", "CI_NODE_TOTAL", "TRACKER_SHARD_INDEX",
              "TRACKER_SHARDS")


@pytest.mark.parametrize(("env", "shards", "expected"), [
    ({"JOB_COMPLETION_INDEX": "0"}, 4, (1, 4)),                       # Kubernetes, --shards
    ({"JOB_COMPLETION_INDEX": "3", "TRACKER_SHARDS": "4"}, None, (4, 4)),
    ({"CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "5"}, None, (2, 5)),     # GitLab parallel: 1-based
    ({"CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "5"}, 3, (2, 3)),        # --shards wins
    ({"TRACKER_SHARD_INDEX": "0", "TRACKER_SHARDS": "2"}, None, (1, 2)),  # GitHub matrix
    ({"JOB_COMPLETION_INDEX": "1", "CI_NODE_INDEX": "5", "CI_NODE_TOTAL": "9"}, 2, (2, 2)),
])
def test_auto_reads_the_schedulers_variables(env: dict[str, str], shards: int | None,
                                             expected: tuple[int, int]) -> None:
    assert shard_from_env(env, shards) == expected
    assert parse_shard("auto", shards, env) == expected


@pytest.mark.parametrize(("env", "shards", "message"), [
    ({}, 3, "no shard index"),
    ({"JOB_COMPLETION_INDEX": "1"}, None, "not the number of shards"),
    ({"JOB_COMPLETION_INDEX": "4"}, 4, "outside 4 shards"),
    ({"CI_NODE_INDEX": "0", "CI_NODE_TOTAL": "3"}, None, "outside 3 shards"),
    ({"JOB_COMPLETION_INDEX": "-1"}, 2, "whole number"),
    ({"TRACKER_SHARD_INDEX": "x", "TRACKER_SHARDS": "2"}, None, "whole number"),
    ({"TRACKER_SHARD_INDEX": "0", "TRACKER_SHARDS": "0"}, None, "at least 1"),
])
def test_auto_without_a_usable_shard_is_a_usage_error(env: dict[str, str], shards: int | None,
                                                      message: str) -> None:
    with pytest.raises(UsageError, match=message):
        shard_from_env(env, shards)


def test_track_shard_auto_runs_the_indexed_jobs_shard(tmp_path: Path, etag_site: EtagSite,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    slugs = [f"co{i}" for i in range(8)]
    for slug in slugs:
        etag_site.html(f"/{slug}")
    ws = make_workspace(tmp_path / "ws", etag_site, {s: [("privacy-policy", f"/{s}")]
                                                     for s in slugs})
    for name in _VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("JOB_COMPLETION_INDEX", "1")  # the second pod of the Indexed Job
    result = CliRunner().invoke(main, ["-w", str(ws.root), "track", "--shard", "auto",
                                       "--shards", "3"])
    assert result.exit_code == 0, result.output
    fetched = {path.strip("/") for path, _ in etag_site.hits}
    assert fetched == {s for s in slugs if shard_of(s, 3) == 2} and fetched


def test_shard_auto_without_an_index_is_exit_2(tmp_path: Path, etag_site: EtagSite,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ws = make_workspace(tmp_path / "ws", etag_site, {"acme": [("privacy-policy", "/p")]})
    for name in _VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for command in ("track", "run"):
        result = CliRunner().invoke(main, ["-w", str(ws.root), command, "--shard", "auto"])
        assert result.exit_code == 2 and "no shard index" in result.output, result.output
    assert etag_site.hits == []
