"""Change reports computed right after `track`, within a time budget.

`track` fills the report cache for the versions it recorded so that publishing never waits on
the detector. A pathological pair of texts must not hold the workspace lock for minutes, so
the reports are computed in one child process that is killed when the budget is spent: every
report finished by then is cached (each is written atomically), the rest is left to `build`,
which computes missing reports on all cores and shows a failing pair as "change report
unavailable".
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Sequence

from tracker.workspace import Workspace

log = logging.getLogger(__name__)

# Seconds a `track` run may spend on change reports, all documents together.
REPORT_BUDGET = 60.0


def warm_reports(workspace: Workspace, documents: Sequence[tuple[str, str]],
                 budget: float | None = None) -> bool:
    """Compute the last change report of each (company, doc_type) into the cache, within
    ``budget`` seconds (default REPORT_BUDGET); True when all were computed in time."""
    if not documents:
        return True
    budget = REPORT_BUDGET if budget is None else budget
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    child = context.Process(target=_child, args=(workspace, list(documents)), daemon=True,
                            name="tracker-reports")
    child.start()
    child.join(max(0.0, budget))
    if child.is_alive():
        child.kill()
        child.join()
        log.warning("change reports not all computed within %.0f s; `tracker build` computes "
                    "the rest", budget)
        return False
    return child.exitcode == 0


def _child(workspace: Workspace, documents: list[tuple[str, str]]) -> None:
    """In the child: compute and cache each report; a failure costs only its document and is
    one log line (never a traceback from the child)."""
    from tracker.storage.history import company_repo, document_changes

    failed = False
    for company, doc_type in documents:
        try:
            repo = company_repo(workspace, company)
            if repo is None:
                continue
            for change in document_changes(workspace, repo, company, doc_type, limit=1):
                log.info("%s/%s: %s", company, doc_type, change.report.headline)
        except Exception as exc:  # the detector or git on one pair; build will retry it
            failed = True
            log.warning("%s/%s: change report not computed: %s", company, doc_type,
                        " ".join(str(exc).split()) or type(exc).__name__)
    os._exit(1 if failed else 0)
