"""Extraction: a fetched body (HTML, PDF, text, Markdown) to clean Markdown; block-page detection."""

from __future__ import annotations

from tracker.extract.core import (
    HTML_TYPES,
    MARKDOWN_TYPES,
    meta_charset,
    detect_encoding,
    decode,
    normalize_text,
    decode_cfemail,
    deobfuscate_emails,
    html_to_markdown,
    pdf_to_text,
    sniff_kind,
    looks_binary,
    extract,
)

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
