"""fetch_many's schedule against real servers on several loopback hosts: the per-host delay
is never broken (retries and redirects included), and workers never sit out a host's delay."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from tests.support.web import Handler, Hosts, doc

from tracker.fetching import FetchJob, fetch_many
from tracker.models import FetchResult, FetchSettings

TOLERANCE = 0.01  # clock and scheduling tolerance, seconds


def test_no_two_requests_to_one_host_closer_than_the_delay(hosts: Hosts,
                                                           fast: FetchSettings) -> None:
    """3 hosts x 4 documents, one behind a same-host redirect and one failing once (a retry
    whose backoff is far shorter than the delay): every gap at every host >= the delay."""
    delay = 0.2
    jobs = [FetchJob(f"co{h}", doc(hosts.url(host, path), type=f"d{i}"))
            for h, host in enumerate(hosts.hosts)
            for i, path in enumerate(["/doc1", "/doc2", "/moved3", "/flaky4"])]
    settings = replace(fast, per_host_delay=delay, concurrency=8, retries=2, retry_backoff=0.01)
    results = list(fetch_many(jobs, settings))
    assert len(results) == 12
    assert all(isinstance(r, FetchResult) and r.status == 200 for _, r in results), results
    gaps = hosts.gaps()
    assert sorted(gaps) == hosts.hosts
    for host, host_gaps in gaps.items():
        assert len(host_gaps) == 5  # 6 requests: 4 documents + 1 redirect hop + 1 retry
        assert min(host_gaps) >= delay - TOLERANCE, (host, host_gaps)
    # the three hosts' chains (5 delays each) ran side by side, not one after the other:
    # every host was first contacted before any host's chain had finished
    first = {h: min(at for host, _, at in hosts.arrivals if host == h) for h in hosts.hosts}
    last = {h: max(at for host, _, at in hosts.arrivals if host == h) for h in hosts.hosts}
    assert max(first.values()) < min(last.values())


def test_a_single_worker_serves_other_hosts_while_one_waits_out_its_delay(
        fast: FetchSettings) -> None:
    """concurrency = 1 and 2 hosts x 3 documents: binding the worker to a host would take two
    whole chains (4 delays); interleaving the hosts takes about one (2 delays)."""
    delay = 0.3
    hosts = Hosts(2, latency=0.01)
    try:
        jobs = [FetchJob(f"co{h}", doc(hosts.url(host, f"/doc{i}"), type=f"d{i}"))
                for h, host in enumerate(hosts.hosts) for i in range(3)]
        results = list(fetch_many(jobs, replace(fast, per_host_delay=delay, concurrency=1)))
    finally:
        hosts.close()
    assert all(isinstance(r, FetchResult) for _, r in results)
    assert hosts.max_in_flight == 1  # concurrency is the number of requests in flight
    assert all(min(g) >= delay - TOLERANCE for g in hosts.gaps().values())
    # each host's documents in configured order
    for host in hosts.hosts:
        assert [p for h, p, _ in hosts.arrivals if h == host] == ["/doc0", "/doc1", "/doc2"]
    # the worker did not sit out a delay: while one host waited, it served the other, so the
    # hosts alternate (host by host would be h0 h0 h0 h1 h1 h1)
    order = [h for h, _, _ in hosts.arrivals]
    assert all(a != b for a, b in zip(order, order[1:])), order


def test_a_redirect_to_another_busy_host_waits_for_that_host(hosts: Hosts,
                                                              fast: FetchSettings) -> None:
    """A page on host A that redirects to host B counts as a request to B: it respects B's
    delay even though the scheduler handed out A."""
    delay = 0.25
    a, b = hosts.hosts[:2]

    jobs = [FetchJob("b", doc(hosts.url(b, "/doc1"), type="d1")),
            FetchJob("a", doc(hosts.url(a, "/hop"), type="d2"))]

    # /hop on A is served by a route that redirects to B's /doc2
    original = hosts.answer

    def answer(h: Handler, host: str) -> None:
        if h.path == "/hop":
            h.reply(302, headers={"Location": hosts.url(b, "/doc2")})
            return
        original(h, host)

    hosts.answer = answer  # type: ignore[method-assign]
    try:
        results = list(fetch_many(jobs, replace(fast, per_host_delay=delay, concurrency=4)))
    finally:
        hosts.answer = original  # type: ignore[method-assign]
    assert all(isinstance(r, FetchResult) and r.status == 200 for _, r in results), results
    b_paths = [p for h, p, _ in hosts.arrivals if h == b]
    assert sorted(b_paths) == ["/doc1", "/doc2"]
    assert min(hosts.gaps()[b]) >= delay - TOLERANCE


def test_a_caller_that_falls_behind_holds_the_workers_back(
        hosts: Hosts, fast: FetchSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Downloaded bodies never pile up without bound: with a backlog of 2, a caller that
    stops reading leaves at most backlog + workers (+ the one it holds) fetched."""
    import tracker.fetching.schedule

    monkeypatch.setattr(tracker.fetching.schedule, "RESULTS_BACKLOG", 2)
    jobs = [FetchJob("co", doc(hosts.url(host, f"/doc{i}"), type=f"d{i}"))
            for host in hosts.hosts for i in range(4)]
    results = fetch_many(jobs, replace(fast, per_host_delay=0.0, concurrency=2))
    first = next(results)
    time.sleep(0.4)  # the caller is busy; the workers would fetch all 12 in this time
    assert len(hosts.arrivals) <= 1 + (2 + 2) + 2
    rest = list(results)
    assert len(rest) == 11 and all(isinstance(r, FetchResult) for _, r in [first, *rest])
    assert len(hosts.arrivals) == 12
