"""Fixtures for end-to-end tests: a local policy website whose pages the test can change."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest



@dataclass
class Page:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"


@dataclass
class Site:
    """Pages served at 127.0.0.1; tests set `site.pages[path]` between runs."""

    base: str = ""
    pages: dict[str, Page] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)

    def html(self, path: str, title: str, body_html: str, status: int = 200) -> None:
        page = (f"<!doctype html><html><head><title>{title}</title></head><body>"
                f"<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
                f"<main><h1>{title}</h1>{body_html}</main>"
                f"<footer>© 2024 Example. <a href='/privacy'>Privacy</a></footer>"
                f"</body></html>")
        self.pages[path] = Page(page.encode("utf-8"), status)

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            state.hits.append(self.path)
            page = state.pages.get(self.path)
            if page is None:
                self.send_error(404)
                return
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(page.body)))
            self.end_headers()
            self.wfile.write(page.body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()
