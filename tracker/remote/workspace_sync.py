"""Pull and push every company of a workspace: what ``track``/``run``, ``pull`` and ``push`` do.

Companies are independent repositories, so they are synchronised a few at a time in threads
(git does the work in subprocesses). One company's failure never stops the others: it becomes
a ``FAILED`` line for that company, and a company that could not be pulled is not tracked
this run (recording on a stale history would only be replayed later).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from tracker.errors import TrackerError
from tracker.models import CompanyConfig, Config, document_type_title
from tracker.remote import staterefs
from tracker.remote.settings import company_url
from tracker.remote.sync import CompanySync, SyncResult, pull_company, push_company
from tracker.state import StateStore
from tracker.workspace import Workspace

log = logging.getLogger(__name__)

SYNC_WORKERS = 4


@dataclass
class SyncReport:
    """Per company: what was done, or why it failed (one line each)."""

    done: list[SyncResult] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)   # slug -> reason

    def lines(self, verb: str) -> list[str]:
        return [f"FAILED {verb} {slug}: {reason}" for slug, reason in sorted(self.failed.items())]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def company_sync(workspace: Workspace, config: Config, company: CompanyConfig) -> CompanySync:
    titles = {d.type: d.display_title for d in company.documents}
    return CompanySync(company.slug, workspace.repo_path(company.slug),
                       company_url(config.remote.url, company.slug),
                       lambda t: titles.get(t) or document_type_title(t))


def _each(workspace: Workspace, config: Config, companies: Iterable[CompanyConfig],
          action: str) -> SyncReport:
    report = SyncReport()

    def one(company: CompanyConfig) -> None:
        sync = company_sync(workspace, config, company)
        try:
            if action == "pull":
                result = pull_company(sync)
            else:
                result = push_company(sync, retries=config.remote.retries)
        except TrackerError as exc:
            report.failed[company.slug] = str(exc)
            return
        except OSError as exc:
            report.failed[company.slug] = f"{exc.strerror or exc}"
            return
        report.done.append(result)

    with ThreadPoolExecutor(SYNC_WORKERS) as pool:
        list(pool.map(one, list(companies)))
    report.done.sort(key=lambda r: r.slug)
    return report


def pull_all(workspace: Workspace, config: Config,
             companies: Iterable[CompanyConfig] | None = None, *,
             merge_state: bool = False) -> SyncReport:
    """Fetch every company from the remote; the publisher also merges the shards' state."""
    chosen = list(config.companies if companies is None else companies)
    report = _each(workspace, config, chosen, "pull")
    moved = [r.slug for r in report.done if r.new_state]
    if merge_state and moved:
        store = StateStore(workspace.state_path,
                           failure_threshold=config.site.failure_threshold).load()
        for slug in moved:
            staterefs.load_into(store, workspace.repo_path(slug), slug)
        store.save()
    return report


def push_all(workspace: Workspace, config: Config,
             companies: Iterable[CompanyConfig] | None = None) -> SyncReport:
    """Save each company's fetch state to its state ref, then push history and state."""
    chosen = [c for c in (config.companies if companies is None else companies)
              if (workspace.repo_path(c.slug) / ".git").exists()]
    store = StateStore(workspace.state_path,
                       failure_threshold=config.site.failure_threshold).load()
    for company in chosen:
        staterefs.save_company_state(workspace.repo_path(company.slug), store, company.slug)
    return _each(workspace, config, chosen, "push")
