"""Commands bringing history in: import, backfill, reextract."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import click

from tracker.cli.edge import EXIT_DOC_FAILED, State, pass_state
from tracker.cli.notify import after_ingest, notify_flag_option
from tracker.cli.options import (
    Progress,
    jobs_option,
    example,
    stats_option,
    type_option,
    wait_option,
)
from tracker.runstats import RunStats


@click.command("import", epilog=example("tracker import ~/policy-archive",
                                        "tracker import ./snapshots --jobs 2 --stats"))
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@wait_option
@jobs_option("Processes extracting and committing companies in parallel "
             "[default: all CPUs].")
@notify_flag_option
@stats_option("import")
@pass_state
def import_command(state: State, directory: Path, wait: bool, jobs: int | None,
                   notify: bool, stats: RunStats) -> None:
    """Import dated snapshots into the companies' histories. DIR holds, in any mix:

    \b
      <company>/<YYYY-MM-DD>[THHMMSS].<ext>               the company's privacy-policy
      <company>/<document-type>/<YYYY-MM-DD>[THHMMSS].<ext>
      <site>.<ext> whose first line is an archive-date header, e.g.
        > *The following text is extracted and transformed from the acme.com privacy
        policy that was archived on 2019-06-10. Please check the [original snapshot on
        the Wayback Machine](https://web.archive.org/web/20190610234532id_/...)
    \b
    <ext> is md, markdown, txt, html, htm or pdf; times are UTC (THHMMSS optional, e.g.
    2024-05-09T101500.html). Every other file is named with the reason it was ignored.
    Importing twice adds nothing; versions older than recorded ones are placed below them
    (the output says when a document's history was rebuilt and commit ids changed).
    Companies are imported in parallel; new versions are streamed to git in one pack."""
    from tracker.ingest.importer import ignored_reason, import_directory
    from tracker.ingest.rebuilds import Before, histories, rebuilds

    workspace, config = state.open()
    started = state.clock()
    names = {c.slug: c.name for c in config.companies}
    files: dict[tuple[str, str], int] = {}
    bar = Progress(state.verbose)
    before: Before = {}

    def scanned(counts: Mapping[tuple[str, str], int]) -> None:
        files.update(counts)
        before.update(histories(workspace.snapshots_dir, counts))
        bar.start("Importing", sum(counts.values()))

    with bar, workspace.lock(wait=wait), stats.phase("import"):
        report = import_directory(
            workspace.snapshots_dir, directory, company_names=names, on_scan=scanned,
            progress=lambda company, doc_type, *_: bar.advance(files[(company, doc_type)]),
            stats=stats, workers=jobs)
        rebuilt = rebuilds(workspace.snapshots_dir, before)
    click.echo(report.summary())
    for path in report.ignored:
        click.echo(f"IGNORED  {path}: {ignored_reason(directory, path)}")
    for rebuild in rebuilt:
        click.echo(rebuild.note())
    code = after_ingest(state, workspace, config, sorted({c for c, _ in report.documents}),
                        started, notify)
    if report.errors:
        for error in report.errors:
            click.echo(f"ERROR    {error}", err=True)
        sys.exit(EXIT_DOC_FAILED)
    sys.exit(code)


@click.command(epilog=example("tracker backfill acme",
                              "tracker backfill acme --type terms-of-service --from 2019-01-01 "
                              "--limit 20"))
@click.argument("company")
@type_option("Document type (default: all of the company's).")
@click.option("--from", "since", type=click.DateTime(["%Y-%m-%d"]), help="Earliest capture.")
@click.option("--to", "until", type=click.DateTime(["%Y-%m-%d"]), help="Latest capture.")
@click.option("--limit", type=int, help="At most N captures per document (the oldest).")
@click.option("--archive-url", metavar="URL",
              help="Base URL of the Wayback Machine or a compatible archive "
                   "(default: [wayback] url, https://web.archive.org).")
@click.option("--wayback-url", hidden=True, help="Old name of --archive-url.")
@notify_flag_option
@stats_option("backfill")
@pass_state
def backfill(state: State, company: str, doc_type: str | None, since: datetime | None,
             until: datetime | None, limit: int | None, archive_url: str | None,
             wayback_url: str | None, notify: bool, stats: RunStats) -> None:
    """Import a document's history from the Wayback Machine: one summary line per document;
    exit 1 when some captures failed (the others are recorded). Rerun to resume."""
    from tracker.ingest.backfill import backfill_company
    from tracker.ingest.wayback import BackfillReport

    workspace, config = state.open()
    started = state.clock()

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
    code = after_ingest(state, workspace, config, [company], started, notify)
    sys.exit(EXIT_DOC_FAILED if run.failed else code)


@click.command(epilog=example("tracker reextract", "tracker reextract acme globex"))
@click.argument("companies", nargs=-1)
@pass_state
def reextract(state: State, companies: tuple[str, ...]) -> None:
    """Re-run extraction over the stored raw snapshot of each document's latest version
    after a rule or code change (e.g. new select/remove rules); a different text is
    committed as a technical change, never reported as a policy change. One line per
    document and a summary say what was done."""
    from tracker.ingest.reextract import reextract_companies

    workspace, config = state.open()
    outcomes = reextract_companies(workspace, config, companies)
    for outcome in outcomes:
        name = f"{outcome.company}/{outcome.doc_type}"
        if outcome.commit:
            click.echo(f"REEXTRACTED {name} ({outcome.commit[:10]})")
        elif outcome.failed:
            click.echo(f"FAILED      {name}: {outcome.reason}", err=True)
        elif outcome.reason:
            click.echo(f"SKIPPED     {name}: {outcome.reason}")
        else:
            click.echo(f"UNCHANGED   {name}: the stored snapshot gives the same text")
    done = sum(1 for o in outcomes if o.commit)
    skipped = sum(1 for o in outcomes if not o.commit and o.reason)
    failed = sum(1 for o in outcomes if o.failed)
    click.echo(f"{len(outcomes)} documents: {done} re-extracted (technical commits), "
               f"{len(outcomes) - done - skipped} unchanged, {skipped - failed} skipped, "
               f"{failed} failed.")
    if failed:
        sys.exit(EXIT_DOC_FAILED)
