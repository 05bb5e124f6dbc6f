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
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import subprocess
import zlib
from dataclasses import dataclass, field
from datetime import date as Day, datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Iterator

import git
from git.exc import GitCommandError, InvalidGitRepositoryError, NoSuchPathError

from tracker import __version__
from tracker.config.loading import is_safe_slug
from tracker.errors import StorageError
from tracker.fsutil import atomic_write_text
from tracker.storage.fastimport import SCRATCH_REF, FastImport
from tracker.models import Extracted, RecordMeta, Version, document_type_title

log = logging.getLogger(__name__)

RAW_EXTS: tuple[str, ...] = ("html", "pdf", "txt", "md")
IDENTITY_NAME = "policy-tracker"
IDENTITY_EMAIL = "policy-tracker@localhost"
_DEFAULT_DESCRIPTION = "Unnamed repository"
_ZERO = "0" * 40
# Fewer appended versions than this go in as loose objects: a fast-import process and a pack
# per tiny batch (a daily backfill, one Wayback capture) would cost more than they save.
STREAM_MIN_ITEMS = 4
_PACK_LIMIT = 40  # below gc.autoPackLimit (50): a streamed import skips `gc --auto` until then
_STALE_LOCKS = ("index.lock", "HEAD.lock", "config.lock", "packed-refs.lock", "ORIG_HEAD.lock")
_TRACKER_SUBJECT = re.compile(r"\A(First record of |Record new changes of )(.*)\Z", re.S)
_REEXTRACT_SUBJECT = re.compile(r"\ARe-extract (.*) \(technical change, not a policy change\)\Z")


def is_safe_name(name: str) -> bool:
    """True for names that may become a path (the config's slug rule, one definition)."""
    return is_safe_slug(name)


@dataclass(frozen=True)
class ImportItem:
    """One dated version to place into a document's history (import, Wayback backfill)."""

    date: datetime
    extracted: Extracted
    meta: RecordMeta
    title: str


@dataclass
class _Commit:
    """One commit of the first-parent history with the paths it changed (None = deleted)."""

    sha: str
    epoch: int
    date: str                        # author date as git stores it: "<epoch> <+hhmm>"
    changes: list[tuple[str, str, str | None]] = field(default_factory=list)


@dataclass(frozen=True)
class _Seen:
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
class _Source:
    """Where a text came from: its raw snapshot entry and the facts of its capture."""

    raw: tuple[str, tuple[str, str]] | None
    commit: str | None = None
    meta: RecordMeta | None = None
    title: str | None = None


Flat = dict[str, tuple[str, str]]  # path -> (mode, blob sha), the whole tree flattened


def _utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt


def _git_date(dt: datetime) -> str:
    """``<epoch> <+hhmm>`` as git stores it; naive datetimes are UTC; seconds precision."""
    dt = _utc(dt)
    offset = dt.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{int(dt.timestamp())} {sign}{minutes // 60:02d}{minutes % 60:02d}"


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def _raw_path(doc_type: str, ext: str) -> str:
    return f"raw/{doc_type}.{ext}"


def _raw_doc(path: str) -> str | None:
    """``raw/<doc>.<ext>`` -> doc, for the known raw extensions only."""
    if not path.startswith("raw/") or "/" in path[4:]:
        return None
    stem, _, ext = path[4:].rpartition(".")
    return stem if ext in RAW_EXTS and stem else None


def _check_doc_type(doc_type: str) -> None:
    if not is_safe_name(doc_type):
        raise StorageError(f"unsafe document type {doc_type!r}: expected [a-z0-9][a-z0-9._-]*")


def _check_extracted(extracted: Extracted) -> None:
    if extracted.raw_ext not in RAW_EXTS:
        raise StorageError(f"unsupported raw snapshot type {extracted.raw_ext!r}")
    if not extracted.text.strip():
        raise StorageError("refusing to record an empty document text")


_SKELETON: list[tuple[str, int, bytes | None]] | None = None


def _git_dir_skeleton(scratch: Path) -> list[tuple[str, int, bytes | None]]:
    """The files of a freshly initialised `.git` (relative path, mode, content or None for a
    directory), made once per process by `git init` in ``scratch`` and then reused."""
    global _SKELETON
    if _SKELETON is not None:
        return _SKELETON
    work = scratch / "skeleton"
    work.mkdir()
    try:
        g = git.Git(str(work))
        g.update_environment(GIT_DIR=None, GIT_WORK_TREE=None, GIT_INDEX_FILE=None)
        # no template: a machine-managed repository needs no sample hooks, and a bulk import
        # creates hundreds of repositories (14 fewer files each)
        g.init("-q", "-b", "main", "--template=", str(work))
        with git.Repo(work) as fresh, fresh.config_writer("repository") as cfg:
            cfg.set_value("user", "name", IDENTITY_NAME)
            cfg.set_value("user", "email", IDENTITY_EMAIL)
            cfg.set_value("core", "autocrlf", "false")
            cfg.set_value("core", "logAllRefUpdates", "true")
        root = work / ".git"
        entries: list[tuple[str, int, bytes | None]] = [("", 0o755, None)]
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            base = Path(dirpath)
            for name in dirnames:
                p = base / name
                entries.append((str(p.relative_to(root)), p.stat().st_mode & 0o7777, None))
            for name in sorted(filenames):
                p = base / name
                entries.append((str(p.relative_to(root)), p.stat().st_mode & 0o7777,
                                p.read_bytes()))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _SKELETON = entries
    return entries


class CompanyRepo:
    """One company's git repository. Open with :meth:`open`; not thread-safe."""

    def __init__(self, path: Path, repo: git.Repo) -> None:
        self.path = path
        self.slug = path.name
        self._repo = repo
        self._git_dir = Path(repo.git_dir)
        self._objects = self._git_dir / "objects"
        self._hash_cache: dict[str, str] = {}
        self._fanout: set[str] = set()
        self._flat_cache: tuple[str | None, Flat] | None = None
        self._branch = self._read_branch()
        # set while insert_versions streams through git fast-import: objects are then only
        # hashed here (blob contents kept until sent), never written as loose files
        self._planned_blobs: dict[str, bytes] | None = None
        self._stream: FastImport | None = None

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
        git_dir = path / ".git"
        if create and not git_dir.exists():
            cls._init(path)
        if not path.is_dir():
            raise StorageError(f"{path}: repository directory does not exist")
        if not git_dir.is_dir() or not (git_dir / "HEAD").is_file():
            raise StorageError(f"{path}: not a git repository (missing or corrupted .git)")
        try:
            repo = git.Repo(path)
        except (InvalidGitRepositoryError, NoSuchPathError, OSError, ValueError) as exc:
            raise StorageError(f"{path}: not a usable git repository ({exc})") from None
        if Path(repo.git_dir).resolve() != git_dir.resolve():
            raise StorageError(f"{path}: not a git repository of its own")
        # Never let git discover a parent repository or inherit another index/object store.
        repo.git.update_environment(
            GIT_DIR=str(git_dir), GIT_WORK_TREE=str(path), GIT_INDEX_FILE=None,
            GIT_OBJECT_DIRECTORY=None, GIT_ALTERNATE_OBJECT_DIRECTORIES=None,
            GIT_CEILING_DIRECTORIES=str(path.resolve().parent))
        try:
            self = cls(path, repo)
        except StorageError:
            repo.close()
            raise
        try:
            self._check_format()
            stale = self._remove_stale_locks()
            self._verify_head()
            self._ensure_worktree(force=stale)
            if company_name:
                self.company_name = company_name
        except BaseException:
            self.close()
            raise
        return self

    @staticmethod
    def _init(path: Path) -> None:
        """Create the repository atomically: the `.git` is made in a hidden sibling directory
        and renamed into place, so a run killed during the init leaves no half-made `.git`
        that the next run would have to refuse as corrupted. The first repository of a
        process comes from `git init`; later ones copy that result (a bulk import creates
        hundreds, and a git process plus a config rewrite each would dominate small ones)."""
        staging = path.parent / f".{path.name}.init-{secrets.token_hex(4)}"
        try:
            path.mkdir(parents=True, exist_ok=True)
            for leftover in path.parent.glob(f".{path.name}.init-*"):  # from a killed init
                shutil.rmtree(leftover, ignore_errors=True)
            staging.mkdir()
            skeleton = _git_dir_skeleton(staging)
            target = staging / ".git"
            for rel, mode, data in skeleton:
                dest = target / rel if rel else target
                if data is None:
                    dest.mkdir(mode=mode, exist_ok=bool(not rel))
                else:
                    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
                    with os.fdopen(fd, "wb") as fh:
                        fh.write(data)
            os.rename(target, path / ".git")
        except (GitCommandError, InvalidGitRepositoryError, OSError) as exc:
            raise StorageError(f"{path}: cannot create repository ({exc})") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        log.info("created repository %s", path)

    def close(self) -> None:
        """Stop the helper git processes (cat-file) this object keeps."""
        self._repo.close()

    def __enter__(self) -> CompanyRepo:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read_branch(self) -> str:
        try:
            head = (self._git_dir / "HEAD").read_text("utf-8").strip()
        except OSError as exc:
            raise StorageError(f"{self.path}: cannot read .git/HEAD ({exc})") from None
        if not head.startswith("ref: refs/heads/"):
            raise StorageError(f"{self.path}: HEAD is not on a branch ({head[:60]!r})")
        return head[5:]

    def _check_format(self) -> None:
        try:
            fmt = self._repo.config_reader("repository").get_value(
                "extensions", "objectformat", "sha1")
        except Exception:  # noqa: BLE001 - configparser raises many kinds
            fmt = "sha1"
        if str(fmt).lower() != "sha1":
            raise StorageError(f"{self.path}: object format {fmt} is not supported")

    def _remove_stale_locks(self) -> bool:
        found = [self._git_dir / n for n in _STALE_LOCKS if (self._git_dir / n).exists()]
        found += list((self._git_dir / "refs").rglob("*.lock"))
        # the half-written pack of a killed `git fast-import`: garbage to git, maybe large
        self._remove_partial_packs()
        for lock in found:
            log.warning("%s: removing stale lock %s left by an interrupted run", self.path, lock)
            try:
                lock.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise StorageError(f"{self.path}: cannot remove stale lock {lock}: {exc}") from None
        return bool(found)

    def _remove_partial_packs(self) -> None:
        pack_dir = self._objects / "pack"
        try:
            partial = [p for p in pack_dir.iterdir() if p.name.startswith(("tmp_pack_",
                                                                           "tmp_idx_"))]
        except OSError:
            return
        for leftover in partial:
            log.warning("%s: removing %s left by an interrupted import", self.path,
                        leftover.name)
            try:
                leftover.unlink()
            except OSError as exc:  # only disk space is at stake
                log.warning("%s: cannot remove %s: %s", self.path, leftover, exc)

    def _verify_head(self) -> None:
        head = self._head()
        if head is None:
            return
        try:
            self._git("rev-parse", "--verify", "-q", f"{head}^{{tree}}")
        except StorageError as exc:
            raise StorageError(f"{self.path}: corrupted repository: HEAD commit {head} "
                               f"cannot be read ({exc})") from None

    def _ensure_worktree(self, *, force: bool) -> None:
        """Re-sync index and files with HEAD when an interrupted run left them behind."""
        if self._head() is None:
            return
        if not force:
            try:
                self._repo.git.diff_index("--quiet", "HEAD", "--")
                return
            except GitCommandError:
                log.warning("%s: working tree differs from HEAD (interrupted run?): restoring",
                            self.path)
        self._sync_worktree()

    # --------------------------------------------------------------- low level
    def _git(self, *args: str, **kwargs: object) -> str:
        try:
            return self._repo.git.execute(["git", *args], **kwargs)  # type: ignore[call-overload]
        except GitCommandError as exc:
            detail = _one_line(exc.stderr or "") or _one_line(exc)  # one line for FAILED
            raise StorageError(f"{self.path}: git {args[0]} failed: {detail}") from None

    def _head(self) -> str | None:
        """Current commit of the branch, read without spawning git (loose or packed ref)."""
        ref = self._git_dir / self._branch
        try:
            sha = ref.read_text("ascii").strip()
        except FileNotFoundError:
            sha = ""
        except OSError as exc:
            raise StorageError(f"{self.path}: cannot read {self._branch}: {exc}") from None
        if not sha:
            packed = self._git_dir / "packed-refs"
            if packed.exists():
                for line in packed.read_text("utf-8", "replace").splitlines():
                    parts = line.split(" ", 1)
                    if len(parts) == 2 and parts[1] == self._branch:
                        sha = parts[0]
                        break
        if not sha:
            return None
        if not re.fullmatch(r"[0-9a-f]{40}", sha):
            raise StorageError(f"{self.path}: corrupted ref {self._branch}: {sha[:60]!r}")
        return sha

    @staticmethod
    def _hash(kind: bytes, data: bytes) -> str:
        return hashlib.sha1(b"%s %d\0" % (kind, len(data)) + data).hexdigest()

    def _write_object(self, kind: bytes, data: bytes) -> str:
        """Store a loose object atomically: a read-only temp file in the fan-out directory
        (``tmp_obj_*``, which git itself ignores and prunes), then a rename. While a
        fast-import stream is open, only hash it (and keep blob contents to send)."""
        header = b"%s %d\0" % (kind, len(data))
        sha = hashlib.sha1(header + data).hexdigest()
        if self._planned_blobs is not None:
            if kind == b"blob":
                self._planned_blobs[sha] = data
            return sha
        path = self._objects / sha[:2] / sha[2:]
        if path.exists():
            return sha
        tmp = path.parent / f"tmp_obj_{os.getpid()}_{secrets.token_hex(6)}"
        try:
            if sha[:2] not in self._fanout:
                path.parent.mkdir(exist_ok=True)
                self._fanout.add(sha[:2])
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o444)
            except FileNotFoundError:  # git gc/prune removed the emptied fan-out directory
                path.parent.mkdir(exist_ok=True)
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o444)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(zlib.compress(header + data, 1))  # git's core.looseCompression
                os.replace(tmp, path)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise StorageError(f"{self.path}: cannot write object: {exc}") from None
        return sha

    def _read_object(self, sha: str) -> bytes:
        try:
            return self._repo.odb.stream(bytes.fromhex(sha)).read()
        except Exception as exc:  # noqa: BLE001 - gitdb/GitPython raise many kinds
            raise StorageError(f"{self.path}: cannot read object {sha}: {exc}") from None

    def _write_tree(self, flat: Flat) -> str:
        """Write the nested tree objects for a flat path map; return the root tree sha."""
        files: dict[str, tuple[str, str]] = {}
        dirs: dict[str, Flat] = {}
        for path, entry in flat.items():
            head, sep, rest = path.partition("/")
            if sep:
                dirs.setdefault(head, {})[rest] = entry
            else:
                files[head] = entry
        entries = [(name.encode(), mode, sha) for name, (mode, sha) in files.items()]
        entries += [(name.encode(), "40000", self._write_tree(sub)) for name, sub in dirs.items()]
        entries.sort(key=lambda e: e[0] + (b"/" if e[1] == "40000" else b""))
        data = b"".join(b"%s %s\0" % (mode.encode(), name) + bytes.fromhex(sha)
                        for name, mode, sha in entries)
        return self._write_object(b"tree", data)

    def _flat_tree(self, commit: str | None) -> Flat:
        if commit is None:
            return {}
        if self._flat_cache and self._flat_cache[0] == commit:
            return dict(self._flat_cache[1])
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

    def _move_branch(self, new: str, old: str | None, reason: str) -> None:
        """The one atomic step: compare-and-swap the branch ref (with a reflog entry)."""
        self._git("update-ref", "-m", f"policy-tracker: {reason}", self._branch, new,
                  old or _ZERO)
        self._sync_worktree()
        self._maintain()

    def _maintain(self) -> None:
        """Let git pack loose objects when there are many (``gc --auto``: a cheap no-op
        below gc.auto objects); never detached, so no process outlives the run."""
        try:
            self._git("-c", "gc.autoDetach=false", "gc", "--auto", "--quiet")
        except StorageError as exc:  # housekeeping only: the commit itself is done
            log.warning("%s: git gc --auto failed: %s", self.path, exc)
        finally:
            self._fanout.clear()  # gc prunes the fan-out directories it emptied

    def _move_branch_streamed(self, new: str, old: str | None, reason: str) -> None:
        """End the fast-import stream, check git built exactly the commit computed here, then
        the same compare-and-swap (and reflog entry) as :meth:`_move_branch`, dropping the
        scratch ref in the same transaction."""
        assert self._stream is not None
        got = self._stream.finish()
        if got != new:
            raise StorageError(f"{self.path}: git fast-import built {got} instead of {new}; "
                               "branch left unchanged")
        tx = (f"update {self._branch} {new} {old or _ZERO}\n"
              f"delete {SCRATCH_REF} {new}\n")
        try:
            proc = subprocess.run(["git", "update-ref", "-m", f"policy-tracker: {reason}",
                                   "--stdin"], input=tx.encode(), capture_output=True,
                                  env=self._git_env(), cwd=self.path)
        except OSError as exc:
            raise StorageError(f"{self.path}: git update-ref failed: {exc}") from None
        if proc.returncode != 0:
            detail = _one_line(proc.stderr.decode("utf-8", "replace"))
            raise StorageError(f"{self.path}: git update-ref failed: {detail}")
        self._sync_worktree()
        try:
            packs = sum(1 for _ in (self._objects / "pack").glob("*.pack"))
        except OSError:
            packs = _PACK_LIMIT
        if packs >= _PACK_LIMIT:  # a stream adds one pack and no loose object
            self._maintain()

    def _git_env(self) -> dict[str, str]:
        """The environment ``open`` gives GitPython, for git processes started directly."""
        env = dict(os.environ)
        for name in ("GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                     "GIT_ALTERNATE_OBJECT_DIRECTORIES"):
            env.pop(name, None)
        env.update(GIT_DIR=str(self._git_dir), GIT_WORK_TREE=str(self.path),
                   GIT_CEILING_DIRECTORIES=str(self.path.resolve().parent))
        return env

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
        name = _one_line(name)
        if not name or name == self.company_name:
            return
        target = self._git_dir / "description"
        tmp = target.with_name("description.tmp")
        try:
            tmp.write_text(name + "\n", "utf-8")
            os.replace(tmp, target)
        except OSError as exc:
            raise StorageError(f"{self.path}: cannot store company name: {exc}") from None

    # ----------------------------------------------------------------- writing
    def _message(self, doc_type: str, title: str, meta: RecordMeta, first: bool) -> str:
        what = f"{self.company_name} {_one_line(title)}"
        if meta.technical:
            subject = f"Re-extract {what} (technical change, not a policy change)"
        else:
            subject = f"{'First record of' if first else 'Record new changes of'} {what}"
        trailers = [
            ("Source-URL", meta.source_url), ("HTTP-Status", meta.status),
            ("Content-Type", meta.content_type), ("Fetcher", meta.fetcher or "unknown"),
            ("Document-Type", doc_type),
            ("Change-Kind", "technical" if meta.technical else "policy"),
            ("Tracker-Version", __version__),
        ]
        body = "\n".join(f"{k}: {_one_line(v)}" for k, v in trailers
                         if v is not None and _one_line(v))
        return f"{subject}\n\n{body}\n"

    def _commit_object(self, tree: str, parent: str | None, date: str, message: str) -> str:
        ident = f"{IDENTITY_NAME} <{IDENTITY_EMAIL}> {date}"
        lines = [f"tree {tree}"] + ([f"parent {parent}"] if parent else [])
        lines += [f"author {ident}", f"committer {ident}"]
        return self._write_object(b"commit", ("\n".join(lines) + "\n\n" + message).encode())

    def _new_commit(self, flat: Flat, parent: str | None, date: str, message: str) -> str:
        """Commit ``flat`` on ``parent``: loose objects, or sent down the open stream."""
        sha = self._commit_object(self._write_tree(flat), parent, date, message)
        if self._stream is not None and self._planned_blobs is not None:
            parent_flat = self._flat_tree(parent) if self._stream.commits == 0 else {}
            self._stream.commit(parent, parent_flat, flat, date,
                                f"{IDENTITY_NAME} <{IDENTITY_EMAIL}>", message,
                                self._planned_blobs)
            self._planned_blobs.clear()
        return sha

    def _use_stream(self, stream: bool | None, *, appending: bool, count: int) -> bool:
        """Stream through fast-import only when every item goes after the current head."""
        if not appending or stream is False:
            return False
        return stream is True or count >= STREAM_MIN_ITEMS

    @staticmethod
    def _set_raw(flat: Flat, doc_type: str, ext: str, blob: str) -> None:
        for other in RAW_EXTS:
            if other != ext:
                flat.pop(_raw_path(doc_type, other), None)
        flat[_raw_path(doc_type, ext)] = ("100644", blob)

    def record(self, doc_type: str, extracted: Extracted, meta: RecordMeta,
               captured_at: datetime, title: str, *,
               company_name: str | None = None) -> str | None:
        """Commit a new capture; None (and no commit) when the text is unchanged.

        A capture whose raw snapshot differs but whose text is identical is not a change:
        feeds and history only care about the text, so nothing is committed.
        ``company_name``, when given, becomes the repository's stored display name.
        """
        _check_doc_type(doc_type)
        if company_name:
            self.company_name = company_name
        _check_extracted(extracted)
        text = extracted.text.encode("utf-8")
        head = self._head()
        flat = self._flat_tree(head)
        md = f"{doc_type}.md"
        current = flat.get(md)
        if current and current[1] == self._hash(b"blob", text):
            log.debug("%s/%s: text unchanged, nothing recorded", self.slug, doc_type)
            seen = self._load_seen(doc_type)
            # One remembered capture per text per UTC day is precise enough for backfills and
            # keeps an hourly cron job from growing (and rewriting) the file on every run.
            day = _utc(captured_at).date()
            if not any(g.blob == current[1] and g.day == day for g in seen):
                self._save_seen(doc_type, seen + [_Seen(_git_date(captured_at), current[1])],
                                previous=seen)
            return None
        flat[md] = ("100644", self._write_object(b"blob", text))
        self._set_raw(flat, doc_type, extracted.raw_ext,
                      self._write_object(b"blob", extracted.raw))
        tree = self._write_tree(flat)
        message = self._message(doc_type, title, meta, first=current is None)
        sha = self._commit_object(tree, head, _git_date(captured_at), message)
        self._move_branch(sha, head, f"record {doc_type}")
        self._flat_cache = (sha, dict(flat))
        log.info("%s/%s: recorded %s", self.slug, doc_type, sha[:10])
        return sha

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
        _check_doc_type(doc_type)
        if company_name:
            self.company_name = company_name
        todo = sorted(items, key=lambda it: _utc(it.date).timestamp())
        if not todo:
            return []
        for it in todo:
            _check_extracted(it.extracted)
        md = f"{doc_type}.md"
        old_head = self._head()
        history = self._history() if old_head else []
        seen = self._load_seen(doc_type)
        first_epoch = int(_utc(todo[0].date).timestamp())
        k = next((i for i, c in enumerate(history) if c.epoch > first_epoch), len(history))
        parent = history[k - 1].sha if k else None
        flat = self._flat_tree(parent)
        # what a version before the insertion point looked like, for seen captures to reuse
        sources: dict[str, _Source] = {}
        current_epoch: int | None = None
        for c in reversed(history[:k]):
            if any(path == md for path, _, _ in c.changes):
                current_epoch = c.epoch
                break
        kept_seen = [g for g in seen if g.epoch <= first_epoch]
        later: list[_Seen | ImportItem] = [g for g in seen if g.epoch > first_epoch]
        events = sorted(later + todo, key=lambda e: (
            e.epoch if isinstance(e, _Seen) else int(_utc(e.date).timestamp()),
            0 if isinstance(e, _Seen) else 1))
        created: list[str] = []
        new_seen: list[_Seen] = list(kept_seen)
        rewriting = False
        if self._use_stream(stream, appending=k == len(history), count=len(todo)):
            self._planned_blobs = {}
            self._stream = FastImport(str(self._git_dir), self._git_env(), str(self.path),
                                      str(self.path))
        try:
            for ev in self._merge(history[k:], events):
                if isinstance(ev, _Commit):
                    if rewriting:
                        parent, new_flat, dropped = self._replay(ev, parent, flat)
                    else:
                        new_flat, dropped = self._apply(ev, flat), False
                        parent = ev.sha
                    touched = any(path == md for path, _, _ in ev.changes)
                    if dropped and touched and md in flat:
                        new_seen.append(_Seen(ev.date, flat[md][1]))
                    elif touched and md in new_flat and new_flat.get(md) != flat.get(md):
                        sources[new_flat[md][1]] = _Source(self._raw_entry(new_flat, doc_type),
                                                           commit=ev.sha)
                        current_epoch = ev.epoch
                    flat = new_flat
                    continue
                if isinstance(ev, _Seen):
                    date, blob = ev.date, ev.blob
                else:
                    date = _git_date(ev.date)
                    blob = self._hash(b"blob", ev.extracted.text.encode("utf-8"))
                epoch = int(date.split(" ", 1)[0])
                current = flat.get(md)
                if current and current[1] == blob:
                    if epoch != current_epoch:
                        new_seen.append(_Seen(date, blob))
                    continue
                if isinstance(ev, _Seen):
                    source = sources.get(blob) or self._find_source(history, doc_type, blob, epoch)
                    if source is None:
                        log.warning("%s/%s: no stored version with text %s; forgetting capture "
                                    "of %s", self.slug, doc_type, blob[:10], date)
                        continue
                    meta, title = self._source_facts(source, doc_type)
                    flat[md] = ("100644", blob)
                    if source.raw:
                        self._set_raw(flat, doc_type, source.raw[0].rsplit(".", 1)[1],
                                      source.raw[1][1])
                else:
                    meta, title = ev.meta, ev.title
                    flat[md] = ("100644", self._write_object(
                        b"blob", ev.extracted.text.encode("utf-8")))
                    self._set_raw(flat, doc_type, ev.extracted.raw_ext,
                                  self._write_object(b"blob", ev.extracted.raw))
                    source = _Source(self._raw_entry(flat, doc_type), meta=meta, title=title)
                message = self._message(doc_type, title, meta, first=current is None)
                parent = self._new_commit(flat, parent, date, message)
                sources[blob] = source
                current_epoch = epoch
                if not isinstance(ev, _Seen):
                    created.append(parent)
                rewriting = True
            if parent != old_head and parent is not None:
                reason = f"insert {len(created)} {doc_type} versions"
                if self._stream is not None:
                    self._move_branch_streamed(parent, old_head, reason)
                else:
                    self._move_branch(parent, old_head, reason)
                self._flat_cache = (parent, dict(flat))
                log.info("%s/%s: inserted %d of %d versions", self.slug, doc_type, len(created),
                         len(todo))
        except BaseException:
            if self._stream is not None:
                self._stream.abort()
            raise
        finally:
            self._stream = None
            self._planned_blobs = None
        self._save_seen(doc_type, new_seen, previous=seen)
        return created

    @staticmethod
    def _apply(commit: _Commit, flat: Flat) -> Flat:
        new = dict(flat)
        for path, mode, sha in commit.changes:
            if sha is None:
                new.pop(path, None)
            else:
                new[path] = (mode, sha)
        return new

    @staticmethod
    def _raw_entry(flat: Flat, doc_type: str) -> tuple[str, tuple[str, str]] | None:
        for ext in RAW_EXTS:
            path = _raw_path(doc_type, ext)
            if path in flat:
                return path, flat[path]
        return None

    def _find_source(self, history: list[_Commit], doc_type: str, blob: str,
                     epoch: int) -> _Source | None:
        """The newest commit up to ``epoch`` that set the document to ``blob``."""
        md = f"{doc_type}.md"
        for c in reversed(history):
            if c.epoch <= epoch and any(path == md and sha == blob for path, _, sha in c.changes):
                return _Source(self._raw_entry(self._flat_tree(c.sha), doc_type), commit=c.sha)
        return None

    def _source_facts(self, source: _Source, doc_type: str) -> tuple[RecordMeta, str]:
        """Capture facts and title for a remembered capture: those of the version whose text
        it repeated (same page, seen again), always as a policy-kind change."""
        if source.meta is not None:
            return RecordMeta(source.meta.source_url, source.meta.status,
                              source.meta.content_type, source.meta.fetcher), \
                source.title or document_type_title(doc_type)
        text = self._read_object(source.commit or "").decode("utf-8", "replace")
        message = text.partition("\n\n")[2]
        trailers = dict(re.findall(r"^([A-Za-z-]+): *(.*)$", message, re.M))
        status = trailers.get("HTTP-Status", "")
        meta = RecordMeta(source_url=trailers.get("Source-URL", ""),
                          status=int(status) if status.isdigit() else None,
                          content_type=trailers.get("Content-Type", ""),
                          fetcher=trailers.get("Fetcher", "unknown"))
        subject = message.split("\n", 1)[0]
        m = _TRACKER_SUBJECT.match(subject) or _REEXTRACT_SUBJECT.match(subject)
        prefix = f"{self.company_name} "
        title = m.group(m.lastindex or 1) if m else ""
        title = title[len(prefix):] if title.startswith(prefix) else ""
        return meta, title or document_type_title(doc_type)

    # ------------------------------------------------------ remembered captures
    def _seen_path(self, doc_type: str) -> Path:
        return self._git_dir / "policy-tracker" / "seen" / f"{doc_type}.json"

    def _load_seen(self, doc_type: str) -> list[_Seen]:
        path = self._seen_path(doc_type)
        try:
            rows = json.loads(path.read_text("utf-8"))
            return [_Seen(str(d), str(b)) for d, b in rows]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, TypeError) as exc:
            log.warning("%s: ignoring unreadable %s: %s", self.path, path, exc)
            return []

    def _save_seen(self, doc_type: str, seen: list[_Seen], *, previous: list[_Seen]) -> None:
        unique = sorted(set(seen), key=lambda g: (g.epoch, g.blob))
        if unique == sorted(set(previous), key=lambda g: (g.epoch, g.blob)):
            return
        path = self._seen_path(doc_type)
        try:  # a fresh exclusive temp file: never written through a link planted at *.tmp
            atomic_write_text(path, json.dumps([[g.date, g.blob] for g in unique]),
                              fsync=False)
        except OSError as exc:  # losing it only loses precision, never history
            log.warning("%s: cannot remember repeated captures: %s", self.path, exc)

    @staticmethod
    def _merge(commits: list[_Commit], events: list[_Seen | ImportItem]
               ) -> Iterator[_Commit | _Seen | ImportItem]:
        """Date-ordered merge; at equal dates existing commits come first (idempotence)."""
        ci = 0
        for ev in events:
            epoch = ev.epoch if isinstance(ev, _Seen) else int(_utc(ev.date).timestamp())
            while ci < len(commits) and commits[ci].epoch <= epoch:
                yield commits[ci]
                ci += 1
            yield ev
        yield from commits[ci:]

    def _replay(self, commit: _Commit, parent: str | None, flat: Flat
                ) -> tuple[str | None, Flat, bool]:
        """Re-create an existing commit on top of a rewritten parent; drop it (True) when its
        only change was a text that an earlier inserted version already has."""
        new = dict(flat)
        touched_docs: set[str] = set()
        for path, mode, sha in commit.changes:
            if path.endswith(".md") and "/" not in path:
                touched_docs.add(path[:-3])
            if sha is None:
                new.pop(path, None)
                continue
            doc = _raw_doc(path)
            if doc is not None:
                self._set_raw(new, doc, path.rsplit(".", 1)[1], sha)
            else:
                new[path] = (mode, sha)
        for doc in touched_docs:  # a capture whose text is no longer new is not a version
            md = f"{doc}.md"
            if md in new and new.get(md) == flat.get(md):
                for path in [md] + [_raw_path(doc, e) for e in RAW_EXTS]:
                    if path in flat:
                        new[path] = flat[path]
                    else:
                        new.pop(path, None)
        if commit.changes and new == flat:
            log.info("%s: dropping %s: its text is now recorded by an earlier version",
                     self.slug, commit.sha[:10])
            return parent, flat, True
        raw = self._read_object(commit.sha)
        headers, _, message = raw.partition(b"\n\n")
        kept = [ln for ln in self._plain_headers(headers)
                if not ln.startswith((b"tree ", b"parent "))]
        lines = [b"tree " + self._write_tree(new).encode()]
        lines += [b"parent " + parent.encode()] if parent else []
        text = message.decode("utf-8", "surrogateescape")
        doc_m = re.search(r"^Document-Type: *(\S+) *$", text, re.M)
        subject, nl, rest = text.partition("\n")
        m = _TRACKER_SUBJECT.match(subject)
        if m and doc_m and doc_m.group(1) in touched_docs:
            first = f"{doc_m.group(1)}.md" not in flat
            prefix = "First record of " if first else "Record new changes of "
            text = prefix + m.group(2) + nl + rest
        data = b"\n".join(lines + kept) + b"\n\n" + text.encode("utf-8", "surrogateescape")
        return self._write_object(b"commit", data), new, False

    @staticmethod
    def _plain_headers(headers: bytes) -> list[bytes]:
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

    def _history(self) -> list[_Commit]:
        """The first-parent chain, oldest first, with changed paths (one git process)."""
        out = self._git("log", "--first-parent", "--reverse", "--no-renames",
                        "--diff-merges=first-parent", "--root", "--raw", "--no-abbrev", "-z",
                        "--date=raw", "--format=%x1e%H%x1f%at%x1f%ad%x1f", self._branch)
        commits: list[_Commit] = []
        for rec in out.split("\x1e"):
            if not rec.strip("\0\n"):
                continue
            sha, epoch, date, tail = rec.split("\x1f", 3)
            commit = _Commit(sha, int(epoch), date)
            tokens = [t for t in tail.split("\0") if t.strip("\n")]
            for meta, path in zip(tokens[0::2], tokens[1::2]):
                parts = meta.strip("\n").lstrip(":").split(" ")
                new_mode, new_sha, status = parts[1], parts[3], parts[4]
                commit.changes.append(
                    (path, new_mode, None if status.startswith("D") else new_sha))
            commits.append(commit)
        return commits

    # ----------------------------------------------------------------- reading
    def versions(self, doc_type: str) -> list[Version]:
        """Commits that changed ``<doc_type>.md``, newest first (one ``git log``)."""
        _check_doc_type(doc_type)
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
                date=datetime.fromisoformat(date), subject=subject, trailers=trailers,
                technical=trailers.get("Change-Kind", "").lower() == "technical",
                text_hash=self._text_hash(blob)))
        return result

    def last_date(self) -> datetime | None:
        """Committer date of the branch's newest commit (None in an empty repository), read
        from the object database without spawning git."""
        head = self._head()
        if head is None:
            return None
        for line in self._read_object(head).split(b"\n\n", 1)[0].splitlines():
            if line.startswith(b"committer "):
                epoch, zone = line.rsplit(b" ", 2)[-2:]
                sign = -1 if zone.startswith(b"-") else 1
                offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])) * sign
                return datetime.fromtimestamp(int(epoch), timezone(offset))
        return None

    def _text_hash(self, blob: str) -> str:
        if blob not in self._hash_cache:
            self._hash_cache[blob] = hashlib.sha256(self._read_object(blob)).hexdigest()
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
        _check_doc_type(doc_type)
        blob = self._tree_entry(commit, f"{doc_type}.md")
        if blob is None:
            raise StorageError(f"{self.path}: {doc_type}.md does not exist at {commit}")
        return self._read_object(blob).decode("utf-8", "replace")

    def raw_at(self, commit: str, doc_type: str) -> tuple[bytes, str] | None:
        """The raw snapshot and its extension as of ``commit``, None when none was stored."""
        _check_doc_type(doc_type)
        for ext in RAW_EXTS:
            blob = self._tree_entry(commit, _raw_path(doc_type, ext))
            if blob is not None:
                return self._read_object(blob), ext
        return None

    def latest_text(self, doc_type: str) -> str | None:
        _check_doc_type(doc_type)
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
                      if p.endswith(".md") and "/" not in p and is_safe_name(p[:-3]))

    def head(self) -> str | None:
        """Sha of the branch tip, None for a repository without commits."""
        return self._head()

    def check(self) -> None:
        """Full integrity check (``git fsck``); StorageError with git's complaint."""
        self._git("fsck", "--no-progress", "--no-dangling")
