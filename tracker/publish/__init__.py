"""Publishing: RSS/Atom feeds and the static change-log website.

`build_site` runs its four phases (Pelican style) as four calls: load (git history, cached
summaries and state, see `loader.py`), detect (the missing change reports on all cores, see
`detect.py`, then the frozen view model of `model.py`), render (model -> outputs keyed by their
inputs, `render.py`) and write (only changed bytes, streamed to a staging directory, atomic
swap of the output directory, `writer.py`). Summaries and feed GUIDs live in `summaries.py`.
"""

from __future__ import annotations

import logging
import os
import time
from functools import partial
from dataclasses import dataclass, field
from pathlib import Path

from tracker.errors import WorkspaceError
from tracker.models import Config
from tracker.publish.feeds import absolute_base
from tracker.publish.loader import LoadedSite, Progress, detect_changes, load_site
from tracker.publish.model import SiteModel
from tracker.publish.render import render_site
from tracker.publish.search import index_site
from tracker.publish.writer import WriteStats, check_target, write_site
from tracker.runstats import RunStats
from tracker.workspace import Workspace

log = logging.getLogger(__name__)

__all__ = ["BuildReport", "build_site"]


@dataclass(frozen=True)
class BuildReport:
    """What a build did; `written`/`removed` list site-relative paths."""

    out_dir: Path
    pages_written: int
    feeds_written: int
    unchanged: int
    removed: int
    rendered: int               # outputs actually rendered (the rest were skipped by key)
    elapsed: float              # seconds
    companies: int = 0
    changes: int = 0
    versions: int = 0
    reports_computed: int = 0   # change reports the detector ran for in this build
    reports_failed: int = 0     # changes whose report failed (listed in `errors`)
    written: tuple[str, ...] = field(default=(), repr=False)
    removed_paths: tuple[str, ...] = field(default=(), repr=False)
    errors: tuple[str, ...] = ()   # companies left out (unreadable repository)
    warnings: tuple[str, ...] = ()  # e.g. feeds built without base_url (relative links)

    @property
    def total_written(self) -> int:
        return self.pages_written + self.feeds_written

    def summary(self) -> str:
        return (f"built {self.out_dir}: {self.pages_written} pages and {self.feeds_written} "
                f"feeds written, {self.unchanged} unchanged, {self.removed} removed "
                f"in {self.elapsed:.2f}s")


def _is_feed(path: str) -> bool:
    return path.endswith((".rss", ".atom"))


def build_site(workspace: Workspace, config: Config, out_dir: Path | None = None, *,
               workers: int | None = None, stats: RunStats | None = None,
               progress: Progress | None = None) -> BuildReport:
    """Build the static site and feeds of `workspace` into `out_dir` (default public/).

    Missing change reports are computed on `workers` processes (None: all cores). `stats`
    (a RunStats) receives the load/detect/render/write phases and the counters;
    `progress(label, done, total)` is called as changes are detected and files written."""
    started = time.perf_counter()
    stats = stats or RunStats.null()
    out = Path(out_dir) if out_dir is not None else Path(workspace.public_dir)
    check_target(Path(os.path.abspath(out)))   # before any work: `/`, a regular file
    try:
        site = load_site(workspace, config, stats=stats)
        try:
            model = detect_changes(site, workers=workers, progress=progress)
            outputs = render_site(model, site.sources, stats)
            result = write_site(out, outputs, stats=stats, progress=progress,
                                before_swap=partial(index_site, stats=stats))
        finally:
            site.close()
    except OSError as exc:   # e.g. a full disk under the caches: one line, never a traceback
        raise WorkspaceError(f"build failed: {exc.filename or workspace.root}: "
                             f"{exc.strerror or exc}") from None
    report = _report(out, model, site, result, time.perf_counter() - started)
    _record(stats, report, site)
    log.info(report.summary())
    return report


def _report(out: Path, model: SiteModel, site: LoadedSite, result: WriteStats,
            elapsed: float) -> BuildReport:
    return BuildReport(
        out_dir=out, pages_written=sum(1 for p in result.written if not _is_feed(p)),
        feeds_written=sum(1 for p in result.written if _is_feed(p)), unchanged=result.unchanged,
        removed=len(result.removed), rendered=result.rendered, elapsed=elapsed,
        companies=len(model.companies), changes=len(model.all_changes()),
        written=tuple(result.written), versions=sum(c.version_count for c in model.companies),
        reports_computed=site.reports_computed, reports_failed=len(site.failed),
        removed_paths=tuple(result.removed), errors=tuple(site.errors),
        warnings=_warnings(model))


def _warnings(model: SiteModel) -> tuple[str, ...]:
    if absolute_base(model.site):
        return ()
    return ("feeds were built without base_url, so their links are relative and many feed "
            "readers, forwarded items and e-mail digests cannot follow them: set base_url "
            "under [site] in tracker.toml to the site's public URL",)


def _record(stats: RunStats, report: BuildReport, site: LoadedSite) -> None:
    stats.set("companies", report.companies)
    stats.set("versions", report.versions)
    stats.set("changes", report.changes)
    stats.set("reports_computed", site.reports_computed)
    stats.set("reports_cached", report.changes - site.reports_computed - len(site.failed))
    stats.set("reports_failed", len(site.failed))
    stats.set("files_written", report.total_written)
    stats.set("files_unchanged", report.unchanged)
    stats.set("files_removed", report.removed)
    stats.set("files_rendered", report.rendered)
