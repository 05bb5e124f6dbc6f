"""Find the changes recorded since the last notification pass, without trusting the run that
recorded them to have survived.

Each pass remembers, per company, the repository head it last looked at and, per document,
the capture date of the newest version it considered. A company whose head moved (a track
run, an import, a run killed after its commit but before notifying) is looked at again, and
only its versions newer than the mark are read; everything else costs one small file read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tracker.models import Config, Version, document_type_title
from tracker.notify.facts import ChangeFacts, change_facts, change_paths
from tracker.notify.outbox import Outbox
from tracker.workspace import Workspace

_SHA = re.compile(r"[0-9a-f]{40}")


@dataclass
class ScanResult:
    """Changes found, and the marks to store once they are queued."""

    changes: list[ChangeFacts] = field(default_factory=list)
    heads: dict[str, str] = field(default_factory=dict)
    scanned: dict[tuple[str, str], tuple[datetime, str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def save_marks(self, outbox: Outbox) -> None:
        for (company, doc_type), (until, newest) in self.scanned.items():
            outbox.set_scanned(company, doc_type, until, newest)
        for company, head in self.heads.items():
            outbox.set_head(company, head)


def read_head(repo_path: Path) -> str | None:
    """The commit the repository's branch points at, from its files (no git process)."""
    git_dir = repo_path / ".git"
    try:
        ref = (git_dir / "HEAD").read_text("utf-8").strip()
    except OSError:
        return None
    if not ref.startswith("ref: "):
        return ref if _SHA.fullmatch(ref) else None
    name = ref[5:]
    try:
        sha = (git_dir / name).read_text("ascii").strip()
        return sha if _SHA.fullmatch(sha) else None
    except OSError:
        pass
    try:
        for line in (git_dir / "packed-refs").read_text("utf-8", "replace").splitlines():
            sha, _, ref_name = line.partition(" ")
            if ref_name == name and _SHA.fullmatch(sha):
                return sha
    except OSError:
        pass
    return None


def scan(workspace: Workspace, config: Config, outbox: Outbox, companies: list[str],
         earliest: datetime) -> ScanResult:
    """Changes of the given companies not considered by an earlier pass; none captured before
    ``earliest`` (the oldest subscription's creation). One unreadable repository is an error
    of its own and never stops the others."""
    from tracker.errors import TrackerError

    result = ScanResult()
    known = outbox.heads()
    for slug in companies:
        head = read_head(workspace.repo_path(slug))
        if head is None or head == known.get(slug):
            continue
        try:
            _scan_company(workspace, config, outbox, slug, earliest, result)
        except TrackerError as exc:
            result.errors.append(f"{slug}: {exc}")
            continue
        result.heads[slug] = head
    return result


def _scan_company(workspace: Workspace, config: Config, outbox: Outbox, slug: str,
                  earliest: datetime, result: ScanResult) -> None:
    from tracker.changes.cache import ReportCache
    from tracker.storage.history import company_repo

    repo = company_repo(workspace, slug)
    if repo is None:
        return
    cache = ReportCache(workspace.reports_cache_dir)
    conf = config.company(slug)
    try:
        name = conf.name if conf else repo.company_name
        for doc_type in repo.doc_types():
            versions = repo.versions(doc_type)
            if not versions:
                continue
            seen = _seen(outbox.scanned(slug, doc_type), versions, earliest)
            doc = conf.document(doc_type) if conf else None
            title = doc.display_title if doc else document_type_title(doc_type)
            paths: dict[str, str] | None = None
            for i, version in enumerate(versions[:-1]):
                if seen(version):
                    break
                if version.technical:
                    continue
                previous = versions[i + 1]
                report = cache.get(repo.text_at(previous.commit, doc_type),
                                   repo.text_at(version.commit, doc_type))
                paths = paths or change_paths(versions)
                path = paths.get(version.commit, f"companies/{slug}/index.html")
                result.changes.append(change_facts(
                    version, report, company_name=name, doc_title=title, path=path,
                    base_url=config.site.base_url))
            result.scanned[(slug, doc_type)] = (versions[0].date, versions[0].commit)
    finally:
        repo.close()


def _seen(mark: tuple[datetime, str] | None, versions: list[Version], earliest: datetime
          ) -> Callable[[Version], bool]:
    """Whether a version (walking newest first) was considered by an earlier pass: it is the
    marked commit or older; when a history rewrite (backfill) replaced that commit, every
    version captured no later than it; without a mark, those before ``earliest``."""
    if mark is None:
        return lambda v: v.date < earliest
    until, newest = mark
    if any(v.commit == newest for v in versions):
        reached = [False]

        def at_or_below(v: Version) -> bool:
            reached[0] = reached[0] or v.commit == newest
            return reached[0]
        return at_or_below
    return lambda v: v.date <= until
