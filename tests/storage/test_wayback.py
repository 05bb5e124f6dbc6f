"""Wayback backfill against a fake archive on 127.0.0.1 (CDX API + id_ snapshots)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from storage_helpers import META, ex, fsck, run_git
from tracker.models import DocumentConfig, FetchSettings
from tracker.wayback import backfill

POLICY_URL = "https://acme.test/privacy"
FIELDS = ["timestamp", "original", "statuscode", "mimetype", "digest"]


def page(body: str, chrome: str = "") -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Privacy</title></head>"
            f"<body><nav><a href='/'>Home</a>{chrome}</nav><main><h1>Privacy Policy</h1>"
            f"{body}</main><footer>© Acme</footer></body></html>").encode()


@dataclass
class Archive:
    base: str = ""
    captures: list[list[str]] = field(default_factory=list)
    bodies: dict[str, tuple[int, bytes, dict[str, str]]] = field(default_factory=dict)
    cdx_status: int = 200
    requests: list[tuple[str, dict[str, str], float]] = field(default_factory=list)

    def add(self, ts: str, status: int, body: bytes, **headers: str) -> None:
        self.captures.append([ts, POLICY_URL, "200", "text/html", f"DIGEST{ts}"])
        self.bodies[ts] = (status, body, headers)


class _Handler(BaseHTTPRequestHandler):
    archive: Archive

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        arch = self.server.archive  # type: ignore[attr-defined]
        arch.requests.append((self.path, dict(self.headers), time.monotonic()))
        parts = urlsplit(self.path)
        if parts.path == "/cdx/search/cdx":
            if arch.cdx_status != 200:
                return self._send(arch.cdx_status, b"busy", "text/plain", {})
            rows = [FIELDS] + arch.captures if arch.captures else []
            return self._send(200, json.dumps(rows).encode(), "application/json", {})
        if parts.path.startswith("/web/"):
            ts, _, original = parts.path[5:].partition("id_/")
            status, body, headers = arch.bodies.get(ts, (404, b"not archived", {}))
            if original != POLICY_URL:
                status, body = 404, b"wrong url"
            if status == 429:
                arch.bodies[ts] = (200, body, {})  # the retry succeeds
                return self._send(429, b"slow down", "text/plain", {"Retry-After": "0"})
            return self._send(status, body, headers.get("Content-Type", "text/html"), {})
        self._send(404, b"", "text/plain", {})


@pytest.fixture
def archive() -> Iterator[Archive]:
    arch = Archive()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.archive = arch  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    arch.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield arch
    server.shutdown()
    server.server_close()


DOC = DocumentConfig(type="privacy-policy", url=POLICY_URL, title="Privacy Policy")
FAST = FetchSettings(per_host_delay=0.0, retries=1, timeout=5.0, retry_backoff=0.05,
                     user_agent="policy-tracker-test/1.0 (+https://example.test)")


def test_backfill_builds_dated_history_and_reports_failures(archive: Archive, repo, repo_path):
    archive.add("20190105120000", 200, page("<p>We collect your e-mail address.</p>"))
    archive.add("20200301000000", 200,
                page("<p>We collect your e-mail address.</p>", chrome="<a href='/x'>Ad</a>"))
    archive.add("20210101000000", 500, b"archive error")
    archive.add("20210601000000", 200, b"<html><body></body></html>")  # nothing extractable
    archive.add("20220715083000", 200, page("<p>We collect your e-mail address and phone.</p>"))
    live = repo.record("privacy-policy", ex("# Privacy Policy\n\nLive text of 2024."), META,
                       datetime(2024, 2, 1, tzinfo=timezone.utc), "Privacy Policy")

    report = backfill(repo, "Acme Inc", DOC, FAST, base_url=archive.base)

    assert (report.captures, report.fetched, report.imported, report.skipped) == (5, 3, 2, 1)
    assert len(report.errors) == 2
    assert report.errors[0].startswith("capture 20210101000000:") and "500" in report.errors[0]
    assert report.errors[1].startswith("capture 20210601000000:")
    versions = repo.versions("privacy-policy")
    assert [v.date.isoformat() for v in versions] == [
        "2024-02-01T00:00:00+00:00", "2022-07-15T08:30:00+00:00", "2019-01-05T12:00:00+00:00"]
    assert versions[0].commit != live  # rebuilt on top of the older history, same content
    assert versions[0].subject == "Record new changes of Acme Inc Privacy Policy"
    assert versions[-1].subject == "First record of Acme Inc Privacy Policy"
    oldest = versions[-1]
    assert oldest.trailers["Fetcher"] == "wayback"
    assert oldest.trailers["Source-URL"] == f"{archive.base}/web/20190105120000id_/{POLICY_URL}"
    assert oldest.trailers["HTTP-Status"] == "200"
    assert oldest.trailers["Content-Type"] == "text/html"
    assert "We collect your e-mail address." in repo.text_at(oldest.commit, "privacy-policy")
    raw, ext = repo.raw_at(oldest.commit, "privacy-policy")
    assert ext == "html" and raw == archive.bodies["20190105120000"][1]
    assert repo.text_at(versions[0].commit, "privacy-policy") == \
        "# Privacy Policy\n\nLive text of 2024.\n"
    dates = run_git(repo_path, "log", "--format=%at").split()
    assert dates == sorted(dates, reverse=True)
    fsck(repo_path)

    # the CDX query asks exactly for distinct status-200 captures
    cdx = [r for r in archive.requests if r[0].startswith("/cdx/")]
    assert len(cdx) == 1
    query = parse_qs(urlsplit(cdx[0][0]).query)
    assert query == {"url": [POLICY_URL], "output": ["json"], "fl": [",".join(FIELDS)],
                     "filter": ["statuscode:200"], "collapse": ["digest"]}
    assert all(r[1].get("User-Agent") == FAST.user_agent for r in archive.requests)
    # 1 CDX + 5 captures + 1 retry of the transient 500
    assert len(archive.requests) == 7

    # running it again adds nothing and does not move the branch
    head = run_git(repo_path, "rev-parse", "HEAD")
    seen = len(archive.requests)
    again = backfill(repo, "Acme Inc", DOC, FAST, base_url=archive.base)
    assert again.imported == 0 and again.skipped == 3
    assert run_git(repo_path, "rev-parse", "HEAD") == head
    # captures already in the history are not downloaded again (CDX + 3 others + 1 retry)
    assert [urlsplit(r[0]).path.split("id_")[0] for r in archive.requests[seen:]] == [
        "/cdx/search/cdx", "/web/20200301000000", "/web/20210101000000",
        "/web/20210101000000", "/web/20210601000000"]


def test_batches_keep_progress(archive: Archive, repo):
    for day in range(1, 8):
        archive.add(f"202001{day:02d}000000", 200, page(f"<p>Text number {day}.</p>"))
    report = backfill(repo, "Acme Inc", DOC, FAST, base_url=archive.base, batch=3)
    assert report.imported == 7 and len(report.commits) == 7
    texts = [repo.text_at(v.commit, "privacy-policy") for v in repo.versions("privacy-policy")]
    assert [t.split("number ")[1][0] for t in texts] == list("7654321")


def test_range_and_limit_are_passed_to_cdx(archive: Archive, repo):
    archive.add("20200101000000", 200, page("<p>One.</p>"))
    report = backfill(repo, "Acme Inc", DOC, FAST, base_url=archive.base + "/",
                      since=datetime(2019, 1, 2), until=datetime(2021, 3, 4, 5, 6, 7,
                                                                 tzinfo=timezone.utc), limit=7)
    assert report.imported == 1
    query = parse_qs(urlsplit(archive.requests[0][0]).query)
    assert query["from"] == ["20190102000000"]
    assert query["to"] == ["20210304050607"]
    assert query["limit"] == ["7"]


def test_delay_between_requests_and_retry_after(archive: Archive, repo):
    archive.add("20200101000000", 429, page("<p>One.</p>"))
    archive.add("20200201000000", 200, page("<p>Two.</p>"))
    report = backfill(repo, "Acme Inc", DOC, FAST, base_url=archive.base, delay=0.1)
    assert report.errors == [] and report.imported == 2
    times = [t for _, _, t in archive.requests]
    assert len(times) == 4  # CDX, 429, retry, second capture
    assert all(b - a >= 0.09 for a, b in zip(times, times[1:])), times


def test_archive_down_is_reported_without_touching_history(archive: Archive, repo, repo_path):
    repo.record("privacy-policy", ex("Live."), META, datetime(2024, 1, 1), "Privacy Policy")
    head = run_git(repo_path, "rev-parse", "HEAD")
    archive.cdx_status = 503
    report = backfill(repo, "Acme Inc", DOC, FAST, base_url=archive.base)
    assert report.captures == 0 and report.imported == 0
    assert len(report.errors) == 1 and "CDX" in report.errors[0] and "503" in report.errors[0]
    assert run_git(repo_path, "rev-parse", "HEAD") == head
    assert "failed" in report.summary()


def test_no_captures(archive: Archive, repo):
    report = backfill(repo, "Acme Inc", DOC, FAST, base_url=archive.base)
    assert (report.captures, report.imported, report.errors) == (0, 0, [])
    assert repo.versions("privacy-policy") == []


def test_cli_backfill_imports_history_before_tracking(archive: Archive, tmp_path):
    from click.testing import CliRunner

    from tracker.cli import main

    archive.add("20190105120000", 200, page("<p>We collect your e-mail address.</p>"))
    archive.add("20220715083000", 200, page("<p>We collect your e-mail address and phone.</p>"))
    ws = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(ws)]).exit_code == 0
    assert runner.invoke(main, ["-w", str(ws), "add", "acme", POLICY_URL]).exit_code == 0
    config = (ws / "tracker.toml").read_text().replace("per_host_delay = 2", "per_host_delay = 0")
    (ws / "tracker.toml").write_text(config)
    result = runner.invoke(main, ["-w", str(ws), "backfill", "acme", "--wayback-url",
                                  archive.base])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("acme/privacy-policy:")
    dates = run_git(ws / "snapshots" / "acme", "log", "--format=%as").split()
    assert dates == ["2022-07-15", "2019-01-05"]
    again = runner.invoke(main, ["-w", str(ws), "backfill", "acme", "--wayback-url",
                                 archive.base])
    assert again.exit_code == 0
    assert run_git(ws / "snapshots" / "acme", "log", "--format=%as").split() == dates
    unknown = runner.invoke(main, ["-w", str(ws), "backfill", "nobody"])
    assert unknown.exit_code == 2 and "unknown company" in unknown.output
