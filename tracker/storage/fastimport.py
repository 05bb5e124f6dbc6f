"""Stream new commits into a repository through one ``git fast-import`` process.

Why: a bulk import appends hundreds of versions to a company repository. Writing each blob,
tree and commit as a loose object costs a file create, a rename and often a directory per
object; ``git fast-import`` takes the whole chain on a pipe and writes one pack. The caller
(:meth:`tracker.storage.repo.CompanyRepo.insert_versions`) decides *what* to commit with exactly the
same code as the loose-object path and computes every commit sha itself; this module only
transports the commits, and :meth:`FastImport.finish` returns the sha git arrived at so the
caller can refuse to move the branch when the two differ.

fast-import never touches the branch: it writes a scratch ref (:data:`SCRATCH_REF`) that the
caller replaces by the real compare-and-swap of the branch. A run killed before that leaves the
branch as it was (at worst an unreferenced pack, which ``git gc`` prunes).
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Mapping
from pathlib import Path

from tracker.errors import StorageError

log = logging.getLogger(__name__)

SCRATCH_REF = "refs/policy-tracker/fast-import"

Flat = dict[str, tuple[str, str]]  # path -> (mode, blob sha), as in tracker.storage.repo


def _quote(path: str) -> str:
    """A path as fast-import reads it: C-style quoted when it could be misparsed."""
    if not any(c in path for c in ' "\\\n') and not path.startswith('"'):
        return path
    body = path.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{body}"'


class FastImport:
    """One ``git fast-import`` process fed a linear chain of commits on :data:`SCRATCH_REF`.

    ``commit`` sends the changes between the previous commit's tree and ``flat``; blobs whose
    content is in ``blobs`` (sha -> bytes) are sent once, every other sha must already exist
    in the repository (fast-import checks it).
    """

    def __init__(self, git_dir: str, env: Mapping[str, str], cwd: str, label: str) -> None:
        self.label = label
        self._git_dir = git_dir
        self._env = dict(env)
        self._cwd = cwd
        self._proc: subprocess.Popen[bytes] | None = None
        self._flat: Flat = {}
        self._sent: set[str] = set()
        self._first_parent: str | None = None
        self.commits = 0

    def _start(self, parent: str | None, parent_flat: Flat) -> None:
        try:
            self._proc = subprocess.Popen(
                # unpackLimit=0: keep the pack even when small; by default git would explode
                # batches under 100 objects into loose files (most of a bulk import's cost)
                # pack.compression=1: git's own choice for loose objects (speed over a few
                # percent of size; the deltas between versions do most of the saving)
                ["git", "-c", "fastimport.unpackLimit=0", "-c", "pack.compression=1",
                 "fast-import", "--quiet", "--done", "--force", "--date-format=raw"],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                env=self._env, cwd=self._cwd)
        except OSError as exc:
            raise StorageError(f"{self.label}: cannot start git fast-import: {exc}") from None
        # `reset` forgets any value the scratch ref kept from a killed run, so the first
        # commit's parent is exactly the one given here (none for a new history).
        self._write(f"reset {SCRATCH_REF}\n".encode())
        self._flat = dict(parent_flat)
        self._first_parent = parent

    def _write(self, data: bytes) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        try:
            self._proc.stdin.write(data)
        except (BrokenPipeError, OSError):
            err = self._drain_error()
            raise StorageError(f"{self.label}: git fast-import stopped: {err}") from None

    def _drain_error(self) -> str:
        proc = self._proc
        if proc is None:
            return ""
        try:
            if proc.stdin:
                proc.stdin.close()  # the final flush may fail again: the pipe is broken
        except OSError:
            pass
        try:
            err = proc.stderr.read() if proc.stderr else b""  # git has exited or is exiting
            proc.wait(timeout=30)
        except (subprocess.TimeoutExpired, ValueError, OSError):
            proc.kill()
            err = b""
        self._proc = None
        return " ".join((err or b"").decode("utf-8", "replace").split())[-500:]

    def commit(self, parent: str | None, parent_flat: Flat, flat: Flat, date: str,
               ident: str, message: str, blobs: Mapping[str, bytes]) -> None:
        """Append one commit. ``parent``/``parent_flat`` matter for the first commit only;
        later commits follow the previous one on the scratch ref."""
        if self._proc is None:
            self._start(parent, parent_flat)
        out: list[bytes] = []
        changes: list[bytes] = []
        for path in sorted(self._flat.keys() - flat.keys()):
            changes.append(b"D %s\n" % _quote(path).encode("utf-8"))
        for path, (mode, sha) in sorted(flat.items()):
            if self._flat.get(path) == (mode, sha):
                continue
            if sha in blobs and sha not in self._sent:
                data = blobs[sha]
                out.append(b"blob\ndata %d\n%s\n" % (len(data), data))
                self._sent.add(sha)
            changes.append(b"M %s %s %s\n" % (mode.encode(), sha.encode(),
                                             _quote(path).encode("utf-8")))
        msg = message.encode("utf-8")
        out.append(b"commit %s\nauthor %s %s\ncommitter %s %s\ndata %d\n%s\n" % (
            SCRATCH_REF.encode(), ident.encode("utf-8"), date.encode(), ident.encode("utf-8"),
            date.encode(), len(msg), msg))
        if self.commits == 0 and self._first_parent:
            out.append(b"from %s\n" % self._first_parent.encode())
        out.extend(changes)
        out.append(b"\n")
        self._write(b"".join(out))
        self._flat = dict(flat)
        self.commits += 1

    def finish(self) -> str | None:
        """End the stream; return the commit the scratch ref now names (None if no commit)."""
        if self._proc is None:
            return None
        self._write(b"done\n")
        proc = self._proc
        try:
            _, err = proc.communicate()  # flushes and closes stdin, waits for the pack
        except OSError as exc:
            proc.kill()
            raise StorageError(f"{self.label}: git fast-import failed: {exc}") from None
        finally:
            self._proc = None
        if proc.returncode != 0:
            detail = " ".join((err or b"").decode("utf-8", "replace").split())[-500:]
            raise StorageError(f"{self.label}: git fast-import failed: {detail}")
        # fast-import writes the ref as a loose file; read it without another process
        try:
            sha = (Path(self._git_dir) / SCRATCH_REF).read_text("ascii").strip()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StorageError(f"{self.label}: cannot read {SCRATCH_REF}: {exc}") from None
        return sha or None

    def abort(self) -> None:
        """Stop without a ref update: the process is killed before it sees ``done``."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.kill()
        try:
            proc.communicate(timeout=30)
        except (subprocess.TimeoutExpired, ValueError, OSError):
            pass
