"""PDF to text: every page's text, hard-wrapped lines reflowed into paragraphs."""

from __future__ import annotations

import io
import os
import re
import select
import signal
import time

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


# A PDF's text is extracted in a child process killed after this many seconds: a small file
# can make pypdf work for hours (a thousand pages sharing one huge content stream), and the
# run holds the workspace lock meanwhile.
PDF_TIME_LIMIT = 60.0
MAX_PDF_PAGES = 5000
_MAX_TEXT = 64 * 1024 * 1024


def pdf_to_text(body: bytes, url: str) -> str:
    """Text of every page of a PDF, reflowed into paragraphs; ExtractionError when the PDF is
    unreadable, has more than MAX_PDF_PAGES pages or takes over PDF_TIME_LIMIT seconds."""
    import pypdf  # noqa: F401 - imported here, before forking, so the child never imports

    ok, text = _in_child(body, PDF_TIME_LIMIT)
    if ok is None:
        raise ExtractionError(f"PDF from {url} took over {PDF_TIME_LIMIT:g} s to extract; "
                              "giving up on it this run")
    if not ok:
        raise ExtractionError(f"unreadable PDF from {url}: {text}")
    return text


def _pages_text(body: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    if reader.is_encrypted:
        reader.decrypt("")
    if len(reader.pages) > MAX_PDF_PAGES:
        raise ValueError(f"{len(reader.pages)} pages (more than {MAX_PDF_PAGES})")
    pages = [page.extract_text() or "" for page in reader.pages]
    return "\n\n".join(_reflow(p) for p in pages if p.strip())


def _in_child(body: bytes, limit: float) -> tuple[bool | None, str]:
    """(True, text), (False, reason) or (None, "") when the child ran out of time: the
    extraction runs in a forked child that is killed at the deadline."""
    read_end, write_end = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: extract, send "1"+text or "0"+reason, leave without cleanup
        from tracker.parallel import die_with_parent

        die_with_parent(parent)     # never outlives a killed run (it shares the run's lock)
        os.close(read_end)
        try:
            payload = b"1" + _pages_text(body).encode("utf-8", "surrogatepass")
        except BaseException as exc:  # noqa: BLE001 - untrusted bytes can raise anything
            payload = b"0" + (" ".join(str(exc).split()) or type(exc).__name__).encode()
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        os._exit(0)
    os.close(write_end)
    try:
        data = _read_until(read_end, time.monotonic() + limit)
    finally:
        os.close(read_end)
        if data is None:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    if data is None:
        return None, ""
    if not data:
        return False, "the extractor died"
    return data[:1] == b"1", data[1:].decode("utf-8", "replace")


def _read_until(fd: int, deadline: float) -> bytes | None:
    """Everything written to ``fd`` until EOF, or None at the deadline (or when too much)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > _MAX_TEXT:
            return None
        chunks.append(chunk)
