"""One tracking run: fetch every document, extract, sanity-check, record what changed.

urlwatch-style: one failing document never aborts the run; each error is kept with its
document and reported at the end, and the last good version always stays in place.
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from tracker.errors import (
    DocumentError,
    ExtractionError,
    FetchError,
    StorageError,
    redact_credentials,
    SuspiciousChangeError,
    UsageError,
)
from typing import TYPE_CHECKING

from tracker.models import CompanyConfig, Config, DocumentConfig, FetchResult, RecordMeta
from tracker.parallel import cpu_count
from tracker.runstats import RunStats
from tracker.state import StateStore
from tracker.tracking.checks import check_clock, check_plausible
from tracker.tracking.refused import RefusedStore
from tracker.tracking.notifying import notify_recorded
from tracker.tracking.shards import MAX_SHARDS, parse_shard, shard_of  # noqa: F401  (re-exported)
from tracker.tracking.reports import explain_recorded
from tracker.workspace import Workspace

if TYPE_CHECKING:
    from tracker.notify.run import NotifyReport
    from tracker.storage.repo import CompanyRepo

log = logging.getLogger(__name__)

# Downloaded documents waiting for their recording lane before fetching pauses: bounds the
# memory a run holds in page bodies when git falls behind the network.
RECORD_BACKLOG = 256


# Outcome statuses, in the words `tracker track` prints.
NEW, CHANGED, UNCHANGED, NOT_MODIFIED, FAILED = (
    "new", "changed", "unchanged", "not-modified", "failed")


@dataclass(frozen=True)
class DocOutcome:
    company: str
    doc_type: str
    title: str
    url: str
    status: str
    commit: str | None = None
    error: str | None = None
    verdict: str | None = None    # of the change a recorded version makes (None: first one)
    headline: str | None = None
    news: bool = True             # False: a failure already reported recently (see state.py)
    note: str = ""                # a failure's note: "failing for 3 runs since ..."
    recovered: str | None = None  # "recovered after N failed run(s) since ..." when it was failing

    @property
    def failed(self) -> bool:
        return self.status == FAILED

    @property
    def recorded(self) -> bool:
        return self.status in (NEW, CHANGED)

    def line(self) -> str:
        """The one line `tracker track` prints for this document."""
        name = f"{self.company}/{self.doc_type}"
        if self.failed:
            return f"FAILED   {name}: {self.error}" + (f" ({self.note})" if self.note else "")
        commit = (self.commit or "")[:10]
        if self.status == NEW:
            return f"NEW      {name}: first version recorded ({commit})"
        if self.status == CHANGED and self.verdict:
            return f"CHANGED  {name} [{self.verdict}] {self.headline}"
        if self.status == CHANGED:
            return f"CHANGED  {name}: new version recorded ({commit})"
        return f"{self.status.upper():<8} {name}"


@dataclass
class RunReport:
    outcomes: list[DocOutcome] = field(default_factory=list)
    state_error: str | None = None  # the state file could not be saved (full disk...)
    problems: list[str] = field(default_factory=list)   # FAILED lines not about one document
    notifications: NotifyReport | None = None   # the notification step, when it ran

    @property
    def failed(self) -> list[DocOutcome]:
        return [o for o in self.outcomes if o.failed]

    @property
    def recorded(self) -> list[DocOutcome]:
        return [o for o in self.outcomes if o.recorded]

    @property
    def exit_code(self) -> int:
        notify_failed = self.notifications is not None and self.notifications.exit_code
        return 1 if self.failed or self.problems or notify_failed else 0



def select_companies(config: Config, names: Sequence[str] | None,
                     shard: tuple[int, int] | None = None) -> list[CompanyConfig]:
    """The companies a run covers; unknown names are a usage error, not a silent no-op.

    With ``shard=(K, N)`` only the companies of shard K of N are kept (see shard_of).
    """
    chosen = list(config.companies)
    if names:
        unknown = [n for n in names if config.company(n) is None]
        if unknown:
            known = ", ".join(c.slug for c in config.companies) or "none"
            raise UsageError(f"unknown company: {', '.join(unknown)} (configured: {known})")
        chosen = [c for c in chosen if c.slug in names]
    if shard is not None:
        k, n = shard
        if not 1 <= k <= n or n > MAX_SHARDS:
            raise UsageError(f"shard {k}/{n}: need 1 <= K <= N <= {MAX_SHARDS}")
        chosen = [c for c in chosen if shard_of(c.slug, n) == k]
    return chosen


def track(workspace: Workspace, config: Config, *, companies: Sequence[str] | None = None,
          captured_at: datetime | None = None,
          progress: Callable[[DocOutcome], None] | None = None,
          stats: RunStats | None = None,
          shard: tuple[int, int] | None = None,
          clock: Callable[[], datetime] | None = None, notify: str = "send") -> RunReport:
    """Fetch and record every configured document (or those of the named companies, or of
    one shard).

    Three kinds of work overlap: fetch workers (fetch.fetch_many) only talk to servers;
    each 200 answer is handed to a recording lane of its company, where it is extracted and
    committed; lanes of different companies run in parallel, one company's documents one
    after the other (one writer per repository). A 304 or a failed fetch is settled at once
    in this thread: no repository is opened and nothing is extracted. ``progress`` is called
    in this thread, once per document. ``stats`` gets counters (fetched, not_modified,
    failed, bytes_downloaded, extracted, repos_opened, git_commits, recorded) and phase
    times (extract and git are summed over the lanes, so they can exceed the wall time).
    Each recorded version's change report is computed and cached before returning (phase
    ``detect``), and its verdict and headline are put on its outcome. ``clock`` gives the
    capture time of each document when ``captured_at`` is not fixed (default: now, UTC).
    ``notify``: then "send" the notifications of the changes recorded (the default; see
    tracking.notifying), list them ("dry-run") or leave them ("off": the caller calls
    ``notify_recorded`` itself, e.g. after publishing).
    """
    from tracker.fetching import FetchJob, fetch_many  # heavy imports only when a run happens

    meter = stats or RunStats.null()
    started = captured_at or datetime.now(timezone.utc)
    with meter.phase("plan"):
        chosen = select_companies(config, companies, shard)
        chosen, problems = _pull_remote(workspace, config, chosen)
        state = StateStore(workspace.state_path,
                           failure_threshold=config.site.failure_threshold,
                           failure_reminder=_reminder(config)).load()
        repos = _RepoPool(workspace, meter)
        by_slug = {c.slug: c for c in chosen}
        jobs = []
        for company in chosen:
            for doc in company.documents:
                saved = state.doc(company.slug, doc.type)
                # Without a recorded version, a 304 would leave us with nothing: fetch in full.
                has_version = repos.has_version(company, doc.type)
                jobs.append(FetchJob(company.slug, doc,
                                     etag=saved.etag if has_version else None,
                                     last_modified=saved.last_modified if has_version else None))
    meter.set("documents", len(jobs))
    meter.set("companies", len(chosen))
    report = RunReport(problems=problems)
    done: queue.Queue[DocOutcome] = queue.Queue()
    state_lock = threading.Lock()
    lanes = _CompanyLanes(_lane_count(len(chosen)))

    def collect() -> None:
        while True:
            try:
                outcome = done.get_nowait()
            except queue.Empty:
                return
            report.outcomes.append(outcome)
            if progress:
                progress(outcome)

    def record_task(company: CompanyConfig, doc: DocumentConfig, result: FetchResult,
                    when: datetime) -> Callable[[], None]:
        return lambda: done.put(_settle_body(company, doc, result, when, config, repos, state,
                                             state_lock, meter))

    left = {c.slug: len(c.documents) for c in chosen}
    finished = False
    try:
        with meter.phase("fetch"):
            for job, result in fetch_many(jobs, config.fetch):
                company = by_slug[job.company]
                when = captured_at or (clock() if clock else datetime.now(timezone.utc))
                if isinstance(result, FetchResult) and not result.not_modified:
                    meter.add("fetched")
                    meter.add("bytes_downloaded", len(result.body or b""))
                    while lanes.backlog() >= RECORD_BACKLOG:  # git is behind: hold fetching
                        try:
                            done.put(done.get(timeout=0.1))  # wait for the next outcome
                        except queue.Empty:
                            pass
                        collect()
                    lanes.submit(company.slug, record_task(company, job.doc, result, when))
                else:
                    if isinstance(result, FetchResult) and job.etag is None \
                            and job.last_modified is None:  # 304 to an unconditional GET
                        result = FetchError(f"{result.final_url or result.url} answered 304 "
                                            "Not Modified to a request that was not "
                                            "conditional: nothing to record")
                    with state_lock:
                        done.put(_settle_quick(company, job.doc, result, when, state, meter))
                left[company.slug] -= 1
                if not left[company.slug]:  # its last document: free its git processes
                    lanes.submit(company.slug, functools.partial(repos.release, company.slug))
                collect()
        with meter.phase("record_tail"):  # recording still running after the last fetch
            while len(report.outcomes) < len(jobs):  # progress keeps moving meanwhile
                try:
                    done.put(done.get(timeout=0.2))  # wait for the next outcome
                except queue.Empty:
                    if lanes.idle():
                        break
                collect()
            lanes.close(wait=True)
        finished = True
        collect()
    finally:
        if not finished:
            lanes.close(wait=True, cancel=True)
        with meter.phase("state_save"):
            report.state_error = _save_state(state)
        repos.close()
    order = {(c.slug, d.type): i for i, (c, d) in
             enumerate((c, d) for c in chosen for d in c.documents)}
    report.outcomes.sort(key=lambda o: order.get((o.company, o.doc_type), 0))
    with meter.phase("push"):
        report.problems += _push_remote(workspace, config, chosen)
    with meter.phase("detect"):
        explain_recorded(workspace, report)
    meter.set("recorded", len(report.recorded))
    meter.set("failed", len(report.failed))
    if config.subscriptions and notify != "off":
        with meter.phase("notify"):
            report.notifications = notify_recorded(workspace, config, [c.slug for c in chosen],
                                                   started=started, now=captured_at,
                                                   mode=notify)
    return report


def _reminder(config: Config) -> timedelta | None:
    hours = config.site.failure_reminder_hours
    return timedelta(hours=hours) if hours else None


def _save_state(state: StateStore) -> str | None:
    """Save the state file; on a full or read-only disk say why instead of raising, so the
    run's outcomes (what was recorded, what failed) are still reported."""
    try:
        state.save()
    except OSError as exc:
        return (f"cannot save the fetch state {state.path} ({exc.strerror or exc}); "
                "the lines above say what was recorded and what failed")
    return None


def _pull_remote(workspace: Workspace, config: Config, chosen: list[CompanyConfig]
                 ) -> tuple[list[CompanyConfig], list[str]]:
    """With a [remote]: fetch each company first (history, and the fetch state its last writer
    left, so an ephemeral workspace still sends conditional requests); one that cannot be
    pulled is not tracked."""
    if not config.remote.enabled:
        return chosen, []
    from tracker.remote.workspace_sync import pull_all

    pulled = pull_all(workspace, config, chosen, merge_state=True)
    return [c for c in chosen if c.slug not in pulled.failed], pulled.lines("pull")


def _push_remote(workspace: Workspace, config: Config, chosen: list[CompanyConfig]) -> list[str]:
    """With a [remote] that takes pushes: push each tracked company's history and state."""
    if not (config.remote.enabled and config.remote.push):
        return []
    from tracker.remote.workspace_sync import push_all

    return push_all(workspace, config, chosen).lines("push")


def _lane_count(companies: int) -> int:
    """Recording lanes: a commit spends most of its time starting git subprocesses and
    waiting for them (no GIL held), so several lanes per core keep the cores busy (measured
    with bench/bench_track_scale.py on 2 cores: 8 lanes beat 2 and 4); never more lanes than
    companies."""
    return max(1, min(companies, 4 * cpu_count(), 16))


def _base(company: CompanyConfig, doc: DocumentConfig) -> dict:
    return dict(company=company.slug, doc_type=doc.type, title=doc.display_title,
                url=redact_credentials(doc.url))


def _failed(company: CompanyConfig, doc: DocumentConfig, exc: BaseException, when: datetime,
            state: StateStore, meter: RunStats) -> DocOutcome:
    message = " ".join(str(exc).split()) or type(exc).__name__  # one line per document
    log.warning("%s/%s: %s", company.slug, doc.type, message)
    news = state.record_failure(company.slug, doc.type, when, message)
    meter.add("failed")
    return DocOutcome(**_base(company, doc), status=FAILED, error=message,
                      news=news is not None, note=news or "")


def _settle_quick(company: CompanyConfig, doc: DocumentConfig,
                  result: FetchResult | DocumentError, when: datetime, state: StateStore,
                  meter: RunStats) -> DocOutcome:
    """A failed fetch or a 304: only the state changes. Deliberately no repository and no
    extraction here, so an unchanged document costs one conditional request and nothing
    else (the caller holds the state lock)."""
    if isinstance(result, BaseException):
        return _failed(company, doc, result, when, state, meter)
    recovered = state.record_success(company.slug, doc.type, when, changed=False)
    meter.add("not_modified")
    return DocOutcome(**_base(company, doc), status=NOT_MODIFIED, recovered=recovered)


def _settle_body(company: CompanyConfig, doc: DocumentConfig, result: FetchResult,
                 when: datetime, config: Config, repos: _RepoPool, state: StateStore,
                 state_lock: threading.Lock, meter: RunStats) -> DocOutcome:
    """A downloaded document: extract, check and record it (runs in the company's lane)."""
    try:
        commit, first = _record(company, doc, result, when, config, repos, meter)
    except (DocumentError, StorageError) as exc:
        with state_lock:
            return _failed(company, doc, exc, when, state, meter)
    except OSError as exc:  # a full or read-only disk: this document is not recorded
        with state_lock:
            return _failed(company, doc, StorageError(
                f"cannot record: {exc.strerror or exc}"), when, state, meter)
    except Exception as exc:  # a bug must not abort the other documents' recording
        log.exception("%s/%s: unexpected error while recording", company.slug, doc.type)
        with state_lock:
            return _failed(company, doc, RuntimeError(f"unexpected error while recording: "
                                                      f"{type(exc).__name__}: {exc}"),
                           when, state, meter)
    with state_lock:
        recovered = state.record_success(company.slug, doc.type, when,
                                         changed=commit is not None, etag=result.etag,
                                         last_modified=result.last_modified)
    if commit is None:
        return DocOutcome(**_base(company, doc), status=UNCHANGED, recovered=recovered)
    return DocOutcome(**_base(company, doc), status=NEW if first else CHANGED, commit=commit,
                      recovered=recovered)


def _record(company: CompanyConfig, doc: DocumentConfig, result: FetchResult, when: datetime,
            config: Config, repos: _RepoPool, meter: RunStats) -> tuple[str | None, bool]:
    """Extract, check and commit; returns (commit or None, whether it is the first version)."""
    from tracker.extract import extract

    if result.body is None:
        raise ExtractionError("the server sent no body")
    with meter.phase("extract"):
        extracted = extract(result.body, result.content_type, result.final_url or result.url,
                            doc, encoding=result.encoding)
        meter.add("extracted")
    with meter.phase("git"):
        repo = repos.get(company)
        previous = repo.latest_text(doc.type)
        meta = RecordMeta(source_url=redact_credentials(result.final_url or result.url),
                          status=result.status,
                          content_type=result.content_type, fetcher=result.fetcher)
        refused = RefusedStore(repos.workspace)
        try:
            check_plausible(extracted.text, previous, doc, config.fetch.max_shrink,
                            company.slug)
        except SuspiciousChangeError as exc:  # kept, so `tracker accept` can record it
            refused.save(company.slug, doc.type, extracted, meta, when, str(exc))
            raise
        refused.discard(company.slug, doc.type)
        if previous != extracted.text:
            check_clock(when, repo.last_date())
        commit = repo.record(doc.type, extracted, meta, when, title=doc.display_title,
                             company_name=company.name)
        if commit is not None:
            meter.add("git_commits")
    return commit, previous is None


class _CompanyLanes:
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


class _RepoPool:
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
