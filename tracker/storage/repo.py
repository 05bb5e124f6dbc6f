"""Per-company git storage: every captured version of every document is one commit.

Layout of a company repository (branch ``main``, readable with plain ``git log``/``git show``):
``<doc-type>.md`` is the extracted Markdown, ``raw/<doc-type>.<ext>`` the raw snapshot.

Why plumbing instead of ``git add``/``git commit``: a capture must survive SIGKILL at any moment
and an import of hundreds of versions must be fast. Blobs, trees and commits are written
in-process as loose objects (temporary file + rename, exactly as git does), then the branch
moves in one ``git update-ref <new> <old>`` compare-and-swap. Until that single step nothing
is visible; after it the commit is complete. The working tree is only a convenience copy for
people browsing the files: it is refreshed after each write and re-synchronised at open time
if an interrupted run left it behind. The company display name used in commit subjects is kept
in ``.git/description`` (set it with ``open(..., company_name=...)`` or the ``company_name``
property); it defaults to the directory name. Captures whose text repeated the version before
them make no commit but are remembered in ``.git/policy-tracker/seen/<doc-type>.json`` (date and
text blob), so that a version inserted later by a backfill cannot hide that a text came back.

This module is the public API (open, record, insert, read). Creating and repairing a `.git` is
:mod:`tracker.storage.gitdir`; objects are written by a writer from
:mod:`tracker.storage.objects` that the caller picks (loose, or streamed through fast-import);
history rewriting is planned by the pure functions of :mod:`tracker.storage.rewrite` and
applied by :mod:`tracker.storage.insert`.
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tracker import __version__
from tracker.errors import StorageError
from tracker.fsutil import atomic_write_text
from tracker.models import Extracted, RecordMeta, Version, utc
from tracker.names import is_safe_slug, text_hash
from tracker.storage import gitdir, worktree
from tracker.storage.insert import Reader, load_seen, save_seen, walk_insertion
from tracker.storage.objects import (IDENTITY_EMAIL, IDENTITY_NAME, Flat, LooseWriter,
                                     ObjectWriter, StreamWriter, read_flat_tree, read_loose)
from tracker.storage.rewrite import (
    RAW_EXTS, Commit, ImportItem, Seen, check_date, check_doc_type, check_extracted,
    committer_date, drop_present, git_date, one_line, parse_history, plan_insertion, raw_path,
    set_raw, text_blob, tracker_message,
)

if TYPE_CHECKING:
    import git

__all__ = ["RAW_EXTS", "IDENTITY_NAME", "IDENTITY_EMAIL", "STREAM_MIN_ITEMS", "ImportItem",
           "Flat", "CompanyRepo", "check_doc_type", "check_date"]

log = logging.getLogger(__name__)

_DEFAULT_DESCRIPTION = "Unnamed repository"
# Fewer appended versions than this go in as loose objects: a fast-import process and a pack
# per tiny batch (a daily backfill, one Wayback capture) would cost more than they save.
STREAM_MIN_ITEMS = 4


class CompanyRepo:
    """One company's git repository. Open with :meth:`open`; not thread-safe."""

    def __init__(self, path: Path, git_dir: Path) -> None:
        self.path = path
        self.slug = path.name
        self._handle: git.Repo | None = None  # GitPython's, made when first needed
        self._git_dir = git_dir
        self._loose = LooseWriter(self._git_dir / "objects", str(path))
        self._hash_cache: dict[str, str] = {}
        self._flat_cache: tuple[str | None, Flat] | None = None
        self._branch = gitdir.read_branch(path, self._git_dir)

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: Path | str, *, create: bool = False,
             company_name: str | None = None) -> CompanyRepo:
        """Open (or with ``create`` initialise) the repository at ``path``.

        Raises StorageError naming the path when it is missing, not a repository of its own
        or corrupted. Stale lock files of a killed run are removed (the caller holds the
        workspace lock, so nobody else can be writing).
        """
        path = Path(path)
        fresh = create and not (path / ".git").exists()  # one writer per repository
        self = cls(path, gitdir.check_git_dir(path, create=create))
        try:
            gitdir.check_format(path, self._git_dir, lambda: self._repo)
            # a repository this call just made has no lock or partial pack of a killed run
            stale = not fresh and gitdir.remove_stale_locks(path, self._git_dir)
            self._verify_head()
            self._ensure_worktree(force=stale)
            if company_name:
                self.company_name = company_name
        except BaseException:
            self.close()
            raise
        return self

    def close(self) -> None:
        """Stop the helper git processes (cat-file) this object keeps."""
        if self._handle is not None:
            self._handle.close()

    @property
    def _repo(self) -> git.Repo:
        """GitPython's handle, for git processes and packed objects: opening a repository
        and recording into one of loose objects never needs it (nor imports GitPython)."""
        if self._handle is None:
            self._handle = gitdir.open_git(self.path)
        return self._handle

    def __enter__(self) -> CompanyRepo:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _verify_head(self) -> None:
        """HEAD's commit and tree are readable (in-process from loose objects, else git)."""
        head = self._head()
        if head is None or self._loose_flat(head) is not None:
            return
        try:
            self._git("rev-parse", "--verify", "-q", f"{head}^{{tree}}")
        except StorageError as exc:
            raise StorageError(f"{self.path}: corrupted repository: HEAD commit {head} "
                               f"cannot be read ({exc})") from None

    def _ensure_worktree(self, *, force: bool) -> None:
        """Re-sync index and files with HEAD when an interrupted run left them behind."""
        if (head := self._head()) is None:
            return
        if not force:
            if (cached := self._flat_cache) and cached[0] == head and worktree.matches_head(
                    self.path, self._git_dir, cached[1]):
                return  # the common case, checked without a git process
            from git.exc import GitCommandError

            try:
                self._repo.git.diff_index("--quiet", "HEAD", "--")
                return
            except GitCommandError:
                log.warning("%s: working tree differs from HEAD (interrupted run?): restoring",
                            self.path)
        self._sync_worktree()

    # --------------------------------------------------------------- low level
    def _git(self, *args: str, **kwargs: object) -> str:
        from git.exc import GitCommandError

        try:
            return self._repo.git.execute(["git", *args], **kwargs)  # type: ignore[call-overload]
        except GitCommandError as exc:
            detail = one_line(exc.stderr or "") or one_line(exc)  # one line for FAILED
            raise StorageError(f"{self.path}: git {args[0]} failed: {detail}") from None

    def _head(self) -> str | None:
        """Current commit of the branch, read without spawning git (loose or packed ref)."""
        return gitdir.read_ref(self.path, self._git_dir, self._branch)

    def _read_object(self, sha: str) -> bytes:
        found = read_loose(self._git_dir / "objects", sha)
        if found is not None:
            return found[1]
        try:
            return self._repo.odb.stream(bytes.fromhex(sha)).read()
        except Exception as exc:  # noqa: BLE001 - gitdb/GitPython raise many kinds
            raise StorageError(f"{self.path}: cannot read object {sha}: {exc}") from None

    def _flat_tree(self, commit: str | None) -> Flat:
        if commit is None:
            return {}
        if self._flat_cache and self._flat_cache[0] == commit:
            return dict(self._flat_cache[1])
        if (loose := self._loose_flat(commit)) is not None:
            return dict(loose)
        out = self._git("ls-tree", "-r", "-z", "--full-tree", commit)
        flat: Flat = {}
        for entry in out.split("\0"):
            if not entry:
                continue
            meta, _, path = entry.partition("\t")
            mode, _kind, sha = meta.split(" ")
            flat[path] = (mode, sha)
        self._flat_cache = (commit, dict(flat))
        return flat

    def _loose_flat(self, commit: str) -> Flat | None:
        """The commit's tree read in-process (cached), None when git must list it."""
        flat = read_flat_tree(self._git_dir / "objects", commit)
        if flat is not None:
            self._flat_cache = (commit, dict(flat))
        return flat

    def _history(self) -> list[Commit]:
        """The first-parent chain, oldest first, with changed paths (one git process)."""
        out = self._git(
            "log", "--first-parent", "--reverse", "--no-renames", "--diff-merges=first-parent",
            "--root", "--raw", "--no-abbrev", "-z", "--date=raw",
            "--format=%x1e%H%x1f%at%x1f%ad%x1f", self._branch)
        try:
            return parse_history(out)
        except (ValueError, IndexError):
            raise StorageError(f"{self.path}: history has a commit git cannot date or read "
                               "(run git fsck)") from None

    def _move_branch(self, new: str, old: str | None, reason: str, writer: ObjectWriter,
                     *, before: Flat, after: Flat) -> None:
        """The one atomic step: let the writer make its objects durable, then compare-and-swap
        the branch ref (with a reflog entry, under git's lock protocol, in-process), drop the
        writer's scratch refs, and bring the working copy from ``before`` to ``after``."""
        scratch = writer.finish(new)
        worktree.update_ref(self._git_dir, self._branch, new, old,
                            f"policy-tracker: {reason}", self._head)
        for ref in scratch:
            try:
                worktree.delete_loose_ref(self._git_dir, ref, new)
            except worktree.Fallback:
                self._update_ref_stdin("policy-tracker: drop scratch ref",
                                       f"delete {ref} {new}\n")
        self._checkout(after, before, writer)
        if writer.wants_maintenance():
            self._maintain()

    def _checkout(self, flat: Flat, before: Flat, writer: ObjectWriter) -> None:
        """Files and index to the new HEAD without a git process (git does the rare cases
        the in-process path does not cover)."""
        def blob(sha: str) -> bytes:
            data = writer.content(sha)
            if data is None and writer is not self._loose:
                data = self._loose.content(sha)
            return self._read_object(sha) if data is None else data

        try:
            worktree.checkout(self.path, self._git_dir, flat, before, blob)
        except (worktree.Fallback, OSError) as exc:
            log.debug("%s: working copy through git (%r)", self.path, exc)
            self._sync_worktree()

    def _update_ref_stdin(self, message: str, tx: str) -> None:
        try:
            proc = subprocess.run(["git", "update-ref", "-m", message, "--stdin"],
                                  input=tx.encode(), capture_output=True,
                                  env=gitdir.git_env(self.path, self._git_dir), cwd=self.path)
        except OSError as exc:
            raise StorageError(f"{self.path}: git update-ref failed: {exc}") from None
        if proc.returncode != 0:
            detail = one_line(proc.stderr.decode("utf-8", "replace"))
            raise StorageError(f"{self.path}: git update-ref failed: {detail}")

    def _maintain(self) -> None:
        """Let git pack loose objects when there are many (``gc --auto``: a cheap no-op
        below gc.auto objects); never detached, so no process outlives the run."""
        try:
            self._git("-c", "gc.autoDetach=false", "gc", "--auto", "--quiet")
        except StorageError as exc:  # housekeeping only: the commit itself is done
            log.warning("%s: git gc --auto failed: %s", self.path, exc)
        finally:
            self._loose.forget_directories()  # gc prunes the fan-out directories it emptied

    def _sync_worktree(self) -> None:
        self._git("read-tree", "--reset", "-u", "HEAD")

    # ------------------------------------------------------------ company name
    @property
    def company_name(self) -> str:
        """Display name used in commit subjects (``.git/description``), default: the slug."""
        try:
            text = (self._git_dir / "description").read_text("utf-8").strip()
        except OSError:
            text = ""
        return self.slug if not text or text.startswith(_DEFAULT_DESCRIPTION) else text

    @company_name.setter
    def company_name(self, name: str) -> None:
        name = one_line(name)
        if not name or name == self.company_name:
            return
        try:  # a fresh temporary name and a rename: a planted link is replaced, not followed
            atomic_write_text(self._git_dir / "description", name + "\n", fsync=False)
        except OSError as exc:
            raise StorageError(f"{self.path}: cannot store company name: {exc}") from None

    # ----------------------------------------------------------------- writing
    def _message(self, doc_type: str, title: str, meta: RecordMeta, first: bool) -> str:
        return tracker_message(self.company_name, doc_type, title, meta, first, __version__)

    def _reader(self, doc_type: str) -> Reader:
        return Reader(label=f"{self.slug}/{doc_type}", flat_tree=self._flat_tree,
                      read_object=self._read_object, company_name=self.company_name,
                      message=self._message)

    def _writer(self, stream: bool | None, *, appending: bool, count: int, base: str | None,
                base_flat: Flat) -> ObjectWriter:
        """Stream through fast-import only when every item goes after the current head."""
        if not appending or stream is False or (stream is None and count < STREAM_MIN_ITEMS):
            return self._loose
        return StreamWriter(self._git_dir, gitdir.git_env(self.path, self._git_dir),
                            self.path, str(self.path), base, base_flat)

    def record(self, doc_type: str, extracted: Extracted, meta: RecordMeta,
               captured_at: datetime, title: str, *,
               company_name: str | None = None) -> str | None:
        """Commit a new capture; None (and no commit) when the text is unchanged.

        A capture whose raw snapshot differs but whose text is identical is not a change:
        feeds and history only care about the text, so nothing is committed.
        ``company_name``, when given, becomes the repository's stored display name.
        """
        check_doc_type(doc_type)
        if company_name:
            self.company_name = company_name
        check_extracted(extracted)
        check_date(captured_at)
        head = self._head()
        flat = self._flat_tree(head)
        before = dict(flat)
        md = f"{doc_type}.md"
        current = flat.get(md)
        if current and current[1] == text_blob(extracted.text):
            log.debug("%s/%s: text unchanged, nothing recorded", self.slug, doc_type)
            self._remember(doc_type, current[1], captured_at)
            return None
        flat[md] = ("100644", self._loose.blob(extracted.text.encode("utf-8")))
        set_raw(flat, doc_type, extracted.raw_ext, self._loose.blob(extracted.raw))
        message = self._message(doc_type, title, meta, first=current is None)
        sha = self._loose.commit(flat, head, git_date(captured_at), message)
        self._move_branch(sha, head, f"record {doc_type}", self._loose, before=before,
                          after=flat)
        self._flat_cache = (sha, dict(flat))
        log.info("%s/%s: recorded %s", self.slug, doc_type, sha[:10])
        return sha

    def _remember(self, doc_type: str, blob: str, captured_at: datetime) -> None:
        """One remembered capture per text per UTC day is precise enough for backfills and
        keeps an hourly cron job from growing (and rewriting) the file on every run."""
        seen = load_seen(self._git_dir, doc_type)
        day = utc(captured_at).date()
        if not any(g.blob == blob and g.day == day for g in seen):
            save_seen(self._git_dir, doc_type, seen + [Seen(git_date(captured_at), blob)],
                      previous=seen)

    def insert_versions(self, doc_type: str, items: Iterable[ImportItem], *,
                        company_name: str | None = None,
                        stream: bool | None = None) -> list[str]:
        """Place dated versions into the document's history; return the new commits' shas.

        History stays linear and in date order: versions older than existing commits cause
        the chain from that point to be rebuilt (other documents' commits keep their
        dates, authors, messages and content). A capture identical to the version before it
        is not a version; it is remembered instead (``.git/policy-tracker/seen``), so that
        when a different text is inserted before it later, the text "comes back" at that
        capture's date rather than being lost; likewise an existing capture that now repeats
        an earlier inserted text is dropped and remembered. The new chain is written first
        and the branch moves in one compare-and-swap, so a crash leaves the old history
        intact. Idempotent: items already present (same date, same text) add nothing.

        When every item is newer than the last commit (a new repository, or a later batch)
        and there are at least :data:`STREAM_MIN_ITEMS` of them, the same commits are streamed
        through one ``git fast-import`` process instead of loose objects (``stream=False``
        forces loose objects, ``stream=True`` streams any appending batch); the branch still
        moves only after git's commit sha matches the one computed here.
        """
        check_doc_type(doc_type)
        if company_name:
            self.company_name = company_name
        todo = sorted(items, key=lambda it: utc(it.date).timestamp())
        if not todo:
            return []
        for it in todo:
            check_extracted(it.extracted)
            check_date(it.date)
        old_head = self._head()
        history = self._history() if old_head else []
        todo = drop_present(history, todo, doc_type)
        if not todo:
            return []
        seen = load_seen(self._git_dir, doc_type)
        plan = plan_insertion(history, seen, todo, doc_type)
        before = self._flat_tree(old_head)  # what the index holds now
        writer = self._writer(stream, appending=plan.appending(history), count=len(todo),
                              base=plan.parent, base_flat=self._flat_tree(plan.parent))
        try:
            walk = walk_insertion(plan, history, doc_type, writer, self._reader(doc_type))
            if walk.parent != old_head and walk.parent is not None:
                self._move_branch(walk.parent, old_head,
                                  f"insert {len(walk.created)} {doc_type} versions", writer,
                                  before=before, after=walk.flat)
                self._flat_cache = (walk.parent, dict(walk.flat))
                log.info("%s/%s: inserted %d of %d versions", self.slug, doc_type,
                         len(walk.created), len(todo))
            else:
                writer.abort()
        except BaseException:
            writer.abort()
            raise
        save_seen(self._git_dir, doc_type, walk.seen, previous=seen)
        return walk.created

    # ----------------------------------------------------------------- reading
    def versions(self, doc_type: str) -> list[Version]:
        """Commits that changed ``<doc_type>.md``, newest first (one ``git log``)."""
        check_doc_type(doc_type)
        if self._head() is None:
            return []
        md = f"{doc_type}.md"
        out = self._git("log", "--no-renames", "--raw", "--no-abbrev",
                        "--format=%x1e%H%x1f%aI%x1f%s%x1f%(trailers:only,unfold)%x1f",
                        self._branch, "--", f":(literal){md}")
        result: list[Version] = []
        for rec in out.split("\x1e"):
            if not rec.strip():
                continue
            sha, date, subject, trailer_text, raw = rec.split("\x1f", 4)
            blob = None
            for line in raw.splitlines():
                if line.startswith(":") and line.endswith(f"\t{md}"):
                    fields = line[1:].split("\t", 1)[0].split(" ")
                    blob = None if fields[4].startswith("D") else fields[3]
            if blob is None:
                continue
            trailers: dict[str, str] = {}
            for line in trailer_text.splitlines():
                key, sep, value = line.partition(":")
                if sep:
                    trailers[key.strip()] = value.strip()
            result.append(Version(
                company=self.slug, doc_type=doc_type, commit=sha,
                date=self._commit_date(sha, date), subject=subject, trailers=trailers,
                technical=trailers.get("Change-Kind", "").lower() == "technical",
                text_hash=self._text_hash(blob)))
        return result

    def last_date(self) -> datetime | None:
        """Committer date of the branch's newest commit (None in an empty repository), read
        from the object database without spawning git."""
        head = self._head()
        return None if head is None else committer_date(self._read_object(head))

    def _commit_date(self, sha: str, date: str) -> datetime:
        """A commit's author date; a date git cannot state (one before 1970 written by an
        older version) is a repository error naming the commit, not a crash."""
        try:
            return datetime.fromisoformat(date)
        except ValueError:
            raise StorageError(f"{self.path}: commit {sha[:10]} has an invalid date "
                               "(before 1970?); git fsck rejects it") from None

    def _text_hash(self, blob: str) -> str:
        if blob not in self._hash_cache:
            self._hash_cache[blob] = text_hash(self._read_object(blob))
        return self._hash_cache[blob]

    def _tree_entry(self, commit: str, path: str) -> str | None:
        """Blob sha of ``path`` at ``commit``, None when absent; StorageError for bad revs."""
        try:
            tree = self._repo.commit(commit).tree
        except Exception as exc:  # noqa: BLE001
            raise StorageError(f"{self.path}: unknown or unreadable revision {commit!r}: "
                               f"{exc}") from None
        try:
            return tree[path].hexsha
        except KeyError:
            return None
        except Exception as exc:  # noqa: BLE001
            raise StorageError(f"{self.path}: cannot read {path} at {commit}: {exc}") from None

    def text_at(self, commit: str, doc_type: str) -> str:
        """The document text as of ``commit``; StorageError when it did not exist then."""
        check_doc_type(doc_type)
        blob = self._tree_entry(commit, f"{doc_type}.md")
        if blob is None:
            raise StorageError(f"{self.path}: {doc_type}.md does not exist at {commit}")
        return self._read_object(blob).decode("utf-8", "replace")

    def raw_at(self, commit: str, doc_type: str) -> tuple[bytes, str] | None:
        """The raw snapshot and its extension as of ``commit``, None when none was stored."""
        check_doc_type(doc_type)
        for ext in RAW_EXTS:
            blob = self._tree_entry(commit, raw_path(doc_type, ext))
            if blob is not None:
                return self._read_object(blob), ext
        return None

    def latest_text(self, doc_type: str) -> str | None:
        check_doc_type(doc_type)
        head = self._head()
        if head is None:
            return None
        entry = self._flat_tree(head).get(f"{doc_type}.md")
        return None if entry is None else self._read_object(entry[1]).decode("utf-8", "replace")

    def doc_types(self) -> list[str]:
        """Documents present at HEAD (top-level ``<doc-type>.md`` files)."""
        head = self._head()
        if head is None:
            return []
        return sorted(p[:-3] for p in self._flat_tree(head)
                      if p.endswith(".md") and "/" not in p and is_safe_slug(p[:-3]))

    def head(self) -> str | None:
        """Sha of the branch tip, None for a repository without commits."""
        return self._head()

    def check(self) -> None:
        """Full integrity check (``git fsck``); StorageError with git's complaint."""
        self._git("fsck", "--no-progress", "--no-dangling")
