"""Politeness and scheduling: one request at a time per host, spaced by `per_host_delay`, and
workers handed whichever host may be contacted now so none sits out a host's delay."""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import deque
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from tracker.fetching.urls import host_of

if TYPE_CHECKING:
    from tracker.fetching.schedule import FetchJob


class HostThrottle:
    """One request at a time per host, and `delay` seconds from the end of one request to the
    start of the next, so the server sees the spacing even when connecting took a while."""

    def __init__(self, delay: float) -> None:
        self.delay = max(0.0, delay)
        self._free_at: dict[str, float] = {}
        self._busy: set[str] = set()
        self._cond = threading.Condition()

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        if not host:
            yield
            return
        with self._cond:
            while True:
                wait = self._free_at.get(host, 0.0) - time.monotonic()
                if host not in self._busy and wait <= 0:
                    break
                self._cond.wait(timeout=wait if host not in self._busy else None)
            self._busy.add(host)
        try:
            yield
        finally:
            with self._cond:
                self._busy.discard(host)
                self._free_at[host] = time.monotonic() + self.delay
                self._cond.notify_all()

    def ready_at(self, host: str) -> float:
        """The monotonic time from which a request to `host` may start (now if it is idle)."""
        with self._cond:
            if host in self._busy:
                return float("inf")
            return self._free_at.get(host, 0.0)


class HostScheduler:
    """Hands jobs to fetch workers so that no worker sits out a host's delay.

    Binding a worker to one host for all its documents wastes the worker during every
    per-host delay: with C workers and H equal hosts a run takes ceil(H/C) host chains. Here a
    worker takes any host that may be contacted now (its delay has passed and nobody is
    fetching from it), preferring the host with the most documents left (its chain is the
    longest, so it bounds the run), and gives the host back after one document. A host is
    claimed by one worker at a time, so its documents are fetched in order, one at a time.
    """

    def __init__(self, jobs: list[FetchJob], throttle: HostThrottle) -> None:
        self.throttle = throttle
        self._pending: dict[str, deque[FetchJob]] = {}
        for index, job in enumerate(jobs):
            try:
                host = host_of(job.doc.url)
            except Exception:  # a malformed job still gets its own error from fetch_document
                host = ""
            # Jobs without a host (file://, malformed) have nobody to be polite to: each is
            # its own queue so they never wait for each other.
            self._pending.setdefault(host or f"\0{index}", deque()).append(job)
        self.hosts = len(self._pending)
        self._cond = threading.Condition()
        self._seq = itertools.count()
        self._ready: list[tuple[int, int, str]] = []     # (-jobs left, seq, host)
        self._waiting: list[tuple[float, int, str]] = []  # (ready at, seq, host)
        for host, queue_ in self._pending.items():
            heapq.heappush(self._ready, (-len(queue_), next(self._seq), host))
        self._stopped = False

    def next(self) -> tuple[str, FetchJob] | None:
        """Block until some host may be contacted; None when no work is left (or stopped)."""
        with self._cond:
            while not self._stopped and self._pending:
                now = time.monotonic()
                while self._waiting and self._waiting[0][0] <= now:
                    _, _, host = heapq.heappop(self._waiting)
                    self._push_ready(host)
                while self._ready:
                    _, _, host = heapq.heappop(self._ready)
                    at = self.throttle.ready_at(host) if not host.startswith("\0") else 0.0
                    if at > now:  # touched meanwhile (a redirect from another host's page)
                        self._push_waiting(host, at)
                        continue
                    return host, self._pending[host].popleft()
                timeout = self._waiting[0][0] - now if self._waiting else None
                self._cond.wait(timeout=timeout)
            return None

    def done(self, host: str) -> None:
        """The claimed host's job is finished: put the host back if it has more."""
        with self._cond:
            if self._pending.get(host):
                at = self.throttle.ready_at(host) if not host.startswith("\0") else 0.0
                if at == float("inf"):  # still busy through another host's redirect
                    at = time.monotonic() + max(self.throttle.delay, 0.01)
                self._push_waiting(host, at)
            else:
                self._pending.pop(host, None)
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    @property
    def stopped(self) -> bool:
        return self._stopped

    def _push_ready(self, host: str) -> None:
        heapq.heappush(self._ready, (-len(self._pending[host]), next(self._seq), host))

    def _push_waiting(self, host: str, at: float) -> None:
        if at <= time.monotonic():
            self._push_ready(host)
        else:
            heapq.heappush(self._waiting, (at, next(self._seq), host))
