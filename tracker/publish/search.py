"""Full-text search over every version and change report, with Pagefind.

Pagefind (PyPI ``pagefind[bin]`` ships its binary) indexes the built HTML into a static bundle
(``pagefind/``) that the search page queries in the browser: no server, works on any static
host. Only version and change pages are indexed (their ``data-pagefind-body``), with filters
for company, document type, verdict and topic.

Incremental: the index is rebuilt, in the staging copy of the site just before it is
published, only when an HTML page changed; otherwise the previous index is carried over by hard
links. Without Pagefind the site is built as before and the search page says search is
unavailable (logged once per build).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tracker.runstats import RunStats

log = logging.getLogger(__name__)

BUNDLE = "pagefind"
INDEX_TIMEOUT = 1800.0   # seconds: a very large site still finishes; a hung binary does not block


def pagefind_command() -> list[str] | None:
    """How to run Pagefind here: the PyPI package's module, else a ``pagefind`` on PATH."""
    try:
        import pagefind_bin  # type: ignore[import-untyped]  # noqa: F401  (pagefind[bin])
    except ImportError:
        found = shutil.which("pagefind")
        return [found] if found else None
    return [sys.executable, "-m", "pagefind_bin"]


def _carry_over(old: Path, new: Path) -> None:
    for path in old.rglob("*"):
        dest = new / path.relative_to(old)
        if path.is_dir():
            dest.mkdir(parents=True, exist_ok=True)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, dest)
            except OSError:
                shutil.copy2(path, dest)


def index_site(staging: Path, out: Path, written: list[str], *,
               stats: RunStats | None = None) -> bool:
    """Put a search index into ``staging`` (the site about to be published); True if built."""
    previous = out / BUNDLE
    pages_changed = any(p.endswith(".html") for p in written)
    if not pages_changed and previous.is_dir():
        _carry_over(previous, staging / BUNDLE)
        return False
    command = pagefind_command()
    if command is None:
        log.warning("search index not built: Pagefind is not installed "
                    "(pip install 'pagefind[bin]')")
        return False
    with (stats or RunStats.null()).phase("search"):
        try:
            done = subprocess.run([*command, "--site", str(staging), "--output-subdir", BUNDLE,
                                   "--silent"], capture_output=True, text=True,
                                  timeout=INDEX_TIMEOUT, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.warning("search index not built: %s", exc)
            return False
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        log.warning("search index not built: pagefind failed: %s",
                    lines[-1] if lines else f"exit {done.returncode}")
        shutil.rmtree(staging / BUNDLE, ignore_errors=True)
        return False
    return True
