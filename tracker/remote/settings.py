"""The ``[remote]`` table: where each company's repository lives on the central git host (the
table itself is validated with the others by tracker.config)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit


# Transports git itself speaks; a base URL names a directory under which <slug>.git lives.
_SCHEMES = ("file", "git", "http", "https", "ssh")
_SCP_LIKE = re.compile(r"\A[\w.-]+@[\w.-]+:[^\s]*\Z")   # git@host:org/


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
