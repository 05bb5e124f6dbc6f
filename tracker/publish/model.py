"""The site's view model: plain frozen dataclasses, everything a page or feed shows.

Rendering never touches git or the detector directly. Everything a page shows is copied into
these small frozen dataclasses by the loader (`loader.py`), so a page's inputs can be
fingerprinted (see `render.py`) and unchanged pages are skipped without being rendered. The
two expensive inputs -- a version's full text and a change's full report -- are fetched on
demand through `loader.Sources`. TOPICS, TOPIC_TITLES and VERDICTS are the values the
model's topic and verdict fields may hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from tracker.models import SiteSettings

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

    @cached_property
    def shown_bullets(self) -> tuple[str, ...]:
        """The bullets listed under the headline: never the headline again (changes.render)."""
        from tracker.changes.render import shown_bullets
        return tuple(shown_bullets(self.headline, self.bullets))


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
