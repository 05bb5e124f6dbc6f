"""A local web server that plays the sample companies' websites for `tracker demo`.

Each company's policy is served as a realistic HTML page (site navigation, header, cookie
banner, footer with a copyright year) so the demo goes through the same fetch and extraction
path as a live site, conditional requests included (ETag / Last-Modified, 304 replies).
The simulated date decides which version of each document the server shows.
"""

from __future__ import annotations

import email.utils
import hashlib
import html
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from markdown_it import MarkdownIt

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Page:
    """One rendered response: body plus the validators a real server would send."""

    body: bytes
    etag: str
    last_modified: str          # HTTP date
    content_type: str = "text/html; charset=utf-8"


# --------------------------------------------------------------------------------- rendering

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    "table")


def markdown_to_html(text: str) -> str:
    """Render a Markdown policy; raw HTML in the source is escaped, never passed through."""
    return _MD.render(text)


_TERMINAL_HEADING = re.compile(r"[.,;:!]$")


def _is_heading(line: str, following: str | None, one_per_line: bool) -> bool:
    """Plain-text policies mark headings by case (ALL CAPS) or as a short question line."""
    line = line.strip()
    if not line or len(line) > 90 or _TERMINAL_HEADING.search(line):
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 3 and line == line.upper():
        return True
    # a short question followed by a long paragraph: "what information does connio collect?"
    return (one_per_line and line.endswith("?") and following is not None
            and len(following.strip()) > 80)


_SENTENCE_END = re.compile(r"""[.:;!?][\"'”’)\]]*$""")


def _deliberate_break(line: str, following: str, width: int) -> bool:
    """Does a hard-wrapped line end its paragraph?

    Yes when the next line's first word would have fitted on it (a wrapping editor would have
    put it there) and the line either ends a sentence or is clearly short. The punctuation
    test guards against wrappers that counted width differently (bytes, tabs).
    """
    next_word = following.split(" ", 1)[0]
    if len(line) + 1 + len(next_word) > width:
        return False
    return bool(_SENTENCE_END.search(line)) or len(line) < 0.75 * width


def plain_text_to_html(text: str) -> str:
    """Render a plain-text policy: headings, and paragraphs re-joined from hard-wrapped lines.

    Two layouts occur in the wild: hard-wrapped text (lines cut at a fixed width, paragraphs
    not separated by blank lines) and one paragraph per line. In the first, a line ends its
    paragraph when the next line's first word would have fitted on it: a wrapping editor would
    have put it there, so the break must be deliberate.
    """
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lengths = sorted(len(ln) for ln in lines if ln.strip())
    width = lengths[-1] if lengths else 0
    long_lines = sum(1 for n in lengths if n >= 0.8 * width)
    hard_wrapped = bool(lengths) and width <= 100 and long_lines >= max(5, len(lengths) // 4)
    blocks: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(f"<p>{html.escape(' '.join(paragraph))}</p>")
            paragraph.clear()

    for i, line in enumerate(lines):
        stripped = line.strip()
        following = next((ln for ln in lines[i + 1:] if ln.strip()), None)
        if not stripped:
            flush()
            continue
        if not paragraph and _is_heading(stripped, following, not hard_wrapped):
            tag = "h2" if blocks else "h1"
            blocks.append(f"<{tag}>{html.escape(stripped)}</{tag}>")
            continue
        paragraph.append(stripped)
        if not hard_wrapped:
            flush()
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if not nxt or _is_heading(nxt, None, False) or _deliberate_break(line, nxt, width):
            flush()
    flush()
    return "\n".join(blocks) + "\n"


def render_document(text: str, fmt: str) -> str:
    """HTML fragment of a sample document ('md' or 'txt')."""
    return markdown_to_html(text) if fmt == "md" else plain_text_to_html(text)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {company}</title>
<link rel="stylesheet" href="/static/site.css?v={year}">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "{doc_type}"}});</script>
</head>
<body>
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Cookie consent">
  <p>We use cookies to improve your experience on our website. By continuing to browse, you
  agree to our use of cookies.</p>
  <button type="button">Accept all</button> <button type="button">Manage preferences</button>
</div>
<header class="site-header">
  <a class="logo" href="/">{company}</a>
  <nav aria-label="Main">
    <ul>
      <li><a href="/products">Products</a></li>
      <li><a href="/pricing">Pricing</a></li>
      <li><a href="/about">About us</a></li>
      <li><a href="/contact">Contact</a></li>
      <li><a href="/login?utm_source=header&amp;utm_medium=nav">Log in</a></li>
    </ul>
  </nav>
</header>
<main id="content">
<nav class="breadcrumb" aria-label="Breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/legal">Legal</a>
  &rsaquo; {title}</nav>
<article class="policy">
{content}
</article>
<aside class="share-page">
  <p>Was this page helpful?</p>
  <button type="button">Yes</button> <button type="button">No</button>
  <a href="https://twitter.com/intent/tweet?url=%2F{slug}%2F{doc_type}&amp;utm_source=share">Share</a>
</aside>
</main>
<aside class="newsletter">
  <h2>Stay in the loop</h2>
  <p>Subscribe to our newsletter for product news and offers.</p>
  <form action="/subscribe" method="post"><input type="email" name="email"
  placeholder="you@example.com"> <button type="submit">Subscribe</button></form>
</aside>
<footer class="site-footer">
  <nav aria-label="Legal"><a href="/{slug}/privacy-policy">Privacy Policy</a> ·
  <a href="/terms">Terms of Service</a> · <a href="/cookies">Cookie settings</a></nav>
  <p>&copy; {year} {company}. All rights reserved.</p>
</footer>
</body>
</html>
"""


def render_page(*, company: str, slug: str, doc_type: str, title: str, content_html: str,
                year: int) -> str:
    """Wrap a document in the chrome a real corporate page carries around it."""
    return _PAGE.format(company=html.escape(company), slug=slug, doc_type=doc_type,
                        title=html.escape(title), content=content_html, year=year)


def make_page(html_text: str, version_date: date) -> Page:
    body = html_text.encode("utf-8")
    etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    modified = datetime.combine(version_date, time(0, 0), tzinfo=timezone.utc)
    return Page(body=body, etag=etag,
                last_modified=email.utils.format_datetime(modified, usegmt=True))


# ------------------------------------------------------------------------------------ server

PageSource = Callable[[str, str], "Page | None"]


def _etag_matches(header: str, etag: str) -> bool:
    tags = [t.strip() for t in header.split(",")]
    bare = etag.removeprefix("W/")
    return "*" in tags or any(t.removeprefix("W/") == bare for t in tags)


def _not_modified_since(header: str, last_modified: str) -> bool:
    try:
        since = email.utils.parsedate_to_datetime(header)
        modified = email.utils.parsedate_to_datetime(last_modified)
    except (TypeError, ValueError):
        return False
    return modified <= since


class _Handler(BaseHTTPRequestHandler):
    server_version = "demo-site/1.0"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._respond(include_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(include_body=False)

    def _respond(self, *, include_body: bool) -> None:
        path = urlsplit(self.path).path
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nAllow: /\n", "text/plain; charset=utf-8",
                       include_body=include_body)
            return
        parts = [p for p in path.split("/") if p]
        page = self.server.pages(parts[0], parts[1]) if len(parts) == 2 else None  # type: ignore[attr-defined]
        if page is None:
            self._send(404, b"<!DOCTYPE html><title>Not found</title><h1>Page not found</h1>",
                       "text/html; charset=utf-8", include_body=include_body)
            return
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = (_etag_matches(inm, page.etag) if inm is not None
                 else ims is not None and _not_modified_since(ims, page.last_modified))
        headers = {"ETag": page.etag, "Last-Modified": page.last_modified,
                   "Cache-Control": "no-cache"}
        if fresh:
            self._send(304, b"", None, include_body=False, headers=headers)
            return
        self._send(200, page.body, page.content_type, include_body=include_body,
                   headers=headers)

    def _send(self, status: int, body: bytes, content_type: str | None, *,
              include_body: bool, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if include_body and status != 304:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        log.debug("demo server: " + format, *args)


class DemoServer:
    """Threaded HTTP server on 127.0.0.1 (a free port) answering from a page source.

    Use as a context manager; the server thread is stopped and the socket closed on exit.
    """

    def __init__(self, pages: PageSource, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self._httpd = ThreadingHTTPServer((host, port), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.pages = pages  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url_for(self, slug: str, doc_type: str) -> str:
        return f"{self.base_url}/{slug}/{doc_type}"

    def start(self) -> DemoServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="demo-server", daemon=True)
        self._thread.start()
        log.debug("demo server listening on %s", self.base_url)
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
