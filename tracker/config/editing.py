"""Writing tracker.toml: the starter config of `tracker init`, and `tracker add`'s edit that
keeps the file's comments and layout (tomlkit) and never writes an invalid config."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tracker.config.loading import load_config, parse_config
from tracker.config.schema import site_url_problem
from tracker.errors import ConfigError, UsageError
from tracker.fsutil import atomic_write_text
from tracker.models import Config

STARTER_CONFIG = '''\
# policy-tracker configuration. Reference: README.md, "Config reference".

[site]
title = "Policy Tracker"
# base_url = "https://example.org/policies/"   # absolute URL of the published site (feeds)
feed_items = 50
changes_per_page = 100        # the all-changes and topic pages, split into pages
include_cosmetic = false

[fetch]
# Identify yourself: site owners should be able to reach you.
user_agent = "policy-tracker/0.1 (+https://example.org/contact)"
timeout = 30
max_bytes = 10000000
per_host_delay = 2
concurrency = 4
retries = 2
max_shrink = 0.5

# The archive `tracker backfill` reads; keep the rate low for web.archive.org (at most 30).
# [wayback]
# url = "https://web.archive.org"
# requests_per_minute = 15

# [[companies]]
# slug = "example"
# name = "Example Inc."
# homepage = "https://example.com"
#
# [[companies.documents]]
# type = "privacy-policy"
# url = "https://example.com/privacy"
# select = ["main"]              # optional CSS selectors of the policy text
# remove = [".cookie-banner"]    # optional CSS selectors to drop
'''


def starter_config(base_url: str = "") -> str:
    """The starter tracker.toml; with `base_url`, feeds link absolutely from the first build."""
    if not base_url:
        return STARTER_CONFIG
    reason = site_url_problem(base_url)
    if reason:
        raise UsageError(f"--base-url {base_url!r} {reason}")
    line = (f"base_url = {json.dumps(base_url, ensure_ascii=False)}"
            "   # the site's public URL: feeds link to it")
    return STARTER_CONFIG.replace(_STARTER_BASE_URL, line, 1)


_STARTER_BASE_URL = ('# base_url = "https://example.org/policies/"   '
                     '# absolute URL of the published site (feeds)')


def add_document(path: Path, slug: str, url: str, *, doc_type: str = "privacy-policy",
                 name: str | None = None, homepage: str | None = None,
                 validate: Callable[[str], Config] | None = None) -> Config:
    """Add a company/document to tracker.toml, keeping the file's comments and layout.

    The edited text is validated before it is written, so a bad `add` never breaks the config.
    """
    import tomlkit

    text = path.read_text(encoding="utf-8")
    load_config(path)  # refuse to edit a config that is already invalid
    doc = tomlkit.parse(text)
    companies = doc.get("companies")
    if companies is None:
        companies = tomlkit.aot()
        doc["companies"] = companies
    entry = next((c for c in companies if c.get("slug") == slug), None)
    if entry is None:
        entry = tomlkit.table()
        entry["slug"] = slug
        entry["name"] = name or slug.replace("-", " ").title()
        if homepage:
            entry["homepage"] = homepage
        entry["documents"] = tomlkit.aot()
        companies.append(entry)
    else:
        if any(d.get("type") == doc_type for d in entry.get("documents", [])):
            raise ConfigError(f"already has a {doc_type!r} document", file=str(path),
                              company=slug, key="documents")
        if "documents" not in entry:
            entry["documents"] = tomlkit.aot()
    document = tomlkit.table()
    document["type"] = doc_type
    document["url"] = url
    entry["documents"].append(document)
    new_text = tomlkit.dumps(doc)
    config = (validate or (lambda t: parse_config(t, path)))(new_text)
    atomic_write_text(path, new_text)
    return config

