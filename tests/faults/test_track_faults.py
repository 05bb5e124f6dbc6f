"""Per-document faults through `tracker track`, as cron runs it.

Each case: a workspace of three documents on a real local server is tracked once (all good),
then one document misbehaves while the other two change. The run must print exactly one
`FAILED company/doc: ...` line for the bad document, record nothing for it (plain `git log`
unchanged, last good text intact), record the two others, keep the failure in the state file
and exit 1.
"""

from __future__ import annotations


import json
import random
import socket
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.cli import assert_no_traceback, cli
from tests.support.git import doc_log, fsck, git
from tests.support.web import gzip_bomb, Handler, LocalServer, send_headers, unresponsive_port
from tests.support.workspace import Doc, policy_page, write_config

pytestmark = pytest.mark.timeout(60)

BAD = ("acme", "terms-of-service")


@dataclass
class Case:
    """How a document goes bad: a route on the server, and/or config changes for it."""

    setup: Callable[["Scene"], None]
    error: str                    # regex the FAILED line's message must match


@dataclass
class Scene:
    web: LocalServer
    root: Path
    docs: list[Doc]
    fetch: dict[str, object] = field(default_factory=dict)
    cleanup: list[Callable[[], None]] = field(default_factory=list)

    @property
    def bad(self) -> Doc:
        return next(d for d in self.docs if (d.company, d.doc_type) == BAD)

    def route(self, handler: Callable[[Handler], None]) -> None:
        self.web.routes["/acme/terms"] = handler


def _serve(web: LocalServer, version: int) -> None:
    web.page("/acme/privacy", policy_page("Acme Privacy Policy", version))
    web.page("/acme/terms", policy_page("Acme Terms of Service", 1))  # the bad one: v1 only
    web.page("/globex/privacy", policy_page("Globex Privacy Notice", version))


def _closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def _refused(s: Scene) -> None:
    s.bad.url = f"http://127.0.0.1:{_closed_port()}/terms"


def _dns(s: Scene) -> None:
    s.bad.url = "http://policy-tracker-test.invalid/terms"


def _connect_timeout(s: Scene) -> None:
    ports = unresponsive_port()  # like a firewalled host: SYNs are dropped
    s.bad.url = f"http://127.0.0.1:{ports.__enter__()}/terms"
    s.cleanup.append(lambda: ports.__exit__(None, None, None))


def _stall(s: Scene) -> None:
    def stall(h: Handler) -> None:
        send_headers(h, 1000)
        time.sleep(1.5)
    s.route(stall)


def _drip(s: Scene) -> None:
    def drip(h: Handler) -> None:  # a byte every 0.1 s never trips the 0.5 s read timeout
        send_headers(h, 100_000)
        try:
            for _ in range(100):
                h.wfile.write(b"<p>")
                h.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass
    s.route(drip)


def _reset(s: Scene) -> None:
    def reset(h: Handler) -> None:
        send_headers(h, 100_000)
        h.wfile.write(b"<html><body><main><p>" + b"x" * 2000)
        h.wfile.flush()
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()  # RST, not FIN
        h.close_connection = True
    s.route(reset)


def _status(code: int, **headers: str) -> Callable[[Scene], None]:
    def setup(s: Scene) -> None:
        hdrs = {k.replace("_", "-"): v for k, v in headers.items()}
        s.route(lambda h: h.reply(code, policy_page("Error page", 99), headers=hdrs))
    return setup


def _redirect_loop(s: Scene) -> None:
    s.web.routes["/acme/terms"] = lambda h: h.reply(302, b"", headers={"Location": "/acme/t2"})
    s.web.routes["/acme/t2"] = lambda h: h.reply(301, b"", headers={"Location": "/acme/terms"})


def _redirect_chain(s: Scene) -> None:
    for i in range(20):
        s.web.routes[f"/hop{i}"] = (lambda n: lambda h: h.reply(
            302, b"", headers={"Location": f"/hop{n + 1}"}))(i)
    s.route(lambda h: h.reply(302, b"", headers={"Location": "/hop0"}))


def _redirect_to_file(s: Scene) -> None:
    s.route(lambda h: h.reply(302, b"", headers={"Location": "file:///etc/passwd"}))


def _too_big(s: Scene) -> None:
    s.route(lambda h: h.reply(200, policy_page("Terms", 2, "<p>padding</p>" * 20_000)))


def _endless(s: Scene) -> None:
    def endless(h: Handler) -> None:
        send_headers(h, None)
        try:
            h.wfile.write(b"<html><body><main>")
            for _ in range(10_000):  # 640 MB if nobody stops reading
                h.wfile.write(b"<p>" + b"a" * 65_536 + b"</p>")
        except OSError:
            pass
    s.route(endless)


def _gzip_bomb(s: Scene) -> None:
    s.route(gzip_bomb)


def _corrupt_gzip(s: Scene) -> None:
    s.route(lambda h: h.reply(200, b"\x1f\x8b\x08\x00garbage-not-gzip",
                              headers={"Content-Encoding": "gzip"}))


def _page(html: str, content_type: str = "text/html; charset=utf-8") -> Callable[[Scene], None]:
    def setup(s: Scene) -> None:
        s.route(lambda h: h.reply(200, html.encode("utf-8"), content_type))
    return setup


def _binary_as_html(s: Scene) -> None:
    garbage = random.Random(7).randbytes(20_000)
    s.route(lambda h: h.reply(200, garbage, "text/html"))


def _selector_misses(s: Scene) -> None:
    s.bad.extra.append('select = ["article.terms-body"]')
    s.route(lambda h: h.reply(200, policy_page("Acme Terms of Service", 2)))


def _shrunk(s: Scene) -> None:
    s.route(lambda h: h.reply(200, b"<html><body><main><h1>Terms</h1><p>We may change these "
                                   b"terms.</p></main></body></html>"))


CASES: dict[str, Case] = {
    "connection-refused": Case(_refused, r"connection refused by 127\.0\.0\.1:\d+"),
    "dns-failure": Case(_dns, r"DNS lookup failed for policy-tracker-test\.invalid"),
    "connect-timeout": Case(_connect_timeout, r"connection to 127\.0\.0\.1:\d+ timed out"),
    "read-timeout": Case(_stall, r"timed out waiting for http://127\.0\.0\.1:\d+/acme/terms"),
    "slow-drip": Case(_drip, r"download of http://127\.0\.0\.1:\d+/acme/terms took over 2 s"),
    "reset-mid-body": Case(_reset, r"connection to 127\.0\.0\.1:\d+ broke off during "),
    "http-403": Case(_status(403), r"HTTP 403 Forbidden from http://127\.0\.0\.1:\d+/acme/terms"),
    "http-404": Case(_status(404), r"HTTP 404 Not Found from http://"),
    "http-410": Case(_status(410), r"HTTP 410 Gone from http://"),
    "http-500": Case(_status(500), r"HTTP 500 Internal Server Error from http://"),
    "http-503": Case(_status(503), r"HTTP 503 Service Unavailable from http://"),
    "429-retry-after-too-long": Case(_status(429, Retry_After="3600"),
                                     r"HTTP 429 Too Many Requests .*Retry-After 3600 s is over "
                                     r"60 s; next run"),
    "redirect-loop": Case(_redirect_loop, r"redirect loop: .*/acme/t2 redirects back to "),
    "redirect-chain": Case(_redirect_chain, r"too many redirects \(over 10\)"),
    "redirect-to-file": Case(_redirect_to_file, r"redirects to a non-HTTP URL: file:///etc/passwd"),
    "body-over-cap": Case(_too_big, r"larger than the 100,000 byte limit \(max_bytes\)"),
    "endless-body": Case(_endless, r"larger than the 100,000 byte limit"),
    "gzip-bomb": Case(_gzip_bomb, r"larger than the 100,000 byte limit"),
    "corrupt-gzip": Case(_corrupt_gzip, r"corrupt gzip body from "),
    "no-extractable-text": Case(_page("<html><body><div id=app></div><script>render()</script>"
                                      "</body></html>"),
                                r"no text extracted from .*try browser = true"),
    "not-a-document": Case(_page("\x89PNG fake", "image/png"), r"unsupported content type"),
    "binary-as-html": Case(_binary_as_html, r"binary data instead of a text document at .*"
                                            r"\(served as text/html"),
    "access-denied": Case(_page("<html><body><h1>Access Denied</h1><p>You don't have "
                                "permission to access this server.</p></body></html>"),
                          r"access denied page instead of the document at "),
    "captcha": Case(_page("<html><body><main><h1>Are you a robot?</h1><p>Please complete the "
                          "security check to access this page.</p></main></body></html>"),
                    r"captcha page instead of the document"),
    "cloudflare": Case(_page("<html><head><title>Just a moment...</title></head><body>"
                             "<div id=\"challenge-form\">Checking your browser before accessing"
                             " acme.example.</div></body></html>"),
                       r"(bot challenge|Cloudflare challenge) page instead of the document"),
    "cookie-wall": Case(_page("<html><body><main><h1>We value your privacy</h1><p>We and our "
                              "partners use cookies to personalise content.</p>"
                              "<button>Accept all</button><button>Manage preferences</button>"
                              "</main></body></html>"),
                        r"cookie wall instead of the document"),
    "selector-matches-nothing": Case(_selector_misses,
                                     r"selector 'article\.terms-body' matched nothing"),
    "drastic-shrink": Case(_shrunk, r"shrank from [\d,]+ to \d+ characters .*keeping the last "
                                    r"good version"),
}


def _scene(web: LocalServer, root: Path) -> Scene:
    docs = [Doc("acme", "privacy-policy", web.url("/acme/privacy")),
            Doc("acme", "terms-of-service", web.url("/acme/terms")),
            Doc("globex", "privacy-policy", web.url("/globex/privacy"))]
    return Scene(web, root, docs, fetch={"max_bytes": 100_000})


def _baseline(scene: Scene) -> str:
    """First run: everything good and recorded; returns the bad document's text."""
    _serve(scene.web, 1)
    write_config(scene.root, scene.docs, fetch=scene.fetch)
    first = cli(scene.root, "track")
    assert first.exit_code == 0, first.output
    assert sorted(first.stdout.split("\n")[:-1]) == sorted(
        f"NEW      {d.company}/{d.doc_type}: first version recorded "
        f"({doc_log(scene.root / 'snapshots' / d.company, d.doc_type)[0][:10]})"
        for d in scene.docs)
    return (scene.root / "snapshots/acme/terms-of-service.md").read_text("utf-8")


@pytest.mark.parametrize("name", list(CASES))
def test_one_bad_document_fails_alone(web: LocalServer, tmp_path: Path, name: str) -> None:
    scene = _scene(web, tmp_path / "ws")
    good_text = _baseline(scene)
    acme, globex = scene.root / "snapshots/acme", scene.root / "snapshots/globex"
    bad_log = doc_log(acme, "terms-of-service")

    _serve(web, 2)  # the two good documents change
    case = CASES[name]
    try:
        case.setup(scene)
        write_config(scene.root, scene.docs, fetch=scene.fetch)
        start = time.monotonic()
        result = cli(scene.root, "track")
        elapsed = time.monotonic() - start
    finally:
        for close in scene.cleanup:
            close()

    assert result.exit_code == 1, result.output
    assert_no_traceback(result.stdout, result.stderr)
    errors = result.stderr.splitlines()
    assert len(errors) == 1, result.stderr
    prefix = "FAILED   acme/terms-of-service: "
    assert errors[0].startswith(prefix), errors
    message = errors[0][len(prefix):]
    assert __import__("re").search(case.error, message), message
    # the two good documents were recorded in the same run (line: verdict and headline)
    changed = sorted(result.stdout.splitlines())
    assert len(changed) == 2, changed
    for line, name in zip(changed, ("acme/privacy-policy", "globex/privacy-policy")):
        assert __import__("re").fullmatch(rf"CHANGED  {name} \[[a-z]+\] \S.*", line), line
    assert len(doc_log(acme, "privacy-policy")) == len(doc_log(globex, "privacy-policy")) == 2
    # nothing recorded for the bad one: history and text untouched, repository clean
    assert doc_log(acme, "terms-of-service") == bad_log
    assert (acme / "terms-of-service.md").read_text("utf-8") == good_text
    assert git(acme, "status", "--porcelain") == ""
    fsck(acme)
    # the failure is remembered for `tracker status` and the site
    state = json.loads((scene.root / ".tracker/state.json").read_text("utf-8"))
    bad_state = state["documents"]["acme/terms-of-service"]
    assert bad_state["consecutive_failures"] == 1 and bad_state["last_error"] == message
    assert state["documents"]["acme/privacy-policy"]["consecutive_failures"] == 0
    assert elapsed < 10, f"{name}: the run took {elapsed:.1f} s"


def test_429_with_retry_after_is_retried_and_recorded_within_the_run(web: LocalServer,
                                                                    tmp_path: Path) -> None:
    scene = _scene(web, tmp_path / "ws")
    _baseline(scene)
    _serve(web, 2)
    calls: list[float] = []

    def limited(h: Handler) -> None:
        calls.append(time.monotonic())
        if len(calls) == 1:
            h.reply(429, b"slow down", "text/plain", headers={"Retry-After": "1"})
        else:
            h.reply(200, policy_page("Acme Terms of Service", 2))
    scene.route(limited)
    scene.fetch["retries"] = 1
    write_config(scene.root, scene.docs, fetch=scene.fetch)
    result = cli(scene.root, "track")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "CHANGED  acme/terms-of-service [" in result.stdout
    assert len(calls) == 2 and calls[1] - calls[0] >= 0.95  # waited for Retry-After
    assert "revision 2 of the Acme Terms" in (
        scene.root / "snapshots/acme/terms-of-service.md").read_text("utf-8")
    assert len(doc_log(scene.root / "snapshots/acme", "terms-of-service")) == 2


@pytest.mark.parametrize("body_charset, header", [
    ("cp1252", "text/html; charset=utf-8"),      # Western bytes labelled UTF-8
    ("utf-8", "text/html; charset=iso-8859-1"),  # UTF-8 bytes labelled Latin-1
    ("utf-8", "text/html; charset=klingon"),     # a label nobody knows
])
def test_mislabelled_charset_is_recorded_as_the_right_text(web: LocalServer, tmp_path: Path,
                                                           body_charset: str, header: str) -> None:
    """Not a failure: the right characters are recorded, never mojibake or U+FFFD."""
    text = ("Données collectées : adresse e-mail, préférences, numéro de téléphone. Reçu à "
            "Zürich – « confidentialité » €5.")
    page = (f"<html><body><main><h1>Politique de confidentialité</h1><p>{text}</p>"
            f"<p>{text}</p></main></body></html>")
    web.page("/fr", page.encode(body_charset), content_type=header)
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", web.url("/fr"))])
    result = cli(root, "track")
    assert result.exit_code == 0, result.output
    recorded = git(root / "snapshots/acme", "show", "HEAD:privacy-policy.md")
    assert "# Politique de confidentialité" in recorded and text in recorded
    assert "\ufffd" not in recorded and "Ã" not in recorded


def _status_entries(root: Path) -> list[tuple[str, str]]:
    import feedparser

    for name in ("status.atom", "status.rss"):
        parsed = feedparser.parse((root / "public/feeds" / name).read_bytes())
        assert not parsed.bozo, parsed.get("bozo_exception")
    parsed = feedparser.parse((root / "public/feeds/status.atom").read_bytes())
    return [(e.title, e.id) for e in parsed.entries]


@pytest.mark.slow
def test_repeated_failures_are_tracked_reported_and_announced_once(web: LocalServer,
                                                                   tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    root = tmp_path / "ws"
    _serve(web, 1)
    docs = [Doc("acme", "privacy-policy", web.url("/acme/privacy")),
            Doc("acme", "terms-of-service", web.url("/acme/terms"))]
    write_config(root, docs, site={"failure_threshold": 2})
    assert cli(root, "track").exit_code == 0

    web.page("/acme/terms", "<h1>Internal error</h1>", 500)
    states = []
    for run in range(3):   # reported when it starts failing and at the threshold only
        result = cli(root, "track")
        assert result.exit_code == 1, result.output
        assert result.stderr.count("\n") == (1, 1, 0)[run], result.output
        states.append(json.loads((root / ".tracker/state.json").read_text("utf-8"))
                      ["documents"]["acme/terms-of-service"])
        assert states[-1]["consecutive_failures"] == run + 1
    first_failure = states[0]["last_attempt"]
    assert all(s["first_failure"] == first_failure for s in states)
    error = f"HTTP 500 Internal Server Error from {web.url('/acme/terms')}"
    assert states[-1]["last_error"] == error

    listing = cli(root, "list")
    assert listing.exit_code == 0
    row = next(line for line in listing.stdout.splitlines() if "acme/terms-of-service" in line)
    assert row.split()[1] == "1" and row.endswith(f"failing x3: {error}")
    status = cli(root, "status")
    assert status.exit_code == 1
    day = first_failure[:10]
    assert status.stdout.splitlines() == [
        "2 documents, 1 failing.",
        f"FAILING  acme/terms-of-service: 3 consecutive failure(s) since {day} "
        f"{first_failure[11:16]}; last error: {error}"]

    assert cli(root, "build").exit_code == 0
    entries = _status_entries(root)
    assert [t for t, _ in entries] == ["Acme Inc. Terms of Service is failing"], entries
    page = BeautifulSoup((root / "public/status.html").read_text("utf-8"), "html.parser")
    row_text = next(tr.get_text(" ", strip=True) for tr in page.select("tr")
                    if "Terms" in tr.get_text())
    assert "3" in row_text.split() and error in row_text

    web.page("/acme/terms", policy_page("Acme Terms of Service", 1))  # the server recovers
    for _ in range(2):
        result = cli(root, "run")
        assert result.exit_code == 0, result.output
        # nothing on stderr but the build's one reminder that base_url is not set
        assert [line for line in result.stderr.splitlines()
                if not line.startswith("Warning: feeds were built without base_url")] == []
    state = json.loads((root / ".tracker/state.json").read_text("utf-8"))
    recovered = state["documents"]["acme/terms-of-service"]
    assert recovered["consecutive_failures"] == 0 and recovered["last_error"] is None
    entries = _status_entries(root)
    assert len(entries) == 2 and len({i for _, i in entries}) == 2, entries
    assert [t for t, _ in entries] == ["Acme Inc. Terms of Service recovered",
                                       "Acme Inc. Terms of Service is failing"]
    assert cli(root, "status").stdout == "2 documents, 0 failing.\n"
