"""One real HTTP server on 127.0.0.1 for every test that fetches: routes (plain functions on
the handler), fixed pages (with optional ETag / 304 handling), a fallback for servers that
answer every path (the fake archive, loopback hosts), and fault hooks for misbehaving
responses. Every request is logged as it arrives (`seen`) and every status sent (`hits`)."""

from __future__ import annotations

import hashlib
import mimetypes
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tracker.models import DocumentConfig

Route = Callable[["Handler"], None]


@dataclass(frozen=True)
class Seen:
    """One request as the server saw it."""

    path: str
    host: str
    headers: dict[str, str]
    at: float  # time.monotonic() when it arrived


@dataclass
class Page:
    """A fixed response; tests may change `body` or `status` between runs."""

    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: bool = False  # send an ETag and answer 304 when If-None-Match matches it


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def send_response(self, code: int, message: str | None = None) -> None:
        self.server.owner.hits.append((self.path, code))
        super().send_response(code, message)

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        self.dispatch()

    do_POST = do_PUT = do_GET  # noqa: N815 (routes and fallbacks read the body themselves)

    def dispatch(self) -> None:
        owner = self.server.owner
        path = self.path.split("?", 1)[0]
        owner.seen.append(Seen(
            path=self.path, host=self.headers.get("Host", ""),
            headers={k.lower(): v for k, v in self.headers.items()}, at=time.monotonic()))
        route = owner.routes.get(path)
        if route is not None:
            route(self)
        elif path in owner.pages:
            page = owner.pages[path]
            self.serve(page if isinstance(page, Page) else Page(
                page.encode("utf-8") if isinstance(page, str) else page,
                content_type="text/plain; charset=utf-8"))
        elif owner.fallback is not None:
            owner.fallback(self)
        else:
            self.reply(404, b"not found", "text/plain")

    def serve(self, page: Page) -> None:
        headers = dict(page.headers)
        if page.etag:
            headers["ETag"] = '"%s"' % hashlib.sha256(page.body).hexdigest()[:16]
            if self.headers.get("If-None-Match") == headers["ETag"]:
                self.send_response(304)
                self.send_header("ETag", headers["ETag"])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        self.reply(page.status, page.body, page.content_type, headers)

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

    def handle_error(self, request: object, client_address: object) -> None:
        """Misbehaving routes break connections on purpose (resets, client hang-ups); keep
        the resulting BrokenPipe/ConnectionReset tracebacks out of the test output (and out
        of stderr that CliRunner captures as if the CLI had printed it)."""


class LocalServer:
    """Start with `with LocalServer() as srv:`; serve with srv.page(path, body), srv.html(...)
    or srv.routes[path] = fn (a route wins over a page at the same path)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0,
                 fallback: Route | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.pages: dict[str, Page | str | bytes] = {}  # text or bytes: served as text/plain
        self.fallback = fallback
        self.seen: list[Seen] = []
        self.hits: list[tuple[str, int]] = []  # (request path, status sent)
        self.host = host
        self._httpd = _Server((host, port), Handler)
        self._httpd.owner = self
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "LocalServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.host}:{self.port}{path}"

    def page(self, path: str, body: bytes | str, status: int = 200,
             content_type: str = "text/html; charset=utf-8", etag: bool = False,
             **headers: str) -> str:
        """Serve a fixed response at `path` (replacing any route there); returns its URL.
        Keyword names become header names with '_' read as '-' (Retry_After)."""
        data = body.encode() if isinstance(body, str) else body
        hdrs = {k.replace("_", "-"): v for k, v in headers.items()}
        self.routes.pop(path, None)
        self.pages[path] = Page(data, status, content_type, hdrs, etag)
        return self.url(path)

    def html(self, path: str, title: str, body_html: str, status: int = 200) -> str:
        """A policy-site page with navigation and footer chrome around `body_html`."""
        page = (f"<!doctype html><html><head><title>{title}</title></head><body>"
                f"<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
                f"<main><h1>{title}</h1>{body_html}</main>"
                f"<footer>© 2024 Example. <a href='/privacy'>Privacy</a></footer>"
                f"</body></html>")
        return self.page(path, page.encode("utf-8"), status)

    def requests_to(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path.split("?", 1)[0] == path]


def doc(url: str, **kw: object) -> DocumentConfig:
    """A document config for `url` (type privacy-policy unless given)."""
    doc_type = str(kw.pop("type", "privacy-policy"))
    return DocumentConfig(type=doc_type, url=url, **kw)  # type: ignore[arg-type]


def serve_directory(root: Path) -> Route:
    """A fallback that serves the files under `root` as a static web server does (a folder's
    index.html; a folder without its trailing slash is redirected to it)."""
    top = root.resolve()

    def route(h: Handler) -> None:
        path = unquote(urlsplit(h.path).path)
        target = (top / path.lstrip("/")).resolve()
        if target != top and top not in target.parents:
            return h.reply(404, b"not found", "text/plain")
        if target.is_dir():
            if not path.endswith("/"):
                return h.reply(301, headers={"Location": path + "/"})
            target = target / "index.html"
        if not target.is_file():
            return h.reply(404, b"not found", "text/plain")
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        h.reply(200, target.read_bytes(), kind)
    return route


# ------------------------------------------------------------------------------ fault hooks

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


def send_headers(h: Handler, length: int | None, **extra: str) -> None:
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


def gzip_bomb(h: Handler) -> None:
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


# ------------------------------------------------------------------------ several hosts

class Hosts:
    """One LocalServer per loopback address (127.0.0.1, 127.0.0.2, ...), one shared port,
    logging every request's arrival per host and the number of requests in flight. Paths:
    /moved... redirects to /doc... on the same host, /flaky... answers 503 once per host,
    anything else is a small policy page."""

    PAGE = b"<html><body><main><h1>Privacy</h1><p>We collect little.</p></main></body></html>"

    def __init__(self, count: int, latency: float = 0.0) -> None:
        self.latency = latency
        self.arrivals: list[tuple[str, str, float]] = []
        self.in_flight = self.max_in_flight = 0
        self.failed_once: set[tuple[str, str]] = set()
        self._lock = threading.Lock()
        self.servers: list[LocalServer] = []
        self.port = 0
        for i in range(count):
            server = LocalServer(f"127.0.0.{i + 1}", self.port, fallback=self._handle)
            self.port = server.port
            self.servers.append(server.__enter__())
        self.hosts = [f"127.0.0.{i + 1}" for i in range(count)]

    def _handle(self, h: Handler) -> None:
        host = h.connection.getsockname()[0]
        with self._lock:
            self.arrivals.append((host, h.path, time.monotonic()))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            time.sleep(self.latency)
        finally:
            # a request stops counting as in flight once its answer starts: the client may
            # send its next request as soon as the last byte arrives, possibly before this
            # thread would get back to a counter decremented after the write
            with self._lock:
                self.in_flight -= 1
        self.answer(h, host)

    def answer(self, h: Handler, host: str) -> None:
        """The response of `host` (tests may replace this per instance)."""
        if h.path.startswith("/moved"):  # to the same host, then a page
            h.reply(302, headers={"Location": "/doc" + h.path[len("/moved"):]})
        elif h.path.startswith("/flaky") and (host, h.path) not in self.failed_once:
            self.failed_once.add((host, h.path))
            h.reply(503)
        else:
            h.reply(200, self.PAGE)

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.port}{path}"

    def gaps(self) -> dict[str, list[float]]:
        """Gaps between consecutive request arrivals, per host."""
        by_host: dict[str, list[float]] = {}
        for host, _path, at in self.arrivals:
            by_host.setdefault(host, []).append(at)
        return {h: [b - a for a, b in zip(sorted(t), sorted(t)[1:])] for h, t in by_host.items()}

    def close(self) -> None:
        for server in self.servers:
            server.__exit__()
