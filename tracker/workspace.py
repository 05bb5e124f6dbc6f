"""A workspace: a directory holding tracker.toml, the per-company repositories and state."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tracker.config import CONFIG_FILENAME, load_config, starter_config
from tracker.names import is_safe_slug
from tracker.errors import LockHeldError, UsageError, WorkspaceError
from tracker.fsutil import atomic_write_text
from tracker.models import Config

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_FILENAME

    @property
    def snapshots_dir(self) -> Path:
        return self.root / "snapshots"

    @property
    def state_dir(self) -> Path:
        return self.root / ".tracker"

    @property
    def state_path(self) -> Path:
        return self.state_dir / "state.json"

    @property
    def cache_dir(self) -> Path:
        return self.state_dir / "cache"

    @property
    def reports_cache_dir(self) -> Path:
        return self.cache_dir / "reports"

    @property
    def public_dir(self) -> Path:
        return self.root / "public"

    @property
    def lock_path(self) -> Path:
        return self.state_dir / "lock"

    def repo_path(self, slug: str) -> Path:
        """Path of a company's repository; refuses any name that could escape the workspace."""
        if not is_safe_slug(slug):
            raise UsageError(f"unsafe company name {slug!r}")
        return self.snapshots_dir / slug

    def company_slugs_on_disk(self) -> list[str]:
        """Repositories present in snapshots/ (tracked or imported), sorted."""
        if not self.snapshots_dir.is_dir():
            return []
        return sorted(p.name for p in self.snapshots_dir.iterdir()
                      if p.is_dir() and is_safe_slug(p.name) and (p / ".git").exists())

    def load_config(self) -> Config:
        return load_config(self.config_path)

    @classmethod
    def open(cls, root: Path) -> Workspace:
        """Open an existing workspace, with a clear error when it is not one."""
        root = Path(root)
        if not root.exists():
            raise WorkspaceError(f"workspace directory {root} does not exist "
                                 "(create it with `tracker init`)")
        if not root.is_dir():
            raise WorkspaceError(f"workspace {root} is not a directory")
        workspace = cls(root.resolve())
        if not workspace.config_path.is_file():
            raise WorkspaceError(f"{root} is not a tracker workspace: no {CONFIG_FILENAME} "
                                 "(run `tracker init` there, or pass -w DIR)")
        return workspace

    @classmethod
    def init(cls, root: Path, base_url: str = "") -> Workspace:
        """Create a workspace with a commented starter config (with the site's public URL
        when given); never overwrites one."""
        text = starter_config(base_url)   # a bad URL is refused before anything is created
        root = Path(root)
        root.mkdir(parents=True, exist_ok=True)
        workspace = cls(root.resolve())
        if workspace.config_path.exists():
            raise UsageError(f"{workspace.config_path} already exists")
        atomic_write_text(workspace.config_path, text)
        workspace.snapshots_dir.mkdir(exist_ok=True)
        return workspace

    def _open_lock_file(self) -> int:
        """The lock file's descriptor, never through a planted link (a symlink at
        ``.tracker/lock`` would otherwise have its target truncated) and only a regular file;
        any failure is one WorkspaceError naming the path."""
        try:
            self.state_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.lock_path,
                         os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK,
                         0o644)
        except OSError as exc:
            reason = ("is a symbolic link (refusing to follow it)" if exc.errno == errno.ELOOP
                      else f"cannot be opened: {exc.strerror}")
            raise WorkspaceError(f"lock file {self.lock_path} {reason}") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise WorkspaceError(f"lock file {self.lock_path} is not a regular file")
        return fd

    @contextlib.contextmanager
    def lock(self, *, wait: bool = False, timeout: float | None = None) -> Iterator[None]:
        """Hold the workspace lock for a run so cron never runs two trackers at once.

        Uses flock: the kernel releases it when the process dies, even on SIGKILL, so a
        killed run never leaves a stale lock behind.
        """
        fd = self._open_lock_file()
        try:
            deadline = None if timeout is None else time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as exc:
                    if exc.errno not in (errno.EAGAIN, errno.EACCES):
                        raise
                    if not wait or (deadline is not None and time.monotonic() >= deadline):
                        holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
                        who = f" (pid {holder})" if holder.isdigit() else ""
                        raise LockHeldError(
                            f"another tracker run holds the lock on {self.root}{who}; "
                            "exiting (use --wait to wait for it)") from None
                    time.sleep(0.2)
            try:  # the holder's pid, for the message of a second run: informative only
                os.ftruncate(fd, 0)
                os.pwrite(fd, str(os.getpid()).encode(), 0)
            except OSError as exc:  # a full or read-only disk must not stop the run here
                log.warning("cannot write the pid into %s: %s", self.lock_path, exc.strerror)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the flock
