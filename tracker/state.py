"""Per-document fetch state kept between runs (.tracker/state.json).

Holds what conditional GET needs (ETag, Last-Modified) and the health of each document
(consecutive failures, first failure, last error), plus status events that are announced once
in a feed when a document starts failing and once when it recovers, never on every run.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tracker.errors import WorkspaceError
from tracker.fsutil import atomic_write_text

log = logging.getLogger(__name__)

MAX_EVENTS = 500
STATE_VERSION = 1


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(timezone.utc).isoformat() if value else None


def _parse(value: object) -> datetime | None:
    """An aware ISO date (or None); anything else is a ValueError naming the value."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"date {value!r} is not a string")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(f"date {value!r} has no time zone")
    return parsed


# The JSON type each DocState field must have (dates are checked by _parse).
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "etag": (str, type(None)), "last_modified": (str, type(None)),
    "consecutive_failures": (int,), "last_error": (str, type(None)), "alerted": (bool,),
}


def _check_types(data: dict) -> None:
    for key, types in _FIELD_TYPES.items():
        if key in data and not isinstance(data[key], types):
            raise ValueError(f"{key} is {type(data[key]).__name__}, not {types[0].__name__}")
    failures = data.get("consecutive_failures", 0)
    if isinstance(failures, bool) or not isinstance(failures, int) or failures < 0:
        raise ValueError(f"consecutive_failures {failures!r} is not a count")


_DATES = ("last_attempt", "last_success", "last_change", "first_failure", "last_reported")


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
    last_reported: datetime | None = None  # the failure was last news in `track`'s output

    @property
    def status(self) -> str:
        if self.consecutive_failures:
            return "failing"
        if self.last_success:
            return "ok"
        return "never fetched"

    def to_json(self) -> dict:
        # every field is a str, int, bool, date or None: a plain copy is what asdict() would
        # make, without its deep copies (a state save covers every document of the workspace)
        data = {name: getattr(self, name) for name in _DOC_FIELDS}
        for key in _DATES:
            data[key] = _iso(data[key])
        return data

    @classmethod
    def from_json(cls, data: dict) -> DocState:
        if not isinstance(data, dict):
            raise ValueError(f"a document's state is {type(data).__name__}, not an object")
        _check_types(data)
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for key in _DATES:
            values[key] = _parse(values.get(key))
        return cls(**values)


_DOC_FIELDS = tuple(f.name for f in fields(DocState))


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
        if not isinstance(data, dict):
            raise ValueError(f"an event is {type(data).__name__}, not an object")
        texts = [data["kind"], data["company"], data["doc_type"], data.get("message", "")]
        if not all(isinstance(t, str) for t in texts):
            raise ValueError("an event's kind, company, doc_type and message must be strings")
        date = _parse(data["date"])
        if date is None:
            raise ValueError("an event has no date")
        return cls(kind=texts[0], company=texts[1], doc_type=texts[2], date=date,
                   message=texts[3])


@dataclass
class StateStore:
    """Load, update and atomically save the workspace's state file."""

    path: Path
    failure_threshold: int = 3
    # While a document stays broken, its failure is news again after this long (None: on
    # every run). See record_failure.
    failure_reminder: timedelta | None = timedelta(hours=24)
    docs: dict[tuple[str, str], DocState] = field(default_factory=dict)
    events: list[StatusEvent] = field(default_factory=list)

    def load(self) -> StateStore:
        if not self.path.exists():
            return self
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("documents", {}), dict) \
                    or not isinstance(data.get("events", []), list):
                raise ValueError("not a state object with documents and events")
            self.docs = {}
            for key, value in data.get("documents", {}).items():
                company, _, doc_type = key.partition("/")
                self.docs[(company, doc_type)] = DocState.from_json(value)
            self.events = [StatusEvent.from_json(e) for e in data.get("events", [])]
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError,
                MemoryError) as exc:
            reason = "nested too deeply" if isinstance(exc, RecursionError) else exc
            raise WorkspaceError(f"state file {self.path} is unreadable ({reason}); move it aside "
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
                       last_modified: str | None = None) -> str | None:
        """Returns the recovery note when the document was failing until now, else None."""
        state = self.doc(company, doc_type)
        state.last_attempt = state.last_success = when
        if changed:
            state.last_change = when
        if etag is not None or last_modified is not None:
            state.etag, state.last_modified = etag, last_modified
        recovered = None
        if state.consecutive_failures:
            recovered = (f"recovered after {state.consecutive_failures} failed run(s) since "
                         f"{state.first_failure:%Y-%m-%d %H:%M}" if state.first_failure
                         else "recovered")
        if state.alerted:
            self.events.append(StatusEvent(
                "recovered", company, doc_type, when,
                f"recovered after {state.consecutive_failures} failed run(s) since "
                f"{state.first_failure:%Y-%m-%d}" if state.first_failure else "recovered"))
        state.consecutive_failures = 0
        state.first_failure = None
        state.last_error = None
        state.alerted = False
        state.last_reported = None
        return recovered

    def record_failure(self, company: str, doc_type: str, when: datetime,
                       error: str) -> str | None:
        """Count a failed run. Returns None when this failure is not news (the document was
        already reported failing recently), else the note for `track`'s output: "" when it
        starts failing, a note when it reaches ``failure_threshold`` and, while it stays
        broken, once per ``failure_reminder``."""
        state = self.doc(company, doc_type)
        state.last_attempt = when
        state.consecutive_failures += 1
        state.first_failure = state.first_failure or when
        state.last_error = error
        runs = f"{state.consecutive_failures} runs since {state.first_failure:%Y-%m-%d %H:%M}"
        if state.consecutive_failures >= self.failure_threshold and not state.alerted:
            state.alerted = True
            self.events.append(StatusEvent(
                "failing", company, doc_type, when,
                f"failing for {state.consecutive_failures} runs since "
                f"{state.first_failure:%Y-%m-%d}: {error}"))
        news: str | None = None
        if state.consecutive_failures == 1:
            news = ""
        elif state.consecutive_failures == self.failure_threshold:
            news = f"failing for {runs}"
        elif (self.failure_reminder is None or state.last_reported is None
              or when - state.last_reported >= self.failure_reminder):
            news = f"still failing: {runs}"
        if news is not None:
            state.last_reported = when
        return news
