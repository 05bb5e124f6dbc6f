"""Moving a branch and refreshing the working copy without starting git processes.

A first version of a new company, or a bulk import of a few versions per company, used to cost
three git processes per repository after the objects were written (``update-ref``,
``read-tree -u``, ``gc --auto``), more than the writing itself. The same three steps are done
here in-process, the way git does them, for the simple trees the tracker writes (regular files
only; anything else falls back to git):

- :func:`update_ref`: the compare-and-swap of a loose ref under git's own lock protocol
  (``<ref>.lock`` created exclusively, the old value checked, reflog lines appended, the lock
  renamed over the ref);
- :func:`checkout`: files whose content differs from the new tree are rewritten atomically,
  files gone from it removed, and the index (format 2) written with the files' stat data;
- :func:`needs_gc`: git's own ``gc --auto`` estimate (objects in one fan-out directory, number
  of packs), so ``git gc`` starts only when it would do something.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import secrets
import stat
import struct
import time
from collections.abc import Callable
from pathlib import Path

from tracker.errors import StorageError
from tracker.storage.objects import IDENTITY_EMAIL, IDENTITY_NAME, ZERO, Flat

logger = logging.getLogger("tracker.storage.repo")

_GC_AUTO = 6700          # git's gc.auto
_GC_AUTO_PACK_LIMIT = 50  # git's gc.autoPackLimit
_REGULAR = {"100644": 0o100644, "100755": 0o100755}


class Fallback(Exception):
    """The in-process path does not cover this case: let git do it."""


def _reflog_ident() -> str:
    name = os.environ.get("GIT_COMMITTER_NAME") or IDENTITY_NAME
    email = os.environ.get("GIT_COMMITTER_EMAIL") or IDENTITY_EMAIL
    return f"{name} <{email}> {int(time.time())} {time.strftime('%z') or '+0000'}"


def update_ref(git_dir: Path, ref: str, new: str, old: str | None, message: str,
               current: Callable[[], str | None]) -> None:
    """Move loose ref ``ref`` from ``old`` to ``new`` (``current()`` reads it), with reflog
    entries for the ref and for HEAD; StorageError when it moved meanwhile or is locked."""
    target = git_dir / ref
    lock = target.with_name(target.name + ".lock")
    try:
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except FileExistsError:
        raise StorageError(f"{git_dir.parent}: {ref} is locked ({lock.name} exists)") from None
    except OSError as exc:
        raise StorageError(f"{git_dir.parent}: cannot lock {ref}: {exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(new + "\n")
        if current() != old:
            raise StorageError(f"{git_dir.parent}: {ref} moved during the write; not updated")
        line = f"{old or ZERO} {new} {_reflog_ident()}\t{message}\n"
        for log in (git_dir / "logs" / ref, git_dir / "logs" / "HEAD"):
            log.parent.mkdir(parents=True, exist_ok=True)
            try:
                fd_log = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW,
                                 0o644)
            except OSError as exc:  # a planted link: the reflog is a convenience, skip it
                if exc.errno != errno.ELOOP:
                    raise
                logger.warning("%s: not writing the reflog through the link %s",
                               git_dir.parent, log)
                continue
            with os.fdopen(fd_log, "a", encoding="utf-8") as fh:
                fh.write(line)
        os.replace(lock, target)
    except BaseException as exc:
        lock.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise StorageError(f"{git_dir.parent}: cannot update {ref}: {exc}") from None
        raise


def delete_loose_ref(git_dir: Path, ref: str, expected: str) -> None:
    """Delete a loose ref holding ``expected``; Fallback when it is packed or differs."""
    target = git_dir / ref
    try:
        value = target.read_text("ascii").strip()
    except (OSError, UnicodeDecodeError):
        raise Fallback from None
    packed = git_dir / "packed-refs"
    if value != expected or (packed.exists() and f" {ref}\n" in packed.read_text("utf-8",
                                                                                 "replace")):
        raise Fallback
    target.unlink()


def blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _same_content(file: Path, sha: str) -> bool:
    try:
        if file.is_symlink() or not file.is_file():
            return False
        return blob_sha(file.read_bytes()) == sha
    except OSError:
        return False


def _write_file(file: Path, data: bytes, mode: int, scratch: Path) -> None:
    """Write through a fresh temporary file in ``scratch`` (inside `.git`, so a killed run
    leaves no stray file in the working copy) renamed over the target."""
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = scratch / f"tmp_checkout_{os.getpid()}_{secrets.token_hex(6)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode & 0o777)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, file)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _through_link(work: Path, path: str) -> bool:
    """True when a folder on the way to ``path`` in the working copy is a symbolic link."""
    folder = work
    for part in path.split("/")[:-1]:
        folder = folder / part
        if folder.is_symlink():
            return True
    return False


def checkout(work: Path, git_dir: Path, flat: Flat, before: Flat,
             read_blob: Callable[[str], bytes]) -> None:
    """Make the files and the index match ``flat`` (the index matched ``before``)."""
    if any(mode not in _REGULAR for mode, _ in flat.values()) or any(
            p.rsplit("/", 1)[-1] == ".gitattributes" for p in flat):
        raise Fallback  # links, submodules, filters an operator configured: git knows best
    if any(_through_link(work, p) for p in flat.keys() | before.keys()):
        raise Fallback  # a folder replaced by a link: git removes it, never writes through
    for path in sorted(before.keys() - flat.keys()):
        gone = work / path
        gone.unlink(missing_ok=True)
        parent = gone.parent
        while parent != work and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    for path, (mode, sha) in flat.items():
        file = work / path
        if not _same_content(file, sha):
            _write_file(file, read_blob(sha), _REGULAR[mode], git_dir)
    write_index(work, git_dir, flat)


def read_index(git_dir: Path) -> Flat | None:
    """Path -> (mode, sha) of a version 2 index with no conflicts or extended flags (what
    :func:`write_index` and a plain git write); None for anything else."""
    try:
        data = (git_dir / "index").read_bytes()
    except OSError:
        return None
    if len(data) < 12 or data[:4] != b"DIRC" or struct.unpack(">I", data[4:8])[0] != 2:
        return None
    entries: Flat = {}
    pos = 12
    for _ in range(struct.unpack(">I", data[8:12])[0]):
        if pos + 62 > len(data):
            return None
        mode = struct.unpack(">I", data[pos + 24:pos + 28])[0]
        flags = struct.unpack(">H", data[pos + 60:pos + 62])[0]
        end = data.find(b"\0", pos + 62)
        if flags & 0xF000 or end < 0:  # extended flags or a merge stage
            return None
        try:
            name = data[pos + 62:end].decode("utf-8")
        except UnicodeDecodeError:
            return None
        entries[name] = (f"{mode:o}", data[pos + 40:pos + 60].hex())
        pos += (62 + len(name.encode("utf-8")) + 8) // 8 * 8
    return entries


def matches_head(work: Path, git_dir: Path, flat: Flat) -> bool:
    """True when the index and the files certainly match ``flat`` (the HEAD tree), i.e.
    ``git diff-index --quiet HEAD`` would find nothing; False when unsure (ask git)."""
    if read_index(git_dir) != flat or any(
            mode not in _REGULAR or p.rsplit("/", 1)[-1] == ".gitattributes"
            or _through_link(work, p) for p, (mode, _) in flat.items()):
        return False
    for path, (mode, sha) in flat.items():
        file = work / path
        try:
            st = os.lstat(file)
        except OSError:
            return False
        if not stat.S_ISREG(st.st_mode) or bool(st.st_mode & 0o100) != (mode == "100755") \
                or not _same_content(file, sha):
            return False
    return True


def write_index(work: Path, git_dir: Path, flat: Flat) -> None:
    """The index (version 2) for ``flat``, with the stat data of the files on disk."""
    entries = []
    for path in sorted(flat, key=lambda p: p.encode("utf-8")):
        mode, sha = flat[path]
        st = os.lstat(work / path)
        name = path.encode("utf-8")
        head = struct.pack(">10I", int(st.st_ctime) & 0xFFFFFFFF, st.st_ctime_ns % 10**9,
                           int(st.st_mtime) & 0xFFFFFFFF, st.st_mtime_ns % 10**9,
                           st.st_dev & 0xFFFFFFFF, st.st_ino & 0xFFFFFFFF, _REGULAR[mode],
                           st.st_uid & 0xFFFFFFFF, st.st_gid & 0xFFFFFFFF,
                           st.st_size & 0xFFFFFFFF)
        entry = head + bytes.fromhex(sha) + struct.pack(">H", min(len(name), 0xFFF)) + name
        entries.append(entry + b"\0" * (8 - len(entry) % 8))
    body = b"DIRC" + struct.pack(">II", 2, len(entries)) + b"".join(entries)
    data = body + hashlib.sha1(body).digest()
    lock = git_dir / "index.lock"
    try:
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except FileExistsError:
        raise StorageError(f"{work}: the index is locked (index.lock exists)") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(lock, git_dir / "index")
    except BaseException:
        lock.unlink(missing_ok=True)
        raise


def needs_gc(git_dir: Path) -> bool:
    """git's own ``gc --auto`` estimate: more than gc.auto loose objects (counted in one
    fan-out directory), or at least gc.autoPackLimit packs."""
    objects = git_dir / "objects"
    try:
        loose = sum(1 for p in (objects / "17").iterdir() if len(p.name) == 38)
    except FileNotFoundError:
        loose = 0
    except OSError:
        return True
    if loose > (_GC_AUTO + 255) // 256:
        return True
    try:
        with os.scandir(objects / "pack") as entries:
            packs = sum(1 for entry in entries if entry.name.endswith(".pack"))
    except FileNotFoundError:
        packs = 0
    except OSError:
        return True
    return packs >= _GC_AUTO_PACK_LIMIT
