"""Bulk import through git fast-import: the same repositories as the loose-object path.

Every test builds real repositories and checks them with plain git. The streamed path must
give byte-identical commits (same shas: same trees, dates, messages, trailers), the same
reflog, seen-captures file and work tree, and leave the old history intact when it fails or
is killed halfway."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest

from tests.support.git import fsck, git
from tests.support.records import T0, item
from tracker.errors import StorageError
from tracker.storage.fastimport import SCRATCH_REF, FastImport
from tracker.ingest.importer import import_directory
from tracker.runstats import RunStats
from tracker.storage.repo import CompanyRepo

REPO_ROOT = Path(__file__).resolve().parents[2]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_archive(root: Path, companies: int = 3, versions: int = 8, start: int = 0) -> Path:
    """Companies with both layouts, md/txt/html, repeated captures and a text coming back."""
    for c in range(companies):
        company = root / f"co{c}"
        for v in range(start, start + versions):
            day = (T0 + timedelta(days=7 * v + c)).strftime("%Y-%m-%d")
            rev = v - (v % 3 == 2)  # every third capture repeats the one before it
            body = f"# Privacy\n\nRevision {rev} of company {c}.\n\n" + "We collect data. " * rev
            if v % 4 == 1:
                write(company / f"{day}.html",
                      f"<html><body><nav>Menu</nav><main><h1>Privacy</h1><p>Revision {rev} "
                      f"of company {c}.</p><p>{'We collect data. ' * rev}</p></main>"
                      "</body></html>")
            else:
                write(company / f"{day}T0{v % 10}3000.{'txt' if v % 2 else 'md'}", body)
            if v % 2 == 0:  # a second document in the nested layout, text going back and forth
                write(company / "terms" / f"{day}.md", f"# Terms\n\nVersion {v % 4}.\n")
    write(root / "README.md", "not a snapshot")
    return root


def repo_facts(repo: Path) -> dict[str, object]:
    """Everything a reader of the repository can see, via plain git and the files."""
    seen_dir = repo / ".git" / "policy-tracker" / "seen"
    return {
        "head": git(repo, "rev-parse", "HEAD").strip(),
        "log": git(repo, "log", "--format=%H %T %P%n%an <%ae> %ad%n%cn <%ce> %cd%n%B",
                       "--date=raw"),
        "reflog": git(repo, "reflog", "--format=%gs", "main"),
        "seen": {p.name: p.read_text() for p in sorted(seen_dir.glob("*.json"))}
        if seen_dir.is_dir() else {},
        "files": {str(p.relative_to(repo)): p.read_bytes() for p in sorted(repo.rglob("*"))
                  if p.is_file() and ".git" not in p.parts},
        "status": git(repo, "status", "--porcelain"),
        "description": ((repo / ".git" / "description").read_text()
                        if (repo / ".git" / "description").exists() else None),
    }


def packed(repo: Path) -> bool:
    stats = dict(line.split(": ") for line in
                 git(repo, "count-objects", "-v").splitlines())
    return int(stats["in-pack"]) > 0


def test_streamed_import_makes_the_same_repositories_as_loose_objects(tmp_path: Path):
    archive = make_archive(tmp_path / "in")
    loose = import_directory(tmp_path / "a", archive, workers=1, stream=False,
                             company_names={"co1": "Company One"})
    streamed = import_directory(tmp_path / "b", archive, workers=2, stream=True,
                                company_names={"co1": "Company One"})
    assert loose.summary() == streamed.summary() and not streamed.errors
    assert streamed.imported > 12 and streamed.skipped > 0
    for company in ("co0", "co1", "co2"):
        a, b = tmp_path / "a" / company, tmp_path / "b" / company
        fsck(b)
        assert not packed(a) and packed(b), "each path must really have been taken"
        assert repo_facts(a) == repo_facts(b)
        assert git(b, "for-each-ref", "refs/policy-tracker") == ""
    assert "Company One" in git(tmp_path / "b" / "co1", "log", "-1", "--format=%s")


def test_default_streams_big_batches_and_pool_size_does_not_change_anything(tmp_path: Path):
    archive = make_archive(tmp_path / "in", companies=4, versions=10)
    one = import_directory(tmp_path / "a", archive, workers=1)
    stats = RunStats("import")
    many = import_directory(tmp_path / "b", archive, workers=3, stats=stats)
    assert one.summary() == many.summary() and one.errors == many.errors == []
    for company in ("co0", "co1", "co2", "co3"):
        assert packed(tmp_path / "b" / company)
        assert repo_facts(tmp_path / "a" / company) == repo_facts(tmp_path / "b" / company)
    assert stats.counts["versions"] == 4 * 15 and stats.counts["workers"] == 3
    assert stats.counts["imported"] == many.imported and stats.counts["versions_per_second"] > 0
    assert {"scan", "extract", "commit"} <= set(stats.phases)


def test_appending_to_an_existing_history_streams_on_top_of_it(tmp_path: Path):
    first = make_archive(tmp_path / "old", companies=2, versions=6)
    later = make_archive(tmp_path / "new", companies=2, versions=6, start=6)
    for target, stream in (("a", False), ("b", True)):
        import_directory(tmp_path / target, first, workers=1, stream=False)
        before = git(tmp_path / target / "co0", "rev-parse", "HEAD").strip()
        report = import_directory(tmp_path / target, later, workers=1, stream=stream)
        assert report.imported > 0 and not report.errors
        chain = git(tmp_path / target / "co0", "rev-list", "HEAD").split()
        assert before in chain  # appended: nothing of the old history was rewritten
    for company in ("co0", "co1"):
        fsck(tmp_path / "b" / company)
        assert packed(tmp_path / "b" / company)
        assert repo_facts(tmp_path / "a" / company) == repo_facts(tmp_path / "b" / company)


def test_importing_twice_adds_nothing_and_older_files_use_the_rewrite_path(tmp_path: Path):
    archive = make_archive(tmp_path / "in", companies=2, versions=8, start=4)
    import_directory(tmp_path / "s", archive, workers=2)
    heads = {c: git(tmp_path / "s" / c, "rev-parse", "HEAD") for c in ("co0", "co1")}
    again = import_directory(tmp_path / "s", archive, workers=2)
    assert again.imported == 0 and not again.errors
    assert heads == {c: git(tmp_path / "s" / c, "rev-parse", "HEAD") for c in heads}
    # older captures interleave: the existing rewrite path, same result as importing all at once
    older = make_archive(tmp_path / "in", companies=2, versions=4, start=0)
    import_directory(tmp_path / "s", older, workers=2)
    import_directory(tmp_path / "all", older, workers=1, stream=False)
    for company in ("co0", "co1"):
        fsck(tmp_path / "s" / company)
        assert repo_facts(tmp_path / "s" / company)["log"] == \
            repo_facts(tmp_path / "all" / company)["log"]


def test_a_stream_that_dies_halfway_leaves_the_old_history(repo, repo_path, monkeypatch):
    repo.insert_versions("privacy-policy", [item(d, f"Text {d}.") for d in range(3)])
    before = repo_facts(repo_path)
    real_commit = FastImport.commit

    pack_dir = repo_path / ".git" / "objects" / "pack"

    def dying(self, *args, **kwargs):
        real_commit(self, *args, **kwargs)
        if self.commits == 3:
            self._proc.stdin.flush()
            deadline = time.monotonic() + 10
            while not list(pack_dir.glob("tmp_pack_*")) and time.monotonic() < deadline:
                time.sleep(0.01)  # until git has started writing its pack
            self._proc.kill()  # the git process dies (OOM killer, power cut of a child)
            self._proc.wait()

    monkeypatch.setattr(FastImport, "commit", dying)
    with pytest.raises(StorageError, match="fast-import"):
        repo.insert_versions("privacy-policy", [item(d, f"Text {d}.") for d in range(3, 12)])
    assert repo_facts(repo_path) == before
    fsck(repo_path)
    assert list(pack_dir.glob("tmp_pack_*"))  # the killed git's half-written pack...
    CompanyRepo.open(repo_path).close()
    assert not list(pack_dir.glob("tmp_*"))  # ...is removed by the next open
    monkeypatch.setattr(FastImport, "commit", real_commit)
    created = repo.insert_versions("privacy-policy", [item(d, f"Text {d}.") for d in range(3, 12)])
    assert len(created) == 9 and git(repo_path, "rev-parse", "HEAD").strip() == created[-1]
    fsck(repo_path)


def test_the_branch_never_moves_to_a_commit_git_built_differently(repo, repo_path, monkeypatch):
    repo.insert_versions("privacy-policy", [item(0, "Zero.")])
    before = repo_facts(repo_path)
    real_commit = FastImport.commit

    def tampered(self, parent, parent_flat, flat, date, ident, message, blobs):
        real_commit(self, parent, parent_flat, flat, date, ident, message + "tampered\n", blobs)

    monkeypatch.setattr(FastImport, "commit", tampered)
    with pytest.raises(StorageError, match="branch left unchanged"):
        repo.insert_versions("privacy-policy", [item(d, f"T{d}.") for d in range(1, 6)],
                             stream=True)
    assert repo_facts(repo_path) == before
    fsck(repo_path)
    monkeypatch.undo()
    # the scratch ref a failed run left behind never becomes the next stream's parent
    created = repo.insert_versions("privacy-policy", [item(d, f"T{d}.") for d in range(1, 6)],
                                   stream=True)
    assert git(repo_path, "rev-list", "--count", "HEAD").strip() == "6"
    assert git(repo_path, "for-each-ref", SCRATCH_REF) == "" and len(created) == 5


_KILLED_IMPORT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tracker.ingest.importer import import_directory
    print("start", flush=True)
    import_directory(Path(sys.argv[1]), Path(sys.argv[2]), workers=2, stream=True)
    print("done", flush=True)
""")


@pytest.mark.slow
def test_sigkill_during_a_bulk_import_keeps_every_repository_consistent(tmp_path: Path):
    """Kill the importer (and its pool and git children) at several moments: each repository
    has either its old history or the complete new one; the re-run gives the full import."""
    old = make_archive(tmp_path / "old", companies=2, versions=4)
    new = make_archive(tmp_path / "new", companies=2, versions=30, start=4)
    snaps = tmp_path / "s"
    import_directory(snaps, old, workers=1)
    old_heads = {c: git(snaps / c, "rev-parse", "HEAD").strip() for c in
                 ("co0", "co1")}
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    kills = 0
    for delay in (0.1, 0.4):
        proc = subprocess.Popen([sys.executable, "-c", _KILLED_IMPORT, str(snaps), str(new)],
                                stdout=subprocess.PIPE, env=env, start_new_session=True)
        assert proc.stdout is not None and proc.stdout.readline() == b"start\n"
        time.sleep(delay)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.communicate()
        for company, old_head in old_heads.items():
            repo = snaps / company
            fsck(repo)
            chain = git(repo, "rev-list", "HEAD").split()
            assert old_head in chain  # never lost, never rewritten
            if git(repo, "status", "--porcelain"):  # killed between ref and work tree
                CompanyRepo.open(repo).close()  # opening restores it
            assert git(repo, "status", "--porcelain") == ""
    assert kills >= 1, "the import was never interrupted"
    done = import_directory(snaps, new, workers=2)
    assert not done.errors
    reference = tmp_path / "ref"
    import_directory(reference, old, workers=1)
    import_directory(reference, new, workers=1, stream=False)
    for company in old_heads:
        fsck(snaps / company)
        ours, theirs = repo_facts(snaps / company), repo_facts(reference / company)
        assert ours["head"] == theirs["head"] and ours["files"] == theirs["files"]
        assert ours["seen"] == theirs["seen"]


@pytest.mark.slow
def test_cli_import_progress_bar_on_a_terminal_and_stats(tmp_path: Path):
    import pty

    archive = make_archive(tmp_path / "in", companies=2, versions=6)
    root = tmp_path / "ws"
    root.mkdir()
    (root / "tracker.toml").write_text('[site]\ntitle = "t"\n', encoding="utf-8")
    master, slave = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "tracker", "-w", str(root), "import",
                               str(archive), "--stats", "-j", "2"], stdout=subprocess.PIPE,
                              stderr=slave, env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
                              timeout=120)
        os.close(slave)
        out = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(master)
    assert proc.returncode == 0 and b"total: " in proc.stdout
    assert b"Importing" in out and b"100%" in out  # stderr is a terminal: a bar
    lines = [ln for ln in out.decode().replace("\r", "\n").splitlines()
             if ln.startswith("{")]
    assert len(lines) == 1, out
    stats = json.loads(lines[0])
    assert stats["command"] == "import"
    assert stats["counts"]["versions"] == 2 * 9 and stats["counts"]["workers"] == 2
    assert stats["counts"]["imported"] + stats["counts"]["skipped"] == 18
    assert stats["counts"]["versions_per_second"] > 0
    assert {"import", "scan", "extract", "commit"} <= set(stats["phases"])


def test_a_worker_dying_on_one_file_costs_only_its_company(tmp_path: Path, monkeypatch):
    """A crash inside extraction (a segfault in a C library) kills a pool worker: the other
    companies are still imported, completely, and the report names the dead one."""
    from tracker.ingest import importer

    archive = make_archive(tmp_path / "in", companies=3, versions=5)
    real = importer.load_snapshot

    def crashing(path, ext, doc_type):
        if path.parent.name == "co2":
            os._exit(70)  # the worker process vanishes without a Python exception
        return real(path, ext, doc_type)

    monkeypatch.setattr(importer, "load_snapshot", crashing)  # inherited by forked workers
    report = import_directory(tmp_path / "s", archive, workers=2)
    assert [e for e in report.errors if "co2" in e] and \
        all("co2" in e for e in report.errors), report.errors
    monkeypatch.undo()
    reference = import_directory(tmp_path / "ref", archive, workers=1)
    for company in ("co0", "co1"):
        # a company whose worker the broken pool stopped is retried: what the first attempt
        # committed counts as skipped then, but nothing is missing and nothing failed
        got, want = report.stats(company, "privacy-policy"), \
            reference.stats(company, "privacy-policy")
        assert got.errors == 0 and got.imported + got.skipped == want.imported + want.skipped
        fsck(tmp_path / "s" / company)
        assert repo_facts(tmp_path / "s" / company)["head"] == \
            repo_facts(tmp_path / "ref" / company)["head"]


def test_git_gc_packing_between_documents_does_not_break_later_writes(tmp_path: Path):
    """Many document types in one repository: each streamed batch leaves a pack, and once
    `gc --auto` repacks it also prunes the emptied objects/xx directories. Later loose
    objects must still be written (regression: a cached "directory exists" made them fail)."""
    path = tmp_path / "acme"
    repo = CompanyRepo.open(path, create=True)
    git(path, "config", "gc.autoPackLimit", "2")
    git(path, "config", "gc.auto", "1")
    for n in range(6):
        items = [item(100 * n + d, f"Document {n} version {d}: we keep data for {d} days.")
                 for d in range(1, 21)]  # ~80 loose objects: their fan-out dirs overlap
        assert len(repo.insert_versions(f"doc-{n}", items, stream=n % 2 == 0)) == 20
        later = item(100 * n + 50, f"Document {n} recorded later.")
        assert repo.record(f"doc-{n}", later.extracted, later.meta, later.date, later.title)
    repo.close()
    assert len(git(path, "log", "--format=%H").split()) == 6 * 21
    assert not list((path / ".git" / "objects" / "pack").glob("tmp_*"))
    fsck(path)
