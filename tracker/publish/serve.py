"""`tracker serve`: preview the built site on 127.0.0.1, as static-site tools do.

Search (Pagefind) and some browsers' feed discovery need the site served over HTTP rather than
opened from disk. The server binds the loopback address only, serves files under the site
directory and nothing else (no directory listings, no paths outside it, no symlinks that lead
out of it), with the right types for feeds.
"""

from __future__ import annotations

import functools
import io
import os
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO

from tracker.errors import UsageError

HOST = "127.0.0.1"
_TYPES = {".rss": "application/rss+xml", ".atom": "application/atom+xml",
          ".json": "application/json", ".pf_meta": "application/octet-stream",
          ".pf_fragment": "application/octet-stream", ".pf_index": "application/octet-stream",
          ".pagefind": "application/octet-stream", ".wasm": "application/wasm"}


class _Handler(SimpleHTTPRequestHandler):
    """Static files only; a path that resolves outside the site is 404."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **_TYPES}

    def list_directory(self, path: str | os.PathLike[str]) -> io.BytesIO | None:
        self.send_error(404, "No listing")
        return None

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        root = os.path.realpath(self.directory)
        real = os.path.realpath(self.translate_path(self.path))
        if real != root and not real.startswith(root + os.sep):
            self.send_error(404, "File not found")
            return None
        return super().send_head()

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server API)
        pass


def make_server(site: Path, port: int = 8000) -> ThreadingHTTPServer:
    """A server for ``site`` on 127.0.0.1:``port`` (0 = any free port); not yet serving."""
    if not (site / "index.html").is_file():
        raise UsageError(f"no built site in {site}; run `tracker build` first")
    handler = functools.partial(_Handler, directory=str(site))
    try:
        return ThreadingHTTPServer((HOST, port), handler)
    except OSError as exc:
        raise UsageError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}") from None
