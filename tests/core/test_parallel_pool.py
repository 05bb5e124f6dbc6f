"""The kernel's crash-isolating process pool (tracker.parallel), shared by import and build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tracker.parallel import cpu_count, run_isolated


def _work(job: int) -> int:
    if job == 3:
        raise ValueError("three is bad")
    if job == 5:
        os._exit(9)   # the worker vanishes: the pool breaks
    return job * 10


def _batch(jobs: list[int]) -> list[int]:
    return [_work(j) for j in jobs]


def _failed(job: int, exc: BaseException) -> int:
    return -job


def test_cpu_count_is_the_affinity_mask() -> None:
    assert cpu_count() == len(os.sched_getaffinity(0))


@pytest.mark.parametrize("workers", [1, 3])
def test_a_raising_job_fails_alone(workers: int) -> None:
    results: list[int] = []
    run_isolated(_work, [0, 1, 2, 3, 4], workers, results.append, _failed)
    assert sorted(results) == [-3, 0, 10, 20, 40]


def test_a_dying_worker_costs_only_its_job() -> None:
    results: list[int] = []
    run_isolated(_work, list(range(8)), 3, results.append, _failed)
    assert sorted(results) == [-5, -3, 0, 10, 20, 40, 60, 70]


def test_broken_batches_are_split_and_retried_one_by_one() -> None:
    results: list[list[int]] = []

    def failed(batch: list[int], exc: BaseException) -> list[int]:
        return [-j for j in batch]

    run_isolated(_batch, [[0, 1], [4, 5, 6], [7]], 2, results.append, failed,
                 split=lambda batch: [[j] for j in batch])
    flat = sorted(x for r in results for x in r)
    assert flat == [-5, 0, 10, 40, 60, 70]


def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    """A parent killed with SIGKILL (no cleanup runs) leaves no worker behind."""
    pids = tmp_path / "pids"
    script = textwrap.dedent(f"""
        import os, time
        from tracker.parallel import run_isolated

        def job(n):
            with open({str(pids)!r}, "a") as f:
                f.write(f"{{os.getpid()}}\\n")
            time.sleep(60)
            return n

        run_isolated(job, [1, 2], 2, print, lambda j, e: -j)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if pids.exists() and len(pids.read_text().split()) == 2:
                break
            time.sleep(0.05)
        workers = [int(p) for p in pids.read_text().split()]
        assert len(workers) == 2
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [p for p in workers if _alive(p)]
        time.sleep(0.05)
    assert not alive, f"orphaned workers {alive} outlived their parent"


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"   # a zombie has died
