"""Git remotes as the transport between shards and a publisher, tested for real.

Remotes are bare repositories (file://) and a `git daemon` on 127.0.0.1; shards are real
`tracker` processes running concurrently; histories are checked with plain `git log`/`fsck`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tracker.config import parse_config
from tracker.errors import ConfigError
from tracker.remote.staterefs import STATE_REF, merge_state
from tracker.state import StateStore
from tracker.tracking.run import shard_of, track

from tests.support.cli import run_tracker
from tests.support.git import fsck, git
from tests.support.workspace import POLICY_SECTIONS, make_workspace, policy_html

COMPANIES = ["acme", "globex", "initech", "umbrella", "hooli", "stark"]


def remote_history(bare: Path) -> list[tuple[str, str]]:
    """(author date, subject) of every commit on main, oldest first; merges would show."""
    out = git(bare, "log", "--reverse", "--format=%aI %P|%s", "main")
    rows = []
    for line in out.splitlines():
        head, _, subject = line.partition("|")
        date, *parents = head.split()
        assert len(parents) <= 1, f"merge commit in {bare}: {line}"
        rows.append((date, subject))
    return rows


def texts(bare: Path, doc: str = "privacy-policy") -> list[str]:
    """The blob of the document at each commit that changed it, oldest first."""
    out = git(bare, "log", "--reverse", "--format=%H", "main", "--",
              f"{doc}.md")
    return [git(bare, "rev-parse", f"{sha}:{doc}.md").strip()
            for sha in out.split()]


def serve_companies(web, version: dict[str, int]) -> None:
    for slug in COMPANIES:
        sections = list(POLICY_SECTIONS)
        sections[3] = ("Retention", f"We keep account data for {30 + version.get(slug, 0)} days "
                       "after you close your account.")
        web.html(f"/{slug}", f"{slug} Privacy Policy", policy_html(sections))


def workspace(root: Path, web, remote: str, *, push: bool = True):
    ws = make_workspace(root, web, {s: [("privacy-policy", f"/{s}")] for s in COMPANIES})
    with open(ws.config_path, "a", encoding="utf-8") as fh:
        fh.write(f'\n[remote]\nurl = "{remote}"\npush = {"true" if push else "false"}\n')
    return ws


def cli(ws_root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_tracker(ws_root, *args, timeout=300)


def test_remote_config_is_validated() -> None:
    config = parse_config('[remote]\nurl = "git@git.example.org:policies/"\n', Path("t.toml"))
    assert config.remote.enabled and config.remote.push and config.remote.retries == 5
    with pytest.raises(ConfigError) as err:
        parse_config('[remote]\nurl = "ftp://x/"\npushes = 1\n', Path("t.toml"))
    assert "remote.url" in str(err.value) and "remote.pushes" in str(err.value)
    with pytest.raises(ConfigError, match="password"):
        parse_config('[remote]\nurl = "https://u:secret@git.example.org/p/"\n', Path("t.toml"))


def test_track_pushes_to_file_remote_and_publisher_pulls(tmp_path: Path, web) -> None:
    central = tmp_path / "central"
    serve_companies(web, {})
    shard = workspace(tmp_path / "shard", web, f"file://{central}/")
    report = track(shard, shard.load_config())
    assert report.exit_code == 0 and not report.problems
    for slug in COMPANIES:            # created on first push, one commit each, state ref beside
        bare = central / f"{slug}.git"
        assert len(remote_history(bare)) == 1
        fsck(bare)
        assert git(bare, "rev-parse", STATE_REF).strip()
    serve_companies(web, {"acme": 1})
    web.pages["/globex"].status = 500
    track(shard, shard.load_config())

    publisher = workspace(tmp_path / "publisher", web, f"file://{central}/", push=False)
    done = cli(publisher.root, "pull")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert len(texts(publisher.repo_path("acme") / ".git")) == 2
    state = StateStore(publisher.state_path).load()
    assert state.doc("globex", "privacy-policy").consecutive_failures == 1
    assert state.doc("acme", "privacy-policy").last_success is not None
    built = cli(publisher.root, "build")
    assert built.returncode == 0, built.stderr
    assert (publisher.public_dir / "companies" / "acme" / "index.html").exists()
    again = cli(publisher.root, "pull")                 # nothing new: silent, nothing rewritten
    assert again.returncode == 0 and again.stdout == "" and again.stderr == ""


def test_rejected_push_is_replayed_never_forced(tmp_path: Path, web) -> None:
    """Two writers of one company (a shard count change): both captures survive, in order."""
    central = tmp_path / "central"
    serve_companies(web, {})
    a = workspace(tmp_path / "a", web, f"file://{central}/")
    b = workspace(tmp_path / "b", web, f"file://{central}/")
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    track(a, a.load_config(), companies=["acme"], captured_at=t0)
    assert cli(b.root, "pull", "acme").returncode == 0
    serve_companies(web, {"acme": 1})                   # a records v2 but cannot push yet
    a_local = workspace(tmp_path / "a", web, f"file://{central}/", push=False)
    cfg = a_local.load_config()
    track(a_local, cfg, companies=["acme"], captured_at=t0 + timedelta(hours=3))
    serve_companies(web, {"acme": 2})                   # b records v3 and pushes first
    track(b, b.load_config(), companies=["acme"], captured_at=t0 + timedelta(hours=2))
    bare = central / "acme.git"
    before = git(bare, "rev-parse", "main").strip()

    pushed = cli(a.root, "push", "acme")
    assert pushed.returncode == 0, pushed.stderr
    assert "replayed" in pushed.stdout
    history = remote_history(bare)
    assert [d for d, _ in history] == sorted(d for d, _ in history)
    assert len(history) == 3 and len(set(texts(bare))) == 3
    assert git(bare, "merge-base", "--is-ancestor", before, "main") == ""
    fsck(bare)


def test_a_capture_older_than_the_remotes_version_is_dropped_not_forced(tmp_path: Path,
                                                                        web) -> None:
    central = tmp_path / "central"
    serve_companies(web, {})
    a = workspace(tmp_path / "a", web, f"file://{central}/", push=False)
    b = workspace(tmp_path / "b", web, f"file://{central}/")
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    track(b, b.load_config(), companies=["acme"], captured_at=t0)
    track(a, a.load_config(), companies=["acme"], captured_at=t0 + timedelta(hours=1))
    serve_companies(web, {"acme": 1})
    track(a, a.load_config(), companies=["acme"], captured_at=t0 + timedelta(hours=2))
    serve_companies(web, {"acme": 2})
    track(b, b.load_config(), companies=["acme"], captured_at=t0 + timedelta(hours=3))
    pushed = cli(a.root, "push", "acme")
    assert pushed.returncode == 0, pushed.stderr
    assert "1 older capture(s) dropped" in pushed.stdout
    assert len(texts(central / "acme.git")) == 2
    assert texts(a.repo_path("acme") / ".git") == texts(central / "acme.git")


def test_missing_remote_on_a_host_that_cannot_create_it_is_one_line(tmp_path: Path, web,
                                                                    ) -> None:
    serve_companies(web, {})
    with git_daemon(tmp_path / "served") as url:
        ws = workspace(tmp_path / "ws", web, url)
        done = cli(ws.root, "track", "acme")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines == [l for l in lines if l.startswith("FAILED push acme: ")] and len(lines) == 1
    assert "does not exist" in lines[0] and "Traceback" not in done.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class git_daemon:
    """`git daemon` serving (and accepting pushes into) the bare repositories under ``base``."""

    def __init__(self, base: Path, slugs: list[str] = ()) -> None:  # type: ignore[assignment]
        self.base, self.slugs = base, slugs

    def __enter__(self) -> str:
        self.base.mkdir(parents=True, exist_ok=True)
        for slug in self.slugs:
            git(self.base, "init", "--quiet", "--bare", "--initial-branch=main",
                str(self.base / f"{slug}.git"))
        port = _free_port()
        self.proc = subprocess.Popen(
            ["git", "daemon", "--reuseaddr", "--listen=127.0.0.1", f"--port={port}",
             f"--base-path={self.base}", "--export-all", "--enable=receive-pack",
             "--informative-errors", str(self.base)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        return f"git://127.0.0.1:{port}/"

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.mark.slow
def test_concurrent_shards_over_git_daemon_then_publish(tmp_path: Path, web) -> None:
    """N shards as separate processes, then N+1, then a shard killed mid-push."""
    serve_companies(web, {})
    served = tmp_path / "served"
    with git_daemon(served, COMPANIES) as url:
        def run_shards(n: int, tag: str) -> None:
            """N concurrent processes, each told its shard the way a Kubernetes Indexed Job
            does (JOB_COMPLETION_INDEX, 0-based) with the count in TRACKER_SHARDS."""
            procs = []
            for k in range(1, n + 1):
                ws = workspace(tmp_path / f"{tag}-{k}", web, url)
                env = dict(os.environ, JOB_COMPLETION_INDEX=str(k - 1), TRACKER_SHARDS=str(n))
                procs.append(subprocess.Popen(
                    [sys.executable, "-m", "tracker", "-w", str(ws.root), "track",
                     "--shard", "auto"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                    text=True, env=env))
            for proc in procs:
                out, err = proc.communicate(timeout=300)
                assert proc.returncode == 0, err
                assert "Traceback" not in err

        run_shards(2, "two")
        serve_companies(web, {s: 1 for s in COMPANIES})
        run_shards(3, "three")           # companies moved to the new shard pull first
        serve_companies(web, {s: 2 for s in COMPANIES})
        victim = workspace(tmp_path / "two-1", web, url)
        moved = [s for s in COMPANIES if shard_of(s, 2) == 1]
        proc = subprocess.Popen([sys.executable, "-m", "tracker", "-w", str(victim.root),
                                 "track", "--shard", "1/2"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:   # kill during pushing
            if any(_remote_has_newer(served / f"{s}.git") for s in moved):
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.01)
        proc.wait(timeout=60)
        redo = cli(victim.root, "push")
        assert redo.returncode == 0, redo.stderr
        other = cli(workspace(tmp_path / "two-2", web, url).root, "track", "--shard", "2/2")
        assert other.returncode == 0, other.stderr

        publisher = workspace(tmp_path / "publisher", web, url, push=False)
        assert cli(publisher.root, "pull").returncode == 0
        assert cli(publisher.root, "build").returncode == 0
    for slug in COMPANIES:
        bare = served / f"{slug}.git"
        fsck(bare)
        history = texts(bare)
        assert len(history) == 3 and len(set(history)) == 3, (slug, history)  # no duplicates
        assert len(remote_history(bare)) == 3
        assert texts(publisher.repo_path(slug) / ".git") == history
        page = publisher.public_dir / "companies" / slug / "index.html"
        assert page.exists()


def _remote_has_newer(bare: Path) -> bool:
    done = subprocess.run(["git", "--git-dir", str(bare), "rev-list", "--count", "main"],
                          capture_output=True, text=True)
    return done.returncode == 0 and done.stdout.strip() == "3"


def test_state_merge_prefers_the_latest_attempt_and_keeps_all_events() -> None:
    ours = {"documents": {"p": {"last_attempt": "2026-01-02T00:00:00+00:00", "x": 1}},
            "events": [{"kind": "failing", "date": "2026-01-02T00:00:00+00:00"}]}
    theirs = {"documents": {"p": {"last_attempt": "2026-01-01T00:00:00+00:00", "x": 2},
                            "q": {"last_attempt": "2026-01-01T00:00:00+00:00"}},
              "events": [{"kind": "recovered", "date": "2026-01-01T00:00:00+00:00"},
                         {"kind": "failing", "date": "2026-01-02T00:00:00+00:00"}]}
    merged = merge_state(ours, theirs)
    assert merged["documents"]["p"]["x"] == 1 and "q" in merged["documents"]
    assert [e["kind"] for e in merged["events"]] == ["recovered", "failing"]
    assert merge_state(theirs, ours)["documents"]["p"]["x"] == 1
