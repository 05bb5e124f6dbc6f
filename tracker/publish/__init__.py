"""Publishing: RSS/Atom feeds and the static change-log website.

`build_site` runs its phases (Pelican style): load (git + cached summaries + state -> a plain
model), detect (missing change reports, on all cores, see `detect.py`), render (model ->
outputs keyed by their inputs) and write (only changed bytes, streamed to a staging directory,
atomic swap of the output directory).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.models import Config

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

    @property
    def total_written(self) -> int:
        return self.pages_written + self.feeds_written

    def summary(self) -> str:
        return (f"built {self.out_dir}: {self.pages_written} pages and {self.feeds_written} "
                f"feeds written, {self.unchanged} unchanged, {self.removed} removed "
                f"in {self.elapsed:.2f}s")


def _is_feed(path: str) -> bool:
    return path.endswith((".rss", ".atom"))


def build_site(workspace: Any, config: Config, out_dir: Path | None = None, *,
               workers: int | None = None, stats: Any = None,
               progress: Callable[[str, int, int], None] | None = None) -> BuildReport:
    """Build the static site and feeds of `workspace` into `out_dir` (default public/).

    Missing change reports are computed on `workers` processes (None: all cores). `stats`
    (a RunStats) receives the load/detect/render/write phases and the counters;
    `progress(label, done, total)` is called as changes are detected and files written."""
    from tracker.publish.model import load_site
    from tracker.publish.render import Renderer
    from tracker.publish.writer import write_site

    started = time.perf_counter()
    out = Path(out_dir) if out_dir is not None else Path(workspace.public_dir)
    model, sources, loader = load_site(workspace, config, workers=workers, stats=stats,
                                       progress=progress)
    try:
        with stats.phase("render") if stats is not None else nullcontext():
            outputs = list(Renderer(model, sources).outputs())
        result = write_site(out, outputs, stats=stats, progress=progress)
    finally:
        loader.close()
    n_changes = len(model.all_changes())
    versions = sum(c.version_count for c in model.companies)
    report = BuildReport(
        out_dir=out, pages_written=sum(1 for p in result.written if not _is_feed(p)),
        feeds_written=sum(1 for p in result.written if _is_feed(p)), unchanged=result.unchanged,
        removed=len(result.removed), rendered=result.rendered,
        elapsed=time.perf_counter() - started, companies=len(model.companies),
        changes=n_changes, written=tuple(result.written), versions=versions,
        reports_computed=loader.reports_computed, reports_failed=len(loader.failed),
        removed_paths=tuple(result.removed), errors=tuple(loader.errors))
    if stats is not None:
        stats.set("companies", report.companies)
        stats.set("versions", versions)
        stats.set("changes", n_changes)
        stats.set("reports_computed", loader.reports_computed)
        stats.set("reports_cached", n_changes - loader.reports_computed - len(loader.failed))
        stats.set("reports_failed", len(loader.failed))
        stats.set("files_written", report.total_written)
        stats.set("files_unchanged", report.unchanged)
        stats.set("files_removed", report.removed)
        stats.set("files_rendered", report.rendered)
    log.info(report.summary())
    return report

