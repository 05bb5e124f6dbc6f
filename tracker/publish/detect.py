"""Detect phase: compute the missing change-report summaries on all cores.

A from-scratch build of hundreds of companies spends nearly all its time in the change
detector, and pairs are independent, so they run in a process pool. Workers receive only
(repository path, document, two commit shas) and read both texts from git themselves, so no
large text is ever pickled; each worker stores the full report in the shared `ReportCache`
(atomic writes) and returns only the small summary that indexes and feeds need.

A pair whose detector raises comes back as an error for that change alone. A worker that
dies (a crash, the OOM killer) breaks the whole pool; the pairs it may have been working on
are then retried one at a time in a fresh one-worker pool, so only the pair that really
kills a worker ends up as an error and every other change is still computed. The pool is the
kernel's one crash-isolating pool (`tracker.parallel`), shared with the importer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.parallel import cpu_count, run_isolated
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
    from tracker.changes import compare, redline_html
    from tracker.changes.cache import ReportCache

    try:
        repo = _repo(job.repo_path)
        old = repo.text_at(job.old_commit, job.doc_type)
        new = repo.text_at(job.new_commit, job.doc_type)
        cache = ReportCache(Path(cache_dir))
        try:
            report = cache.get(old, new)
        except OSError as exc:   # e.g. a full disk: the report is still worth publishing
            log.warning("change report for %s not cached: %s", job.label, exc)
            report = compare(old, new)
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


def compute_summaries(jobs: Iterable[PairJob], cache_dir: Path, workers: int | None = None,
                      on_result: Callable[[PairResult], None] | None = None
                      ) -> list[PairResult]:
    """Summaries of `jobs`, in completion order; `on_result` sees each as it finishes."""
    jobs = list(jobs)
    workers = workers or cpu_count()
    if len(jobs) < MIN_PARALLEL_PAIRS:
        workers = 1
    results: list[PairResult] = []

    def done(batch_results: list[PairResult]) -> None:
        for result in batch_results:
            results.append(result)
            if on_result is not None:
                on_result(result)

    def failed(batch: list[PairJob], exc: BaseException) -> list[PairResult]:
        why = ("the detector process died" if isinstance(exc, BrokenProcessPool)
               else f"{type(exc).__name__}: {exc}")
        for job in batch:
            log.error("change report failed for %s: %s", job.label, why)
        return [PairResult(job.key, None, why) for job in batch]

    batches = _batches(jobs, workers) if workers > 1 else [[job] for job in jobs]
    try:
        run_isolated(partial(_run_batch, cache_dir=str(cache_dir)), batches, workers, done,
                     failed, split=lambda batch: [[job] for job in batch])
    finally:
        if workers <= 1:
            _close_worker_repo()  # the inline path opened the repositories in this process
    return results
