"""RSS 2.0 and Atom feeds (feedgen) for the whole site, companies, documents, topics, status.

Feeds are deterministic: their 'updated'/'lastBuildDate' is the newest item's date, never the
build time, so a rebuild with nothing new produces the same bytes and rewrites no file.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from feedgen.feed import FeedGenerator
from markupsafe import escape

from tracker import __version__
from tracker.models import SiteSettings
from tracker.publish.model import TOPIC_TITLES, ChangeItem, StatusEventItem
from tracker.publish.text import clean_text

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class FeedSpec:
    """One logical feed; written twice, as `<stem>.rss` and `<stem>.atom`."""

    stem: str                 # e.g. feeds/companies/acme  (no extension)
    title: str
    description: str
    page: str                 # the HTML page this feed belongs to (site-relative path)

    @property
    def rss(self) -> str:
        return f"{self.stem}.rss"

    @property
    def atom(self) -> str:
        return f"{self.stem}.atom"


def link_for(site: SiteSettings, feed_path: str, target: str) -> str:
    """Absolute URL when base_url is set, else a link relative to the feed file."""
    if absolute_base(site):
        return site.base_url.rstrip("/") + "/" + target
    return posixpath.relpath(target, posixpath.dirname(feed_path) or ".")


def absolute_base(site: SiteSettings) -> bool:
    """Only an http(s) base_url makes absolute links (never javascript: and the like)."""
    return site.base_url.lower().startswith(("https://", "http://"))


def feed_changes(changes: Sequence[ChangeItem], site: SiteSettings) -> list[ChangeItem]:
    """Newest N changes, cosmetic ones only when the config asks for them."""
    kept = [c for c in changes if site.include_cosmetic or c.verdict != "cosmetic"]
    kept.sort(key=lambda c: (c.date, c.guid), reverse=True)
    return kept[:max(1, site.feed_items)]


def _item_html(change: ChangeItem, link: str) -> str:
    bullets = "".join(f"<li>{escape(clean_text(b))}</li>" for b in change.bullets)
    parts = [f"<p><strong>{escape(change.verdict.capitalize())} change</strong> to "
             f"{escape(change.company_name)} {escape(change.doc_title)}, captured "
             f"{change.date:%Y-%m-%d}.</p>"]
    if bullets:
        parts.append(f"<ul>{bullets}</ul>")
    if change.short_redline:  # sanitised once when the summary was made (model.py)
        parts.append(change.short_redline)
    parts.append(f'<p><a href="{escape(link)}">Full change report and redline</a></p>')
    return "".join(parts)


def _new_feed(spec: FeedSpec, site: SiteSettings, feed_path: str, updated: datetime,
              fmt: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.id(link_for(site, feed_path, spec.page) if absolute_base(site)
          else f"urn:policy-tracker:feed:{spec.stem}")
    fg.title(clean_text(spec.title))
    fg.description(clean_text(spec.description) or spec.title)
    fg.link(href=link_for(site, feed_path, spec.page), rel="alternate")
    if absolute_base(site):
        fg.link(href=link_for(site, feed_path, feed_path), rel="self",
                type="application/rss+xml" if fmt == "rss" else "application/atom+xml")
    fg.language("en")
    fg.generator("policy-tracker", version=__version__)
    fg.updated(updated)
    return fg


def _serialise(fg: FeedGenerator, fmt: str) -> bytes:
    return fg.rss_str(pretty=True) if fmt == "rss" else fg.atom_str(pretty=True)


def change_feeds(spec: FeedSpec, changes: Sequence[ChangeItem],
                 site: SiteSettings) -> dict[str, bytes]:
    """Both formats of one change feed: {path: bytes}."""
    items = feed_changes(changes, site)
    updated = items[0].date if items else EPOCH
    out = {}
    for fmt, path in (("rss", spec.rss), ("atom", spec.atom)):
        fg = _new_feed(spec, site, path, updated, fmt)
        for c in reversed(items):  # feedgen prepends: add oldest first, newest ends on top
            link = link_for(site, path, c.path)
            fe = fg.add_entry()
            fe.id(c.guid)
            fe.guid(c.guid, permalink=False)
            fe.title(clean_text(f"{c.company_name} {c.doc_title}: {c.headline}"
                                if c.headline else f"{c.company_name} {c.doc_title} changed"))
            fe.link(href=link)
            fe.published(c.date)
            fe.updated(c.date)
            fe.content(_item_html(c, link), type="html")
            if fmt == "rss":
                fe.description(clean_text(c.headline or "Changed"))
            for term, scheme, label in _categories(c):
                fe.category(term=clean_text(term), scheme=scheme, label=clean_text(label))
        out[path] = _serialise(fg, fmt)
    return out


def _categories(c: ChangeItem) -> list[tuple[str, str, str]]:
    cats = [(c.company_name, "urn:policy-tracker:company", c.company_name),
            (c.doc_title, "urn:policy-tracker:document", c.doc_title),
            (c.verdict, "urn:policy-tracker:verdict", c.verdict)]
    cats += [(t, "urn:policy-tracker:topic", TOPIC_TITLES.get(t, t)) for t in c.topic_names]
    return cats


def status_feeds(spec: FeedSpec, events: Sequence[StatusEventItem],
                 site: SiteSettings) -> dict[str, bytes]:
    """Failing/recovered events, one item each (GUID from kind, document and date)."""
    items = sorted(events, key=lambda e: (e.date, e.guid), reverse=True)[:max(1, site.feed_items)]
    updated = items[0].date if items else EPOCH
    out = {}
    for fmt, path in (("rss", spec.rss), ("atom", spec.atom)):
        fg = _new_feed(spec, site, path, updated, fmt)
        for e in reversed(items):
            fe = fg.add_entry()
            fe.id(e.guid)
            fe.guid(e.guid, permalink=False)
            verb = "is failing" if e.kind == "failing" else "recovered"
            fe.title(clean_text(f"{e.company_name} {e.doc_title} {verb}"))
            fe.link(href=link_for(site, path, spec.page))
            fe.published(e.date)
            fe.updated(e.date)
            fe.content(f"<p>{escape(clean_text(e.message))}</p>", type="html")
            if fmt == "rss":
                fe.description(clean_text(e.message or verb))
            fe.category(term=e.kind, scheme="urn:policy-tracker:status", label=e.kind)
        out[path] = _serialise(fg, fmt)
    return out
