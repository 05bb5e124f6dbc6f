"""Notifications beyond the feeds: e-mail, chat and webhooks through Apprise, filtered by what
each change means, exactly-once per message through an outbox in the workspace.

Only the config model is imported eagerly (the config loader needs it); the rest loads on use.
"""

from __future__ import annotations

from typing import Any

from tracker.notify.config import Subscription, parse_subscriptions

__all__ = ["Subscription", "parse_subscriptions", "notify", "acknowledge", "NotifyReport",
           "send_test", "subscription_rows"]


def __getattr__(name: str) -> Any:
    if name in ("notify", "acknowledge", "NotifyReport"):
        from tracker.notify import run
        return getattr(run, name)
    if name in ("send_test", "subscription_rows"):
        from tracker.notify import manage
        return getattr(manage, name)
    raise AttributeError(name)
