"""`tracker notify list|test`: the operator's view of the subscriptions, and a sample message.

Registered on the main group with one line; the work is in tracker.notify.
"""

from __future__ import annotations

import sys
from typing import Any

import click


def _open(obj: Any) -> tuple[Any, Any]:
    """(workspace, config) from the group's State object."""
    return obj.open()


@click.group("notify")
def notify_group() -> None:
    """Notifications (e-mail, chat, webhooks) for the [[subscriptions]] in tracker.toml."""


@notify_group.command("list")
@click.pass_obj
def list_subscriptions(obj: Any) -> None:
    """Subscriptions with their channels (secrets masked), filters, pending and failed
    deliveries."""
    from tracker.notify.manage import subscription_rows

    workspace, config = _open(obj)
    rows = subscription_rows(workspace, config)
    if not rows:
        click.echo("No subscriptions configured. Add [[subscriptions]] to tracker.toml "
                   "(README: Notifications).")
        return
    for row in rows:
        click.echo(f"{row.name}: {row.filters}, digest={row.digest}, since {row.created}")
        for channel in row.channels:
            click.echo(f"  -> {channel}")
        click.echo(f"  pending {row.pending}, failing {row.failing}, held for digest "
                   f"{row.held}" + (f"; last error: {row.last_error}" if row.last_error else ""))


@notify_group.command("test")
@click.argument("name")
@click.pass_obj
def test_subscription(obj: Any, name: str) -> None:
    """Send a sample message to every channel of subscription NAME (exit 1 if one fails)."""
    from tracker.notify.manage import NotifyError, send_test

    _, config = _open(obj)
    try:
        lines = send_test(config, name)
    except NotifyError as exc:
        for line in str(exc).splitlines():
            click.echo(line, err=line.startswith("FAILED"))
        sys.exit(1)
    for line in lines:
        click.echo(line)
