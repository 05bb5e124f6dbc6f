"""Pull a company's repository from the central host, and push it back fast-forward only.

A shard fetches each company before it writes it, so it records on top of the newest history.
If another writer pushed in between (a shard count change, a rollout where two hosts still
disagree about N), the push is rejected: the shard fetches again, puts its branch back on the
remote's tip and *replays* its own new captures onto it through the ordinary storage path
(which keeps history in date order and drops captures identical to the version before them).
It never force-pushes and never leaves two histories: the remote's history always survives.
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tracker.models import Extracted, RecordMeta
from tracker.remote import staterefs
from tracker.remote.gitcmd import PushRejected, RemoteError, create_bare, git, ls_remote, redact
from tracker.storage.repo import RAW_EXTS, CompanyRepo, ImportItem

log = logging.getLogger(__name__)

MAIN = "refs/heads/main"
REMOTE_MAIN = "refs/remotes/central/main"
_REJECTED = ("[rejected]", "non-fast-forward", "fetch first", "stale info", "[remote rejected]")


@dataclass(frozen=True)
class SyncResult:
    """What happened to one company: pulled/pushed/replayed counts, in the words printed."""

    slug: str
    action: str           # cloned | fast-forwarded | up to date | ahead | pushed | created ...
    replayed: int = 0     # own captures replayed onto a newer remote history
    dropped: int = 0      # own captures older than the remote's newer version: not placed
    new_state: bool = False   # the remote's fetch state ref moved (a shard wrote it)

    def line(self) -> str:
        extra = ""
        if self.replayed:
            extra += f", {self.replayed} capture(s) replayed on the remote's history"
        if self.dropped:
            extra += (f", {self.dropped} older capture(s) dropped (the remote has a newer "
                      "version of that document)")
        return f"{self.slug}: {self.action}{extra}"


@dataclass(frozen=True)
class CompanySync:
    """One company's local repository and its remote URL."""

    slug: str
    path: Path
    url: str
    title: Callable[[str], str] = lambda doc_type: doc_type   # document type -> display title

    def refs(self) -> dict[str, str]:
        """The local refs that matter for synchronising, read with one git process."""
        if not (self.path / ".git").exists():
            return {}
        out = git(["for-each-ref", "--format=%(refname) %(objectname)", MAIN, REMOTE_MAIN,
                   staterefs.STATE_REF, staterefs.REMOTE_STATE_REF], cwd=self.path).stdout
        return dict(line.split(" ", 1) for line in out.splitlines() if " " in line)

    def _sha(self, ref: str) -> str | None:
        if not (self.path / ".git").exists():
            return None
        done = git(["rev-parse", "--verify", "-q", ref], cwd=self.path, check=False)
        return done.stdout.strip() or None

    def _fetch(self, refs: dict[str, str]) -> None:
        specs = [f"+{MAIN}:{REMOTE_MAIN}"] if MAIN in refs else []
        if staterefs.STATE_REF in refs:
            specs.append(f"+{staterefs.STATE_REF}:{staterefs.REMOTE_STATE_REF}")
        if specs:
            git(["fetch", "--quiet", "--no-tags", self.url, *specs], cwd=self.path)

    def _ensure_local(self) -> None:
        if not (self.path / ".git").exists():
            CompanyRepo.open(self.path, create=True).close()

    def _move_main(self, new: str, old: str | None) -> None:
        git(["update-ref", "-m", "policy-tracker: sync with remote", MAIN, new, old or ""],
            cwd=self.path)
        git(["reset", "--quiet", "--hard", "HEAD"], cwd=self.path)

    def _is_ancestor(self, a: str, b: str) -> bool:
        return git(["merge-base", "--is-ancestor", a, b], cwd=self.path,
                   check=False).returncode == 0


def pull_company(sync: CompanySync) -> SyncResult:
    """Bring the remote's history into the local repository (fast-forward or replay)."""
    refs = ls_remote(sync.url)
    if refs is None:
        return SyncResult(sync.slug, "no remote repository yet")
    if MAIN not in refs and staterefs.STATE_REF not in refs:
        return SyncResult(sync.slug, "remote is empty")
    mine = sync.refs()
    state = refs.get(staterefs.STATE_REF)
    new_state = state is not None and state not in (mine.get(staterefs.REMOTE_STATE_REF),
                                                    mine.get(staterefs.STATE_REF))
    if refs.get(MAIN) == mine.get(MAIN) and not new_state:   # the common case: 2 processes
        return SyncResult(sync.slug, "up to date")
    sync._ensure_local()
    sync._fetch(refs)
    if new_state:
        staterefs.merge_remote_state(sync.path)
    remote, local = sync._sha(REMOTE_MAIN), sync._sha(MAIN)
    if remote is None or remote == local:
        return SyncResult(sync.slug, "up to date", new_state=new_state)
    if local is None:
        sync._move_main(remote, None)
        return SyncResult(sync.slug, "cloned", new_state=new_state)
    if sync._is_ancestor(local, remote):
        sync._move_main(remote, local)
        return SyncResult(sync.slug, "fast-forwarded", new_state=new_state)
    if sync._is_ancestor(remote, local):
        return SyncResult(sync.slug, "ahead of the remote", new_state=new_state)
    count, dropped = replay_onto(sync, remote, local)
    return SyncResult(sync.slug, "merged with the remote's history", count, dropped, new_state)


def push_company(sync: CompanySync, *, retries: int = 5) -> SyncResult:
    """Push ``main`` (fast-forward only) and the state ref; replay and retry when rejected."""
    replayed = dropped = 0
    created = False
    for _attempt in range(retries + 1):
        refs = ls_remote(sync.url)
        if refs is None:
            if not create_bare(sync.url):
                raise RemoteError(f"{sync.slug}: remote repository {redact(sync.url)} does not "
                                  "exist; create it on the git host (an empty bare repository)")
            created, refs = True, {}
        local = sync._sha(MAIN)
        if local is None:
            return SyncResult(sync.slug, "nothing to push")
        if refs.get(MAIN) not in (None, local) and not _known(sync, refs[MAIN]):
            sync._fetch(refs)
        try:
            action = _push_once(sync, refs, local)
        except PushRejected:
            sync._fetch(ls_remote(sync.url) or {})
            remote = sync._sha(REMOTE_MAIN)
            if remote is not None and not sync._is_ancestor(remote, local):
                count, lost = replay_onto(sync, remote, local)
                replayed, dropped = replayed + count, dropped + lost
            staterefs.merge_remote_state(sync.path)
            continue
        return SyncResult(sync.slug, "created and pushed" if created else action, replayed,
                          dropped)
    raise RemoteError(f"{sync.slug}: push still rejected after {retries} retries "
                      "(another writer keeps pushing); will retry next run")


def _known(sync: CompanySync, sha: str) -> bool:
    return git(["cat-file", "-e", f"{sha}^{{commit}}"], cwd=sync.path, check=False).returncode == 0


def _push_once(sync: CompanySync, refs: dict[str, str], local: str) -> str:
    specs = []
    if refs.get(MAIN) != local:
        if refs.get(MAIN) is not None and not sync._is_ancestor(refs[MAIN], local):
            raise PushRejected("remote has commits this repository does not")
        specs.append(f"{MAIN}:{MAIN}")
    state = sync._sha(staterefs.STATE_REF)
    if state is not None and refs.get(staterefs.STATE_REF) != state:
        specs.append(f"{staterefs.STATE_REF}:{staterefs.STATE_REF}")
    if not specs:
        return "up to date"
    done = git(["push", "--porcelain", "--quiet", sync.url, *specs], cwd=sync.path, check=False)
    if done.returncode != 0:
        output = done.stdout + done.stderr
        if any(mark in output for mark in _REJECTED):
            raise PushRejected(output)
        raise RemoteError(f"{sync.slug}: push to {redact(sync.url)} failed: "
                          f"{redact(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else 'no message')}")
    return "pushed" if any(s.startswith(MAIN) for s in specs) else "state pushed"


def replay_onto(sync: CompanySync, remote: str, local: str) -> tuple[int, int]:
    """Put ``main`` on ``remote`` and re-record on top the captures only ``local`` has.

    Returns (replayed, dropped). A capture is appended with the ordinary recording path, so one
    whose text the remote already has as that document's latest version adds nothing. A capture
    older than the remote's latest version of its document cannot be placed without rewriting
    the remote's history, which a fast-forward-only remote forbids: it is dropped (the newer
    text stands) and counted. The local commits stay in the reflog until git's normal expiry.
    """
    items = _captures(sync.path, f"{remote}..{local}", sync.title)
    sync._move_main(remote, local)
    replayed = dropped = 0
    if not items:
        return 0, 0
    repo = CompanyRepo.open(sync.path)
    try:
        latest = {doc: (versions[0].date if versions else None)   # newest first
                  for doc in items for versions in [repo.versions(doc)]}
        for doc_type, doc_items in items.items():
            for item in sorted(doc_items, key=lambda it: it.date):
                newest = latest[doc_type]
                if newest is not None and item.date <= newest:
                    dropped += newest != item.date
                    continue
                if repo.record(doc_type, item.extracted, item.meta, item.date, item.title):
                    replayed += 1
                latest[doc_type] = item.date
    finally:
        repo.close()
    log.info("%s: %d capture(s) replayed on the remote's history, %d superseded",
             sync.slug, replayed, dropped)
    return replayed, dropped


def _captures(repo: Path, span: str, title: Callable[[str], str]) -> dict[str, list[ImportItem]]:
    """Every document version recorded in the commits of ``span`` (oldest first)."""
    shas = git(["rev-list", "--reverse", "--first-parent", span], cwd=repo).stdout.split()
    found: dict[str, list[ImportItem]] = {}
    for sha in shas:
        changed = git(["diff-tree", "--root", "--no-commit-id", "-r", "--name-only", sha],
                      cwd=repo).stdout.split()
        docs = [p[:-3] for p in changed if p.endswith(".md") and "/" not in p]
        if not docs:
            continue
        date, trailers = _commit_facts(repo, sha)
        for doc_type in docs:
            item = _capture(repo, sha, doc_type, date, trailers, title(doc_type))
            if item is not None:
                found.setdefault(doc_type, []).append(item)
    return found


def _commit_facts(repo: Path, sha: str) -> tuple[datetime, dict[str, str]]:
    out = git(["show", "-s", "--format=%aI%n%B", sha], cwd=repo).stdout
    first, _, body = out.partition("\n")
    trailers = {}
    for line in body.splitlines():
        key, sep, value = line.partition(": ")
        if sep and key and " " not in key:
            trailers[key] = value.strip()
    return datetime.fromisoformat(first.strip()), trailers


def _capture(repo: Path, sha: str, doc_type: str, date: datetime, trailers: dict[str, str],
             title: str) -> ImportItem | None:
    data = _blob(repo, f"{sha}:{doc_type}.md")
    if data is None:
        return None   # the document was deleted in this commit
    text = data.decode("utf-8")
    raw, ext = data, "md"
    for candidate in RAW_EXTS:
        blob = _blob(repo, f"{sha}:raw/{doc_type}.{candidate}")
        if blob is not None:
            raw, ext = blob, candidate
            break
    status = trailers.get("HTTP-Status", "")
    meta = RecordMeta(source_url=trailers.get("Source-URL", ""),
                      status=int(status) if status.isdigit() else None,
                      content_type=trailers.get("Content-Type", ""),
                      fetcher=trailers.get("Fetcher", "http"),
                      technical=trailers.get("Change-Kind") == "technical")
    return ImportItem(date=date, extracted=Extracted(text, raw, ext), meta=meta,
                      title=title)


def _blob(repo: Path, spec: str) -> bytes | None:
    done = subprocess.run(["git", "cat-file", "blob", spec], cwd=repo, capture_output=True,
                          timeout=60)
    return done.stdout if done.returncode == 0 else None
