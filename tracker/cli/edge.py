"""The CLI's one error edge and per-invocation state.

Domain errors become one-line messages with meaningful exit codes here and nowhere else:
0 all good, 1 some documents failed (others recorded), 2 usage or config error,
3 workspace or repository error, 75 another run holds the lock.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import click

from tracker.errors import TrackerError, WorkspaceError, redact_credentials
from tracker.models import Config
from tracker.workspace import Workspace

EXIT_OK, EXIT_DOC_FAILED, EXIT_USAGE, EXIT_WORKSPACE, EXIT_LOCKED = 0, 1, 2, 3, 75

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class TrackerClickError(click.ClickException):
    """A domain error shown as `Error: ...` with the error's own exit code."""

    def __init__(self, error: TrackerError) -> None:
        super().__init__(str(error))
        # click 8.5 declares exit_code a class variable; this exception carries each error's
        # own code, so it is set on the instance (which click reads) without retyping it
        vars(self)["exit_code"] = error.exit_code


def os_error_message(exc: OSError) -> str:
    """``path: reason`` for an operating-system error, on one line."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    text = f"{exc.filename}: {reason}" if exc.filename is not None else reason
    return " ".join(str(text).split())


@contextmanager
def os_errors(what: str) -> Iterator[None]:
    """An OSError inside becomes one WorkspaceError line: ``what (path: reason)``; with -vv
    (debug logging) the traceback is kept."""
    try:
        yield
    except OSError as exc:
        if logging.getLogger().isEnabledFor(logging.DEBUG):
            raise
        raise WorkspaceError(f"{what} ({os_error_message(exc)})") from None


class TrackerGroup(click.Group):
    """Turns domain exceptions into clean messages at the edge, never a traceback."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if any("\x00" in arg for arg in args):  # no path or name can hold one
            raise click.UsageError("an argument contains a NUL byte", ctx=ctx)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            raise TrackerClickError(exc) from None
        except OSError as exc:  # a disk that is full, read-only, or a path that cannot exist
            if getattr(ctx.obj, "verbose", 0) >= 2:
                raise
            raise TrackerClickError(WorkspaceError(os_error_message(exc))) from None
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)


class State:
    """Per-invocation context: the workspace directory, verbosity and the clock (a test
    injects its own through ``obj={"clock": ...}``)."""

    def __init__(self, root: Path, verbose: int, clock: Clock | None = None) -> None:
        self.root = root
        self.verbose = verbose
        self.clock: Clock = clock or utc_now

    def workspace(self) -> Workspace:
        return Workspace.open(self.root)

    def open(self) -> tuple[Workspace, Config]:
        workspace = self.workspace()
        return workspace, workspace.load_config()


pass_state = click.make_pass_decorator(State)


class _RedactCredentials(logging.Filter):
    """Removes the credentials of any URL from a log line (ours or a library's)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact_credentials(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def setup_logging(verbose: int) -> None:
    level = logging.DEBUG if verbose >= 2 else logging.INFO if verbose == 1 else logging.ERROR
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr, force=True)
    for handler in logging.getLogger().handlers:
        handler.addFilter(_RedactCredentials())
