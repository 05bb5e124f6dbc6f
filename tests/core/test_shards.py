"""`--shard K/N` and `--shard auto`: the shard a process tracks, from its scheduler."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.errors import UsageError
from tracker.tracking.shards import shard_from_environment, shard_of


@pytest.mark.parametrize("env, count, expected", [
    ({"JOB_COMPLETION_INDEX": "0", "TRACKER_SHARDS": "4"}, None, (1, 4)),
    ({"JOB_COMPLETION_INDEX": "3"}, 4, (4, 4)),                       # --shards
    ({"JOB_COMPLETION_INDEX": "1", "TRACKER_SHARDS": "9"}, 3, (2, 3)),  # --shards wins
    ({"CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "3"}, None, (2, 3)),     # GitLab, 1-based
    ({"TRACKER_SHARD": "2/5", "JOB_COMPLETION_INDEX": "0"}, None, (2, 5)),
])
def test_auto_reads_the_engine(env: dict[str, str], count: int | None,
                               expected: tuple[int, int]) -> None:
    assert shard_from_environment(env, count) == expected


@pytest.mark.parametrize("env, message", [
    ({}, "no shard in the environment"),
    ({"JOB_COMPLETION_INDEX": "1"}, "no shard count"),
    ({"JOB_COMPLETION_INDEX": "4", "TRACKER_SHARDS": "4"}, "between 1 and N"),
    ({"JOB_COMPLETION_INDEX": "x", "TRACKER_SHARDS": "4"}, "must be a number"),
    ({"TRACKER_SHARD": "0/3"}, "between 1 and N"),
])
def test_auto_without_a_usable_shard_is_a_usage_error(env: dict[str, str],
                                                       message: str) -> None:
    with pytest.raises(UsageError, match=message):
        shard_from_environment(env)


def test_every_company_lands_in_exactly_one_auto_shard() -> None:
    slugs = [f"company-{i}" for i in range(200)]
    owners = {s: [k for k in range(1, 5)
                  if shard_from_environment({"JOB_COMPLETION_INDEX": str(k - 1)}, 4)
                  == (shard_of(s, 4), 4)] for s in slugs}
    assert all(len(v) == 1 for v in owners.values())


def test_cli_auto_without_environment_exits_2(tmp_path, monkeypatch) -> None:
    for name in ("JOB_COMPLETION_INDEX", "CI_NODE_INDEX", "TRACKER_SHARD", "TRACKER_SHARDS"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "tracker.toml").write_text("")
    done = CliRunner().invoke(main, ["-w", str(tmp_path), "track", "--shard", "auto"])
    assert done.exit_code == 2 and "no shard in the environment" in done.output
    monkeypatch.setenv("JOB_COMPLETION_INDEX", "1")
    done = CliRunner().invoke(main, ["-w", str(tmp_path), "track", "--shard", "auto",
                                     "--shards", "2"])
    assert done.exit_code == 0, done.output
