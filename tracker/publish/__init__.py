"""Publishing: RSS/Atom feeds and the static change-log website.

`build_site` runs three phases (Pelican style): load (git + cached reports + state -> a plain
model), render (model -> outputs keyed by their inputs) and write (only changed bytes, atomic
swap of the output directory).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import Config

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


def build_site(workspace: Any, config: Config, out_dir: Path | None = None) -> BuildReport:
    """Build the static site and feeds of `workspace` into `out_dir` (default public/)."""
    from .model import load_site
    from .render import Renderer
    from .writer import write_site

    started = time.perf_counter()
    out = Path(out_dir) if out_dir is not None else Path(workspace.public_dir)
    model, sources, loader = load_site(workspace, config)
    try:
        stats = write_site(out, Renderer(model, sources).outputs())
    finally:
        loader.close()
    report = BuildReport(
        out_dir=out, pages_written=sum(1 for p in stats.written if not _is_feed(p)),
        feeds_written=sum(1 for p in stats.written if _is_feed(p)), unchanged=stats.unchanged,
        removed=len(stats.removed), rendered=stats.rendered,
        elapsed=time.perf_counter() - started, companies=len(model.companies),
        changes=len(model.all_changes()), written=tuple(stats.written),
        removed_paths=tuple(stats.removed), errors=tuple(loader.errors))
    log.info(report.summary())
    return report
