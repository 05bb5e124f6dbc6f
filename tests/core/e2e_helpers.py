"""Helpers for end-to-end tests: sample policy pages and workspaces pointing at a local site."""

from __future__ import annotations

from pathlib import Path

from tracker.workspace import Workspace


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


def policy_html(sections=POLICY_SECTIONS) -> str:
    return "".join(f"<h2>{h}</h2><p>{p}</p>" for h, p in sections)


def make_workspace(root: Path, site, companies: dict[str, list[tuple[str, str]]],
                   extra_fetch: str = "") -> Workspace:
    """A workspace whose documents point at the local site."""
    lines = ["[site]", 'title = "Test watch"', "", "[fetch]",
             'user_agent = "policy-tracker-tests (+https://example.org/contact)"',
             "per_host_delay = 0", "timeout = 5", "retries = 0", extra_fetch, ""]
    for slug, docs in companies.items():
        lines += ["[[companies]]", f'slug = "{slug}"', f'name = "{slug.title()} Inc."', ""]
        for doc_type, path in docs:
            lines += ["[[companies.documents]]", f'type = "{doc_type}"',
                      f'url = "{site.url(path)}"', ""]
    root.mkdir(parents=True, exist_ok=True)
    (root / "tracker.toml").write_text("\n".join(lines), encoding="utf-8")
    return Workspace.open(root)
