"""Plain ``git`` commands against a remote, bounded in time and reported in one line.

Credentials never appear in what is logged or raised: URLs are shown without their user info.
Git is never allowed to prompt (a cron job has no terminal): SSH runs in batch mode and
HTTP authentication comes from a credential helper or not at all.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tracker.errors import TrackerError

# A push or fetch of one company's repository: generous for a slow link, finite for cron.
GIT_TIMEOUT = 300.0
_USERINFO = re.compile(r"(?<=://)[^/@\s]+@")


class RemoteError(TrackerError):
    """A remote repository could not be reached, created, fetched or pushed."""


class PushRejected(RemoteError):
    """The remote refused a fast-forward-only push: another writer got there first."""


def redact(text: str) -> str:
    """``https://user:token@host/x`` -> ``https://host/x`` wherever it occurs in ``text``."""
    return _USERINFO.sub("", text)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(GIT_TERMINAL_PROMPT="0", GIT_ASKPASS="true", LC_ALL="C",
               GIT_SSH_COMMAND=env.get("GIT_SSH_COMMAND", "ssh -o BatchMode=yes"))
    return env


def git(args: list[str], *, cwd: Path | None = None, check: bool = True,
        timeout: float = GIT_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run ``git args``; a failure (when ``check``) is a RemoteError with git's last line."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, env=_env(), capture_output=True,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise RemoteError(f"git {args[0]} timed out after {timeout:.0f} s") from None
    except OSError as exc:
        raise RemoteError(f"cannot run git: {exc.strerror or exc}") from None
    if check and done.returncode != 0:
        raise RemoteError(f"git {args[0]} failed: {last_line(done.stderr)}")
    return done


def last_line(stderr: str) -> str:
    """The most telling line of git's error output, credentials removed."""
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    fatal = [ln for ln in lines if ln.startswith(("fatal:", "error:", "remote: error"))]
    return redact((fatal or lines or ["no message"])[-1])[:300]


def ls_remote(url: str) -> dict[str, str] | None:
    """The remote's refs (name -> sha), or None when the repository does not exist."""
    done = git(["ls-remote", url], check=False)
    if done.returncode != 0:
        message = done.stderr.lower()
        if any(s in message for s in ("does not appear to be a git repository", "not found",
                                       "no such", "repository not exported")):
            return None
        raise RemoteError(f"cannot reach {redact(url)}: {last_line(done.stderr)}")
    refs: dict[str, str] = {}
    for line in done.stdout.splitlines():
        sha, _, name = line.partition("\t")
        if name:
            refs[name] = sha
    return refs


def create_bare(url: str) -> bool:
    """Create an empty bare repository at a ``file://`` URL; False for other transports."""
    if not url.startswith("file://"):
        return False
    path = Path(url[len("file://"):])
    path.parent.mkdir(parents=True, exist_ok=True)
    git(["init", "--quiet", "--bare", "--initial-branch=main", str(path)])
    return True
