"""A document's history as versions paired with the change reports between them.

Shared by `tracker log`, `tracker diff`, the post-track report warm-up and publishing, so the
rule "what is a change" lives in one place: a non-technical version with a predecessor. A
technical (re-extraction) version becomes the new baseline and is never reported as a change.
"""

from __future__ import annotations

import re
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
    """The (old, new) commits `tracker diff COMPANY [OLD [NEW]]` compares: by default the
    last change; one revision is compared with the latest version. See resolve_revision."""
    versions = repo.versions(doc_type)
    name = f"{company}/{doc_type}"
    if not revs:
        if len(versions) < 2:
            raise UsageError(f"{name} has only {len(versions)} version(s): "
                             "nothing to compare yet")
        return versions[1].commit, versions[0].commit
    old = resolve_revision(versions, revs[0], name)
    new = resolve_revision(versions, revs[1], name) if len(revs) > 1 else versions[0].commit
    return old, new


_HEAD = re.compile(r"\AHEAD(?:~(\d+)|(\^+))?\Z")
_DAY = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")
_MINUTE = re.compile(r"\A(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})\Z")


def resolve_revision(versions: list[Version], rev: str, name: str) -> str:
    """One version of a document (newest first in ``versions``) named the ways `tracker log`
    shows them: a date (``2021-06-01``) or a date and time (``2021-06-01 14:05``, needed
    when several versions share the day), a commit prefix (at least 4 hex digits), or
    ``HEAD`` / ``HEAD~N`` / ``HEAD^`` (the latest version / N versions before it: versions of
    this document, not git's commit parents). Anything else is a usage error."""
    rev = rev.strip()
    head = _HEAD.match(rev)
    if head:
        back = int(head.group(1) or 0) + len(head.group(2) or "")
        if back >= len(versions):
            raise UsageError(f"{rev}: {name} has only {len(versions)} version(s), so HEAD~"
                             f"{len(versions) - 1} is the oldest")
        return versions[back].commit
    if _DAY.match(rev) or _MINUTE.match(rev):
        return _by_date(versions, rev, name)
    if re.fullmatch(r"[0-9a-fA-F]{4,40}", rev):
        found = [v for v in versions if v.commit.startswith(rev.lower())]
        if len(found) == 1:
            return found[0].commit
        if len(found) > 1:
            raise UsageError(f"commit prefix {rev!r} is ambiguous in {name}: "
                             + ", ".join(v.commit[:10] for v in found))
        raise UsageError(f"no version of {name} has a commit starting with {rev!r} "
                         "(see `tracker log`)")
    raise UsageError(f"bad revision {rev!r} for {name}: give a date as `tracker log` prints "
                     "it (2021-06-01 or \"2021-06-01 14:05\"), a commit prefix or HEAD~N")


def _by_date(versions: list[Version], rev: str, name: str) -> str:
    minute = _MINUTE.match(rev)
    wanted = f"{minute.group(1)} {minute.group(2)}" if minute else rev
    shape = "%Y-%m-%d %H:%M" if minute else "%Y-%m-%d"
    found = [v for v in versions if f"{v.date:{shape}}" == wanted]
    if len(found) == 1:
        return found[0].commit
    if not found:
        days = ", ".join(f"{v.date:%Y-%m-%d}" for v in versions[:10])
        more = ", ..." if len(versions) > 10 else ""
        raise UsageError(f"no version of {name} was captured on {wanted} "
                         f"(versions: {days}{more})")
    if minute:  # same minute: only a commit prefix tells them apart
        raise UsageError(f"{len(found)} versions of {name} were captured at {wanted}; "
                         "give a commit prefix: " + ", ".join(v.commit[:10] for v in found))
    raise UsageError(f"{len(found)} versions of {name} were captured on {wanted}; give the "
                     "date and time: " + ", ".join(f'"{v.date:%Y-%m-%d %H:%M}"' for v in found))
