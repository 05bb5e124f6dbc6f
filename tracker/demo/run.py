"""`tracker demo`: the whole product, offline, on the bundled sample policies.

The sample data (`tracker.sample_snapshots`, the repository's `snapshots/`) holds dated
versions of five privacy policies. The demo plays the companies' websites on a local server
and replays history: for each date, the server shows the version current on that day and the
ordinary tracking run (`tracker.tracking.run.track`) fetches, extracts and records it, so the
repositories, change detection, feeds and site all come from the same code path as a cron run.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import threading
import time as timer
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from tracker import __version__
from tracker.config.loading import CONFIG_FILENAME
from tracker.names import is_safe_slug
from tracker.demo.server import DemoServer, Page, make_page, render_document, render_page
from tracker.errors import TrackerError, UsageError
from tracker.models import Config, document_type_title
from tracker.workspace import Workspace

if TYPE_CHECKING:  # the tracking run is imported when the demo runs, not with this module
    from tracker.tracking.run import DocOutcome

log = logging.getLogger(__name__)

# A demo workspace is marked so that re-running can recreate it, and so that no other
# directory is ever emptied by mistake.
MARKER_NAME = ".policy-tracker-demo"
_VERSION_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})\.(md|txt)")

Echo = Callable[[str], None]


class SampleDataError(TrackerError):
    """The bundled sample data is missing or inconsistent (a broken installation)."""


# ----------------------------------------------------------------------------- sample data

@dataclass(frozen=True)
class SampleVersion:
    company: str
    doc_type: str
    date: date
    fmt: str          # "md" | "txt"
    name: str         # file name, e.g. 2020-01-15.md
    text: str


@dataclass(frozen=True)
class SampleCompany:
    slug: str
    name: str
    homepage: str
    select: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()


@dataclass(frozen=True)
class SampleSet:
    """The bundled companies and every dated version of their documents."""

    companies: tuple[SampleCompany, ...]
    versions: tuple[SampleVersion, ...]     # sorted by company, doc type, date

    def company(self, slug: str) -> SampleCompany | None:
        return next((c for c in self.companies if c.slug == slug), None)

    def doc_types(self, slug: str) -> list[str]:
        return sorted({v.doc_type for v in self.versions if v.company == slug})

    def history(self, slug: str, doc_type: str) -> list[SampleVersion]:
        return [v for v in self.versions if v.company == slug and v.doc_type == doc_type]

    def dates(self) -> list[date]:
        return sorted({v.date for v in self.versions})

    def current(self, slug: str, doc_type: str, on: date) -> SampleVersion | None:
        """The version a visitor would have seen on that day (None before the first)."""
        best = None
        for version in self.history(slug, doc_type):
            if version.date <= on:
                best = version
        return best

    def companies_on(self, on: date) -> list[str]:
        """Companies with at least one published document on that day."""
        return [c.slug for c in self.companies
                if any(v.company == c.slug and v.date <= on for v in self.versions)]


def sample_root() -> Traversable:
    """The installed sample data, wherever the package lives (never relative to the CWD)."""
    from tracker.resources import sample_snapshots_dir

    return sample_snapshots_dir()


def load_samples(root: Traversable | Path | None = None) -> SampleSet:
    """Read companies.toml and every <slug>/<doc-type>/<YYYY-MM-DD>.<md|txt> file."""
    root = sample_root() if root is None else root
    try:
        meta = tomllib.loads(root.joinpath("companies.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SampleDataError(f"bundled sample data unreadable: companies.toml: {exc}") from None
    companies: list[SampleCompany] = []
    versions: list[SampleVersion] = []
    for entry in meta.get("companies", []):
        slug = entry.get("slug")
        if not is_safe_slug(slug):
            raise SampleDataError(f"bundled sample data: unsafe company slug {slug!r}")
        companies.append(SampleCompany(
            slug=slug, name=entry.get("name", slug), homepage=entry.get("homepage", ""),
            select=tuple(entry.get("select", ())), remove=tuple(entry.get("remove", ()))))
        company_dir = root.joinpath(slug)
        if not company_dir.is_dir():
            raise SampleDataError(f"bundled sample data: no directory for company {slug!r}")
        for doc_dir in sorted(company_dir.iterdir(), key=lambda p: p.name):
            if not doc_dir.is_dir() or not is_safe_slug(doc_dir.name):
                continue
            for item in sorted(doc_dir.iterdir(), key=lambda p: p.name):
                match = _VERSION_NAME.fullmatch(item.name)
                if not match:
                    continue
                try:
                    day = date.fromisoformat(match.group(1))
                except ValueError:
                    raise SampleDataError(
                        f"bundled sample data: bad date in {slug}/{doc_dir.name}/{item.name}"
                    ) from None
                versions.append(SampleVersion(
                    company=slug, doc_type=doc_dir.name, date=day, fmt=match.group(2),
                    name=item.name, text=item.read_text(encoding="utf-8")))
    if not companies or not versions:
        raise SampleDataError("bundled sample data is empty (broken installation?)")
    for company in companies:
        if not any(v.company == company.slug for v in versions):
            raise SampleDataError(f"bundled sample data: no versions for {company.slug!r}")
    versions.sort(key=lambda v: (v.company, v.doc_type, v.date))
    return SampleSet(companies=tuple(companies), versions=tuple(versions))


# ------------------------------------------------------------------------------- the site

class SampleSite:
    """What the fake websites show on the simulated date; thread-safe for the server."""

    def __init__(self, samples: SampleSet) -> None:
        self.samples = samples
        self._lock = threading.Lock()
        self._today: date = samples.dates()[0]
        self._cache: dict[tuple[str, str, str, int], Page] = {}

    def set_date(self, day: date) -> None:
        with self._lock:
            self._today = day

    def page(self, slug: str, doc_type: str) -> Page | None:
        with self._lock:
            today = self._today
        version = self.samples.current(slug, doc_type, today)
        company = self.samples.company(slug)
        if version is None or company is None:
            return None
        key = (slug, doc_type, version.name, today.year)
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None:
            return cached
        html_text = render_page(company=company.name, slug=slug, doc_type=doc_type,
                                title=document_type_title(doc_type),
                                content_html=render_document(version.text, version.fmt),
                                year=today.year)
        page = make_page(html_text, version.date)
        with self._lock:
            self._cache[key] = page
        return page


# ------------------------------------------------------------------------------- workspace

@dataclass
class DemoResult:
    """Where the demo put things, and what happened."""

    workspace: Path
    snapshots_dir: Path                 # the per-company git repositories
    site_index: Path | None             # public/index.html, None when the site was not built
    example_company: str
    sample_dir: str                     # where the bundled sample data was read from
    dates: int = 0                      # tracking runs (one per date)
    companies: int = 0
    versions_expected: int = 0          # sample versions whose text differs from the previous
    versions_recorded: int = 0          # outcomes 'new' or 'changed'
    failures: list[str] = field(default_factory=list)
    outcomes: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    site_error: str | None = None
    seconds: float = 0.0


def is_demo_workspace(path: Path) -> bool:
    return (path / MARKER_NAME).is_file()


def prepare_target(target: Path) -> Path:
    """Create an empty demo directory, or clean a previous demo workspace for a fresh run.

    Any other non-empty directory is refused: the demo never deletes a user's files.
    """
    target = Path(target).expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} exists and is not a directory")
    if target.is_dir() and any(target.iterdir()):
        if not is_demo_workspace(target):
            raise UsageError(f"{target} is not empty and is not a previous demo workspace; "
                             "choose a new or empty directory")
        log.info("removing previous demo workspace contents in %s", target)
        for child in target.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    target.mkdir(parents=True, exist_ok=True)
    (target / MARKER_NAME).write_text(json.dumps({
        "created_by": "tracker demo", "tracker_version": __version__,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }, indent=2) + "\n", encoding="utf-8")
    return target


# The demo's base_url: the local preview of its public/ directory (`python3 -m http.server`'s
# default port, on loopback), so its feeds have working absolute links out of the box.
PREVIEW_URL = "http://127.0.0.1:8000/"


def demo_config_text(samples: SampleSet, server: DemoServer) -> str:
    """tracker.toml of the demo workspace: the sample companies at the local server."""
    import tomlkit

    doc = tomlkit.document()
    doc.add(tomlkit.comment("Written by `tracker demo`: the sample companies, served locally."))
    doc.add(tomlkit.comment("Re-running `tracker demo` here recreates this workspace."))
    site = tomlkit.table()
    site["title"] = "Policy Tracker demo"
    site["description"] = ("Changes to five sample privacy policies, replayed offline by "
                           "`tracker demo`.")
    site["base_url"] = PREVIEW_URL
    site["base_url"].comment("where `python3 -m http.server 8000 --bind 127.0.0.1 "
                             "--directory public` serves the site; your public URL when you "
                             "publish")
    doc["site"] = site
    fetch = tomlkit.table()
    fetch["user_agent"] = f"policy-tracker/{__version__} (demo)"
    fetch["per_host_delay"] = 0
    fetch["timeout"] = 10
    fetch["retries"] = 0
    doc["fetch"] = fetch
    companies = tomlkit.aot()
    for company in samples.companies:
        entry = tomlkit.table()
        entry["slug"] = company.slug
        entry["name"] = company.name
        if company.homepage:
            entry["homepage"] = company.homepage
        documents = tomlkit.aot()
        for doc_type in samples.doc_types(company.slug):
            document = tomlkit.table()
            document["type"] = doc_type
            document["url"] = server.url_for(company.slug, doc_type)
            if company.select:
                document["select"] = list(company.select)
            if company.remove:
                document["remove"] = list(company.remove)
            documents.append(document)
        entry["documents"] = documents
        companies.append(entry)
    doc["companies"] = companies
    return tomlkit.dumps(doc)


def _expected_versions(samples: SampleSet) -> int:
    """Versions that must become commits: every file whose text differs from its predecessor."""
    count = 0
    for company in samples.companies:
        for doc_type in samples.doc_types(company.slug):
            previous = None
            for version in samples.history(company.slug, doc_type):
                count += version.text != previous
                previous = version.text
    return count


def _say(echo: Echo | None) -> Echo:
    return echo if echo is not None else (lambda line: log.info("%s", line))


def run_demo(target: Path | str = "demo", *, echo: Echo | None = None,
             build_site: bool = True, samples: SampleSet | None = None) -> DemoResult:
    """Create the demo workspace in `target`, replay every sample date, build the site."""
    from tracker.config.loading import load_config
    from tracker.tracking.run import track

    say = _say(echo)
    started = timer.monotonic()
    samples = samples or load_samples()
    root = prepare_target(Path(target))
    workspace = Workspace(root)
    workspace.snapshots_dir.mkdir(parents=True, exist_ok=True)
    site = SampleSite(samples)
    dates = samples.dates()
    result = DemoResult(workspace=root, snapshots_dir=workspace.snapshots_dir, site_index=None,
                        example_company=samples.companies[0].slug,
                        sample_dir=str(sample_root()), dates=len(dates),
                        companies=len(samples.companies),
                        versions_expected=_expected_versions(samples))
    say(f"Demo workspace: {root}")
    say(f"Sample policies: {len(samples.companies)} companies, {len(samples.versions)} "
        f"versions from {dates[0]} to {dates[-1]}")
    explain = _explainer(workspace)
    with DemoServer(site.page) as server:
        (root / CONFIG_FILENAME).write_text(demo_config_text(samples, server), encoding="utf-8")
        config = load_config(workspace.config_path)
        say(f"Serving the sample sites on {server.base_url} (offline)")
        say(f"Feed links point to {PREVIEW_URL} (base_url in tracker.toml): preview the "
            f"site there with `python3 -m http.server 8000 --bind 127.0.0.1 --directory "
            f"{workspace.public_dir}`")
        with workspace.lock():
            for day in dates:
                site.set_date(day)
                present = samples.companies_on(day)
                report = track(workspace, config, companies=present,
                               captured_at=datetime.combine(day, time(12, 0),
                                                            tzinfo=timezone.utc))
                lines = _tally(day, report.outcomes, result, explain)
                say(f"  {day}: " + (", ".join(lines) if lines else "no changes"))
            if build_site:
                _build_site(workspace, config, result, say)
    result.seconds = timer.monotonic() - started
    say(f"Recorded {result.versions_recorded} versions in {result.dates} runs "
        f"({result.seconds:.1f} s).")
    if result.failures:
        say(f"{len(result.failures)} documents failed; see the lines above.")
    return result


def _tally(day: date, outcomes: list[DocOutcome], result: DemoResult,
           explain: Callable[[str, str], str | None] | None) -> list[str]:
    """Record one day's outcomes in ``result``; the day's line items (changes with headlines)."""
    lines: list[str] = []
    for outcome in outcomes:
        result.outcomes.setdefault(day.isoformat(), []).append(
            (outcome.company, outcome.doc_type, outcome.status))
        if outcome.status in ("new", "changed"):
            result.versions_recorded += 1
            lines.append(f"{outcome.company} {outcome.status}")
            if outcome.status == "changed" and explain is not None:
                headline = explain(outcome.company, outcome.doc_type)
                if headline:
                    lines[-1] += f" - {headline}"
        elif outcome.status == "failed":
            result.failures.append(f"{day} {outcome.company}/{outcome.doc_type}: {outcome.error}")
            lines.append(f"{outcome.company} FAILED ({outcome.error})")
    return lines


def _explainer(workspace: Workspace) -> Callable[[str, str], str | None] | None:
    """Headline of a document's latest change, via the detector's report cache.

    Reports land in the workspace cache, so the site build that follows reuses them.
    """
    try:
        from tracker.changes.cache import ReportCache
        from tracker.storage.repo import CompanyRepo
    except ImportError as exc:
        log.info("no change headlines in the demo output: %s", exc)
        return None
    cache = ReportCache(workspace.reports_cache_dir)

    def explain(slug: str, doc_type: str) -> str | None:
        repo = CompanyRepo.open(workspace.repo_path(slug))
        versions = repo.versions(doc_type)
        if len(versions) < 2:
            return None
        old = repo.text_at(versions[1].commit, doc_type)
        new = repo.text_at(versions[0].commit, doc_type)
        return cache.get(old, new).headline

    return explain


def _build_site(workspace: Workspace, config: Config, result: DemoResult, say: Echo) -> None:
    """Build feeds and site exactly as `tracker build` does."""
    from tracker.publish import build_site

    build_site(workspace, config)
    index = workspace.public_dir / "index.html"
    if index.is_file():
        result.site_index = index
        say(f"Site built: {index}")
    else:
        result.site_error = f"site build wrote no {index}"
        say(result.site_error)


def iter_intended_changes(root: Traversable | Path | None = None
                          ) -> Iterable[tuple[str, str, dict]]:
    """(company, doc_type, revision note) from every CHANGES.toml, oldest first."""
    samples_root = sample_root() if root is None else root
    for company_dir in sorted(samples_root.iterdir(), key=lambda p: p.name):
        if not company_dir.is_dir() or not is_safe_slug(company_dir.name):
            continue
        for doc_dir in sorted(company_dir.iterdir(), key=lambda p: p.name):
            notes = doc_dir.joinpath("CHANGES.toml")
            if not doc_dir.is_dir() or not notes.is_file():
                continue
            data = tomllib.loads(notes.read_text(encoding="utf-8"))
            for revision in data.get("revisions", []):
                yield company_dir.name, doc_dir.name, revision
