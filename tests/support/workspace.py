"""Policy pages and workspaces whose documents point at a local server: `write_config` for a
list of documents, `make_workspace` for {company: [(doc_type, path)]} on one server."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tracker.workspace import Workspace

from .web import LocalServer

POLICY_SECTIONS = [
    ("Information We Collect", "We collect your name, e-mail address and payment details "
     "when you create an account. We also collect device identifiers and usage data."),
    ("How We Use Information", "We use information to provide the service, to process "
     "payments and to improve our products. We do not sell your personal information."),
    ("Sharing", "We share data with service providers that process it on our behalf, "
     "under contracts that protect it."),
    ("Retention", "We keep account data for 30 days after you close your account."),
    ("Contact", "Write to privacy@acme.example with any question about this policy."),
]

SECTIONS = [
    *POLICY_SECTIONS[:4],
    ("Your Rights", "You may access, correct or delete your data at any time from your account "
     "settings, or by writing to us."),
    ("Contact", "Write to privacy@example.com with any question about this policy."),
]

TEST_USER_AGENT = "policy-tracker-tests (+https://example.org/contact)"


def policy_html(sections: list[tuple[str, str]] = POLICY_SECTIONS) -> str:
    """The sections as <h2>/<p> pairs (a page's main content)."""
    return "".join(f"<h2>{h}</h2><p>{p}</p>" for h, p in sections)


def policy_document(sections: list[tuple[str, str]] = POLICY_SECTIONS) -> bytes:
    """A bare policy page (no site chrome) holding the sections."""
    return (f"<html><head><title>Privacy</title></head><body><main>"
            f"<h1>Privacy Policy</h1>{policy_html(sections)}</main></body></html>").encode()


def policy_page(title: str, version: int = 1, extra: str = "") -> bytes:
    """A realistic policy page (with site chrome) whose text differs per version."""
    body = policy_html(SECTIONS)
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
                 site: dict[str, object] | None = None, title: str = "Fault watch") -> Path:
    """tracker.toml for `docs` with fast, test-friendly fetch settings (no retries, 0.5 s
    timeout unless `fetch` says otherwise); returns the workspace root."""
    settings = {"user_agent": TEST_USER_AGENT, "per_host_delay": 0, "timeout": 0.5,
                "retries": 0, **(fetch or {})}
    lines = ["[site]", f"title = {_toml(title)}"]
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


def make_workspace(root: Path, web: LocalServer, companies: dict[str, list[tuple[str, str]]],
                   **fetch: object) -> Workspace:
    """An opened workspace whose documents ({slug: [(doc_type, path)]}) are pages of `web`
    (5 s timeout, no retries unless `fetch` says otherwise)."""
    docs = [Doc(slug, doc_type, web.url(path))
            for slug, pairs in companies.items() for doc_type, path in pairs]
    write_config(root, docs, fetch={"timeout": 5, **fetch}, title="Test watch")
    return Workspace.open(root)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):  # JSON string escapes are valid TOML basic-string escapes
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    return str(value)
