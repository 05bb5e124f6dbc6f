"""The cron commands: track, build, run."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tracker.cli.edge import EXIT_DOC_FAILED, EXIT_OK, State, os_errors, pass_state
from tracker.cli.notify import dry_run_option, echo_notifications, no_notify_option
from tracker.errors import WorkspaceError
from tracker.cli.options import (
    Progress,
    jobs_option,
    out_option,
    type_option,
    shard_option,
    example,
    stats_option,
    wait_option,
)
from tracker.models import Config
from tracker.runstats import RunStats
from tracker.workspace import Workspace


def run_track(state: State, workspace: Workspace, config: Config,
              companies: tuple[str, ...], stats: RunStats,
              shard: tuple[int, int] | None = None, show_cosmetic: bool = False,
              notify: str = "send") -> int:
    """Run `track` (the caller holds the workspace lock) and print its cron-friendly lines;
    ``notify`` as tracking.track takes it (send, dry-run, off)."""
    from tracker.tracking.reports import news_lines
    from tracker.tracking.run import select_companies, track

    total = sum(len(c.documents) for c in select_companies(config, companies, shard))
    with Progress(state.verbose) as bar, stats.phase("track"):
        bar.start("Fetching", total)
        report = track(workspace, config, companies=companies or None, shard=shard,
                       progress=lambda outcome: bar.advance(), stats=stats,
                       clock=state.clock, notify=notify)
    for line, to_stderr in news_lines(report, verbose=bool(state.verbose),
                                      show_cosmetic=show_cosmetic
                                      or config.site.show_cosmetic):
        click.echo(line, err=to_stderr)
    for problem in report.problems:   # remote pull/push failures: one line per company
        click.echo(problem, err=True)
    if state.verbose:
        click.echo(f"{len(report.outcomes)} documents: {len(report.recorded)} recorded, "
                   f"{len(report.failed)} failed.")
    echo_notifications(state.verbose, report.notifications)
    if report.state_error:  # after the lines: what was done is reported whatever comes next
        raise WorkspaceError(report.state_error)
    return report.exit_code


def run_build(state: State, workspace: Workspace, config: Config, out: Path | None,
              stats: RunStats, jobs: int | None = None) -> int:
    """Build the site; exit code 1 when a company had to be left out or a change report
    failed (its ERROR is logged). One progress bar per step (detecting, writing)."""
    from tracker.publish import build_site

    with Progress(state.verbose) as bar, stats.phase("build"), \
            os_errors(f"cannot build the site in {out or workspace.public_dir}"):
        result = build_site(workspace, config, out, workers=jobs, stats=stats,
                            progress=bar.step)
    for warning in result.warnings:   # once per build, e.g. feeds without base_url
        click.echo(f"Warning: {warning}", err=True)
    if state.verbose:
        click.echo(result.summary())
    return EXIT_DOC_FAILED if result.errors else EXIT_OK


show_cosmetic_option = click.option(
    "--show-cosmetic", is_flag=True,
    help="Also print CHANGED lines of cosmetic changes (recorded either way; config: "
         "[site] show_cosmetic).")


@click.command(epilog=example("tracker track", "tracker track acme globex --wait"))
@click.argument("companies", nargs=-1)
@wait_option
@shard_option
@show_cosmetic_option
@dry_run_option
@no_notify_option
@stats_option("track")
@pass_state
def track(state: State, companies: tuple[str, ...], wait: bool,
          shard: tuple[int, int] | None, show_cosmetic: bool, dry_run: bool,
          no_notify: bool, stats: RunStats) -> None:
    """Fetch documents and record new versions, then notify the subscriptions. Prints only
    news, so cron mails only news: NEW/CHANGED lines on stdout (a CHANGED line carries the
    verdict and the headline; cosmetic changes are recorded but not printed), FAILED lines on
    stderr when a document starts failing, reaches [site] failure_threshold and once a day
    while it stays broken ([site] failure_reminder_hours), RECOVERED when it works again;
    nothing when nothing changed. Exit 1 when some document failed in this run."""
    workspace, config = state.open()
    with workspace.lock(wait=wait):
        code = run_track(state, workspace, config, companies, stats, shard, show_cosmetic,
                         notify=_mode(dry_run, no_notify))
    sys.exit(code)


@click.command(epilog=example("tracker build", "tracker build --out /var/www/policies -j 2"))
@out_option
@wait_option
@jobs_option("Processes computing change reports (default: all cores).")
@stats_option("build")
@pass_state
def build(state: State, out: Path | None, wait: bool, jobs: int | None,
          stats: RunStats) -> None:
    """Build the static website and RSS/Atom feeds (incremental)."""
    workspace, config = state.open()
    with workspace.lock(wait=wait):
        code = run_build(state, workspace, config, out, stats, jobs)
    sys.exit(code)


@click.command(epilog=example("tracker -w /srv/policies run",
                              "crontab: 17 * * * * tracker -w /srv/policies run"))
@click.argument("companies", nargs=-1)
@out_option
@wait_option
@shard_option
@show_cosmetic_option
@dry_run_option
@no_notify_option
@stats_option("run")
@pass_state
def run(state: State, companies: tuple[str, ...], out: Path | None, wait: bool,
        shard: tuple[int, int] | None, show_cosmetic: bool, dry_run: bool, no_notify: bool,
        stats: RunStats) -> None:
    """`track`, `build`, then notify the subscriptions (once the pages they link to are
    published): the command to put in cron (prints what `track` prints)."""
    from tracker.tracking import select_companies
    from tracker.tracking.notifying import notify_recorded

    workspace, config = state.open()
    with workspace.lock(wait=wait):
        started = state.clock()
        code = run_track(state, workspace, config, companies, stats, shard, show_cosmetic,
                         notify="off")
        code = max(code, run_build(state, workspace, config, out, stats))
        with stats.phase("notify"):
            notified = notify_recorded(
                workspace, config, [c.slug for c in select_companies(config, companies, shard)],
                started=started, mode=_mode(dry_run, no_notify))
        code = max(code, echo_notifications(state.verbose, notified))
    sys.exit(code)


@click.command(epilog=example("tracker accept acme --type privacy-policy"))
@click.argument("company")
@type_option("The document whose refused capture to record (needed when several have one).")
@wait_option
@pass_state
def accept(state: State, company: str, doc_type: str | None, wait: bool) -> None:
    """Record the capture `track` refused because its text shrank by more than max_shrink,
    when the page really did shrink. The refusal's reason goes into the commit (a Note:
    trailer); the document's fetch health becomes ok."""
    from tracker.tracking.refused import accept_refused

    workspace, config = state.open()
    with workspace.lock(wait=wait):
        accepted = accept_refused(workspace, config, company, doc_type)
    name = f"{accepted.company}/{accepted.doc_type}"
    if accepted.commit is None:
        click.echo(f"UNCHANGED {name}: the refused text is already the recorded version")
    elif accepted.verdict:
        click.echo(f"ACCEPTED {name} [{accepted.verdict}] {accepted.headline}")
    else:
        click.echo(f"ACCEPTED {name}: recorded ({accepted.commit[:10]})")


def _mode(dry_run: bool, no_notify: bool) -> str:
    """The notify mode of tracking.track from --dry-run / --no-notify."""
    return "off" if no_notify else "dry-run" if dry_run else "send"
