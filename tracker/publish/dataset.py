"""`tracker export`: every recorded version as a dataset researchers can load without git.

Layout (a directory, or the same tree inside a ZIP file)::

    policy-dataset-<YYYY-MM-DD>/
      README.md                                  what the dataset holds, when it was made
      index.json                                 companies, documents, versions (schema below)
      <company>/<doc-type>/<YYYY-MM-DDTHH-MM-SSZ>.md   the extracted text of each version
                                                 (-2, -3, … for captures within one second)

``index.json``: ``{"schema": 1, "generated": ISO time, "companies": [{"slug", "name",
"documents": [{"type", "title", "url", "versions": [{"date", "commit", "text_sha256", "path",
"source_url", "fetcher", "technical"}]}]}]}``, versions oldest first. Raw snapshots stay in git
(``--raw`` adds them as ``<date>.raw.<ext>``). The export is written beside its target and moved
into place at the end, so a reader never sees half a dataset; ZIP entries carry the capture
time, so exporting the same history twice gives identical files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tracker.errors import UsageError
from tracker.models import Config, document_type_title
from tracker.storage.repo import CompanyRepo
from tracker.workspace import Workspace

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ExportResult:
    path: Path
    companies: int
    documents: int
    versions: int


@dataclass(frozen=True)
class _Entry:
    path: str           # inside the dataset
    data: bytes
    date: datetime


def _stamp(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H-%M-%SZ")


def _unique(stamp: str, used: dict[str, int]) -> str:
    """The stamp, or 'stamp-2', 'stamp-3', … for versions captured within the same second
    (oldest first, so the names are the same on every export)."""
    used[stamp] = used.get(stamp, 0) + 1
    return stamp if used[stamp] == 1 else f"{stamp}-{used[stamp]}"


def _iso(when: datetime) -> str:
    return when.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _company_entries(repo: CompanyRepo, slug: str, name: str, urls: dict[str, str],
                     titles: dict[str, str], raw: bool) -> tuple[dict[str, Any], list[_Entry]]:
    entries: list[_Entry] = []
    documents = []
    for doc_type in repo.doc_types():
        versions = []
        used: dict[str, int] = {}
        for version in reversed(repo.versions(doc_type)):   # oldest first
            text = repo.text_at(version.commit, doc_type).encode("utf-8")
            path = f"{slug}/{doc_type}/{_unique(_stamp(version.date), used)}.md"
            entries.append(_Entry(path, text, version.date))
            row: dict[str, Any] = {
                "date": _iso(version.date), "commit": version.commit,
                "text_sha256": hashlib.sha256(text).hexdigest(), "path": path,
                "source_url": version.trailers.get("Source-URL", ""),
                "fetcher": version.trailers.get("Fetcher", ""),
                "technical": version.technical,
            }
            if raw:
                snapshot = repo.raw_at(version.commit, doc_type)
                if snapshot is not None:
                    row["raw_path"] = path[:-3] + f".raw.{snapshot[1]}"
                    entries.append(_Entry(row["raw_path"], snapshot[0], version.date))
            versions.append(row)
        documents.append({"type": doc_type,
                          "title": titles.get(doc_type) or document_type_title(doc_type),
                          "url": urls.get(doc_type, ""), "versions": versions})
    return {"slug": slug, "name": name, "documents": documents}, entries


def _collect(workspace: Workspace, config: Config, companies: list[str], raw: bool
             ) -> Iterator[tuple[dict[str, Any], list[_Entry]]]:
    for slug in companies:
        path = workspace.repo_path(slug)
        if not (path / ".git").exists():
            continue
        conf = config.company(slug)
        urls = {d.type: d.url for d in conf.documents} if conf else {}
        titles = {d.type: d.display_title for d in conf.documents} if conf else {}
        repo = CompanyRepo.open(path)
        try:
            name = conf.name if conf and conf.name else repo.company_name
            yield _company_entries(repo, slug, name, urls, titles, raw)
        finally:
            repo.close()


def _readme(generated: datetime, result: dict[str, int], title: str) -> str:
    return (f"# {title}: policy dataset\n\n"
            f"Exported {generated:%Y-%m-%d %H:%M} UTC by policy-tracker: "
            f"{result['companies']} companies, {result['documents']} documents, "
            f"{result['versions']} versions.\n\n"
            "- `index.json`: every company, document and version (capture date, git commit,\n"
            "  SHA-256 of the text, source URL, how it was fetched), versions oldest first.\n"
            "- `<company>/<document-type>/<capture time>.md`: the extracted text of each version\n"
            "  (UTC capture time in the file name).\n"
            "- A version marked `technical` is a re-extraction of the same capture, not a change\n"
            "  of the policy.\n")


def export_dataset(workspace: Workspace, config: Config, out: Path, *,
                   companies: list[str] | None = None, as_zip: bool = False,
                   raw: bool = False, now: datetime | None = None) -> ExportResult:
    """Write the dataset to ``out`` (a directory, or a ``.zip`` file with ``as_zip``)."""
    generated = now or datetime.now(timezone.utc)
    slugs = companies or sorted({c.slug for c in config.companies} |
                                set(workspace.company_slugs_on_disk()))
    unknown = [s for s in slugs if not (workspace.repo_path(s) / ".git").exists()]
    if companies and unknown:
        raise UsageError(f"nothing recorded for {', '.join(unknown)}")
    index: dict[str, Any] = {"schema": SCHEMA_VERSION, "generated": _iso(generated),
                             "title": config.site.title, "companies": []}
    entries: list[_Entry] = []
    for company, company_entries in _collect(workspace, config, slugs, raw):
        index["companies"].append(company)
        entries += company_entries
    counts = {"companies": len(index["companies"]),
              "documents": sum(len(c["documents"]) for c in index["companies"]),
              "versions": sum(len(d["versions"]) for c in index["companies"]
                              for d in c["documents"])}
    root = out.stem if as_zip else out.name
    entries.append(_Entry("index.json",
                          (json.dumps(index, indent=1, ensure_ascii=False) + "\n").encode(),
                          generated))
    entries.append(_Entry("README.md", _readme(generated, counts, config.site.title).encode(),
                          generated))
    (_write_zip if as_zip else _write_dir)(out, root, entries)
    return ExportResult(out, counts["companies"], counts["documents"], counts["versions"])


def default_name(now: datetime | None = None) -> str:
    return f"policy-dataset-{(now or datetime.now(timezone.utc)):%Y-%m-%d}"


def _write_zip(out: Path, root: str, entries: list[_Entry]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            for entry in sorted(entries, key=lambda e: e.path):
                when = entry.date.astimezone(timezone.utc)
                info = zipfile.ZipInfo(f"{root}/{entry.path}",
                                       date_time=(max(when.year, 1980),) + when.timetuple()[1:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, entry.data)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_dir(out: Path, root: str, entries: list[_Entry]) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} exists and is not a directory")
    if out.exists() and any(out.iterdir()):
        raise UsageError(f"{out} is not empty; export into a new directory")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for entry in entries:
            target = staging / entry.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(entry.data)
        if out.exists():
            out.rmdir()
        os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
