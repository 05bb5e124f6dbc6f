"""Write phase: incremental and atomic replacement of the output directory.

Why a staging directory and two renames (not a symlink switch): the output stays a plain
directory, which every web server, rsync job and `file://` visitor handles, and the operator's
`--out` path never changes meaning. The new site is assembled beside the old one in
`.<name>.staging`: unchanged files are hard-linked from the current output (same inode, so
same bytes and mtime), changed files are written fresh. Then `out -> .<name>.old` and
`staging -> out` are swapped by rename. A build killed at any point leaves either the old
site or the new one; the next build finishes or undoes a swap that was interrupted between
the two renames. When nothing changed, nothing is staged or swapped at all.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import WorkspaceError
from tracker.publish.render import Output
from tracker.runstats import RunStats

log = logging.getLogger(__name__)

MANIFEST = ".tracker-build.json"
MANIFEST_FORMAT = 1
STAGING_MARK = ".tracker-staging"   # marks a staging directory as made by a build
# Folders of the output made by other tools inside a build (the search index): neither outputs
# nor foreign files; the ``before_swap`` hook puts them into each new site.
EXTERNAL_DIRS: tuple[str, ...] = ("pagefind",)
BeforeSwap = Callable[[Path, Path, list[str]], object]


@dataclass
class WriteStats:
    written: list[str]
    unchanged: int
    removed: list[str]
    rendered: int
    swapped: bool


def staging_dir(out: Path) -> Path:
    return out.with_name(f".{out.name}.staging")


def old_dir(out: Path) -> Path:
    return out.with_name(f".{out.name}.old")


def _is_dir(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _built_by_us(path: Path) -> bool:
    """A directory a build made: it holds a manifest (a site) or the staging mark."""
    return _is_dir(path) and ((path / MANIFEST).is_file() or (path / STAGING_MARK).is_file())


def _foreign(path: Path) -> WorkspaceError:
    return WorkspaceError(f"{path} is in the way and was not made by policy-tracker: move it "
                          "away (the build stages the new site under that name)")


def recover(out: Path) -> None:
    """Finish or undo a swap that a killed build left behind; never touches a file or
    directory that a build did not make (those are refused, naming them)."""
    staging, old = staging_dir(out), old_dir(out)
    swapping = not out.exists() and _is_dir(old) and (
        (old / MANIFEST).is_file() or not any(old.iterdir()))
    if swapping:   # killed between the two renames: the staged site is complete and ours
        log.warning("restoring %s from %s left by an interrupted build", out, old)
        old.rename(out)
    if staging.exists() or staging.is_symlink():
        # (empty: a build killed between making it and marking it; removing it loses nothing)
        if not (swapping and _is_dir(staging)) and not _built_by_us(staging) and \
                not (_is_dir(staging) and not any(staging.iterdir())):
            raise _foreign(staging)
        log.warning("removing %s left by an interrupted build", staging)
        shutil.rmtree(staging)
    if old.exists() or old.is_symlink():
        if not (_is_dir(old) and ((old / MANIFEST).is_file() or not any(old.iterdir()))):
            raise _foreign(old)
        shutil.rmtree(old)


def check_target(out: Path) -> None:
    """Refuse an output that can never be a site of ours, before anything is touched."""
    if out.parent == out:
        raise WorkspaceError(f"refusing to build the site into {out}: the root of the file "
                             "system; choose a directory of its own with --out")
    if (out.exists() or out.is_symlink()) and not out.is_dir():
        raise WorkspaceError(f"{out} exists and is not a directory; choose another --out or "
                             "move it away")


def read_manifest(out: Path) -> dict[str, str] | None:
    """Previous build's {path: key}; None when `out` was not built by us."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        if data.get("format") == MANIFEST_FORMAT and isinstance(data.get("files"), dict):
            return data["files"]
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable build manifest in %s: %s", out, exc)
    return {}


def _existing_files(out: Path) -> set[str]:
    if not out.is_dir():
        return set()
    return {path for p in out.rglob("*") if p.is_file() or p.is_symlink()
            for path in [p.relative_to(out).as_posix()]
            if path != MANIFEST and path.split("/", 1)[0] not in EXTERNAL_DIRS}


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another filesystem or no hard links: keep mtime by copy2
        shutil.copy2(src, dst)


def write_site(out: Path, outputs: Iterable[Output], *, stats: RunStats | None = None,
               progress: Callable[[str, int, int], None] | None = None,
               before_swap: BeforeSwap | None = None) -> WriteStats:
    """Make `out` hold exactly `outputs`, touching only files whose bytes changed.

    Streams: each changed output is rendered and written to the staging directory at once
    and its bytes let go, so memory does not grow with the size of the site. `stats` (a
    RunStats) gets the "render" and "write" phases; `progress(label, done, total)` follows
    the outputs when their number is known (a sequence). Files in `out` that no build made
    are kept; any file-system failure (a full disk, a parent that is a file) is one
    WorkspaceError, with the half-written staging directory removed. ``before_swap(staging,
    out, written)`` runs on the complete new site just before it replaces the old one (the
    search index is built there, so the published site always has the index of its pages)."""
    given = Path(os.path.abspath(out))   # named in messages as the operator wrote it
    check_target(given)
    out = given.resolve()
    check_target(out)
    staging = staging_dir(out)
    try:
        return _write(out, staging, outputs, stats or RunStats.null(), progress, before_swap)
    except OSError as exc:
        if _built_by_us(staging):
            shutil.rmtree(staging, ignore_errors=True)   # free the space it took
        where = exc.filename or out
        raise WorkspaceError(f"cannot write the site to {given}: {where}: "
                             f"{exc.strerror or exc}") from None


def _write(out: Path, staging: Path, outputs: Iterable[Output], stats: RunStats,
           progress: Callable[[str, int, int], None] | None,
           before_swap: BeforeSwap | None = None) -> WriteStats:
    phase = stats.phase
    total = len(outputs) if isinstance(outputs, Sized) else 0
    out.parent.mkdir(parents=True, exist_ok=True)
    recover(out)
    manifest = read_manifest(out)
    if manifest is None and out.is_dir() and any(out.iterdir()):
        raise WorkspaceError(f"refusing to replace {out}: it is not empty and was not built "
                             f"by policy-tracker (no {MANIFEST}); choose another --out")
    existing = _existing_files(out) if manifest is not None else set()
    manifest = manifest or {}
    plan: dict[str, bool] = {}   # True: new bytes already in staging; False: keep the file
    keys: dict[str, str] = {}
    rendered = 0
    stage = _Staging(staging)
    # A failure before the swap leaves the staging directory; `recover` removes it.
    for done, item in enumerate(outputs, 1):
        if item.path in plan:
            raise WorkspaceError(f"two outputs claim {item.path}")
        keys[item.path] = item.key
        if manifest.get(item.path) == item.key and item.path in existing:
            plan[item.path] = False
        else:
            with phase("render"):
                data = item.render()
            rendered += 1
            with phase("write"):
                same = item.path in existing and _same_bytes(out / item.path, data)
                if not same:
                    stage.target(item.path).write_bytes(data)
                plan[item.path] = not same
            del data
        if progress is not None and total:
            progress("Writing site", done, total)
    foreign = existing - manifest.keys() - plan.keys()   # put there by someone else: kept
    removed = sorted(existing - plan.keys() - foreign)
    written = sorted(p for p, new in plan.items() if new)
    unchanged = len(plan) - len(written)
    if not written and not removed and keys == manifest:
        return WriteStats([], unchanged, [], rendered, swapped=False)
    with phase("write"):
        kept = [p for p, new in plan.items() if not new] + sorted(foreign)
        _swap(out, stage, kept, keys,
              (lambda path: before_swap(path, out, written)) if before_swap else None)
    log.info("site written to %s: %d written, %d unchanged, %d removed",
             out, len(written), unchanged, len(removed))
    return WriteStats(written, unchanged, removed, rendered, swapped=True)


class _Staging:
    """The staging directory, made (with its mark) when the first file needs it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.made: set[Path] = set()

    def target(self, rel: str) -> Path:
        if not self.made:
            self.path.mkdir()
            (self.path / STAGING_MARK).touch()
            self.made.add(self.path)
        dest = self.path / rel
        if dest.parent not in self.made:
            dest.parent.mkdir(parents=True, exist_ok=True)
            self.made.add(dest.parent)
        return dest


def _swap(out: Path, stage: _Staging, kept: list[str], keys: dict[str, str],
          finish: Callable[[Path], object] | None = None) -> None:
    """Complete the staged site (kept files hard-linked, ``finish``, the manifest) and swap
    it in."""
    for path in kept:
        _link_or_copy(out / path, stage.target(path))
    if finish is not None:
        finish(stage.target(MANIFEST).parent)
    stage.target(MANIFEST).write_text(json.dumps({"format": MANIFEST_FORMAT, "files": keys},
                                                 sort_keys=True, indent=0), encoding="utf-8")
    staging = stage.path
    (staging / STAGING_MARK).unlink()
    _sync_dir(staging)
    if out.exists():
        out.rename(old_dir(out))
    staging.rename(out)
    _sync_dir(out.parent)
    shutil.rmtree(old_dir(out), ignore_errors=True)


def _sync_dir(path: Path) -> None:
    """fsync a directory so the renames survive a power cut (best effort)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
