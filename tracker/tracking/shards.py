"""`--shard auto`: the shard index and count from the scheduler that started this process.

Each engine names them differently, and none numbers shards like `--shard K/N` (1..N):

  Kubernetes Indexed Job   JOB_COMPLETION_INDEX (0..N-1); the count is not in the
                           environment: `--shards N` or TRACKER_SHARDS
  GitLab CI `parallel:`    CI_NODE_INDEX (1..N) and CI_NODE_TOTAL
  GitHub Actions matrix    no variables of its own: the workflow passes
                           TRACKER_SHARD_INDEX: ${{ strategy.job-index }} (0..N-1) and
                           TRACKER_SHARDS: ${{ strategy.job-total }}
  anything else            TRACKER_SHARD_INDEX (0..N-1) and TRACKER_SHARDS

`--shards N` wins over any count in the environment. The first index variable found, in the
order above, is used.
"""

from __future__ import annotations

from typing import Mapping

from tracker.errors import UsageError

# (variable, its value for shard 1, the variable holding the count if the engine sets one)
_INDEX_VARIABLES = (("JOB_COMPLETION_INDEX", 0, None),
                    ("CI_NODE_INDEX", 1, "CI_NODE_TOTAL"),
                    ("TRACKER_SHARD_INDEX", 0, None))
COUNT_VARIABLE = "TRACKER_SHARDS"


def shard_from_env(env: Mapping[str, str], shards: int | None = None) -> tuple[int, int]:
    """(K, N) for `--shard auto`, 1 <= K <= N; a missing or malformed value is a usage error."""
    for name, first, count_name in _INDEX_VARIABLES:
        raw = env.get(name, "").strip()
        if not raw:
            continue
        index = _number(raw, name)
        count = shards
        if count is None:
            count = _count(env, count_name, name)
        k = index - first + 1
        if not 1 <= k <= count:
            raise UsageError(f"--shard auto: {name}={raw} is outside {count} shards "
                             f"({first}..{count - 1 + first})")
        return k, count
    names = ", ".join(name for name, _, _ in _INDEX_VARIABLES)
    raise UsageError(f"--shard auto: no shard index in the environment (looked for {names})")


def _count(env: Mapping[str, str], engine_name: str | None, index_name: str) -> int:
    for name in (COUNT_VARIABLE, engine_name):
        raw = env.get(name, "").strip() if name else ""
        if raw:
            count = _number(raw, name)  # type: ignore[arg-type]
            if count < 1:
                raise UsageError(f"--shard auto: {name}={raw}: the number of shards must be "
                                 f"at least 1")
            return count
    raise UsageError(f"--shard auto: {index_name} is set but not the number of shards "
                     f"(give --shards N or set {COUNT_VARIABLE})")


def _number(raw: str, name: str) -> int:
    if not raw.isdigit() or not raw.isascii():
        raise UsageError(f"--shard auto: {name} must be a whole number, not {raw!r}")
    return int(raw)
