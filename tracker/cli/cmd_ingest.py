"""Commands bringing history in: import, backfill, reextract."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from tracker.cli.edge import EXIT_DOC_FAILED, EXIT_OK, State, pass_state
from tracker.cli.options import (
    Progress,
    jobs_option,
    stats_option,
    type_option,
    wait_option,
)
from tracker.runstats import RunStats


@click.command("import")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@wait_option
@jobs_option("Processes extracting and committing companies in parallel "
             "[default: all CPUs].")
@stats_option("import")
@pass_state
def import_command(state: State, directory: Path, wait: bool, jobs: int | None,
                   stats: RunStats) -> None:
    """Import dated snapshots: DIR/<company>/<YYYY-MM-DD>.{md,txt,html,pdf} or
    DIR/<company>/<document-type>/<date>.<ext>. Importing twice adds nothing.
    Companies are imported in parallel; new versions are streamed to git in one pack."""
    from tracker.ingest.importer import import_directory

    workspace, config = state.open()
    names = {c.slug: c.name for c in config.companies}
    files: dict[tuple[str, str], int] = {}
    bar = Progress(state.verbose)

    def scanned(counts: dict[tuple[str, str], int]) -> None:
        files.update(counts)
        bar.start("Importing", sum(counts.values()))

    with bar, workspace.lock(wait=wait), stats.phase("import"):
        report = import_directory(
            workspace.snapshots_dir, directory, company_names=names, on_scan=scanned,
            progress=lambda company, doc_type, *_: bar.advance(files[(company, doc_type)]),
            stats=stats, workers=jobs)
    click.echo(report.summary())
    if report.errors:
        for error in report.errors:
            click.echo(f"ERROR    {error}", err=True)
        sys.exit(EXIT_DOC_FAILED)


@click.command()
@click.argument("company")
@type_option("Document type (default: all of the company's).")
@click.option("--from", "since", type=click.DateTime(["%Y-%m-%d"]), help="Earliest capture.")
@click.option("--to", "until", type=click.DateTime(["%Y-%m-%d"]), help="Latest capture.")
@click.option("--limit", type=int, help="At most N captures per document (the oldest).")
@click.option("--archive-url", metavar="URL",
              help="Base URL of the Wayback Machine or a compatible archive "
                   "(default: [wayback] url, https://web.archive.org).")
@click.option("--wayback-url", hidden=True, help="Old name of --archive-url.")
@stats_option("backfill")
@pass_state
def backfill(state: State, company: str, doc_type: str | None, since: datetime | None,
             until: datetime | None, limit: int | None, archive_url: str | None,
             wayback_url: str | None, stats: RunStats) -> None:
    """Import a document's history from the Wayback Machine: one summary line per document;
    exit 1 when some captures failed (the others are recorded). Rerun to resume."""
    from tracker.ingest.backfill import backfill_company
    from tracker.ingest.wayback import BackfillReport

    workspace, config = state.open()

    def report(name: str, result: BackfillReport) -> None:
        bar.close()
        click.echo(f"{name}: {result.summary()}")
        note = result.rebuild_note(name)
        if note:
            click.echo(note)
        for error in result.errors:
            click.echo(f"ERROR    {name}: {error}", err=True)
        if result.stopped:
            click.echo(f"STOPPED  {name}: {result.stopped}", err=True)

    with Progress(state.verbose) as bar:
        run = backfill_company(workspace, config, company, doc_type=doc_type, since=since,
                               until=until, limit=limit, archive_url=archive_url or wayback_url,
                               stats=stats, progress=bar.step, on_report=report)
    sys.exit(EXIT_DOC_FAILED if run.failed else EXIT_OK)


@click.command()
@click.argument("companies", nargs=-1)
@pass_state
def reextract(state: State, companies: tuple[str, ...]) -> None:
    """Re-run extraction over stored raw snapshots after a rule or code change; results are
    committed as technical changes, never reported as policy changes."""
    from tracker.ingest.reextract import reextract_companies

    workspace, config = state.open()
    for outcome in reextract_companies(workspace, config, companies):
        name = f"{outcome.company}/{outcome.doc_type}"
        if outcome.commit:
            click.echo(f"REEXTRACTED {name} ({outcome.commit[:10]})")
        elif state.verbose and not outcome.reason:
            click.echo(f"UNCHANGED   {name}")
