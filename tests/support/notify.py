"""Real parts for the notification tests: a webhook receiver (a LocalServer) and an SMTP server,
both on 127.0.0.1 and started by the test; policy texts and config writing (the policy website
is the suite's `web` server)."""

from __future__ import annotations

import email
import json
import socket
import time
from dataclasses import dataclass, field
from email import policy as email_policy
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import parse_qs

from .hostile import HOSTILE, HOSTILE_V2
from .web import Handler, LocalServer
from .workspace import Doc, write_config

BASE_URL = "https://policies.example.org/watch/"

POLICY = """# Privacy Policy

Last updated: January 1, 2026

## Information We Collect

We collect your name, e-mail address and payment details when you create an account.

## Sharing

We share data with service providers that process it on our behalf, under contracts that \
protect it. We do not sell your personal information.

## Retention

We keep account data for 30 days after you close your account.
"""
SALE = POLICY.replace("We do not sell your personal information.",
                      "We sell your personal information to data brokers and advertisers "
                      "such as Acxiom.")
RETENTION = POLICY.replace("30 days", "5 years")
COSMETIC = POLICY.replace("January 1, 2026", "February 1, 2026")


def policy_variant(company: str, n: int) -> str:
    """A distinct substantive retention change per n (n = 0: the base text)."""
    text = POLICY.replace("Privacy Policy", f"{company.title()} Privacy Policy")
    return text if n == 0 else text.replace("30 days", f"{30 + n * 7} days")


@dataclass
class Post:
    path: str
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> dict:
        return json.loads(self.body)

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode("utf-8")).items()}


class Hooks:
    """Receives webhook and chat posts on a LocalServer; ``down`` makes it answer 503;
    ``delay`` slows it."""

    def __init__(self, delay: float = 0.0) -> None:
        self.posts: list[Post] = []
        self.requests = 0
        self.down = False
        self.delay = delay
        self.server = LocalServer(fallback=self._receive)
        self.port = self.server.port
        self.httpd = self.server._httpd

    def _receive(self, h: Handler) -> None:
        body = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        self.requests += 1
        if self.delay:
            time.sleep(self.delay)
        if self.down:
            h.send_error(503, "down for maintenance")
            return
        self.posts.append(Post(h.path, h.headers.get("Content-Type", ""), body,
                               dict(h.headers.items())))
        h.reply(200, b"{}", "application/json")

    def __enter__(self) -> Hooks:
        self.server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.__exit__()

    def url(self, scheme: str, path: str) -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def at(self, path: str) -> list[Post]:
        return [p for p in self.posts if p.path.split("?")[0] == path]


class Mailbox:
    """A real SMTP server (aiosmtpd) on 127.0.0.1; messages parsed with ``email``."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.raw: list[bytes] = []
        box = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802
                box.raw.append(envelope.content)
                return "250 OK"

        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> Mailbox:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    def url(self, to: str = "team@example.org") -> str:
        return (f"mailto://127.0.0.1:{self.port}?from=tracker@example.org&to={to}"
                "&mode=insecure")

    @property
    def messages(self) -> list[EmailMessage]:
        return [email.message_from_bytes(raw, policy=email_policy.default)  # type: ignore[misc]
                for raw in self.raw]


def toml_str(value: str) -> str:
    return json.dumps(value)


def write_workspace(root: Path, web: LocalServer, companies: list[str],
                    subscriptions: str, *, base_url: str = BASE_URL) -> Path:
    """A workspace tracking /<company> of ``web`` with the given [[subscriptions]] text."""
    write_config(root, [Doc(slug, "privacy-policy", web.url("/" + slug)) for slug in companies],
                 fetch={"timeout": 5}, site={"base_url": base_url}, title="Test watch")
    with open(root / "tracker.toml", "a", encoding="utf-8") as config:
        config.write("\n" + subscriptions)
    (root / "snapshots").mkdir(exist_ok=True)
    return root


def subscription(name: str, *urls: str, **filters: object) -> str:
    """One [[subscriptions]] table."""
    lines = ["[[subscriptions]]", f"name = {toml_str(name)}",
             f"urls = [{', '.join(toml_str(u) for u in urls)}]"]
    for key, value in filters.items():
        lines.append(f"{key} = {json.dumps(value)}")
    return "\n".join(lines) + "\n\n"


def hostile_texts() -> tuple[str, str]:
    """HOSTILE and HOSTILE_V2 (script tags, event handlers, javascript: links, bidi and control
    characters) without their one-megabyte line."""
    cut = "## Long"
    return HOSTILE.split(cut)[0], HOSTILE_V2.split(cut)[0]

MAJOR = """# Privacy Policy

## Who we are

Acme Data Brokers Ltd. sells consumer profiles to marketers worldwide.

## What we sell

We may sell your personal information, browsing history and precise location to any buyer. \
We keep everything forever.
"""
