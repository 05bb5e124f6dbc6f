"""The `tracker` command: thin click commands over the library.

The group lives here; the commands live in cmd_workspace (init, add, list, status, demo),
cmd_run (track, build, run), cmd_history (log, diff), cmd_ingest (import, backfill,
reextract), cmd_remote (pull, push) and cmd_data (serve,
export). Errors become one line and an exit code in edge.py, nowhere else.
"""

from __future__ import annotations

from pathlib import Path

import click

from tracker import __version__
from tracker.cli.cmd_data import export_command, serve
from tracker.cli.cmd_history import diff, log_command
from tracker.cli.cmd_ingest import backfill, import_command, reextract
from tracker.cli.cmd_remote import pull, push
from tracker.cli.cmd_run import accept, build, run, track
from tracker.cli.cmd_workspace import add, demo, init, list_documents, status
from tracker.cli.edge import (
    EXIT_DOC_FAILED,
    EXIT_LOCKED,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_WORKSPACE,
    State,
    TrackerClickError,
    TrackerGroup,
    pass_state,
    setup_logging,
)
from tracker.cli.options import example, stats_option


@click.group(cls=TrackerGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=example("tracker init watch && cd watch",
                            "tracker add acme https://acme.example/privacy",
                            "tracker track && tracker log acme && tracker build",
                            "tracker COMMAND --help"))
@click.option("-w", "--workspace", "root", type=click.Path(file_okay=False, path_type=Path),
              envvar="TRACKER_WORKSPACE", default=".", show_default="current directory",
              help="Workspace directory (holds tracker.toml). Env: TRACKER_WORKSPACE.")
@click.option("-v", "--verbose", count=True, help="More output (-vv for debug logging).")
@click.version_option(__version__, prog_name="policy-tracker")
@click.pass_context
def main(ctx: click.Context, root: Path, verbose: int) -> None:
    """Watch privacy policies and terms, keep every version in git, explain what changed,
    and publish feeds and a static website."""
    setup_logging(verbose)
    injected = ctx.obj if isinstance(ctx.obj, dict) else {}
    ctx.obj = State(root, verbose, clock=injected.get("clock"))


for _command in (init, add, list_documents, status, track, build, run, log_command, diff,
                 import_command, backfill, reextract, accept, demo, pull, push,
                 serve, export_command):
    main.add_command(_command)

__all__ = [
    "EXIT_OK", "EXIT_DOC_FAILED", "EXIT_USAGE", "EXIT_WORKSPACE", "EXIT_LOCKED",
    "TrackerClickError", "State", "pass_state", "stats_option", "main",
    "init", "add", "list_documents", "status", "track", "build", "run", "log_command", "diff",
    "import_command", "backfill", "reextract", "accept", "demo", "pull", "push",
    "serve", "export_command",
]

from tracker.cli.notify import notify_group  # noqa: E402 - registered after the group exists

main.add_command(notify_group)

if __name__ == "__main__":  # pragma: no cover
    main()
