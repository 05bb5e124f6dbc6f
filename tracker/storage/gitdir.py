"""Creating a company's ``.git`` and repairing what a killed run left in it.

A new repository is made atomically (built in a hidden sibling directory and renamed into
place) from a skeleton that ``git init`` produced once per process, so creating hundreds of
repositories costs no git process each. Opening an existing one removes stale lock files and
half-written packs of a killed run (the caller holds the workspace lock, so nobody else can
be writing) and reads the branch without spawning git.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import subprocess
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.errors import StorageError
from tracker.storage.objects import IDENTITY_EMAIL, IDENTITY_NAME

if TYPE_CHECKING:
    import git

log = logging.getLogger("tracker.storage.repo")  # the repository's log, as operators know it

STALE_LOCKS = ("index.lock", "HEAD.lock", "config.lock", "packed-refs.lock", "ORIG_HEAD.lock")
_SHA = re.compile(r"[0-9a-f]{40}")
_STAGING = re.compile(r"\.(.+)\.init-[0-9a-f]{8}")

Skeleton = list[tuple[str, int, bytes | None]]  # (relative path, mode, content or None: dir)
_SKELETON: Skeleton | None = None


def git_dir_skeleton(scratch: Path) -> Skeleton:
    """The files of a freshly initialised `.git`, made once per process by `git init` in
    ``scratch`` and then reused."""
    global _SKELETON
    if _SKELETON is not None:
        return _SKELETON
    work = scratch / "skeleton"
    work.mkdir()
    try:
        env = {k: v for k, v in os.environ.items()
               if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}
        # no template: a machine-managed repository needs no sample hooks, and a bulk import
        # creates hundreds of repositories (14 fewer files each)
        commands = [["init", "-q", "-b", "main", "--template=", str(work)]]
        commands += [["config", "--file", str(work / ".git" / "config"), key, value]
                     for key, value in (("user.name", IDENTITY_NAME),
                                        ("user.email", IDENTITY_EMAIL),
                                        ("core.autocrlf", "false"),
                                        ("core.logAllRefUpdates", "true"))]
        for args in commands:
            done = subprocess.run(["git", *args], cwd=work, env=env, capture_output=True)
            if done.returncode != 0:
                raise OSError(f"git {args[0]} failed: "
                              f"{done.stderr.decode('utf-8', 'replace').strip()}")
        _SKELETON = _read_tree_of_files(work / ".git")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _SKELETON


def _read_tree_of_files(root: Path) -> Skeleton:
    entries: Skeleton = [("", 0o755, None)]
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
    return entries


# The staging folders killed inits left, per folder and company, listed once per folder by
# this process (not one listing of the workspace per new repository). Only a company's own
# leftovers are removed, when it is created: one writer per repository (a lane, an import
# worker), so none of them can belong to an init under way in another thread or process.
_LEFTOVERS: dict[Path, dict[str, list[str]]] = {}
_SWEEP_LOCK = threading.Lock()


def _killed_inits(parent: Path, name: str) -> list[str]:
    """The staging folders (``.<name>.init-*``) a killed init of ``name`` left in
    ``parent``."""
    with _SWEEP_LOCK:
        found = _LEFTOVERS.get(parent)
        if found is None:
            found = {}
            try:
                for entry in os.scandir(parent):
                    m = _STAGING.fullmatch(entry.name)
                    if m:
                        found.setdefault(m.group(1), []).append(entry.name)
            except OSError:
                pass
            _LEFTOVERS[parent] = found
        return found.pop(name, [])


def create_repository(path: Path) -> None:
    """Create the repository atomically: a run killed during the init leaves no half-made
    `.git` that the next run would have to refuse as corrupted."""
    staging = path.parent / f".{path.name}.init-{secrets.token_hex(4)}"
    try:
        path.mkdir(parents=True, exist_ok=True)
        for leftover in _killed_inits(path.parent, path.name):
            shutil.rmtree(path.parent / leftover, ignore_errors=True)
        staging.mkdir()
        target = staging / ".git"
        for rel, mode, data in git_dir_skeleton(staging):
            dest = target / rel if rel else target
            if data is None:
                dest.mkdir(mode=mode, exist_ok=bool(not rel))
            else:
                fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
        os.rename(target, path / ".git")
    except OSError as exc:
        raise StorageError(f"{path}: cannot create repository ({exc})") from None
    finally:
        try:
            staging.rmdir()  # empty once `.git` moved out
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
    log.info("created repository %s", path)


def check_git_dir(path: Path, *, create: bool) -> Path:
    """The ``.git`` directory of the repository at ``path`` (made first with ``create``),
    checked in-process the way git recognises one: a directory of its own (not a link to
    another repository's) with ``HEAD``, ``objects`` and ``refs``; StorageError otherwise."""
    git_dir = path / ".git"
    if create and not git_dir.exists():
        create_repository(path)
    if not path.is_dir():
        raise StorageError(f"{path}: repository directory does not exist")
    if not git_dir.is_dir() or not (git_dir / "HEAD").is_file():
        raise StorageError(f"{path}: not a git repository (missing or corrupted .git)")
    if not (git_dir / "objects").is_dir() or not (git_dir / "refs").is_dir():
        raise StorageError(f"{path}: not a usable git repository (no objects or refs in "
                           f"{git_dir})")
    try:
        head = (git_dir / "HEAD").read_text("utf-8", "replace").strip()
    except OSError as exc:
        raise StorageError(f"{path}: not a usable git repository ({exc})") from None
    if not (head.startswith("ref: refs/") or _SHA.fullmatch(head)):
        raise StorageError(f"{path}: not a usable git repository (.git/HEAD is neither a "
                           f"ref nor a commit: {head[:60]!r})")
    return git_dir


def open_git(path: Path) -> git.Repo:
    """The GitPython handle of a repository checked by `check_git_dir`, confined to it:
    never a parent repository, another index or object store. Imported and made only when
    a git process or a packed object is needed (GitPython alone costs ~0.3 s to import)."""
    import git
    from git.exc import InvalidGitRepositoryError, NoSuchPathError

    git_dir = path / ".git"
    try:
        repo = git.Repo(path)
    except (InvalidGitRepositoryError, NoSuchPathError, OSError, ValueError) as exc:
        raise StorageError(f"{path}: not a usable git repository ({exc})") from None
    if Path(repo.git_dir).resolve() != git_dir.resolve():
        repo.close()
        raise StorageError(f"{path}: not a git repository of its own")
    repo.git.update_environment(
        GIT_DIR=str(git_dir), GIT_WORK_TREE=str(path), GIT_INDEX_FILE=None,
        GIT_OBJECT_DIRECTORY=None, GIT_ALTERNATE_OBJECT_DIRECTORIES=None,
        GIT_CEILING_DIRECTORIES=str(path.resolve().parent))
    return repo


_FORMAT_HINTS = ("objectformat", "include")  # absent: the object format is git's default


def check_format(path: Path, git_dir: Path, repo: Callable[[], git.Repo]) -> None:
    """Only sha1 repositories: every sha here is computed the sha1 way. A config that
    neither names an object format nor includes another file is sha1 (read in-process);
    any other is read by GitPython's config parser (``repo()``)."""
    try:
        text = (git_dir / "config").read_text("utf-8", "replace").lower()
    except FileNotFoundError:
        text = ""
    except OSError as exc:
        raise StorageError(f"{path}: cannot read .git/config ({exc})") from None
    if not any(hint in text for hint in _FORMAT_HINTS):
        return
    try:
        fmt = repo().config_reader("repository").get_value("extensions", "objectformat",
                                                           "sha1")
    except StorageError:
        raise
    except Exception:  # noqa: BLE001 - configparser raises many kinds
        fmt = "sha1"
    if str(fmt).lower() != "sha1":
        raise StorageError(f"{path}: object format {fmt} is not supported")


def read_branch(path: Path, git_dir: Path) -> str:
    """The ref HEAD points at (``refs/heads/main``); StorageError when detached/unreadable."""
    try:
        head = (git_dir / "HEAD").read_text("utf-8").strip()
    except OSError as exc:
        raise StorageError(f"{path}: cannot read .git/HEAD ({exc})") from None
    if not head.startswith("ref: refs/heads/"):
        raise StorageError(f"{path}: HEAD is not on a branch ({head[:60]!r})")
    return head[5:]


def read_ref(path: Path, git_dir: Path, ref: str) -> str | None:
    """The commit a ref names, read without spawning git (loose or packed); None when the
    branch has no commit yet. A loose ref file that exists but is empty (what an unclean
    shutdown can leave) is a repository error, not an empty history."""
    loose = git_dir / ref
    try:
        sha = loose.read_text("ascii").strip()
        exists = True
    except FileNotFoundError:
        sha, exists = "", False
    except (OSError, UnicodeDecodeError) as exc:
        raise StorageError(f"{path}: cannot read {ref}: {exc}") from None
    if not sha and exists:  # git itself no longer reads the branch (nor its packed copy)
        raise StorageError(f"{path}: corrupted repository: branch ref {ref} is empty "
                           "(interrupted write?); restore it from the reflog or a backup")
    if not sha:
        sha = _packed_ref(git_dir, ref)
    if not sha:
        return None
    if not _SHA.fullmatch(sha):
        raise StorageError(f"{path}: corrupted ref {ref}: {sha[:60]!r}")
    return sha


def _packed_ref(git_dir: Path, ref: str) -> str:
    packed = git_dir / "packed-refs"
    if not packed.exists():
        return ""
    for line in packed.read_text("utf-8", "replace").splitlines():
        parts = line.split(" ", 1)
        if len(parts) == 2 and parts[1] == ref:
            return parts[0]
    return ""


def remove_stale_locks(path: Path, git_dir: Path) -> bool:
    """Remove lock files and half-written packs of a killed run; True when a lock was found
    (the working tree may then be behind HEAD)."""
    found = [git_dir / n for n in STALE_LOCKS if (git_dir / n).exists()]
    for folder, _dirs, files in os.walk(git_dir / "refs"):
        found += [Path(folder) / name for name in files if name.endswith(".lock")]
    remove_partial_packs(path, git_dir)
    for lock in found:
        log.warning("%s: removing stale lock %s left by an interrupted run", path, lock)
        try:
            lock.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise StorageError(f"{path}: cannot remove stale lock {lock}: {exc}") from None
    return bool(found)


def remove_partial_packs(path: Path, git_dir: Path) -> None:
    """The half-written pack of a killed `git fast-import`: garbage to git, maybe large."""
    pack_dir = git_dir / "objects" / "pack"
    try:
        partial = [p for p in pack_dir.iterdir() if p.name.startswith(("tmp_pack_",
                                                                       "tmp_idx_"))]
    except OSError:
        return
    for leftover in partial:
        log.warning("%s: removing %s left by an interrupted import", path, leftover.name)
        try:
            leftover.unlink()
        except OSError as exc:  # only disk space is at stake
            log.warning("%s: cannot remove %s: %s", path, leftover, exc)


def git_env(path: Path, git_dir: Path, base: Mapping[str, str] | None = None
            ) -> dict[str, str]:
    """The environment for git processes on this repository: never a parent repository,
    never another index or object store."""
    env = dict(os.environ if base is None else base)
    for name in ("GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                 "GIT_ALTERNATE_OBJECT_DIRECTORIES"):
        env.pop(name, None)
    env.update(GIT_DIR=str(git_dir), GIT_WORK_TREE=str(path),
               GIT_CEILING_DIRECTORIES=str(path.resolve().parent))
    return env
