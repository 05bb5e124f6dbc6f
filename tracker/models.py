"""Plain typed data shared by the modules: config, fetch results, stored versions.

These are the seams between fetch, extract, storage, detection and publishing; keeping them
plain frozen dataclasses lets each module be tested without the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.notify.config import Subscription

DEFAULT_TRACKING_PARAMS: tuple[str, ...] = (
    "utm_*", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid",
    "_ga", "_gl", "yclid", "igshid", "ref_src", "spm", "_hsenc", "_hsmi", "mkt_tok", "vero_id",
    "oly_enc_id", "oly_anon_id", "trk", "si",
)


def utc(value: datetime) -> datetime:
    """The one timestamp rule: a naive datetime is UTC, an aware one is converted to UTC."""
    return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(
        timezone.utc)


@dataclass(frozen=True)
class FetchSettings:
    """Politeness and safety limits for fetching ([fetch] table)."""

    user_agent: str = "policy-tracker/0.1 (+https://github.com/policy-tracker/policy-tracker)"
    timeout: float = 30.0            # seconds, connect and per-read
    max_bytes: int = 10_000_000      # cap on the decoded body
    per_host_delay: float = 2.0      # seconds between two requests to the same host
    concurrency: int = 4             # hosts fetched at once
    retries: int = 2                 # extra attempts for transient errors
    max_shrink: float = 0.5          # reject text shorter than (1 - max_shrink) * previous
    allow_file_urls: bool = False    # file:// URLs only when the config says so
    max_redirects: int = 10
    retry_backoff: float = 1.0       # seconds before the first retry; doubles each retry
    max_time: float | None = None    # deadline per download attempt; None: 4 x timeout


@dataclass(frozen=True)
class SiteSettings:
    """Publishing options ([site] table)."""

    title: str = "Policy Tracker"
    base_url: str = ""               # absolute URL of the published site, for feed links
    description: str = "Changes to privacy policies and terms of service."
    feed_items: int = 50
    changes_per_page: int = 100      # all-changes and topic pages are split into pages
    include_cosmetic: bool = False   # cosmetic changes in feeds
    failure_threshold: int = 3       # consecutive failures before a feed announces it
    show_cosmetic: bool = False      # `track`/`run` print CHANGED lines of cosmetic changes too
    failure_reminder_hours: float = 24  # a document still failing is news again after this; 0: every run


@dataclass(frozen=True)
class WaybackSettings:
    """The archive `tracker backfill` reads ([wayback] table). The default rate stays well under
    the Wayback Machine's documented limit, so a long backfill is never throttled or banned."""

    url: str = "https://web.archive.org"   # base URL: CDX API at /cdx/search/cdx, /web/ snapshots
    requests_per_minute: float = 15.0      # every CDX page, download and retry counts


@dataclass(frozen=True)
class RemoteSettings:
    """Where company repositories are pushed and pulled ([remote] table); url "" = local only."""

    url: str = ""           # base URL ending with '/' or ':' (git@host:org/, file:///srv/git/)
    push: bool = True       # track/run push what they recorded (a pull-only publisher: false)
    retries: int = 5        # a rejected push is fetched, replayed and pushed again this often

    @property
    def enabled(self) -> bool:
        return bool(self.url)


@dataclass(frozen=True)
class DocumentConfig:
    """One tracked document of a company, e.g. its privacy policy."""

    type: str                        # slug: privacy-policy, terms-of-service, ...
    url: str
    select: tuple[str, ...] = ()     # CSS selectors whose content is the policy
    remove: tuple[str, ...] = ()     # CSS selectors removed before extraction
    strip_params: tuple[str, ...] = DEFAULT_TRACKING_PARAMS  # query params dropped from links
    browser: bool = False            # render with headless Chromium first
    max_shrink: float | None = None  # overrides FetchSettings.max_shrink
    title: str | None = None         # display title; default from type

    @property
    def display_title(self) -> str:
        return self.title or document_type_title(self.type)


@dataclass(frozen=True)
class CompanyConfig:
    slug: str
    name: str
    homepage: str = ""
    documents: tuple[DocumentConfig, ...] = ()

    def document(self, doc_type: str) -> DocumentConfig | None:
        return next((d for d in self.documents if d.type == doc_type), None)


@dataclass(frozen=True)
class Config:
    path: Path
    site: SiteSettings = field(default_factory=SiteSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    companies: tuple[CompanyConfig, ...] = ()
    wayback: WaybackSettings = field(default_factory=WaybackSettings)
    remote: RemoteSettings = field(default_factory=RemoteSettings)
    subscriptions: tuple[Subscription, ...] = ()   # [[subscriptions]]: never published

    def company(self, slug: str) -> CompanyConfig | None:
        return next((c for c in self.companies if c.slug == slug), None)


@dataclass(frozen=True)
class FetchResult:
    """What a fetcher got for one document. body is None when the server said 304."""

    url: str                          # the URL asked for
    final_url: str                    # after redirects
    status: int                       # HTTP status (200 for file:// and local files)
    content_type: str                 # media type without parameters, e.g. text/html
    body: bytes | None                # raw bytes as received (decompressed), None on 304
    encoding: str | None = None       # charset from headers/meta/detection
    etag: str | None = None
    last_modified: str | None = None
    fetcher: str = "http"             # http | browser | file | import | wayback
    fetched_at: datetime | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class Extracted:
    """Clean Markdown text of a document plus the raw snapshot it came from."""

    text: str                         # normalised Markdown, ends with one newline
    raw: bytes                        # the raw snapshot to store beside it
    raw_ext: str                      # html | pdf | txt | md


@dataclass(frozen=True)
class RecordMeta:
    """Facts about a capture, written as commit trailers."""

    source_url: str = ""
    status: int | None = None
    content_type: str = ""
    fetcher: str = "http"             # http | browser | file | import | wayback | reextract
    technical: bool = False           # re-extraction etc.: not a policy change
    note: str = ""                    # why it was recorded, when not routinely (`tracker accept`)


@dataclass(frozen=True)
class Version:
    """One stored version of one document: a commit that changed its text."""

    company: str
    doc_type: str
    commit: str                       # full hex sha
    date: datetime                    # capture time (author date), timezone-aware
    subject: str
    trailers: dict[str, str]
    technical: bool = False           # re-extraction commit, not a policy change
    text_hash: str = ""               # sha256 hex of the document text


_MINOR_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or",
                          "the", "to", "with"})
_ACRONYMS = frozenset({"api", "ccpa", "coppa", "dpa", "eu", "eula", "faq", "gdpr", "hipaa",
                       "sla", "uk", "us", "usa"})


def document_type_title(doc_type: str) -> str:
    """The title as people write it: privacy-policy -> Privacy Policy, terms-of-service ->
    Terms of Service, eula -> EULA (small words lower case except first, known acronyms in
    capitals)."""
    words = [w for w in doc_type.replace("_", "-").split("-") if w]
    return " ".join(w.upper() if w in _ACRONYMS else
                    w if i and w in _MINOR_WORDS else w.capitalize()
                    for i, w in enumerate(words))
