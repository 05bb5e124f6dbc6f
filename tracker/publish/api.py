"""The site's data for researchers: ``api/`` JSON files with stable URLs beside the pages.

``api/index.json``
    ``{"schema": 1, "title", "companies": [{"slug", "name", "homepage", "tracked", "url",
    "documents": [{"type", "title", "url", "versions", "changes", "last_change"}]}]}``
    (``url`` of a company: its ``api/companies/<slug>.json``).
``api/companies/<slug>.json``
    the company with, per document, every version (``date``, ``commit``, ``text_sha256``,
    ``source_url``, ``technical``, ``words``, ``page``) and every change (``date``, ``verdict``,
    ``headline``, ``guid``, ``report``, ``page``), newest first.
``api/<change page path>.json`` (e.g. ``api/companies/acme/privacy-policy/changes/<date>-<hash>.json``)
    one change report: ``verdict``, ``headline``, ``statements``, ``topics`` (id -> weight),
    ``entities_added``/``entities_removed`` (kind -> names), ``sections`` (kind -> headings),
    ``stats``, ``similarity``, the old and new commits and version pages, ``guid``.

Paths inside the JSON are site-relative (prefix them with the site's URL). Like feed GUIDs,
a change's file name comes from its capture date and text hash, so it survives history
rebuilds. Every file's key is its own bytes, so an unchanged file is never rewritten.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from functools import partial
from typing import Any

from tracker.publish.model import ChangeItem, CompanyModel, DocumentModel, SiteModel
from tracker.publish.render import Output

SCHEMA_VERSION = 1


def api_path(page: str) -> str:
    """The JSON twin of a site page: ``companies/x/…/y.html`` -> ``api/companies/x/…/y.json``."""
    stem = page[:-5] if page.endswith(".html") else page
    return f"api/{stem}.json"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _output(path: str, data: Any) -> Output:
    body = (json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n").encode()
    return Output(path, hashlib.sha256(body).hexdigest(), partial(bytes, body))


def _change_row(change: ChangeItem) -> dict[str, Any]:
    return {"date": _iso(change.date), "verdict": change.verdict, "headline": change.headline,
            "guid": change.guid, "report": api_path(change.path), "page": change.path}


def _document(company: CompanyModel, doc: DocumentModel, *, full: bool) -> dict[str, Any]:
    row: dict[str, Any] = {"type": doc.doc_type, "title": doc.title, "url": doc.url,
                           "versions": len(doc.versions), "changes": len(doc.changes),
                           "last_change": _change_row(doc.changes[0]) if doc.changes else None}
    if full:
        row["versions"] = [{"date": _iso(v.date), "commit": v.commit, "text_sha256": v.text_hash,
                            "source_url": v.source_url, "technical": v.technical,
                            "words": v.words, "page": v.path} for v in doc.versions]
        row["changes"] = [_change_row(c) for c in doc.changes]
    return row


def _company(company: CompanyModel, *, full: bool) -> dict[str, Any]:
    return {"slug": company.slug, "name": company.name, "homepage": company.homepage,
            "tracked": company.tracked, "url": f"api/companies/{company.slug}.json",
            "documents": [_document(company, d, full=full) for d in company.documents]}


def _report(change: ChangeItem) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION, "company": change.company, "company_name": change.company_name,
        "document": change.doc_type, "document_title": change.doc_title,
        "date": _iso(change.date), "guid": change.guid, "verdict": change.verdict,
        "headline": change.headline, "statements": list(change.bullets),
        "topics": dict(change.topics),
        "entities_added": {k: list(v) for k, v in change.entities_added},
        "entities_removed": {k: list(v) for k, v in change.entities_removed},
        "sections": {k: list(v) for k, v in change.sections},
        "stats": dict(change.stats), "similarity": change.similarity,
        "old": {"commit": change.old_commit, "text_sha256": change.old_hash,
                "page": change.old_version_path},
        "new": {"commit": change.new_commit, "text_sha256": change.text_hash,
                "page": change.new_version_path},
        "page": change.path, "error": change.error or None,
    }


def api_outputs(model: SiteModel) -> Iterator[Output]:
    """Every ``api/`` file of the site."""
    yield _output("api/index.json", {
        "schema": SCHEMA_VERSION, "title": model.site.title,
        "companies": [_company(c, full=False) for c in model.companies]})
    for company in model.companies:
        yield _output(f"api/companies/{company.slug}.json",
                      {"schema": SCHEMA_VERSION, **_company(company, full=True)})
        for doc in company.documents:
            for change in doc.changes:
                yield _output(api_path(change.path), _report(change))
