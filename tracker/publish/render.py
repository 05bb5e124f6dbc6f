"""Render phase: site model -> outputs {relative path: lazily rendered bytes}.

Every output carries a key: a hash of exactly the inputs it is rendered from (model fields,
site settings, templates and this package's code). The writer skips rendering an output whose
key matches the previous build's manifest, which is what makes no-change rebuilds cheap and
keeps a new version from re-rendering pages it does not touch.
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

import jinja2
from markupsafe import Markup

from tracker import __version__
from tracker.publish.charts import VERDICT_COLOURS, length_chart
from tracker.publish.compare import comparable, compare_data, compare_paths, version_id
from tracker.publish.cosmetic import CosmeticItem, describe_cosmetic
from tracker.publish.evidence import (
    anchor_changes,
    archive_source,
    raw_capture,
    raw_page_path,
)
from tracker.publish.feeds import FeedSpec, change_feeds, feed_changes, status_feeds
from tracker.publish.loader import Sources
from tracker.publish.markdown import render_markdown
from tracker.publish.model import (
    TOPIC_TITLES,
    TOPICS,
    ChangeItem,
    CompanyModel,
    DocumentModel,
    SiteModel,
    VersionItem,
)
from tracker.publish.sanitize import sanitize_html
from tracker.publish.text import clean_value
from tracker.runstats import RunStats

log = logging.getLogger(__name__)

LATEST_ON_INDEX = 25
STATIC_FILES = ("style.css", "filter.js", "search.js", "cosmetic.js", "compare.js",
                "vendor/jsdiff/diff.min.js", "vendor/jsdiff/LICENSE")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "base-uri 'none'; form-action 'none'")
# The search page runs Pagefind: WebAssembly and fetches of its index files, from this site only.
SEARCH_CSP = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
              "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'")


@dataclass(frozen=True)
class Output:
    """One file of the built site; `render` is only called when `key` changed."""

    path: str
    key: str
    render: Callable[[], bytes]


@dataclass(frozen=True)
class Pager:
    """Where one page of a long change list sits among its siblings."""

    number: int             # 1-based
    count: int              # pages in all
    total: int              # changes in all
    first: str              # path of page 1
    newer: str | None       # previous page (newer changes)
    older: str | None       # next page (older changes)


def templates_dir() -> Path:
    """The installed `tracker.templates` package (never relative to the CWD)."""
    from tracker.resources import templates_dir as locate

    return locate()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of templates, static assets and this package's code: any edit re-renders all."""
    h = hashlib.sha256(__version__.encode())
    for root in (templates_dir(), Path(__file__).parent):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in {".html", ".css", ".js", ".py", ".xml"}:
                h.update(path.relative_to(root).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True, finalize=clean_value, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined)
    env.filters["date"] = lambda d, fmt="%Y-%m-%d": d.strftime(fmt) if d else "—"
    env.filters["datetime"] = lambda d: d.strftime("%Y-%m-%d %H:%M UTC") if d else "—"
    env.filters["iso"] = lambda d: d.isoformat() if d else ""
    env.filters["number"] = lambda n: f"{n:,}"
    env.globals.update(topic_titles=TOPIC_TITLES, topics=TOPICS, csp=CSP,
                       verdict_colours=VERDICT_COLOURS, version_id=version_id,
                       compare_paths=compare_paths, comparable=comparable)
    return env


def _key(*parts: object) -> str:
    h = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        h.update(b"\0")
        h.update(repr(part).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _rel_from(page: str) -> Callable[[str], str]:
    """Link from `page` to a site path: posixpath.relpath's result, computed on the path
    components when both are plain relative paths (indexes link thousands of pages, and
    relpath makes both absolute through the file system's current directory each time)."""
    base = posixpath.dirname(page) or "."
    parts = [] if base == "." else base.split("/")
    plain = not _UNPLAIN.search(base)

    def rel(target: str) -> str:
        if not plain or not target or _UNPLAIN.search(target):
            return posixpath.relpath(target, base)
        t = target.split("/")
        i = 0
        while i < len(parts) and i < len(t) and parts[i] == t[i]:
            i += 1
        return "/".join([".."] * (len(parts) - i) + t[i:]) or "."
    return rel


_UNPLAIN = re.compile(r"^[/.]|//|/\.|/$")   # absolute, dot segments, empty segments


class Renderer:
    """Knows every output of a site model and how to render each one."""

    def __init__(self, model: SiteModel, sources: Sources) -> None:
        self.model, self.sources, self.site = model, sources, model.site
        self.changes = model.all_changes()
        self._fps: dict[int, str] = {}
        self.whole = self._whole_key(model)

    @staticmethod
    def _whole_key(model: SiteModel) -> str:
        """Hash of the whole model, fed piece by piece: one repr of everything at once would
        be a string as large as all the site's metadata."""
        h = hashlib.sha256(repr((model.site, model.events)).encode("utf-8", "surrogatepass"))
        for company in model.companies:
            h.update(b"\0")
            h.update(repr(company).encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def fps(self, items: Iterable[object]) -> tuple[str, ...]:
        """Fingerprints of model items, each computed once per build (feeds share items)."""
        out = []
        for item in items:
            fp = self._fps.get(id(item))
            if fp is None:
                fp = hashlib.sha256(repr(item).encode("utf-8", "surrogatepass")).hexdigest()
                self._fps[id(item)] = fp
            out.append(fp)
        return tuple(out)

    # -- helpers -----------------------------------------------------------------------
    def _page(self, template: str, path: str, feeds: list[FeedSpec], **context: object) -> bytes:
        rel = _rel_from(path)
        alternates = [(f.title, rel(f.rss), rel(f.atom)) for f in feeds]
        html = environment().get_template(template).render(
            site=self.site, page_path=path, rel=rel, alternates=alternates,
            root=rel("index.html"), **context)
        return html.encode("utf-8")

    def _out(self, path: str, key_parts: tuple, render: Callable[[], bytes]) -> Output:
        return Output(path, _key(path, self.site, *key_parts), render)

    @property
    def all_feed(self) -> FeedSpec:
        return FeedSpec("feeds/all", f"{self.site.title}: all changes", self.site.description,
                        "index.html")

    @property
    def status_feed(self) -> FeedSpec:
        return FeedSpec("feeds/status", f"{self.site.title}: fetch status",
                        "Documents that started failing or recovered.", "status.html")

    def company_feed(self, c: CompanyModel) -> FeedSpec:
        return FeedSpec(f"feeds/companies/{c.slug}", f"{c.name}: policy changes",
                        f"Changes to the documents of {c.name}.", c.path)

    def document_feed(self, c: CompanyModel, doc: DocumentModel) -> FeedSpec:
        return FeedSpec(f"feeds/companies/{c.slug}/{doc.doc_type}",
                        f"{c.name} {doc.title}: changes",
                        f"Changes to the {doc.title} of {c.name}.",
                        f"{c.path}#doc-{doc.doc_type}")

    def topic_feed(self, topic: str) -> FeedSpec:
        title = TOPIC_TITLES[topic]
        return FeedSpec(f"feeds/topics/{topic}", f"{self.site.title}: {title}",
                        f"Changes about {title.lower()} across all companies.",
                        f"topics/{topic}.html")

    # -- outputs -----------------------------------------------------------------------
    def outputs(self) -> Iterator[Output]:
        yield from self._static()
        yield from self._indexes()
        for company in self.model.companies:
            yield from self._company(company)
        yield from self._feeds()

    def _static(self) -> Iterator[Output]:
        for name in STATIC_FILES:
            data = (templates_dir() / "static" / name).read_bytes()
            yield Output(f"static/{name}", hashlib.sha256(data).hexdigest(),
                         partial(bytes, data))

    def _indexes(self) -> Iterator[Output]:
        m, whole = self.model, self.whole
        feeds_main = [self.all_feed]
        yield self._out("index.html", (whole,), lambda: self._page(
            "index.html", "index.html", feeds_main, companies=m.companies,
            latest=self.changes[:LATEST_ON_INDEX], total_changes=len(self.changes)))
        yield from self._paged("changes.html", "changes", self.changes, "changes.html",
                               feeds_main)
        by_topic = {t: [c for c in self.changes if t in c.topic_names] for t in TOPICS}
        counts = {t: len(by_topic[t]) for t in TOPICS}
        yield self._out("topics/index.html", (counts,), lambda: self._page(
            "topics.html", "topics/index.html",
            [self.topic_feed(t) for t in TOPICS], counts=counts))
        for topic in TOPICS:
            yield from self._paged(f"topics/{topic}.html", f"topics/{topic}", by_topic[topic],
                                   "topic.html", [self.topic_feed(topic)], topic=topic)
        yield self._out("search.html", (TOPICS,), lambda: self._page(
            "search.html", "search.html", feeds_main, csp=SEARCH_CSP))
        yield self._out("about.html", (whole,), lambda: self._page(
            "about.html", "about.html", feeds_main + [self.status_feed], companies=m.companies,
            topic_feeds=[(t, self.topic_feed(t)) for t in TOPICS]))
        yield self._out("status.html", (whole,), lambda: self._page(
            "status.html", "status.html", [self.status_feed], companies=m.companies,
            events=m.events))

    def _paged(self, first: str, folder: str, items: list[ChangeItem], template: str,
               feeds: list[FeedSpec], **context: object) -> Iterator[Output]:
        """A long change list as pages of ``changes_per_page``, newest first: ``first`` then
        ``folder/page-2.html``... A visitor never loads thousands of entries at once, and the
        build renders (and holds) one page's worth at a time."""
        size = self.site.changes_per_page
        count = max(1, -(-len(items) // size))
        paths = [first] + [f"{folder}/page-{n}.html" for n in range(2, count + 1)]
        for n, path in enumerate(paths):
            chunk = items[n * size:(n + 1) * size]
            pager = Pager(number=n + 1, count=count, total=len(items), first=first,
                          newer=paths[n - 1] if n else None,
                          older=paths[n + 1] if n + 1 < count else None)
            yield self._out(path, (template, context, pager, self.fps(chunk)),
                            partial(self._page, template, path, feeds, changes=chunk,
                                    pager=pager, **context))

    def _company(self, c: CompanyModel) -> Iterator[Output]:
        feeds = [self.company_feed(c)] + [self.document_feed(c, d) for d in c.documents]
        yield self._out(c.path, (c,), lambda: self._company_page(c, feeds))
        for doc in c.documents:
            doc_feeds = [self.document_feed(c, doc), self.company_feed(c)]
            for change in doc.changes:
                yield self._out(change.path, (change,),
                                partial(self._change_page, c, doc, change, doc_feeds))
            for version in doc.versions:
                yield self._out(version.path, (version, c.name, doc.title, doc.url),
                                partial(self._version_page, c, doc, version, doc_feeds))
                yield self._out(raw_page_path(version.path), ("raw", version, c.name, doc.title),
                                partial(self._raw_page, c, doc, version, doc_feeds))
            if comparable(doc):
                yield from self._compare(c, doc, doc_feeds)

    def _compare(self, c: CompanyModel, doc: DocumentModel,
                 feeds: list[FeedSpec]) -> Iterator[Output]:
        """The compare page of a document and its data file (every version's text)."""
        page, data = compare_paths(c.slug, doc.doc_type)
        key = (c.name, doc.title, self.fps(doc.versions), self.fps(doc.changes))
        yield self._out(page, ("compare",) + key, partial(
            self._page, "compare.html", page, feeds, company=c, doc=doc,
            versions=doc.versions, data_path=data))
        yield self._out(data, ("compare-data",) + key, lambda: compare_data(
            doc, self.sources.text, _rel_from(page)))

    def _company_page(self, c: CompanyModel, feeds: list[FeedSpec]) -> bytes:
        rel = _rel_from(c.path)
        charts = {d.doc_type: length_chart(f"chart-{d.doc_type}", f"{c.name} {d.title}",
                                           d.versions, d.changes, rel)
                  for d in c.documents}
        changes = {ch.new_version_path: ch for d in c.documents for ch in d.changes}
        doc_feeds = {d.doc_type: self.document_feed(c, d) for d in c.documents}
        return self._page("company.html", c.path, feeds, company=c, charts=charts,
                          changes_by_version=changes, doc_feeds=doc_feeds,
                          company_feed=self.company_feed(c))

    def _change_page(self, c: CompanyModel, doc: DocumentModel, change: ChangeItem,
                     feeds: list[FeedSpec]) -> bytes:
        cosmetic: tuple[CosmeticItem, ...] = ()
        if change.error:  # the detector failed on this pair: say so, do not retry here
            redline = Markup("<p>The change report could not be computed: {}</p>").format(
                change.error)
        else:
            report = self.sources.report(change)
            if not report.changes:
                cosmetic = describe_cosmetic(report, *self.sources.pair(change))
                redline = Markup("")
            else:
                redline = Markup(anchor_changes(sanitize_html(self.sources.redline(report))))
        return self._page("change.html", change.path, feeds, company=c, doc=doc, change=change,
                          redline=redline, cosmetic=cosmetic)

    def _version_page(self, c: CompanyModel, doc: DocumentModel, version: VersionItem,
                      feeds: list[FeedSpec]) -> bytes:
        body = Markup(render_markdown(self.sources.text(version), heading_offset=1))
        raw = self.sources.raw(version)
        return self._page("version.html", version.path, feeds, company=c, doc=doc,
                          version=version, body=body, archive=archive_source(version.source_url),
                          raw_ext=raw[1] if raw else None, raw_path=raw_page_path(version.path))

    def _raw_page(self, c: CompanyModel, doc: DocumentModel, version: VersionItem,
                  feeds: list[FeedSpec]) -> bytes:
        """The raw capture as escaped text: nothing of it is ever interpreted by a browser."""
        raw = self.sources.raw(version)
        capture = raw_capture(*raw) if raw else None
        return self._page("raw.html", raw_page_path(version.path), feeds, company=c, doc=doc,
                          version=version, capture=capture,
                          git_path=f"raw/{doc.doc_type}.{capture.ext}" if capture else "")

    def _feeds(self) -> Iterator[Output]:
        site, changes = self.site, self.changes

        def change_feed(spec: FeedSpec, items: list[ChangeItem]) -> Iterator[Output]:
            # Items' order and content define the feed; keyed like a page. Both formats are
            # made together and each handed over once: the outputs list outlives the write,
            # and kept bytes would hold every feed of the site in memory (~1 MB a company).
            rendered: dict[str, bytes] = {}
            made: list[bool] = []

            def get(path: str) -> bytes:
                if not made:
                    rendered.update(change_feeds(spec, items, site))
                    made.append(True)
                return rendered.pop(path)
            key = (spec, self.fps(feed_changes(items, site)))
            yield self._out(spec.rss, key, lambda: get(spec.rss))
            yield self._out(spec.atom, key, lambda: get(spec.atom))

        yield from change_feed(self.all_feed, changes)
        for c in self.model.companies:
            company_changes = [ch for ch in changes if ch.company == c.slug]
            yield from change_feed(self.company_feed(c), company_changes)
            for d in c.documents:
                yield from change_feed(self.document_feed(c, d),
                                       [ch for ch in company_changes
                                        if ch.doc_type == d.doc_type])
        for topic in TOPICS:
            yield from change_feed(self.topic_feed(topic),
                                   [ch for ch in changes if topic in ch.topic_names])
        spec = self.status_feed
        events = self.model.events
        cache: dict[str, bytes] = {}
        made_status: list[bool] = []

        def status(path: str) -> bytes:
            if not made_status:
                cache.update(status_feeds(spec, events, site))
                made_status.append(True)
            return cache.pop(path)
        yield self._out(spec.rss, (spec, events), lambda: status(spec.rss))
        yield self._out(spec.atom, (spec, events), lambda: status(spec.atom))


def render_site(model: SiteModel, sources: Sources, stats: RunStats) -> list[Output]:
    """Render phase: every output of the site, each rendered lazily by the writer only when
    its key changed (that rendering is timed as "render" by the writer)."""
    from tracker.publish.api import api_outputs   # api imports Output from this module

    with stats.phase("render"):
        return [*Renderer(model, sources).outputs(), *api_outputs(model)]
