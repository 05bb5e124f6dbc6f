"""Storage under SIGKILL: a writer killed at random moments never corrupts its repository.

The writer runs in its own process group and the whole group is killed, so a `git`
child in the middle of `update-ref` or `read-tree` dies too (as in a power cut or OOM kill),
leaving lock files and half-written temporaries behind.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.cli import subprocess_env
from tests.support.git import fsck, git
from tracker.storage.repo import CompanyRepo

WRITER = r'''
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from tracker.models import Extracted, RecordMeta
from tracker.storage.repo import CompanyRepo, ImportItem

mode, path, n = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
T0 = datetime(2020, 1, 1, tzinfo=timezone.utc)

def text(i):
    return f"# Policy\n\nVersion {i}.\n" + "A clause.\n" * (i % 7)

def ex(t):
    return Extracted(text=t, raw=t.encode(), raw_ext="md")

repo = CompanyRepo.open(path, create=True, company_name="Crash Co")
print("ready", flush=True)
if mode == "record":
    latest = repo.latest_text("privacy-policy")
    start = next((i + 1 for i in range(n) if text(i) == latest), 0)
    for i in range(start, n):
        repo.record("privacy-policy", ex(text(i)), RecordMeta(fetcher="test"),
                    T0 + timedelta(days=i), "Privacy Policy")
        repo.record("terms", ex(f"Terms {i // 3}.\n"), RecordMeta(fetcher="test"),
                    T0 + timedelta(days=i, hours=1), "Terms")
else:
    items = [ImportItem(T0 + timedelta(days=i), ex(text(i)), RecordMeta(fetcher="import"),
                        "Privacy Policy") for i in range(n)]
    repo.record("terms", ex("Terms.\n"), RecordMeta(fetcher="test"),
                T0 + timedelta(days=n // 2, hours=1), "Terms")
    for end in range(n, 0, -10):  # newest batch first: every later batch rebuilds history
        repo.insert_versions("privacy-policy", items[max(0, end - 10):end])
repo.close()
print("done")
'''


def _start(mode: str, path: Path, n: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, mode, str(path), str(n)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=subprocess_env(),
                            start_new_session=True)


def _check_versions(path: Path) -> list[str]:
    """Reopen (clearing stale locks), check integrity and that no version is duplicated."""
    with CompanyRepo.open(path) as repo:
        versions = repo.versions("privacy-policy")
        texts = [repo.text_at(v.commit, "privacy-policy") for v in versions]
        terms = [repo.text_at(v.commit, "terms") for v in repo.versions("terms")]
    fsck(path)
    assert len(set(texts)) == len(texts), "duplicated version"
    assert len(set(terms)) == len(terms), "duplicated version"
    dates = [v.date for v in versions]
    assert dates == sorted(dates, reverse=True)
    status = git(path, "status", "--porcelain")
    assert status == ""
    return texts


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["record", "insert"])
def test_sigkill_at_random_moments_never_corrupts(tmp_path: Path, mode: str) -> None:
    path = tmp_path / "crash"
    n = 600   # long enough that every kill lands mid-run: recording got ~4x faster
    rng = random.Random(f"storage-faults-{mode}")
    kills = 0
    for _ in range(8):
        proc = _start(mode, path, n)
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.15))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.communicate()
        if (path / ".git" / "HEAD").exists():
            _check_versions(path)
    assert kills == 8  # the writer really was interrupted, not just finished
    proc = _start(mode, path, n)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and out.split()[-1:] == [b"done"], err.decode()
    texts = _check_versions(path)
    assert len(texts) == n
    assert texts[0].startswith(f"# Policy\n\nVersion {n - 1}.")
    assert texts[-1].startswith("# Policy\n\nVersion 0.")
    # and a second complete run is a no-op
    head = git(path, "rev-parse", "HEAD")
    proc = _start(mode, path, n)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert git(path, "rev-parse", "HEAD") == head
