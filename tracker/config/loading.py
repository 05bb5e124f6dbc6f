"""Load and fully validate tracker.toml before any work is done.

Every problem is reported with the file, the company and the key at fault, and all problems are
collected in one pass, so an operator fixes a config in one go instead of one error per run.
The keys, types, defaults and validators are in tracker.config.schema; this module reads the
file and walks each table through it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tracker.config.schema import (
    ARCHIVE_ORG_MAX_RPM,
    FETCH,
    REMOTE,
    REMOTE_MAX_RETRIES,
    SITE,
    SITE_BASE_URL,
    TOP_KEYS,
    WAYBACK,
    WAYBACK_URL,
    Problems,
    check_url,
    company_table,
    document_table,
    is_safe_slug,
    walk,
)
from tracker.errors import ConfigError
from tracker.names import slugify
from tracker.notify.config import parse_subscriptions
from tracker.remote.settings import check_base_url
from tracker.models import (
    DEFAULT_TRACKING_PARAMS,
    CompanyConfig,
    Config,
    DocumentConfig,
    FetchSettings,
    RemoteSettings,
    SiteSettings,
    WaybackSettings,
)

CONFIG_FILENAME = "tracker.toml"

__all__ = ["CONFIG_FILENAME", "ARCHIVE_ORG_MAX_RPM", "check_url", "is_safe_slug", "slugify",
           "parse_config", "load_config"]

_MOVED_TO_EDITING = ("STARTER_CONFIG", "add_document", "starter_config")


def __getattr__(name: str) -> Any:
    """STARTER_CONFIG, starter_config and add_document live in tracker.config.editing (which imports this
    module); importing them from here, their former home, still works."""
    if name in _MOVED_TO_EDITING:
        from tracker.config import editing
        return getattr(editing, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _table(raw: Any, name: str, problems: Problems) -> dict[str, Any]:
    """A top-level table, or {} (and a problem) when it is something else."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.add(f"[{name}] must be a table", key=name)
        return {}
    return raw


def _document(raw: Any, index: int, company: str, fetch: FetchSettings,
              problems: Problems) -> DocumentConfig | None:
    where = f"documents[{index}]"
    if not isinstance(raw, dict):
        problems.add("must be a table ([[companies.documents]])", company=company, key=where)
        return None
    before = len(problems.items)
    good = walk(raw, document_table(fetch.allow_file_urls), problems, company=company,
                prefix=f"{where}.")
    if len(problems.items) > before:
        return None
    extra = good.pop("strip_params", ())
    return DocumentConfig(
        type=good.pop("type", "privacy-policy"), **good,
        strip_params=DEFAULT_TRACKING_PARAMS + tuple(p for p in extra
                                                     if p not in DEFAULT_TRACKING_PARAMS))


def _company(raw: Any, index: int, fetch: FetchSettings, problems: Problems,
             seen: dict[str, int]) -> CompanyConfig | None:
    label = f"companies[{index}]"
    if not isinstance(raw, dict):
        problems.add("must be a table ([[companies]])", key=label)
        return None
    named = raw.get("slug")
    who = named if isinstance(named, str) and named else label
    before = len(problems.items)
    good = walk(raw, company_table(seen), problems, company=who)
    if "slug" in good:
        seen[good["slug"]] = index
    documents: list[DocumentConfig] = []
    types: set[str] = set()
    for i, doc_raw in enumerate(good.get("documents", [])):
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
    slug: str = good["slug"]  # required: present once there is no problem
    return CompanyConfig(slug=slug, name=good.get("name") or slug,
                         homepage=good.get("homepage") or "", documents=tuple(documents))


def _wayback(raw: Any, problems: Problems) -> WaybackSettings:
    """The [wayback] table: an http(s) base URL without query, and a polite request rate
    (capped for the Internet Archive)."""
    values = walk(_table(raw, "wayback", problems), WAYBACK, problems, prefix="wayback.")
    if "url" in values:
        reason = WAYBACK_URL(values["url"])
        if reason:
            problems.add(reason, key="wayback.url")
            values.pop("url")
        else:
            values["url"] = values["url"].rstrip("/")
    if "requests_per_minute" in values:
        rpm = values["requests_per_minute"]
        host = (urlsplit(values.get("url", WaybackSettings.url)).hostname or "").lower()
        if (host == "archive.org" or host.endswith(".archive.org")) \
                and rpm > ARCHIVE_ORG_MAX_RPM:
            problems.add(f"must be at most {ARCHIVE_ORG_MAX_RPM} for {host} (the cap policy-"
                         f"tracker keeps for the Internet Archive), got {rpm:g}",
                         key="wayback.requests_per_minute")
            values.pop("requests_per_minute")
    return WaybackSettings(**values)


def _remote(raw: Any, problems: Problems) -> RemoteSettings:
    """The [remote] table: a git base URL for the companies' repositories, push, retries."""
    if raw is None:
        return RemoteSettings()
    if not isinstance(raw, dict):
        problems.add("must be a table", key="remote")
        return RemoteSettings()
    values = walk(raw, REMOTE, problems, prefix="remote.")
    url = values.get("url")
    if url is not None:
        reason = check_base_url(url)
        if reason:
            problems.add(f"{url!r} {reason}", key="remote.url")
            values.pop("url")
    retries = values.get("retries")
    if retries is not None and not 0 <= retries <= REMOTE_MAX_RETRIES:
        problems.add(f"must be between 0 and {REMOTE_MAX_RETRIES}", key="remote.retries")
        values.pop("retries")
    return RemoteSettings(**values)


def _toml(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", file=str(path)) from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise ConfigError(f"not valid TOML: {exc}", file=str(path)) from None


def parse_config(text: str, path: Path) -> Config:
    """Validate config text; raises ConfigError listing every problem found."""
    problems = Problems(str(path))
    data = _toml(text, path)
    for key in data:
        if key not in TOP_KEYS:
            problems.add(f"unknown top-level key (known: {', '.join(sorted(TOP_KEYS))})",
                         key=key)
    site = SiteSettings(**walk(_table(data.get("site"), "site", problems), SITE, problems,
                               prefix="site."))
    fetch = FetchSettings(**walk(_table(data.get("fetch"), "fetch", problems), FETCH, problems,
                                 prefix="fetch."))
    if site.base_url:
        reason = SITE_BASE_URL(site.base_url)
        if reason:
            problems.add(reason, key="site.base_url")
    wayback = _wayback(data.get("wayback"), problems)
    remote = _remote(data.get("remote"), problems)
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
