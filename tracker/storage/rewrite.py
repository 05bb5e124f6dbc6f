"""History rewriting as functions over plain data: no git, no files, each testable alone.

Inserting dated versions into a document's history is three questions, answered here:

- *where* does the insertion start (:func:`plan_insertion`): the first commit newer than the
  oldest new item; everything before it is kept as it is;
- *what* happens to an existing commit after that point (:func:`replay_tree`,
  :func:`replay_message`): it is re-created on the rewritten parent with its own changes, or
  dropped when its only change is a text that an earlier inserted version already has;
- *where* does one new item go (:func:`classify`): a repeat of the current text (remembered,
  not committed) or a new version.

A history is a list of :class:`Commit` (first-parent chain, oldest first, with the paths each
commit changed), a tree is a :data:`Flat` map ``path -> (mode, blob sha)``. The driver that
writes objects and moves the branch is :mod:`tracker.storage.insert`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as Day, datetime, timedelta, timezone

from tracker.errors import StorageError
from tracker.models import Extracted, RecordMeta, document_type_title, utc
from tracker.names import is_safe_slug
from tracker.storage.objects import Flat, object_sha

RAW_EXTS: tuple[str, ...] = ("html", "pdf", "txt", "md")
TRACKER_SUBJECT = re.compile(r"\A(First record of |Record new changes of )(.*)\Z", re.S)
REEXTRACT_SUBJECT = re.compile(r"\ARe-extract (.*) \(technical change, not a policy change\)\Z")
_DOC_TRAILER = re.compile(r"^Document-Type: *(\S+) *$", re.M)
_TRAILER = re.compile(r"^([A-Za-z-]+): *(.*)$", re.M)


@dataclass(frozen=True)
class ImportItem:
    """One dated version to place into a document's history (import, Wayback backfill)."""

    date: datetime
    extracted: Extracted
    meta: RecordMeta
    title: str


@dataclass
class Commit:
    """One commit of the first-parent history with the paths it changed (None = deleted)."""

    sha: str
    epoch: int
    date: str                        # author date as git stores it: "<epoch> <+hhmm>"
    changes: list[tuple[str, str, str | None]] = field(default_factory=list)

    def touches(self, path: str) -> bool:
        return any(p == path for p, _, _ in self.changes)


@dataclass(frozen=True)
class Seen:
    """A capture whose text repeated the version before it: no commit, but remembered, so a
    version inserted later between the two makes this text come back at the right date."""

    date: str                        # "<epoch> <+hhmm>"
    blob: str                        # sha of the text blob

    @property
    def epoch(self) -> int:
        return int(self.date.split(" ", 1)[0])

    @property
    def day(self) -> Day:
        return datetime.fromtimestamp(self.epoch, timezone.utc).date()


@dataclass
class Source:
    """Where a text came from: its raw snapshot entry and the facts of its capture."""

    raw: tuple[str, tuple[str, str]] | None
    commit: str | None = None
    meta: RecordMeta | None = None
    title: str | None = None


Event = Seen | ImportItem


EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def check_doc_type(doc_type: str) -> None:
    if not is_safe_slug(doc_type):
        raise StorageError(f"unsafe document type {doc_type!r}: expected [a-z0-9][a-z0-9._-]*")


def check_date(when: datetime) -> None:
    """Git cannot store a date before 1970 (``git fsck`` rejects such a commit)."""
    if utc(when) < EPOCH:
        raise StorageError(f"capture date {utc(when):%Y-%m-%d} is before 1970, which git "
                           "cannot store")


def check_extracted(extracted: Extracted) -> None:
    if extracted.raw_ext not in RAW_EXTS:
        raise StorageError(f"unsupported raw snapshot type {extracted.raw_ext!r}")
    if not extracted.text.strip():
        raise StorageError("refusing to record an empty document text")


def committer_date(raw: bytes) -> datetime | None:
    """The committer date of a commit object, with its offset (None when it has none)."""
    for line in raw.split(b"\n\n", 1)[0].splitlines():
        if line.startswith(b"committer "):
            epoch, zone = line.rsplit(b" ", 2)[-2:]
            sign = -1 if zone.startswith(b"-") else 1
            offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])) * sign
            return datetime.fromtimestamp(int(epoch), timezone(offset))
    return None


def git_date(dt: datetime) -> str:
    """``<epoch> <+hhmm>`` as git stores it; naive datetimes are UTC; seconds precision.
    The offset of an aware datetime is kept, as the capture stated it."""
    offset = dt.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{int(utc(dt).timestamp())} {sign}{minutes // 60:02d}{minutes % 60:02d}"


def epoch_of(event: Event) -> int:
    return event.epoch if isinstance(event, Seen) else int(utc(event.date).timestamp())


def text_blob(text: str) -> str:
    """The blob sha the text of a version gets."""
    return object_sha(b"blob", text.encode("utf-8"))


# ------------------------------------------------------------------ tree paths
def raw_path(doc_type: str, ext: str) -> str:
    return f"raw/{doc_type}.{ext}"


def raw_doc(path: str) -> str | None:
    """``raw/<doc>.<ext>`` -> doc, for the known raw extensions only."""
    if not path.startswith("raw/") or "/" in path[4:]:
        return None
    stem, _, ext = path[4:].rpartition(".")
    return stem if ext in RAW_EXTS and stem else None


def set_raw(flat: Flat, doc_type: str, ext: str, blob: str) -> None:
    """Make ``blob`` the document's one raw snapshot (other extensions removed)."""
    for other in RAW_EXTS:
        if other != ext:
            flat.pop(raw_path(doc_type, other), None)
    flat[raw_path(doc_type, ext)] = ("100644", blob)


def raw_entry(flat: Flat, doc_type: str) -> tuple[str, tuple[str, str]] | None:
    for ext in RAW_EXTS:
        path = raw_path(doc_type, ext)
        if path in flat:
            return path, flat[path]
    return None


def apply_changes(commit: Commit, flat: Flat) -> Flat:
    """The tree after ``commit``, given the tree before it."""
    new = dict(flat)
    for path, mode, sha in commit.changes:
        if sha is None:
            new.pop(path, None)
        else:
            new[path] = (mode, sha)
    return new


# ------------------------------------------------------------------- planning
@dataclass
class Plan:
    """Where an insertion starts and what it has to place, in date order."""

    start: int                       # index of the first existing commit to replay
    parent: str | None               # the commit the new chain grows from
    current_epoch: int | None        # when the document's text last changed before ``start``
    kept_seen: list[Seen]            # remembered captures before the insertion point
    events: list[Event]              # new items and later remembered captures, date order

    def appending(self, history: Sequence[Commit]) -> bool:
        """True when every item goes after the last existing commit (nothing replayed)."""
        return self.start == len(history)


def plan_insertion(history: Sequence[Commit], seen: Sequence[Seen],
                   items: Sequence[ImportItem], doc_type: str) -> Plan:
    """Plan an insertion of ``items`` (sorted by date, non-empty) into ``history``."""
    md = f"{doc_type}.md"
    first_epoch = epoch_of(items[0])
    start = next((i for i, c in enumerate(history) if c.epoch > first_epoch), len(history))
    current_epoch = next((c.epoch for c in reversed(history[:start]) if c.touches(md)), None)
    later: list[Event] = [g for g in seen if g.epoch > first_epoch]
    events = sorted(later + list(items),
                    key=lambda e: (epoch_of(e), 0 if isinstance(e, Seen) else 1))
    return Plan(start=start, parent=history[start - 1].sha if start else None,
                current_epoch=current_epoch,
                kept_seen=[g for g in seen if g.epoch <= first_epoch], events=events)


def drop_present(history: Sequence[Commit], items: Sequence[ImportItem], doc_type: str
                 ) -> list[ImportItem]:
    """``items`` minus those already in ``history``: a commit at the same second set the
    document to the same text. What makes a second import add nothing, even when two items
    share a capture time."""
    md = f"{doc_type}.md"
    present = {(c.epoch, sha) for c in history for path, _, sha in c.changes if path == md}
    return [it for it in items if (epoch_of(it), text_blob(it.extracted.text)) not in present]


def merge(commits: Sequence[Commit], events: Sequence[Event]) -> Iterator[Commit | Event]:
    """Date-ordered merge; at equal dates existing commits come first (idempotence)."""
    ci = 0
    for ev in events:
        epoch = epoch_of(ev)
        while ci < len(commits) and commits[ci].epoch <= epoch:
            yield commits[ci]
            ci += 1
        yield ev
    yield from commits[ci:]


def classify(blob: str, epoch: int, flat: Flat, md: str, current_epoch: int | None
             ) -> str:
    """What one item with text ``blob`` at ``epoch`` is, given the tree before it:
    ``"same"`` (the text already recorded at that very time: nothing to do), ``"repeat"``
    (the current text seen again: remembered, no commit) or ``"new"`` (a version)."""
    current = flat.get(md)
    if current and current[1] == blob:
        return "same" if epoch == current_epoch else "repeat"
    return "new"


# -------------------------------------------------------------------- replay
def replay_tree(commit: Commit, flat: Flat) -> tuple[Flat, set[str], bool]:
    """The tree of an existing commit re-applied on a rewritten ``flat``, the documents it
    touched, and whether it is dropped: its only change was a text already recorded by an
    earlier inserted version (a capture whose text is no longer new is not a version)."""
    new = dict(flat)
    touched: set[str] = set()
    for path, mode, sha in commit.changes:
        if path.endswith(".md") and "/" not in path:
            touched.add(path[:-3])
        if sha is None:
            new.pop(path, None)
            continue
        doc = raw_doc(path)
        if doc is not None:
            set_raw(new, doc, path.rsplit(".", 1)[1], sha)
        else:
            new[path] = (mode, sha)
    for doc in touched:
        md = f"{doc}.md"
        if md in new and new.get(md) == flat.get(md):
            for path in [md] + [raw_path(doc, e) for e in RAW_EXTS]:
                if path in flat:
                    new[path] = flat[path]
                else:
                    new.pop(path, None)
    return new, touched, bool(commit.changes) and new == flat


def plain_headers(headers: bytes) -> list[bytes]:
    """Header lines minus signatures (a rewritten commit cannot keep a valid one)."""
    out: list[bytes] = []
    skipping = False
    for line in headers.split(b"\n"):
        if line.startswith(b" "):
            if not skipping:
                out.append(line)
            continue
        skipping = line.startswith((b"gpgsig", b"mergetag"))
        if not skipping:
            out.append(line)
    return out


def replay_message(raw: bytes, tree: str, parent: str | None, touched: set[str],
                   before: Flat) -> bytes:
    """The commit object ``raw`` re-created with ``tree`` on ``parent``: authors, dates and
    other headers kept, signatures dropped; a tracker subject says "First record of" when the
    document did not exist in ``before`` (the tree it now follows), else "Record new changes
    of"."""
    headers, _, message = raw.partition(b"\n\n")
    kept = [ln for ln in plain_headers(headers) if not ln.startswith((b"tree ", b"parent "))]
    lines = [b"tree " + tree.encode()] + ([b"parent " + parent.encode()] if parent else [])
    text = message.decode("utf-8", "surrogateescape")
    doc_m = _DOC_TRAILER.search(text)
    subject, nl, rest = text.partition("\n")
    m = TRACKER_SUBJECT.match(subject)
    if m and doc_m and doc_m.group(1) in touched:
        first = f"{doc_m.group(1)}.md" not in before
        prefix = "First record of " if first else "Record new changes of "
        text = prefix + m.group(2) + nl + rest
    return b"\n".join(lines + kept) + b"\n\n" + text.encode("utf-8", "surrogateescape")


# ----------------------------------------------------------------- messages
def one_line(value: object) -> str:
    return " ".join(str(value).split())


def tracker_message(company_name: str, doc_type: str, title: str, meta: RecordMeta,
                    first: bool, version: str) -> str:
    """Subject and trailers of a commit the tracker makes."""
    what = f"{company_name} {one_line(title)}"
    if meta.technical:
        subject = f"Re-extract {what} (technical change, not a policy change)"
    else:
        subject = f"{'First record of' if first else 'Record new changes of'} {what}"
    trailers = [
        ("Source-URL", meta.source_url), ("HTTP-Status", meta.status),
        ("Content-Type", meta.content_type), ("Fetcher", meta.fetcher or "unknown"),
        ("Document-Type", doc_type),
        ("Change-Kind", "technical" if meta.technical else "policy"),
        ("Note", meta.note or None),
        ("Tracker-Version", version),
    ]
    body = "\n".join(f"{k}: {one_line(v)}" for k, v in trailers
                     if v is not None and one_line(v))
    return f"{subject}\n\n{body}\n"


def facts_from_commit(raw: str, company_name: str, doc_type: str) -> tuple[RecordMeta, str]:
    """Capture facts and document title as a stored commit object states them (always as a
    policy-kind change: a remembered capture repeats the page, seen again)."""
    message = raw.partition("\n\n")[2]
    trailers = dict(_TRAILER.findall(message))
    status = trailers.get("HTTP-Status", "")
    meta = RecordMeta(source_url=trailers.get("Source-URL", ""),
                      status=int(status) if status.isdigit() else None,
                      content_type=trailers.get("Content-Type", ""),
                      fetcher=trailers.get("Fetcher", "unknown"))
    subject = message.split("\n", 1)[0]
    m = TRACKER_SUBJECT.match(subject) or REEXTRACT_SUBJECT.match(subject)
    prefix = f"{company_name} "
    title = m.group(m.lastindex or 1) if m else ""
    title = title[len(prefix):] if title.startswith(prefix) else ""
    return meta, title or document_type_title(doc_type)


def parse_history(log_output: str) -> list[Commit]:
    """Commits from ``git log --first-parent --reverse --raw --no-abbrev -z`` with the
    format ``%x1e%H%x1f%at%x1f%ad%x1f`` (``--date=raw``), oldest first."""
    commits: list[Commit] = []
    for rec in log_output.split("\x1e"):
        if not rec.strip("\0\n"):
            continue
        sha, epoch, date, tail = rec.split("\x1f", 3)
        commit = Commit(sha, int(epoch), date)
        tokens = [t for t in tail.split("\0") if t.strip("\n")]
        for meta, path in zip(tokens[0::2], tokens[1::2], strict=False):
            parts = meta.strip("\n").lstrip(":").split(" ")
            new_mode, new_sha, status = parts[1], parts[3], parts[4]
            commit.changes.append((path, new_mode, None if status.startswith("D") else new_sha))
        commits.append(commit)
    return commits
