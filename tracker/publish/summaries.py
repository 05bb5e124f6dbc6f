"""Change summaries and their cache, and the stable feed ids (GUIDs) of changes and events.

A summary is the part of a change report that indexes and feeds need (verdict, headline,
bullets, topics, entities, sections, a short redline), never the sentence list. Summaries and
per-text word counts are kept in one content-addressed JSON file (`SummaryCache`), so a
rebuild with nothing new reads no text and runs no detector.

GUIDs are derived from the company, document, text hash and date, never from a commit sha:
history rewrites (inserting an older capture) keep every item's id.
"""

from __future__ import annotations

import json
import logging
import uuid
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from tracker.fsutil import atomic_write_text
from tracker.models import utc

if TYPE_CHECKING:
    from tracker.changes import ChangeReport

log = logging.getLogger(__name__)

SHORT_REDLINE_CHANGES = 6
SUMMARY_FORMAT = 2  # bump when the summary's shape or meaning changes
_GUID_NAMESPACE = uuid.UUID("7d1c7f0e-5a63-4bde-9a8c-3b3f3c1f0a42")


class Summary(TypedDict, total=False):
    """A change report as the site keeps it (JSON-shaped: lists, not tuples)."""

    verdict: str
    headline: str
    bullets: list[str]
    topics: list[tuple[str, int]]
    entities_added: dict[str, list[str]]
    entities_removed: dict[str, list[str]]
    sections: dict[str, list[str]]
    stats: dict[str, int]
    similarity: float | None
    short_redline: str
    error: str                # only when the detector failed (never cached)


def change_guid(company: str, doc_type: str, text_hash: str, date: datetime) -> str:
    """Stable feed id of a change: never a commit sha, so history rewrites keep GUIDs."""
    ident = f"change:{company}/{doc_type}/{text_hash}/{utc(date).isoformat()}"
    return f"urn:uuid:{uuid.uuid5(_GUID_NAMESPACE, ident)}"


def event_guid(kind: str, company: str, doc_type: str, date: datetime) -> str:
    ident = f"status:{kind}/{company}/{doc_type}/{utc(date).isoformat()}"
    return f"urn:uuid:{uuid.uuid5(_GUID_NAMESPACE, ident)}"


def summarize(report: ChangeReport | dict[str, Any], short_redline: str) -> Summary:
    """The part of a ChangeReport that indexes and feeds need (not the sentence list)."""
    data = report if isinstance(report, dict) else report.to_dict()
    topics = [(t["topic"], int(t.get("changes", 0))) if isinstance(t, dict) else (str(t), 0)
              for t in data.get("topics", [])]
    entities = data.get("entities", {}) or {}
    return {
        "verdict": data.get("verdict", "minor"),
        "headline": data.get("headline", ""),
        "bullets": list(data.get("bullets", [])),
        "topics": topics,
        "entities_added": {k: list(v) for k, v in (entities.get("added") or {}).items() if v},
        "entities_removed": {k: list(v) for k, v in (entities.get("removed") or {}).items()
                             if v},
        "sections": {k: ([" → ".join(x) if isinstance(x, (list, tuple)) else x for x in v])
                     for k, v in (data.get("sections") or {}).items() if v},
        "stats": {k: int(v) for k, v in (data.get("stats") or {}).items()},
        "similarity": data.get("similarity"),
        "short_redline": short_redline,
    }


def error_summary(error: str) -> Summary:
    """What a change shows when the detector failed on it (never cached: retried next build)."""
    return {"verdict": "minor", "headline": "Change report unavailable",
            "bullets": [f"The change detector failed on this version: {error}"],
            "topics": [], "entities_added": {}, "entities_removed": {}, "sections": {},
            "stats": {}, "similarity": None, "short_redline": "", "error": error}


class SummaryCache:
    """Per-text word counts and per-pair report summaries, so a rebuild reads no text.

    Content-addressed (text hashes + detector version), hence shared by every output dir and
    safe to delete. Stored as one JSON file, rewritten atomically only when entries were
    added or are no longer used by the workspace (pruned, so it never grows without bound).
    `histories` holds each repository's version listing for one HEAD (see loader.History).
    """

    def __init__(self, path: Path, detector_version: str) -> None:
        self.path, self.detector_version = path, detector_version
        self.words: dict[str, int] = {}
        self.summaries: dict[str, Summary] = {}
        self.histories: dict[str, dict[str, Any]] = {}
        self.used_words: set[str] = set()
        self.used_summaries: set[str] = set()
        self.used_histories: set[str] = set()
        self.dirty = False
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == SUMMARY_FORMAT and data.get("detector") == detector_version:
                self.words, self.summaries = data["words"], data["summaries"]
                self.histories = data.get("histories", {})
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring unreadable publish cache %s: %s", path, exc)

    def save(self) -> None:
        stores: tuple[tuple[dict[str, Any], set[str]], ...] = (
            (self.words, self.used_words), (self.summaries, self.used_summaries),
            (self.histories, self.used_histories))
        for store, used in stores:
            stale = store.keys() - used
            for key in stale:
                del store[key]
            self.dirty = self.dirty or bool(stale)
        if not self.dirty:
            return
        # No sort_keys: a summary must read back exactly as computed (entity kinds keep the
        # detector's order), or the first rebuild would see changed page inputs. Written to a
        # fresh exclusive temp file, never through a link planted at a predictable name.
        try:
            atomic_write_text(self.path, json.dumps(
                {"format": SUMMARY_FORMAT, "detector": self.detector_version,
                 "words": self.words, "summaries": self.summaries, "histories": self.histories},
                ensure_ascii=False), fsync=False)
        except OSError as exc:  # only costs recomputing next build (full or read-only disk)
            log.warning("cannot save the publish cache %s: %s", self.path, exc.strerror or exc)
            return
        self.dirty = False

    def release(self) -> None:
        """Drop the loaded entries once the model is built: rendering never needs them, and
        they are as large as the site's metadata."""
        for store in (self.words, self.summaries, self.histories):
            store.clear()
        for used in (self.used_words, self.used_summaries, self.used_histories):
            used.clear()
