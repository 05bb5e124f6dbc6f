"""Each shard's fetch state travels with its companies: ``refs/policy-tracker/state``.

The ref points at a commit whose tree holds one ``state.json`` with the documents of that
company (ETag, health, last error) and their status events. Shards write it after recording and
push it beside ``main``; the publisher fetches it and merges it into its own state file, so its
status page and status feed cover every shard. Two writers are merged document by document,
the most recent attempt winning, and events are the union of both.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tracker.remote.gitcmd import RemoteError, git, last_line
from tracker.state import DocState, StateStore, StatusEvent

STATE_REF = "refs/policy-tracker/state"
REMOTE_STATE_REF = "refs/remotes/central/state"


def company_state(store: StateStore, slug: str) -> dict[str, Any]:
    """The part of a workspace's state that concerns one company, as JSON data."""
    return {
        "documents": {d: s.to_json() for (c, d), s in sorted(store.docs.items()) if c == slug},
        "events": [e.to_json() for e in store.events if e.company == slug],
    }


def merge_state(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """Per document the state with the later attempt; events from both, once each."""
    docs = dict(theirs.get("documents", {}))
    for doc, state in ours.get("documents", {}).items():
        other = docs.get(doc)
        if other is None or (state.get("last_attempt") or "") >= (other.get("last_attempt") or ""):
            docs[doc] = state
    events = {json.dumps(e, sort_keys=True): e
              for e in [*theirs.get("events", []), *ours.get("events", [])]}
    ordered = sorted(events.values(), key=lambda e: (e.get("date") or "", e.get("kind") or ""))
    return {"documents": docs, "events": ordered}


def read_ref(repo: Path, ref: str) -> dict[str, Any] | None:
    """The state stored at ``ref`` in ``repo``, or None when the ref does not exist."""
    done = git(["cat-file", "-p", f"{ref}:state.json"], cwd=repo, check=False)
    if done.returncode != 0:
        return None
    try:
        data = json.loads(done.stdout)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def write_ref(repo: Path, data: dict[str, Any], parents: list[str]) -> str:
    """Commit ``data`` as state.json on ``STATE_REF`` (with the given parents); its sha."""
    blob = _stdin_git(["hash-object", "-w", "--stdin"], repo,
                      json.dumps(data, indent=1, sort_keys=True) + "\n")
    tree = _stdin_git(["mktree"], repo, f"100644 blob {blob}\tstate.json\n")
    args = ["commit-tree", tree, "-m", "Fetch state of this company's documents"]
    for parent in parents:
        args += ["-p", parent]
    sha = _stdin_git(args, repo, "", env_date=True)
    git(["update-ref", STATE_REF, sha], cwd=repo)
    return sha


def ref_sha(repo: Path, ref: str) -> str | None:
    done = git(["rev-parse", "--verify", "-q", ref], cwd=repo, check=False)
    return done.stdout.strip() or None


def save_company_state(repo: Path, store: StateStore, slug: str) -> bool:
    """Write this workspace's state of ``slug`` to the state ref; False when unchanged."""
    data = company_state(store, slug)
    current = read_ref(repo, STATE_REF)
    if current == data:
        return False
    parent = ref_sha(repo, STATE_REF)
    write_ref(repo, data, [parent] if parent else [])
    return True


def merge_remote_state(repo: Path) -> None:
    """After a fetch: the fetched state merged into the local state ref (parents: both)."""
    theirs_sha = ref_sha(repo, REMOTE_STATE_REF)
    if theirs_sha is None:
        return
    ours_sha = ref_sha(repo, STATE_REF)
    if ours_sha == theirs_sha:
        return
    theirs = read_ref(repo, REMOTE_STATE_REF) or {}
    ours = read_ref(repo, STATE_REF) if ours_sha else None
    if ours is None or ours_sha is None:
        git(["update-ref", STATE_REF, theirs_sha], cwd=repo)
        return
    if git(["merge-base", "--is-ancestor", ours_sha, theirs_sha], cwd=repo,
           check=False).returncode == 0:
        git(["update-ref", STATE_REF, theirs_sha], cwd=repo)
        return
    write_ref(repo, merge_state(ours, theirs), [ours_sha, theirs_sha])


def load_into(store: StateStore, repo: Path, slug: str) -> None:
    """Merge the company's state ref into a workspace state (the publisher's)."""
    data = read_ref(repo, STATE_REF)
    if not data:
        return
    mine = company_state(store, slug)
    merged = merge_state(mine, data) if mine["documents"] else data
    for doc, state in merged.get("documents", {}).items():
        try:
            store.docs[(slug, doc)] = DocState.from_json(state)
        except (TypeError, ValueError):
            continue
    known = {json.dumps(e.to_json(), sort_keys=True) for e in store.events}
    for event in merged.get("events", []):
        if json.dumps(event, sort_keys=True) in known:
            continue
        try:
            store.events.append(StatusEvent.from_json(event))
        except (KeyError, TypeError, ValueError):
            continue
    store.events.sort(key=lambda e: e.date)


def _stdin_git(args: list[str], repo: Path, data: str, *, env_date: bool = False) -> str:
    env = dict(os.environ)
    if env_date:
        now = f"{int(datetime.now(timezone.utc).timestamp())} +0000"
        env.update(GIT_AUTHOR_NAME="policy-tracker", GIT_AUTHOR_EMAIL="policy-tracker@localhost",
                   GIT_COMMITTER_NAME="policy-tracker",
                   GIT_COMMITTER_EMAIL="policy-tracker@localhost",
                   GIT_AUTHOR_DATE=now, GIT_COMMITTER_DATE=now)
    done = subprocess.run(["git", *args], cwd=repo, input=data, capture_output=True, text=True,
                          env=env, timeout=60)
    if done.returncode != 0:
        raise RemoteError(f"git {args[0]} failed: {last_line(done.stderr)}")
    return done.stdout.strip()
