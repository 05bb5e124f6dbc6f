"""Checks a new capture must pass before it is recorded: a text that did not shrink
drastically (else it is kept for `tracker accept`), and a clock that did not go backwards."""

from __future__ import annotations

from datetime import datetime, timezone

from tracker.errors import ClockError, SuspiciousChangeError
from tracker.models import DocumentConfig


def check_plausible(text: str, previous: str | None, doc: DocumentConfig,
                    max_shrink: float, company: str = "COMPANY") -> None:
    """Refuse text that shrank drastically: more likely a broken page than a new policy.
    The message names the setting that decided and the command that accepts the text."""
    own = doc.max_shrink is not None
    share = doc.max_shrink if doc.max_shrink is not None else max_shrink
    if previous and share < 1 and len(text) < (1 - share) * len(previous):
        setting = (f"this document's max_shrink = {share:g}" if own else
                   f"[fetch] max_shrink = {share:g}; a document can set its own max_shrink")
        raise SuspiciousChangeError(
            f"extracted text shrank from {len(previous):,} to {len(text):,} characters "
            f"(more than {share:.0%}: {setting}); keeping the last good version. If the page "
            f"really shrank, record it with `tracker accept {company} --type {doc.type}`")


def check_clock(when: datetime, last: datetime | None) -> None:
    """Refuse a new version dated before the newest commit: history is kept in the order of
    record, so a clock that went backwards must never put an older date on top (the site
    would show the new text as older than the one it replaced). The next run with a right
    clock records it."""
    if last is not None and when < last:
        raise ClockError(
            f"the clock says {when.astimezone(timezone.utc):%Y-%m-%d %H:%M:%S} UTC, before the "
            f"last recorded version ({last.astimezone(timezone.utc):%Y-%m-%d %H:%M:%S} UTC): "
            "not recorded; check the system clock")
