"""The `[[subscriptions]]` tables of tracker.toml: who is told about which changes, and how.

Validated with the rest of the config (the loader calls :func:`parse_subscriptions`); every
problem names the file, the subscription and the key. URLs are Apprise URLs and may carry
secrets as ``${VAR}`` references that are expanded from the environment only when a message is
sent; a URL is only ever shown as its template or in Apprise's privacy form, so a secret is
never echoed in logs, pages or errors.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tracker.errors import ConfigError
from tracker.notify.secrets import VAR_RE, apprise_logs, expand, masked

VERDICT_RANK = {"cosmetic": 0, "minor": 1, "substantive": 2, "major": 3}
MIN_VERDICTS = ("minor", "substantive", "major")   # cosmetic changes are never notified
DIGESTS = ("none", "daily", "weekly")
SUBSCRIPTION_KEYS = ("name", "urls", "companies", "types", "min_verdict", "topics", "entities",
                     "digest")
_NAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


@dataclass(frozen=True)
class Subscription:
    """One subscriber: where messages go (Apprise URL templates) and which changes match."""

    name: str
    urls: tuple[str, ...]                  # templates: ${VAR} still unexpanded
    companies: tuple[str, ...] = ()        # empty: every company
    types: tuple[str, ...] = ()            # empty: every document type
    min_verdict: str = "substantive"
    topics: tuple[str, ...] = ()           # any of; empty: any topic
    entities: tuple[str, ...] = ()         # any of, named or dropped; empty: no entity filter
    digest: str = "none"                   # none | daily | weekly

    def variables(self) -> tuple[str, ...]:
        """Environment variables the URLs refer to."""
        return tuple(dict.fromkeys(v for url in self.urls for v in VAR_RE.findall(url)))


class SubscriptionConfigError(ConfigError):
    """A ConfigError that names the subscription instead of a company."""

    def __init__(self, message: str, *, file: str, subscription: str, key: str) -> None:
        super().__init__(message, file=file, key=key)
        self.subscription = subscription
        self.args = (f"{file}: subscription '{subscription}': key '{key}': {message}",)


class _Checker:
    """Validates one [[subscriptions]] table, collecting problems."""

    def __init__(self, file: str, label: str, problems: list[ConfigError]) -> None:
        self.file, self.label, self.problems = file, label, problems

    def add(self, key: str, message: str) -> None:
        self.problems.append(SubscriptionConfigError(message, file=self.file,
                                                     subscription=self.label, key=key))

    def strings(self, raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            self.add(key, "must be a list of non-empty strings")
            return ()
        return tuple(v.strip() for v in value)

    def choice(self, raw: Mapping[str, Any], key: str, choices: tuple[str, ...],
               default: str) -> str:
        value = raw.get(key, default)
        if value not in choices:
            self.add(key, f"must be one of {', '.join(choices)}, got {value!r}")
            return default
        return str(value)


def _check_url(template: str, index: int, check: _Checker) -> None:
    """An Apprise URL Apprise understands, its variables set; only the template is shown."""
    import apprise

    key, shown = f"urls[{index}]", repr(masked(template))
    try:
        url = expand(template)
    except KeyError as exc:
        check.add(key, f"environment variable {exc.args[0]} is not set (used in {shown})")
        return
    if "://" not in url:
        check.add(key, f"{shown} is not an Apprise URL (such as mailto://, json://, "
                       "matrix://, slack://, ntfy://)")
        return
    try:
        with apprise_logs((), show=False):   # its messages could hold the expanded secrets
            plugin = apprise.Apprise.instantiate(url, suppress_exceptions=True)
    except Exception:  # Apprise plugins parse with their own code; any failure is "bad URL"
        plugin = None
    if plugin is None:
        check.add(key, f"{shown} is not a URL Apprise can send to (unknown service or "
                       "missing parts)")


def _subscription(raw: Any, index: int, file: str, problems: list[ConfigError],
                  seen: dict[str, int], topics: tuple[str, ...]) -> Subscription | None:
    label = f"subscriptions[{index}]"
    if not isinstance(raw, dict):
        problems.append(ConfigError("must be a table ([[subscriptions]])", file=file, key=label))
        return None
    name = raw.get("name")
    check = _Checker(file, name if isinstance(name, str) and name else label, problems)
    before = len(problems)
    for key in raw:
        if key not in SUBSCRIPTION_KEYS:
            check.add(key, f"unknown key (known: {', '.join(sorted(SUBSCRIPTION_KEYS))})")
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
        check.add("name", "missing or invalid: use lower-case letters, digits, '.', '_' or '-'"
                          " (at most 64), starting with a letter or digit")
    elif name in seen:
        check.add("name", f"duplicate subscription name (also subscriptions[{seen[name]}])")
    else:
        seen[name] = index
    urls = check.strings(raw, "urls")
    if "urls" in raw and not urls and len(problems) == before:
        check.add("urls", "needs at least one Apprise URL")
    elif "urls" not in raw:
        check.add("urls", "missing (one or more Apprise URLs)")
    for i, url in enumerate(urls):
        _check_url(url, i, check)
    wanted_topics = check.strings(raw, "topics")
    unknown = [t for t in wanted_topics if t not in topics]
    if unknown:
        check.add("topics", f"unknown topic(s) {', '.join(unknown)} (known: {', '.join(topics)})")
    sub = Subscription(
        name=name if isinstance(name, str) else label, urls=urls,
        companies=check.strings(raw, "companies"), types=check.strings(raw, "types"),
        min_verdict=check.choice(raw, "min_verdict", MIN_VERDICTS, "substantive"),
        topics=wanted_topics, entities=check.strings(raw, "entities"),
        digest=check.choice(raw, "digest", DIGESTS, "none"))
    return None if len(problems) > before else sub


def parse_subscriptions(raw: Any, file: str, *, base_url: str
                        ) -> tuple[tuple[Subscription, ...], list[ConfigError]]:
    """Validate the ``subscriptions`` array of tables: (good subscriptions, problems)."""
    if raw is None:  # no subscriptions: the detector's topic list is not even imported
        return (), []
    from tracker.changes.topics import TOPICS

    if not isinstance(raw, list):
        return (), [ConfigError("must be an array of tables ([[subscriptions]])", file=file,
                                key="subscriptions")]
    problems: list[ConfigError] = []
    seen: dict[str, int] = {}
    subs = [_subscription(item, i, file, problems, seen, TOPICS) for i, item in enumerate(raw)]
    if raw and not base_url:
        problems.append(ConfigError("must be set when [[subscriptions]] are configured: "
                                    "messages link to the change pages with absolute URLs",
                                    file=file, key="site.base_url"))
    return tuple(s for s in subs if s is not None), problems
