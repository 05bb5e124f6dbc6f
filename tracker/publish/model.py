"""Load phase: repositories, change reports and fetch state -> a plain site model.

Rendering never touches git or the detector directly. Everything a page shows is copied into
small frozen dataclasses here, so a page's inputs can be fingerprinted (see `render.py`) and
unchanged pages are skipped without being rendered. The two expensive inputs -- a version's
full text and a change's full report -- are only fetched on demand through `Sources`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import Any

from tracker.config.loading import is_safe_slug
from tracker.errors import StorageError, TrackerError
from tracker.fsutil import atomic_write_text
from tracker.models import Config, SiteSettings, Version, document_type_title
from tracker.publish.sanitize import sanitize_html

log = logging.getLogger(__name__)

TOPICS: tuple[str, ...] = (
    "collection", "use", "sharing", "sale", "cookies-tracking", "retention", "rights",
    "security", "children", "international-transfer", "do-not-track", "legal-basis",
    "policy-changes", "contact", "ai", "other",
)
TOPIC_TITLES: dict[str, str] = {
    "collection": "Data collection", "use": "Use of data", "sharing": "Sharing with others",
    "sale": "Sale of data", "cookies-tracking": "Cookies and tracking",
    "retention": "Data retention", "rights": "Your rights", "security": "Security",
    "children": "Children", "international-transfer": "International transfers",
    "do-not-track": "Do Not Track", "legal-basis": "Legal basis",
    "policy-changes": "Changes to the policy", "contact": "Contact details", "ai": "AI and models",
    "other": "Other",
}
VERDICTS: tuple[str, ...] = ("cosmetic", "minor", "substantive", "major")
SHORT_REDLINE_CHANGES = 6
TEXT_CACHE_SIZE = 128
SUMMARY_FORMAT = 2  # bump when the summary's shape or meaning changes
_GUID_NAMESPACE = uuid.UUID("7d1c7f0e-5a63-4bde-9a8c-3b3f3c1f0a42")


def safe_name(value: str) -> bool:
    """The value becomes a path component of the site: the config's slug rule."""
    return is_safe_slug(value)


def utc(value: datetime) -> datetime:
    return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(
        timezone.utc)


def change_guid(company: str, doc_type: str, text_hash: str, date: datetime) -> str:
    """Stable feed id of a change: never a commit sha, so history rewrites keep GUIDs."""
    ident = f"change:{company}/{doc_type}/{text_hash}/{utc(date).isoformat()}"
    return f"urn:uuid:{uuid.uuid5(_GUID_NAMESPACE, ident)}"


def event_guid(kind: str, company: str, doc_type: str, date: datetime) -> str:
    ident = f"status:{kind}/{company}/{doc_type}/{utc(date).isoformat()}"
    return f"urn:uuid:{uuid.uuid5(_GUID_NAMESPACE, ident)}"


@dataclass(frozen=True)
class VersionItem:
    """One stored version as the site shows it."""

    company: str
    doc_type: str
    date: datetime
    text_hash: str
    commit: str
    source_url: str
    technical: bool
    first: bool
    words: int
    path: str                         # site-relative page path
    change_path: str | None = None    # the change this version introduced, if any
    prev_path: str | None = None      # older version page
    next_path: str | None = None      # newer version page


@dataclass(frozen=True)
class ChangeItem:
    """One change (a non-technical version with a predecessor) with its report summary."""

    company: str
    company_name: str
    doc_type: str
    doc_title: str
    date: datetime
    text_hash: str
    old_hash: str
    old_commit: str
    new_commit: str
    guid: str
    path: str
    old_version_path: str
    new_version_path: str
    verdict: str
    headline: str
    bullets: tuple[str, ...]
    topics: tuple[tuple[str, int], ...]
    entities_added: tuple[tuple[str, tuple[str, ...]], ...]
    entities_removed: tuple[tuple[str, tuple[str, ...]], ...]
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    stats: tuple[tuple[str, int], ...]
    similarity: float | None
    short_redline: str
    prev_path: str | None = None      # older change of the same document
    next_path: str | None = None      # newer change of the same document
    error: str = ""                   # the detector failed on this pair (no report)

    @cached_property
    def topic_names(self) -> tuple[str, ...]:  # asked for every change by every topic page
        return tuple(t for t, _ in self.topics)


@dataclass(frozen=True)
class DocStatus:
    """Fetch health of one document (from the state file)."""

    last_attempt: datetime | None = None
    last_success: datetime | None = None
    last_change: datetime | None = None
    consecutive_failures: int = 0
    first_failure: datetime | None = None
    last_error: str | None = None

    @property
    def label(self) -> str:
        if self.consecutive_failures:
            return "failing"
        return "ok" if self.last_success else "never fetched"


@dataclass(frozen=True)
class DocumentModel:
    company: str
    doc_type: str
    title: str
    url: str                          # configured URL ("" for imported documents)
    versions: tuple[VersionItem, ...]  # newest first
    changes: tuple[ChangeItem, ...]    # newest first
    status: DocStatus | None = None

    @property
    def last_change(self) -> ChangeItem | None:
        return self.changes[0] if self.changes else None


@dataclass(frozen=True)
class CompanyModel:
    slug: str
    name: str
    homepage: str
    tracked: bool                     # in the config (False: imported repository only)
    documents: tuple[DocumentModel, ...]
    path: str

    @property
    def version_count(self) -> int:
        return sum(len(d.versions) for d in self.documents)

    @property
    def change_count(self) -> int:
        return sum(len(d.changes) for d in self.documents)

    @property
    def last_change(self) -> ChangeItem | None:
        changes = [d.last_change for d in self.documents if d.last_change]
        return max(changes, key=lambda c: c.date) if changes else None

    @property
    def last_capture(self) -> datetime | None:
        dates = [d.versions[0].date for d in self.documents if d.versions]
        return max(dates) if dates else None


@dataclass(frozen=True)
class StatusEventItem:
    kind: str
    company: str
    company_name: str
    doc_type: str
    doc_title: str
    date: datetime
    message: str
    guid: str


@dataclass(frozen=True)
class SiteModel:
    site: SiteSettings
    companies: tuple[CompanyModel, ...]
    events: tuple[StatusEventItem, ...]   # newest first

    def all_changes(self) -> list[ChangeItem]:
        """Every change of every company, newest first (ties broken stably)."""
        changes = [c for co in self.companies for d in co.documents for c in d.changes]
        return sorted(changes, key=lambda c: (c.date, c.company, c.doc_type), reverse=True)


class Sources:
    """Lazy access to the expensive inputs: full texts and full change reports."""

    def __init__(self, text_at: Callable[[str, str, str], str],
                 report: Callable[[str, str], Any],
                 redline: Callable[..., str] | None) -> None:
        self._text_at, self._report, self._redline = text_at, report, redline

    def text(self, version: VersionItem) -> str:
        return self._text_at(version.company, version.doc_type, version.commit)

    def report(self, change: ChangeItem) -> Any:
        old = self._text_at(change.company, change.doc_type, change.old_commit)
        new = self._text_at(change.company, change.doc_type, change.new_commit)
        return self._report(old, new)

    def redline(self, report: Any, max_changes: int | None = None) -> str:
        if self._redline is None:
            return ""
        return self._redline(report, max_changes=max_changes)


class SummaryCache:
    """Per-text word counts and per-pair report summaries, so a rebuild reads no text.

    Content-addressed (text hashes + detector version), hence shared by every output dir and
    safe to delete. Stored as one JSON file, rewritten atomically only when entries were
    added or are no longer used by the workspace (pruned, so it never grows without bound).
    """

    def __init__(self, path: Path, detector_version: str) -> None:
        self.path, self.detector_version = path, detector_version
        self.words: dict[str, int] = {}
        self.summaries: dict[str, dict] = {}
        self.histories: dict[str, dict] = {}
        self.used_words: set[str] = set()
        self.used_summaries: set[str] = set()
        self.used_histories: set[str] = set()
        self.dirty = False
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == SUMMARY_FORMAT and data.get("detector") == detector_version:
                self.words, self.summaries = data["words"], data["summaries"]
                self.histories = data.get("histories", {})
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring unreadable publish cache %s: %s", path, exc)

    def save(self) -> None:
        for store, used in ((self.words, self.used_words),
                            (self.summaries, self.used_summaries),
                            (self.histories, self.used_histories)):
            stale = store.keys() - used
            for key in stale:
                del store[key]
            self.dirty = self.dirty or bool(stale)
        if not self.dirty:
            return
        # No sort_keys: a summary must read back exactly as computed (entity kinds keep the
        # detector's order), or the first rebuild would see changed page inputs. Written to a
        # fresh exclusive temp file, never through a link planted at a predictable name.
        atomic_write_text(self.path, json.dumps(
            {"format": SUMMARY_FORMAT, "detector": self.detector_version,
             "words": self.words, "summaries": self.summaries, "histories": self.histories},
            ensure_ascii=False), fsync=False)
        self.dirty = False

    def release(self) -> None:
        """Drop the loaded entries once the model is built: rendering never needs them, and
        they are as large as the site's metadata."""
        for store in (self.words, self.summaries, self.histories, self.used_words,
                      self.used_summaries, self.used_histories):
            store.clear()


def summarize(report: Any, short_redline: str) -> dict:
    """The part of a ChangeReport that indexes and feeds need (not the sentence list)."""
    data = report.to_dict() if hasattr(report, "to_dict") else dict(report)
    topics = [(t["topic"], int(t.get("changes", 0))) if isinstance(t, dict) else (str(t), 0)
              for t in data.get("topics", [])]
    entities = data.get("entities", {}) or {}
    return {
        "verdict": data.get("verdict", "minor"),
        "headline": data.get("headline", ""),
        "bullets": list(data.get("bullets", [])),
        "topics": topics,
        "entities_added": {k: list(v) for k, v in (entities.get("added") or {}).items() if v},
        "entities_removed": {k: list(v) for k, v in (entities.get("removed") or {}).items()
                             if v},
        "sections": {k: ([" → ".join(x) if isinstance(x, (list, tuple)) else x for x in v])
                     for k, v in (data.get("sections") or {}).items() if v},
        "stats": {k: int(v) for k, v in (data.get("stats") or {}).items()},
        "similarity": data.get("similarity"),
        "short_redline": short_redline,
    }


def _error_summary(error: str) -> dict:
    """What a change shows when the detector failed on it (never cached: retried next build)."""
    return {"verdict": "minor", "headline": "Change report unavailable",
            "bullets": [f"The change detector failed on this version: {error}"],
            "topics": [], "entities_added": {}, "entities_removed": {}, "sections": {},
            "stats": {}, "similarity": None, "short_redline": "", "error": error}


def _pairs(mapping: dict) -> tuple:
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in mapping.items())


def _page_name(date: datetime, text_hash: str, taken: set[str]) -> str:
    base = f"{utc(date):%Y-%m-%d}-{text_hash[:8]}"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class _Loader:
    """Builds the SiteModel; holds the open repositories for `Sources`."""

    workspace: Any
    config: Config
    cache: SummaryCache
    report_fn: Callable[[str, str], Any]
    redline_fn: Callable[..., str] | None
    repos: dict[str, Any] = field(default_factory=dict)
    _texts: dict[tuple[str, str, str], str] = field(default_factory=dict)  # LRU by order
    report_dir: Path | None = None    # the ReportCache directory the detector pool fills
    workers: int | None = None        # detector processes (None: all cores)
    stats: Any = None                 # a RunStats or None
    progress: Callable[[str, int, int], None] | None = None
    texts_read: int = 0
    reports_computed: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # summary key -> detector error
    errors: list[str] = field(default_factory=list)  # companies left out, for the exit code

    def text_at(self, company: str, doc_type: str, commit: str) -> str:
        """A version's text; recently read ones are kept, as neighbouring pages share them."""
        key = (company, doc_type, commit)
        text = self._texts.pop(key, None)
        if text is None:
            self.texts_read += 1
            text = self.repos[company].text_at(commit, doc_type)
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

    def _phase(self, name: str) -> Any:
        return self.stats.phase(name) if self.stats is not None else nullcontext()

    def load(self) -> SiteModel:
        with self._phase("load"):
            state = _load_state(self.workspace, self.config, self.errors)
            slugs = [c.slug for c in self.config.companies]
            slugs += [s for s in _repos_on_disk(self.workspace) if s not in slugs]
            for slug in [s for s in slugs if not safe_name(s)]:
                log.warning("skipping company with unsafe name %r", slug)
            slugs = [s for s in slugs if safe_name(s)]
            jobs = self._missing_pairs(slugs)
        with self._phase("detect"):
            self._detect(jobs)
        with self._phase("load"):
            return self._model(slugs, state)

    def _missing_pairs(self, slugs: list[str]) -> list[Any]:
        """Every change whose summary is not cached yet, for the detector pool.

        Reads each version's text at most once (for its hash and word count) and lets it go:
        the pool's workers read the pairs from git again themselves."""
        from tracker.publish.detect import PairJob

        jobs: dict[str, PairJob] = {}
        for slug in slugs:
            try:
                repo = self._open(slug)
                if repo is None:
                    continue
                history = _History(repo, self.cache, slug)
                for doc_type in history.doc_types():
                    if not safe_name(doc_type) or doc_type.endswith(".html"):
                        continue
                    previous: tuple[Version, str] | None = None
                    for v in sorted(history.versions(doc_type), key=lambda v: utc(v.date)):
                        text_hash, _ = self._words(slug, doc_type, v)
                        if previous is not None and not v.technical:
                            key = f"{previous[1]}:{text_hash}"
                            if key not in self.cache.summaries and key not in jobs:
                                jobs[key] = PairJob(
                                    key, str(repo.path), doc_type, previous[0].commit,
                                    v.commit, f"{slug}/{doc_type}/{utc(v.date):%Y-%m-%d}")
                        previous = (v, text_hash)
            except StorageError:
                continue  # reported when the company's model is built
        return list(jobs.values())

    def _detect(self, jobs: list[Any]) -> None:
        """Compute the missing summaries on all cores, caching each as it finishes."""
        from tracker.publish.detect import compute_summaries

        done = 0
        labels = {job.key: job.label for job in jobs}

        def store(result: Any) -> None:
            nonlocal done
            done += 1
            if result.summary is None:
                self.failed[result.key] = result.error or "unknown error"
                self.errors.append(f"change report failed for {labels[result.key]}: "
                                   f"{self.failed[result.key]}")
            else:
                self.cache.summaries[result.key] = result.summary
                self.cache.dirty = True
                self.reports_computed += int(result.computed)
            if self.progress is not None:
                self.progress("Detecting changes", done, len(jobs))

        if jobs:
            compute_summaries(jobs, self.report_dir, self.workers, on_result=store)

    def _model(self, slugs: list[str], state: Any) -> SiteModel:
        companies = []
        for slug in slugs:
            try:
                companies.append(self._company(slug, state))
            except StorageError as exc:  # e.g. a lost object: publish the other companies
                log.error("cannot publish %s: %s", slug, exc)
                self.errors.append(f"cannot publish {slug}: {exc}")
        companies.sort(key=lambda c: (c.name.casefold(), c.slug))
        names = {c.slug: (c.name, {d.doc_type: d.title for d in c.documents})
                 for c in companies}
        events = []
        seen: set[str] = set()
        for ev in getattr(state, "events", []) or []:
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
        return SiteModel(site=self.config.site, companies=tuple(companies), events=tuple(events))

    def _company(self, slug: str, state: Any) -> CompanyModel:
        cfg = self.config.company(slug)
        repo = self._open(slug)
        name = cfg.name if cfg else _derived_name(slug, repo)
        doc_types = list(d.type for d in cfg.documents) if cfg else []
        history = _History(repo, self.cache, slug) if repo is not None else None
        if history is not None:
            doc_types += [d for d in history.doc_types() if d not in doc_types]
        path = f"companies/{slug}/index.html"
        docs = []
        for doc_type in doc_types:
            if not safe_name(doc_type) or doc_type.endswith(".html"):
                log.warning("skipping document with unsafe type %r of %s", doc_type, slug)
                continue
            dcfg = cfg.document(doc_type) if cfg else None
            title = dcfg.display_title if dcfg else document_type_title(doc_type)
            versions = history.versions(doc_type) if history is not None else []
            docs.append(self._document(slug, name, doc_type, title, dcfg.url if dcfg else "",
                                       versions, _doc_status(state, slug, doc_type)))
        return CompanyModel(slug=slug, name=name, homepage=cfg.homepage if cfg else "",
                            tracked=cfg is not None, documents=tuple(docs), path=path)

    def _open(self, slug: str) -> Any:
        if slug in self.repos:
            return self.repos[slug]
        path = self.workspace.repo_path(slug)
        if not (path / ".git").exists():
            return None
        from tracker.storage.repo import CompanyRepo  # late import: storage pulls in gitpython
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
            text_hash = text_hash or _text_hash(text)
            self.cache.words[text_hash] = len(text.split())
            self.cache.dirty = True
        self.cache.used_words.add(text_hash)
        return text_hash, self.cache.words[text_hash]

    def _summary(self, company: str, doc_type: str, old: Version, old_hash: str,
                 new: Version, new_hash: str) -> dict:
        key = f"{old_hash}:{new_hash}"
        if key in self.failed:
            return _error_summary(self.failed[key])
        self.cache.used_summaries.add(key)
        if key not in self.cache.summaries:
            report = self.report_fn(self.text_at(company, doc_type, old.commit),
                                    self.text_at(company, doc_type, new.commit))
            self.reports_computed += 1
            short = sanitize_html(self.redline_fn(report, max_changes=SHORT_REDLINE_CHANGES)) \
                if self.redline_fn else ""
            self.cache.summaries[key] = summarize(report, short)
            self.cache.dirty = True
        return self.cache.summaries[key]

    def _document(self, company: str, company_name: str, doc_type: str, title: str, url: str,
                  versions: list[Version], status: DocStatus | None) -> DocumentModel:
        chrono = sorted(versions, key=lambda v: utc(v.date))  # oldest first
        base = f"companies/{company}/{doc_type}"
        taken_v: set[str] = set()
        taken_c: set[str] = set()
        rows = []
        for i, v in enumerate(chrono):
            text_hash, words = self._words(company, doc_type, v)
            vpath = f"{base}/versions/{_page_name(v.date, text_hash, taken_v)}.html"
            rows.append((v, text_hash, words, vpath))
        changes: list[dict] = []
        for i, (v, text_hash, words, vpath) in enumerate(rows):
            if i == 0 or v.technical:
                continue
            old, old_hash, _, old_path = rows[i - 1]
            s = self._summary(company, doc_type, old, old_hash, v, text_hash)
            changes.append(dict(
                company=company, company_name=company_name, doc_type=doc_type,
                doc_title=title, date=utc(v.date), text_hash=text_hash, old_hash=old_hash,
                old_commit=old.commit, new_commit=v.commit,
                guid=change_guid(company, doc_type, text_hash, v.date),
                path=f"{base}/changes/{_page_name(v.date, text_hash, taken_c)}.html",
                old_version_path=old_path, new_version_path=vpath,
                verdict=s["verdict"] if s["verdict"] in VERDICTS else "minor",
                headline=s["headline"], bullets=tuple(s["bullets"]),
                topics=tuple((t, n) for t, n in s["topics"] if t in TOPICS),
                entities_added=_pairs(s["entities_added"]),
                entities_removed=_pairs(s["entities_removed"]),
                sections=_pairs(s["sections"]), stats=tuple(s["stats"].items()),
                similarity=s["similarity"], short_redline=s["short_redline"],
                error=s.get("error", "")))
        items = []
        for i, c in enumerate(changes):
            items.append(ChangeItem(**c, prev_path=changes[i - 1]["path"] if i else None,
                                    next_path=changes[i + 1]["path"]
                                    if i + 1 < len(changes) else None))
        by_version = {c.new_version_path: c.path for c in items}
        vitems = []
        for i, (v, text_hash, words, vpath) in enumerate(rows):
            vitems.append(VersionItem(
                company=company, doc_type=doc_type, date=utc(v.date), text_hash=text_hash,
                commit=v.commit, source_url=v.trailers.get("Source-URL", ""),
                technical=v.technical, first=i == 0, words=words, path=vpath,
                change_path=by_version.get(vpath),
                prev_path=rows[i - 1][3] if i else None,
                next_path=rows[i + 1][3] if i + 1 < len(rows) else None))
        return DocumentModel(company=company, doc_type=doc_type, title=title, url=url,
                             versions=tuple(reversed(vitems)), changes=tuple(reversed(items)),
                             status=status)


class _History:
    """A repository's doc types and versions, reused from the cache while HEAD is unchanged.

    A commit sha names the whole history, so a cached listing for the same HEAD is exact;
    this spares a `git log` and a read of every version's blob on a no-change rebuild.
    """

    def __init__(self, repo: Any, cache: SummaryCache, slug: str) -> None:
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


def _version_json(v: Version) -> dict:
    return {"commit": v.commit, "date": v.date.isoformat(), "subject": v.subject,
            "trailers": dict(v.trailers), "technical": v.technical, "text_hash": v.text_hash}


def _derived_name(slug: str, repo: Any) -> str:
    """Display name of an imported company: the repository's stored name, else the slug."""
    stored = getattr(repo, "company_name", "") if repo is not None else ""
    if stored and stored != slug:
        return stored
    return slug.replace("-", " ").replace("_", " ").title()


def _repos_on_disk(workspace: Any) -> list[str]:
    snapshots = Path(workspace.snapshots_dir)
    if not snapshots.is_dir():
        return []
    return sorted(p.name for p in snapshots.iterdir() if (p / ".git").exists())


def _load_state(workspace: Any, config: Config, errors: list[str]) -> Any:
    """The fetch state, or None when there is none yet (a fresh or imported workspace).

    An unreadable state file is reported (the build exits 1) but never stops publishing: only
    the status pages lose their details."""
    from tracker.state import StateStore

    path = Path(workspace.state_path)
    if not path.exists():
        return None
    try:
        return StateStore(path, failure_threshold=config.site.failure_threshold).load()
    except TrackerError as exc:
        log.error("publishing without fetch status: %s", exc)
        errors.append(f"published without fetch status: {exc}")
        return None


def _doc_status(state: Any, company: str, doc_type: str) -> DocStatus | None:
    if state is None:
        return None
    doc = state.docs.get((company, doc_type))
    if doc is None:
        return None
    return DocStatus(last_attempt=doc.last_attempt, last_success=doc.last_success,
                     last_change=doc.last_change, consecutive_failures=doc.consecutive_failures,
                     first_failure=doc.first_failure, last_error=doc.last_error)


def load_site(workspace: Any, config: Config, *, workers: int | None = None,
              stats: Any = None, progress: Callable[[str, int, int], None] | None = None
              ) -> tuple[SiteModel, Sources, _Loader]:
    """Read repositories, reports (cached, missing ones computed on `workers` processes) and
    state into a SiteModel; `progress(label, done, total)` follows the detector."""
    from tracker import changes  # late import: the detector is heavy
    cache_root = Path(workspace.cache_dir)
    report_fn = _report_fn(cache_root / "reports")
    cache = SummaryCache(cache_root / "publish" / "summaries.json",
                         str(getattr(changes, "DETECTOR_VERSION", "0")))
    loader = _Loader(workspace=workspace, config=config, cache=cache, report_fn=report_fn,
                     redline_fn=_redline_fn(), report_dir=cache_root / "reports",
                     workers=workers, stats=stats, progress=progress)
    try:
        model = loader.load()
        cache.save()
        cache.release()
    except BaseException:
        loader.close()
        raise
    return model, Sources(loader.text_at, report_fn, loader.redline_fn), loader


def _report_fn(directory: Path) -> Callable[[str, str], Any]:
    """ReportCache.get when the cache module exists, else the detector itself (uncached)."""
    try:
        from tracker.changes.cache import ReportCache
    except ImportError:
        from tracker.changes import compare
        log.warning("tracker.changes.cache is missing: change reports are not cached")
        return compare
    return ReportCache(directory).get


def _redline_fn() -> Callable[..., str] | None:
    try:
        from tracker.changes import redline_html
    except ImportError:
        log.warning("tracker.changes.redline_html is missing: pages show no redline")
        return None
    return redline_html
