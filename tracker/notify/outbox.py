"""The outbox: a SQLite database in the workspace recording every delivery before and after
it is sent, so a run killed at any moment neither loses nor repeats more than one message.

A delivery is one message for one channel (one URL of a subscription): a change, or a digest
of one period. Its life: ``pending`` (queued; also after a failed attempt, with a time before
which it is not retried) -> ``sending`` (written before the channel is called) -> ``sent``.
A run killed while a delivery is ``sending`` leaves it so; the next run sends it again: at
least once per message, never more than that one message. A digest is assembled in one
transaction with a unique (subscription, channel, period) key, so no period is ever digested
twice and no change appears in two digests.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tracker.errors import WorkspaceError
from tracker.notify.facts import ChangeFacts

PENDING, SENDING, SENT, DROPPED = "pending", "sending", "sent", "dropped"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS subscriptions (name TEXT PRIMARY KEY, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS heads (company TEXT PRIMARY KEY, head TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS scanned (company TEXT, doc_type TEXT, until TEXT NOT NULL,
                                    newest TEXT NOT NULL, PRIMARY KEY (company, doc_type));
CREATE TABLE IF NOT EXISTS changes (id TEXT PRIMARY KEY, facts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS held (subscription TEXT, change_id TEXT, period TEXT NOT NULL,
                                 digested INTEGER NOT NULL DEFAULT 0,
                                 PRIMARY KEY (subscription, change_id));
CREATE TABLE IF NOT EXISTS deliveries (
    id INTEGER PRIMARY KEY, subscription TEXT NOT NULL, channel TEXT NOT NULL,
    kind TEXT NOT NULL, key TEXT NOT NULL, status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, next_attempt TEXT, last_error TEXT,
    queued TEXT NOT NULL, sent TEXT,
    UNIQUE (subscription, channel, kind, key));
CREATE INDEX IF NOT EXISTS deliveries_open ON deliveries (status) WHERE status != 'sent';
"""


@dataclass(frozen=True)
class Delivery:
    id: int
    subscription: str
    channel: str            # channel_key() of the URL template
    kind: str               # change | digest
    key: str                # the change id, or the digest period
    status: str
    attempts: int
    next_attempt: str | None
    last_error: str | None


class Outbox:
    """``Outbox(path)``: open (creating) the database; use as a context manager."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA synchronous = FULL")
            self.db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(f"{path}: unreadable notification outbox ({exc})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: a kill inside leaves the outbox as it was before."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # ------------------------------------------------------------------ subscriptions
    def register(self, names: Iterable[str], now: datetime) -> dict[str, datetime]:
        """When each subscription was first seen (``now`` for a new one), in whole seconds
        like the capture dates git keeps."""
        with self.transaction():
            for name in names:
                self.db.execute("INSERT OR IGNORE INTO subscriptions VALUES (?, ?)",
                                (name, now.replace(microsecond=0).isoformat()))
        return {name: datetime.fromisoformat(created) for name, created in
                self.db.execute("SELECT name, created FROM subscriptions")}

    # ------------------------------------------------------------------ scan marks
    def head(self, company: str) -> str | None:
        row = self.db.execute("SELECT head FROM heads WHERE company = ?", (company,)).fetchone()
        return row[0] if row else None

    def heads(self) -> dict[str, str]:
        """Every company's last seen head (one query for a whole run's worth of companies)."""
        return dict(self.db.execute("SELECT company, head FROM heads"))

    def set_head(self, company: str, head: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO heads VALUES (?, ?)", (company, head))

    def scanned(self, company: str, doc_type: str) -> tuple[datetime, str] | None:
        """(capture date, commit) of the newest version an earlier pass considered."""
        row = self.db.execute("SELECT until, newest FROM scanned WHERE company = ? AND "
                              "doc_type = ?", (company, doc_type)).fetchone()
        return (datetime.fromisoformat(row[0]), row[1]) if row else None

    def set_scanned(self, company: str, doc_type: str, until: datetime, newest: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO scanned VALUES (?, ?, ?, ?)",
                        (company, doc_type, until.isoformat(), newest))

    # ------------------------------------------------------------------ changes and queue
    def add_change(self, facts: ChangeFacts) -> None:
        self.db.execute("INSERT OR IGNORE INTO changes VALUES (?, ?)",
                        (facts.id, json.dumps(facts.to_json(), ensure_ascii=False)))

    def change(self, change_id: str) -> ChangeFacts | None:
        row = self.db.execute("SELECT facts FROM changes WHERE id = ?", (change_id,)).fetchone()
        return ChangeFacts.from_json(json.loads(row[0])) if row else None

    def queue(self, subscription: str, channel: str, kind: str, key: str,
              now: datetime) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO deliveries (subscription, channel, kind, key, status, "
            "queued) VALUES (?, ?, ?, ?, ?, ?)",
            (subscription, channel, kind, key, PENDING, now.isoformat()))

    def hold(self, subscription: str, change_id: str, period: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO held (subscription, change_id, period) "
                        "VALUES (?, ?, ?)", (subscription, change_id, period))

    def held_periods(self, subscription: str) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT period FROM held WHERE subscription = ? AND digested = 0 "
            "ORDER BY period", (subscription,))]

    def held_changes(self, subscription: str, period: str) -> list[ChangeFacts]:
        rows = self.db.execute(
            "SELECT c.facts FROM held h JOIN changes c ON c.id = h.change_id "
            "WHERE h.subscription = ? AND h.period = ?", (subscription, period))
        return [ChangeFacts.from_json(json.loads(r[0])) for r in rows]

    def assemble_digest(self, subscription: str, channels: Iterable[str], period: str,
                        now: datetime) -> None:
        """Queue the period's digest to every channel and close the period, atomically."""
        with self.transaction():
            for channel in channels:
                self.queue(subscription, channel, "digest", period, now)
            self.db.execute("UPDATE held SET digested = 1 WHERE subscription = ? AND "
                            "period = ?", (subscription, period))

    # ------------------------------------------------------------------ sending
    def open_deliveries(self) -> list[Delivery]:
        """Every delivery not yet sent (pending, or in doubt after a killed run)."""
        return [Delivery(*r) for r in self.db.execute(
            "SELECT id, subscription, channel, kind, key, status, attempts, next_attempt, "
            "last_error FROM deliveries WHERE status IN (?, ?) ORDER BY id", (PENDING, SENDING))]

    def mark(self, delivery_id: int, status: str, *, now: datetime | None = None) -> None:
        self.db.execute("UPDATE deliveries SET status = ?, sent = ? WHERE id = ?",
                        (status, now.isoformat() if now and status == SENT else None,
                         delivery_id))

    def failed(self, delivery_id: int, error: str, retry_at: datetime) -> None:
        self.db.execute(
            "UPDATE deliveries SET status = ?, attempts = attempts + 1, last_error = ?, "
            "next_attempt = ? WHERE id = ?", (PENDING, error, retry_at.isoformat(), delivery_id))

    def held_count(self, subscription: str) -> int:
        return self.db.execute("SELECT COUNT(*) FROM held WHERE subscription = ? AND "
                               "digested = 0", (subscription,)).fetchone()[0]
