"""Wayback backfill against a fake archive on 127.0.0.1 (CDX API + id_ snapshots)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.support.archive import CDX_FIELDS, FakeArchive, Reply
from tests.support.git import fsck, git
from tests.support.records import META, ex
from tracker.models import DocumentConfig, FetchSettings
from tracker.ingest.wayback import ArchiveClient, backfill, list_captures, parse_cdx

POLICY_URL = "https://acme.test/privacy"
DOC = DocumentConfig(type="privacy-policy", url=POLICY_URL, title="Privacy Policy")
FAST = FetchSettings(per_host_delay=0.0, retries=1, timeout=5.0, retry_backoff=0.05,
                     user_agent="policy-tracker-test/1.0 (+https://example.test)")
RPM = 60_000  # 1 ms between requests: tests stay fast


def page(body: str, chrome: str = "") -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Privacy</title></head>"
            f"<body><nav><a href='/'>Home</a>{chrome}</nav><main><h1>Privacy Policy</h1>"
            f"{body}</main><footer>© Acme</footer></body></html>").encode()


def run(repo, archive: FakeArchive, **kw):
    kw.setdefault("requests_per_minute", RPM)
    return backfill(repo, "Acme Inc", DOC, FAST, base_url=archive.base, **kw)


# ------------------------------------------------------------------------------- CDX

def test_cdx_rows_are_read_by_header_names_in_both_shapes():
    default = [CDX_FIELDS,
               ["test,acme)/privacy", "20190105120000", POLICY_URL, "text/html", "200", "AAA",
                "1234"],
               ["test,acme)/privacy", "20200105", POLICY_URL, "text/html", "200", "BBB", "99"],
               [], ["resume-key-1"]]
    caps, resume = parse_cdx(default)
    assert [(c.timestamp, c.original, c.mimetype, c.digest) for c in caps] == [
        ("20190105120000", POLICY_URL, "text/html", "AAA"),
        ("20200105000000", POLICY_URL, "text/html", "BBB")]
    assert resume == "resume-key-1"
    limited = [["digest", "original", "timestamp"], ["CCC", POLICY_URL, "20210101000000"]]
    caps, resume = parse_cdx(limited)
    assert [(c.timestamp, c.digest, c.mimetype) for c in caps] == [("20210101000000", "CCC", "")]
    assert resume is None
    assert parse_cdx([]) == ([], None)
    # a row the filter should have removed is dropped; broken answers are refused
    assert parse_cdx([["timestamp", "original", "statuscode"],
                      ["20210101000000", POLICY_URL, "404"]]) == ([], None)
    for bad in ({"a": 1}, [["urlkey", "length"], ["x", "1"]], [["timestamp", "original"], ["1"]],
                [["timestamp", "original"], ["yesterday", POLICY_URL]]):
        with pytest.raises(ValueError):
            parse_cdx(bad)


def test_thousands_of_captures_are_listed_page_by_page(archive: FakeArchive):
    for i in range(2500):
        day = datetime.fromtimestamp(1_500_000_000 + i * 86_400, timezone.utc)
        archive.add(POLICY_URL, day.strftime("%Y%m%d%H%M%S"), b"x", digest=f"D{i}")
    with ArchiveClient(FAST, RPM) as client:
        caps = list_captures(client, archive.base, POLICY_URL)
        assert len(caps) == 2500 and len({c.timestamp for c in caps}) == 2500
        assert [c.timestamp for c in caps] == sorted(c.timestamp for c in caps)
        queries = archive.cdx_queries()
        assert len(queries) == 3
        assert all(q["limit"] == ["1000"] and q["showResumeKey"] == ["true"] for q in queries)
        assert "resumeKey" not in queries[0]
        assert queries[1]["resumeKey"] != queries[2]["resumeKey"]
        # from/to narrow the listing on the archive's side; limit caps it
        some = list_captures(client, archive.base, POLICY_URL, since=datetime(2018, 1, 1),
                             until=datetime(2018, 1, 31, 23, 59, 59), page_size=7)
        assert [c.timestamp[:8] for c in some] == [f"201801{d:02d}" for d in range(1, 32)]
        q = archive.cdx_queries()[-1]
        assert q["from"] == ["20180101000000"] and q["to"] == ["20180131235959"]
        assert len(archive.cdx_queries()) == 3 + 5
        assert len(list_captures(client, archive.base, POLICY_URL, limit=1500)) == 1500
        assert archive.cdx_queries()[-1]["limit"] == ["500"]


# -------------------------------------------------------------------------- backfill

def test_backfill_builds_dated_history_and_reports_failures(archive: FakeArchive, repo,
                                                            repo_path):
    archive.add(POLICY_URL, "20190105120000", page("<p>We collect your e-mail address.</p>"))
    archive.add(POLICY_URL, "20200301000000",
                page("<p>We collect your e-mail address.</p>", chrome="<a href='/x'>Ad</a>"))
    archive.add(POLICY_URL, "20210101000000", b"", replies=[Reply(500, b"archive error")])
    archive.add(POLICY_URL, "20210601000000", b"<html><body></body></html>")  # no text
    archive.add(POLICY_URL, "20211010000000", b"gone", replies=[Reply(404, b"gone")])
    archive.add(POLICY_URL, "20220715083000", page("<p>We collect your e-mail and phone.</p>"),
                replies=[Reply(429, b"slow down", {"Retry-After": "0"}),
                         Reply(200, page("<p>We collect your e-mail and phone.</p>"),
                               {"Content-Type": "text/html; charset=utf-8"})])
    live = repo.record("privacy-policy", ex("# Privacy Policy\n\nLive text of 2024."), META,
                       datetime(2024, 2, 1, tzinfo=timezone.utc), "Privacy Policy")

    report = run(repo, archive, page_size=2)

    assert (report.captures, report.downloaded, report.recorded, report.duplicates) == \
        (6, 4, 2, 1)
    assert [e.split(":")[0] for e in report.errors] == [
        "capture 20210101000000", "capture 20210601000000", "capture 20211010000000"]
    assert "HTTP 500" in report.errors[0] and "HTTP 404" in report.errors[2]
    assert report.rebuilt and report.existing == 1 and report.kept == 1
    assert report.rebuild_note("acme/privacy-policy") == \
        "rebuilt history of acme/privacy-policy in date order, 1 existing versions kept"
    assert report.summary() == ("6 captures found, 4 downloaded, 2 recorded, 1 skipped as "
                                "duplicates, 3 failed")
    versions = repo.versions("privacy-policy")
    assert [v.date.isoformat() for v in versions] == [
        "2024-02-01T00:00:00+00:00", "2022-07-15T08:30:00+00:00", "2019-01-05T12:00:00+00:00"]
    assert versions[0].commit != live  # rebuilt on top of the older history, same content
    assert versions[0].subject == "Record new changes of Acme Inc Privacy Policy"
    assert versions[-1].subject == "First record of Acme Inc Privacy Policy"
    oldest = versions[-1]
    assert oldest.trailers["Fetcher"] == "wayback"
    assert oldest.trailers["Source-URL"] == f"{archive.base}/web/20190105120000id_/{POLICY_URL}"
    assert oldest.trailers["HTTP-Status"] == "200"
    assert oldest.trailers["Content-Type"] == "text/html"
    raw, ext = repo.raw_at(oldest.commit, "privacy-policy")
    assert ext == "html" and raw == page("<p>We collect your e-mail address.</p>")
    assert repo.text_at(versions[0].commit, "privacy-policy") == \
        "# Privacy Policy\n\nLive text of 2024.\n"
    dates = git(repo_path, "log", "--format=%at").split()
    assert dates == sorted(dates, reverse=True)
    fsck(repo_path)

    # the CDX query asks for distinct status-200 captures, page by page
    queries = archive.cdx_queries()
    assert len(queries) == 3
    assert queries[0] == {"url": [POLICY_URL], "output": ["json"], "filter": ["statuscode:200"],
                          "collapse": ["digest"], "showResumeKey": ["true"], "limit": ["2"]}
    assert all(h.get("User-Agent") == FAST.user_agent for _, h, _ in archive.requests)
    # each capture once, plus one retry of the 500 and of the 429 (a 404 is not retried)
    assert archive.snapshot_requests() == [
        "20190105120000", "20200301000000", "20210101000000", "20210101000000",
        "20210601000000", "20211010000000", "20220715083000", "20220715083000"]

    # again: nothing recorded twice, the branch does not move, and no capture placed in
    # history (recorded or duplicate) is downloaded again; the empty page comes from the cache
    head = git(repo_path, "rev-parse", "HEAD")
    seen = len(archive.snapshot_requests())
    again = run(repo, archive)
    assert (again.recorded, again.already, again.cached, again.downloaded) == (0, 3, 1, 0)
    assert git(repo_path, "rev-parse", "HEAD") == head
    assert archive.snapshot_requests()[seen:] == [
        "20210101000000", "20210101000000", "20211010000000"]


def test_real_captures_from_the_corpus_interleave_with_live_versions(archive, repo, repo_path,
                                                                     corpus_dir: Path):
    folder = corpus_dir / "ota" / "bitwarden"
    if not folder.is_dir():
        pytest.skip(f"{folder} not in this corpus")
    url = "https://bitwarden.test/privacy/"
    doc = DocumentConfig(type="privacy-policy", url=url)
    caps = archive.add_corpus(url, folder)
    assert len(caps) >= 4
    # the second capture is answered 429 then 500 before it comes; the third is gone
    ts2, ts3 = caps[1][0], caps[2][0]
    body2 = archive.snapshots[ts2][0].body
    archive.snapshots[ts2] = [Reply(429, b"", {"Retry-After": "0"}), Reply(500, b"oops"),
                              Reply(200, body2, {"Content-Type": "text/html"})]
    archive.snapshots[ts3] = [Reply(404, b"")]
    live_text = caps[-1][1]
    repo.record("privacy-policy", ex(live_text), META, datetime(2023, 6, 1, tzinfo=timezone.utc),
                "Privacy Policy")
    report = backfill(repo, "Bitwarden", doc, FetchSettings(retries=2, retry_backoff=0.01),
                      base_url=archive.base, requests_per_minute=RPM, batch=2)
    assert report.captures == len(caps) and report.failed == 1 and report.downloaded == \
        len(caps) - 1
    assert report.rebuilt
    log = git(repo_path, "log", "--format=%aI%x1f%(trailers:key=Source-URL,valueonly,"
                  "separator=)%x1f%(trailers:key=Fetcher,valueonly,separator=)%x1e", "--",
                  "privacy-policy.md")
    rows = [rec.strip().split("\x1f") for rec in log.split("\x1e") if rec.strip()]
    dates = [r[0] for r in rows]
    assert dates == sorted(dates, reverse=True)
    wayback = [r for r in rows if r[2].strip() == "wayback"]
    expected = [ts for ts, _ in caps if ts != ts3]
    stamps = sorted(r[1].split("/web/")[1][:14] for r in wayback)
    assert set(stamps) <= set(expected) and len(stamps) == report.recorded
    assert all(r[1].strip().endswith(f"id_/{url}") for r in wayback)
    assert rows[0][2].strip() == "http"  # the live version stays on top
    fsck(repo_path)
    # the text of each recorded capture is the corpus text, through the same extraction
    for v in repo.versions("privacy-policy"):
        if v.trailers.get("Fetcher") == "wayback":
            ts = v.trailers["Source-URL"].split("/web/")[1][:14]
            source = dict(caps)[ts]
            first_heading = next(line for line in source.splitlines() if line.strip())
            assert first_heading.lstrip("# ").strip()[:30] in repo.text_at(v.commit,
                                                                            "privacy-policy")


def test_batches_keep_progress_and_report_progress(archive: FakeArchive, repo):
    for day in range(1, 8):
        archive.add(POLICY_URL, f"202001{day:02d}000000", page(f"<p>Text number {day}.</p>"))
    calls = []
    report = run(repo, archive, batch=3, progress=lambda done, total: calls.append((done, total)))
    assert report.recorded == 7 and len(report.commits) == 7 and not report.rebuilt
    assert calls == [(n, 7) for n in range(8)]
    texts = [repo.text_at(v.commit, "privacy-policy") for v in repo.versions("privacy-policy")]
    assert [t.split("number ")[1][0] for t in texts] == list("7654321")


def test_rate_limit_and_retry_after_are_respected(archive: FakeArchive, repo):
    archive.add(POLICY_URL, "20200101000000", page("<p>One.</p>"),
                replies=[Reply(429, b"", {"Retry-After": "1"}), Reply(200, page("<p>One.</p>"))])
    archive.add(POLICY_URL, "20200201000000", page("<p>Two.</p>"))
    report = run(repo, archive, requests_per_minute=600)  # 0.1 s between requests
    assert report.errors == [] and report.recorded == 2
    times = [t for _, _, t in archive.requests]
    assert len(times) == 4  # CDX, 429, retry, second capture
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert all(g >= 0.095 for g in gaps), gaps
    assert gaps[1] >= 0.99, gaps  # Retry-After: 1


def test_an_archive_that_keeps_answering_429_stops_the_backfill(archive: FakeArchive, repo):
    for day in range(1, 5):
        archive.add(POLICY_URL, f"202001{day:02d}000000", page(f"<p>Text {day}.</p>"))
    archive.snapshots["20200102000000"] = [Reply(429, b"", {"Retry-After": "0"})]
    report = run(repo, archive)
    assert report.stopped and "429" in report.stopped
    assert report.recorded == 1 and report.failed == 1
    # politeness: after the 429s, not one more capture was asked for
    assert archive.snapshot_requests() == ["20200101000000", "20200102000000", "20200102000000"]
    # a Retry-After longer than we wait also stops at once, without a retry
    archive.snapshots["20200102000000"] = [Reply(429, b"", {"Retry-After": "3600"})]
    before = len(archive.snapshot_requests())
    again = run(repo, archive)
    assert again.stopped and archive.snapshot_requests()[before:] == ["20200102000000"]


def test_archive_down_is_reported_without_touching_history(archive: FakeArchive, repo,
                                                           repo_path):
    repo.record("privacy-policy", ex("Live."), META, datetime(2024, 1, 1), "Privacy Policy")
    head = git(repo_path, "rev-parse", "HEAD")
    archive.cdx_replies = [Reply(503, b"busy")] * 2
    report = run(repo, archive)
    assert report.captures == 0 and report.recorded == 0 and not report.rebuilt
    assert len(report.errors) == 1 and "CDX" in report.errors[0] and "503" in report.errors[0]
    assert git(repo_path, "rev-parse", "HEAD") == head
    assert report.summary().endswith("1 failed")
    archive.cdx_replies = [Reply(200, b"<html>not json")]
    assert "unexpected CDX answer" in run(repo, archive).errors[0]


def test_no_captures(archive: FakeArchive, repo):
    report = run(repo, archive)
    assert (report.captures, report.recorded, report.errors) == (0, 0, [])
    assert repo.versions("privacy-policy") == []


def test_cached_bodies_and_journal_live_in_git_dir_and_are_cleaned(archive: FakeArchive, repo,
                                                                   repo_path):
    archive.add(POLICY_URL, "20200101000000", page("<p>One.</p>"))
    archive.add(POLICY_URL, "20200201000000", b"<html><body></body></html>")  # fails extraction
    report = run(repo, archive)
    assert report.recorded == 1 and report.failed == 1
    state = repo_path / ".git" / "policy-tracker" / "wayback"
    done = json.loads((state / "privacy-policy.json").read_text())["done"]
    assert len(done) == 1 and done[0].startswith("20200101000000-")
    # the body that failed extraction stays cached for the next run; the recorded one is gone
    assert [p.name[:14] for p in (state / "privacy-policy").iterdir()] == ["20200201000000"]
    assert git(repo_path, "status", "--porcelain") == ""
