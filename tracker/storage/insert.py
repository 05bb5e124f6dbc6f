"""Walk a document's history to insert dated versions, writing through an explicit writer.

The decisions are the pure functions of :mod:`tracker.storage.rewrite`; this module applies
them in date order: existing commits before the insertion point are kept, later ones replayed
onto the rewritten chain, each new item placed as a version or remembered as a repeated
capture. Objects go to the :class:`~tracker.storage.objects.ObjectWriter` the caller chose;
reading existing objects goes through a :class:`Reader`. Nothing here moves a branch: the
caller does that once, with the walk's final commit.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tracker.errors import StorageError
from tracker.fsutil import atomic_write_text
from tracker.models import RecordMeta, document_type_title
from tracker.storage.objects import Flat, ObjectWriter
from tracker.storage.rewrite import (
    Commit, Event, Plan, Seen, Source, apply_changes, classify, facts_from_commit,
    git_date, merge, raw_entry, replay_message, replay_tree, set_raw, text_blob,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reader:
    """Read access to the repository's existing objects, and how commits are worded."""

    label: str                                   # for log lines: "<slug>/<doc-type>"
    flat_tree: Callable[[str | None], Flat]      # commit -> its tree, flattened
    read_object: Callable[[str], bytes]          # sha -> content
    company_name: str
    message: Callable[[str, str, RecordMeta, bool], str]  # (doc, title, meta, first) -> text


@dataclass
class Walk:
    """The state of one insertion walk."""

    doc_type: str
    parent: str | None
    flat: Flat
    current_epoch: int | None                    # when the text last changed, up to here
    seen: list[Seen]                             # remembered captures, as they will be saved
    sources: dict[str, Source] = field(default_factory=dict)  # text blob -> where it came from
    created: list[str] = field(default_factory=list)
    rewriting: bool = False                      # a new item is in the chain: replay the rest

    @property
    def md(self) -> str:
        return f"{self.doc_type}.md"


def walk_insertion(plan: Plan, history: Sequence[Commit], doc_type: str,
                   writer: ObjectWriter, reader: Reader) -> Walk:
    """Replay the history after ``plan.start`` merged with the planned events."""
    walk = Walk(doc_type, plan.parent, reader.flat_tree(plan.parent), plan.current_epoch,
                list(plan.kept_seen))
    for ev in merge(history[plan.start:], plan.events):
        if isinstance(ev, Commit):
            step_commit(walk, ev, writer, reader)
        else:
            place_one(walk, ev, history, writer, reader)
    return walk


def step_commit(walk: Walk, commit: Commit, writer: ObjectWriter, reader: Reader) -> None:
    """Keep an existing commit (before any new item) or replay it on the new chain."""
    md = walk.md
    if walk.rewriting:
        new_flat, touched, dropped = replay_tree(commit, walk.flat)
        if dropped:
            log.info("%s: dropping %s: its text is now recorded by an earlier version",
                     reader.label, commit.sha[:10])
        else:
            data = replay_message(reader.read_object(commit.sha), writer.tree(new_flat),
                                  walk.parent, touched, walk.flat)
            walk.parent = writer.raw_commit(new_flat, data)
    else:
        new_flat, dropped = apply_changes(commit, walk.flat), False
        walk.parent = commit.sha
    if commit.touches(md):
        if dropped and md in walk.flat:
            walk.seen.append(Seen(commit.date, walk.flat[md][1]))
        elif md in new_flat and new_flat.get(md) != walk.flat.get(md):
            walk.sources[new_flat[md][1]] = Source(raw_entry(new_flat, walk.doc_type),
                                                   commit=commit.sha)
            walk.current_epoch = commit.epoch
    walk.flat = new_flat


def place_one(walk: Walk, ev: Event, history: Sequence[Commit], writer: ObjectWriter,
              reader: Reader) -> None:
    """Place one new item or remembered capture at its date."""
    md = walk.md
    if isinstance(ev, Seen):
        date, blob = ev.date, ev.blob
    else:
        date, blob = git_date(ev.date), text_blob(ev.extracted.text)
    epoch = int(date.split(" ", 1)[0])
    kind = classify(blob, epoch, walk.flat, md, walk.current_epoch)
    if kind == "repeat":
        walk.seen.append(Seen(date, blob))
    if kind != "new":
        return
    flat = dict(walk.flat)
    if isinstance(ev, Seen):
        source = walk.sources.get(blob) or find_source(history, walk.doc_type, blob, epoch,
                                                        reader)
        if source is None:
            log.warning("%s: no stored version with text %s; forgetting capture of %s",
                        reader.label, blob[:10], date)
            return
        meta, title = source_facts(source, walk.doc_type, reader)
        flat[md] = ("100644", blob)
        if source.raw:
            set_raw(flat, walk.doc_type, source.raw[0].rsplit(".", 1)[1], source.raw[1][1])
    else:
        meta, title = ev.meta, ev.title
        flat[md] = ("100644", writer.blob(ev.extracted.text.encode("utf-8")))
        set_raw(flat, walk.doc_type, ev.extracted.raw_ext, writer.blob(ev.extracted.raw))
        source = Source(raw_entry(flat, walk.doc_type), meta=meta, title=title)
    message = reader.message(walk.doc_type, title, meta, md not in walk.flat)
    walk.parent = writer.commit(flat, walk.parent, date, message)
    walk.flat = flat
    walk.sources[blob] = source
    walk.current_epoch = epoch
    if not isinstance(ev, Seen):
        walk.created.append(walk.parent)
    walk.rewriting = True


def find_source(history: Sequence[Commit], doc_type: str, blob: str, epoch: int,
                reader: Reader) -> Source | None:
    """The newest commit up to ``epoch`` that set the document to ``blob``."""
    md = f"{doc_type}.md"
    for c in reversed(history):
        if c.epoch <= epoch and any(path == md and sha == blob for path, _, sha in c.changes):
            return Source(raw_entry(reader.flat_tree(c.sha), doc_type), commit=c.sha)
    return None


def source_facts(source: Source, doc_type: str, reader: Reader) -> tuple[RecordMeta, str]:
    """Capture facts and title for a remembered capture: those of the version whose text
    it repeated (same page, seen again), always as a policy-kind change."""
    if source.meta is not None:
        return RecordMeta(source.meta.source_url, source.meta.status,
                          source.meta.content_type, source.meta.fetcher), \
            source.title or document_type_title(doc_type)
    raw = reader.read_object(source.commit or "").decode("utf-8", "replace")
    return facts_from_commit(raw, reader.company_name, doc_type)


# ------------------------------------------------------ remembered captures
def seen_path(git_dir: Path, doc_type: str) -> Path:
    return git_dir / "policy-tracker" / "seen" / f"{doc_type}.json"


def load_seen(git_dir: Path, doc_type: str) -> list[Seen]:
    """The remembered captures of a document (an unreadable file forgets them, logged)."""
    path = seen_path(git_dir, doc_type)
    try:
        rows = json.loads(path.read_text("utf-8"))
        return [Seen(str(d), str(b)) for d, b in rows]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, TypeError) as exc:
        log.warning("%s: ignoring unreadable %s: %s", git_dir.parent, path, exc)
        return []


def save_seen(git_dir: Path, doc_type: str, seen: list[Seen], *,
              previous: list[Seen]) -> None:
    """Store the remembered captures when they changed; never through a planted link."""
    unique = sorted(set(seen), key=lambda g: (g.epoch, g.blob))
    if unique == sorted(set(previous), key=lambda g: (g.epoch, g.blob)):
        return
    path = seen_path(git_dir, doc_type)
    try:
        for folder in (path.parent.parent, path.parent):
            if folder.is_symlink():
                raise StorageError(f"{folder} is a symbolic link")
        atomic_write_text(path, json.dumps([[g.date, g.blob] for g in unique]), fsync=False)
    except (OSError, StorageError) as exc:  # losing it only loses precision, never history
        log.warning("%s: cannot remember repeated captures: %s", git_dir.parent, exc)
