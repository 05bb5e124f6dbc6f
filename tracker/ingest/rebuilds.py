"""Whether an import rewrote a document's history (older versions went below recorded ones,
so commit ids after the insertion point changed): the note `import` and `backfill` print."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import StorageError


@dataclass(frozen=True)
class Rebuild:
    company: str
    doc_type: str
    existing: int      # versions before the import
    kept: int          # of those, still versions (same date and text) afterwards

    def note(self) -> str:
        note = (f"rebuilt history of {self.company}/{self.doc_type} in date order, "
                f"{self.kept} existing versions kept (commit ids after the first inserted "
                "version changed)")
        if self.kept < self.existing:
            note += (f"; {self.existing - self.kept} repeated an older imported text and are "
                     "kept as repeats of it")
        return note


Before = dict[tuple[str, str], list[tuple[str, object, str]]]


def _versions(snapshots: Path, company: str, doc_type: str) -> list[tuple[str, object, str]]:
    from tracker.storage.repo import CompanyRepo

    path = snapshots / company
    if not (path / ".git").exists():
        return []
    try:
        repo = CompanyRepo.open(path)
    except StorageError:
        return []
    try:
        return [(v.commit, v.date, v.text_hash) for v in repo.versions(doc_type)]
    except StorageError:
        return []
    finally:
        repo.close()


def histories(snapshots: Path, documents: Iterable[tuple[str, str]]) -> Before:
    """The recorded versions (commit, date, text hash) of the documents an import is about
    to touch; documents with no repository yet cost nothing."""
    return {key: _versions(snapshots, *key) for key in documents}


def rebuilds(snapshots: Path, before: Before) -> list[Rebuild]:
    """The documents whose recorded commits are no longer all on the history."""
    out = []
    for (company, doc_type), old in sorted(before.items()):
        if not old:
            continue
        new = _versions(snapshots, company, doc_type)
        if {c for c, _, _ in old} - {c for c, _, _ in new}:
            after = {(d, h) for _, d, h in new}
            out.append(Rebuild(company, doc_type, len(old),
                               sum((d, h) in after for _, d, h in old)))
    return out
