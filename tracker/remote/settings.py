"""The ``[remote]`` table: where each company's repository lives on the central git host."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from tracker.models import RemoteSettings

# Transports git itself speaks; a base URL names a directory under which <slug>.git lives.
_SCHEMES = ("file", "git", "http", "https", "ssh")
_SCP_LIKE = re.compile(r"\A[\w.-]+@[\w.-]+:[^\s]*\Z")   # git@host:org/
_KEYS: Mapping[str, type | tuple[type, ...]] = {"url": str, "push": bool, "retries": int}


def company_url(base: str, slug: str) -> str:
    """The repository of one company under a base URL: ``<base><slug>.git``."""
    if not base.endswith(("/", ":")):
        base += "/"
    return f"{base}{slug}.git"


def check_base_url(url: str) -> str | None:
    """Why ``url`` cannot be a remote base URL, or None when it can."""
    if _SCP_LIKE.match(url):
        return None
    parts = urlsplit(url)
    if parts.scheme not in _SCHEMES:
        return f"must be a git URL ({', '.join(s + '://' for s in _SCHEMES)} or user@host:path/)"
    if parts.scheme == "file" and not parts.path.startswith("/"):
        return "a file:// URL needs an absolute path (file:///srv/git/)"
    if parts.scheme != "file" and not parts.hostname:
        return "has no host"
    if parts.query or parts.fragment:
        return "must not have a query or fragment"
    if parts.password:
        return "must not carry a password (use an SSH key or a git credential helper)"
    return None


def parse_remote(raw: Any, problem: Callable[[str, str], None]) -> RemoteSettings:
    """Validate the ``[remote]`` table; every problem goes to ``problem(message, key)``."""
    if raw is None:
        return RemoteSettings()
    if not isinstance(raw, dict):
        problem("must be a table", "remote")
        return RemoteSettings()
    values: dict[str, Any] = {}
    for key, value in raw.items():
        expected = _KEYS.get(key)
        if expected is None:
            problem(f"unknown key (known: {', '.join(sorted(_KEYS))})", f"remote.{key}")
        elif isinstance(value, bool) != (expected is bool) or not isinstance(value, expected):
            problem(f"must be {getattr(expected, '__name__', expected)}", f"remote.{key}")
        else:
            values[key] = value
    url = values.get("url")
    if url is not None:
        reason = check_base_url(url)
        if reason:
            problem(f"{url!r} {reason}", "remote.url")
            values.pop("url")
    retries = values.get("retries")
    if retries is not None and not 0 <= retries <= 100:
        problem("must be between 0 and 100", "remote.retries")
        values.pop("retries")
    return RemoteSettings(**values)
