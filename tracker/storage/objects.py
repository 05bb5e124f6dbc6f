"""Git objects built in-process, and the two writers that store them.

Blob, tree and commit objects are hashed here with git's own encoding. Where they go is the job
of an *object writer*, chosen by the caller and handed explicitly to the code that builds
commits (:mod:`tracker.storage.insert`), never a mode the repository switches into:

- :class:`LooseWriter` writes loose object files atomically (a read-only temporary file in the
  fan-out directory, then a rename, exactly as git does). Used for single captures and for
  any rewrite of existing history.
- :class:`StreamWriter` only hashes objects here and sends each new commit through one
  ``git fast-import`` process (:mod:`tracker.storage.fastimport`), which writes one pack. Used
  when a batch of versions goes after the current head (a new repository, a bulk import).

Both return the same shas for the same commits; before the branch moves, :meth:`finish`
checks that git built exactly the commit computed here.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol

from tracker.errors import StorageError
from tracker.storage.fastimport import SCRATCH_REF, FastImport

IDENTITY_NAME = "policy-tracker"
IDENTITY_EMAIL = "policy-tracker@localhost"
IDENT = f"{IDENTITY_NAME} <{IDENTITY_EMAIL}>"
ZERO = "0" * 40
_PACK_LIMIT = 40  # below gc.autoPackLimit (50): a streamed import skips `gc --auto` until then

Flat = dict[str, tuple[str, str]]  # path -> (mode, blob sha), the whole tree flattened
Store = Callable[[bytes, bytes], str]  # (kind, data) -> sha


def object_sha(kind: bytes, data: bytes) -> str:
    """The sha git gives an object of ``kind`` (blob, tree, commit) with content ``data``."""
    return hashlib.sha1(b"%s %d\0" % (kind, len(data)) + data).hexdigest()


def build_tree(flat: Flat, store: Store) -> str:
    """Store the nested tree objects of a flat path map through ``store``; the root's sha."""
    files: dict[str, tuple[str, str]] = {}
    dirs: dict[str, Flat] = {}
    for path, entry in flat.items():
        head, sep, rest = path.partition("/")
        if sep:
            dirs.setdefault(head, {})[rest] = entry
        else:
            files[head] = entry
    entries = [(name.encode(), mode, sha) for name, (mode, sha) in files.items()]
    entries += [(name.encode(), "40000", build_tree(sub, store)) for name, sub in dirs.items()]
    entries.sort(key=lambda e: e[0] + (b"/" if e[1] == "40000" else b""))
    data = b"".join(b"%s %s\0" % (mode.encode(), name) + bytes.fromhex(sha)
                    for name, mode, sha in entries)
    return store(b"tree", data)


def commit_data(tree: str, parent: str | None, date: str, message: str) -> bytes:
    """A commit by the tracker's identity, authored and committed at ``date`` (git raw)."""
    ident = f"{IDENT} {date}"
    lines = [f"tree {tree}"] + ([f"parent {parent}"] if parent else [])
    lines += [f"author {ident}", f"committer {ident}"]
    return ("\n".join(lines) + "\n\n" + message).encode()


class ObjectWriter(Protocol):
    """Where new objects go. ``commit`` makes a new tracker commit of ``flat`` on ``parent``;
    ``raw_commit`` stores a rewritten existing commit as given."""

    def blob(self, data: bytes) -> str: ...

    def tree(self, flat: Flat) -> str: ...

    def commit(self, flat: Flat, parent: str | None, date: str, message: str) -> str: ...

    def raw_commit(self, flat: Flat, data: bytes) -> str: ...

    def finish(self, head: str) -> list[str]:
        """Make everything up to ``head`` durable; the scratch refs to delete (each holding
        ``head``) once the branch has moved."""
        ...

    def content(self, sha: str) -> bytes | None:
        """The content of a blob this writer wrote, when it can tell without git."""
        ...

    def abort(self) -> None: ...

    def wants_maintenance(self) -> bool: ...


def read_loose(objects_dir: Path, sha: str) -> tuple[bytes, bytes] | None:
    """(kind, content) of a loose object, read without git; None when it is not a loose
    object or not a well-formed one (the caller then asks git, which says what is wrong)."""
    try:
        raw = zlib.decompress((objects_dir / sha[:2] / sha[2:]).read_bytes())
    except (OSError, zlib.error, ValueError):
        return None
    header, sep, data = raw.partition(b"\0")
    kind, _, size = header.partition(b" ")
    if not sep or not size.isdigit() or int(size) != len(data):
        return None
    return kind, data


_FLAT_MODES = frozenset({"100644", "100755", "120000", "160000"})


def read_flat_tree(objects_dir: Path, commit: str) -> Flat | None:
    """The whole tree of a commit flattened (what ``git ls-tree -r --full-tree`` lists), read
    from loose objects without git; None when an object is packed or anything is unusual."""
    found = read_loose(objects_dir, commit)
    if found is None or found[0] != b"commit" or not found[1].startswith(b"tree "):
        return None
    flat: Flat = {}
    return flat if _walk_tree(objects_dir, found[1][5:45].decode("ascii", "replace"), "",
                              flat) else None


def _walk_tree(objects_dir: Path, sha: str, prefix: str, flat: Flat) -> bool:
    found = read_loose(objects_dir, sha)
    if found is None or found[0] != b"tree":
        return False
    data, pos = found[1], 0
    while pos < len(data):
        space = data.find(b" ", pos)
        nul = data.find(b"\0", space + 1)
        if space < 0 or nul < 0 or nul + 21 > len(data):
            return False
        mode = data[pos:space].decode("ascii", "replace")
        try:
            name = data[space + 1:nul].decode("utf-8")
        except UnicodeDecodeError:
            return False
        entry = data[nul + 1:nul + 21].hex()
        pos = nul + 21
        if mode == "40000":
            if not _walk_tree(objects_dir, entry, f"{prefix}{name}/", flat):
                return False
        elif mode in _FLAT_MODES:
            flat[prefix + name] = (mode, entry)
        else:  # a mode git would print differently: let git list it
            return False
    return True


class LooseWriter:
    """Loose object files in ``objects_dir``, each written atomically."""

    _RECENT_BYTES = 16 << 20  # the blobs of the last commit or two, to check out unread

    def __init__(self, objects_dir: Path, label: str) -> None:
        self._objects = objects_dir
        self._label = label
        self._fanout: set[str] = set()
        self._recent: dict[str, bytes] = {}  # blobs this writer stored lately (insertion order)
        self._recent_size = 0

    def store(self, kind: bytes, data: bytes) -> str:
        """Store one object (a no-op when it exists); its sha."""
        header = b"%s %d\0" % (kind, len(data))
        sha = hashlib.sha1(header + data).hexdigest()
        path = self._objects / sha[:2] / sha[2:]
        if path.exists():
            return sha
        try:
            self._write_file(path, zlib.compress(header + data, 1))  # core.looseCompression
        except OSError as exc:
            raise StorageError(f"{self._label}: cannot write object: {exc}") from None
        return sha

    def _write_file(self, path: Path, data: bytes) -> None:
        # ``tmp_obj_*`` is git's own prefix: git ignores and prunes such leftovers
        tmp = path.parent / f"tmp_obj_{os.getpid()}_{secrets.token_hex(6)}"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
        if path.parent.name not in self._fanout:
            path.parent.mkdir(exist_ok=True)
            self._fanout.add(path.parent.name)
        try:
            fd = os.open(tmp, flags, 0o444)
        except FileNotFoundError:  # git gc/prune removed the emptied fan-out directory
            path.parent.mkdir(exist_ok=True)
            fd = os.open(tmp, flags, 0o444)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def forget_directories(self) -> None:
        """``git gc`` may have removed fan-out directories: check again before writing."""
        self._fanout.clear()

    def blob(self, data: bytes) -> str:
        sha = self.store(b"blob", data)
        self._keep(sha, data)
        return sha

    def _keep(self, sha: str, data: bytes) -> None:
        """Remember a blob just stored, so the working copy is written without reading and
        inflating it back; the oldest are forgotten past ``_RECENT_BYTES``."""
        if sha in self._recent or len(data) > self._RECENT_BYTES:
            return
        self._recent[sha] = data
        self._recent_size += len(data)
        while self._recent_size > self._RECENT_BYTES:
            oldest = next(iter(self._recent))
            self._recent_size -= len(self._recent.pop(oldest))

    def tree(self, flat: Flat) -> str:
        return build_tree(flat, self.store)

    def commit(self, flat: Flat, parent: str | None, date: str, message: str) -> str:
        return self.store(b"commit", commit_data(self.tree(flat), parent, date, message))

    def raw_commit(self, flat: Flat, data: bytes) -> str:
        return self.store(b"commit", data)

    def finish(self, head: str) -> list[str]:
        return []  # every object is already in place

    def content(self, sha: str) -> bytes | None:
        """A loose blob's content, read without git (None when not a loose object)."""
        kept = self._recent.get(sha)
        if kept is not None:
            return kept
        found = read_loose(self._objects, sha)
        return found[1] if found is not None and found[0] == b"blob" else None

    def abort(self) -> None:
        """Nothing to undo: unreferenced loose objects are pruned by ``git gc``."""

    def wants_maintenance(self) -> bool:
        """Loose objects accumulate: git's own ``gc --auto`` estimate, made in-process."""
        from tracker.storage.worktree import needs_gc

        return needs_gc(self._objects.parent)


class StreamWriter:
    """New commits streamed through one ``git fast-import``; objects only hashed here.

    ``base`` and ``base_flat`` are the commit the first new commit goes on and its tree. Only
    appending is possible: a rewritten commit (``raw_commit``) cannot be streamed.
    """

    def __init__(self, git_dir: Path, env: Mapping[str, str], cwd: Path, label: str,
                 base: str | None, base_flat: Flat) -> None:
        self._label = label
        self._git_dir = git_dir
        self._stream = FastImport(str(git_dir), env, str(cwd), label)
        self._base = base
        self._base_flat = dict(base_flat)
        self._pending: dict[str, bytes] = {}  # blob contents not sent yet
        self._current: dict[str, bytes] = {}  # contents of the last commit's blobs

    def _hash_only(self, kind: bytes, data: bytes) -> str:
        return object_sha(kind, data)

    def blob(self, data: bytes) -> str:
        sha = object_sha(b"blob", data)
        self._pending[sha] = data
        return sha

    def tree(self, flat: Flat) -> str:
        return build_tree(flat, self._hash_only)

    def commit(self, flat: Flat, parent: str | None, date: str, message: str) -> str:
        sha = object_sha(b"commit", commit_data(self.tree(flat), parent, date, message))
        parent_flat = self._base_flat if self._stream.commits == 0 else {}
        known = {**self._current, **self._pending}
        self._stream.commit(parent, parent_flat, flat, date, IDENT, message, self._pending)
        self._pending.clear()
        self._current = {s: known[s] for _, s in flat.values() if s in known}
        return sha

    def raw_commit(self, flat: Flat, data: bytes) -> str:
        raise StorageError(f"{self._label}: a rewritten commit cannot be streamed")

    def finish(self, head: str) -> list[str]:
        got = self._stream.finish()
        if got != head:
            raise StorageError(f"{self._label}: git fast-import built {got} instead of {head}; "
                               "branch left unchanged")
        return [SCRATCH_REF]

    def content(self, sha: str) -> bytes | None:
        return self._current.get(sha)

    def abort(self) -> None:
        self._stream.abort()

    def wants_maintenance(self) -> bool:
        """A stream adds one pack and no loose object: repack only when packs pile up."""
        try:
            packs = sum(1 for _ in (self._git_dir / "objects" / "pack").glob("*.pack"))
        except OSError:
            packs = _PACK_LIMIT
        return packs >= _PACK_LIMIT
