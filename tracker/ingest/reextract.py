"""Re-run extraction over the stored raw snapshot after extraction rules or code changed.

Only the latest version is re-extracted: older versions are the history as it was captured
and published (feeds, change reports and their identities hang on those texts), so rewriting
them would silently change what subscribers were told. Fixing the current text is enough for
the next comparison to be right, and the fix is committed as a *technical* change that the
feeds and change reports do not announce as a policy change.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from tracker.errors import ExtractionError
from tracker.models import Config, DocumentConfig, Extracted, RecordMeta
from tracker.storage.repo import CompanyRepo
from tracker.workspace import Workspace

log = logging.getLogger(__name__)

_CONTENT_TYPE = {"html": "text/html", "pdf": "application/pdf", "txt": "text/plain",
                 "md": "text/markdown"}


def reextract_snapshot(raw: bytes, ext: str, doc: DocumentConfig, url: str) -> Extracted:
    """Extracted text of a stored raw snapshot, by the same rules as a fresh capture."""
    import tracker.extract as ex

    if ext == "md":  # imported Markdown is already the text: only normalise it again
        text = ex.normalize_text(ex.decode(raw))
        if not text:
            raise ExtractionError(f"no text in the stored snapshot of {url}")
        return Extracted(text=text, raw=raw, raw_ext="md")
    extracted = ex.extract(raw, _CONTENT_TYPE[ext], url, doc)
    return Extracted(text=extracted.text, raw=raw, raw_ext=ext)


def reextract(repo: CompanyRepo, company_name: str, doc: DocumentConfig, *,
              now: datetime | None = None) -> str | None:
    """Commit the re-extracted text of the latest version as a technical change.

    Returns the new commit sha, or None when there is nothing stored, no raw snapshot, or
    the text comes out identical. Raises ExtractionError when the stored snapshot no longer
    yields trustworthy text (the stored text then stays as it is).
    """
    versions = repo.versions(doc.type)
    if not versions:
        log.info("%s/%s: nothing stored, nothing to re-extract", repo.slug, doc.type)
        return None
    latest = versions[0]
    stored = repo.raw_at(latest.commit, doc.type)
    if stored is None:
        log.warning("%s/%s: no raw snapshot stored with %s", repo.slug, doc.type,
                    latest.commit[:10])
        return None
    raw, ext = stored
    url = latest.trailers.get("Source-URL") or doc.url
    if latest.trailers.get("Fetcher") == "wayback":
        url = doc.url  # links in an id_ snapshot are the original site's
    extracted = reextract_snapshot(raw, ext, doc, url)
    status = latest.trailers.get("HTTP-Status", "")
    meta = RecordMeta(source_url=latest.trailers.get("Source-URL", doc.url),
                      status=int(status) if status.isdigit() else None,
                      content_type=latest.trailers.get("Content-Type", _CONTENT_TYPE[ext]),
                      fetcher="reextract", technical=True)
    commit = repo.record(doc.type, extracted, meta, now or datetime.now(timezone.utc),
                         doc.display_title, company_name=company_name)
    if commit:
        log.info("%s/%s: re-extracted text committed as %s", repo.slug, doc.type, commit[:10])
    return commit


@dataclass(frozen=True)
class ReextractOutcome:
    """What `reextract` did for one document: ``commit`` is the technical commit made, or
    None when the text came out identical (or nothing was stored); ``reason`` says why not."""

    company: str
    doc_type: str
    commit: str | None
    reason: str = ""
    failed: bool = False      # the stored snapshot no longer gives trustworthy text


def reextract_companies(workspace: Workspace, config: Config,
                        companies: Sequence[str] = ()) -> list[ReextractOutcome]:
    """Re-extract the latest version of every document of the named companies (all when
    none are named), holding the workspace lock. Companies with no repository are skipped."""
    from tracker.tracking.run import select_companies

    outcomes: list[ReextractOutcome] = []
    with workspace.lock():
        for company in select_companies(config, companies):
            path = workspace.repo_path(company.slug)
            if not (path / ".git").exists():
                outcomes.extend(ReextractOutcome(company.slug, doc.type, None,
                                                 "nothing recorded yet")
                                for doc in company.documents)
                continue
            repo = CompanyRepo.open(path)
            try:
                outcomes.extend(_one(repo, company.slug, company.name, doc)
                                for doc in company.documents)
            finally:
                repo.close()
    return outcomes


def _one(repo: CompanyRepo, slug: str, name: str, doc: DocumentConfig) -> ReextractOutcome:
    """Re-extract one document; say why nothing was committed when nothing was."""
    try:
        commit = reextract(repo, name, doc)
    except ExtractionError as exc:  # one document never stops the others
        return ReextractOutcome(slug, doc.type, None, f"extraction failed ({exc}); the "
                                "stored text stays as it is", failed=True)
    if commit:
        return ReextractOutcome(slug, doc.type, commit)
    versions = repo.versions(doc.type)
    if not versions:
        return ReextractOutcome(slug, doc.type, None, "nothing recorded yet")
    if repo.raw_at(versions[0].commit, doc.type) is None:
        return ReextractOutcome(slug, doc.type, None, "no raw snapshot stored with the latest "
                                f"version ({versions[0].commit[:10]})")
    return ReextractOutcome(slug, doc.type, None)
