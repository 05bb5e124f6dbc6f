"""What tracker.toml may hold: one schema per table (key -> type, default, validator), walked
by one loop that collects every problem instead of stopping at the first.

The defaults of the settings tables are the dataclass defaults in tracker.models (read from
there, never repeated); the README's config reference lists every key named here (a test
checks it).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from tracker.errors import ConfigError
from tracker.models import (
    DocumentConfig,
    FetchSettings,
    RemoteSettings,
    SiteSettings,
    WaybackSettings,
)
from tracker.names import is_safe_slug

Kind = type | tuple[type, ...]
# A validator: the value (already of the right type) -> why it is refused, or None.
Check = Callable[[Any], "str | None"]

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


def site_url_problem(url: str) -> str | None:
    """Why `url` cannot be the site's public URL (base_url), or None: feeds need http(s)."""
    reason = check_url(url, allow_file=False)
    if reason is None and urlsplit(url).scheme.lower() not in ("http", "https"):
        reason = "must be an http:// or https:// URL"
    return reason


class Problems:
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


_TYPE_NAMES = {int: "an integer", float: "a number", str: "a string", bool: "true or false",
               list: "a list"}


def _type_name(expected: Kind) -> str:
    if isinstance(expected, tuple):
        return "a number" if set(expected) == {int, float} else " or ".join(
            _TYPE_NAMES.get(t, t.__name__) for t in expected)
    return _TYPE_NAMES.get(expected, expected.__name__)


def has_type(value: Any, expected: Kind) -> bool:
    """isinstance, except that true/false is never a number (bool subclasses int)."""
    if isinstance(value, bool) and not (expected is bool or
                                        (isinstance(expected, tuple) and bool in expected)):
        return False
    return isinstance(value, expected)


@dataclass(frozen=True)
class Key:
    """One key of a table: its type, its default, and what else a value must satisfy."""

    kind: Kind | None  # None: the checks judge the type themselves
    default: Any = None
    checks: tuple[Check, ...] = ()
    type_message: str | None = None  # instead of "must be <type>, got <value>"
    missing: str | None = None  # the key is required; this is the problem when it is absent
    convert: Callable[[Any], Any] | None = None  # applied to a good value

    def judge(self, value: Any) -> str | None:
        """Why `value` is refused (the first reason), or None."""
        if self.kind is not None and not has_type(value, self.kind):
            return self.type_message or f"must be {_type_name(self.kind)}, got {value!r}"
        for check in self.checks:
            reason = check(value)
            if reason:
                return reason
        return None


@dataclass(frozen=True)
class Table:
    """A TOML table's keys. A settings table reports its problems in file order; a record
    (a company, a document) reports unknown keys first, then its keys in this order."""

    name: str
    keys: Mapping[str, Key] = field(default_factory=dict)
    file_order: bool = True
    # cross-key rules: after the named key, the good values so far -> problems of the table
    rules: Mapping[str, Callable[[Mapping[str, Any]], list[str]]] = field(default_factory=dict)


def walk(raw: Mapping[str, Any], table: Table, problems: Problems, *, company: str | None = None,
         prefix: str = "") -> dict[str, Any]:
    """Check every key of `raw` against `table`; return the good values (converted).
    Problems name `prefix + key`; a missing required key is a problem too."""
    unknown = [key for key in raw if key not in table.keys]
    order = list(raw) if table.file_order else [*unknown, *table.keys]  # (every rule's key)
    order += [key for key, spec in table.keys.items() if spec.missing and key not in order]
    good: dict[str, Any] = {}
    for key in order:
        spec = table.keys.get(key)
        if spec is None:
            problems.add(f"unknown key (known: {', '.join(sorted(table.keys))})",
                         company=company, key=prefix + key)
        elif key not in raw:
            if spec.missing:
                problems.add(spec.missing, company=company, key=prefix + key)
        elif reason := spec.judge(raw[key]):
            problems.add(reason, company=company, key=prefix + key)
        else:
            good[key] = spec.convert(raw[key]) if spec.convert else raw[key]
        for reason in table.rules[key](good) if key in table.rules else ():
            problems.add(reason, company=company, key=prefix.rstrip(".") or None)
    return good


# ------------------------------------------------------------------------ checks

def _finite(value: Any) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, got {value!r}"
    return None


def _between(low: float, high: float) -> Check:
    def check(value: Any) -> str | None:
        if value < low or value > high:
            return f"must be between {low} and {high}, got {value!r}"
        return None
    return check


def _url(*, allow_file: bool) -> Check:
    def check(value: Any) -> str | None:
        reason = check_url(value, allow_file=allow_file)
        return f"{value!r} {reason}" if reason else None
    return check


def _base_url(value: str) -> str | None:
    """The archive's base URL: http(s), without query or fragment."""
    reason = check_url(value, allow_file=False)
    if reason is None and (urlsplit(value).query or urlsplit(value).fragment):
        reason = "must be a base URL without query or fragment"
    return f"{value!r} {reason}" if reason else None


def _safe_type(value: Any) -> str | None:
    if is_safe_slug(value):
        return None
    return (f"unsafe or invalid document type {value!r} (use lower-case letters, digits, "
            "'-', '_' or '.', starting with a letter or digit)")


def _safe_slug(value: Any) -> str | None:
    if is_safe_slug(value):
        return None
    return (f"unsafe or invalid slug {value!r}: use lower-case letters, digits, '-', '_'"
            " or '.', starting with a letter or digit, no '..' or '/'")


def _non_empty_string(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def _string_list(value: Any) -> str | None:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return None
    return "must be a list of non-empty strings"


def _homepage(value: Any) -> str | None:
    if value:
        return _url(allow_file=False)(value)
    return None if isinstance(value, str) else "must be a string"


def _share(value: Any) -> str | None:
    ok = has_type(value, (int, float)) and 0 <= value <= 1
    return None if ok else "must be a number between 0 and 1"


def _selectors(good: Mapping[str, Any]) -> list[str]:
    """Every CSS selector of select and remove compiles with the engine extraction uses."""
    return [f"invalid CSS selector {selector!r}"
            for selector in (*good.get("select", ()), *good.get("remove", ()))
            if not _valid_selector(selector)]


# Selectors of names, classes, ids and plain attributes joined by descendant or child
# combinators and commas: a subset of CSS that soupsieve always compiles (a property test
# checks it), so the usual configuration is validated without importing soupsieve and
# BeautifulSoup (an unchanged run parses no HTML and never needs them). Anything else is
# compiled by soupsieve as before.
_IDENT = r"-?[A-Za-z_][A-Za-z0-9_-]*"
_ATTR = (rf"\[{_IDENT}(?:[~|^$*]?=(?:{_IDENT}|\"[^\"\\\r\n\f]*\"|'[^'\\\r\n\f]*'))?\]")
_COMPOUND = rf"(?:(?:{_IDENT}|\*)(?:[.#]{_IDENT}|{_ATTR})*|(?:[.#]{_IDENT}|{_ATTR})+)"
_COMPLEX = rf"{_COMPOUND}(?:(?:[ \t\n]*>[ \t\n]*|[ \t\n]+){_COMPOUND})*"
PLAIN_SELECTOR = re.compile(rf"{_COMPLEX}(?:[ \t\n]*,[ \t\n]*{_COMPLEX})*")


def _valid_selector(selector: str) -> bool:
    if PLAIN_SELECTOR.fullmatch(selector):
        return True
    try:
        import soupsieve
        soupsieve.compile(selector)
    except Exception:  # soupsieve raises its own SelectorSyntaxError and friends
        return False
    return True


def _documents(value: Any) -> str | None:
    if not isinstance(value, list):
        return "must be an array of tables ([[companies.documents]])"
    return None if value else "a company needs at least one [[companies.documents]]"


# ------------------------------------------------------------------------ the tables

def _setting(model: type, name: str, kind: Kind, low: float | None = None,
             high: float | None = None, *checks: Check,
             convert: Callable[[Any], Any] | None = None) -> Key:
    """A key of a flat settings table; its default is the model dataclass's."""
    default = next(f.default for f in dataclasses.fields(model) if f.name == name)
    bounds = () if low is None or high is None else (_between(low, high),)
    return Key(kind, default, (_finite, *bounds, *checks), convert=convert)


SITE = Table("site", {
    "title": _setting(SiteSettings, "title", str),
    "base_url": _setting(SiteSettings, "base_url", str),
    "description": _setting(SiteSettings, "description", str),
    "feed_items": _setting(SiteSettings, "feed_items", int, 1, 10_000),
    "changes_per_page": _setting(SiteSettings, "changes_per_page", int, 10, 10_000),
    "include_cosmetic": _setting(SiteSettings, "include_cosmetic", bool),
    "failure_threshold": _setting(SiteSettings, "failure_threshold", int, 1, 1000),
    "show_cosmetic": _setting(SiteSettings, "show_cosmetic", bool),
    "failure_reminder_hours": _setting(SiteSettings, "failure_reminder_hours", (int, float), 0,
                                       8760),
})
# URLs of the settings tables are checked once the whole configuration's types are known
SITE_BASE_URL = _url(allow_file=False)
WAYBACK_URL = _base_url

_NUMBER = (int, float)
FETCH = Table("fetch", {
    "user_agent": _setting(FetchSettings, "user_agent", str),
    "timeout": _setting(FetchSettings, "timeout", _NUMBER, 0.1, 3600, convert=float),
    "max_bytes": _setting(FetchSettings, "max_bytes", int, 1024, 2_000_000_000),
    "per_host_delay": _setting(FetchSettings, "per_host_delay", _NUMBER, 0, 3600,
                               convert=float),
    "concurrency": _setting(FetchSettings, "concurrency", int, 1, 64),
    "retries": _setting(FetchSettings, "retries", int, 0, 10),
    "max_shrink": _setting(FetchSettings, "max_shrink", _NUMBER, 0, 1, convert=float),
    "allow_file_urls": _setting(FetchSettings, "allow_file_urls", bool),
    "max_redirects": _setting(FetchSettings, "max_redirects", int, 0, 50),
    "retry_backoff": _setting(FetchSettings, "retry_backoff", _NUMBER, 0, 600, convert=float),
    "max_time": _setting(FetchSettings, "max_time", _NUMBER, 0.1, 86400, convert=float),
})

# The Internet Archive throttles and then blocks clients that go much faster than this; a config
# asking more of it is refused rather than getting the operator's address blocked.
ARCHIVE_ORG_MAX_RPM = 30
WAYBACK = Table("wayback", {
    "url": _setting(WaybackSettings, "url", str),
    "requests_per_minute": _setting(WaybackSettings, "requests_per_minute", _NUMBER, 0.1,
                                    100_000, convert=float),
})

# The central git host of `tracker pull/push` (its URL is checked once the types are right).
REMOTE = Table("remote", {
    "url": Key(str, RemoteSettings.url, type_message="must be str"),
    "push": Key(bool, RemoteSettings.push, type_message="must be bool"),
    "retries": Key(int, RemoteSettings.retries, type_message="must be int"),
})
REMOTE_MAX_RETRIES = 100

# A document's url may be file:// only when [fetch] allow_file_urls says so: the document
# table is built for the config's fetch settings.
_DOC_DEFAULTS = {f.name: f.default for f in dataclasses.fields(DocumentConfig)
                 if f.default is not dataclasses.MISSING}


def document_table(allow_file_urls: bool) -> Table:
    """The [[companies.documents]] table for a config whose fetch settings allow (or refuse)
    file:// URLs."""
    return Table("companies.documents", file_order=False, rules={"strip_params": _selectors},
                 keys={
        "type": Key(None, "privacy-policy", (_safe_type,)),
        "url": Key(None, None, (_url(allow_file=allow_file_urls),),
                   missing="missing (every document needs a url)"),
        "select": Key(None, _DOC_DEFAULTS["select"], (_string_list,), convert=tuple),
        "remove": Key(None, _DOC_DEFAULTS["remove"], (_string_list,), convert=tuple),
        "strip_params": Key(None, (), (_string_list,), convert=tuple),
        "browser": Key(bool, _DOC_DEFAULTS["browser"], type_message="must be true or false"),
        "max_shrink": Key(None, _DOC_DEFAULTS["max_shrink"], (_share,), convert=float),
        "title": Key(None, _DOC_DEFAULTS["title"], (_non_empty_string,),
                     convert=lambda title: title.strip()),
    })


def company_table(seen: Mapping[str, int]) -> Table:
    """The [[companies]] table, refusing the slugs already `seen` (slug -> index)."""
    def unique(slug: str) -> str | None:
        return f"duplicate slug (also companies[{seen[slug]}])" if slug in seen else None

    return Table("companies", file_order=False, keys={
        "slug": Key(None, None, (_safe_slug, unique), missing="missing"),
        "name": Key(None, None, (_non_empty_string,), convert=lambda name: name.strip()),
        "homepage": Key(None, "", (_homepage,)),
        "documents": Key(None, [], (_documents,),
                         missing="a company needs at least one [[companies.documents]]"),
    })


# Every table the validator knows, by its name in TOML.
TABLES: dict[str, Table] = {t.name: t for t in
                            (SITE, FETCH, WAYBACK, REMOTE, company_table({}),
                             document_table(False))}
TOP_KEYS = ("site", "fetch", "companies", "wayback", "remote", "subscriptions")
