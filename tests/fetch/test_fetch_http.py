"""fetch_document / fetch_many against a real local HTTP server."""

from __future__ import annotations

import gzip
import time
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from tests.support.web import LocalServer, doc

from tracker.errors import FetchError
from tracker.fetching import FetchJob, HostThrottle, fetch_document, fetch_many
from tracker.models import FetchResult, FetchSettings

PAGE = "<html><body><main><h1>Privacy</h1><p>We collect very little.</p></main></body></html>"


def test_success_sends_identity_and_returns_metadata(web: LocalServer, fast: FetchSettings) -> None:
    url = web.page("/privacy", PAGE, ETag='"v1"', Last_Modified="Tue, 01 Oct 2024 10:00:00 GMT")
    result = fetch_document(doc(url), fast)
    assert (result.status, result.content_type, result.encoding) == (200, "text/html", "utf-8")
    assert result.body == PAGE.encode() and result.fetcher == "http"
    assert result.url == result.final_url == url
    assert result.etag == '"v1"' and result.last_modified == "Tue, 01 Oct 2024 10:00:00 GMT"
    assert result.fetched_at is not None and result.fetched_at.tzinfo is not None
    [seen] = web.requests_to("/privacy")
    assert seen.headers["user-agent"] == fast.user_agent
    assert "if-none-match" not in seen.headers
    assert seen.headers["accept-encoding"] == "gzip, deflate"


def test_conditional_get_304(web: LocalServer, fast: FetchSettings) -> None:
    def route(h):  # a real conditional server: 304 only when the validator matches
        if h.headers.get("If-None-Match") == '"v1"':
            h.reply(304, b"", headers={"ETag": '"v1"'})
        else:
            h.reply(200, PAGE.encode(), headers={"ETag": '"v1"'})
    web.routes["/p"] = route
    lm = "Tue, 01 Oct 2024 10:00:00 GMT"
    result = fetch_document(doc(web.url("/p")), fast, etag='"v1"', last_modified=lm)
    assert result.status == 304 and result.not_modified and result.body is None
    assert result.etag == '"v1"' and result.last_modified == lm  # validators kept for next run
    seen = web.requests_to("/p")[-1]
    assert seen.headers["if-none-match"] == '"v1"' and seen.headers["if-modified-since"] == lm
    changed = fetch_document(doc(web.url("/p")), fast, etag='"old"')
    assert changed.status == 200 and changed.body == PAGE.encode()


def test_redirects_are_followed_and_relative_locations_resolved(web: LocalServer,
                                                                fast: FetchSettings) -> None:
    web.page("/old", "", 301, Location="/mid?x=1")
    web.page("/mid", "", 302, Location=web.url("/new", host="localhost"))
    final = web.page("/new", PAGE)
    result = fetch_document(doc(web.url("/old")), fast)
    assert result.url == web.url("/old")
    assert result.final_url == web.url("/new", host="localhost") != final
    assert result.body == PAGE.encode()


def test_redirect_loop_is_a_clear_permanent_error(web: LocalServer, fast: FetchSettings) -> None:
    web.page("/a", "", 302, Location="/b")
    web.page("/b", "", 307, Location="/a")
    with pytest.raises(FetchError, match=r"redirect loop: .*/b redirects back to .*/a") as info:
        fetch_document(doc(web.url("/a")), fast)
    assert not info.value.transient
    assert len(web.requests_to("/a")) == 1  # permanent: not retried


def test_too_many_redirects(web: LocalServer, fast: FetchSettings) -> None:
    for i in range(6):
        web.page(f"/r{i}", "", 302, Location=f"/r{i + 1}")
    web.page("/r6", PAGE)
    with pytest.raises(FetchError, match=r"too many redirects \(over 3\)"):
        fetch_document(doc(web.url("/r0")), replace(fast, max_redirects=3))
    assert fetch_document(doc(web.url("/r0")), replace(fast, max_redirects=6)).status == 200


def test_redirect_to_file_url_is_refused_even_when_file_urls_allowed(
        web: LocalServer, fast: FetchSettings) -> None:
    web.page("/sneaky", "", 302, Location="file:///etc/passwd")
    with pytest.raises(FetchError, match="redirects to a non-HTTP URL: file:///etc/passwd"):
        fetch_document(doc(web.url("/sneaky")), replace(fast, allow_file_urls=True))


def test_client_errors_are_not_retried(web: LocalServer, fast: FetchSettings) -> None:
    web.page("/gone", "gone", 410)
    with pytest.raises(FetchError) as info:
        fetch_document(doc(web.url("/gone")), fast)
    assert str(info.value) == f"HTTP 410 Gone from {web.url('/gone')}"
    assert info.value.status == 410 and not info.value.transient
    assert len(web.requests_to("/gone")) == 1


def test_file_urls_refused_unless_allowed(tmp_path: Path, fast: FetchSettings) -> None:
    policy = tmp_path / "policy.md"
    policy.write_text("# Privacy\n\nWe collect nothing.\n", encoding="utf-8")
    with pytest.raises(FetchError, match="file:// URLs are disabled"):
        fetch_document(doc(policy.as_uri()), fast)
    result = fetch_document(doc(policy.as_uri()), replace(fast, allow_file_urls=True))
    assert (result.status, result.content_type, result.fetcher) == (200, "text/markdown", "file")
    assert result.body == policy.read_bytes()
    with pytest.raises(FetchError, match="cannot read"):
        fetch_document(doc((tmp_path / "missing.html").as_uri()), replace(fast, allow_file_urls=True))
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    with pytest.raises(FetchError, match="byte limit"):
        fetch_document(doc(big.as_uri()), replace(fast, allow_file_urls=True, max_bytes=1000))


@pytest.mark.parametrize("scheme_url", ["ftp://127.0.0.1/x", "data:text/html,<p>hi</p>"])
def test_other_schemes_never_fetched(scheme_url: str, fast: FetchSettings) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch_document(doc(scheme_url), replace(fast, allow_file_urls=True))


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
def test_compressed_bodies_are_decoded(web: LocalServer, fast: FetchSettings,
                                       encoding: str) -> None:
    data = (PAGE * 50).encode()
    if encoding == "gzip":
        packed = gzip.compress(data)
    elif encoding == "deflate":
        packed = zlib.compress(data)
    else:  # some servers send raw deflate without the zlib header
        c = zlib.compressobj(wbits=-15)
        packed = c.compress(data) + c.flush()
    url = web.page("/z", packed, Content_Encoding=encoding.replace("raw-", ""))
    assert fetch_document(doc(url), fast).body == data


def test_content_length_over_cap_fails_before_reading(web: LocalServer,
                                                      fast: FetchSettings) -> None:
    url = web.page("/huge", b"x" * 5000)
    with pytest.raises(FetchError, match="larger than the 4,000 byte limit") as info:
        fetch_document(doc(url), replace(fast, max_bytes=4000))
    assert not info.value.transient and len(web.requests_to("/huge")) == 1
    assert fetch_document(doc(url), replace(fast, max_bytes=5000)).body == b"x" * 5000


def test_per_host_delay_spaces_one_host_and_runs_hosts_concurrently(
        web: LocalServer, fast: FetchSettings) -> None:
    delay = 0.4
    web.page("/p", PAGE)
    jobs = [FetchJob("acme", doc(web.url("/p", host), type=f"doc-{i}"))
            for i in range(2) for host in ("127.0.0.1", "localhost")]
    results = list(fetch_many(jobs, replace(fast, per_host_delay=delay, concurrency=2)))
    assert sorted((j.doc.url, j.doc.type) for j, _ in results) == sorted(
        (j.doc.url, j.doc.type) for j in jobs)
    assert all(isinstance(r, FetchResult) and r.status == 200 for _, r in results)
    by_host: dict[str, list[float]] = {}
    for seen in web.requests_to("/p"):
        by_host.setdefault(seen.host.split(":")[0], []).append(seen.at)
    assert set(by_host) == {"127.0.0.1", "localhost"}
    for times in by_host.values():
        assert len(times) == 2 and times[1] - times[0] >= delay - 0.01
    a, b = by_host["127.0.0.1"], by_host["localhost"]
    # the two hosts did not wait for each other: each host's first request arrived before
    # the other host's second one (by arrival order, not elapsed seconds: robust under load)
    assert a[0] < b[1] and b[0] < a[1]


def test_fetch_many_isolates_failures_and_yields_as_completed(web: LocalServer,
                                                               fast: FetchSettings) -> None:
    def slow(h):
        time.sleep(0.5)
        h.reply(200, PAGE.encode())
    web.routes["/slow"] = slow
    web.page("/missing-handler-is-404", "nope", 404)
    jobs = [
        FetchJob("slowco", doc(web.url("/slow", "localhost"))),
        FetchJob("brokenco", doc(web.url("/missing-handler-is-404"))),
        FetchJob("badco", doc("ftp://example.invalid/policy")),
    ]
    order = [(job.company, res) for job, res in fetch_many(jobs, replace(fast, concurrency=3))]
    assert [c for c, _ in order][-1] == "slowco"  # fast failures are reported first
    results = dict(order)
    assert isinstance(results["brokenco"], FetchError) and results["brokenco"].status == 404
    assert isinstance(results["badco"], FetchError) and "only http and https" in str(results["badco"])
    assert isinstance(results["slowco"], FetchResult) and results["slowco"].status == 200


def test_fetch_many_turns_unexpected_exceptions_into_fetch_errors(fast: FetchSettings) -> None:
    # A DocumentConfig with a non-string URL makes the URL parser raise TypeError deep inside.
    bad = FetchJob("weird", doc(12345))  # type: ignore[arg-type]
    [(job, result)] = list(fetch_many([bad], fast))
    assert job is bad and isinstance(result, FetchError)
    assert "unexpected error fetching 12345" in str(result) and "\n" not in str(result)


def test_fetch_many_stops_promptly_when_the_caller_stops_reading(web: LocalServer,
                                                                  fast: FetchSettings) -> None:
    web.page("/p", PAGE)
    jobs = [FetchJob("acme", doc(web.url("/p"), type=f"doc-{i}")) for i in range(20)]
    start = time.monotonic()
    results = fetch_many(jobs, replace(fast, per_host_delay=0.3))
    first_job, first = next(results)
    results.close()  # e.g. the run was interrupted
    assert isinstance(first, FetchResult) and first_job.doc.type == "doc-0"
    assert time.monotonic() - start < 1.5  # did not fetch the other 19 (5.7 s of delays)
    assert len(web.requests_to("/p")) <= 2


def test_fetch_many_with_no_jobs(fast: FetchSettings) -> None:
    assert list(fetch_many([], fast)) == []


def test_host_throttle_spaces_from_the_end_of_the_previous_request() -> None:
    throttle = HostThrottle(0.2)
    start = time.monotonic()
    with throttle.slot("a.test"):
        with throttle.slot("b.test"):  # another host is not held up
            assert time.monotonic() - start < 0.19  # less than the delay: not held up
        time.sleep(0.1)  # a slow request
    ended = time.monotonic()
    with throttle.slot("a.test"):
        assert time.monotonic() - ended >= 0.19
    with throttle.slot(""):  # file:// and the like have no host to be polite to
        pass
