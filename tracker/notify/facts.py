"""What a message says about one change: plain facts taken from the change report and the
document's history, with absolute links to the published pages.

The facts are computed once, when a change is queued, and stored in the outbox as JSON, so a
message can be (re)sent by a later run without opening git or running the detector again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from tracker.changes.normalize import registrable_domain
from tracker.models import Version

if TYPE_CHECKING:
    from tracker.changes import ChangeReport

REDLINE_ANCHOR = "redline-h"   # the redline heading's id on a change page


@dataclass(frozen=True)
class ChangeFacts:
    """One change as every channel renders it."""

    id: str                      # the feed GUID: company, document, text hash, capture date
    company: str
    company_name: str
    doc_type: str
    doc_title: str
    captured_at: str             # ISO 8601, UTC
    verdict: str
    headline: str
    bullets: tuple[str, ...]
    topics: tuple[str, ...]
    entities_added: dict[str, list[str]]
    entities_removed: dict[str, list[str]]
    url: str                     # the change page
    redline_url: str
    source_url: str = ""
    report: dict[str, Any] = field(default_factory=dict)   # the change report's fields

    @property
    def shown_bullets(self) -> list[str]:
        """The bullets listed under the headline: never the headline again (changes.render)."""
        from tracker.changes.render import shown_bullets
        return shown_bullets(self.headline, self.bullets)

    @property
    def date(self) -> datetime:
        return datetime.fromisoformat(self.captured_at)

    def entity_names(self) -> set[str]:
        """Every entity named or dropped by the change, lower-cased; a web host also by its
        site ('policies.google.com' is asked for by 'google.com'). The company's own sites and
        branches (the report's own_entities) count too: a filter asks what the text names."""
        own = self.report.get("own_entities") or {}
        sides = [self.entities_added, self.entities_removed, own.get("added") or {}, own.get("removed") or {}]
        names = {v.lower() for side in sides for values in side.values() for v in values}
        sites = {registrable_domain(v) for side in sides for v in side.get("domains", ())}
        return names | {s for s in sites if s}

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["bullets"], data["topics"] = list(self.bullets), list(self.topics)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ChangeFacts:
        values = dict(data)
        values["bullets"] = tuple(values.get("bullets", ()))
        values["topics"] = tuple(values.get("topics", ()))
        return cls(**values)


def utc(value: datetime) -> datetime:
    return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(
        timezone.utc)


def absolute(base_url: str, path: str) -> str:
    """A site-relative page path as an absolute URL under ``[site] base_url``."""
    return base_url.rstrip("/") + "/" + path.lstrip("/")


def change_paths(versions: list[Version]) -> dict[str, str]:
    """Site path of each change page of one document, by commit, named exactly as the site
    builder names them (date and text hash, a suffix for a repeat on the same day)."""
    from tracker.publish.loader import _page_name, chronological  # the site builder's rules

    chrono = chronological(versions)
    taken: set[str] = set()
    paths: dict[str, str] = {}
    for i, v in enumerate(chrono):
        if i == 0 or v.technical:
            continue
        name = _page_name(v.date, v.text_hash, taken)
        paths[v.commit] = f"companies/{v.company}/{v.doc_type}/changes/{name}.html"
    return paths


def change_facts(version: Version, report: ChangeReport, *, company_name: str,
                 doc_title: str, path: str, base_url: str) -> ChangeFacts:
    """The facts of one change from its version and change report."""
    from tracker.publish.summaries import change_guid

    url = absolute(base_url, path)
    return ChangeFacts(
        id=change_guid(version.company, version.doc_type, version.text_hash, version.date),
        company=version.company, company_name=company_name, doc_type=version.doc_type,
        doc_title=doc_title, captured_at=utc(version.date).isoformat(),
        verdict=report.verdict, headline=report.headline, bullets=tuple(report.bullets),
        topics=tuple(report.topics),
        entities_added={k: list(v) for k, v in report.entities_added.items() if v},
        entities_removed={k: list(v) for k, v in report.entities_removed.items() if v},
        url=url, redline_url=f"{url}#{REDLINE_ANCHOR}",
        source_url=version.trailers.get("Source-URL", ""), report=report.to_dict())
