"""Misbehaving servers: the fetcher must fail fast, with one clear line, and never hang or bloat."""

from __future__ import annotations

import gzip
import socket
import struct
import time
import tracemalloc
from dataclasses import replace

import pytest

from tests.support.web import Handler, LocalServer, doc, gzip_bomb, send_headers, unresponsive_port
from tracker.errors import ExtractionError, FetchError
from tracker.extract import extract
from tracker.fetching import fetch_document
from tracker.models import FetchSettings

pytestmark = pytest.mark.timeout(20)


def _drip(h: Handler, piece: bytes, every: float, times: int = 10_000) -> None:
    """Write `piece` every `every` seconds until done or the client hangs up."""
    try:
        for _ in range(times):
            h.wfile.write(piece)
            h.wfile.flush()
            time.sleep(every)
    except OSError:
        pass


# -- retries ----------------------------------------------------------------------------------

def test_500_then_success_is_retried(web: LocalServer, fast: FetchSettings) -> None:
    calls = []

    def flaky(h: Handler) -> None:
        calls.append(time.monotonic())
        if len(calls) == 1:
            h.reply(500, b"oops")
        else:
            h.reply(200, b"<main><p>Policy text.</p></main>")
    web.routes["/p"] = flaky
    result = fetch_document(doc(web.url("/p")), fast)
    assert result.status == 200 and len(calls) == 2
    assert calls[1] - calls[0] >= fast.retry_backoff


def test_persistent_503_reports_attempts(web: LocalServer, fast: FetchSettings) -> None:
    url = web.page("/p", "down", 503)
    with pytest.raises(FetchError) as info:
        fetch_document(doc(url), fast)
    assert str(info.value) == f"HTTP 503 Service Unavailable from {url} (after 3 attempts)"
    assert info.value.transient and info.value.status == 503
    assert len(web.requests_to("/p")) == 3


def test_429_honours_retry_after(web: LocalServer, fast: FetchSettings) -> None:
    calls = []

    def limited(h: Handler) -> None:
        calls.append(time.monotonic())
        if len(calls) == 1:
            h.reply(429, b"slow down", headers={"Retry-After": "1"})
        else:
            h.reply(200, b"<p>ok</p>")
    web.routes["/p"] = limited
    assert fetch_document(doc(web.url("/p")), fast).status == 200
    assert calls[1] - calls[0] >= 0.95  # waited Retry-After, not just the 20 ms backoff


def test_retry_after_beyond_cap_gives_up_for_this_run(web: LocalServer,
                                                      fast: FetchSettings) -> None:
    url = web.page("/p", "later", 429, Retry_After="3600")
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"HTTP 429 Too Many Requests .*Retry-After 3600 s is over"
                                         r" 60 s; next run") as info:
        fetch_document(doc(url), fast)
    assert info.value.transient and time.monotonic() - start < 1
    assert len(web.requests_to("/p")) == 1


# -- network failures -------------------------------------------------------------------------

def test_connection_refused(fast: FetchSettings) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    with pytest.raises(FetchError) as info:
        fetch_document(doc(f"http://127.0.0.1:{port}/privacy"), fast)
    assert str(info.value) == f"connection refused by 127.0.0.1:{port} (after 3 attempts)"
    assert info.value.transient


def test_dns_failure(fast: FetchSettings) -> None:
    # .invalid never resolves (RFC 6761); how fast the resolver says so is the machine's business.
    with pytest.raises(FetchError, match=r"^DNS lookup failed for policy-tracker-test\.invalid$"):
        fetch_document(doc("https://policy-tracker-test.invalid/privacy"), replace(fast, retries=0))


def test_connect_timeout(fast: FetchSettings) -> None:
    with unresponsive_port() as port:
        start = time.monotonic()
        with pytest.raises(FetchError) as info:
            fetch_document(doc(f"http://127.0.0.1:{port}/privacy"), replace(fast, retries=1))
        assert str(info.value) == f"connection to 127.0.0.1:{port} timed out (after 2 attempts)"
        assert time.monotonic() - start < 2.5


def test_read_timeout_when_server_stalls(web: LocalServer, fast: FetchSettings) -> None:
    def stall(h: Handler) -> None:
        send_headers(h, 1000)
        time.sleep(2)
    web.routes["/p"] = stall
    start = time.monotonic()
    with pytest.raises(FetchError, match="timed out waiting for") as info:
        fetch_document(doc(web.url("/p")), replace(fast, retries=0))
    assert info.value.transient and time.monotonic() - start < 1.5


def _drip_body(h: Handler) -> None:  # one byte every 0.1 s: never trips the 0.5 s read timeout
    send_headers(h, 10_000)
    _drip(h, b"a", 0.1)


def _drip_headers(h: Handler) -> None:  # an endless header line, one byte every 0.1 s
    h.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    _drip(h, b"a", 0.1)
    h.close_connection = True


@pytest.mark.parametrize("dripper", [_drip_body, _drip_headers], ids=["body", "headers"])
def test_slow_drip_hits_the_total_deadline(web: LocalServer, fast: FetchSettings,
                                           dripper) -> None:
    web.routes["/p"] = dripper
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"download of .*/p took over 1 s") as info:
        fetch_document(doc(web.url("/p")), replace(fast, retries=0, max_time=1.0))
    assert info.value.transient
    assert time.monotonic() - start < 1.5


def test_close_delimited_body_cut_by_the_deadline_is_not_taken_as_complete(
        web: LocalServer, fast: FetchSettings) -> None:
    def drip_until_close(h: Handler) -> None:  # no Content-Length: the body ends at EOF
        send_headers(h, None)
        _drip(h, b"<p>more policy</p>", 0.05)
    web.routes["/p"] = drip_until_close
    with pytest.raises(FetchError, match="took over 0.6 s"):
        fetch_document(doc(web.url("/p")), replace(fast, retries=0, max_time=0.6))


def test_reset_mid_body(web: LocalServer, fast: FetchSettings) -> None:
    def reset(h: Handler) -> None:
        send_headers(h, 100_000)
        h.wfile.write(b"<p>" + b"x" * 2000)
        h.wfile.flush()
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()  # RST instead of FIN
        h.close_connection = True
    web.routes["/p"] = reset
    with pytest.raises(FetchError, match=r"broke off during .*/p.*\(after 2 attempts\)") as info:
        fetch_document(doc(web.url("/p")), replace(fast, retries=1))
    assert info.value.transient and "\n" not in str(info.value)
    assert len(web.requests_to("/p")) == 2


# -- size caps --------------------------------------------------------------------------------

def test_body_over_cap_without_content_length_stops_streaming(web: LocalServer,
                                                              fast: FetchSettings) -> None:
    def endless(h: Handler) -> None:  # up to 640 MB if nobody stops reading
        send_headers(h, None)
        _drip(h, b"a" * 65536, 0)
    web.routes["/p"] = endless
    with pytest.raises(FetchError, match="larger than the 200,000 byte limit") as info:
        fetch_document(doc(web.url("/p")), replace(fast, max_bytes=200_000))
    assert not info.value.transient
    assert len(web.requests_to("/p")) == 1


def test_gzip_bomb_fails_fast_with_little_memory(web: LocalServer, fast: FetchSettings) -> None:
    web.routes["/bomb"] = gzip_bomb
    tracemalloc.start()
    start = time.monotonic()
    try:
        with pytest.raises(FetchError, match="larger than the 1,000,000 byte limit"):
            fetch_document(doc(web.url("/bomb")), fast)
        elapsed = time.monotonic() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 3
    assert peak < 16 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB while refusing a gzip bomb"


def test_corrupt_gzip_is_a_clear_error(web: LocalServer, fast: FetchSettings) -> None:
    url = web.page("/p", b"\x1f\x8b\x08\x00garbage-not-gzip", Content_Encoding="gzip")
    with pytest.raises(FetchError, match="corrupt gzip body"):
        fetch_document(doc(url), fast)


def test_gzip_stream_cut_short_is_not_a_document(web: LocalServer, fast: FetchSettings) -> None:
    packed = gzip.compress(b"<p>" + b"policy text " * 2000 + b"</p>")
    url = web.page("/p", packed[: len(packed) // 2], Content_Encoding="gzip")
    with pytest.raises(FetchError, match="gzip body from .* ends early") as info:
        fetch_document(doc(url), replace(fast, retries=0))
    assert info.value.transient


def test_unknown_content_encoding_refused(web: LocalServer, fast: FetchSettings) -> None:
    url = web.page("/p", b"\x00\x01", Content_Encoding="br")
    with pytest.raises(FetchError, match="unsupported Content-Encoding 'br'"):
        fetch_document(doc(url), fast)


# -- wrong charsets ---------------------------------------------------------------------------

POLICY = "<html><body><main><h1>Politique de confidentialité</h1><p>Données collectées : " \
         "adresse e-mail, préférences, numéro de téléphone. Reçu à Zürich.</p></main></body></html>"


@pytest.mark.parametrize("body_charset, header", [
    ("latin-1", "text/html; charset=utf-8"),       # latin-1 bytes labelled UTF-8
    ("utf-8", "text/html; charset=iso-8859-1"),     # UTF-8 bytes labelled latin-1
    ("cp1252", "text/html"),                        # no label at all
    ("utf-8", "text/html; charset=klingon"),        # unknown label
    ("utf-8", "text/html; charset=windows-1251"),   # UTF-8 under another single-byte label
])
def test_mislabelled_charsets_decode_sanely(web: LocalServer, fast: FetchSettings,
                                           body_charset: str, header: str) -> None:
    url = web.page("/p", POLICY.encode(body_charset), content_type=header)
    result = fetch_document(doc(url), fast)
    assert result.body is not None
    text = extract(result.body, result.content_type, result.final_url, doc(url),
                   encoding=result.encoding).text
    assert "Politique de confidentialité" in text and "Reçu à Zürich" in text
    assert "Ã" not in text and "\ufffd" not in text


def test_meta_charset_only(web: LocalServer, fast: FetchSettings) -> None:
    page = POLICY.replace("<html>", '<html><head><meta charset="windows-1252"></head>')
    url = web.page("/p", page.encode("cp1252"), content_type="text/html")
    result = fetch_document(doc(url), fast)
    assert result.encoding == "cp1252"
    assert "Données collectées" in extract(result.body or b"", result.content_type, url, doc(url),
                                           encoding=result.encoding).text


# -- 200 pages that are not the document ------------------------------------------------------

@pytest.mark.parametrize("page, reason", [
    ("", "no text extracted"),
    ("<html><body><nav>Home</nav><main>  </main></body></html>", "no text extracted"),
    ("<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1><p>You don't "
     "have permission to access this server. Reference #18.2c.</p></body></html>",
     "access denied page"),
    ("<html><body><h1>Just a moment...</h1><p>Checking your browser before accessing "
     "example.com.</p><div id=\"challenge-form\"></div></body></html>", "bot challenge page"),
    ("<html><body><noscript>x</noscript><div id=app>You need to enable JavaScript to run this "
     "app.</div></body></html>", "\"enable JavaScript\" page"),
])
def test_200_pages_without_a_document_are_rejected(web: LocalServer, fast: FetchSettings,
                                                   page: str, reason: str) -> None:
    url = web.page("/p", page)
    result = fetch_document(doc(url), fast)
    assert result.status == 200
    with pytest.raises(ExtractionError, match=reason):
        extract(result.body or b"", result.content_type, url, doc(url), encoding=result.encoding)
