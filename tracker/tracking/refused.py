"""Captures `track` refused (text that shrank past ``max_shrink``), kept so the operator can
record one deliberately with `tracker accept` when the page really did shrink.

One refused capture per document, the newest: ``.tracker/refused/<company>/<type>.json``
(text, capture facts, reason) beside ``<type>.raw`` (the snapshot as fetched). A capture
that passes the check later removes it, so an old refusal can never be accepted by mistake.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from tracker.errors import UsageError
from tracker.fsutil import atomic_write_bytes, atomic_write_text
from tracker.models import Config, Extracted, RecordMeta
from tracker.workspace import Workspace

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True)
class Refused:
    extracted: Extracted
    meta: RecordMeta
    captured_at: datetime
    reason: str


@dataclass(frozen=True)
class Accepted:
    company: str
    doc_type: str
    commit: str | None       # None: the refused text is already the recorded one
    reason: str
    verdict: str | None = None
    headline: str | None = None


class RefusedStore:
    """The workspace's refused captures."""

    def __init__(self, workspace: Workspace) -> None:
        self.root = workspace.state_dir / "refused"

    def _paths(self, company: str, doc_type: str) -> tuple[Path, Path]:
        folder = self.root / company
        return folder / f"{doc_type}.json", folder / f"{doc_type}.raw"

    def save(self, company: str, doc_type: str, extracted: Extracted, meta: RecordMeta,
             when: datetime, reason: str) -> None:
        info, raw = self._paths(company, doc_type)
        atomic_write_bytes(raw, extracted.raw)
        atomic_write_text(info, json.dumps({
            "text": extracted.text, "raw_ext": extracted.raw_ext,
            "source_url": meta.source_url, "status": meta.status,
            "content_type": meta.content_type, "fetcher": meta.fetcher,
            "captured_at": when.isoformat(), "reason": reason}, indent=1) + "\n")

    def discard(self, company: str, doc_type: str) -> None:
        for path in self._paths(company, doc_type):
            if path.exists():
                path.unlink()

    def load(self, company: str, doc_type: str) -> Refused | None:
        info, raw = self._paths(company, doc_type)
        if not info.exists() or not raw.exists():
            return None
        data = json.loads(info.read_text(encoding="utf-8"))
        extracted = Extracted(text=data["text"], raw=raw.read_bytes(), raw_ext=data["raw_ext"])
        meta = RecordMeta(source_url=data["source_url"], status=data["status"],
                          content_type=data["content_type"], fetcher=data["fetcher"])
        return Refused(extracted, meta, datetime.fromisoformat(data["captured_at"]),
                       data["reason"])


def accept_refused(workspace: Workspace, config: Config, company: str,
                   doc_type: str | None = None) -> Accepted:
    """Record the document's refused capture as a new version, the refusal's reason in the
    commit (a ``Note:`` trailer); its fetch health becomes ok. The caller holds the lock."""
    from dataclasses import replace

    from tracker.state import StateStore
    from tracker.storage.repo import CompanyRepo
    from tracker.tracking.run import select_companies

    conf = select_companies(config, [company])[0]
    store = RefusedStore(workspace)
    waiting = [d.type for d in conf.documents if store.load(company, d.type) is not None]
    if doc_type is None:
        if len(waiting) != 1:
            raise UsageError(f"{company} has {'no' if not waiting else len(waiting)} refused "
                             f"captures{': ' + ', '.join(waiting) if waiting else ''}"
                             + ("; name one with --type" if waiting else ""))
        doc_type = waiting[0]
    doc = next((d for d in conf.documents if d.type == doc_type), None)
    if doc is None:
        types = ", ".join(d.type for d in conf.documents)
        raise UsageError(f"{company} has no {doc_type!r} document (configured: {types})")
    refused = store.load(company, doc_type)
    if refused is None:
        raise UsageError(f"nothing to accept for {company}/{doc_type}: `tracker track` has "
                         "not refused a capture of it since its last recorded version")
    reason = f"accepted by the operator after track refused it: {refused.reason}"
    repo = CompanyRepo.open(workspace.repo_path(company), create=True)
    try:
        commit = repo.record(doc_type, refused.extracted, replace(refused.meta, note=reason),
                             refused.captured_at, doc.display_title, company_name=conf.name)
    finally:
        repo.close()
    state = StateStore(workspace.state_path,
                       failure_threshold=config.site.failure_threshold).load()
    state.record_success(company, doc_type, refused.captured_at, changed=commit is not None)
    state.save()
    store.discard(company, doc_type)
    return _explained(workspace, Accepted(company, doc_type, commit, refused.reason))


def _explained(workspace: Workspace, accepted: Accepted) -> Accepted:
    """The accepted version's verdict and headline, computed like a `track` run's."""
    from dataclasses import replace

    from tracker.tracking.reports import explain_recorded
    from tracker.tracking.run import CHANGED, DocOutcome, RunReport

    if accepted.commit is None:
        return accepted
    report = RunReport([DocOutcome(accepted.company, accepted.doc_type, "", "", CHANGED,
                                   commit=accepted.commit)])
    explain_recorded(workspace, report)
    outcome = report.outcomes[0]
    return replace(accepted, verdict=outcome.verdict, headline=outcome.headline)
