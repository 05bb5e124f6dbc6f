"""Helpers for fetch tests: a real HTTP server on 127.0.0.1 (routes are plain functions on the
handler) and a DocumentConfig shortcut.

Shared by tests/fetch and tests/faults/test_fetch_faults.py, imported by module name (its
directory is put on sys.path) rather than as fixtures, so the shared conftest stays untouched.
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Iterator

import pytest

from tracker.models import DocumentConfig

Route = Callable[["Handler"], None]


@dataclass(frozen=True)
class Seen:
    """One request as the server saw it."""

    path: str
    host: str
    headers: dict[str, str]
    at: float  # time.monotonic() when it arrived


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.server.owner.seen.append(Seen(
            path=self.path, host=self.headers.get("Host", ""),
            headers={k.lower(): v for k, v in self.headers.items()}, at=time.monotonic()))
        route = self.server.owner.routes.get(path)
        if route is None:
            self.reply(404, b"not found", "text/plain")
        else:
            route(self)

    def reply(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: "LocalServer"

    def handle_error(self, request, client_address) -> None:
        """Misbehaving routes break connections on purpose (resets, client hang-ups); keep
        the resulting BrokenPipe/ConnectionReset tracebacks out of the test output."""


class LocalServer:
    """Start with `with LocalServer() as srv:`; add routes with srv.routes[path] = fn."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self._httpd = _Server(("127.0.0.1", 0), Handler)
        self._httpd.owner = self
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def __enter__(self) -> "LocalServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def page(self, path: str, body: bytes | str, status: int = 200,
             content_type: str = "text/html; charset=utf-8", **headers: str) -> str:
        """Serve a fixed response at `path`; returns its URL."""
        data = body.encode() if isinstance(body, str) else body
        hdrs = {k.replace("_", "-"): v for k, v in headers.items()}
        self.routes[path] = lambda h: h.reply(status, data, content_type, hdrs)
        return self.url(path)

    def requests_to(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path.split("?", 1)[0] == path]


def doc(url: str, **kw: object) -> DocumentConfig:
    """A document config for `url` (type privacy-policy unless given)."""
    doc_type = str(kw.pop("type", "privacy-policy"))
    return DocumentConfig(type=doc_type, url=url, **kw)  # type: ignore[arg-type]


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A running LocalServer (a fixture: modules that import it can ask for `server`)."""
    with LocalServer() as srv:
        yield srv


@contextmanager
def unresponsive_port() -> Iterator[int]:
    """A port on 127.0.0.1 where connecting hangs, like a firewalled host: a listener whose
    accept queue is full, so the kernel drops further SYNs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(listener.getsockname())
        fillers.append(filler)
    time.sleep(0.05)
    try:
        yield listener.getsockname()[1]
    finally:
        for sock in (*fillers, listener):
            sock.close()


def send_headers(h: "Handler", length: int | None, **extra: str) -> None:
    """A 200 HTML response head; without a length the body runs until the connection closes.
    Keyword names become header names with '_' read as '-' (Retry_After -> Retry-After)."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    if length is not None:
        h.send_header("Content-Length", str(length))
    else:
        h.send_header("Connection", "close")
    for name, value in extra.items():
        h.send_header(name.replace("_", "-"), value)
    h.end_headers()
    h.wfile.flush()


def gzip_bomb(h: "Handler") -> None:
    """1 GB of zeros, gzip-compressed on the fly (~1 MB on the wire); the client may hang up."""
    zeros = bytes(1 << 20)
    send_headers(h, None, Content_Encoding="gzip")
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    try:
        for _ in range(1024):
            h.wfile.write(packer.compress(zeros))
        h.wfile.write(packer.flush())
    except OSError:
        pass
