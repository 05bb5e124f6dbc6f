"""Benchmark against a peer: this tracker and urlwatch on the same workload, side by side.

Real policies (the seeds, the demo's sample snapshots and the corpus versions, rendered by the
demo server into pages with site chrome) are served from HOSTS loopback addresses
(127.0.0.2, 127.0.0.3, ...) by a server in its own process, with LATENCY seconds per request
and ETag / 304 support. Both tools watch the same URLs with the same CSS selector
(`article.policy`) and no politeness delay, each started as a process of its own, and three
passes are measured for each:

  all-new     an empty workspace / cache: every document is fetched and recorded
  unchanged   nothing changed: every request is answered 304 Not Modified
  10% changed one document in ten has a new paragraph; the rest answer 304

Wall seconds and CPU seconds (user + system of the process and everything it waited for:
git, for the tracker) are printed per pass, with the tracker / urlwatch ratios. The tracker
does more per document than urlwatch (Markdown conversion, a git commit per version, the
change detector's report for each changed document); urlwatch stores its text in a cache.

urlwatch is installed by this script into a venv of its own (pip install urlwatch); without
network access to PyPI its column is skipped with the reason.

Both tools run from bytecode, as an installation leaves them: pip compiled urlwatch's modules
when it installed them, and this script compiles the tracker's (into `tracker/**/__pycache__`,
ignored by git) before measuring. Python would cache them itself on the first run, except where
PYTHONDONTWRITEBYTECODE is set; then a checkout would compile every module it imports on every
run (~0.1-0.4 CPU-s here), a cost no installed tracker pays. `--from-source` measures that case.

Usage: python bench/bench_peers.py [--pages N] [--hosts N] [--latency S] [--venv DIR]
                                   [--from-source]
"""

from __future__ import annotations

import argparse
import compileall
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from _etag_page import answer  # bench/ is on sys.path when a bench script runs

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench_extract import policy_pages  # noqa: E402

SELECTOR = "article.policy"
PASSES = ("all-new", "unchanged", "10% changed")


# ---------------------------------------------------------------------------------------------
# The sites: one process, HOSTS loopback addresses, pages replaceable between passes
# ---------------------------------------------------------------------------------------------


def _serve(conn, hosts: list[str], latency: float) -> None:  # noqa: ANN001 - a Pipe end
    pages: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            time.sleep(latency)
            answer(self, pages.get(f"{self.server.server_address[0]}{self.path}"), True)

        def log_message(self, *args: object) -> None:
            pass

    ports = []
    for host in hosts:
        server = ThreadingHTTPServer((host, 0), Handler)
        server.daemon_threads = True
        ports.append(server.server_address[1])
        threading.Thread(target=server.serve_forever, daemon=True).start()
    conn.send(ports)
    while (message := conn.recv()) is not None:
        pages.update(message)
        conn.send("ok")


class Sites:
    def __init__(self, hosts: int, latency: float) -> None:
        self.hosts = [f"127.0.0.{i + 2}" for i in range(hosts)]
        self.conn, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=_serve, args=(child, self.hosts, latency),
                                               daemon=True)
        self.process.start()
        self.ports = self.conn.recv()

    def publish(self, pages: dict[str, bytes]) -> None:
        """pages: {"host/path": body}."""
        self.conn.send(pages)
        self.conn.recv()

    def url(self, key: str) -> str:
        host, path = key.split("/", 1)
        return f"http://{host}:{self.ports[self.hosts.index(host)]}/{path}"

    def close(self) -> None:
        self.conn.send(None)
        self.process.terminate()


# ---------------------------------------------------------------------------------------------
# The contenders, each a process of its own
# ---------------------------------------------------------------------------------------------


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (children included) of one command, which must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:  # every document is served: any failure spoils the comparison
        sys.exit(f"{' '.join(cmd[:6])} failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def tracker_config(root: Path, urls: dict[str, str], concurrency: int) -> None:
    lines = ["[site]", 'title = "Peers benchmark"', "", "[fetch]",
             'user_agent = "policy-tracker-bench (+https://example.org)"', "per_host_delay = 0",
             f"concurrency = {concurrency}", "retries = 0", ""]
    for key, url in urls.items():
        slug = key.replace("/", "-").replace(".", "-")
        lines += ["[[companies]]", f'slug = "{slug}"', f'name = "{slug}"', "",
                  "[[companies.documents]]", 'type = "privacy-policy"', f'url = "{url}"',
                  f'select = ["{SELECTOR}"]', ""]
    root.mkdir(parents=True, exist_ok=True)
    (root / "tracker.toml").write_text("\n".join(lines), encoding="utf-8")


def urlwatch_files(root: Path, urls: dict[str, str]) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    jobs = "\n---\n".join(f"name: {key}\nurl: {url}\nfilter:\n  - css: {SELECTOR}\n"
                          f"  - html2text\n" for key, url in urls.items())
    (root / "urls.yaml").write_text(jobs + "\n", encoding="utf-8")
    (root / "urlwatch.yaml").write_text(
        "display:\n  new: true\n  error: true\n  unchanged: false\n"
        "report:\n  text:\n    line_length: 75\n    details: true\n    footer: false\n"
        "  stdout:\n    enabled: true\n    color: false\n", encoding="utf-8")
    (root / "hooks.py").write_text("", encoding="utf-8")
    return ["--urls", str(root / "urls.yaml"), "--config", str(root / "urlwatch.yaml"),
            "--hooks", str(root / "hooks.py"), "--cache", str(root / "cache.db")]


def install_urlwatch(venv: Path) -> tuple[Path | None, str]:
    """The urlwatch executable in its own venv, or None and why not."""
    exe = venv / "bin" / "urlwatch"
    if exe.exists():
        return exe, "already installed"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True,
                       capture_output=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "urlwatch"], check=True,
                       capture_output=True, timeout=600)
    except (subprocess.SubprocessError, OSError) as exc:
        return None, f"pip install urlwatch failed: {str(exc)[:200]}"
    return (exe, "installed") if exe.exists() else (None, "urlwatch not found after install")


# ---------------------------------------------------------------------------------------------


def bytecode(from_source: bool) -> None:
    """Compile the tracker's modules as pip does when it installs a package, or (from_source)
    remove that cache so that every run compiles what it imports."""
    if not from_source:
        compileall.compile_dir(str(REPO / "tracker"), quiet=1)
        return
    for cache in (REPO / "tracker").rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)


def changed(body: bytes, n: int) -> bytes:
    """The page with one new paragraph in the policy text."""
    return body.replace(b"</article>", f"<p>Update {n}: we now keep logs for {30 + n} days."
                        f"</p></article>".encode(), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path,
                        default=Path(os.environ.get("TRACKER_SHARED_DIR", REPO.parent / "shared")))
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--venv", type=Path, default=Path(tempfile.gettempdir()) / "bench-urlwatch")
    parser.add_argument("--from-source", action="store_true",
                        help="do not byte-compile the tracker first (see above)")
    args = parser.parse_args()
    bytecode(args.from_source)

    bodies = [body for _, body in policy_pages(args.corpus, 0)]
    keys = [f"127.0.0.{i % args.hosts + 2}/p{i}" for i in range(args.pages)]
    pages = {key: bodies[i % len(bodies)] for i, key in enumerate(keys)}
    sites = Sites(args.hosts, args.latency)
    urls = {key: sites.url(key) for key in keys}
    urlwatch, why = install_urlwatch(args.venv)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    results: dict[str, dict[str, tuple[float, float]]] = {"tracker": {}, "urlwatch": {}}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            ws = Path(tmp) / "ws"
            tracker_config(ws, urls, args.hosts)
            track = [sys.executable, "-m", "tracker", "-w", str(ws), "track"]
            watch = [str(urlwatch), *urlwatch_files(Path(tmp) / "uw", urls)] if urlwatch else []
            for number, name in enumerate(PASSES):
                if number == 2:
                    pages.update({k: changed(pages[k], i) for i, k in enumerate(keys[::10])})
                sites.publish(pages)
                results["tracker"][name] = timed(track, env)
                if watch:
                    results["urlwatch"][name] = timed(watch)
    finally:
        sites.close()
    report(args, results, why if urlwatch is None else "")


def report(args: argparse.Namespace, results: dict[str, dict[str, tuple[float, float]]],
           skipped: str) -> None:
    print(f"{args.pages} policy pages on {args.hosts} loopback hosts, {args.latency * 1000:.0f} ms "
          f"latency, selector {SELECTOR!r}, no politeness delay; seconds (CPU = user + system); "
          f"tracker run {'from source' if args.from_source else 'from bytecode'}")
    print(f"{'pass':<12} {'tracker wall':>12} {'CPU':>7} {'urlwatch wall':>13} {'CPU':>7} "
          f"{'wall ratio':>10} {'CPU ratio':>9}")
    for name in PASSES:
        tw, tc = results["tracker"][name]
        if name in results["urlwatch"]:
            uw, uc = results["urlwatch"][name]
            print(f"{name:<12} {tw:12.2f} {tc:7.2f} {uw:13.2f} {uc:7.2f} {tw / uw:9.2f}x "
                  f"{tc / uc:8.2f}x")
        else:
            print(f"{name:<12} {tw:12.2f} {tc:7.2f}   urlwatch skipped: {skipped}")


if __name__ == "__main__":
    main()
