"""One row per document: what `tracker list` and `tracker status` print. Configured documents
come first; documents of repositories found on disk but not in tracker.toml (imported or
backfilled, or removed from the config) follow, so what the site and `log` show is listed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tracker.errors import StorageError
from tracker.models import Config
from tracker.state import StateStore
from tracker.workspace import Workspace


@dataclass(frozen=True)
class DocumentRow:
    name: str
    versions: int
    last_capture: datetime | None
    last_change: datetime | None
    status: str
    failures: int = 0
    first_failure: datetime | None = None
    last_error: str | None = None

    def cells(self) -> tuple[str, ...]:
        def day(value: datetime | None) -> str:
            return value.strftime("%Y-%m-%d %H:%M") if value else "-"

        status = self.status
        if self.failures:
            status = f"failing x{self.failures}: {self.last_error}"
        return (self.name, str(self.versions), day(self.last_capture), day(self.last_change),
                status)


def document_rows(workspace: Workspace, config: Config) -> list[DocumentRow]:
    from tracker.storage.history import company_repo

    state = StateStore(workspace.state_path).load()
    rows: list[DocumentRow] = []
    for company in config.companies:
        repo_error: str | None
        try:
            repo = company_repo(workspace, company.slug)
        except StorageError as exc:
            repo, repo_error = None, str(exc)
        else:
            repo_error = None
        for doc in company.documents:
            doc_state = state.docs.get((company.slug, doc.type))
            try:
                versions = repo.versions(doc.type) if repo is not None else []
            except StorageError as exc:  # e.g. a lost object: list the others all the same
                versions, repo_error = [], str(exc)
            policy_versions = [v for v in versions if not v.technical]
            last_capture = max(filter(None, [doc_state.last_success if doc_state else None,
                                             versions[0].date if versions else None]),
                               default=None)
            status = repo_error or (doc_state.status if doc_state else
                                    ("imported" if versions else "never fetched"))
            rows.append(DocumentRow(
                name=f"{company.slug}/{doc.type}",
                versions=len(versions),
                last_capture=last_capture,
                last_change=policy_versions[0].date if policy_versions else None,
                status=status,
                failures=doc_state.consecutive_failures if doc_state else 0,
                first_failure=doc_state.first_failure if doc_state else None,
                last_error=doc_state.last_error if doc_state else None,
            ))
    return rows + unconfigured_rows(workspace, config)


UNCONFIGURED = "not in tracker.toml"


def unconfigured_rows(workspace: Workspace, config: Config) -> list[DocumentRow]:
    """Documents stored on disk that tracker.toml does not list (never fetched by `track`)."""
    from tracker.storage.history import company_repo

    configured = {(c.slug, d.type) for c in config.companies for d in c.documents}
    rows: list[DocumentRow] = []
    for slug in workspace.company_slugs_on_disk():
        try:
            repo = company_repo(workspace, slug)
            if repo is None:
                continue
            try:
                stored = [(t, repo.versions(t)) for t in repo.doc_types()
                          if (slug, t) not in configured]
            finally:
                repo.close()
        except StorageError as exc:
            if config.company(slug) is None:
                rows.append(DocumentRow(f"{slug}/?", 0, None, None, str(exc)))
            continue
        for doc_type, versions in stored:
            policy = [v for v in versions if not v.technical]
            rows.append(DocumentRow(
                name=f"{slug}/{doc_type}", versions=len(versions),
                last_capture=versions[0].date if versions else None,
                last_change=policy[0].date if policy else None, status=UNCONFIGURED))
    return rows
