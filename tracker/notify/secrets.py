"""Secrets in subscription URLs: ``${VAR}`` references expanded from the environment at the
last moment, and scrubbed from everything we print or log (Apprise's own log lines included).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.notify.config import Subscription

VAR_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
# the HTTP libraries under Apprise log request lines (a token in a path) at debug level
_TRANSPORT_LOGGERS = ("urllib3.connectionpool", "requests", "httpx", "httpcore")
_USERINFO_RE = re.compile(r"(://[^/@:]*:)([^@/]*)@")


def expand(template: str, environ: Mapping[str, str] | None = None) -> str:
    """The URL with every ``${VAR}`` replaced from the environment; KeyError names a missing
    variable (never its value, which it does not have)."""
    env = os.environ if environ is None else environ

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in env:
            raise KeyError(name)
        return env[name]

    return VAR_RE.sub(value, template)


def secret_values(subscription: "Subscription",
                  environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The values the subscription's ``${VAR}`` references expand to (to redact them)."""
    env = os.environ if environ is None else environ
    return tuple(env[v] for v in subscription.variables() if env.get(v))


def template_secrets(template: str, environ: Mapping[str, str] | None = None
                     ) -> tuple[str, ...]:
    """The values one URL template's ``${VAR}`` references expand to."""
    env = os.environ if environ is None else environ
    return tuple(env[v] for v in VAR_RE.findall(template) if env.get(v))


def redact(text: str, secrets: tuple[str, ...]) -> str:
    """``text`` with every secret value (and its URL-quoted form) replaced by ``***``."""
    from urllib.parse import quote

    for secret in sorted(secrets, key=len, reverse=True):
        if len(secret) >= 3:
            for form in {secret, quote(secret, safe="")}:
                text = text.replace(form, "***")
    return text


def masked(template: str) -> str:
    """A URL template fit for an error message: an inline password (``user:pass@``) masked;
    ``${VAR}`` references stay as written (they are names, not values)."""
    return _USERINFO_RE.sub(lambda m: m.group(1) + (m.group(2) if VAR_RE.fullmatch(m.group(2))
                                                     else "***") + "@", template)


class _Redactor(logging.Filter):
    """Scrubs secret values from Apprise's log records."""

    def __init__(self, secrets: tuple[str, ...]) -> None:
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage(), self.secrets)
        record.args = None
        return True


@contextmanager
def apprise_logs(secrets: tuple[str, ...], *, show: bool) -> Iterator[None]:
    """While Apprise works: its records are redacted, and reach our log output only when
    ``show`` (verbose runs); Apprise's own per-call capture still sees them."""
    logger = logging.getLogger("apprise")
    scrub = _Redactor(secrets)
    propagate, level = logger.propagate, logger.level
    transport = [logging.getLogger(n) for n in _TRANSPORT_LOGGERS]
    for other in [logger, *transport]:
        other.addFilter(scrub)
    logger.propagate = show
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)    # Apprise's per-call capture needs its warnings
    try:
        yield
    finally:
        for other in [logger, *transport]:
            other.removeFilter(scrub)
        logger.propagate = propagate
        logger.setLevel(level)
