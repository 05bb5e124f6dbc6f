"""One tracking run: fetch every document, extract, sanity-check, record what changed.

urlwatch-style: one failing document never aborts the run; each error is kept with its
document and reported at the end, and the last good version always stays in place.
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
from collections.abc import Callable, Sequence
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
from tracker.runstats import RunStats
from tracker.state import StateStore
from tracker.tracking.checks import check_clock, check_plausible
from tracker.tracking.lanes import CompanyLanes as _CompanyLanes
from tracker.tracking.lanes import RepoPool as _RepoPool
from tracker.tracking.lanes import lane_count as _lane_count
from tracker.tracking.refused import RefusedStore
from tracker.tracking.notifying import notify_recorded
from tracker.tracking.shards import MAX_SHARDS, parse_shard, shard_of  # noqa: F401  (re-exported)
from tracker.tracking.reports import RecordedPairs, explain_recorded
from tracker.workspace import Workspace

if TYPE_CHECKING:
    from tracker.fetching import FetchJob
    from tracker.notify.run import NotifyReport

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
    from tracker.fetching import fetch_many  # heavy imports only when a run happens

    meter = stats or RunStats.null()
    started = captured_at or datetime.now(timezone.utc)
    with meter.phase("plan"):
        chosen = select_companies(config, companies, shard)
        chosen, problems = _pull_remote(workspace, config, chosen)
        state = StateStore(workspace.state_path,
                           failure_threshold=config.site.failure_threshold,
                           failure_reminder=_reminder(config)).load()
        repos = _RepoPool(workspace, meter)
        jobs = _plan_jobs(chosen, state, repos)
    meter.set("documents", len(jobs))
    meter.set("companies", len(chosen))
    run = _Run(config, chosen, state, repos, meter, progress, RunReport(problems=problems))
    finished = False
    try:
        with meter.phase("fetch"):
            for job, result in fetch_many(jobs, config.fetch):
                run.settle(job, result,
                           captured_at or (clock() if clock else datetime.now(timezone.utc)))
        with meter.phase("record_tail"):  # recording still running after the last fetch
            run.drain(len(jobs))
        finished = True
        run.collect()
    finally:
        if not finished:
            run.lanes.close(wait=True, cancel=True)
        with meter.phase("state_save"):
            run.report.state_error = _save_state(state)
        repos.close()
    return _after_run(workspace, config, chosen, run.report, meter, notify=notify,
                      started=started, captured_at=captured_at, pairs=run.pairs)


def _plan_jobs(chosen: list[CompanyConfig], state: StateStore,
               repos: _RepoPool) -> list[FetchJob]:
    """One fetch job per document; validators only for documents with a recorded version
    (without one, a 304 would leave us with nothing: fetch in full)."""
    from tracker.fetching import FetchJob

    jobs = []
    for company in chosen:
        for doc in company.documents:
            saved = state.doc(company.slug, doc.type)
            has_version = repos.has_version(company, doc.type)
            jobs.append(FetchJob(company.slug, doc,
                                 etag=saved.etag if has_version else None,
                                 last_modified=saved.last_modified if has_version else None))
    return jobs


class _Run:
    """The moving parts of one run between planning and the report: outcomes arrive on a
    queue from this thread (304s, failures) and from the recording lanes (bodies)."""

    def __init__(self, config: Config, chosen: list[CompanyConfig], state: StateStore,
                 repos: _RepoPool, meter: RunStats,
                 progress: Callable[[DocOutcome], None] | None, report: RunReport) -> None:
        self.config, self.state, self.repos, self.meter = config, state, repos, meter
        self.progress, self.report = progress, report
        self.by_slug = {c.slug: c for c in chosen}
        self.left = {c.slug: len(c.documents) for c in chosen}
        self.sent: set[str] = set()  # companies with a page sent to a recording lane
        self.done: queue.Queue[DocOutcome] = queue.Queue()
        self.state_lock = threading.Lock()
        self.lanes = _CompanyLanes(_lane_count(len(chosen)))
        # what the lanes recorded, for the change reports; with a remote a push may replay
        # commits, so the reports then read each document back from its repository
        self.pairs = None if config.remote.enabled else RecordedPairs()

    def collect(self) -> None:
        """Move finished outcomes into the report (and the progress callback)."""
        while True:
            try:
                outcome = self.done.get_nowait()
            except queue.Empty:
                return
            self.report.outcomes.append(outcome)
            if self.progress:
                self.progress(outcome)

    def _wait_for_outcome(self, timeout: float) -> bool:
        """Block until an outcome arrives (True) or ``timeout`` passes (False)."""
        try:
            self.done.put(self.done.get(timeout=timeout))
        except queue.Empty:
            return False
        return True

    def settle(self, job: FetchJob, result: FetchResult | DocumentError,
               when: datetime) -> None:
        """One fetch answer: a body goes to its company's lane, anything else is settled
        here at once (no repository opened, nothing extracted)."""
        company = self.by_slug[job.company]
        if isinstance(result, FetchResult) and not result.not_modified:
            self.meter.add("fetched")
            self.meter.add("bytes_downloaded", len(result.body or b""))
            while self.lanes.backlog() >= RECORD_BACKLOG:  # git is behind: hold fetching
                self._wait_for_outcome(0.1)
                self.collect()
            self.sent.add(company.slug)
            self.lanes.submit(company.slug, functools.partial(
                self._record, company, job.doc, result, when))
        else:
            if isinstance(result, FetchResult) and job.etag is None \
                    and job.last_modified is None:  # 304 to an unconditional GET
                result = FetchError(f"{result.final_url or result.url} answered 304 "
                                    "Not Modified to a request that was not "
                                    "conditional: nothing to record")
            with self.state_lock:
                self.done.put(_settle_quick(company, job.doc, result, when, self.state,
                                            self.meter))
        self.left[company.slug] -= 1
        if not self.left[company.slug] and company.slug in self.sent:
            # its last document: free its git processes (a company whose documents all
            # answered 304 or failed never reached a lane, so no thread starts for it)
            self.lanes.submit(company.slug, functools.partial(self.repos.release, company.slug))
        self.collect()

    def _record(self, company: CompanyConfig, doc: DocumentConfig, result: FetchResult,
                when: datetime) -> None:
        self.done.put(_settle_body(company, doc, result, when, self.config, self.repos,
                                   self.state, self.state_lock, self.meter, self.pairs))

    def drain(self, total: int) -> None:
        """Wait for the recording lanes; progress keeps moving meanwhile."""
        while len(self.report.outcomes) < total:
            if not self._wait_for_outcome(0.2) and self.lanes.idle():
                break
            self.collect()
        self.lanes.close(wait=True)


def _after_run(workspace: Workspace, config: Config, chosen: list[CompanyConfig],
               report: RunReport, meter: RunStats, *, notify: str, started: datetime,
               captured_at: datetime | None, pairs: RecordedPairs | None = None) -> RunReport:
    """Outcomes in config order, then push (with a [remote]), the change reports of what
    was recorded, and the notifications."""
    order = {(c.slug, d.type): i for i, (c, d) in
             enumerate((c, d) for c in chosen for d in c.documents)}
    report.outcomes.sort(key=lambda o: order.get((o.company, o.doc_type), 0))
    with meter.phase("push"):
        report.problems += _push_remote(workspace, config, chosen)
    with meter.phase("detect"):
        explain_recorded(workspace, report, pairs=pairs)
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
                 state_lock: threading.Lock, meter: RunStats,
                 pairs: RecordedPairs | None = None) -> DocOutcome:
    """A downloaded document: extract, check and record it (runs in the company's lane);
    a recorded version's texts go to ``pairs`` for its change report."""
    try:
        commit, first = _record(company, doc, result, when, config, repos, meter, pairs)
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
            config: Config, repos: _RepoPool, meter: RunStats,
            pairs: RecordedPairs | None = None) -> tuple[str | None, bool]:
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
        fresh = repo.head() is None
        if previous != extracted.text:
            check_clock(when, repo.last_date())
        commit = repo.record(doc.type, extracted, meta, when, title=doc.display_title,
                             company_name=company.name)
        if commit is not None:
            meter.add("git_commits")
            if pairs is not None:
                pairs.add(company.slug, doc.type, commit, previous, extracted.text,
                          fresh=fresh)
    return commit, previous is None
