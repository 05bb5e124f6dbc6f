"""Per-document fetch state kept between runs (.tracker/state.json).

Holds what conditional GET needs (ETag, Last-Modified) and the health of each document
(consecutive failures, first failure, last error), plus status events that are announced once
in a feed when a document starts failing and once when it recovers, never on every run.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path

from tracker.errors import WorkspaceError
from tracker.fsutil import atomic_write_text

log = logging.getLogger(__name__)

MAX_EVENTS = 500
STATE_VERSION = 1


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(timezone.utc).isoformat() if value else None


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass
class DocState:
    """Health and conditional-GET validators of one document."""

    etag: str | None = None
    last_modified: str | None = None
    last_attempt: datetime | None = None
    last_success: datetime | None = None
    last_change: datetime | None = None
    consecutive_failures: int = 0
    first_failure: datetime | None = None
    last_error: str | None = None
    alerted: bool = False  # a 'failing' event was emitted and no 'recovered' yet

    @property
    def status(self) -> str:
        if self.consecutive_failures:
            return "failing"
        if self.last_success:
            return "ok"
        return "never fetched"

    def to_json(self) -> dict:
        data = asdict(self)
        for key in ("last_attempt", "last_success", "last_change", "first_failure"):
            data[key] = _iso(data[key])
        return data

    @classmethod
    def from_json(cls, data: dict) -> DocState:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for key in ("last_attempt", "last_success", "last_change", "first_failure"):
            values[key] = _parse(values.get(key))
        return cls(**values)


@dataclass(frozen=True)
class StatusEvent:
    kind: str            # failing | recovered
    company: str
    doc_type: str
    date: datetime
    message: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "company": self.company, "doc_type": self.doc_type,
                "date": _iso(self.date), "message": self.message}

    @classmethod
    def from_json(cls, data: dict) -> StatusEvent:
        return cls(kind=data["kind"], company=data["company"], doc_type=data["doc_type"],
                   date=datetime.fromisoformat(data["date"]), message=data.get("message", ""))


@dataclass
class StateStore:
    """Load, update and atomically save the workspace's state file."""

    path: Path
    failure_threshold: int = 3
    docs: dict[tuple[str, str], DocState] = field(default_factory=dict)
    events: list[StatusEvent] = field(default_factory=list)

    def load(self) -> StateStore:
        if not self.path.exists():
            return self
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.docs = {}
            for key, value in data.get("documents", {}).items():
                company, _, doc_type = key.partition("/")
                self.docs[(company, doc_type)] = DocState.from_json(value)
            self.events = [StatusEvent.from_json(e) for e in data.get("events", [])]
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise WorkspaceError(f"state file {self.path} is unreadable ({exc}); move it aside "
                                 "to start afresh (only fetch health is lost, no versions)"
                                 ) from None
        return self

    def save(self) -> None:
        data = {
            "version": STATE_VERSION,
            "documents": {f"{c}/{d}": s.to_json() for (c, d), s in sorted(self.docs.items())},
            "events": [e.to_json() for e in self.events[-MAX_EVENTS:]],
        }
        atomic_write_text(self.path, json.dumps(data, indent=1, sort_keys=True) + "\n")

    def doc(self, company: str, doc_type: str) -> DocState:
        return self.docs.setdefault((company, doc_type), DocState())

    def record_success(self, company: str, doc_type: str, when: datetime, *,
                       changed: bool, etag: str | None = None,
                       last_modified: str | None = None) -> None:
        state = self.doc(company, doc_type)
        state.last_attempt = state.last_success = when
        if changed:
            state.last_change = when
        if etag is not None or last_modified is not None:
            state.etag, state.last_modified = etag, last_modified
        if state.alerted:
            self.events.append(StatusEvent(
                "recovered", company, doc_type, when,
                f"recovered after {state.consecutive_failures} failed run(s) since "
                f"{state.first_failure:%Y-%m-%d}" if state.first_failure else "recovered"))
        state.consecutive_failures = 0
        state.first_failure = None
        state.last_error = None
        state.alerted = False

    def record_failure(self, company: str, doc_type: str, when: datetime, error: str) -> None:
        state = self.doc(company, doc_type)
        state.last_attempt = when
        state.consecutive_failures += 1
        state.first_failure = state.first_failure or when
        state.last_error = error
        if state.consecutive_failures >= self.failure_threshold and not state.alerted:
            state.alerted = True
            self.events.append(StatusEvent(
                "failing", company, doc_type, when,
                f"failing for {state.consecutive_failures} runs since "
                f"{state.first_failure:%Y-%m-%d}: {error}"))
