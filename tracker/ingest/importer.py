"""Import dated snapshots from a directory into the per-company repositories.

Layouts (dates are UTC, taken from the file name):

- ``DIR/<company>/<YYYY-MM-DD>[THHMMSS].{md,txt,html,pdf}`` -> document type ``privacy-policy``
- ``DIR/<company>/<document-type>/<YYYY-MM-DD>[THHMMSS].<ext>``
- ``DIR/<any name>`` with an archive-date header as first line (public policy archives: one
  file per site, see :mod:`tracker.ingest.archive_header`): company, document type and capture time
  come from the header, the header line is stripped from the text (the raw file is kept as it
  is) and its Wayback link becomes the version's Source-URL

Anything else (``labels/*.json``, ``SOURCES.md``, ``README.md``...) is skipped with a logged
note: an archive of snapshots usually carries such notes and they are not errors. Refused with
one error line each, nothing of them read: a symbolic link leading outside the import
directory (file or folder), a file that looks binary (the check tracking applies), a capture
date before 1970 (git cannot store it), and a second file with the same company, document and
capture time as another (``Acme/`` beside ``acme/``, or ``acme/2020-01-01.md`` beside
``acme/privacy-policy/2020-01-01.md``): the first in path order is imported. Versions go
through :meth:`CompanyRepo.insert_versions`, so history stays date-ordered, identical
consecutive versions are skipped, and importing the same directory twice adds nothing.
"""

from __future__ import annotations

import logging
import re
import os
import stat
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from tracker.ingest import archive_header
from tracker.errors import TrackerError
from tracker.models import DocumentConfig, Extracted, RecordMeta, document_type_title
from tracker.parallel import cpu_count, run_isolated
from tracker.runstats import RunStats
from tracker.names import slug_of_name
from tracker.storage.repo import CompanyRepo, ImportItem

log = logging.getLogger(__name__)

DEFAULT_DOC_TYPE = "privacy-policy"
_FILE = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<H>\d{2}):?(?P<M>\d{2}):?(?P<S>\d{2})Z?)?"
    r"\.(?P<ext>md|markdown|txt|html|htm|pdf)\Z", re.I)
_EXT = {"md": "md", "markdown": "md", "txt": "txt", "html": "html", "htm": "html", "pdf": "pdf"}
_CONTENT_TYPE = {"html": "text/html", "pdf": "application/pdf", "txt": "text/plain",
                 "md": "text/markdown", "archive": "text/markdown"}
_ARCHIVE = "archive"  # the "extension" of a file with an archive-date header
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MAX_SNAPSHOT = 256 * 1024 * 1024  # a snapshot file larger than this is not a policy page

Progress = Callable[[str, str, int, int], None]  # (company, doc_type, imported, skipped)


@dataclass
class DocImportStats:
    imported: int = 0
    skipped: int = 0
    errors: int = 0


@dataclass
class ImportReport:
    """What an import did, per (company, document type), plus errors and skipped files."""

    documents: dict[tuple[str, str], DocImportStats] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)   # files/dirs not matching the layout

    def stats(self, company: str, doc_type: str) -> DocImportStats:
        return self.documents.setdefault((company, doc_type), DocImportStats())

    @property
    def imported(self) -> int:
        return sum(s.imported for s in self.documents.values())

    @property
    def skipped(self) -> int:
        return sum(s.skipped for s in self.documents.values())

    def summary(self) -> str:
        lines = [f"{c}/{d}: {s.imported} imported, {s.skipped} skipped"
                 + (f", {s.errors} errors" if s.errors else "")
                 for (c, d), s in sorted(self.documents.items())]
        lines.append(f"total: {self.imported} imported, {self.skipped} skipped, "
                     f"{len(self.errors)} errors, {len(self.ignored)} files ignored")
        return "\n".join(lines)


def parse_snapshot_name(name: str) -> tuple[datetime, str] | None:
    """``2024-05-09.md`` / ``2024-05-09T101500.html`` -> (UTC datetime, raw ext); None if not
    a snapshot name; ValueError for an impossible date."""
    m = _FILE.match(name)
    if not m:
        return None
    y, mo, d, hh, mm, ss = (int(m.group(g) or 0) for g in ("y", "m", "d", "H", "M", "S"))
    return datetime(y, mo, d, hh, mm, ss, tzinfo=timezone.utc), _EXT[m.group("ext").lower()]


def load_snapshot(path: Path, ext: str, doc_type: str) -> Extracted:
    """Read one snapshot file and extract its text with the same rules as a fetch."""
    import tracker.extract as ex

    body = read_snapshot_file(path)
    if ext != "pdf" and ex.looks_binary(body):
        raise TrackerError(f"{path}: binary data, not a text snapshot")
    if ext == _ARCHIVE:
        header, text = archive_header.split_header(ex.decode(body))
        if header is None:
            raise TrackerError(f"{path}: the archive header line is gone")
        text = ex.normalize_text(text)
        if not any(ch.isalnum() for ch in text):
            raise TrackerError(f"{path}: no text after the archive header")
        return Extracted(text=text, raw=body, raw_ext="md")
    if ext in ("md", "txt"):
        text = ex.normalize_text(ex.decode(body))
        if not any(ch.isalnum() for ch in text):
            raise TrackerError(f"{path}: no text")
        return Extracted(text=text, raw=body, raw_ext=ext)
    url = path.resolve().as_uri()
    return ex.extract(body, _CONTENT_TYPE[ext], url, DocumentConfig(type=doc_type, url=url))


def read_snapshot_file(path: Path) -> bytes:
    """The bytes of a regular file, never through a symbolic link's last step, never
    blocking on a FIFO or device."""
    fd = os.open(path.resolve(), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise TrackerError(f"{path}: not a regular file")
        if info.st_size > _MAX_SNAPSHOT:
            raise TrackerError(f"{path}: {info.st_size} bytes is too large for a snapshot")
        return fh.read()


def outside_link(entry: Path, root: Path) -> str | None:
    """Why ``entry`` must not be read: a symbolic link (anywhere on its way) that leads
    outside ``root`` (already resolved) or cannot be resolved; None when it stays inside."""
    try:
        target = entry.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # dangling or a loop
        return f"{entry}: symbolic link that cannot be resolved ({exc.__class__.__name__}); " \
            "not read"
    if target != root and root not in target.parents:
        return f"{entry}: symbolic link to {target}, outside the import directory; not read"
    return None


def snapshot_meta(path: Path, ext: str) -> RecordMeta:
    """Capture facts of a snapshot file: an archive file's source is its Wayback link."""
    source = path.resolve().as_uri()
    if ext == _ARCHIVE:
        header = archive_header.read_header(path)
        source = header.snapshot_url if header and header.snapshot_url else source
    return RecordMeta(source_url=source, content_type=_CONTENT_TYPE[ext], fetcher="import")


Found = dict[tuple[str, str], list[tuple[datetime, str, Path]]]


def _add(found: Found, report: ImportReport, key: tuple[str, str], when: datetime, ext: str,
         entry: Path) -> None:
    """Register one snapshot file; refuse a date git cannot store, or a capture time the
    same document already has from another file."""
    if when < _EPOCH:
        report.errors.append(f"{entry}: capture date {when:%Y-%m-%d} is before 1970, which git "
                             "cannot store; not imported")
        return
    files = found.setdefault(key, [])
    twin = next((path for date, _, path in files if date == when), None)
    if twin is not None:
        report.errors.append(f"{entry}: same capture time as {twin} for {key[0]}/{key[1]}; "
                             "not imported")
        return
    files.append((when, ext, entry))


def _archive_file(entry: Path, report: ImportReport, found: Found) -> None:
    """A top-level file: one site's policy with an archive-date header, or ignored."""
    header = archive_header.read_header(entry) if entry.is_file() else None
    if header is None:
        report.ignored.append(str(entry))
        log.info("ignoring %s: not a company directory nor a file with an archive header",
                 entry)
        return
    _add(found, report, (header.company, header.doc_type), header.captured_at, _ARCHIVE, entry)


def _entries(folder: Path, root: Path, report: ImportReport) -> list[Path]:
    """A folder's entries in name order, minus symbolic links leading outside ``root``."""
    out = []
    for entry in sorted(folder.iterdir()):
        refused = outside_link(entry, root) if entry.is_symlink() else None
        if refused:
            report.errors.append(refused)
        else:
            out.append(entry)
    return out


def _scan(directory: Path, report: ImportReport) -> Found:
    """Find snapshot files per (company slug, doc type); note everything else."""
    found: Found = {}
    root = directory.resolve()

    def add_files(company: str, doc_type: str, folder: Path, nested_ok: bool) -> None:
        for entry in _entries(folder, root, report):
            if entry.is_dir():
                if not nested_ok:
                    report.ignored.append(str(entry))
                    log.info("ignoring %s: unexpected directory", entry)
                    continue
                sub = slug_of_name(entry.name)
                if sub is None:
                    report.errors.append(f"{entry}: unsafe document type name {entry.name!r} "
                                         "(expected [a-z0-9][a-z0-9._-]*, at most 64 chars)")
                    continue
                add_files(company, sub, entry, nested_ok=False)
                continue
            try:
                parsed = parse_snapshot_name(entry.name)
            except ValueError as exc:
                report.errors.append(f"{entry}: invalid date in file name ({exc})")
                continue
            if parsed is None or not entry.is_file():
                report.ignored.append(str(entry))
                log.info("ignoring %s: not a dated snapshot (<YYYY-MM-DD>[THHMMSS].ext)", entry)
                continue
            _add(found, report, (company, doc_type), parsed[0], parsed[1], entry)

    for entry in _entries(directory, root, report):
        if not entry.is_dir():
            _archive_file(entry, report, found)
            continue
        company = slug_of_name(entry.name)
        if company is None:
            report.errors.append(f"{entry}: unsafe company name {entry.name!r} "
                                 "(expected [a-z0-9][a-z0-9._-]*, at most 64 chars)")
            continue
        add_files(company, DEFAULT_DOC_TYPE, entry, nested_ok=True)
    return found


def import_directory(workspace_snapshots_dir: Path, directory: Path, *,
                     company_names: Mapping[str, str] | None = None,
                     progress: Progress | None = None,
                     on_scan: Callable[[Mapping[tuple[str, str], int]], None] | None = None,
                     stats: RunStats | None = None,
                     workers: int | None = None,
                     stream: bool | None = None) -> ImportReport:
    """Import every dated snapshot under ``directory``; one bad file never stops the rest.

    ``company_names`` maps slugs to display names for commit subjects (default: the name
    stored in the repository, else the slug). ``on_scan(counts)`` is called once with the
    number of snapshot files found per (company, doc_type), before any work;
    ``progress(company, doc_type, imported, skipped)`` after each document. Companies are
    independent repositories, so with ``workers`` > 1 (default: the usable CPUs, one for
    small imports) each company is extracted and committed in a process of a fork pool; the
    report is the same as with ``workers=1``. ``stats`` gets the phases ``scan`` (wall time),
    ``extract`` and ``commit`` (seconds summed over workers) and the counts ``versions``,
    ``imported``, ``skipped``, ``errors``, ``workers`` and ``versions_per_second``.
    ``stream`` is passed to :meth:`CompanyRepo.insert_versions` (None: its default).
    """
    started = time.perf_counter()
    report = ImportReport()
    directory = Path(directory)
    snapshots = Path(workspace_snapshots_dir)
    if not directory.is_dir():
        report.errors.append(f"{directory}: not a directory")
        return report
    stats = stats or RunStats.null()
    with stats.phase("scan"):
        found = _scan(directory, report)
    total = sum(len(files) for files in found.values())
    if on_scan:
        on_scan({key: len(files) for key, files in found.items()})
    jobs = _jobs(found, snapshots, directory, company_names or {}, stream, report)
    n_workers = _worker_count(workers, jobs)
    results: dict[str, _CompanyResult] = {}

    def done(result: _CompanyResult) -> None:
        results[result.company] = result
        for doc_type, s in result.documents:
            if progress:
                progress(result.company, doc_type, s.imported, s.skipped)

    ordered = sorted(jobs.values(), key=lambda j: (-j.size, j.company))  # big ones first
    # inline for one worker; else a crashed worker costs only its company (tracker.parallel)
    run_isolated(_import_company, ordered, n_workers, done, _failed)
    extract_s, commit_s = _merge_results(results, report)
    elapsed = time.perf_counter() - started
    stats.add_time("extract", extract_s)   # summed over the workers
    stats.add_time("commit", commit_s)
    stats.add("versions", total)
    stats.add("imported", report.imported)
    stats.add("skipped", report.skipped)
    stats.add("errors", len(report.errors))
    stats.set("workers", n_workers)
    stats.set("versions_per_second", round(total / elapsed, 1) if elapsed > 0 else 0.0)
    log.info("import of %s: %d versions imported, %d skipped, %d errors in %.2fs (%d workers)",
             directory, report.imported, report.skipped, len(report.errors), elapsed,
             n_workers)
    return report


Files = list[tuple[datetime, str, Path]]


def _jobs(found: Found, snapshots: Path, directory: Path, company_names: Mapping[str, str],
          stream: bool | None, report: ImportReport) -> dict[str, _CompanyJob]:
    """One job per company, minus companies whose repository path leads out of snapshots."""
    jobs: dict[str, _CompanyJob] = {}
    for (company, doc_type), files in found.items():
        job = jobs.setdefault(company, _CompanyJob(
            company, str(snapshots / company), company_names.get(company), stream,
            str(directory.resolve())))
        job.documents.append((doc_type, sorted(files, key=lambda f: (f[0], str(f[2])))))
    root = snapshots.resolve()
    for company in sorted(jobs):
        target = snapshots / company
        if target.resolve().parent != root:  # e.g. a symlink planted in snapshots/
            report.errors.append(f"{target}: resolves outside {snapshots}, refusing to write")
            del jobs[company]
    return jobs


def _merge_results(results: Mapping[str, _CompanyResult], report: ImportReport
                   ) -> tuple[float, float]:
    """Fold the companies' results into the report in a fixed order (the same report for any
    pool size); the extraction and commit seconds summed over workers."""
    extract_s = commit_s = 0.0
    for company in sorted(results):
        result = results[company]
        for doc_type, s in result.documents:
            into = report.stats(company, doc_type)
            into.imported += s.imported
            into.skipped += s.skipped
            into.errors += s.errors
        report.errors.extend(result.errors)
        extract_s += result.extract_seconds
        commit_s += result.commit_seconds
    return extract_s, commit_s

# Below this many snapshot files a pool costs more (forking, pickling) than it saves.
_POOL_MIN_FILES = 24


@dataclass
class _CompanyJob:
    """Everything one worker needs to import one company (picklable)."""

    company: str
    repo_path: str
    company_name: str | None
    stream: bool | None
    root: str = ""                      # the import directory, resolved
    documents: list[tuple[str, Files]] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(len(files) for _, files in self.documents)


@dataclass
class _CompanyResult:
    company: str
    documents: list[tuple[str, DocImportStats]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    extract_seconds: float = 0.0
    commit_seconds: float = 0.0


def _worker_count(workers: int | None, jobs: Mapping[str, _CompanyJob]) -> int:
    if workers is None:
        files = sum(j.size for j in jobs.values())
        workers = 1 if files < _POOL_MIN_FILES else cpu_count()
    return max(1, min(workers, len(jobs)))


def _failed(job: _CompanyJob, exc: BaseException) -> _CompanyResult:
    """The result of a company whose import broke off unexpectedly: all its files failed."""
    result = _CompanyResult(job.company, errors=[
        f"{job.repo_path}: import failed: {type(exc).__name__}: {exc}"])
    result.documents = [(d, DocImportStats(errors=len(f))) for d, f in job.documents]
    return result


def _import_company(job: _CompanyJob) -> _CompanyResult:
    """Extract and commit every document of one company (runs in a pool worker or inline)."""
    result = _CompanyResult(job.company)
    try:
        repo = CompanyRepo.open(Path(job.repo_path), create=True,
                                company_name=job.company_name)
    except TrackerError as exc:
        result.errors.append(str(exc))
        result.documents = [(d, DocImportStats()) for d, _ in job.documents]
        return result
    with repo:
        for doc_type, files in sorted(job.documents):
            stats = DocImportStats()
            _import_document(repo, doc_type, files, stats, result, job)
            result.documents.append((doc_type, stats))
    return result


def _import_document(repo: CompanyRepo, doc_type: str, files: Files, stats: DocImportStats,
                     result: _CompanyResult, job: _CompanyJob) -> None:
    root, stream = job.root, job.stream
    title = document_type_title(doc_type)
    items: list[ImportItem] = []
    start = time.perf_counter()
    for date, ext, path in files:
        try:
            refused = outside_link(path, Path(root))
            if refused:  # the file became a link after the scan
                raise TrackerError(refused.partition(": ")[2])
            extracted = load_snapshot(path, ext, doc_type)
        except (TrackerError, OSError) as exc:
            stats.errors += 1
            detail = str(exc)  # one line naming the file once
            result.errors.append(detail if detail.startswith(f"{path}: ") else f"{path}: {detail}")
            continue
        meta = snapshot_meta(path, ext)
        items.append(ImportItem(date=date, extracted=extracted, meta=meta, title=title))
    result.extract_seconds += time.perf_counter() - start
    if not items:
        return
    start = time.perf_counter()
    try:
        created = repo.insert_versions(doc_type, items, stream=stream)
    except TrackerError as exc:
        stats.errors += len(items)
        result.errors.append(f"{repo.path}/{doc_type}: {exc}")
        return
    finally:
        result.commit_seconds += time.perf_counter() - start
    stats.imported += len(created)
    stats.skipped += len(items) - len(created)


def ignored_reason(directory: Path, path: str | Path) -> str:
    """Why the scan of ``directory`` ignored ``path`` (an entry of ``ImportReport.ignored``),
    in the words `tracker import` prints."""
    entry = Path(path)
    try:
        depth = len(entry.relative_to(directory).parts)
    except ValueError:
        depth = 0
    if depth == 1:
        return "neither a company directory nor a file starting with an archive-date header"
    if entry.is_dir():
        return "a directory inside a document-type directory (two levels at most)"
    if not entry.is_file():
        return "not a regular file"
    return "not named <YYYY-MM-DD>[THHMMSS].<md|txt|html|pdf>"
