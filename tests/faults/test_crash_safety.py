"""SIGKILL `tracker track`, `import` and `build` at random moments, then run them again.

The commands run as real processes (`python -m tracker`, in their own process group, so a
`git` child dies with them, as in an OOM kill or a power cut). After every kill: `git fsck
--strict` is clean, no version is duplicated or out of order, and the published site is the old
one or the new one, complete. After the re-run: nothing is lost.
"""

from __future__ import annotations

import json
import posixpath
import random
import re
import subprocess
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.cli import (assert_no_traceback, cli, kill_after, run_tracker,
                               subprocess_env, tracker_cmd)
from tests.support.git import doc_log, fsck, git, texts_in_history
from tests.support.web import Handler, LocalServer
from tests.support.workspace import Doc, policy_page, write_config

pytestmark = pytest.mark.timeout(180)

COMPANIES = ("acme", "globex", "initech")
TYPES = ("privacy-policy", "terms-of-service", "cookie-policy")
FIRST_DAY = date(2022, 1, 1)
REVISION = re.compile(r"This is revision (\d+) of")


def _start(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(tracker_cmd(root, *args), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=subprocess_env(),
                            start_new_session=True)



def _check_repo(repo: Path, doc_types: tuple[str, ...]) -> dict[str, list[int]]:
    """fsck clean, no lock left that would block git, and each document's revisions strictly
    decreasing newest-first (no duplicate, no reordering, no foreign text)."""
    fsck(repo)
    found = {}
    for doc_type in doc_types:
        revs = []
        for text in texts_in_history(repo, doc_type):
            match = REVISION.search(text)
            assert match, f"{repo.name}/{doc_type}: unexpected text in history:\n{text[:300]}"
            revs.append(int(match.group(1)))
        assert revs == sorted(set(revs), reverse=True), f"{repo.name}/{doc_type}: {revs}"
        found[doc_type] = revs
    return found


# --------------------------------------------------------------------------- track

def _serve_all(web: LocalServer, version: int) -> None:
    filler = "<p>" + "We describe our practices in detail here. " * 40 + "</p>"
    for company in COMPANIES:
        for doc_type in TYPES:
            title = f"{company.title()} {doc_type.replace('-', ' ').title()}"
            web.page(f"/{company}/{doc_type}", policy_page(title, version, filler * 5))


@pytest.mark.slow
def test_sigkill_track_at_random_moments_loses_and_duplicates_nothing(web: LocalServer,
                                                                      tmp_path: Path) -> None:
    root = tmp_path / "ws"
    docs = [Doc(c, t, web.url(f"/{c}/{t}")) for c in COMPANIES for t in TYPES]
    write_config(root, docs, fetch={"timeout": 5})
    rng = random.Random("track-crash")
    rounds, kills = 5, 0
    started = time.monotonic()
    _serve_all(web, 0)
    full = run_tracker(root, "track")
    assert full.returncode == 0, full.stderr
    full_time = time.monotonic() - started
    low, high = 0.3, max(0.6, 0.8 * full_time)
    for version in range(1, rounds):
        _serve_all(web, version)
        began = time.monotonic()
        killed = kill_after(_start(root, "track"), rng.uniform(low, high))
        kills += killed
        if not killed:
            # a run of changes can take far less than the first (cold, all-new) run, and a
            # loaded machine can slow that first one: kill the next ones within what this took
            high = max(0.2, 0.8 * (time.monotonic() - began))
            low = min(low, high / 2)
        if version == 2:  # a git process killed while it held the index lock
            (root / "snapshots/acme/.git/index.lock").write_bytes(b"")
        for company in COMPANIES:
            repo = root / "snapshots" / company
            if (repo / ".git").exists():
                revs = _check_repo_after_kill(repo)
                assert all(r[:1] in ([version], [version - 1]) for r in revs.values()), revs
        rerun = run_tracker(root, "track")
        assert rerun.returncode == 0, rerun.stderr
        assert_no_traceback(rerun.stdout, rerun.stderr)
        for company in COMPANIES:
            repo = root / "snapshots" / company
            revs = _check_repo(repo, TYPES)
            # nothing lost: every round ended with a complete run, so every revision is there
            assert all(r == list(range(version, -1, -1)) for r in revs.values()), revs
            assert git(repo, "status", "--porcelain") == ""
            assert not (repo / ".git/index.lock").exists()
    assert kills >= 2, f"only {kills} runs were still going when killed"


def _check_repo_after_kill(repo: Path) -> dict[str, list[int]]:
    # A killed run may leave git's index.lock behind: plain fsck does not mind it, but the next
    # tracker run must clear it (checked after the re-run).
    return _check_repo(repo, TYPES)


# --------------------------------------------------------------------------- import

def _archive(directory: Path, days: range, *, layout_nested: bool = False) -> None:
    for company in ("acme", "globex"):
        for day in days:
            folder = directory / company / ("terms-of-service" if layout_nested else "")
            folder.mkdir(parents=True, exist_ok=True)
            date = (FIRST_DAY + timedelta(days=day)).isoformat()
            text = (f"# {company.title()} Privacy Policy\n\nThis is revision {day} of the "
                    f"policy.\n\n" + "We collect what we need and nothing more.\n\n" * (day % 5))
            (folder / f"{date}.md").write_text(text, encoding="utf-8")


@pytest.mark.slow
def test_sigkill_import_then_rerun_gives_the_whole_history_once(tmp_path: Path) -> None:
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", "https://acme.example/p"),
                                          Doc("globex", "privacy-policy",
                                              "https://globex.example/p")])
    archive = tmp_path / "archive"
    n = 300
    _archive(archive, range(n))
    rng = random.Random("import-crash")
    kills = 0
    for _ in range(4):
        kills += kill_after(_start(root, "import", str(archive)), rng.uniform(0.2, 1.0))
        for company in ("acme", "globex"):
            repo = root / "snapshots" / company
            if (repo / ".git" / "HEAD").exists() and git(repo, "rev-parse", "-q", "--verify",
                                                          "HEAD", check=False):
                _check_repo(repo, ("privacy-policy",))
    assert kills >= 1, "the import was never interrupted"
    done = run_tracker(root, "import", str(archive))
    assert done.returncode == 0, done.stderr
    for company in ("acme", "globex"):
        repo = root / "snapshots" / company
        revs = _check_repo(repo, ("privacy-policy",))["privacy-policy"]
        assert revs == list(range(n - 1, -1, -1))
        dates = git(repo, "log", "--format=%aI", "--", "privacy-policy.md").split()
        assert dates == sorted(dates, reverse=True) and len(set(dates)) == n
        assert git(repo, "status", "--porcelain") == ""
    again = run_tracker(root, "import", str(archive))
    assert again.returncode == 0 and "total: 0 imported" in again.stdout, again.stdout


# --------------------------------------------------------------------------- build

def _site_is_complete(public: Path) -> dict[str, str]:
    """Every file of the build manifest exists and every page linked from index.html (and
    from the pages it links to) exists. Returns the manifest."""
    manifest = json.loads((public / ".tracker-build.json").read_text("utf-8"))["files"]
    missing = [p for p in manifest if not (public / p).is_file()]
    assert not missing, f"half-written site: {missing[:5]}"
    todo, seen = ["index.html"], set()
    while todo:
        rel = todo.pop()
        if rel in seen:
            continue
        seen.add(rel)
        page = public / rel
        assert page.is_file(), f"{rel} is linked but missing"
        if not rel.endswith(".html") or len(seen) > 60:
            continue
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for a in soup.find_all(["a", "link"], href=True):
            href = a["href"].split("#")[0]
            if not href or re.match(r"[a-z]+:", href):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))
            if href.endswith("/"):
                target += "/index.html"
            todo.append(target)
    return manifest


@pytest.mark.slow
def test_sigkill_build_leaves_the_old_or_the_new_site_complete(tmp_path: Path) -> None:
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", "https://acme.example/p"),
                                          Doc("globex", "privacy-policy",
                                              "https://globex.example/p")])
    archive = tmp_path / "archive"
    _archive(archive, range(30))
    assert cli(root, "import", str(archive)).exit_code == 0
    assert cli(root, "build").exit_code == 0
    public = root / "public"
    old = _site_is_complete(public)
    newer = tmp_path / "newer"
    _archive(newer, range(30, 110))
    assert cli(root, "import", str(newer)).exit_code == 0
    kills, delay = 0, 0.35
    # Kill later and later: the report cache keeps the work of a killed build, so the sweep
    # reaches the write phase and the swap, until a build finishes on its own.
    while kill_after(_start(root, "build"), delay):
        kills += 1
        manifest = _site_is_complete(public)
        assert manifest == old or len(manifest) > len(old)
        delay += 0.25
        assert kills < 40, "the build never finishes"
    assert kills >= 2, f"only {kills} builds were interrupted"
    done = run_tracker(root, "build")
    assert done.returncode == 0, done.stderr
    new = _site_is_complete(public)
    assert len(new) > len(old) and done.stdout == ""
    assert not list(root.glob(".public.*")), "staging or old directory left behind"
    html = (public / "companies/acme/index.html").read_text("utf-8")
    assert (FIRST_DAY + timedelta(days=109)).isoformat() in html


# --------------------------------------------------------------------------- overlapping runs

def _slow_site(web: LocalServer, release: threading.Event) -> list[Doc]:
    def slow(h: Handler) -> None:
        release.wait(20)
        h.reply(200, policy_page("Acme Privacy Policy", 1))
    web.routes["/slow"] = slow
    web.page("/fast", policy_page("Globex Privacy Notice", 1))
    return [Doc("acme", "privacy-policy", web.url("/slow")),
            Doc("globex", "privacy-policy", web.url("/fast"))]


def _wait_for_request(web: LocalServer, path: str) -> None:
    deadline = time.monotonic() + 20
    while not web.requests_to(path):
        assert time.monotonic() < deadline, "the first run never fetched"
        time.sleep(0.02)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["track", "run", "build", "import"])
def test_second_run_while_one_holds_the_lock_exits_75_at_once(web: LocalServer, tmp_path: Path,
                                                               command: str) -> None:
    release = threading.Event()
    root = write_config(tmp_path / "ws", _slow_site(web, release), fetch={"timeout": 30})
    first = _start(root, "track")
    try:
        _wait_for_request(web, "/slow")  # the first run holds the lock and waits on the server
        args = ["import", str(tmp_path)] if command == "import" else [command]
        start = time.monotonic()
        second = cli(root, *args)
        assert time.monotonic() - start < 3
        assert second.exit_code == 75, second.output
        assert second.stdout == ""
        assert second.stderr.startswith(f"Error: another tracker run holds the lock on {root} "
                                        f"(pid {first.pid}); exiting (use --wait to wait for it)")
        assert_no_traceback(second.stderr)
    finally:
        release.set()
        out, err = first.communicate(timeout=30)
    assert first.returncode == 0, err.decode()
    assert len(doc_log(root / "snapshots/acme", "privacy-policy")) == 1


@pytest.mark.slow
def test_wait_waits_for_the_running_tracker_then_runs(web: LocalServer, tmp_path: Path) -> None:
    release = threading.Event()
    root = write_config(tmp_path / "ws", _slow_site(web, release), fetch={"timeout": 30})
    first = _start(root, "track")
    try:
        _wait_for_request(web, "/slow")
        waiting = _start(root, "run", "--wait")
        time.sleep(1.0)
        assert waiting.poll() is None, "--wait did not wait"
        served = []  # the waiting run, fetching after the first one, sees a new version

        def fast(h: Handler) -> None:
            served.append(1)
            h.reply(200, policy_page("Globex Privacy Notice", len(served)))
        web.routes["/fast"] = fast
        release.set()
        assert first.wait(30) == 0
        out, err = waiting.communicate(timeout=60)
    finally:
        release.set()
        for proc in (first,):
            if proc.poll() is None:
                proc.kill()
    assert waiting.returncode == 0, err.decode()
    assert out.decode().startswith("CHANGED  globex/privacy-policy")
    assert len(doc_log(root / "snapshots/globex", "privacy-policy")) == 2
    assert (root / "public/index.html").is_file()
