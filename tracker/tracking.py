"""One tracking run: fetch every document, extract, sanity-check, record what changed.

urlwatch-style: one failing document never aborts the run; each error is kept with its
document and reported at the end, and the last good version always stays in place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .errors import (
    DocumentError,
    ExtractionError,
    StorageError,
    SuspiciousChangeError,
    UsageError,
)
from typing import TYPE_CHECKING

from .models import CompanyConfig, Config, DocumentConfig, FetchResult, RecordMeta
from .state import StateStore
from .workspace import Workspace

if TYPE_CHECKING:
    from .storage import CompanyRepo

log = logging.getLogger(__name__)

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
            return f"FAILED   {name}: {self.error}"
        if self.status == NEW:
            return f"NEW      {name}: first version recorded ({self.commit[:10]})"
        if self.status == CHANGED:
            return f"CHANGED  {name}: new version recorded ({self.commit[:10]})"
        return f"{self.status.upper():<8} {name}"


@dataclass
class RunReport:
    outcomes: list[DocOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[DocOutcome]:
        return [o for o in self.outcomes if o.failed]

    @property
    def recorded(self) -> list[DocOutcome]:
        return [o for o in self.outcomes if o.recorded]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def select_companies(config: Config, names: Sequence[str] | None) -> list[CompanyConfig]:
    """The companies a run covers; unknown names are a usage error, not a silent no-op."""
    if not names:
        return list(config.companies)
    unknown = [n for n in names if config.company(n) is None]
    if unknown:
        known = ", ".join(c.slug for c in config.companies) or "none"
        raise UsageError(f"unknown company: {', '.join(unknown)} (configured: {known})")
    return [c for c in config.companies if c.slug in names]


def check_plausible(text: str, previous: str | None, doc: DocumentConfig,
                    max_shrink: float) -> None:
    """Refuse text that shrank drastically: more likely a broken page than a new policy."""
    share = doc.max_shrink if doc.max_shrink is not None else max_shrink
    if previous and share < 1 and len(text) < (1 - share) * len(previous):
        raise SuspiciousChangeError(
            f"extracted text shrank from {len(previous):,} to {len(text):,} characters "
            f"(more than {share:.0%}); keeping the last good version")


def track(workspace: Workspace, config: Config, *, companies: Sequence[str] | None = None,
          captured_at: datetime | None = None,
          progress: Callable[[DocOutcome], None] | None = None) -> RunReport:
    """Fetch and record every configured document (or those of the named companies)."""
    from .fetch import FetchJob, fetch_many  # heavy imports only when a run happens

    chosen = select_companies(config, companies)
    state = StateStore(workspace.state_path,
                       failure_threshold=config.site.failure_threshold).load()
    repos = _RepoPool(workspace)
    by_slug = {c.slug: c for c in chosen}
    jobs = []
    for company in chosen:
        for doc in company.documents:
            saved = state.doc(company.slug, doc.type)
            # Without a recorded version, a 304 would leave us with nothing: fetch in full.
            has_version = repos.latest_text(company, doc.type) is not None
            jobs.append(FetchJob(company.slug, doc,
                                 etag=saved.etag if has_version else None,
                                 last_modified=saved.last_modified if has_version else None))
    report = RunReport()
    try:
        for job, result in fetch_many(jobs, config.fetch):
            company = by_slug[job.company]
            when = captured_at or datetime.now(timezone.utc)
            outcome = _settle(company, job.doc, result, when, config, repos, state)
            report.outcomes.append(outcome)
            if progress:
                progress(outcome)
    finally:
        state.save()
        repos.close()
    order = {(c.slug, d.type): i for i, (c, d) in
             enumerate((c, d) for c in chosen for d in c.documents)}
    report.outcomes.sort(key=lambda o: order.get((o.company, o.doc_type), 0))
    return report


def _settle(company: CompanyConfig, doc: DocumentConfig, result: FetchResult | DocumentError,
            when: datetime, config: Config, repos: _RepoPool, state: StateStore) -> DocOutcome:
    """Turn one fetch result into a recorded version, an unchanged note or a stored error."""
    base = dict(company=company.slug, doc_type=doc.type, title=doc.display_title, url=doc.url)
    try:
        if isinstance(result, BaseException):
            raise result
        if result.not_modified:
            state.record_success(company.slug, doc.type, when, changed=False)
            return DocOutcome(**base, status=NOT_MODIFIED)
        commit, first = _record(company, doc, result, when, config, repos)
    except (DocumentError, StorageError) as exc:
        message = " ".join(str(exc).split()) or type(exc).__name__  # one line per document
        log.warning("%s/%s: %s", company.slug, doc.type, message)
        state.record_failure(company.slug, doc.type, when, message)
        return DocOutcome(**base, status=FAILED, error=message)
    state.record_success(company.slug, doc.type, when, changed=commit is not None,
                         etag=result.etag, last_modified=result.last_modified)
    if commit is None:
        return DocOutcome(**base, status=UNCHANGED)
    return DocOutcome(**base, status=NEW if first else CHANGED, commit=commit)


def _record(company: CompanyConfig, doc: DocumentConfig, result: FetchResult, when: datetime,
            config: Config, repos: _RepoPool) -> tuple[str | None, bool]:
    """Extract, check and commit; returns (commit or None, whether it is the first version)."""
    from .extract import extract

    if result.body is None:
        raise ExtractionError("the server sent no body")
    extracted = extract(result.body, result.content_type, result.final_url or result.url, doc,
                        encoding=result.encoding)
    repo = repos.get(company)
    previous = repo.latest_text(doc.type)
    check_plausible(extracted.text, previous, doc, config.fetch.max_shrink)
    meta = RecordMeta(source_url=result.final_url or result.url, status=result.status,
                      content_type=result.content_type, fetcher=result.fetcher)
    commit = repo.record(doc.type, extracted, meta, when, title=doc.display_title,
                         company_name=company.name)
    return commit, previous is None


class _RepoPool:
    """Opens each company's repository once per run (creating it on first capture)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._repos: dict[str, CompanyRepo] = {}

    def get(self, company: CompanyConfig) -> CompanyRepo:
        from .storage import CompanyRepo

        if company.slug not in self._repos:
            self._repos[company.slug] = CompanyRepo.open(
                self.workspace.repo_path(company.slug), create=True)
        return self._repos[company.slug]

    def close(self) -> None:
        """Stop the git helper processes each open repository keeps."""
        for repo in self._repos.values():
            repo.close()
        self._repos.clear()

    def latest_text(self, company: CompanyConfig, doc_type: str) -> str | None:
        if not (self.workspace.repo_path(company.slug) / ".git").exists():
            return None
        try:
            return self.get(company).latest_text(doc_type)
        except StorageError:
            return None  # reported when the document is recorded

