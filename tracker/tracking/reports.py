"""After a run: the change report of every new version, computed now and cached (publishing
never waits on one), and the lines a run prints, which are only news (cron mails them)."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from tracker.workspace import Workspace

if TYPE_CHECKING:
    from tracker.tracking.run import RunReport

log = logging.getLogger(__name__)


def explain_version(workspace: Workspace, company: str, doc_type: str,
                    commit: str) -> tuple[str, str] | None:
    """(verdict, headline) of the change the document's latest version makes, computed into
    the report cache; None for a first version or when ``commit`` is no longer the latest."""
    from tracker.storage.history import company_repo, document_changes

    repo = company_repo(workspace, company)
    if repo is None:
        return None
    try:
        for change in document_changes(workspace, repo, company, doc_type, limit=1):
            assert change.report is not None
            log.info("%s/%s: %s", company, doc_type, change.report.headline)
            if change.version.commit == commit:
                return change.report.verdict, change.report.headline
    finally:
        repo.close()
    return None


def explain_recorded(workspace: Workspace, report: RunReport) -> None:
    """Put each recorded version's verdict and headline on its outcome (in place). A change
    the detector fails on keeps its plain line (`build` reports it as unavailable)."""
    for i, outcome in enumerate(report.outcomes):
        if outcome.recorded and outcome.commit:
            try:
                explained = explain_version(workspace, outcome.company, outcome.doc_type,
                                            outcome.commit)
            except Exception:  # the version is recorded; its line just says less
                log.exception("%s/%s: change report failed", outcome.company, outcome.doc_type)
                continue
            if explained:
                report.outcomes[i] = replace(outcome, verdict=explained[0],
                                             headline=explained[1])


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
