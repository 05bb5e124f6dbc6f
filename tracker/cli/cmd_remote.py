"""`tracker pull` and `tracker push`: company repositories to and from the [remote] git host."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from tracker.cli.edge import EXIT_OK, State, pass_state
from tracker.cli.options import example, wait_option
from tracker.errors import UsageError
from tracker.models import CompanyConfig, Config

if TYPE_CHECKING:  # the remote modules load on demand, when a command needs them
    from tracker.remote.workspace_sync import SyncReport


def _chosen(config: Config, names: tuple[str, ...]) -> list[CompanyConfig]:
    if not config.remote.enabled:
        raise UsageError(f"no [remote] url in {config.path}; add e.g.\n"
                         "  [remote]\n  url = \"git@git.example.org:policies/\"")
    from tracker.tracking.run import select_companies

    return select_companies(config, names or None)


def _print(state: State, report: SyncReport, verb: str) -> int:
    for result in report.done:
        if state.verbose or result.action not in ("up to date", "remote is empty",
                                                   "no remote repository yet"):
            click.echo(result.line())
    for line in report.lines(verb):
        click.echo(line, err=True)
    return report.exit_code or EXIT_OK


@click.command(epilog=example("tracker -w /srv/publisher pull && tracker -w /srv/publisher build"))
@click.argument("companies", nargs=-1)
@wait_option
@pass_state
def pull(state: State, companies: tuple[str, ...], wait: bool) -> None:
    """Fetch each company's repository and the shards' fetch state from the [remote].

    The publisher's step before `tracker build`: histories are fast-forwarded (never
    rewritten) and every shard's fetch state is merged into this workspace's state, so the
    status page and status feed cover every shard. One line per company that changed.
    """
    from tracker.remote.workspace_sync import pull_all

    workspace, config = state.open()
    chosen = _chosen(config, companies)
    with workspace.lock(wait=wait):
        report = pull_all(workspace, config, chosen, merge_state=True)
    sys.exit(_print(state, report, "pull"))


@click.command(epilog=example("tracker import ./archive && tracker push"))
@click.argument("companies", nargs=-1)
@wait_option
@pass_state
def push(state: State, companies: tuple[str, ...], wait: bool) -> None:
    """Push each company's repository and fetch state to the [remote], fast-forward only.

    `track` and `run` already push what they recorded when [remote] is set; this pushes what
    is local (after an import or a backfill, or a run whose push failed). A push the remote
    rejects is fetched, the local captures are replayed on the remote's history and pushed
    again: never a force push. A file:// remote repository is created when missing.
    """
    from tracker.remote.workspace_sync import push_all

    workspace, config = state.open()
    chosen = _chosen(config, companies)
    with workspace.lock(wait=wait):
        report = push_all(workspace, config, chosen)
    sys.exit(_print(state, report, "push"))
