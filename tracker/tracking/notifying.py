"""The notification step of a run: after `track` records, before or after `build` publishes.

Library callers of ``track`` get it too (``notify="send"`` is the default), so the CLI and a
script embedding the tracker notify alike. A notification failure never undoes or blocks what
was recorded: it comes back in the report as ``FAILED notify`` lines and exit code 1.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from tracker.errors import TrackerError
from tracker.models import Config
from tracker.workspace import Workspace

if TYPE_CHECKING:
    from tracker.notify.run import NotifyReport

log = logging.getLogger(__name__)
NOTIFY_MODES = ("send", "dry-run", "off")


def notify_recorded(workspace: Workspace, config: Config, companies: Sequence[str] | None, *,
                    started: datetime | None = None, now: datetime | None = None,
                    mode: str = "send") -> NotifyReport | None:
    """Queue and send the notifications for what the run recorded (``mode="dry-run"``: only
    list them); None when notifications are off or none are configured."""
    from tracker.notify.run import NotifyReport, notify

    if mode not in NOTIFY_MODES:
        raise ValueError(f"notify mode must be one of {NOTIFY_MODES}, not {mode!r}")
    if mode == "off" or not config.subscriptions:
        return None
    try:
        return notify(workspace, config, companies=companies, started=started, now=now,
                      dry_run=mode == "dry-run")
    except TrackerError as exc:   # an unreadable outbox: the recorded versions stay
        log.error("notifications: %s", exc)
        return NotifyReport(errors=[str(exc)])


def acknowledge_recorded(workspace: Workspace, config: Config,
                         companies: Sequence[str] | None) -> None:
    """After an import or backfill without ``--notify``: what it recorded is never sent."""
    from tracker.notify.run import acknowledge

    if config.subscriptions:
        acknowledge(workspace, config, companies)
