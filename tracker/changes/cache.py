"""Report cache: a report is computed once per (old text, new text, detector version).

Publishing renders many pages and feeds from the same pairs; recomputing would waste time, and
a detector upgrade must recompute everything, so the version is part of the key. Entries are
written atomically (temp file + os.replace) so a crash or a concurrent reader never sees half a
file; an unreadable entry is treated as a miss and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from tracker.changes.detector import DETECTOR_VERSION, compare
from tracker.changes.report import ChangeReport
from tracker.names import text_hash

log = logging.getLogger(__name__)


class ReportCache:
    """ReportCache(workspace.cache_dir / "reports").get(old_text, new_text) -> ChangeReport."""

    def __init__(self, directory: Path, version: str = DETECTOR_VERSION) -> None:
        self.directory = Path(directory)
        self.version = version
        self.hits = 0
        self.misses = 0

    def key(self, old_text: str, new_text: str) -> str:
        raw = f"{text_hash(old_text)}+{text_hash(new_text)}+{self.version}"
        return hashlib.sha256(raw.encode("ascii")).hexdigest()

    def path_for(self, old_text: str, new_text: str) -> Path:
        return self.directory / f"{self.key(old_text, new_text)}.json"

    def peek(self, old_text: str, new_text: str) -> ChangeReport | None:
        """The cached report, or None (never computes)."""
        path = self.path_for(old_text, new_text)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("detector_version") != self.version:
                return None
            return ChangeReport.from_dict(data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("unreadable cached report %s (%s): recomputing", path, exc)
            return None

    def get(self, old_text: str, new_text: str) -> ChangeReport:
        """Cached report for the pair, computed and stored on a miss."""
        cached = self.peek(old_text, new_text)
        if cached is not None:
            self.hits += 1
            return cached
        self.misses += 1
        report = compare(old_text, new_text)
        if self.version != DETECTOR_VERSION:   # a cache pinned to another version (tests)
            report = ChangeReport.from_dict({**report.to_dict(), "detector_version": self.version})
        try:
            self._write(self.path_for(old_text, new_text), report.to_json())
        except OSError as exc:  # a cache is an optimisation: a full or read-only disk
            log.warning("cannot cache the change report in %s: %s", self.directory,
                        exc.strerror or exc)
        return report

    def _write(self, path: Path, payload: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise

    def prune(self) -> int:
        """Delete entries written by other detector versions; returns how many."""
        removed = 0
        if not self.directory.is_dir():
            return 0
        for p in self.directory.glob("*.json"):
            try:
                if json.loads(p.read_text(encoding="utf-8")).get("detector_version") != self.version:
                    p.unlink()
                    removed += 1
            except (OSError, ValueError):
                p.unlink(missing_ok=True)
                removed += 1
        return removed
