"""Commands about the workspace and its config: init, add, list, status, demo."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from tracker.cli.edge import EXIT_DOC_FAILED, State, os_errors, pass_state
from tracker.workspace import Workspace


@click.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@pass_state
def init(state: State, directory: Path | None) -> None:
    """Create a workspace with a commented starter tracker.toml."""
    target = directory or state.root
    with os_errors(f"cannot create a workspace in {target}"):
        workspace = Workspace.init(target)
    click.echo(f"Created {workspace.config_path}")
    click.echo("Add documents with `tracker add COMPANY URL`, then run `tracker track`.")


@click.command()
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


@click.command("list")
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


@click.command()
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


@click.command()
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
