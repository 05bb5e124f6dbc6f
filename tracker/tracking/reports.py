"""After a run: the change report of every new version, computed now and cached, so
publishing never waits on one and the run's output can say what each change means; and the
lines a run prints, which are only news (cron mails them).

Bounded in time: a pathological pair of texts must not hold the workspace lock for minutes,
so the reports are computed in one child process that is killed when REPORT_BUDGET is spent.
Every report finished by then is cached (each is written atomically) and put on its outcome;
the rest is left to `build`, which computes missing reports on all cores and shows a pair the
detector fails on as "change report unavailable".

The recording lanes hand over what they already know (:class:`RecordedPairs`): the texts on
both sides of each change, and which first versions went into a repository without any earlier
commit (no report is possible). Those documents cost no repository reopening and no git
process here; only a recorded document the lanes did not describe (a run with a remote, whose
push may have replayed commits; a first version in an existing repository; texts past the
memory cap) is looked up in its repository as before.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tracker.errors import TrackerError
from tracker.workspace import Workspace

if TYPE_CHECKING:
    from tracker.tracking.run import DocOutcome, RunReport

log = logging.getLogger(__name__)

# Seconds a `track` run may spend on change reports, all documents together.
REPORT_BUDGET = 60.0

# Characters of text the lanes keep for the reports (old and new texts together); past it a
# document's texts are read back from its repository instead.
PAIRS_TEXT_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class Pair:
    """What a lane recorded: ``old`` is None for a first version in a repository that had no
    commit before it (no earlier version exists, so there is no report)."""

    commit: str
    old: str | None
    new: str | None


class RecordedPairs:
    """The texts of each recorded change, filled by the recording lanes (thread-safe)."""

    def __init__(self, limit: int = PAIRS_TEXT_LIMIT) -> None:
        self._pairs: dict[tuple[str, str], Pair] = {}
        self._left = limit
        self._lock = threading.Lock()

    def add(self, company: str, doc_type: str, commit: str, old: str | None, new: str,
            *, fresh: bool) -> None:
        """A recorded version: its text and the one before it (``old`` None: a first
        version), ``fresh`` when the repository had no commit before it."""
        if old is None and not fresh:
            return  # a first version where an earlier one may have existed: look it up
        size = 0 if old is None else len(old) + len(new)
        with self._lock:
            if size > self._left:
                return
            self._left -= size
            self._pairs[(company, doc_type)] = Pair(commit, old, None if old is None else new)

    def get(self, outcome: DocOutcome) -> Pair | None:
        pair = self._pairs.get((outcome.company, outcome.doc_type))
        return pair if pair is not None and pair.commit == outcome.commit else None


def explain_recorded(workspace: Workspace, report: RunReport,
                     budget: float | None = None,
                     pairs: RecordedPairs | None = None) -> bool:
    """Fill the report cache for each recorded version (within ``budget`` seconds, default
    REPORT_BUDGET) and put its verdict and headline on its outcome (in place); a first
    version has none, nor has one whose report was not ready in time. True when every
    report was computed in time. ``pairs``: what the recording lanes know (see above)."""
    known: dict[int, Pair] = {}
    unknown: list[int] = []
    for i, outcome in enumerate(report.outcomes):
        if outcome.recorded:
            pair = pairs.get(outcome) if pairs is not None else None
            if pair is None:
                unknown.append(i)
            elif pair.old is not None:
                known[i] = pair
    if not known and not unknown:
        return True
    if known:  # imported once here, before the fork: the child inherits it
        from tracker.changes.cache import ReportCache  # noqa: F401
    complete = _compute_in_child(
        workspace, [(report.outcomes[i].company, report.outcomes[i].doc_type) for i in unknown],
        [(report.outcomes[i].company, report.outcomes[i].doc_type, p.old or "", p.new or "")
         for i, p in known.items()],
        REPORT_BUDGET if budget is None else budget)
    for i in unknown:
        report.outcomes[i] = _with_cached_verdict(workspace, report.outcomes[i])
    for i, pair in known.items():
        report.outcomes[i] = _with_pair_verdict(workspace, report.outcomes[i], pair)
    return complete


def _compute_in_child(workspace: Workspace, documents: list[tuple[str, str]],
                      texts: list[tuple[str, str, str, str]], budget: float) -> bool:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    child = context.Process(target=_child, args=(workspace, documents, texts, os.getpid()),
                            daemon=True, name="tracker-reports")
    child.start()
    child.join(max(0.0, budget))
    if child.is_alive():
        child.kill()
        child.join()
        log.warning("change reports not all computed within %.0f s; `tracker build` computes "
                    "the rest", budget)
        return False
    return child.exitcode == 0


def _child(workspace: Workspace, documents: list[tuple[str, str]],
           texts: list[tuple[str, str, str, str]], parent: int) -> None:
    """In the child: compute and cache each report; a failure costs only its document and is
    one log line (never a traceback from the child). It dies with the run that forked it: it
    shares the run's workspace lock, and a killed run must not leave it held."""
    from tracker.parallel import die_with_parent

    die_with_parent(parent)
    failed = not _cache_pairs(workspace, texts)
    if documents:
        failed = not _cache_documents(workspace, documents) or failed
    os._exit(1 if failed else 0)


def _cache_pairs(workspace: Workspace, texts: list[tuple[str, str, str, str]]) -> bool:
    """Reports of the pairs the lanes handed over; False when one failed."""
    if not texts:
        return True
    from tracker.changes.cache import ReportCache

    cache = ReportCache(workspace.reports_cache_dir)
    ok = True
    for company, doc_type, old, new in texts:
        try:
            log.info("%s/%s: %s", company, doc_type, cache.get(old, new).headline)
        except Exception as exc:  # the detector on one pair; build will retry it
            ok = False
            log.warning("%s/%s: change report not computed: %s", company, doc_type,
                        " ".join(str(exc).split()) or type(exc).__name__)
    return ok


def _cache_documents(workspace: Workspace, documents: list[tuple[str, str]]) -> bool:
    """Reports of the latest change of documents read back from their repositories."""
    from tracker.storage.history import company_repo, document_changes

    failed = False
    for company, doc_type in documents:
        try:
            repo = company_repo(workspace, company)
            if repo is None:
                continue
            try:
                for change in document_changes(workspace, repo, company, doc_type, limit=1):
                    if change.report is not None:
                        log.info("%s/%s: %s", company, doc_type, change.report.headline)
            finally:
                repo.close()
        except Exception as exc:  # the detector or git on one pair; build will retry it
            failed = True
            log.warning("%s/%s: change report not computed: %s", company, doc_type,
                        " ".join(str(exc).split()) or type(exc).__name__)
    return not failed


def _with_pair_verdict(workspace: Workspace, outcome: DocOutcome, pair: Pair) -> DocOutcome:
    """The outcome with the verdict and headline of its cached report (never computes)."""
    from tracker.changes.cache import ReportCache

    found = ReportCache(workspace.reports_cache_dir).peek(pair.old or "", pair.new or "")
    if found is None:
        return outcome
    return replace(outcome, verdict=found.verdict, headline=found.headline)


def _with_cached_verdict(workspace: Workspace, outcome: DocOutcome) -> DocOutcome:
    """The outcome with the verdict and headline of its change, when that report is cached
    (never computes one here)."""
    from tracker.changes.cache import ReportCache
    from tracker.storage.history import company_repo

    try:
        repo = company_repo(workspace, outcome.company)
        if repo is None:
            return outcome
        try:
            versions = repo.versions(outcome.doc_type)[:2]
            if len(versions) < 2 or versions[0].commit != outcome.commit \
                    or versions[0].technical:
                return outcome
            found = ReportCache(workspace.reports_cache_dir).peek(
                repo.text_at(versions[1].commit, outcome.doc_type),
                repo.text_at(versions[0].commit, outcome.doc_type))
        finally:
            repo.close()
    except (TrackerError, OSError) as exc:
        log.warning("%s/%s: %s", outcome.company, outcome.doc_type, exc)
        return outcome
    if found is None:
        return outcome
    return replace(outcome, verdict=found.verdict, headline=found.headline)


def news_lines(report: RunReport, *, show_cosmetic: bool = False,
               verbose: bool = False) -> list[tuple[str, bool]]:
    """The lines `track` prints, each with whether it goes to stderr.

    Only news: a new or changed document (a cosmetic change only with ``show_cosmetic``), a
    failure when it is news (see StateStore.record_failure), a recovery. ``verbose`` prints
    every document.
    """
    from tracker.tracking.run import NOT_MODIFIED, UNCHANGED

    lines: list[tuple[str, bool]] = []
    for outcome in report.outcomes:
        quiet = (outcome.status in (UNCHANGED, NOT_MODIFIED)
                 or (outcome.failed and not outcome.news)
                 or (outcome.verdict == "cosmetic" and not show_cosmetic))
        if verbose or not quiet:
            lines.append((outcome.line(), outcome.failed))
        if outcome.recovered:
            lines.append((f"RECOVERED {outcome.company}/{outcome.doc_type}: "
                          f"{outcome.recovered}", False))
    return lines
