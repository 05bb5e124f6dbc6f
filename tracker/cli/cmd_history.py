"""Commands reading stored history: log, diff."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.cli.edge import State, pass_state
from tracker.cli.options import example, type_option
from tracker.errors import UsageError

if TYPE_CHECKING:
    from tracker.changes import ChangeReport


@click.command("log", epilog=example("tracker log acme", "tracker log acme --type terms-of-service -n 5"))
@click.argument("company")
@type_option("Document type (default: privacy-policy or the only one).")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=None,
              help="Show at most N versions (N >= 1).")
@pass_state
def log_command(state: State, company: str, doc_type: str | None, limit: int | None) -> None:
    """The versions of a document, newest first, with each change's verdict and headline."""
    from tracker.storage.history import document_history, pick_doc_type, require_repo

    workspace = state.workspace()
    repo = require_repo(workspace, company)
    doc_type = pick_doc_type(repo, doc_type, company)
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


@click.command(epilog=example("tracker diff old.md new.md", "tracker diff acme",
                              "tracker diff acme 2021-06-01 HEAD --type terms-of-service",
                              'tracker diff acme "2021-06-01 14:05" 3f2a9c1 --format json'))
@click.argument("args", nargs=-1, required=True)
@type_option("Document type for COMPANY mode.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
              show_default=True)
@pass_state
def diff(state: State, args: tuple[str, ...], doc_type: str | None, fmt: str) -> None:
    """Explain what changed in meaning.

    \b
    tracker diff OLD_FILE NEW_FILE            compare two text files
    tracker diff COMPANY [REV_OLD [REV_NEW]]  compare stored versions (default: last change)

    A revision is a date as `tracker log` prints it (2021-06-01, or "2021-06-01 14:05" when
    several versions share the day), a commit prefix, or HEAD / HEAD~N (the latest version
    of the document / N versions before it). With one revision, it is compared with the
    latest version.
    """
    from tracker.changes import compare, render_html, render_text

    if _file_mode(args):
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


_TEXT_SUFFIXES = {".md", ".txt", ".markdown", ".text", ".html", ".htm"}


def _file_mode(args: tuple[str, ...]) -> bool:
    """Two arguments of which one is a file or looks like a path: OLD_FILE NEW_FILE."""
    return len(args) == 2 and any(Path(a).is_file() or "/" in a or Path(a).suffix.lower()
                                  in _TEXT_SUFFIXES for a in args)


def _read_text(path: Path) -> str:
    """A text file's content; a missing, unreadable or binary file is a usage error."""
    if not path.exists():
        raise UsageError(f"file not found: {path}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    from tracker.extract import looks_binary   # the one "looks binary" rule of tracking/import

    if looks_binary(data) or data.startswith(b"%PDF"):
        raise UsageError(f"{path} is a binary file; tracker diff compares text (Markdown, "
                         "plain text or HTML source)")
    return data.decode("utf-8", errors="replace")


def _stored_diff(state: State, args: tuple[str, ...], doc_type: str | None) -> ChangeReport:
    from tracker.changes.cache import ReportCache
    from tracker.storage.history import pick_doc_type, require_repo, resolve_pair

    if len(args) > 3:
        raise UsageError("usage: tracker diff COMPANY [REV_OLD [REV_NEW]] (or OLD_FILE NEW_FILE)")
    workspace = state.workspace()
    company = args[0]
    repo = require_repo(workspace, company)
    doc_type = pick_doc_type(repo, doc_type, company)
    old_rev, new_rev = resolve_pair(repo, company, doc_type, list(args[1:]))
    old, new = (repo.text_at(rev, doc_type) for rev in (old_rev, new_rev))
    return ReportCache(workspace.reports_cache_dir).get(old, new)
