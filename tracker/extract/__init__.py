"""Extraction: a fetched body (HTML, PDF, text, Markdown) to clean Markdown; block-page detection.

document (sniff, dispatch, normalise, refuse block pages) -> html | pdf | text; encoding picks
the charset; blocked recognises block pages.
"""

from __future__ import annotations

import importlib
from typing import Any

# Each name is imported from its module on first use: the fetching side only needs the
# encoding rules, and a run where every document answered 304 never parses HTML (lxml,
# soupsieve and BeautifulSoup are then not imported at all).
_HOME = {"HTML_TYPES": "encoding", "meta_charset": "encoding", "detect_encoding": "encoding",
         "decode": "encoding", "normalize_text": "text", "decode_cfemail": "text",
         "deobfuscate_emails": "text", "html_to_markdown": "html", "pdf_to_text": "pdf",
         "MARKDOWN_TYPES": "document", "sniff_kind": "document", "looks_binary": "document",
         "extract": "document"}

__all__ = [
    "HTML_TYPES",
    "MARKDOWN_TYPES",
    "meta_charset",
    "detect_encoding",
    "decode",
    "normalize_text",
    "decode_cfemail",
    "deobfuscate_emails",
    "html_to_markdown",
    "pdf_to_text",
    "sniff_kind",
    "looks_binary",
    "extract",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
