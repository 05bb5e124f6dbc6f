"""Real parts for the notification tests: a policy website, a webhook receiver and an SMTP
server, all on 127.0.0.1 and started by the test; policy texts and config writing."""

from __future__ import annotations

import email
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from email import policy as email_policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

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


class _Server:
    """A ThreadingHTTPServer on 127.0.0.1 with a handler built by the subclass."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class PolicySite(_Server):
    """Text pages at http://127.0.0.1:PORT/<path>; tests set ``pages[path]``."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                text = site.pages.get(self.path)
                if text is None:
                    self.send_error(404)
                    return
                body = text.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(Handler)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


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


class Hooks(_Server):
    """Receives webhook and chat posts; ``down`` makes it answer 503; ``delay`` slows it."""

    def __init__(self, delay: float = 0.0) -> None:
        self.posts: list[Post] = []
        self.requests = 0
        self.down = False
        self.delay = delay
        hooks = self

        class Handler(BaseHTTPRequestHandler):
            def _read(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                hooks.requests += 1
                if hooks.delay:
                    time.sleep(hooks.delay)
                if hooks.down:
                    self.send_error(503, "down for maintenance")
                    return
                hooks.posts.append(Post(self.path, self.headers.get("Content-Type", ""), body,
                                        dict(self.headers.items())))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            do_POST = do_PUT = _read  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(Handler)

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


def write_workspace(root: Path, site: PolicySite, companies: list[str],
                    subscriptions: str, *, base_url: str = BASE_URL) -> Path:
    """A workspace tracking /<company> of ``site`` with the given [[subscriptions]] text."""
    lines = ["[site]", 'title = "Test watch"', f"base_url = {toml_str(base_url)}", "",
             "[fetch]", 'user_agent = "policy-tracker-tests (+https://example.org/contact)"',
             "per_host_delay = 0", "timeout = 5", "retries = 0", ""]
    for slug in companies:
        lines += ["[[companies]]", f'slug = "{slug}"', f'name = "{slug.title()} Inc."', "",
                  "[[companies.documents]]", 'type = "privacy-policy"',
                  f"url = {toml_str(site.url('/' + slug))}", ""]
    root.mkdir(parents=True, exist_ok=True)
    (root / "tracker.toml").write_text("\n".join(lines) + "\n" + subscriptions, "utf-8")
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
    """HOSTILE and HOSTILE_V2 of tests/faults/test_hostile_content.py (script tags, event
    handlers, javascript: links, bidi and control characters), read from that file without
    importing it, and without its one-megabyte line."""
    import ast

    source = Path(__file__).resolve().parent.parent / "faults" / "test_hostile_content.py"
    namespace: dict[str, object] = {}
    for node in ast.parse(source.read_text("utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and \
                node.targets[0].id in ("WORDS", "LONG_LINE", "HOSTILE", "HOSTILE_V2"):
            exec(compile(ast.Module([node], []), str(source), "exec"), namespace)
    cut = "## Long"
    return (str(namespace["HOSTILE"]).split(cut)[0],
            str(namespace["HOSTILE_V2"]).split(cut)[0])

MAJOR = """# Privacy Policy

## Who we are

Acme Data Brokers Ltd. sells consumer profiles to marketers worldwide.

## What we sell

We may sell your personal information, browsing history and precise location to any buyer. \
We keep everything forever.
"""
