"""The `tracker` command: thin click commands over the library.

Domain errors become one-line messages with meaningful exit codes here and nowhere else:
0 all good, 1 some documents failed (others recorded), 2 usage or config error,
3 workspace or repository error, 75 another run holds the lock.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import click

from tracker import __version__
from tracker.errors import TrackerError, UsageError
from tracker.models import Config
from tracker.workspace import Workspace

log = logging.getLogger("tracker")

EXIT_OK, EXIT_DOC_FAILED, EXIT_USAGE, EXIT_WORKSPACE, EXIT_LOCKED = 0, 1, 2, 3, 75


class TrackerClickError(click.ClickException):
    """A domain error shown as `Error: ...` with the error's own exit code."""

    def __init__(self, error: TrackerError) -> None:
        super().__init__(str(error))
        self.exit_code = error.exit_code


class _Group(click.Group):
    """Turns domain exceptions into clean messages at the edge, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            raise TrackerClickError(exc) from None
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)


class State:
    """Per-invocation context: the workspace directory and verbosity."""

    def __init__(self, root: Path, verbose: int) -> None:
        self.root = root
        self.verbose = verbose

    def workspace(self) -> Workspace:
        return Workspace.open(self.root)

    def open(self) -> tuple[Workspace, Config]:
        workspace = self.workspace()
        return workspace, workspace.load_config()


pass_state = click.make_pass_decorator(State)


def _setup_logging(verbose: int) -> None:
    level = logging.DEBUG if verbose >= 2 else logging.INFO if verbose == 1 else logging.ERROR
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr, force=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-w", "--workspace", "root", type=click.Path(file_okay=False, path_type=Path),
              envvar="TRACKER_WORKSPACE", default=".", show_default="current directory",
              help="Workspace directory (holds tracker.toml). Env: TRACKER_WORKSPACE.")
@click.option("-v", "--verbose", count=True, help="More output (-vv for debug logging).")
@click.version_option(__version__, prog_name="policy-tracker")
@click.pass_context
def main(ctx: click.Context, root: Path, verbose: int) -> None:
    """Watch privacy policies and terms, keep every version in git, explain what changed,
    and publish feeds and a static website."""
    _setup_logging(verbose)
    ctx.obj = State(root, verbose)


# --------------------------------------------------------------------------- workspace & config

@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@pass_state
def init(state: State, directory: Path | None) -> None:
    """Create a workspace with a commented starter tracker.toml."""
    workspace = Workspace.init(directory or state.root)
    click.echo(f"Created {workspace.config_path}")
    click.echo("Add documents with `tracker add COMPANY URL`, then run `tracker track`.")


@main.command()
@click.argument("company")
@click.argument("url")
@click.option("--type", "doc_type", default="privacy-policy", show_default=True,
              help="Document type, e.g. privacy-policy or terms-of-service.")
@click.option("--name", help="Company display name (new companies only).")
@click.option("--homepage", help="Company homepage (new companies only).")
@pass_state
def add(state: State, company: str, url: str, doc_type: str, name: str | None,
        homepage: str | None) -> None:
    """Add a document to track (and the company, if new) to tracker.toml."""
    from tracker.config.loading import add_document, is_safe_slug, slugify

    workspace = state.workspace()
    slug = company if is_safe_slug(company) else slugify(company)
    if slug != company and not name:
        name = company
    add_document(workspace.config_path, slug, url, doc_type=doc_type, name=name,
                 homepage=homepage)
    click.echo(f"Added {slug}/{doc_type}: {url}")


@main.command("list")
@pass_state
def list_documents(state: State) -> None:
    """Documents with their last capture, last change and fetch status."""
    from tracker.tracking.overview import document_rows

    workspace, config = state.open()
    rows = document_rows(workspace, config)
    if not rows:
        click.echo("No documents configured. Add one with `tracker add COMPANY URL`.")
        return
    header = ("DOCUMENT", "VERSIONS", "LAST CAPTURE", "LAST CHANGE", "STATUS")
    table = [header] + [r.cells() for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())


@main.command()
@pass_state
def status(state: State) -> None:
    """Fetch health: failing documents with their first failure and last error."""
    from tracker.tracking.overview import document_rows

    workspace, config = state.open()
    rows = document_rows(workspace, config)
    failing = [r for r in rows if r.failures]
    click.echo(f"{len(rows)} documents, {len(failing)} failing.")
    for row in failing:
        click.echo(f"FAILING  {row.name}: {row.failures} consecutive failure(s) since "
                   f"{_day(row.first_failure)}; last error: {row.last_error}")
    if failing:
        sys.exit(EXIT_DOC_FAILED)


def _day(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"


# --------------------------------------------------------------------------- track / build / run

class _Progress:
    """A progress bar on stderr only when a person is watching (a terminal, not -v); cron
    and pipes get nothing. ``update(n)`` advances; ``total`` may be raised once known."""

    def __init__(self, state: State, label: str, total: int = 0) -> None:
        self.bar = None
        if total and not state.verbose and sys.stderr.isatty():
            self.bar = click.progressbar(length=total, label=label, file=sys.stderr)
            self.bar.__enter__()

    def update(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def _phase(stats, name: str):
    """Time a phase into ``stats`` when ``--stats`` was given; a no-op otherwise."""
    if stats is None:
        yield
    else:
        with stats.phase(name):
            yield


def stats_option(command_name: str):
    """``--stats``: print the run's phase timings and counters as one JSON line on stderr.

    The wrapped command receives ``stats`` (a RunStats or None); the JSON is printed even
    when the command exits with a non-zero code, since a failing run's timing matters most.
    """
    import functools

    def decorate(fn):
        @click.option("--stats", "want_stats", is_flag=True,
                      help="Print timings and counters as one JSON line on stderr.")
        @functools.wraps(fn)
        def wrapper(*args, want_stats: bool, **kwargs):
            from tracker.runstats import RunStats

            stats = RunStats(command_name) if want_stats else None
            try:
                return fn(*args, stats=stats, **kwargs)
            finally:
                if stats is not None:
                    click.echo(stats.to_json(), err=True)
        return wrapper
    return decorate


def _run_track(state: State, workspace: Workspace, config: Config,
               companies: tuple[str, ...], stats=None,
               shard: tuple[int, int] | None = None) -> int:
    """Run `track` (the caller holds the workspace lock) and print its cron-friendly lines."""
    from tracker.tracking.run import NOT_MODIFIED, UNCHANGED, select_companies, track

    total = sum(len(c.documents) for c in select_companies(config, companies, shard))
    with _Progress(state, "Fetching", total) as bar, _phase(stats, "track"):
        report = track(workspace, config, companies=companies or None, shard=shard,
                       progress=lambda outcome: bar.update(1), stats=stats)
    with _phase(stats, "detect"):
        _warm_report_cache(workspace, report)
    if stats is not None:
        stats.set("documents", len(report.outcomes))
        stats.set("recorded", len(report.recorded))
        stats.set("failed", len(report.failed))
    for outcome in report.outcomes:
        quiet_status = outcome.status in (UNCHANGED, NOT_MODIFIED)
        if not quiet_status or state.verbose:
            click.echo(outcome.line(), err=outcome.failed)
    if state.verbose:
        click.echo(f"{len(report.outcomes)} documents: {len(report.recorded)} recorded, "
                   f"{len(report.failed)} failed.")
    return report.exit_code


def _shard_param(ctx: click.Context, param: click.Parameter,
                 value: str | None) -> tuple[int, int] | None:
    """``--shard K/N`` (or ``auto``, with ``--shards``) as (K, N); a malformed value is a usage
    error (exit 2)."""
    from tracker.tracking.run import parse_shard

    if value is None:
        return None
    try:
        return parse_shard(value, ctx.meta.get("tracker.shards"))
    except UsageError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


def _shards_param(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    ctx.meta["tracker.shards"] = value


def _shard_option(command: Callable) -> Callable:
    command = click.option(
        "--shard", callback=_shard_param, metavar="K/N|auto",
        help="Only the companies of shard K of N (a stable hash of the company slug), so N cron "
             "hosts split the companies with no coordination. 'auto': K and N from the "
             "scheduler (JOB_COMPLETION_INDEX, CI_NODE_INDEX/CI_NODE_TOTAL, "
             "TRACKER_SHARD_INDEX/TRACKER_SHARDS).")(command)
    return click.option(
        "--shards", type=click.IntRange(min=1), is_eager=True, expose_value=False,
        callback=_shards_param, metavar="N",
        help="The number of shards for --shard auto (else TRACKER_SHARDS or the scheduler's "
             "own count).")(command)


def _warm_report_cache(workspace: Workspace, report) -> None:
    """Compute change reports for new versions now, so publishing never waits on them."""
    from tracker.storage.history import company_repo, document_changes

    for outcome in report.recorded:
        repo = company_repo(workspace, outcome.company)
        if repo is None:
            continue
        for change in document_changes(workspace, repo, outcome.company, outcome.doc_type,
                                       limit=1):
            log.info("%s/%s: %s", outcome.company, outcome.doc_type, change.report.headline)


@main.command()
@click.argument("companies", nargs=-1)
@click.option("--wait", is_flag=True, help="Wait for a running tracker instead of exiting 75.")
@_shard_option
@stats_option("track")
@pass_state
def track(state: State, companies: tuple[str, ...], wait: bool,
          shard: tuple[int, int] | None, stats) -> None:
    """Fetch documents and record new versions. Prints one line per changed or failed
    document and nothing when nothing changed (cron-friendly)."""
    workspace, config = state.open()
    with workspace.lock(wait=wait):
        code = _run_track(state, workspace, config, companies, stats, shard)
    sys.exit(code)


def _run_build(state: State, workspace: Workspace, config: Config, out: Path | None,
               stats=None, jobs: int | None = None) -> int:
    """Build the site; exit code 1 when a company had to be left out or a change report
    failed (its ERROR is logged). One progress bar per step (detecting, writing)."""
    from tracker.publish import build_site

    bar: list = [None, "", 0]   # the current _Progress, its label, the count it shows

    def progress(label: str, done: int, total: int) -> None:
        if bar[1] != label:
            if bar[0] is not None:
                bar[0].close()
            bar[:] = [_Progress(state, label, total), label, 0]
        bar[0].update(done - bar[2])
        bar[2] = done

    try:
        with _phase(stats, "build"):
            result = build_site(workspace, config, out, workers=jobs, stats=stats,
                                progress=progress)
    finally:
        if bar[0] is not None:
            bar[0].close()
    if state.verbose:
        click.echo(result.summary())
    return EXIT_DOC_FAILED if result.errors else EXIT_OK


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Output directory (default: WORKSPACE/public).")
@click.option("--wait", is_flag=True, help="Wait for a running tracker instead of exiting 75.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes computing change reports (default: all cores).")
@stats_option("build")
@pass_state
def build(state: State, out: Path | None, wait: bool, jobs: int | None, stats) -> None:
    """Build the static website and RSS/Atom feeds (incremental)."""
    workspace, config = state.open()
    with workspace.lock(wait=wait):
        code = _run_build(state, workspace, config, out, stats, jobs)
    sys.exit(code)


@main.command()
@click.argument("companies", nargs=-1)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Output directory (default: WORKSPACE/public).")
@click.option("--wait", is_flag=True, help="Wait for a running tracker instead of exiting 75.")
@_shard_option
@stats_option("run")
@pass_state
def run(state: State, companies: tuple[str, ...], out: Path | None, wait: bool,
        shard: tuple[int, int] | None, stats) -> None:
    """`track` then `build`: the command to put in cron."""
    workspace, config = state.open()
    with workspace.lock(wait=wait):
        code = _run_track(state, workspace, config, companies, stats, shard)
        code = max(code, _run_build(state, workspace, config, out, stats))
    sys.exit(code)


# --------------------------------------------------------------------------- history & diffs

def _pick_doc_type(repo, doc_type: str | None, company: str) -> str:
    types = repo.doc_types()
    if doc_type:
        if doc_type not in types:
            raise UsageError(f"{company} has no {doc_type!r} document (has: "
                             f"{', '.join(types) or 'none'})")
        return doc_type
    if not types:
        raise UsageError(f"{company} has no recorded documents yet")
    return "privacy-policy" if "privacy-policy" in types else types[0]


@main.command("log")
@click.argument("company")
@click.option("--type", "doc_type", help="Document type (default: privacy-policy or the only one).")
@click.option("-n", "--limit", type=int, default=0, help="Show at most N versions.")
@pass_state
def log_command(state: State, company: str, doc_type: str | None, limit: int) -> None:
    """The versions of a document, newest first, with each change's verdict and headline."""
    from tracker.storage.history import document_history, require_repo

    workspace = state.workspace()
    repo = require_repo(workspace, company)
    doc_type = _pick_doc_type(repo, doc_type, company)
    entries = document_history(workspace, repo, company, doc_type)
    for entry in entries[:limit or None]:
        version = entry.version
        line = f"{version.date:%Y-%m-%d %H:%M}  {version.commit[:10]}  "
        if version.technical:
            line += "[technical] re-extraction (not a policy change)"
        elif entry.report is None:
            line += "[first] first record"
        else:
            line += f"[{entry.report.verdict}] {entry.report.headline}"
        click.echo(line)


@main.command()
@click.argument("args", nargs=-1, required=True)
@click.option("--type", "doc_type", help="Document type for COMPANY mode.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
              show_default=True)
@pass_state
def diff(state: State, args: tuple[str, ...], doc_type: str | None, fmt: str) -> None:
    """Explain what changed in meaning.

    \b
    tracker diff OLD_FILE NEW_FILE            compare two files
    tracker diff COMPANY [REV_OLD [REV_NEW]]  compare stored versions (default: last change)
    """
    from tracker.changes import compare, render_html, render_text

    if len(args) == 2 and all(Path(a).is_file() for a in args):
        old, new = (_read_text(Path(a)) for a in args)
        report = compare(old, new)
    else:
        report = _stored_diff(state, args, doc_type)
    if fmt == "json":
        click.echo(report.to_json())
    elif fmt == "html":
        click.echo(render_html(report))
    else:
        click.echo(render_text(report).rstrip("\n"))


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def _stored_diff(state: State, args: tuple[str, ...], doc_type: str | None):
    from tracker.storage.history import require_repo

    if len(args) > 3:
        raise UsageError("usage: tracker diff COMPANY [REV_OLD [REV_NEW]] (or OLD_FILE NEW_FILE)")
    workspace = state.workspace()
    company, revs = args[0], list(args[1:])
    repo = require_repo(workspace, company)
    doc_type = _pick_doc_type(repo, doc_type, company)
    versions = repo.versions(doc_type)
    if not revs:
        if len(versions) < 2:
            raise UsageError(f"{company}/{doc_type} has only {len(versions)} version(s): "
                             "nothing to compare yet")
        old_rev, new_rev = versions[1].commit, versions[0].commit
    elif len(revs) == 1:
        old_rev, new_rev = revs[0], versions[0].commit
    else:
        old_rev, new_rev = revs
    from tracker.changes.cache import ReportCache

    old, new = (repo.text_at(rev, doc_type) for rev in (old_rev, new_rev))
    return ReportCache(workspace.reports_cache_dir).get(old, new)


# --------------------------------------------------------------------------- import & backfill

@main.command("import")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--wait", is_flag=True, help="Wait for a running tracker instead of exiting 75.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes extracting and committing companies in parallel "
                   "[default: all CPUs].")
@stats_option("import")
@pass_state
def import_command(state: State, directory: Path, wait: bool, jobs: int | None, stats) -> None:
    """Import dated snapshots: DIR/<company>/<YYYY-MM-DD>.{md,txt,html,pdf} or
    DIR/<company>/<document-type>/<date>.<ext>. Importing twice adds nothing.
    Companies are imported in parallel; new versions are streamed to git in one pack."""
    from tracker.ingest.importer import import_directory

    workspace, config = state.open()
    names = {c.slug: c.name for c in config.companies}
    bar = _Progress(state, "Importing", 0)  # replaced once the scan knows the total
    files: dict[tuple[str, str], int] = {}

    def scanned(counts) -> None:
        nonlocal bar
        files.update(counts)
        bar = _Progress(state, "Importing", sum(counts.values()))

    with workspace.lock(wait=wait), _phase(stats, "import"):
        try:
            report = import_directory(
                workspace.snapshots_dir, directory, company_names=names, on_scan=scanned,
                progress=lambda company, doc_type, *_: bar.update(files[(company, doc_type)]),
                stats=stats, workers=jobs)
        finally:
            bar.close()
    click.echo(report.summary())
    if report.errors:
        for error in report.errors:
            click.echo(f"ERROR    {error}", err=True)
        sys.exit(EXIT_DOC_FAILED)


@main.command()
@click.argument("company")
@click.option("--type", "doc_type", help="Document type (default: all of the company's).")
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
             wayback_url: str | None, stats) -> None:
    """Import a document's history from the Wayback Machine: one summary line per document;
    exit 1 when some captures failed (the others are recorded). Rerun to resume."""
    from tracker.config.loading import check_url
    from tracker.storage.repo import CompanyRepo
    from tracker.ingest.wayback import ArchiveClient, backfill as run_backfill

    workspace, config = state.open()
    conf = config.company(company)
    if conf is None:
        raise UsageError(f"unknown company {company!r}")
    docs = [d for d in conf.documents if doc_type in (None, d.type)]
    if not docs:
        raise UsageError(f"{company} has no {doc_type!r} document")
    if limit is not None and limit < 1:
        raise UsageError("--limit must be at least 1")
    if until is not None:  # --to is a day: include all of its captures
        until = until.replace(hour=23, minute=59, second=59)
    if since and until and since > until:
        raise UsageError("--from is after --to")
    base_url = archive_url or wayback_url or config.wayback.url
    reason = check_url(base_url, allow_file=False)
    if reason:
        raise UsageError(f"--archive-url {base_url!r} {reason}")
    failed = False
    with workspace.lock(), ArchiveClient(config.fetch,
                                         config.wayback.requests_per_minute) as client:
        repo = CompanyRepo.open(workspace.repo_path(company), create=True)
        for doc in docs:
            name = f"{company}/{doc.type}"
            with _BackfillProgress(state, name) as bar, _phase(stats, "backfill"):
                report = run_backfill(repo, conf.name, doc, config.fetch, since=since,
                                      until=until, limit=limit, base_url=base_url,
                                      client=client, progress=bar.update)
            click.echo(f"{name}: {report.summary()}")
            note = report.rebuild_note(name)
            if note:
                click.echo(note)
            for error in report.errors:
                click.echo(f"ERROR    {name}: {error}", err=True)
            if report.stopped:
                click.echo(f"STOPPED  {name}: {report.stopped}", err=True)
            if stats is not None:
                for key in ("captures", "downloaded", "cached", "already", "recorded",
                            "duplicates", "failed"):
                    stats.add(key, getattr(report, key))
            failed = failed or bool(report.errors)
            if report.stopped:
                break
    if stats is not None:
        stats.set("requests", client.requests)   # everything asked of the archive, retries too
    sys.exit(EXIT_DOC_FAILED if failed else EXIT_OK)


class _BackfillProgress:
    """Feeds `backfill`'s (handled, found) callbacks to a `_Progress` made once the number of
    captures is known."""

    def __init__(self, state: State, label: str) -> None:
        self.state, self.label, self.bar, self.done = state, label, None, 0

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = _Progress(self.state, self.label, total)
        self.bar.update(done - self.done)
        self.done = done

    def __enter__(self) -> _BackfillProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


@main.command()
@click.argument("companies", nargs=-1)
@pass_state
def reextract(state: State, companies: tuple[str, ...]) -> None:
    """Re-run extraction over stored raw snapshots after a rule or code change; results are
    committed as technical changes, never reported as policy changes."""
    from tracker.ingest.reextract import reextract as run_reextract
    from tracker.storage.repo import CompanyRepo
    from tracker.tracking.run import select_companies

    workspace, config = state.open()
    with workspace.lock():
        for company in select_companies(config, companies):
            path = workspace.repo_path(company.slug)
            if not (path / ".git").exists():
                continue
            repo = CompanyRepo.open(path)
            for doc in company.documents:
                commit = run_reextract(repo, company.name, doc)
                if commit:
                    click.echo(f"REEXTRACTED {company.slug}/{doc.type} ({commit[:10]})")
                elif state.verbose:
                    click.echo(f"UNCHANGED   {company.slug}/{doc.type}")


# --------------------------------------------------------------------------- demo

@main.command()
@click.argument("directory", required=False, default="demo",
                type=click.Path(file_okay=False, path_type=Path))
def demo(directory: Path) -> None:
    """Offline demo on bundled sample policies: serves them locally, tracks each dated
    revision, detects changes and builds the site."""
    from tracker.demo.run import run_demo

    result = run_demo(directory, echo=click.echo)
    click.echo("")
    click.echo(f"Workspace:    {result.workspace}")
    click.echo(f"Repositories: {result.snapshots_dir}  (try: git -C {result.snapshots_dir}/"
               f"{result.example_company} log)")
    click.echo(f"Website:      {result.site_index}")
    if result.site_error:
        click.echo(f"Error: {result.site_error}", err=True)
    if result.failures or result.site_error:
        sys.exit(EXIT_DOC_FAILED)


if __name__ == "__main__":  # pragma: no cover
    main()
