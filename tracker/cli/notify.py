"""`tracker notify list|test`: the operator's view of the subscriptions, and a sample message.

Registered on the main group with one line; the work is in tracker.notify.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from tracker.cli.options import example


def _open(obj: Any) -> tuple[Any, Any]:
    """(workspace, config) from the group's State object."""
    return obj.open()


@click.group("notify", epilog=example("tracker notify list", "tracker notify test team-mail",
                                           "tracker notify send --dry-run"))
def notify_group() -> None:
    """Notifications (e-mail, chat, webhooks) for the [[subscriptions]] in tracker.toml."""


@notify_group.command("list", epilog=example("tracker notify list"))
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


@notify_group.command("test", epilog=example("tracker notify test team-mail"))
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


@notify_group.command("send", epilog=example("tracker notify send --dry-run"))
@click.option("--dry-run", is_flag=True, help="Print what would be sent; send nothing.")
@click.option("--wait", is_flag=True, help="Wait for a running tracker instead of exiting 75.")
@click.pass_obj
def send_pending(obj: Any, dry_run: bool, wait: bool) -> None:
    """A notification pass without tracking: queue the changes recorded since the last pass
    (every repository: after `tracker pull`, an import, or `track --no-notify`), send due
    digests and retries."""
    from tracker.tracking.notifying import notify_recorded

    workspace, config = _open(obj)
    with workspace.lock(wait=wait):
        report = notify_recorded(workspace, config, None, started=obj.clock(),
                                 mode="dry-run" if dry_run else "send")
    sys.exit(echo_notifications(obj.verbose, report))


# ------------------------------------------------------------------ used by track/run/import

dry_run_option = click.option(
    "--dry-run", is_flag=True,
    help="Print the notifications that would be sent and send none (recording, building "
         "and the outbox are unchanged: a later run sends them).")
no_notify_option = click.option(
    "--no-notify", "no_notify", is_flag=True,
    help="Queue and send no notifications (a later run, or `tracker notify send`, sends "
         "what this one recorded).")
notify_flag_option = click.option(
    "--notify", "notify", is_flag=True,
    help="Send notifications for the changes this brings in that are newer than the "
         "subscriptions (default: they are marked seen and never sent).")


def echo_notifications(verbose: int, report: Any) -> int:
    """Print a notification pass's lines (WOULD SEND on stdout, SENT with -v, FAILED on
    stderr) and return its exit code."""
    if report is None:
        return 0
    for line in report.planned:
        click.echo(line)
    if verbose:
        for line in report.sent:
            click.echo(line)
    for line in report.failure_lines():
        click.echo(line, err=True)
    return int(report.exit_code)


def after_ingest(state: Any, workspace: Any, config: Any, companies: list[str] | None,
                 started: Any, notify: bool) -> int:
    """After import/backfill: send (``--notify``) or mark seen; under the workspace lock so
    no cron run sends the same deliveries at once."""
    from tracker.tracking.notifying import acknowledge_recorded, notify_recorded

    if not config.subscriptions:
        return 0
    with workspace.lock(wait=True):
        if not notify:
            acknowledge_recorded(workspace, config, companies)
            return 0
        report = notify_recorded(workspace, config, companies, started=started)
    return echo_notifications(state.verbose, report)
