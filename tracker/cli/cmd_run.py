"""The cron commands: track, build, run."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tracker.cli.edge import EXIT_DOC_FAILED, EXIT_OK, State, os_errors, pass_state
from tracker.errors import WorkspaceError
from tracker.cli.options import (
    Progress,
    jobs_option,
    out_option,
    shard_option,
    stats_option,
    wait_option,
)
from tracker.models import Config
from tracker.runstats import RunStats
from tracker.workspace import Workspace


def run_track(state: State, workspace: Workspace, config: Config,
              companies: tuple[str, ...], stats: RunStats,
              shard: tuple[int, int] | None = None) -> int:
    """Run `track` (the caller holds the workspace lock) and print its cron-friendly lines."""
    from tracker.tracking.run import NOT_MODIFIED, UNCHANGED, select_companies, track

    total = sum(len(c.documents) for c in select_companies(config, companies, shard))
    with Progress(state.verbose) as bar, stats.phase("track"):
        bar.start("Fetching", total)
        report = track(workspace, config, companies=companies or None, shard=shard,
                       progress=lambda outcome: bar.advance(), stats=stats)
    for outcome in report.outcomes:
        quiet_status = outcome.status in (UNCHANGED, NOT_MODIFIED)
        if not quiet_status or state.verbose:
            click.echo(outcome.line(), err=outcome.failed)
    for problem in report.problems:
        click.echo(problem, err=True)
    if state.verbose:
        click.echo(f"{len(report.outcomes)} documents: {len(report.recorded)} recorded, "
                   f"{len(report.failed)} failed.")
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
    if state.verbose:
        click.echo(result.summary())
    return EXIT_DOC_FAILED if result.errors else EXIT_OK


@click.command()
@click.argument("companies", nargs=-1)
@wait_option
@shard_option
@stats_option("track")
@pass_state
def track(state: State, companies: tuple[str, ...], wait: bool,
          shard: tuple[int, int] | None, stats: RunStats) -> None:
    """Fetch documents and record new versions. Prints one line per changed or failed
    document and nothing when nothing changed (cron-friendly)."""
    workspace, config = state.open()
    with workspace.lock(wait=wait):
        code = run_track(state, workspace, config, companies, stats, shard)
    sys.exit(code)


@click.command()
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


@click.command()
@click.argument("companies", nargs=-1)
@out_option
@wait_option
@shard_option
@stats_option("run")
@pass_state
def run(state: State, companies: tuple[str, ...], out: Path | None, wait: bool,
        shard: tuple[int, int] | None, stats: RunStats) -> None:
    """`track` then `build`: the command to put in cron."""
    workspace, config = state.open()
    with workspace.lock(wait=wait):
        code = run_track(state, workspace, config, companies, stats, shard)
        code = max(code, run_build(state, workspace, config, out, stats))
    sys.exit(code)
