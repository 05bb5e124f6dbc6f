"""A fetched body (HTML, PDF, plain text, Markdown) to clean, normalised Markdown.

The text produced here is what gets diffed, stored and announced, so two rules rule it: it
must contain the policy and nothing else (no menus, cookie banners, tracking links), and the
same document must always give byte-identical text. This module sniffs the kind of body,
refuses binary data, hands the body to the html, pdf or text module, normalises the result and
refuses block pages.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tracker.errors import ExtractionError
from tracker.extract.blocked import blocked_reason
from tracker.extract.encoding import HTML_TYPES, charset_param, decode, is_wide
from tracker.extract.html import html_to_markdown
from tracker.extract.pdf import pdf_to_text
from tracker.extract.text import normalize_text
from tracker.models import DocumentConfig, Extracted

MARKDOWN_TYPES = frozenset({"text/markdown", "text/x-markdown"})
_UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_WS = re.compile(r"\s+")


def _looks_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in head


def sniff_kind(body: bytes, content_type: str, url: str) -> str:
    """html | pdf | txt | md for a body, from its media type and (when vague) its bytes."""
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if ctype == "application/pdf" or body[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if ctype in HTML_TYPES:
        return "html"
    path = urlsplit(url).path.lower()
    if ctype in MARKDOWN_TYPES or ((ctype in _UNTYPED or ctype == "text/plain")
                                   and path.endswith((".md", ".markdown"))):
        return "md"
    if ctype in _UNTYPED or ctype == "text/plain" or ctype.endswith("xml"):
        if _looks_html(body):
            return "html"
        if ctype.endswith("xml"):
            raise ExtractionError(f"unsupported content type {ctype} from {url}")
        return "txt"
    if ctype.startswith("text/"):
        return "txt"
    raise ExtractionError(f"unsupported content type {ctype} from {url}")


_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_binary(body: bytes, sample: int = 4096, encoding: str | None = None) -> bool:
    """True when the start of a body is mostly not text: NULs or many control bytes.

    Text in any charset (UTF-16 aside, which starts with a BOM) has almost no C0 control
    bytes; an image, archive or garbage served as text/html has plenty. Such a body must never
    be recorded as a policy version.
    """
    head = body[:sample]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if encoding and is_wide(encoding) and b"\x00" in head:  # UTF-16/32 without a BOM
        head = head.decode(encoding, errors="replace").encode("utf-8")
    controls = sum(head.count(bytes([b])) for b in _BINARY_BYTES)
    return controls / len(head) > 0.05


def extract(body: bytes, content_type: str, url: str, doc: DocumentConfig, *,
            encoding: str | None = None) -> Extracted:
    """Clean Markdown of a fetched document; `url` should be the final URL (after redirects),
    against which relative links are resolved.

    Raises ExtractionError when there is no trustworthy text: nothing extracted, a `select`
    selector that matched nothing, or a block page (access denied, captcha, JS wall...).
    """
    kind = sniff_kind(body, content_type, url)
    if kind != "pdf" and looks_binary(body, encoding=encoding or charset_param(content_type)):
        raise ExtractionError(f"binary data instead of a text document at {url} "
                              f"(served as {content_type or 'no content type'})")
    if encoding is None:  # a full Content-Type header may carry the charset
        encoding = charset_param(content_type)
    html: str | None = None
    if kind == "pdf":
        text = pdf_to_text(body, url)
    elif kind == "html":
        html = decode(body, encoding, html=True)
        text = html_to_markdown(html, url, doc)
    else:
        text = decode(body, encoding)
    text = normalize_text(text)
    if not any(ch.isalnum() for ch in text):
        hint = " (it is built by JavaScript: try browser = true)" if (
            html is not None and not doc.browser and "<script" in html.lower()) else ""
        raise ExtractionError(f"no text extracted from {url}{hint}")
    reason = blocked_reason(text, html)
    if reason:
        snippet = _WS.sub(" ", text)[:80].strip()
        raise ExtractionError(f"{reason} instead of the document at {url}: \"{snippet}\"")
    return Extracted(text=text, raw=body, raw_ext=kind)
