"""Helpers for the user-level fault tests (tests/faults): a workspace of several documents on
a real local server, the `tracker` CLI run in-process (CliRunner) or as a real subprocess,
and plain-git checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner, Result

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fetch"))
from fetchtest import LocalServer  # noqa: E402

from tracker.cli.main import main  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]

SECTIONS = [
    ("Information We Collect", "We collect your name, e-mail address and payment details when "
     "you create an account. We also collect device identifiers and usage data."),
    ("How We Use Information", "We use information to provide the service, to process payments "
     "and to improve our products. We do not sell your personal information."),
    ("Sharing", "We share data with service providers that process it on our behalf, under "
     "contracts that protect it."),
    ("Retention", "We keep account data for 30 days after you close your account."),
    ("Your Rights", "You may access, correct or delete your data at any time from your account "
     "settings, or by writing to us."),
    ("Contact", "Write to privacy@example.com with any question about this policy."),
]


def policy_page(title: str, version: int = 1, extra: str = "") -> bytes:
    """A realistic policy page (with site chrome) whose text differs per version."""
    body = "".join(f"<h2>{h}</h2><p>{p}</p>" for h, p in SECTIONS)
    body += f"<h2>Changes</h2><p>This is revision {version} of the {title}.</p>{extra}"
    html = (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
            f"<main><h1>{title}</h1>{body}</main><footer>© 2024 Example.</footer></body></html>")
    return html.encode("utf-8")


@dataclass
class Doc:
    company: str
    doc_type: str
    url: str
    extra: list[str] = field(default_factory=list)  # raw TOML lines for this document


def write_config(root: Path, docs: list[Doc], *, fetch: dict[str, object] | None = None,
                 site: dict[str, object] | None = None) -> Path:
    """tracker.toml for `docs` with fast, test-friendly fetch settings."""
    settings = {"user_agent": "policy-tracker-tests (+https://example.org/contact)",
                "per_host_delay": 0, "timeout": 0.5, "retries": 0, **(fetch or {})}
    lines = ["[site]", 'title = "Fault watch"']
    lines += [f"{k} = {_toml(v)}" for k, v in (site or {}).items()]
    lines += ["", "[fetch]"] + [f"{k} = {_toml(v)}" for k, v in settings.items()] + [""]
    companies: dict[str, list[Doc]] = {}
    for doc in docs:
        companies.setdefault(doc.company, []).append(doc)
    for slug, cdocs in companies.items():
        lines += ["[[companies]]", f"slug = {_toml(slug)}",
                  f"name = {_toml(slug.title() + ' Inc.')}", ""]
        for doc in cdocs:
            lines += ["[[companies.documents]]", f"type = {_toml(doc.doc_type)}",
                      f"url = {_toml(doc.url)}", *doc.extra, ""]
    root.mkdir(parents=True, exist_ok=True)
    (root / "tracker.toml").write_text("\n".join(lines), encoding="utf-8")
    return root


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):  # JSON string escapes are valid TOML basic-string escapes
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    return str(value)


def cli(root: Path, *args: str) -> Result:
    """`tracker -w ROOT ARGS...` in-process, with stdout and stderr kept apart."""
    return CliRunner().invoke(main, ["-w", str(root), *args], catch_exceptions=True)


def tracker_cmd(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tracker", "-w", str(root), *args]


def subprocess_env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO_ROOT))


def run_tracker(root: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m tracker` as a real process, as cron runs it."""
    return subprocess.run(tracker_cmd(root, *args), capture_output=True, text=True,
                          env=subprocess_env(), timeout=timeout)


def git(repo: Path, *args: str, check: bool = True) -> str:
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if check:
        assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr}"
    return proc.stdout


def fsck(repo: Path) -> None:
    proc = subprocess.run(["git", "-C", str(repo), "fsck", "--strict", "--no-dangling"],
                          capture_output=True, text=True)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0 and not any(
        w in out for w in ("error", "bad", "missing", "broken", "corrupt")), out


def doc_log(repo: Path, doc_type: str) -> list[str]:
    """Commits that touched the document's text, newest first (plain `git log`)."""
    if not (repo / ".git").exists():
        return []
    return git(repo, "log", "--format=%H", "--", f"{doc_type}.md").split()


def texts_in_history(repo: Path, doc_type: str) -> list[str]:
    return [git(repo, "show", f"{sha}:{doc_type}.md") for sha in doc_log(repo, doc_type)]


def assert_no_traceback(*outputs: str) -> None:
    for out in outputs:
        assert "Traceback" not in out and 'File "' not in out, out
