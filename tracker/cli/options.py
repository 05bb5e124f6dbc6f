"""Option bundles shared by several commands (``--wait``, ``--out``, ``--type``, ``--jobs``,
``--shard``, ``--stats``) and the one progress adapter every long command uses."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from tracker.errors import UsageError
from tracker.runstats import RunStats

F = TypeVar("F", bound=Callable[..., Any])

wait_option = click.option(
    "--wait", is_flag=True, help="Wait for a running tracker instead of exiting 75.")

out_option = click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path),
    help="Output directory (default: WORKSPACE/public).")


def type_option(help: str) -> Callable[[F], F]:
    """``--type T``: the document type a command works on."""
    return click.option("--type", "doc_type", help=help)


def jobs_option(help: str) -> Callable[[F], F]:
    """``--jobs/-j N``: worker processes (at least 1; default all cores)."""
    return click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help=help)


def _shard_param(ctx: click.Context, param: click.Parameter,
                 value: str | None) -> tuple[int, int] | None:
    """``--shard K/N`` (or ``auto``) as (K, N); a malformed value is a usage error (exit 2)."""
    from tracker.tracking.shards import parse_shard, shard_from_environment

    if value is None:
        return None
    try:
        if value.strip() == "auto":
            return shard_from_environment(count=ctx.meta.get("tracker.shards"))
        return parse_shard(value)
    except UsageError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


def _shards_param(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    ctx.meta["tracker.shards"] = value


def shard_option(fn: F) -> F:
    """``--shard K/N|auto`` and ``--shards N`` (the count for ``auto`` on Kubernetes)."""
    fn = click.option(
        "--shard", callback=_shard_param, metavar="K/N|auto",
        help="Only the companies of shard K of N (a stable hash of the company slug), so N "
             "hosts split the companies with no coordination. auto: from the engine "
             "(Kubernetes JOB_COMPLETION_INDEX with --shards or TRACKER_SHARDS, GitLab "
             "CI_NODE_INDEX/CI_NODE_TOTAL, or TRACKER_SHARD=K/N).")(fn)
    return click.option(
        "--shards", type=click.IntRange(1), callback=_shards_param, expose_value=False,
        is_eager=True, metavar="N", help="Shard count for --shard auto.")(fn)


def stats_option(command_name: str) -> Callable[[F], F]:
    """``--stats``: print the run's phase timings and counters as one JSON line on stderr.

    The wrapped command receives ``stats`` (a RunStats; ``RunStats.null()`` without the flag,
    so no command tests for None); the JSON is printed even
    when the command exits with a non-zero code, since a failing run's timing matters most.
    """
    def decorate(fn: F) -> F:
        @click.option("--stats", "want_stats", is_flag=True,
                      help="Print timings and counters as one JSON line on stderr.")
        @functools.wraps(fn)
        def wrapper(*args: Any, want_stats: bool, **kwargs: Any) -> Any:
            stats = RunStats(command_name) if want_stats else RunStats.null()
            try:
                return fn(*args, stats=stats, **kwargs)
            finally:
                if want_stats:
                    click.echo(stats.to_json(), err=True)
        return wrapper  # type: ignore[return-value]
    return decorate


class Progress:
    """A progress bar on stderr only when a person is watching (a terminal, not -v); cron
    and pipes get nothing.

    Fed either by counts (``start(label, total)`` then ``advance(n)``) or by the library's
    ``(done, total)`` callbacks (``step(label, done, total)``); a new label closes the bar
    before it and opens the next one.
    """

    def __init__(self, verbose: int) -> None:
        self.enabled = not verbose and sys.stderr.isatty()
        self.bar: Any = None
        self.label: str | None = None
        self.done = 0

    def start(self, label: str, total: int) -> None:
        self.close()
        self.label, self.done = label, 0
        if total and self.enabled:
            self.bar = click.progressbar(length=total, label=label, file=sys.stderr)
            self.bar.__enter__()

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)

    def step(self, label: str, done: int, total: int) -> None:
        if label != self.label:
            self.start(label, total)
        self.advance(done - self.done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def example(*commands: str) -> str:
    """The epilog that ends a command's --help: its examples, one a line, as typed."""
    return "\b\nExample" + ("s" if len(commands) > 1 else "") + ":\n" + "\n".join(
        f"  {command}" for command in commands)
