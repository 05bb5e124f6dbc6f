"""Load and fully validate tracker.toml before any work is done.

Every problem is reported with the file, the company and the key at fault, and all problems are
collected in one pass, so an operator fixes a config in one go instead of one error per run.
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tracker.errors import ConfigError, UsageError
from tracker.remote.settings import parse_remote
from tracker.fsutil import atomic_write_text
from tracker.names import is_safe_slug, slugify  # noqa: F401 - slugify re-exported (config API)
from tracker.models import (
    DEFAULT_TRACKING_PARAMS,
    CompanyConfig,
    Config,
    DocumentConfig,
    FetchSettings,
    SiteSettings,
    WaybackSettings,
)
from tracker.notify.config import parse_subscriptions

CONFIG_FILENAME = "tracker.toml"


class _Problems:
    """Collects every validation problem so the operator sees them all at once."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[ConfigError] = []

    def add(self, message: str, *, company: str | None = None, key: str | None = None) -> None:
        self.items.append(ConfigError(message, file=self.file, company=company, key=key))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        if len(self.items) == 1:
            raise self.items[0]
        first = self.items[0]
        error = ConfigError(f"{len(self.items)} problems:\n" +
                            "\n".join(f"  {p}" for p in self.items))
        error.file, error.company, error.key = self.file, first.company, first.key
        error.problems = self.items  # type: ignore[attr-defined]
        raise error


_SITE_KEYS: dict[str, type | tuple[type, ...]] = {
    "title": str, "base_url": str, "description": str, "feed_items": int,
    "changes_per_page": int,
    "include_cosmetic": bool, "failure_threshold": int,
    "show_cosmetic": bool, "failure_reminder_hours": (int, float),
}
_FETCH_KEYS: dict[str, type | tuple[type, ...]] = {
    "user_agent": str, "timeout": (int, float), "max_bytes": int,
    "per_host_delay": (int, float), "concurrency": int, "retries": int,
    "max_shrink": (int, float), "allow_file_urls": bool, "max_redirects": int,
    "retry_backoff": (int, float), "max_time": (int, float),
}
_WAYBACK_KEYS: dict[str, type | tuple[type, ...]] = {
    "url": str, "requests_per_minute": (int, float),
}
# The Internet Archive throttles and then blocks clients that go much faster than this; a config
# asking more of it is refused rather than getting the operator's address blocked.
ARCHIVE_ORG_MAX_RPM = 30
_COMPANY_KEYS = {"slug", "name", "homepage", "documents"}
_DOCUMENT_KEYS = {"type", "url", "select", "remove", "strip_params", "browser", "max_shrink",
                  "title"}
_TOP_KEYS = {"site", "fetch", "companies", "wayback", "remote", "subscriptions"}

# (minimum, maximum) accepted for numeric settings; None = unbounded.
_RANGES: dict[str, tuple[float | None, float | None]] = {
    "feed_items": (1, 10_000), "changes_per_page": (10, 10_000), "failure_threshold": (1, 1000),
    "failure_reminder_hours": (0, 8760),
    "timeout": (0.1, 3600),
    "max_bytes": (1024, 2_000_000_000), "per_host_delay": (0, 3600), "concurrency": (1, 64),
    "retries": (0, 10), "max_shrink": (0, 1), "max_redirects": (0, 50),
    "retry_backoff": (0, 600), "max_time": (0.1, 86400),
    "requests_per_minute": (0.1, 100_000),
}


def _type_name(expected: type | tuple[type, ...]) -> str:
    names = {int: "an integer", float: "a number", str: "a string", bool: "true or false",
             list: "a list"}
    if isinstance(expected, tuple):
        return "a number" if set(expected) == {int, float} else " or ".join(
            names.get(t, t.__name__) for t in expected)
    return names.get(expected, expected.__name__)


def _check_type(value: Any, expected: type | tuple[type, ...]) -> bool:
    # bool is a subclass of int in Python; a config saying `timeout = true` is still wrong.
    if isinstance(value, bool) and not (expected is bool or
                                        (isinstance(expected, tuple) and bool in expected)):
        return False
    return isinstance(value, expected)


def _settings_table(raw: Any, name: str, keys: Mapping[str, type | tuple[type, ...]],
                    problems: _Problems) -> dict[str, Any]:
    """Validate a flat settings table and return only its good values."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.add(f"[{name}] must be a table", key=name)
        return {}
    good: dict[str, Any] = {}
    for key, value in raw.items():
        dotted = f"{name}.{key}"
        if key not in keys:
            problems.add(f"unknown key (known: {', '.join(sorted(keys))})", key=dotted)
        elif not _check_type(value, keys[key]):
            problems.add(f"must be {_type_name(keys[key])}, got {value!r}", key=dotted)
        elif isinstance(value, float) and not math.isfinite(value):
            problems.add(f"must be a finite number, got {value!r}", key=dotted)
        else:
            low, high = _RANGES.get(key, (None, None))
            if (low is not None and value < low) or (high is not None and value > high):
                problems.add(f"must be between {low} and {high}, got {value!r}", key=dotted)
            else:
                good[key] = value
    return good


def check_url(url: object, *, allow_file: bool) -> str | None:
    """Return why a document URL is unacceptable, or None when it is fine."""
    if not isinstance(url, str) or not url.strip():
        return "must be a non-empty string"
    if url != url.strip() or any(ord(ch) < 33 or ord(ch) == 127 for ch in url):
        return "must not contain spaces or control characters"
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError on a bad port
    except ValueError as exc:
        return f"is not a valid URL ({exc})"
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        if not parts.hostname:
            return "has no host name"
        if port == 0:
            return "has an invalid port"
        return None
    if scheme == "file":
        if not allow_file:
            return "file:// URLs are refused unless [fetch] allow_file_urls = true"
        if not parts.path:
            return "file:// URL has no path"
        return None
    if not scheme:
        return "must start with http:// or https://"
    return f"scheme '{scheme}' is not allowed (only http and https)"


def _string_list(value: Any, key: str, company: str, problems: _Problems) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add("must be a list of non-empty strings", company=company, key=key)
        return ()
    return tuple(value)


def _document(raw: Any, index: int, company: str, fetch: FetchSettings,
              problems: _Problems) -> DocumentConfig | None:
    where = f"documents[{index}]"
    if not isinstance(raw, dict):
        problems.add("must be a table ([[companies.documents]])", company=company, key=where)
        return None
    before = len(problems.items)
    for key in raw:
        if key not in _DOCUMENT_KEYS:
            problems.add(f"unknown key (known: {', '.join(sorted(_DOCUMENT_KEYS))})",
                         company=company, key=f"{where}.{key}")
    doc_type = raw.get("type", "privacy-policy")
    if not is_safe_slug(doc_type):
        problems.add(f"unsafe or invalid document type {doc_type!r} (use lower-case letters, "
                     "digits, '-', '_' or '.', starting with a letter or digit)",
                     company=company, key=f"{where}.type")
    url = raw.get("url")
    if url is None:
        problems.add("missing (every document needs a url)", company=company, key=f"{where}.url")
    else:
        reason = check_url(url, allow_file=fetch.allow_file_urls)
        if reason:
            problems.add(f"{url!r} {reason}", company=company, key=f"{where}.url")
    select = _string_list(raw.get("select", []), f"{where}.select", company, problems)
    remove = _string_list(raw.get("remove", []), f"{where}.remove", company, problems)
    extra = _string_list(raw.get("strip_params", []), f"{where}.strip_params", company, problems)
    for selector in select + remove:
        if not _valid_selector(selector):
            problems.add(f"invalid CSS selector {selector!r}", company=company, key=where)
    browser = raw.get("browser", False)
    if not isinstance(browser, bool):
        problems.add("must be true or false", company=company, key=f"{where}.browser")
    max_shrink = raw.get("max_shrink")
    if max_shrink is not None and (not _check_type(max_shrink, (int, float))
                                   or not 0 <= max_shrink <= 1):
        problems.add("must be a number between 0 and 1", company=company,
                     key=f"{where}.max_shrink")
    title = raw.get("title")
    if title is not None and (not isinstance(title, str) or not title.strip()):
        problems.add("must be a non-empty string", company=company, key=f"{where}.title")
    if len(problems.items) > before:
        return None
    return DocumentConfig(
        type=doc_type, url=url, select=select, remove=remove,
        strip_params=DEFAULT_TRACKING_PARAMS + tuple(p for p in extra
                                                     if p not in DEFAULT_TRACKING_PARAMS),
        browser=browser, max_shrink=None if max_shrink is None else float(max_shrink),
        title=title.strip() if title else None,
    )


def _valid_selector(selector: str) -> bool:
    """Compile the selector with the same engine extraction uses (soupsieve)."""
    try:
        import soupsieve
        soupsieve.compile(selector)
    except Exception:  # soupsieve raises its own SelectorSyntaxError and friends
        return False
    return True


def _company(raw: Any, index: int, fetch: FetchSettings, problems: _Problems,
             seen: dict[str, int]) -> CompanyConfig | None:
    label = f"companies[{index}]"
    if not isinstance(raw, dict):
        problems.add("must be a table ([[companies]])", key=label)
        return None
    slug = raw.get("slug")
    name = raw.get("name")
    who = slug if isinstance(slug, str) and slug else label
    before = len(problems.items)
    for key in raw:
        if key not in _COMPANY_KEYS:
            problems.add(f"unknown key (known: {', '.join(sorted(_COMPANY_KEYS))})",
                         company=who, key=key)
    if slug is None:
        problems.add("missing", company=who, key="slug")
    elif not is_safe_slug(slug):
        problems.add(f"unsafe or invalid slug {slug!r}: use lower-case letters, digits, '-', '_'"
                     " or '.', starting with a letter or digit, no '..' or '/'",
                     company=who, key="slug")
    elif slug in seen:
        problems.add(f"duplicate slug (also companies[{seen[slug]}])", company=who, key="slug")
    else:
        seen[slug] = index
    if name is not None and (not isinstance(name, str) or not name.strip()):
        problems.add("must be a non-empty string", company=who, key="name")
    homepage = raw.get("homepage", "")
    if homepage:
        reason = check_url(homepage, allow_file=False)
        if reason:
            problems.add(f"{homepage!r} {reason}", company=who, key="homepage")
    elif not isinstance(homepage, str):
        problems.add("must be a string", company=who, key="homepage")
    docs_raw = raw.get("documents", [])
    documents: list[DocumentConfig] = []
    if not isinstance(docs_raw, list):
        problems.add("must be an array of tables ([[companies.documents]])", company=who,
                     key="documents")
        docs_raw = []
    elif not docs_raw:
        problems.add("a company needs at least one [[companies.documents]]", company=who,
                     key="documents")
    types: set[str] = set()
    for i, doc_raw in enumerate(docs_raw):
        doc = _document(doc_raw, i, who, fetch, problems)
        if doc is None:
            continue
        if doc.type in types:
            problems.add(f"duplicate document type {doc.type!r}", company=who,
                         key=f"documents[{i}].type")
        types.add(doc.type)
        documents.append(doc)
    if len(problems.items) > before:
        return None
    return CompanyConfig(slug=slug, name=(name or slug).strip(), homepage=homepage or "",
                         documents=tuple(documents))


def parse_config(text: str, path: Path) -> Config:
    """Validate config text; raises ConfigError listing every problem found."""
    problems = _Problems(str(path))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", file=str(path)) from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise ConfigError(f"not valid TOML: {exc}", file=str(path)) from None
    for key in data:
        if key not in _TOP_KEYS:
            problems.add(f"unknown top-level key (known: {', '.join(sorted(_TOP_KEYS))})",
                         key=key)
    site = SiteSettings(**_settings_table(data.get("site"), "site", _SITE_KEYS, problems))
    fetch_values = _settings_table(data.get("fetch"), "fetch", _FETCH_KEYS, problems)
    for key in ("timeout", "per_host_delay", "max_shrink", "retry_backoff", "max_time"):
        if key in fetch_values:
            fetch_values[key] = float(fetch_values[key])
    fetch = FetchSettings(**fetch_values)
    if site.base_url:
        reason = check_url(site.base_url, allow_file=False)
        if reason:
            problems.add(f"{site.base_url!r} {reason}", key="site.base_url")
    wayback = _wayback(data.get("wayback"), problems)
    remote = parse_remote(data.get("remote"), lambda message, key: problems.add(message, key=key))
    companies_raw = data.get("companies", [])
    companies: list[CompanyConfig] = []
    if not isinstance(companies_raw, list):
        problems.add("must be an array of tables ([[companies]])", key="companies")
        companies_raw = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(companies_raw):
        company = _company(raw, i, fetch, problems, seen)
        if company is not None:
            companies.append(company)
    subscriptions, sub_problems = parse_subscriptions(data.get("subscriptions"), str(path),
                                                      base_url=site.base_url)
    problems.items.extend(sub_problems)
    problems.raise_if_any()
    return Config(path=path, site=site, fetch=fetch, companies=tuple(companies),
                  wayback=wayback, remote=remote, subscriptions=subscriptions)


def _wayback(raw: Any, problems: _Problems) -> WaybackSettings:
    """The [wayback] table: an http(s) base URL without query, and a polite request rate."""
    values = _settings_table(raw, "wayback", _WAYBACK_KEYS, problems)
    url = values.get("url")
    if url is not None:
        reason = check_url(url, allow_file=False)
        if reason is None and (urlsplit(url).query or urlsplit(url).fragment):
            reason = "must be a base URL without query or fragment"
        if reason:
            problems.add(f"{url!r} {reason}", key="wayback.url")
            values.pop("url")
        else:
            values["url"] = url.rstrip("/")
    if "requests_per_minute" in values:
        rpm = values["requests_per_minute"] = float(values["requests_per_minute"])
        host = (urlsplit(values.get("url", WaybackSettings.url)).hostname or "").lower()
        if (host == "archive.org" or host.endswith(".archive.org")) \
                and rpm > ARCHIVE_ORG_MAX_RPM:
            problems.add(f"must be at most {ARCHIVE_ORG_MAX_RPM} for {host} (the cap policy-"
                         f"tracker keeps for the Internet Archive), got {rpm:g}",
                         key="wayback.requests_per_minute")
            values.pop("requests_per_minute")
    return WaybackSettings(**values)


def load_config(path: Path) -> Config:
    """Read and validate a tracker.toml; every failure is a ConfigError (exit code 2)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError("config file not found (run `tracker init` to create one)",
                          file=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror or exc}", file=str(path)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                          file=str(path)) from None
    return parse_config(text, path)


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


def site_url_problem(url: str) -> str | None:
    """Why `url` cannot be the site's public URL (base_url), or None: feeds need http(s)."""
    reason = check_url(url, allow_file=False)
    if reason is None and urlsplit(url).scheme.lower() not in ("http", "https"):
        reason = "must be an http:// or https:// URL"
    return reason


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

