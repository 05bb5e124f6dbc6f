"""Tracking: one run over the configured documents (fetch, extract, check, record), shards, lanes."""

from __future__ import annotations

from tracker.tracking.run import (
    RECORD_BACKLOG,
    DocOutcome,
    RunReport,
    shard_of,
    parse_shard,
    select_companies,
    check_plausible,
    track,
)

__all__ = [
    "RECORD_BACKLOG",
    "DocOutcome",
    "RunReport",
    "shard_of",
    "parse_shard",
    "select_companies",
    "check_plausible",
    "track",
]
