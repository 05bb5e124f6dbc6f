"""Domain exceptions. The CLI turns each into a one-line message and an exit code."""

from __future__ import annotations

import re

# The userinfo of any URL in a text (``https://user:password@host`` -> ``https://host``), up
# to the last "@" before the path, as urlsplit reads it.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^\s/?#\\]*@")


def redact_credentials(text: str) -> str:
    """``text`` with the user name and password of every URL in it removed: credentials in a
    configured URL or a redirect target never reach a message, log, page, feed or commit."""
    return _USERINFO.sub(r"\1", text) if "@" in text else text


class TrackerError(Exception):
    """Base class for every error the tracker reports to a user (never a traceback). Its
    message never carries the credentials of a URL."""

    exit_code = 1

    def __init__(self, *args: object) -> None:
        super().__init__(*(redact_credentials(a) if isinstance(a, str) else a for a in args))


class ConfigError(TrackerError):
    """An invalid tracker.toml: names the file, the company and the key at fault."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, company: str | None = None,
                 key: str | None = None) -> None:
        self.file, self.company, self.key, self.detail = file, company, key, message
        where = ": ".join(p for p in (
            file,
            f"company '{company}'" if company else None,
            f"key '{key}'" if key else None,
        ) if p)
        super().__init__(f"{where}: {message}" if where else message)


class UsageError(TrackerError):
    """A command was called with arguments that cannot work (unknown company, bad revision)."""

    exit_code = 2


class WorkspaceError(TrackerError):
    """The workspace or one of its repositories is missing, corrupted or unusable."""

    exit_code = 3


class LockHeldError(TrackerError):
    """Another tracker run holds the workspace lock (cron overlap)."""

    exit_code = 75  # EX_TEMPFAIL from sysexits.h: "try again later"


class DocumentError(TrackerError):
    """One document could not be captured this run; other documents carry on."""

    transient = False


class FetchError(DocumentError):
    """The fetch failed (network, HTTP status, size cap, redirect loop...)."""

    def __init__(self, message: str, *, transient: bool = False, status: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(message)
        self.transient, self.status, self.retry_after = transient, status, retry_after


class ExtractionError(DocumentError):
    """The fetched page gave no trustworthy policy text (empty, selector miss, blocked page)."""


class SuspiciousChangeError(DocumentError):
    """The extracted text looks wrong (e.g. shrank drastically); the last good version stays."""


class ClockError(DocumentError):
    """The system clock is behind the last recorded version: recording now would put an old
    date on top of history (the site would show it as older than what it replaces)."""


class StorageError(WorkspaceError):
    """A git repository could not be read or written."""
