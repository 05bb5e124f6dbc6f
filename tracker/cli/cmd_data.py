"""Commands for readers of the data: serve (local preview of the site) and export (dataset)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import click

from tracker.cli.edge import State, pass_state
from tracker.cli.options import example, out_option


@click.command(epilog=example("tracker build && tracker serve --port 8080"))
@out_option
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@pass_state
def serve(state: State, out: Path | None, port: int) -> None:
    """Preview the built site at http://127.0.0.1:PORT/ (loopback only; Ctrl-C stops).

    Search needs the site served over HTTP: opened from disk, browsers refuse to load its
    index. Any static web server works the same way for the published site.
    """
    from tracker.publish.serve import HOST, make_server

    workspace = state.workspace()
    site = out or workspace.public_dir
    server = make_server(site, port)
    bound = server.server_address[1]
    click.echo(f"Serving {site} at http://{HOST}:{bound}/ (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.server_close()


@click.command("export",
               epilog=example("tracker export --to policies-2026.zip acme globex"))
@click.argument("companies", nargs=-1)
@click.option("--to", "target", type=click.Path(path_type=Path),
              help="Directory or .zip file to write (default: ./policy-dataset-DATE.zip).")
@click.option("--dir", "as_dir", is_flag=True,
              help="Write a directory instead of a ZIP file.")
@click.option("--raw", is_flag=True, help="Include the raw snapshots (HTML, PDF) too.")
@pass_state
def export_command(state: State, companies: tuple[str, ...], target: Path | None,
                   as_dir: bool, raw: bool) -> None:
    """Export every recorded version (or those of COMPANIES) as a dataset: the texts as
    `<company>/<document-type>/<capture time>.md`, an index.json with each version's date,
    commit, SHA-256, source URL and fetcher, and a README.
    """
    from tracker.publish.dataset import default_name, export_dataset

    workspace, config = state.open()
    now = datetime.now(timezone.utc)
    as_zip = not as_dir if target is None else (target.suffix == ".zip" and not as_dir)
    path = target or Path(default_name(now) + (".zip" if as_zip else ""))
    result = export_dataset(workspace, config, path, companies=list(companies) or None,
                            as_zip=as_zip, raw=raw, now=now)
    click.echo(f"Exported {result.versions} versions of {result.documents} documents "
               f"({result.companies} companies) to {result.path}")
