"""Which companies a shard tracks: ``--shard K/N``, or ``--shard auto`` from the engine.

Companies are assigned by rendezvous hashing of their slug, so N hosts split them with no
coordination, and ``auto`` reads K and N from the scheduler that started the process.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping

from tracker.errors import UsageError

# The most shards `--shard K/N` accepts: each company is scored once per shard, so an absurd
# N (10**12) would make a run spin instead of fetching; a thousand cron hosts is far beyond
# any deployment this tool is meant for.
MAX_SHARDS = 1000

# Where `--shard auto` finds the shard: (index variable, index base, count variable).
_ENGINES: tuple[tuple[str, int, str | None], ...] = (
    ("JOB_COMPLETION_INDEX", 0, None),          # Kubernetes Indexed Job (count: --shards)
    ("CI_NODE_INDEX", 1, "CI_NODE_TOTAL"),      # GitLab CI `parallel:`
)
SHARD_ENV, SHARDS_ENV = "TRACKER_SHARD", "TRACKER_SHARDS"


def shard_of(slug: str, shards: int) -> int:
    """The shard (1..shards) a company belongs to: rendezvous hashing of its slug.

    Every shard scores the slug with sha256 and the highest score wins, so any host computes
    the same answer with no coordination, the shards are disjoint and cover every company,
    and going from N to N+1 shards moves only the companies the new shard wins (about 1 in
    N+1) instead of reshuffling almost all of them as ``hash mod N`` would. Python's
    ``hash()`` is salted per process and would differ between hosts.
    """
    if not 1 <= shards <= MAX_SHARDS:
        raise UsageError(f"number of shards must be between 1 and {MAX_SHARDS}, not {shards}")

    def score(k: int) -> bytes:
        return hashlib.sha256(f"{k}/{slug}".encode("utf-8")).digest()

    return max(range(1, shards + 1), key=score)


def parse_shard(text: str) -> tuple[int, int]:
    """``"K/N"`` -> (K, N) with 1 <= K <= N; anything else is a usage error."""
    k, sep, n = text.strip().partition("/")
    if not sep or not all(p.strip().isascii() and p.strip().isdigit() and len(p.strip()) < 20
                          for p in (k, n)):
        raise UsageError(f"--shard must look like K/N (e.g. 2/5), not {text!r}")
    kk, nn = int(k), int(n)
    if not 1 <= kk <= nn:
        raise UsageError(f"--shard {text}: K must be between 1 and N")
    if nn > MAX_SHARDS:
        raise UsageError(f"--shard {text}: N must be at most {MAX_SHARDS}")
    return kk, nn


def shard_from_environment(environ: Mapping[str, str] | None = None,
                           count: int | None = None) -> tuple[int, int]:
    """``--shard auto``: (K, N) from the engine running this process.

    In order: ``TRACKER_SHARD=K/N`` (any engine, e.g. a GitHub Actions matrix value);
    a Kubernetes Indexed Job's ``JOB_COMPLETION_INDEX`` (0-based) with N from ``count``
    (``--shards``) or ``TRACKER_SHARDS``; GitLab's ``CI_NODE_INDEX``/``CI_NODE_TOTAL``.
    """
    env = os.environ if environ is None else environ
    if env.get(SHARD_ENV):
        return parse_shard(env[SHARD_ENV])
    for index_var, base, count_var in _ENGINES:
        raw = env.get(index_var, "").strip()
        if not raw:
            continue
        total = count if count is not None else env.get(count_var or SHARDS_ENV)
        if total is None or not str(total).strip():
            raise UsageError(f"--shard auto: {index_var}={raw} but no shard count; give "
                             f"--shards N or set {count_var or SHARDS_ENV}")
        if not raw.isdigit():
            raise UsageError(f"--shard auto: {index_var} must be a number, not {raw!r}")
        return parse_shard(f"{int(raw) + 1 - base}/{str(total).strip()}")
    raise UsageError("--shard auto: no shard in the environment (JOB_COMPLETION_INDEX with "
                     f"--shards or {SHARDS_ENV}, CI_NODE_INDEX/CI_NODE_TOTAL, or {SHARD_ENV}=K/N)")
