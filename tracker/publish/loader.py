"""Load and detect phases: repositories, change summaries and fetch state -> the site model.

`load_site` reads what is cheap (each repository's version listing, cached per HEAD; word
counts and summaries from the `SummaryCache`; the state file) and lists the changes whose
summary is missing. `detect_changes` computes those on all cores (`detect.py`) and then
assembles the frozen view model (`model.py`). The open repositories stay with the returned
`LoadedSite` so rendering can read full texts and reports on demand through `Sources`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker import names
from tracker.names import is_safe_slug
from tracker.errors import StorageError, TrackerError, redact_credentials
from tracker.models import Config, Version, document_type_title
from tracker.publish.detect import PairJob, PairResult, compute_summaries
from tracker.publish.model import (
    TOPICS,
    VERDICTS,
    ChangeItem,
    CompanyModel,
    DocStatus,
    DocumentModel,
    SiteModel,
    StatusEventItem,
    VersionItem,
)
from tracker.publish.sanitize import sanitize_html
from tracker.publish.summaries import (
    SHORT_REDLINE_CHANGES,
    Summary,
    SummaryCache,
    change_guid,
    error_summary,
    event_guid,
    summarize,
    utc,
)
from tracker.runstats import RunStats
from tracker.state import StateStore
from tracker.workspace import Workspace

if TYPE_CHECKING:
    from tracker.changes import ChangeReport
    from tracker.storage.repo import CompanyRepo

log = logging.getLogger(__name__)

TEXT_CACHE_SIZE = 128
Progress = Callable[[str, int, int], None]
ReportFn = Callable[[str, str], "ChangeReport"]
RedlineFn = Callable[..., str]
RawFn = Callable[[str, str, str], "tuple[bytes, str] | None"]



def chronological(versions: list[Version]) -> list[Version]:
    """A document's versions oldest first by capture time. ``versions`` come newest first
    from git, so captures of the same second keep the order of record (a stable sort of the
    reversed list); the site and the notifications name change pages from this order."""
    return sorted(reversed(versions), key=lambda v: utc(v.date))

class Sources:
    """Lazy access to the expensive inputs: full texts and full change reports."""

    def __init__(self, text_at: Callable[[str, str, str], str], report: ReportFn,
                 redline: RedlineFn, raw_at: RawFn | None = None) -> None:
        self._text_at, self._report, self._redline = text_at, report, redline
        self._raw_at = raw_at

    def text(self, version: VersionItem) -> str:
        return self._text_at(version.company, version.doc_type, version.commit)

    def raw(self, version: VersionItem) -> tuple[bytes, str] | None:
        """The raw capture stored beside the version's text, with its extension."""
        if self._raw_at is None:
            return None
        return self._raw_at(version.company, version.doc_type, version.commit)

    def pair(self, change: ChangeItem) -> tuple[str, str]:
        """The old and the new text of a change."""
        return (self._text_at(change.company, change.doc_type, change.old_commit),
                self._text_at(change.company, change.doc_type, change.new_commit))

    def report(self, change: ChangeItem) -> ChangeReport:
        return self._report(*self.pair(change))

    def redline(self, report: ChangeReport, max_changes: int | None = None) -> str:
        return self._redline(report, max_changes=max_changes)


def _pairs(mapping: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in mapping.items())


def _page_name(date: datetime, text_hash: str, taken: set[str]) -> str:
    base = f"{utc(date):%Y-%m-%d}-{text_hash[:8]}"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def _publishable_type(doc_type: str) -> bool:
    return is_safe_slug(doc_type) and not doc_type.endswith(".html")


@dataclass
class LoadedSite:
    """What the load phase read; holds the open repositories for `Sources`."""

    workspace: Workspace
    config: Config
    cache: SummaryCache
    report_fn: ReportFn
    redline_fn: RedlineFn
    stats: RunStats
    slugs: list[str] = field(default_factory=list)
    state: StateStore | None = None
    missing: list[PairJob] = field(default_factory=list)  # summaries the detector must make
    repos: dict[str, CompanyRepo | None] = field(default_factory=dict)
    _texts: dict[tuple[str, str, str], str] = field(default_factory=dict)  # LRU by order
    texts_read: int = 0
    reports_computed: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # summary key -> detector error
    errors: list[str] = field(default_factory=list)  # companies left out, for the exit code

    @property
    def sources(self) -> Sources:
        return Sources(self.text_at, self.report_fn, self.redline_fn, self.raw_at)

    def raw_at(self, company: str, doc_type: str, commit: str) -> tuple[bytes, str] | None:
        """A version's raw capture as stored in git (not cached: each is read once)."""
        repo = self.repos[company]
        assert repo is not None, "captures are only read from opened repositories"
        return repo.raw_at(commit, doc_type)

    def text_at(self, company: str, doc_type: str, commit: str) -> str:
        """A version's text; recently read ones are kept, as neighbouring pages share them."""
        key = (company, doc_type, commit)
        text = self._texts.pop(key, None)
        if text is None:
            self.texts_read += 1
            repo = self.repos[company]
            assert repo is not None, "texts are only read from opened repositories"
            text = repo.text_at(commit, doc_type)
        self._texts[key] = text
        if len(self._texts) > TEXT_CACHE_SIZE:
            del self._texts[next(iter(self._texts))]
        return text

    def close(self) -> None:
        """Stop the git helper processes of every opened repository."""
        for repo in self.repos.values():
            if repo is not None:
                repo.close()
        self.repos.clear()

    # -- load ---------------------------------------------------------------------------
    def read(self) -> None:
        self.state = _load_state(self.workspace, self.config, self.errors)
        slugs = [c.slug for c in self.config.companies]
        slugs += [s for s in _repos_on_disk(self.workspace) if s not in slugs]
        for slug in [s for s in slugs if not is_safe_slug(s)]:
            log.warning("skipping company with unsafe name %r", slug)
        self.slugs = [s for s in slugs if is_safe_slug(s)]
        self.missing = self._missing_pairs(self.slugs)

    def _missing_pairs(self, slugs: list[str]) -> list[PairJob]:
        """Every change whose summary is not cached yet, for the detector pool.

        Reads each version's text at most once (for its hash and word count) and lets it go:
        the pool's workers read the pairs from git again themselves."""
        jobs: dict[str, PairJob] = {}
        for slug in slugs:
            try:
                repo = self._open(slug)
                if repo is None:
                    continue
                history = History(repo, self.cache, slug)
                for doc_type in filter(_publishable_type, history.doc_types()):
                    self._missing_in(slug, repo, doc_type, history.versions(doc_type), jobs)
            except StorageError:
                continue  # reported when the company's model is built
        return list(jobs.values())

    def _missing_in(self, slug: str, repo: CompanyRepo, doc_type: str,
                    versions: list[Version], jobs: dict[str, PairJob]) -> None:
        previous: tuple[Version, str] | None = None
        for v in chronological(versions):
            text_hash, _ = self._words(slug, doc_type, v)
            if previous is not None and not v.technical:
                key = f"{previous[1]}:{text_hash}"
                if key not in self.cache.summaries and key not in jobs:
                    jobs[key] = PairJob(
                        key, str(repo.path), doc_type, previous[0].commit,
                        v.commit, f"{slug}/{doc_type}/{utc(v.date):%Y-%m-%d}")
            previous = (v, text_hash)

    def _open(self, slug: str) -> CompanyRepo | None:
        if slug in self.repos:
            return self.repos[slug]
        path = self.workspace.repo_path(slug)
        if not (path / ".git").exists():
            return None
        from tracker.storage.repo import (
            CompanyRepo,  # late import: storage pulls in gitpython
        )
        try:
            repo = CompanyRepo.open(path)
        except StorageError as exc:
            log.error("cannot publish %s: %s", slug, exc)
            self.errors.append(f"cannot publish {slug}: {exc}")
            self.repos[slug] = None   # reported once, not again by the next pass
            return None
        self.repos[slug] = repo
        return repo

    def _words(self, company: str, doc_type: str, v: Version) -> tuple[str, int]:
        text_hash = v.text_hash
        if not (text_hash and text_hash in self.cache.words):
            text = self.text_at(company, doc_type, v.commit)
            text_hash = text_hash or names.text_hash(text)
            self.cache.words[text_hash] = len(text.split())
            self.cache.dirty = True
        self.cache.used_words.add(text_hash)
        return text_hash, self.cache.words[text_hash]

    # -- detect -------------------------------------------------------------------------
    def store(self, result: PairResult, label: str) -> None:
        """Keep one finished summary in the cache, or remember why it failed."""
        if result.summary is None:
            self.failed[result.key] = result.error or "unknown error"
            self.errors.append(f"change report failed for {label}: {self.failed[result.key]}")
        else:
            self.cache.summaries[result.key] = result.summary
            self.cache.dirty = True
            self.reports_computed += int(result.computed)

    # -- the model ----------------------------------------------------------------------
    def model(self) -> SiteModel:
        companies = []
        for slug in self.slugs:
            try:
                companies.append(self._company(slug))
            except StorageError as exc:  # e.g. a lost object: publish the other companies
                log.error("cannot publish %s: %s", slug, exc)
                self.errors.append(f"cannot publish {slug}: {exc}")
        companies.sort(key=lambda c: (c.name.casefold(), c.slug))
        return SiteModel(site=self.config.site, companies=tuple(companies),
                         events=self._events(companies))

    def _events(self, companies: list[CompanyModel]) -> tuple[StatusEventItem, ...]:
        names = {c.slug: (c.name, {d.doc_type: d.title for d in c.documents})
                 for c in companies}
        events = []
        seen: set[str] = set()
        for ev in self.state.events if self.state is not None else []:
            guid = event_guid(ev.kind, ev.company, ev.doc_type, ev.date)
            if guid in seen:
                continue
            seen.add(guid)
            cname, titles = names.get(ev.company, (ev.company, {}))
            events.append(StatusEventItem(
                kind=ev.kind, company=ev.company, company_name=cname, doc_type=ev.doc_type,
                doc_title=titles.get(ev.doc_type, document_type_title(ev.doc_type)),
                date=utc(ev.date), message=ev.message or "", guid=guid))
        events.sort(key=lambda e: (e.date, e.guid), reverse=True)
        return tuple(events)

    def _company(self, slug: str) -> CompanyModel:
        cfg = self.config.company(slug)
        repo = self._open(slug)
        name = cfg.name if cfg else _derived_name(slug, repo)
        doc_types = list(d.type for d in cfg.documents) if cfg else []
        history = History(repo, self.cache, slug) if repo is not None else None
        if history is not None:
            doc_types += [d for d in history.doc_types() if d not in doc_types]
        docs = []
        for doc_type in doc_types:
            if not _publishable_type(doc_type):
                log.warning("skipping document with unsafe type %r of %s", doc_type, slug)
                continue
            dcfg = cfg.document(doc_type) if cfg else None
            title = dcfg.display_title if dcfg else document_type_title(doc_type)
            versions = history.versions(doc_type) if history is not None else []
            url = redact_credentials(dcfg.url) if dcfg else ""  # tracker.toml keeps them
            docs.append(self._document(slug, name, doc_type, title, url,
                                       versions, _doc_status(self.state, slug, doc_type)))
        return CompanyModel(slug=slug, name=name,
                            homepage=redact_credentials(cfg.homepage) if cfg else "",
                            tracked=cfg is not None, documents=tuple(docs),
                            path=f"companies/{slug}/index.html")

    def _summary(self, company: str, doc_type: str, old: Version, old_hash: str,
                 new: Version, new_hash: str) -> Summary:
        key = f"{old_hash}:{new_hash}"
        if key in self.failed:
            return error_summary(self.failed[key])
        self.cache.used_summaries.add(key)
        if key not in self.cache.summaries:
            report = self.report_fn(self.text_at(company, doc_type, old.commit),
                                    self.text_at(company, doc_type, new.commit))
            self.reports_computed += 1
            short = sanitize_html(self.redline_fn(report, max_changes=SHORT_REDLINE_CHANGES))
            self.cache.summaries[key] = summarize(report, short)
            self.cache.dirty = True
        return self.cache.summaries[key]

    def _document(self, company: str, company_name: str, doc_type: str, title: str, url: str,
                  versions: list[Version], status: DocStatus | None) -> DocumentModel:
        chrono = chronological(versions)
        base = f"companies/{company}/{doc_type}"
        taken_v: set[str] = set()
        rows = []
        for v in chrono:
            text_hash, words = self._words(company, doc_type, v)
            vpath = f"{base}/versions/{_page_name(v.date, text_hash, taken_v)}.html"
            rows.append(_Row(v, text_hash, words, vpath))
        changes = self._changes(company, company_name, doc_type, title, rows)
        by_version = {c.new_version_path: c.path for c in changes}
        vitems = []
        for i, row in enumerate(rows):
            vitems.append(VersionItem(
                company=company, doc_type=doc_type, date=utc(row.version.date),
                text_hash=row.text_hash, commit=row.version.commit,
                source_url=redact_credentials(row.version.trailers.get("Source-URL", "")),
                technical=row.version.technical, first=i == 0, words=row.words,
                path=row.path, change_path=by_version.get(row.path),
                prev_path=rows[i - 1].path if i else None,
                next_path=rows[i + 1].path if i + 1 < len(rows) else None))
        return DocumentModel(company=company, doc_type=doc_type, title=title, url=url,
                             versions=tuple(reversed(vitems)),
                             changes=tuple(reversed(changes)), status=status)

    def _changes(self, company: str, company_name: str, doc_type: str, title: str,
                 rows: list[_Row]) -> list[ChangeItem]:
        """The document's changes, oldest first, linked to their neighbours."""
        base = f"companies/{company}/{doc_type}"
        taken_c: set[str] = set()
        changes: list[dict[str, Any]] = []
        for i, row in enumerate(rows):
            v = row.version
            if i == 0 or v.technical:
                continue
            old = rows[i - 1]
            s = self._summary(company, doc_type, old.version, old.text_hash, v, row.text_hash)
            changes.append(dict(
                company=company, company_name=company_name, doc_type=doc_type,
                doc_title=title, date=utc(v.date), text_hash=row.text_hash,
                old_hash=old.text_hash, old_commit=old.version.commit, new_commit=v.commit,
                guid=change_guid(company, doc_type, row.text_hash, v.date),
                path=f"{base}/changes/{_page_name(v.date, row.text_hash, taken_c)}.html",
                old_version_path=old.path, new_version_path=row.path,
                verdict=s["verdict"] if s["verdict"] in VERDICTS else "minor",
                headline=s["headline"], bullets=tuple(s["bullets"]),
                topics=tuple((t, n) for t, n in s["topics"] if t in TOPICS),
                entities_added=_pairs(s["entities_added"]),
                entities_removed=_pairs(s["entities_removed"]),
                sections=_pairs(s["sections"]), stats=tuple(s["stats"].items()),
                similarity=s["similarity"], short_redline=s["short_redline"],
                error=s.get("error", "")))
        return [ChangeItem(**c, prev_path=changes[i - 1]["path"] if i else None,
                           next_path=changes[i + 1]["path"] if i + 1 < len(changes) else None)
                for i, c in enumerate(changes)]


@dataclass(frozen=True)
class _Row:
    """One version of a document with its hash, word count and page path."""

    version: Version
    text_hash: str
    words: int
    path: str


class History:
    """A repository's doc types and versions, reused from the cache while HEAD is unchanged.

    A commit sha names the whole history, so a cached listing for the same HEAD is exact;
    this spares a `git log` and a read of every version's blob on a no-change rebuild.
    """

    def __init__(self, repo: CompanyRepo, cache: SummaryCache, slug: str) -> None:
        self.repo, self.cache, self.slug = repo, cache, slug
        head = repo.head()
        entry = cache.histories.get(slug)
        if not entry or entry.get("head") != head:
            entry = {"head": head, "doc_types": None, "docs": {}}
            cache.histories[slug] = entry
            cache.dirty = True
        cache.used_histories.add(slug)
        self.entry = entry

    def doc_types(self) -> list[str]:
        if self.entry["doc_types"] is None:
            self.entry["doc_types"] = sorted(self.repo.doc_types())
            self.cache.dirty = True
        return list(self.entry["doc_types"])

    def versions(self, doc_type: str) -> list[Version]:
        docs = self.entry["docs"]
        if doc_type not in docs:
            docs[doc_type] = [_version_json(v) for v in self.repo.versions(doc_type)]
            self.cache.dirty = True
        return [Version(company=self.slug, doc_type=doc_type, commit=d["commit"],
                        date=datetime.fromisoformat(d["date"]), subject=d["subject"],
                        trailers=dict(d["trailers"]), technical=d["technical"],
                        text_hash=d["text_hash"]) for d in docs[doc_type]]


def _version_json(v: Version) -> dict[str, Any]:
    return {"commit": v.commit, "date": v.date.isoformat(), "subject": v.subject,
            "trailers": dict(v.trailers), "technical": v.technical, "text_hash": v.text_hash}


def _derived_name(slug: str, repo: CompanyRepo | None) -> str:
    """Display name of an imported company: the repository's stored name, else the slug."""
    stored = repo.company_name if repo is not None else ""
    if stored and stored != slug:
        return stored
    return slug.replace("-", " ").replace("_", " ").title()


def _repos_on_disk(workspace: Workspace) -> list[str]:
    snapshots = Path(workspace.snapshots_dir)
    if not snapshots.is_dir():
        return []
    return sorted(p.name for p in snapshots.iterdir() if (p / ".git").exists())


def _load_state(workspace: Workspace, config: Config, errors: list[str]) -> StateStore | None:
    """The fetch state, or None when there is none yet (a fresh or imported workspace).

    An unreadable state file is reported (the build exits 1) but never stops publishing: only
    the status pages lose their details."""
    path = Path(workspace.state_path)
    if not path.exists():
        return None
    try:
        return StateStore(path, failure_threshold=config.site.failure_threshold).load()
    except TrackerError as exc:
        log.error("publishing without fetch status: %s", exc)
        errors.append(f"published without fetch status: {exc}")
        return None


def _doc_status(state: StateStore | None, company: str, doc_type: str) -> DocStatus | None:
    if state is None:
        return None
    doc = state.docs.get((company, doc_type))
    if doc is None:
        return None
    return DocStatus(last_attempt=doc.last_attempt, last_success=doc.last_success,
                     last_change=doc.last_change, consecutive_failures=doc.consecutive_failures,
                     first_failure=doc.first_failure, last_error=doc.last_error)


def load_site(workspace: Workspace, config: Config, *,
              stats: RunStats | None = None) -> LoadedSite:
    """Load phase: read repositories, cached summaries and state, and list the changes whose
    summary the detector still has to make (`LoadedSite.missing`). Close the result."""
    from tracker.changes import (  # late: the detector is heavy
        DETECTOR_VERSION,
        redline_html,
    )
    from tracker.changes.cache import ReportCache

    stats = stats or RunStats.null()
    cache_root = Path(workspace.cache_dir)
    cache = SummaryCache(cache_root / "publish" / "summaries.json", DETECTOR_VERSION)
    site = LoadedSite(workspace=workspace, config=config, cache=cache,
                      report_fn=ReportCache(cache_root / "reports").get,
                      redline_fn=redline_html, stats=stats)
    try:
        with stats.phase("load"):
            site.read()
    except BaseException:
        site.close()
        raise
    return site


def detect_changes(site: LoadedSite, *, workers: int | None = None,
                   progress: Progress | None = None) -> SiteModel:
    """Detect phase: compute the missing summaries on `workers` processes (None: all cores),
    caching each as it finishes, then assemble the site model from them."""
    with site.stats.phase("detect"):
        labels = {job.key: job.label for job in site.missing}
        done = 0

        def store(result: PairResult) -> None:
            nonlocal done
            done += 1
            site.store(result, labels[result.key])
            if progress is not None:
                progress("Detecting changes", done, len(labels))

        if site.missing:
            compute_summaries(site.missing, Path(site.workspace.cache_dir) / "reports",
                              workers, on_result=store)
    with site.stats.phase("load"):
        model = site.model()
        site.cache.save()
        site.cache.release()
    return model
