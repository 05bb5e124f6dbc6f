"""Names and identities shared by every stage: the one slug rule and the one text hash.

A slug (company or document type) becomes a directory, a file name, a git argument and a URL
path segment, so one rule decides what is safe everywhere: the config validator, storage, the
importer (which lower-cases folder names first), the workspace and the site. The text hash is
the identity of a document text; feed GUIDs and page names are derived from it, so its output
must never change (published GUIDs would change with it).
"""

from __future__ import annotations

import hashlib
import re

SLUG_MAX = 64
_SLUG_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


def is_safe_slug(value: object) -> bool:
    """A name that can become a path component and a git argument without surprises.

    Lower-case letters, digits, '.', '_' and '-', starting with a letter or digit (so never an
    option such as ``--upload-pack``, never hidden), no ``..``, at most 64 characters.
    """
    return (isinstance(value, str) and _SLUG_RE.fullmatch(value) is not None
            and ".." not in value and not value.endswith((".", ".lock")))


def slug_of_name(name: str) -> str | None:
    """A folder or file name as a slug (``Acme`` -> ``acme``), None when it cannot be one."""
    lowered = name.lower()
    return lowered if is_safe_slug(lowered) else None


def slugify(text: str) -> str:
    """Turn a display name into a safe slug ("ACME, Inc." -> "acme-inc")."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:SLUG_MAX].strip("-")
    return slug or "company"


def text_hash(text: str | bytes) -> str:
    """The identity of a document text: sha256 of its UTF-8 bytes, as 64 hex digits.

    Bytes are taken as already encoded (a git blob of the text hashes the same as the text).
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()
