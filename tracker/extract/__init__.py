"""Extraction: a fetched body (HTML, PDF, text, Markdown) to clean Markdown; block-page detection.

document (sniff, dispatch, normalise, refuse block pages) -> html | pdf | text; encoding picks
the charset; blocked recognises block pages.
"""

from __future__ import annotations

from tracker.extract.encoding import HTML_TYPES, meta_charset, detect_encoding, decode
from tracker.extract.text import normalize_text, decode_cfemail, deobfuscate_emails
from tracker.extract.html import html_to_markdown
from tracker.extract.pdf import pdf_to_text
from tracker.extract.document import MARKDOWN_TYPES, sniff_kind, looks_binary, extract

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
