"""Benchmark of tracking at scale: 500 documents on 50 hosts, against the ideal schedule.

A server process (not this one: it must not share the tracker's GIL) serves real policy texts
(every version in ../shared/corpus/ptt, cycled, each wrapped in page chrome) from 50 loopback
hosts 127.0.0.1 ... 127.0.0.50, sleeping `latency` seconds before each answer, honouring
ETag/If-None-Match, and logging the arrival time of every request per host. One run measures:

  first run      every document fetched, extracted and recorded (one git repo per company)
  304 run        the same documents again: the server answers 304 to the remembered ETags

and prints each run's wall time against its ideal, the smallest gap the server saw between two
requests to one host (must never be below the per-host delay), bytes downloaded and peak RSS.

The ideal (a lower bound no schedule can beat): a host's requests go one at a time, each takes
`latency`, and consecutive ones are `delay` apart, so host h with D_h documents needs at least
D_h*L + (D_h-1)*d; and at most C requests (C = concurrency) are in flight at once, so all N
requests need at least N*L/C. ideal = max(max_h (D_h*L + (D_h-1)*d), N*L/C).

Usage: python bench/bench_track_scale.py [--hosts 50] [--per-host 10] [--latency 0.1]
                                         [--delay 2.0] [--concurrency 16] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import html
import multiprocessing as mp
import resource
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


def policy_pages(corpus: Path, count: int) -> list[bytes]:
    """`count` HTML pages made of the ptt versions (all of them, cycled), with site chrome."""
    texts = [p.read_text(errors="replace") for p in sorted((corpus / "ptt").glob("*/*.txt"))]
    pages = []
    for i in range(count):
        paragraphs = [p.strip() for p in texts[i % len(texts)].split("\n\n")]
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)
        pages.append((f"<!doctype html><html><head><title>Privacy {i}</title></head><body>"
                      f"<nav><a href='/'>Home</a></nav><div class='cookie-banner'>We use "
                      f"cookies <button>Accept</button></div><main><h1>Privacy Policy {i}</h1>"
                      f"{body}</main><footer>© 2024</footer></body></html>").encode())
    return pages


# ----------------------------------------------------------------------------- server process

def _serve(conn, hosts: list[str], pages: dict[str, dict[str, bytes]], latency: float) -> None:
    """Server process main: one HTTP server per loopback host; commands over `conn`."""
    log: list[tuple[str, str, float]] = []
    lock = threading.Lock()
    state = {"etag": True, "bytes": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            host = self.connection.getsockname()[0]
            with lock:
                log.append((host, self.path, time.monotonic()))
            time.sleep(latency)
            sent = answer(self, pages.get(host, {}).get(self.path), state["etag"])
            with lock:
                state["bytes"] += sent

        def log_message(self, *args) -> None:
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 128

    servers = []
    port = 0
    for host in hosts:
        server = Server((host, port), Handler)
        port = server.server_address[1]  # the same port on every host address
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    conn.send(port)
    while True:
        command = conn.recv()
        if command == "log":
            with lock:
                conn.send((list(log), state["bytes"]))
                log.clear()
                state["bytes"] = 0
        elif command == "stop":
            for server in servers:
                server.shutdown()
                server.server_close()
            conn.send(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
            return


def min_gaps(log: list[tuple[str, str, float]]) -> dict[str, float]:
    """Smallest gap between two consecutive request arrivals, per host."""
    by_host: dict[str, list[float]] = {}
    for host, _path, at in log:
        by_host.setdefault(host, []).append(at)
    gaps = {}
    for host, times in by_host.items():
        times.sort()
        gaps[host] = min((b - a for a, b in zip(times, times[1:])), default=float("inf"))
    return gaps


def spans(log: list[tuple[str, str, float]]) -> tuple[float, float, float]:
    """Per host, first request to last request: (mean, max), and the latest first request
    of any host after the run's first request (how long the last host waited to start)."""
    by_host: dict[str, list[float]] = {}
    for host, _path, at in log:
        by_host.setdefault(host, []).append(at)
    widths = [max(t) - min(t) for t in by_host.values()]
    start = min(min(t) for t in by_host.values())
    last_start = max(min(t) for t in by_host.values()) - start
    return sum(widths) / len(widths), max(widths), last_start


def ideal_seconds(per_host: list[int], latency: float, delay: float, concurrency: int) -> float:
    """Lower bound of a run's wall time (see the module docstring)."""
    chain = max(d * latency + (d - 1) * delay for d in per_host if d)
    return max(chain, sum(per_host) * latency / concurrency)


def config_text(hosts: list[str], port: int, per_host: int, delay: float,
                concurrency: int) -> str:
    lines = ["[fetch]", 'user_agent = "policy-tracker-bench"', f"per_host_delay = {delay}",
             f"concurrency = {concurrency}", "retries = 0", "timeout = 30", ""]
    for h, host in enumerate(hosts):
        lines += ["[[companies]]", f'slug = "company{h:02d}"', f'name = "Company {h}"', ""]
        for i in range(per_host):
            lines += ["[[companies.documents]]", f'type = "doc{i}"',
                      f'url = "http://{host}:{port}/p{i}"', ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--per-host", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds per request")
    parser.add_argument("--delay", type=float, default=2.0,
                        help="per-host delay, seconds (default: the tracker's default)")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--tolerance", type=float, default=0.005,
                        help="clock tolerance for the per-host delay check, seconds")
    args = parser.parse_args()
    if not (args.corpus / "ptt").is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    hosts = [f"127.0.0.{h + 1}" for h in range(args.hosts)]
    pages = policy_pages(args.corpus, args.hosts * args.per_host)
    served = {host: {f"/p{i}": pages[h * args.per_host + i] for i in range(args.per_host)}
              for h, host in enumerate(hosts)}
    ctx = mp.get_context("spawn")  # a clean process: no copy of this one's threads or modules
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_serve, args=(child, hosts, served, args.latency), daemon=True)
    proc.start()
    port = parent.recv()

    from tracker.config.loading import parse_config
    from tracker.runstats import RunStats
    from tracker.tracking.run import track
    from tracker.workspace import Workspace
    import tracker.extract  # noqa: F401  (imported up front: no import cost in the timings)
    import tracker.fetching  # noqa: F401
    import tracker.storage.repo  # noqa: F401

    ideal = ideal_seconds([args.per_host] * args.hosts, args.latency, args.delay,
                          args.concurrency)
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "ws"
            root.mkdir()
            ws = Workspace(root)
            text = config_text(hosts, port, args.per_host, args.delay, args.concurrency)
            ws.config_path.write_text(text)
            config = parse_config(text, ws.config_path)
            for name, day in (("first run", 1), ("304 run", 2)):
                stats = RunStats(name)
                started = time.perf_counter()
                report = track(ws, config, captured_at=datetime(2024, 1, day, tzinfo=timezone.utc),
                               stats=stats)
                elapsed = time.perf_counter() - started
                parent.send("log")
                log, sent = parent.recv()
                counts: dict[str, int] = {}
                for outcome in report.outcomes:
                    counts[outcome.status] = counts.get(outcome.status, 0) + 1
                rows.append((name, elapsed, log, sent, counts, stats))
            self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    finally:
        parent.send("stop")
        server_rss = parent.recv() / 1024
        proc.join()

    docs = args.hosts * args.per_host
    print(f"{docs} documents ({sum(map(len, pages)) / 1e6:.1f} MB of HTML) on {args.hosts} "
          f"loopback hosts, {args.latency * 1000:.0f} ms latency per request, per-host delay "
          f"{args.delay:g} s, concurrency {args.concurrency}")
    print(f"ideal = max(D*L + (D-1)*d, N*L/C) = {ideal:.2f} s")
    print(f"{'run':<11}{'wall s':>8}{'ideal s':>9}{'ratio':>7}{'requests':>10}{'min gap s':>11}"
          f"{'too close':>11}{'KB down':>9}  outcomes")
    worst = 0
    for name, elapsed, log, sent, counts, _stats in rows:
        gaps = min_gaps(log)
        violations = sum(1 for g in gaps.values() if g < args.delay - args.tolerance)
        worst = max(worst, violations)
        outcome = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        print(f"{name:<11}{elapsed:>8.2f}{ideal:>9.2f}{elapsed / ideal:>7.2f}{len(log):>10}"
              f"{min(gaps.values()):>11.3f}{violations:>11}{sent / 1024:>9,.0f}  {outcome}")
    chain = args.per_host * args.latency + (args.per_host - 1) * args.delay
    for name, _elapsed, log, *_rest in rows:
        mean, widest, last_start = spans(log)
        print(f"  {name}: one host's requests, first to last arrival: mean {mean:.2f} s, max "
              f"{widest:.2f} s (ideal {chain - args.latency:.2f} s); last host started "
              f"{last_start:.2f} s after the first")
    for name, *_rest, stats in rows:
        phases = ", ".join(f"{k} {v:.2f}" for k, v in sorted(stats.phases.items()))
        counters = ", ".join(f"{k} {v}" for k, v in sorted(stats.counts.items()))
        print(f"  {name}: phases (s, summed over threads): {phases}; counts: {counters}")
    print(f"peak RSS: tracker process {self_rss:.0f} MiB (server process {server_rss:.0f} MiB)")
    print(f"hosts with two requests closer than the per-host delay: {worst} (must be 0)")
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
