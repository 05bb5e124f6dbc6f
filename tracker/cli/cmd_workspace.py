"""Commands about the workspace and its config: init, add, list, status, demo."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from tracker.cli.edge import EXIT_DOC_FAILED, State, os_errors, pass_state
from tracker.cli.options import example
from tracker.errors import UsageError
from tracker.models import CompanyConfig
from tracker.workspace import Workspace


@click.command(epilog=example("tracker init watch && cd watch"))
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--base-url", metavar="URL",
              help="The site's public URL (e.g. https://example.org/policies/), written to "
                   "tracker.toml as [site] base_url so feed links are absolute. Asked for when "
                   "run on a terminal without it.")
@pass_state
def init(state: State, directory: Path | None, base_url: str | None) -> None:
    """Create a workspace with a commented starter tracker.toml."""
    if base_url is None and sys.stdin.isatty():
        base_url = click.prompt("Public URL of the published site, for feed links "
                                "(Enter to set it later)", default="", show_default=False)
    base_url = (base_url or "").strip()
    target = directory or state.root
    with os_errors(f"cannot create a workspace in {target}"):
        workspace = Workspace.init(target, base_url=base_url)
    click.echo(f"Created {workspace.config_path}")
    if base_url:
        click.echo(f"Feeds will link to {base_url} ([site] base_url).")
    else:
        click.echo("No base_url yet: feed links stay relative, which many readers cannot "
                   "follow; set [site] base_url in tracker.toml before publishing.")
    click.echo("Add documents with `tracker add COMPANY URL`, then run `tracker track`.")


@click.command(epilog=example(
    "tracker add acme https://acme.example/privacy",
    "tracker add acme https://acme.example/terms --type terms-of-service",
    'tracker add "Globex Corp" https://globex.example/privacy --homepage https://globex.example'))
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
    from tracker.config.loading import add_document
    from tracker.names import is_safe_slug, slugify

    workspace = state.workspace()
    slug = company if is_safe_slug(company) else slugify(company)
    existing = workspace.load_config().company(slug)
    if existing is not None:
        _check_new_type(existing, doc_type)
    elif slug != company and not name:
        name = company
    add_document(workspace.config_path, slug, url, doc_type=doc_type,
                 name=None if existing else name, homepage=None if existing else homepage)
    click.echo(f"Added {slug}/{doc_type}: {url}")
    ignored = [flag for flag, value in (("--name", name), ("--homepage", homepage)) if value]
    if existing is not None and ignored:
        click.echo(f"Note: {slug} already exists ({existing.name}), so {' and '.join(ignored)} "
                   f"{'was' if len(ignored) == 1 else 'were'} ignored; edit tracker.toml to "
                   "change the company's details.")


def _check_new_type(company: CompanyConfig, doc_type: str) -> None:
    """A second document of a type the company already has is refused with the way out."""
    current = next((d for d in company.documents if d.type == doc_type), None)
    if current is None:
        return
    other = "terms-of-service" if doc_type == "privacy-policy" else "privacy-policy"
    raise UsageError(f"{company.slug} already has a {doc_type} document ({current.url}); "
                     f"to track another document, give its type, e.g. `tracker add "
                     f"{company.slug} URL --type {other}`, or edit its url in tracker.toml")


@click.command("list", epilog=example("tracker list", "tracker -w /srv/policies list"))
@pass_state
def list_documents(state: State) -> None:
    """Documents with their last capture, last change and fetch status; repositories on disk
    that tracker.toml does not list (imported, backfilled or removed) follow, marked
    "not in tracker.toml"."""
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
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


@click.command(epilog=example("tracker status", "tracker -w /srv/policies status || mail-me"))
@pass_state
def status(state: State) -> None:
    """Fetch health: every failing document with its first failure and last error (also the
    ones `track` stays quiet about between its reminders); exit 1 when one is failing."""
    from tracker.tracking.overview import UNCONFIGURED, document_rows

    workspace, config = state.open()
    rows = [r for r in document_rows(workspace, config) if r.status != UNCONFIGURED]
    failing = [r for r in rows if r.failures]
    click.echo(f"{len(rows)} documents, {len(failing)} failing.")
    for row in failing:
        click.echo(f"FAILING  {row.name}: {row.failures} consecutive failure(s) since "
                   f"{_day(row.first_failure)}; last error: {row.last_error}")
    if failing:
        sys.exit(EXIT_DOC_FAILED)


def _day(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"


@click.command(epilog=example("tracker demo", "tracker demo /tmp/demo"))
@click.argument("directory", required=False, default="demo",
                type=click.Path(file_okay=False, path_type=Path))
def demo(directory: Path) -> None:
    """Offline demo on bundled sample policies: serves them locally, tracks each dated
    revision, detects changes and builds the site."""
    from tracker.demo.run import run_demo

    with os_errors(f"cannot run the demo in {directory}"):
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
