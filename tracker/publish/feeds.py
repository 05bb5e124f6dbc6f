"""RSS 2.0 and Atom feeds (feedgen) for the whole site, companies, documents, topics, status.

With `base_url` every link is absolute (RSS requires it); the channel `<link>` is the page the
feed belongs to, `atom:link rel="self"` names the feed itself, and feed ids are derived from
the feed's path, never from `base_url`, so setting or moving the site keeps them. Items are
made for readers that strip CSS (`feedhtml.py`): a short title, the summary as description,
the redline with textual markers, and categories for company, document, verdict and topics.

Feeds are deterministic: their 'updated'/'lastBuildDate' is the newest item's date, never the
build time, so a rebuild with nothing new produces the same bytes and rewrites no file.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from markupsafe import escape

from tracker import __version__
from tracker.models import SiteSettings
from tracker.publish.feedhtml import feed_redline, short_title, text_html
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
    """Absolute URL when base_url is set, else a link relative to the feed file (which many
    readers cannot resolve: `build` warns). `target` may end in a #fragment."""
    if absolute_base(site):
        return site.base_url.rstrip("/") + "/" + target
    path, hash_, fragment = target.partition("#")
    return posixpath.relpath(path, posixpath.dirname(feed_path) or ".") + hash_ + fragment


def absolute_base(site: SiteSettings) -> bool:
    """Only an http(s) base_url makes absolute links (never javascript: and the like)."""
    return site.base_url.lower().startswith(("https://", "http://"))


def feed_changes(changes: Sequence[ChangeItem], site: SiteSettings) -> list[ChangeItem]:
    """Newest N changes, cosmetic ones only when the config asks for them."""
    kept = [c for c in changes if site.include_cosmetic or c.verdict != "cosmetic"]
    kept.sort(key=lambda c: (c.date, c.guid), reverse=True)
    return kept[:max(1, site.feed_items)]


def _verdict_line(change: ChangeItem) -> str:
    return (f"<p><strong>{escape(change.verdict.capitalize())} change</strong> to "
            f"{escape(change.company_name)} {escape(change.doc_title)}, captured "
            f"{change.date:%Y-%m-%d}.</p>")


def _summary_html(change: ChangeItem) -> str:
    """What the change means, in short: the RSS description and the Atom summary."""
    parts = [_verdict_line(change)]
    if change.shown_bullets:
        parts.append("<ul>" + "".join(f"<li>{escape(clean_text(b))}</li>"
                                      for b in change.shown_bullets) + "</ul>")
    topics = [TOPIC_TITLES.get(t, t) for t in change.topic_names]
    if topics:
        parts.append(f"<p>Topics: {escape(', '.join(topics))}.</p>")
    return "".join(parts)


def _item_html(change: ChangeItem, link: str) -> str:
    """The whole item: the full headline, the summary, the short redline and the link."""
    parts = [f"<p><strong>{escape(clean_text(change.headline))}</strong></p>"
             if change.headline else "", _summary_html(change)]
    if change.short_redline:  # sanitised when the summary was made; rewritten for readers
        parts.append(feed_redline(change.short_redline))
    parts.append(f'<p><a href="{escape(link)}">Full change report and redline</a></p>')
    return "".join(parts)


def item_title(change: ChangeItem) -> str:
    """The change's headline with its company and document, kept under ~110 characters."""
    lead = f"{change.company_name} {change.doc_title}"
    return short_title(f"{lead}: {change.headline}" if change.headline else f"{lead} changed")


def feed_id(spec: FeedSpec) -> str:
    """Unique per feed and independent of base_url, so adding or moving the site later
    never makes readers see a new feed."""
    return f"urn:policy-tracker:feed:{spec.stem}"


def _new_feed(spec: FeedSpec, site: SiteSettings, feed_path: str, updated: datetime,
              fmt: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.id(feed_id(spec))
    title, description = clean_text(spec.title), clean_text(spec.description or spec.title)
    if fmt == "rss":   # readers render RSS text as HTML: escaped text displays as itself
        title, description = text_html(title), text_html(description)
    fg.title(title)
    fg.description(description)
    fg.author(name=clean_text(site.title) or "policy-tracker")
    fg.link(href=link_for(site, feed_path, feed_path), rel="self",
            type="application/rss+xml" if fmt == "rss" else "application/atom+xml")
    # feedgen makes the last link the RSS channel <link>: the page, never the feed itself
    fg.link(href=link_for(site, feed_path, spec.page), rel="alternate")
    fg.language("en")
    fg.generator("policy-tracker", version=__version__)
    fg.updated(updated)
    return fg


def _serialise(fg: FeedGenerator, fmt: str) -> bytes:
    return fg.rss_str(pretty=True) if fmt == "rss" else fg.atom_str(pretty=True)


def change_feeds(spec: FeedSpec, changes: Sequence[ChangeItem],
                 site: SiteSettings) -> dict[str, bytes]:
    """Both formats of one change feed: {path: bytes}.

    RSS has no type attribute and readers render its title and description as HTML, so both
    carry escaped text there; Atom says what each field is (text or html)."""
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
            fe.title(text_html(item_title(c)) if fmt == "rss" else item_title(c))
            fe.link(href=link)
            fe.published(c.date)
            fe.updated(c.date)
            fe.summary(_summary_html(c), type="html")
            fe.content(_item_html(c, link), type="html")
            for term, scheme, label in _categories(c):
                _category(fe, fmt, term, scheme, label)
        out[path] = _serialise(fg, fmt)
    return out


def _category(fe: FeedEntry, fmt: str, term: str, scheme: str, label: str) -> None:
    """Atom keeps categories in attributes (never rendered as markup); RSS shows the label
    as element text, escaped like every RSS text a reader may render as HTML."""
    if fmt == "rss":
        term, label = text_html(term), text_html(label)
    fe.category(term=clean_text(term), scheme=scheme, label=clean_text(label))


def _categories(c: ChangeItem) -> list[tuple[str, str, str]]:
    cats = [(c.company_name, "urn:policy-tracker:company", c.company_name),
            (c.doc_title, "urn:policy-tracker:document", c.doc_title),
            (c.verdict, "urn:policy-tracker:verdict", c.verdict)]
    cats += [(t, "urn:policy-tracker:topic", TOPIC_TITLES.get(t, t)) for t in c.topic_names]
    return cats


def status_feeds(spec: FeedSpec, events: Sequence[StatusEventItem],
                 site: SiteSettings) -> dict[str, bytes]:
    """Failing/recovered events, one item each (GUID from kind, document and date).

    The message holds server text (an HTTP reason phrase, an error): escaped everywhere."""
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
            title = short_title(f"{e.company_name} {e.doc_title} {verb}")
            fe.title(text_html(title) if fmt == "rss" else title)
            fe.link(href=link_for(site, path, spec.page))
            fe.published(e.date)
            fe.updated(e.date)
            message = f"<p>{text_html(e.message or verb)}</p>"
            fe.summary(message, type="html")
            fe.content(message, type="html")
            for term, scheme in ((e.company_name, "urn:policy-tracker:company"),
                                 (e.doc_title, "urn:policy-tracker:document"),
                                 (e.kind, "urn:policy-tracker:status")):
                _category(fe, fmt, term, scheme, term)
        out[path] = _serialise(fg, fmt)
    return out
