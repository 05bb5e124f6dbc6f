"""Text hygiene for everything that reaches a page or a feed.

Policies and configs are untrusted input: control characters make XML parsers (and so feed
readers) reject a whole feed, so they are stripped once here, before any templating.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# C0 controls except tab/newline/carriage return, DEL, C1 controls, lone surrogates and the
# XML non-characters U+FFFE/U+FFFF: none of them is allowed in XML 1.0 or useful in HTML.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """Drop characters XML 1.0 forbids; keep every printable character of any script."""
    return _BAD_CHARS.sub("", value)


def clean_value(value: object) -> object:
    """Jinja2 `finalize` hook: clean strings (keeping Markup marked safe), pass other values."""
    if isinstance(value, Markup):
        return Markup(clean_text(str(value)))
    if isinstance(value, str):
        return clean_text(value)
    return value
