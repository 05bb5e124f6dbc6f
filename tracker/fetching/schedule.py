"""Fetch many documents at once: a pool of workers over the polite host scheduler, results
handed back as each completes, one failing job never stopping the others."""

from __future__ import annotations

import logging
import queue
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Iterator

import httpx

from tracker.errors import DocumentError, FetchError
from tracker.fetching.politeness import HostScheduler, HostThrottle
from tracker.fetching.request import fetch_document, new_client
from tracker.models import DocumentConfig, FetchResult, FetchSettings

log = logging.getLogger(__name__)

RESULTS_BACKLOG = 64            # fetched documents waiting for the caller before workers pause


@dataclass(frozen=True)
class FetchJob:
    """One document to fetch in a run, with the validators from its last successful fetch."""

    company: str
    doc: DocumentConfig
    etag: str | None = None
    last_modified: str | None = None


def fetch_many(jobs: Iterable[FetchJob], settings: FetchSettings
               ) -> Iterator[tuple[FetchJob, FetchResult | DocumentError]]:
    """Fetch many documents, yielding (job, result or error) as each completes.

    At most `concurrency` requests are in flight at once, never two to one host, and a host's
    requests are spaced by per_host_delay (retries and redirects included); while one host
    waits out its delay the workers fetch from others (see HostScheduler). A failing job
    never stops the others, and unexpected exceptions become a FetchError for that job.
    """
    job_list = list(jobs)
    throttle = HostThrottle(settings.per_host_delay)
    scheduler = HostScheduler(job_list, throttle)
    if not job_list:
        return
    workers = max(1, min(settings.concurrency, scheduler.hosts))
    # Bounded: a caller that falls behind (recording) holds the workers back instead of
    # letting downloaded bodies pile up in memory.
    results: queue.Queue[tuple[FetchJob, FetchResult | DocumentError]] = queue.Queue(
        maxsize=RESULTS_BACKLOG + workers)
    try:
        # One client for all workers (httpx clients are thread-safe): building one loads the
        # CA bundle, tens of milliseconds with the GIL held, which per worker delayed the
        # first requests of a run by up to a second.
        client = new_client(settings)
    except Exception as exc:
        log.exception("cannot create the HTTP client")
        for job in job_list:
            yield job, _unexpected(job, exc)
        return

    def hand_over(item: tuple[FetchJob, FetchResult | DocumentError]) -> None:
        while not scheduler.stopped:
            try:
                results.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def worker() -> None:
        while (claimed := scheduler.next()) is not None:
            host, job = claimed
            try:
                result = _run_job(job, settings, throttle, client)
            except BaseException as exc:  # never leave the caller waiting for an answer
                hand_over((job, _unexpected(job, exc)))
                raise
            finally:
                scheduler.done(host)
            hand_over((job, result))

    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch")
    try:
        for _ in range(workers):
            pool.submit(worker)
        for _ in job_list:
            yield results.get()
    finally:
        scheduler.stop()
        pool.shutdown(wait=True, cancel_futures=True)
        client.close()


def _run_job(job: FetchJob, settings: FetchSettings, throttle: HostThrottle,
             client: httpx.Client) -> FetchResult | DocumentError:
    try:
        return fetch_document(job.doc, settings, etag=job.etag, last_modified=job.last_modified,
                              throttle=throttle, client=client)
    except DocumentError as exc:
        return exc
    except Exception as exc:
        log.exception("unexpected error fetching %s", job.doc.url)
        return _unexpected(job, exc)


def _unexpected(job: FetchJob, exc: BaseException) -> FetchError:
    detail = " ".join(str(exc).split())
    return FetchError(f"unexpected error fetching {job.doc.url}: {type(exc).__name__}: {detail}")
