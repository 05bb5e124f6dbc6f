"""Benchmark of a tracking run: concurrency across hosts and conditional GET, side by side.

Serves real policies (the latest version of each company in ../shared/corpus/ptt, wrapped in
page chrome) from several loopback hosts (127.0.0.1, 127.0.0.2, ...) with a simulated network
latency per request, then measures in one run:

  serial first run      concurrency = 1: one request at a time (the worker fetches from
                        another host while one waits out its delay), every document
                        fetched, extracted and committed
  concurrent first run  concurrency = hosts: one request per host in flight at once
  no-change run         the server answers 304 to the validators remembered from the last run
  no-change, no 304     the server ignores validators: full download + extract, no commit

Usage: python bench/bench_track.py [--corpus DIR] [--hosts N] [--per-host N] [--latency S]
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from _etag_page import answer  # bench/ is on sys.path when a bench script runs

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import tracker.extract  # noqa: E402,F401  (imported up front: no import cost in the timings)
import tracker.fetching  # noqa: E402,F401
import tracker.storage.repo  # noqa: E402,F401
from tracker.config.loading import parse_config  # noqa: E402
from tracker.tracking.run import track  # noqa: E402
from tracker.workspace import Workspace  # noqa: E402


def policy_pages(corpus: Path, count: int) -> list[bytes]:
    """Latest version of each ptt company as an HTML page with site chrome around it."""
    pages = []
    for company in sorted(p for p in (corpus / "ptt").iterdir() if p.is_dir()):
        latest = sorted(company.glob("*.txt"))[-1]
        paragraphs = [p.strip() for p in latest.read_text(errors="replace").split("\n\n")]
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)
        pages.append((f"<!doctype html><html><head><title>Privacy</title></head><body>"
                      f"<nav><a href='/'>Home</a></nav><div class='cookie-banner'>We use "
                      f"cookies <button>Accept</button></div><main><h1>Privacy Policy</h1>"
                      f"{body}</main><footer>© 2024</footer></body></html>").encode())
        if len(pages) == count:
            break
    return pages


class Site:
    """One loopback host serving its documents with latency; optional ETag support."""

    def __init__(self, address: str, pages: dict[str, bytes], latency: float) -> None:
        self.pages, self.latency, self.honour_etag = pages, latency, True
        self.bytes_sent = 0
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                time.sleep(site.latency)
                site.bytes_sent += answer(self, site.pages.get(self.path), site.honour_etag)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer((address, 0), Handler)
        self.base = f"http://{address}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def config_text(sites: list[Site], per_host_delay: float, concurrency: int) -> str:
    lines = ["[fetch]", 'user_agent = "policy-tracker-bench"', f"per_host_delay = {per_host_delay}",
             f"concurrency = {concurrency}", "retries = 0", "timeout = 10", ""]
    for h, site in enumerate(sites):
        for path in sorted(site.pages):
            slug = f"h{h}-{path.strip('/')}"
            lines += ["[[companies]]", f'slug = "{slug}"', f'name = "{slug}"',
                      "[[companies.documents]]", f'url = "{site.base}{path}"', ""]
    return "\n".join(lines)


def timed_run(root: Path, text: str, when: datetime,
              sites: list[Site]) -> tuple[float, float, int, dict[str, int]]:
    """Wall seconds, CPU seconds of this process, bytes served and outcome counts."""
    ws = Workspace(root)
    root.mkdir(parents=True, exist_ok=True)
    ws.config_path.write_text(text)
    config = parse_config(text, ws.config_path)
    sent_before = sum(site.bytes_sent for site in sites)
    started, cpu_started = time.perf_counter(), time.process_time()
    report = track(ws, config, captured_at=when)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    sent = sum(site.bytes_sent for site in sites) - sent_before
    counts: dict[str, int] = {}
    for outcome in report.outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    return elapsed, cpu, sent, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--latency", type=float, default=0.15, help="seconds per request")
    parser.add_argument("--delay", type=float, default=0.3, help="per-host delay, seconds")
    args = parser.parse_args()
    if not (args.corpus / "ptt").is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    pages = policy_pages(args.corpus, args.hosts * args.per_host)
    sites = [Site(f"127.0.0.{h + 1}", {f"/p{i}": pages[h * args.per_host + i]
                                       for i in range(args.per_host)}, args.latency)
             for h in range(args.hosts)]
    total_kb = sum(len(p) for p in pages) / 1024
    day1 = datetime(2024, 1, 1, tzinfo=timezone.utc)
    day2 = datetime(2024, 1, 2, tzinfo=timezone.utc)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            serial_text = config_text(sites, args.delay, 1)
            parallel_text = config_text(sites, args.delay, args.hosts)
            serial = timed_run(Path(tmp) / "serial", serial_text, day1, sites)
            parallel = timed_run(Path(tmp) / "parallel", parallel_text, day1, sites)
            not_modified = timed_run(Path(tmp) / "parallel", parallel_text, day2, sites)
            for site in sites:
                site.honour_etag = False
            full_nochange = timed_run(Path(tmp) / "parallel", parallel_text, day2, sites)
    finally:
        for site in sites:
            site.close()
    docs = args.hosts * args.per_host
    print(f"{docs} documents ({total_kb:,.0f} KB of HTML) on {args.hosts} loopback hosts, "
          f"{args.latency * 1000:.0f} ms latency per request, per-host delay {args.delay} s")
    print(f"{'run':<26}{'wall s':>8}{'vs serial':>11}{'CPU s':>8}{'KB sent':>9}  outcomes")
    rows = [("serial first run", serial), ("concurrent first run", parallel),
            ("no-change run (304)", not_modified), ("no-change run (full GET)", full_nochange)]
    for name, (seconds, cpu, sent, counts) in rows:
        outcome = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        print(f"{name:<26}{seconds:>8.2f}{seconds / serial[0]:>10.0%}{cpu:>8.2f}"
              f"{sent / 1024:>9,.0f}  {outcome}")
    print(f"concurrency speed-up: {serial[0] / parallel[0]:.1f}x; a no-change run with "
          f"conditional GET uses {not_modified[1] / full_nochange[1]:.0%} of the CPU and "
          f"{not_modified[2] / max(full_nochange[2], 1):.0%} of the bytes of one without")
    return 0


if __name__ == "__main__":
    sys.exit(main())
