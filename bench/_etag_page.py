"""The one way the tracking benchmarks answer a page request: 200 with an ETag, or 304 when
the client sends that ETag back and the server honours validators (shared by bench_track.py
and bench_track_scale.py so both measure the same server behaviour)."""

from __future__ import annotations

import hashlib
from http.server import BaseHTTPRequestHandler


def answer(handler: BaseHTTPRequestHandler, body: bytes | None, honour_etag: bool) -> int:
    """Send the response for ``body`` (None: 404); return the body bytes sent."""
    if body is None:
        handler.send_error(404)
        return 0
    etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
    if honour_etag and handler.headers.get("If-None-Match") == etag:
        handler.send_response(304)
        handler.send_header("ETag", etag)
        handler.end_headers()
        return 0
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(body)))
    handler.send_header("ETag", etag)
    handler.end_headers()
    handler.wfile.write(body)
    return len(body)
