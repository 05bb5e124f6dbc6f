"""`tracker backfill` as a library call: one company's documents from the Wayback Machine
(or a compatible archive), one shared rate limit, the run's counters in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from tracker.errors import UsageError
from tracker.models import CompanyConfig, Config, DocumentConfig
from tracker.workspace import Workspace

if TYPE_CHECKING:
    from tracker.ingest.wayback import BackfillReport
    from tracker.runstats import RunStats

COUNTERS = ("captures", "downloaded", "cached", "already", "recorded", "duplicates", "failed")


@dataclass
class BackfillRun:
    """Every document's report, in order, and the requests made to the archive."""

    reports: list[tuple[str, BackfillReport]] = field(default_factory=list)
    requests: int = 0

    @property
    def failed(self) -> bool:
        return any(report.errors for _, report in self.reports)


def backfill_plan(config: Config, company: str, doc_type: str | None, *,
                  since: datetime | None, until: datetime | None, limit: int | None,
                  archive_url: str | None) -> tuple[CompanyConfig, list[DocumentConfig],
                                                    datetime | None, str]:
    """Check the request before any work: (company, its documents, the end of the last day,
    the archive's base URL); anything wrong is a usage error."""
    from tracker.config.loading import check_url

    conf = config.company(company)
    if conf is None:
        known = ", ".join(c.slug for c in config.companies) or "none"
        raise UsageError(f"unknown company {company!r} (configured: {known})")
    docs = [d for d in conf.documents if doc_type in (None, d.type)]
    if not docs:
        raise UsageError(f"{company} has no {doc_type!r} document")
    if limit is not None and limit < 1:
        raise UsageError("--limit must be at least 1")
    if until is not None:  # --to is a day: include all of its captures
        until = until.replace(hour=23, minute=59, second=59)
    if since and until and since > until:
        raise UsageError("--from is after --to")
    base_url = archive_url or config.wayback.url
    reason = check_url(base_url, allow_file=False)
    if reason:
        raise UsageError(f"--archive-url {base_url!r} {reason}")
    return conf, docs, until, base_url


def backfill_company(workspace: Workspace, config: Config, company: str, *,
                     doc_type: str | None = None, since: datetime | None = None,
                     until: datetime | None = None, limit: int | None = None,
                     archive_url: str | None = None, stats: RunStats | None = None,
                     progress: Callable[[str, int, int], None] | None = None,
                     on_report: Callable[[str, BackfillReport], None] | None = None
                     ) -> BackfillRun:
    """Backfill each of the company's documents (or the one of ``doc_type``), holding the
    workspace lock; stops after a document the archive stopped (rate limited).

    ``progress(name, handled, found)`` follows the captures of each document;
    ``on_report(name, report)`` is called as each document finishes.
    """
    from tracker.ingest.wayback import ArchiveClient, backfill
    from tracker.storage.repo import CompanyRepo

    conf, docs, until, base_url = backfill_plan(config, company, doc_type, since=since,
                                                until=until, limit=limit,
                                                archive_url=archive_url)
    stats = stats or RunStats.null()
    run = BackfillRun()
    with workspace.lock(), ArchiveClient(config.fetch,
                                         config.wayback.requests_per_minute) as client:
        repo = CompanyRepo.open(workspace.repo_path(company), create=True)
        for doc in docs:
            name = f"{company}/{doc.type}"
            step = (lambda done, total, name=name: progress(name, done, total)) \
                if progress else None
            with stats.phase("backfill"):
                report = backfill(repo, conf.name, doc, config.fetch, since=since,
                                  until=until, limit=limit, base_url=base_url,
                                  client=client, progress=step)
            run.reports.append((name, report))
            for key in COUNTERS:
                stats.add(key, getattr(report, key))
            if on_report:
                on_report(name, report)
            if report.stopped:
                break
    run.requests = client.requests   # everything asked of the archive, retries too
    stats.set("requests", run.requests)
    return run

