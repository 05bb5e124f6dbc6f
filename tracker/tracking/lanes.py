"""Recording lanes: where fetched pages are extracted and committed, company by company.

Lanes of different companies run in parallel threads (git work happens in subprocesses and
in-process object writes, mostly without the GIL); one company's documents go one after the
other, so a repository always has one writer. The repository pool opens each company's
repository when its first page arrives and closes it after its last document.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from tracker.models import CompanyConfig
from tracker.parallel import cpu_count
from tracker.runstats import RunStats
from tracker.workspace import Workspace

if TYPE_CHECKING:
    from tracker.storage.repo import CompanyRepo

log = logging.getLogger(__name__)


def lane_count(companies: int) -> int:
    """Recording lanes: one per core. Extraction, the loose-object commit and the change
    report run in-process and hold the GIL most of the time, so more threads only add
    contention: bench/bench_peers.py's all-new pass (200 new repositories, 2 cores) cost
    ~3.9 CPU-s with 8 lanes and ~2.95 with 2, and was faster in wall time too. Recording into
    packed repositories through git processes took the same wall time with 2 or 8 lanes
    (200 changed documents, 19.5 s either way: the reports' CPU bounds it). Never more lanes
    than companies."""
    return max(1, min(companies, cpu_count(), 16))


class CompanyLanes:
    """Runs tasks on a thread pool, one company's tasks strictly one after the other (one
    writer per repository), different companies' tasks in parallel."""

    def __init__(self, workers: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="record")
        self._lock = threading.Lock()
        self._queues: dict[str, deque[Callable[[], None]]] = {}
        self._cancelled = False

    def submit(self, key: str, task: Callable[[], None]) -> None:
        with self._lock:
            lane = self._queues.get(key)
            if lane is not None:  # the lane's drain loop will get to it
                lane.append(task)
                return
            self._queues[key] = deque([task])
        self._pool.submit(self._drain, key)

    def _drain(self, key: str) -> None:
        while True:
            with self._lock:
                lane = self._queues[key]
                if not lane or self._cancelled:
                    del self._queues[key]
                    return
                task = lane.popleft()
            task()

    def idle(self) -> bool:
        with self._lock:
            return not self._queues

    def backlog(self) -> int:
        """Tasks queued or running."""
        with self._lock:
            return sum(len(lane) for lane in self._queues.values()) + len(self._queues)

    def close(self, *, wait: bool, cancel: bool = False) -> None:
        """Wait for every queued task (or, with cancel, only for the ones running)."""
        if cancel:
            with self._lock:
                self._cancelled = True
        self._pool.shutdown(wait=wait, cancel_futures=cancel)


class RepoPool:
    """Opens each company's repository once per run (creating it on first capture); each
    company is only ever used by its own lane, so only the pool itself needs a lock."""

    def __init__(self, workspace: Workspace, meter: RunStats | None = None) -> None:
        self.workspace = workspace
        self.meter = meter or RunStats.null()
        self._repos: dict[str, CompanyRepo] = {}
        self._lock = threading.Lock()

    def get(self, company: CompanyConfig) -> CompanyRepo:
        from tracker.storage.repo import CompanyRepo

        with self._lock:
            repo = self._repos.get(company.slug)
        if repo is None:
            repo = CompanyRepo.open(self.workspace.repo_path(company.slug), create=True)
            self.meter.add("repos_opened")
            with self._lock:
                self._repos[company.slug] = repo
        return repo

    def close(self) -> None:
        """Stop the git helper processes each open repository keeps."""
        with self._lock:
            repos, self._repos = list(self._repos.values()), {}
        for repo in repos:
            repo.close()

    def release(self, slug: str) -> None:
        """Close one company's repository once it has no work left in this run, so a run over
        thousands of companies never keeps thousands of git helper processes alive."""
        with self._lock:
            repo = self._repos.pop(slug, None)
        if repo is not None:
            repo.close()

    def has_version(self, company: CompanyConfig, doc_type: str) -> bool:
        """Whether a version of the document is on disk, without opening the repository:
        the working-tree copy exists only once a commit with the document is on the branch
        (it is written after the branch moves). A missing copy just means a full GET."""
        path = self.workspace.repo_path(company.slug)
        return (path / ".git").is_dir() and (path / f"{doc_type}.md").is_file()
