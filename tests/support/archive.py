"""A fake Wayback Machine on 127.0.0.1 for backfill tests: a real threaded HTTP server.

It answers the CDX API as the real one does (``output=json``: a header row of urlkey,
timestamp, original, mimetype, statuscode, digest, length, then one row per capture; ``fl=``
limits the columns; ``filter=statuscode:200``, ``collapse=digest``, ``from``/``to``; ``limit``
with ``showResumeKey=true`` ends a page with ``[]`` and ``[resume_key]``, followed with
``resumeKey=``) and serves ``/web/<timestamp>id_/<url>`` snapshots. Each snapshot can be
scripted to answer 429 (with Retry-After) or 500 first, or to be gone (404).
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .web import Handler, LocalServer

CDX_FIELDS = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


def html_page(markdown: str, title: str = "Privacy Policy") -> bytes:
    """Wrap a policy's Markdown as the HTML page a site would have served (with chrome)."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark").render(markdown)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav>"
            f"<main>{body}</main><footer>© the company</footer></body></html>").encode()


@dataclass
class Reply:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FakeArchive:
    base: str = ""
    rows: list[dict[str, str]] = field(default_factory=list)
    # timestamp -> replies served in order; the last one repeats
    snapshots: dict[str, list[Reply]] = field(default_factory=dict)
    cdx_replies: list[Reply] = field(default_factory=list)    # served before real CDX answers
    requests: list[tuple[str, dict[str, str], float]] = field(default_factory=list)
    hang_on: str | None = None            # a snapshot timestamp whose request never returns
    hanging: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, url: str, timestamp: str, body: bytes, *, replies: list[Reply] | None = None,
            status: str = "200", mimetype: str = "text/html", digest: str | None = None) -> None:
        """A capture of ``url``; ``replies`` script the snapshot's answers (default: 200)."""
        host = urlsplit(url).hostname or ""
        urlkey = ",".join(reversed(host.split("."))) + ")" + urlsplit(url).path
        self.rows.append({
            "urlkey": urlkey, "timestamp": timestamp, "original": url, "mimetype": mimetype,
            "statuscode": status,
            "digest": digest or base64.b32encode(hashlib.sha1(body).digest()).decode(),
            "length": str(len(body))})
        self.snapshots[timestamp] = replies or [Reply(200, body, {"Content-Type": mimetype})]

    def add_corpus(self, url: str, folder: Path) -> list[tuple[str, str]]:
        """Every dated ``<YYYY-MM-DD>.md`` of a corpus folder as a capture at noon UTC;
        returns (timestamp, markdown) pairs, oldest first."""
        out = []
        for path in sorted(folder.glob("*.md")):
            ts = path.stem.replace("-", "") + "120000"
            text = path.read_text("utf-8")
            self.add(url, ts, html_page(text))
            out.append((ts, text))
        return out

    def paths(self) -> list[str]:
        with self.lock:
            return [urlsplit(p).path for p, _, _ in self.requests]

    def snapshot_requests(self) -> list[str]:
        """Timestamps of the snapshot requests, in order (retries included)."""
        return [p[5:].split("id_/")[0] for p in self.paths() if p.startswith("/web/")]

    def cdx_queries(self) -> list[dict[str, list[str]]]:
        with self.lock:
            return [parse_qs(urlsplit(p).query) for p, _, _ in self.requests
                    if p.startswith("/cdx/")]

    # ----------------------------------------------------------------- the CDX API
    def cdx(self, query: dict[str, list[str]]) -> bytes:
        one = {k: v[0] for k, v in query.items()}
        url = one.get("url", "")
        rows = [r for r in sorted(self.rows, key=lambda r: r["timestamp"])
                if r["original"] == url]
        if one.get("filter") == "statuscode:200":
            rows = [r for r in rows if r["statuscode"] == "200"]
        if "from" in one:
            rows = [r for r in rows if r["timestamp"] >= one["from"].ljust(14, "0")]
        if "to" in one:
            rows = [r for r in rows if r["timestamp"] <= one["to"].ljust(14, "9")]
        if one.get("collapse") == "digest":
            rows = [r for i, r in enumerate(rows) if i == 0 or rows[i - 1]["digest"] != r["digest"]]
        start = int(base64.b64decode(one["resumeKey"]).decode().rsplit(" ", 1)[1]) \
            if "resumeKey" in one else 0
        limit = int(one["limit"]) if "limit" in one else len(rows)
        page = rows[start:start + limit]
        fields = one["fl"].split(",") if "fl" in one else CDX_FIELDS
        out: list[list[str]] = [[r[f] for f in fields] for r in page]
        if not out:
            return b"[]"
        out.insert(0, fields)
        if one.get("showResumeKey") == "true" and start + limit < len(rows):
            out += [[], [base64.b64encode(f"{url} {start + limit}".encode()).decode()]]
        return json.dumps(out).encode()


def _send(h: Handler, reply: Reply) -> None:
    h.send_response(reply.status)
    headers = {"Content-Type": "text/plain", **reply.headers}
    for k, v in headers.items():
        h.send_header(k, v)
    h.send_header("Content-Length", str(len(reply.body)))
    h.end_headers()
    h.wfile.write(reply.body)


def _answer(arch: FakeArchive, h: Handler) -> None:
    """Every request to the fake archive: the CDX API or a snapshot."""
    with arch.lock:
        arch.requests.append((h.path, dict(h.headers), time.monotonic()))
    parts = urlsplit(h.path)
    if parts.path == "/cdx/search/cdx":
        with arch.lock:
            if arch.cdx_replies:
                return _send(h, arch.cdx_replies.pop(0))
        return _send(h, Reply(200, arch.cdx(parse_qs(parts.query)),
                              {"Content-Type": "text/plain"}))
    if parts.path.startswith("/web/") and "id_/" in parts.path:
        ts, _, original = parts.path[5:].partition("id_/")
        if parts.query:
            original += "?" + parts.query
        if ts == arch.hang_on:
            arch.hanging.set()
            arch.release.wait(30)
            return
        with arch.lock:
            script = arch.snapshots.get(ts)
            known = any(r["timestamp"] == ts and r["original"] == original
                        for r in arch.rows)
            if not script or not known:
                reply = Reply(404, b"not in archive")
            else:
                reply = script.pop(0) if len(script) > 1 else script[0]
        return _send(h, reply)
    _send(h, Reply(404, b"no such endpoint"))


class ArchiveServer:
    """Context manager: a FakeArchive served on 127.0.0.1 by a LocalServer."""

    def __init__(self) -> None:
        self.archive = FakeArchive()
        self.server = LocalServer(fallback=lambda h: _answer(self.archive, h))
        self.archive.base = self.server.base

    def __enter__(self) -> FakeArchive:
        self.server.__enter__()
        return self.archive

    def __exit__(self, *exc: object) -> None:
        self.archive.release.set()
        self.server.__exit__()
