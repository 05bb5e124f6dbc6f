"""Which changes a subscription asks for: company, document type, verdict, topics, entities.

Filters combine with AND; within one key the values combine with OR ("any of"). Cosmetic
changes never match: they change nothing a subscriber could act on.
"""

from __future__ import annotations

from datetime import datetime

from tracker.notify.config import VERDICT_RANK, Subscription
from tracker.notify.facts import ChangeFacts


def matches(subscription: Subscription, change: ChangeFacts) -> bool:
    """True when the subscription wants to hear about this change."""
    rank = VERDICT_RANK.get(change.verdict, 0)
    if rank == 0 or rank < VERDICT_RANK[subscription.min_verdict]:
        return False
    if subscription.companies and change.company not in subscription.companies:
        return False
    if subscription.types and change.doc_type not in subscription.types:
        return False
    if subscription.topics and not set(subscription.topics) & set(change.topics):
        return False
    if subscription.entities:
        wanted = {e.lower() for e in subscription.entities}
        if not wanted & change.entity_names():
            return False
    return True


def wanted(subscription: Subscription, change: ChangeFacts, created: datetime) -> bool:
    """Matches, and was captured no earlier than the subscription was first seen (a new
    subscription never receives the history recorded before it)."""
    return change.date >= created and matches(subscription, change)


def importance(change: ChangeFacts) -> tuple[int, int, str]:
    """Sort key, most important first: verdict, then how much it states, then newest."""
    return (-VERDICT_RANK.get(change.verdict, 0), -len(change.bullets),
            _negated(change.captured_at))


def _negated(iso: str) -> str:
    # newest first within equal verdicts: invert the ISO timestamp's characters
    return "".join(chr(0x10FFFF - ord(c)) for c in iso)
