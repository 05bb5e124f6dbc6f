"""Operator commands over the subscriptions: a sample message to one, and an overview of all
with their pending and failed deliveries (`tracker notify test|list`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from tracker.errors import TrackerError, UsageError
from tracker.models import Config
from tracker.notify.config import Subscription
from tracker.notify.secrets import secret_values
from tracker.notify.facts import ChangeFacts, REDLINE_ANCHOR, absolute
from tracker.notify.outbox import Outbox
from tracker.notify.render import channel_format, render_change
from tracker.notify.run import channel_key, outbox_path
from tracker.notify.send import DeliveryError, deliver, display_url
from tracker.workspace import Workspace


class NotifyError(TrackerError):
    """A notification could not be delivered (exit 1)."""


@dataclass(frozen=True)
class SubscriptionRow:
    name: str
    channels: tuple[str, ...]     # display form, secrets masked
    filters: str
    digest: str
    created: str
    pending: int
    failing: int
    held: int
    last_error: str


def subscription(config: Config, name: str) -> Subscription:
    sub = next((s for s in config.subscriptions if s.name == name), None)
    if sub is None:
        known = ", ".join(s.name for s in config.subscriptions) or "none configured"
        raise UsageError(f"unknown subscription {name!r} (known: {known})")
    return sub


def sample_change(config: Config, now: datetime) -> ChangeFacts:
    """A made-up change used by `tracker notify test`, linking to the site's front page."""
    url = absolute(config.site.base_url, "index.html")
    return ChangeFacts(
        id="urn:policy-tracker:test", company="example", company_name="Example Inc.",
        doc_type="privacy-policy", doc_title="Privacy Policy", captured_at=now.isoformat(),
        verdict="substantive",
        headline="Test message from policy-tracker: this is how a change will look",
        bullets=("Data is now kept for 30 days (was: as long as necessary)",
                 "Third parties added: Example Analytics"),
        topics=("retention", "sharing"), entities_added={"vendors": ["Example Analytics"]},
        entities_removed={}, url=url, redline_url=f"{url}#{REDLINE_ANCHOR}",
        report={"verdict": "substantive", "test": True})


def send_test(config: Config, name: str, *, now: datetime | None = None) -> list[str]:
    """Send a sample message to every channel of one subscription; one line per channel.
    NotifyError (after trying them all) when a channel failed."""
    sub = subscription(config, name)
    change = sample_change(config, now or datetime.now(timezone.utc))
    lines, failed = [], []
    for template in sub.urls:
        where = display_url(template)
        try:
            deliver(template, render_change(change, channel_format(template)),
                    secret_values(sub))
        except DeliveryError as exc:
            failed.append(f"FAILED notify {name}: {where}: {exc}")
            continue
        lines.append(f"SENT   notify {name} -> {where}: test message")
    if failed:
        raise NotifyError("\n".join(lines + failed))
    return lines


def subscription_rows(workspace: Workspace, config: Config) -> list[SubscriptionRow]:
    """Every configured subscription with the state of its deliveries."""
    path = outbox_path(workspace)
    rows = []
    outbox = Outbox(path) if path.exists() else None
    try:
        for sub in config.subscriptions:
            rows.append(_row(sub, outbox))
    finally:
        if outbox is not None:
            outbox.close()
    return rows


def _row(sub: Subscription, outbox: Outbox | None) -> SubscriptionRow:
    pending = failing = held = 0
    created, last_error = "-", ""
    keys = {channel_key(t) for t in sub.urls}
    if outbox is not None:
        held = outbox.held_count(sub.name)
        for delivery in outbox.open_deliveries():
            if delivery.subscription == sub.name and delivery.channel in keys:
                pending += 1
                if delivery.attempts:
                    failing += 1
                    last_error = delivery.last_error or last_error
        row = outbox.db.execute("SELECT created FROM subscriptions WHERE name = ?",
                                (sub.name,)).fetchone()
        created = row[0][:16].replace("T", " ") if row else "-"
    return SubscriptionRow(name=sub.name, channels=tuple(display_url(t) for t in sub.urls),
                           filters=_filters(sub), digest=sub.digest, created=created,
                           pending=pending, failing=failing, held=held, last_error=last_error)


def _filters(sub: Subscription) -> str:
    parts = [f"min_verdict={sub.min_verdict}"]
    for key in ("companies", "types", "topics", "entities"):
        values = getattr(sub, key)
        if values:
            parts.append(f"{key}={','.join(values)}")
    return " ".join(parts)
