"""Detect phase: compute the missing change-report summaries on all cores.

A from-scratch build of hundreds of companies spends nearly all its time in the change
detector, and pairs are independent, so they run in a process pool. Workers receive only
(repository path, document, two commit shas) and read both texts from git themselves, so no
large text is ever pickled; each worker stores the full report in the shared `ReportCache`
(atomic writes) and returns only the small summary that indexes and feeds need.

A pair whose detector raises comes back as an error for that change alone. A worker that
dies (a crash, the OOM killer) breaks the whole pool; the pairs it may have been working on
are then retried one at a time in a fresh one-worker pool, so only the pair that really
kills a worker ends up as an error and every other change is still computed.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.publish.sanitize import sanitize_html
from tracker.publish.summaries import SHORT_REDLINE_CHANGES, Summary, summarize

if TYPE_CHECKING:
    from tracker.storage.repo import CompanyRepo

log = logging.getLogger(__name__)

MIN_PARALLEL_PAIRS = 4      # fewer than this: a pool costs more than it saves


@dataclass(frozen=True)
class PairJob:
    """One change whose summary is missing: where a worker reads its two texts."""

    key: str                  # the summary cache key ("old_hash:new_hash")
    repo_path: str
    doc_type: str
    old_commit: str
    new_commit: str
    label: str                # company/doc_type/date, for error messages


@dataclass(frozen=True)
class PairResult:
    key: str
    summary: Summary | None
    error: str | None = None
    computed: bool = True     # False: the report came from the report cache


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------- worker side

_REPO: tuple[str, CompanyRepo] | None = None   # the worker's open repository (jobs come by company)


def _repo(path: str) -> CompanyRepo:
    global _REPO
    if _REPO is not None and _REPO[0] == path:
        return _REPO[1]
    if _REPO is not None:
        _REPO[1].close()
        _REPO = None
    from tracker.storage.repo import CompanyRepo

    repo = CompanyRepo.open(Path(path))
    _REPO = (path, repo)
    return repo


def summarize_pair(job: PairJob, cache_dir: str) -> PairResult:
    """Read the pair from git, get its report (cached or computed) and summarise it."""
    from tracker.changes import redline_html
    from tracker.changes.cache import ReportCache

    try:
        repo = _repo(job.repo_path)
        old = repo.text_at(job.old_commit, job.doc_type)
        new = repo.text_at(job.new_commit, job.doc_type)
        cache = ReportCache(Path(cache_dir))
        report = cache.get(old, new)
        short = sanitize_html(redline_html(report, max_changes=SHORT_REDLINE_CHANGES))
        return PairResult(job.key, summarize(report, short), computed=cache.misses > 0)
    except Exception as exc:  # noqa: BLE001 - one bad pair must not stop the build
        log.error("change report failed for %s: %s", job.label, exc)
        return PairResult(job.key, None, f"{type(exc).__name__}: {exc}")


def _run_batch(jobs: list[PairJob], cache_dir: str) -> list[PairResult]:
    return [summarize_pair(job, cache_dir) for job in jobs]


def _close_worker_repo() -> None:
    global _REPO
    if _REPO is not None:
        _REPO[1].close()
        _REPO = None


# ---------------------------------------------------------------------------- parent side

def _batches(jobs: list[PairJob], workers: int) -> list[list[PairJob]]:
    """Consecutive jobs of one repository together (a worker opens it once), but small
    enough that every core stays busy until the end."""
    size = max(1, min(16, len(jobs) // (workers * 4) or 1))
    out: list[list[PairJob]] = []
    for job in jobs:
        if out and len(out[-1]) < size and out[-1][-1].repo_path == job.repo_path:
            out[-1].append(job)
        else:
            out.append([job])
    return out


def _context() -> Any:
    # fork: workers start in milliseconds and inherit the imported detector.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def compute_summaries(jobs: Iterable[PairJob], cache_dir: Path, workers: int | None = None,
                      on_result: Callable[[PairResult], None] | None = None
                      ) -> list[PairResult]:
    """Summaries of `jobs`, in completion order; `on_result` sees each as it finishes."""
    jobs = list(jobs)
    workers = workers or default_workers()
    results: list[PairResult] = []

    def done(result: PairResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    if not jobs:
        return results
    if workers <= 1 or len(jobs) < MIN_PARALLEL_PAIRS:
        try:
            for job in jobs:
                done(summarize_pair(job, str(cache_dir)))
        finally:
            _close_worker_repo()
        return results

    suspects: list[PairJob] = []
    with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=_context()) as pool:
        futures: dict[Future, list[PairJob]] = {
            pool.submit(_run_batch, batch, str(cache_dir)): batch
            for batch in _batches(jobs, workers)}
        for future in as_completed(futures):
            try:
                batch_results = future.result()
            except BrokenProcessPool:
                suspects.extend(futures[future])
                continue
            for result in batch_results:
                done(result)
    if suspects:
        log.warning("a detector worker died; retrying %d change(s) one at a time",
                    len(suspects))
        _isolate(suspects, str(cache_dir), done)
    return results


def _isolate(jobs: list[PairJob], cache_dir: str, done: Callable[[PairResult], None]) -> None:
    """Run each job alone in a one-worker pool: a pool that breaks names its culprit."""
    pool: ProcessPoolExecutor | None = None
    try:
        for job in jobs:
            if pool is None:
                pool = ProcessPoolExecutor(1, mp_context=_context())
            try:
                done(pool.submit(summarize_pair, job, cache_dir).result())
            except BrokenProcessPool:
                log.error("change report failed for %s: the detector process died", job.label)
                done(PairResult(job.key, None, "the detector process died"))
                pool.shutdown(wait=True)
                pool = None
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
