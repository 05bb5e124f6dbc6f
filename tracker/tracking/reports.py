"""After a run: the change report of every new version, computed now and cached, so
publishing never waits on one and the run's output can say what each change means."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from tracker.workspace import Workspace

if TYPE_CHECKING:
    from tracker.tracking.run import RunReport

log = logging.getLogger(__name__)


def explain_recorded(workspace: Workspace, report: RunReport) -> None:
    """Fill the report cache for each recorded version and put its verdict and headline on
    its outcome (in place); a first version has none."""
    from tracker.storage.history import company_repo, document_changes

    for i, outcome in enumerate(report.outcomes):
        if not outcome.recorded:
            continue
        repo = company_repo(workspace, outcome.company)
        if repo is None:
            continue
        try:
            for change in document_changes(workspace, repo, outcome.company,
                                           outcome.doc_type, limit=1):
                assert change.report is not None
                log.info("%s/%s: %s", outcome.company, outcome.doc_type,
                         change.report.headline)
                if change.version.commit == outcome.commit:
                    report.outcomes[i] = replace(outcome, verdict=change.report.verdict,
                                                 headline=change.report.headline)
        finally:
            repo.close()
