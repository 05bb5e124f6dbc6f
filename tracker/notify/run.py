"""One notification pass: find new changes, queue them for the subscriptions that match,
assemble due digests, and send what is due, one channel's failure never stopping another.

Called by ``tracking.track`` after a run records changes (and by ``import``/``backfill``
with ``--notify``); ``acknowledge`` is the pass that queues nothing, so a bulk import does
not mail its history later.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tracker.models import Config
from tracker.notify.config import Subscription
from tracker.notify.secrets import secret_values
from tracker.notify.digest import period_end, period_of
from tracker.notify.facts import ChangeFacts
from tracker.notify.filters import wanted
from tracker.notify.outbox import DROPPED, SENDING, SENT, Delivery, Outbox
from tracker.notify.render import Message, channel_format, render_change, render_digest
from tracker.notify.scan import ScanResult, scan
from tracker.notify.send import DeliveryError, deliver, display_url
from tracker.workspace import Workspace

log = logging.getLogger(__name__)
RETRY_FIRST = 300.0          # seconds before the first retry of a failed channel
RETRY_MAX = 6 * 3600.0       # the wait doubles per failure up to this


@dataclass
class NotifyReport:
    """What a pass did: lines for the CLI, failures per subscription."""

    sent: list[str] = field(default_factory=list)
    planned: list[str] = field(default_factory=list)      # --dry-run: what would be sent
    failures: dict[str, str] = field(default_factory=dict)  # subscription -> reason
    errors: list[str] = field(default_factory=list)
    queued: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if self.failures or self.errors else 0

    def failure_lines(self) -> list[str]:
        return ([f"FAILED notify {name}: {reason}" for name, reason in self.failures.items()]
                + [f"ERROR  notify {error}" for error in self.errors])


def outbox_path(workspace: Workspace) -> Path:
    return workspace.state_dir / "notify" / "outbox.sqlite"


def channel_key(template: str) -> str:
    return hashlib.sha256(template.encode("utf-8")).hexdigest()[:16]


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(RETRY_FIRST * 2 ** max(attempts - 1, 0), RETRY_MAX))


def notify(workspace: Workspace, config: Config, *, companies: Sequence[str] | None = None,
           started: datetime | None = None, now: datetime | None = None,
           dry_run: bool = False) -> NotifyReport:
    """Queue the new changes of ``companies`` (default: every repository) for the matching
    subscriptions and send everything due. ``started``: when the run began (a subscription
    first seen by this run receives the changes it recorded). ``dry_run`` writes nothing and
    sends nothing, and lists what would be sent."""
    report = NotifyReport()
    if not config.subscriptions:
        return report
    now = now or datetime.now(timezone.utc)
    with Outbox(outbox_path(workspace)) as outbox:
        created = outbox.register([s.name for s in config.subscriptions], started or now) \
            if not dry_run else _created(outbox, config, started or now)
        scope = list(companies) if companies is not None else workspace.company_slugs_on_disk()
        found = scan(workspace, config, outbox, scope, min(created.values()))
        report.errors += found.errors
        if dry_run:
            _plan(outbox, config, found, created, now, report)
            return report
        with outbox.transaction():
            report.queued = _queue(outbox, config, found.changes, created, now)
            found.save_marks(outbox)
        _assemble_due_digests(outbox, config, now)
        _send_due(outbox, config, now, report)
    return report


def acknowledge(workspace: Workspace, config: Config, companies: Sequence[str] | None = None,
                ) -> None:
    """Mark everything recorded so far as seen without queuing it (import/backfill without
    ``--notify``): a later run will not send it."""
    if not config.subscriptions:
        return
    with Outbox(outbox_path(workspace)) as outbox:
        scope = list(companies) if companies is not None else workspace.company_slugs_on_disk()
        far_future = datetime.max.replace(tzinfo=timezone.utc)
        found = scan(workspace, config, outbox, scope, far_future)
        with outbox.transaction():
            found.save_marks(outbox)


def _created(outbox: Outbox, config: Config, started: datetime) -> dict[str, datetime]:
    known = {name: datetime.fromisoformat(c) for name, c in
             outbox.db.execute("SELECT name, created FROM subscriptions")}
    return {s.name: known.get(s.name, started.replace(microsecond=0))
            for s in config.subscriptions}


def _targets(config: Config, change: ChangeFacts,
             created: dict[str, datetime]) -> list[Subscription]:
    return [s for s in config.subscriptions if wanted(s, change, created[s.name])]


def _queue(outbox: Outbox, config: Config, changes: list[ChangeFacts],
           created: dict[str, datetime], now: datetime) -> int:
    count = 0
    for change in changes:
        subs = _targets(config, change, created)
        if subs:
            outbox.add_change(change)
        for sub in subs:
            if sub.digest != "none":
                outbox.hold(sub.name, change.id, period_of(sub.digest, now))
                continue
            for template in sub.urls:
                outbox.queue(sub.name, channel_key(template), "change", change.id, now)
                count += 1
    return count


def _plan(outbox: Outbox, config: Config, found: ScanResult, created: dict[str, datetime],
          now: datetime, report: NotifyReport) -> None:
    """--dry-run: the messages this pass would send, the changes it would hold."""
    for change in found.changes:
        for sub in _targets(config, change, created):
            title = render_change(change, "markdown").title
            if sub.digest != "none":
                report.planned.append(f"WOULD HOLD {sub.name} ({sub.digest} digest): {title}")
            for template in sub.urls if sub.digest == "none" else ():
                report.planned.append(f"WOULD SEND {sub.name} -> {display_url(template)}: "
                                      f"{title}")
    for sub in config.subscriptions:
        for period in _due_periods(outbox, sub, now):
            report.planned.append(f"WOULD SEND {sub.name}: {sub.digest} digest {period} "
                                  f"({len(outbox.held_changes(sub.name, period))} changes)")
    for delivery, target, url in _open(outbox, config):
        if target is None or url is None or _waiting(delivery, now):
            continue
        message = _message(outbox, target, delivery, url)
        report.planned.append(f"WOULD SEND {target.name} -> {display_url(url)}: "
                              f"{message.title}" + (" (retry)" if delivery.attempts else ""))


def _due_periods(outbox: Outbox, sub: Subscription, now: datetime) -> list[str]:
    if sub.digest == "none":
        return []
    return [p for p in outbox.held_periods(sub.name) if period_end(sub.digest, p) <= now]


def _assemble_due_digests(outbox: Outbox, config: Config, now: datetime) -> None:
    for sub in config.subscriptions:
        for period in _due_periods(outbox, sub, now):
            outbox.assemble_digest(sub.name, [channel_key(t) for t in sub.urls], period, now)


def _open(outbox: Outbox, config: Config
          ) -> list[tuple[Delivery, Subscription | None, str | None]]:
    """Open deliveries with their subscription and URL template; those whose subscription or
    URL left the config are dropped (never sent to an address the operator removed)."""
    subs = {s.name: s for s in config.subscriptions}
    result: list[tuple[Delivery, Subscription | None, str | None]] = []
    for delivery in outbox.open_deliveries():
        sub = subs.get(delivery.subscription)
        template = next((t for t in sub.urls if channel_key(t) == delivery.channel), None) \
            if sub else None
        result.append((delivery, sub, template) if template else (delivery, None, None))
    return result


def _waiting(delivery: Delivery, now: datetime) -> bool:
    due = delivery.next_attempt
    return due is not None and datetime.fromisoformat(due) > now


def _message(outbox: Outbox, sub: Subscription, delivery: Delivery, template: str) -> Message:
    fmt = channel_format(template)
    if delivery.kind == "digest":
        return render_digest(sub.digest, delivery.key,
                             outbox.held_changes(sub.name, delivery.key), fmt)
    change = outbox.change(delivery.key)
    if change is None:
        raise DeliveryError(f"change {delivery.key} is missing from the outbox")
    return render_change(change, fmt)


def _send_due(outbox: Outbox, config: Config, now: datetime, report: NotifyReport) -> None:
    """Send every due delivery; a channel that fails is not tried again in this pass."""
    down: set[tuple[str, str]] = set()
    for delivery, sub, template in _open(outbox, config):
        if sub is None or template is None:
            outbox.mark(delivery.id, DROPPED)
            continue
        if _waiting(delivery, now) or (sub.name, delivery.channel) in down:
            continue
        try:
            message = _message(outbox, sub, delivery, template)
            outbox.mark(delivery.id, SENDING)
            deliver(template, message, secret_values(sub))
        except DeliveryError as exc:
            outbox.failed(delivery.id, str(exc), now + backoff(delivery.attempts + 1))
            down.add((sub.name, delivery.channel))
            report.failures[sub.name] = f"{display_url(template)}: {exc}"
            continue
        outbox.mark(delivery.id, SENT, now=now)
        report.sent.append(f"SENT   notify {sub.name} -> {display_url(template)}: "
                           f"{message.title}")
