"""A document's history as versions paired with the change reports between them.

Shared by `tracker log`, `tracker diff`, the post-track report warm-up and publishing, so the
rule "what is a change" lives in one place: a non-technical version with a predecessor. A
technical (re-extraction) version becomes the new baseline and is never reported as a change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.errors import UsageError
from tracker.models import Version
from tracker.workspace import Workspace

if TYPE_CHECKING:
    from tracker.changes import ChangeReport
    from tracker.storage.repo import CompanyRepo


@dataclass(frozen=True)
class HistoryEntry:
    version: Version
    previous: Version | None
    report: ChangeReport | None  # None for first records and technical versions

    @property
    def is_change(self) -> bool:
        return self.report is not None


def company_repo(workspace: Workspace, slug: str) -> CompanyRepo | None:
    """The company's repository, or None when nothing was recorded for it yet."""
    from tracker.storage.repo import CompanyRepo

    path = workspace.repo_path(slug)
    if not (path / ".git").exists():
        return None
    return CompanyRepo.open(path)


def require_repo(workspace: Workspace, slug: str) -> CompanyRepo:
    repo = company_repo(workspace, slug)
    if repo is None:
        known = ", ".join(workspace.company_slugs_on_disk()) or "none yet"
        raise UsageError(f"no repository for company {slug!r} (recorded: {known})")
    return repo


def document_history(workspace: Workspace, repo: CompanyRepo, company: str, doc_type: str,
                     *, limit: int | None = None) -> list[HistoryEntry]:
    """Newest first; change reports come from (and fill) the workspace's report cache."""
    from tracker.changes.cache import ReportCache

    cache = ReportCache(workspace.reports_cache_dir)
    versions = repo.versions(doc_type)
    entries: list[HistoryEntry] = []
    for i, version in enumerate(versions[:limit or None]):
        previous = versions[i + 1] if i + 1 < len(versions) else None
        report = None
        if previous is not None and not version.technical:
            report = cache.get(repo.text_at(previous.commit, doc_type),
                               repo.text_at(version.commit, doc_type))
        entries.append(HistoryEntry(version, previous, report))
    return entries


def document_changes(workspace: Workspace, repo: CompanyRepo, company: str, doc_type: str,
                     *, limit: int | None = None) -> list[HistoryEntry]:
    """Only the entries that are changes (newest first)."""
    return [e for e in document_history(workspace, repo, company, doc_type, limit=limit)
            if e.is_change]


def pick_doc_type(repo: CompanyRepo, doc_type: str | None, company: str) -> str:
    """The document type a command means: the one asked for (which must exist), else
    privacy-policy, else the company's first recorded type."""
    types = repo.doc_types()
    if doc_type:
        if doc_type not in types:
            raise UsageError(f"{company} has no {doc_type!r} document (has: "
                             f"{', '.join(types) or 'none'})")
        return doc_type
    if not types:
        raise UsageError(f"{company} has no recorded documents yet")
    return "privacy-policy" if "privacy-policy" in types else types[0]


def resolve_pair(repo: CompanyRepo, company: str, doc_type: str,
                 revs: list[str]) -> tuple[str, str]:
    """The (old, new) revisions `tracker diff COMPANY [OLD [NEW]]` compares: by default the
    last change; one revision is compared with the latest version."""
    versions = repo.versions(doc_type)
    if not revs:
        if len(versions) < 2:
            raise UsageError(f"{company}/{doc_type} has only {len(versions)} version(s): "
                             "nothing to compare yet")
        return versions[1].commit, versions[0].commit
    if len(revs) == 1:
        return revs[0], versions[0].commit
    return revs[0], revs[1]
