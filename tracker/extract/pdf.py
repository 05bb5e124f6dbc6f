"""PDF to text: every page's text, hard-wrapped lines reflowed into paragraphs."""

from __future__ import annotations

import io
import re

from tracker.errors import ExtractionError

_HYPHENATED = re.compile(r"[^\W\d_]-$")
_LIST_START = re.compile(r"^([-•*–·]|\(?\d{1,3}[.)]|\(?[a-z][.)]|[ivx]{1,4}[.)])\s")
_SENTENCE_END = re.compile(r"[.:;!?)\]\"”]$")


def _reflow(page_text: str) -> str:
    """Join a PDF page's hard-wrapped lines into paragraphs.

    A line continues the previous one when that one reached (nearly) the usual line width and
    the new line is not a list item; short lines (headings, last lines) end a paragraph. A word
    hyphenated across a line break is joined back together.
    """
    lines = [ln.strip() for ln in page_text.splitlines()]
    widths = sorted(len(ln) for ln in lines if ln)
    if not widths:
        return ""
    usual = widths[int(len(widths) * 0.8)] if len(widths) > 4 else widths[-1]
    out: list[str] = []
    prev = ""
    for line in lines:
        if not line:
            if out and out[-1] != "":
                out.append("")
            prev = ""
            continue
        if prev and _HYPHENATED.search(prev) and line[:1].islower():
            out[-1] = out[-1][:-1] + line
        elif (prev and len(prev) >= 0.7 * usual and not _LIST_START.match(line)
              and not (_SENTENCE_END.search(prev) and line[:1].isupper()
                       and len(prev) < 0.85 * usual)):
            out[-1] = f"{out[-1]} {line}"
        else:
            if out and out[-1] != "":
                out.append("")
            out.append(line)
        prev = line
    return "\n".join(out)


def pdf_to_text(body: bytes, url: str) -> str:
    """Text of every page of a PDF, reflowed into paragraphs."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # noqa: BLE001 - a parser fed untrusted bytes can raise anything
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise ExtractionError(f"unreadable PDF from {url}: {detail}") from None
    return "\n\n".join(_reflow(p) for p in pages if p.strip())
