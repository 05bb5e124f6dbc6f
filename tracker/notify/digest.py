"""Digest periods and grouping: a daily or weekly message instead of one per change.

A change is held for a digest subscription under the period in which it was queued; once
that period has ended, the next run assembles one digest for it (exactly once: the outbox
refuses a second digest for the same subscription and period).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from tracker.notify.facts import ChangeFacts
from tracker.notify.filters import importance


def period_of(kind: str, when: datetime) -> str:
    """The period key: ``2026-12-06`` (daily) or ``2026-W49`` (weekly, ISO weeks, UTC)."""
    when = when.astimezone(timezone.utc)
    if kind == "daily":
        return when.strftime("%Y-%m-%d")
    if kind == "weekly":
        year, week, _ = when.isocalendar()
        return f"{year}-W{week:02d}"
    raise ValueError(f"no digest period {kind!r}")


def period_end(kind: str, key: str) -> datetime:
    """When the period ends (UTC): its digest is due from then on."""
    if kind == "daily":
        start = datetime.strptime(key, "%Y-%m-%d").replace(tzinfo=timezone.utc)
        return start + timedelta(days=1)
    year, week = key.split("-W")
    start = datetime.fromisocalendar(int(year), int(week), 1).replace(tzinfo=timezone.utc)
    return start + timedelta(days=7)


def period_label(kind: str, key: str) -> str:
    if kind == "daily":
        return key
    end = period_end(kind, key)
    start = end - timedelta(days=7)
    return f"week {key} ({start:%Y-%m-%d} to {end - timedelta(days=1):%Y-%m-%d})"


def group_by_company(changes: Iterable[ChangeFacts]
                     ) -> list[tuple[str, list[ChangeFacts]]]:
    """(company name, its changes most important first), companies ordered by their most
    important change."""
    groups: dict[str, list[ChangeFacts]] = {}
    for change in changes:
        groups.setdefault(change.company, []).append(change)
    ordered = [sorted(items, key=importance) for items in groups.values()]
    ordered.sort(key=lambda items: (importance(items[0]), items[0].company))
    return [(items[0].company_name, items) for items in ordered]
