"""One crash-isolating process pool and one CPU count, for every part that fans work out.

The importer (one job per company) and the site build (one job per batch of change pairs)
both run CPU-bound, independent jobs in forked processes. What they need from a pool is the
same, so it is written once here:

- `cpu_count()`: the CPUs this process may use (its affinity mask, not the machine's total).
- Workers are forked (they start in milliseconds with the parent's imports) and die with the
  parent (PR_SET_PDEATHSIG on Linux): an orphan must never go on writing into a repository
  or cache that the next run is already using.
- A job that raises becomes `failed(job, exc)` for that job alone. A worker that dies outright
  (a crash in a C extension, the OOM killer) breaks the whole pool; the jobs that had not
  finished are then retried one at a time in a fresh one-worker pool (split into smaller jobs
  by `split` first, when given), so only the job that really kills a worker fails.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # multiprocessing is imported by the pools only: a `track` run needs the
    # CPU count alone, and pays nothing for the process pool machinery
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

log = logging.getLogger(__name__)

J = TypeVar("J")
R = TypeVar("R")


def cpu_count() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _context() -> BaseContext:
    # fork: workers start in milliseconds and inherit the imported modules.
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def die_with_parent(parent: int | None = None) -> None:
    """In a forked child: get SIGKILL when the process that started it dies. A forked child
    shares its parent's open files, the workspace lock among them (flock follows the open
    file, not the process): a child outliving a killed run would keep the next run out.
    `parent` is the starter's pid, read before the fork."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() != (parent if parent is not None else os.getppid()) or os.getppid() == 1:
            os._exit(1)  # the parent died before prctl took effect
    except (OSError, AttributeError):  # best effort: the process group kill still works
        pass


def new_pool(workers: int) -> ProcessPoolExecutor:
    """A fork pool whose workers die with this process."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=_context(), initializer=die_with_parent,
                               initargs=(os.getpid(),))


def run_isolated(fn: Callable[[J], R], jobs: Sequence[J], workers: int,
                 done: Callable[[R], None], failed: Callable[[J, BaseException], R], *,
                 split: Callable[[J], Iterable[J]] | None = None) -> None:
    """Run `fn(job)` for every job on `workers` processes (inline when `workers` <= 1) and
    hand each result to `done` in completion order. A job that raises or whose worker dies
    gives `done(failed(job, exc))` instead; no other job is lost (see the module docstring)."""
    if workers <= 1:
        for job in jobs:
            try:
                result = fn(job)
            except Exception as exc:  # noqa: BLE001 - as in a worker: one job fails
                log.exception("a job failed")
                result = failed(job, exc)
            done(result)
        return
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    broken: list[J] = []
    with new_pool(min(workers, len(jobs))) as pool:
        futures: dict[Future[R], J] = {pool.submit(fn, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                result = future.result()
            except BrokenProcessPool:
                broken.append(job)
                continue
            except Exception as exc:  # noqa: BLE001 - one job fails, the others go on
                log.error("a job failed: %r", exc)
                result = failed(job, exc)
            done(result)
    if broken:
        retry = [part for job in broken for part in (split(job) if split else [job])]
        log.warning("a worker process died; retrying %d job(s) one at a time", len(retry))
        _one_at_a_time(fn, retry, done, failed)


def _one_at_a_time(fn: Callable[[J], R], jobs: list[J], done: Callable[[R], None],
                   failed: Callable[[J, BaseException], R]) -> None:
    """Each job alone in a one-worker pool: a pool that breaks names its culprit."""
    from concurrent.futures.process import BrokenProcessPool

    pool: ProcessPoolExecutor | None = None
    try:
        for job in jobs:
            if pool is None:
                pool = new_pool(1)
            try:
                result = pool.submit(fn, job).result()
            except BrokenProcessPool as exc:
                pool.shutdown(wait=True)
                pool = None
                result = failed(job, exc)
            except Exception as exc:  # noqa: BLE001
                result = failed(job, exc)
            done(result)
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
