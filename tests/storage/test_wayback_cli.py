"""`tracker backfill` end to end against the fake archive: output, exit codes, options, config,
resuming after a SIGKILL without downloading twice, and feed GUIDs/page URLs that survive the
history rebuild."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from tests.support.archive import FakeArchive, html_page, Reply
from tests.support.git import fsck, git
from tests.support.records import META, ex
from tracker.cli.main import main
from tracker.storage.repo import CompanyRepo

pytestmark = pytest.mark.timeout(120)

REPO_ROOT = Path(__file__).resolve().parents[2]
URL = "https://acme.test/privacy"


def workspace(tmp_path: Path, archive_url: str, rpm: float = 60_000) -> Path:
    ws = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(ws)]).exit_code == 0
    assert runner.invoke(main, ["-w", str(ws), "add", "acme", URL, "--name", "Acme Inc"]
                         ).exit_code == 0
    config = (ws / "tracker.toml").read_text().replace("retries = 2",
                                                       "retries = 2\nretry_backoff = 0.01")
    (ws / "tracker.toml").write_text(config)
    with (ws / "tracker.toml").open("a") as fh:
        fh.write(f'\n[wayback]\nurl = "{archive_url}"\nrequests_per_minute = {rpm}\n')
    return ws


def cli(ws: Path, *args: str):
    return CliRunner().invoke(main, ["-w", str(ws), *args])


def policy(n: int, extra: str = "") -> str:
    return (f"# Privacy Policy\n\n## What we collect\n\nWe collect your e-mail address{extra}.\n\n"
            f"## Retention\n\nWe keep your data for {n} months.\n")


def test_backfill_command_output_exit_codes_and_options(archive: FakeArchive, tmp_path: Path):
    archive.add(URL, "20190105120000", html_page(policy(6)))
    # another page (another digest) with the same text: a duplicate
    archive.add(URL, "20200105120000", html_page(policy(6)) + b"<!-- ad slot 7 -->")
    archive.add(URL, "20210105120000", b"", replies=[Reply(500, b"down")])
    archive.add(URL, "20220715083000", html_page(policy(12)))
    ws = workspace(tmp_path, "http://127.0.0.1:9")  # the config's archive is not there
    with CompanyRepo.open(ws / "snapshots" / "acme", create=True,
                          company_name="Acme Inc") as repo:
        repo.record("privacy-policy", ex(policy(24)), META,
                    datetime(2024, 2, 1, tzinfo=timezone.utc), "Privacy Policy")

    result = cli(ws, "backfill", "acme", "--archive-url", archive.base, "--stats")
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        "acme/privacy-policy: 4 captures found, 3 downloaded, 2 recorded, 1 skipped as "
        "duplicates, 1 failed",
        "rebuilt history of acme/privacy-policy in date order, 1 existing versions kept"]
    errors = result.stderr.splitlines()
    assert errors[0].startswith("ERROR    acme/privacy-policy: capture 20210105120000: ")
    assert "HTTP 500" in errors[0]
    stats = json.loads(errors[-1])
    assert stats["command"] == "backfill" and stats["counts"]["recorded"] == 2
    assert stats["counts"]["failed"] == 1 and stats["counts"]["captures"] == 4
    assert stats["counts"]["requests"] == 1 + 4 + 2  # CDX, captures, two retries of the 500
    repo_path = ws / "snapshots" / "acme"
    assert git(repo_path, "log", "--format=%as %s").splitlines() == [
        "2024-02-01 Record new changes of Acme Inc Privacy Policy",
        "2022-07-15 Record new changes of Acme Inc Privacy Policy",
        "2019-01-05 First record of Acme Inc Privacy Policy"]
    fsck(repo_path)

    # the archive recovers: the rerun fetches only the failed capture (hidden old option name)
    archive.snapshots["20210105120000"] = [Reply(200, html_page(policy(9)))]
    seen = len(archive.snapshot_requests())
    again = cli(ws, "backfill", "acme", "--wayback-url", archive.base)
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("acme/privacy-policy: 4 captures found, 1 downloaded, "
                                   "1 recorded, 0 skipped as duplicates, 3 already backfilled, "
                                   "0 failed\n")
    assert archive.snapshot_requests()[seen:] == ["20210105120000"]
    assert git(repo_path, "log", "--format=%as").split() == [
        "2024-02-01", "2022-07-15", "2021-01-05", "2019-01-05"]

    # --from/--to reach the CDX query; --to includes the whole day
    cli(ws, "backfill", "acme", "--archive-url", archive.base, "--from", "2020-01-01",
        "--to", "2020-12-31", "--limit", "5")
    query = archive.cdx_queries()[-1]
    assert (query["from"], query["to"], query["limit"]) == (
        ["20200101000000"], ["20201231235959"], ["5"])

    # usage errors: exit 2, nothing asked of the archive
    asked = len(archive.requests)
    for args, message in ((["nobody"], "unknown company"),
                          (["acme", "--type", "terms"], "no 'terms' document"),
                          (["acme", "--archive-url", "ftp://x"], "only http and https"),
                          (["acme", "--limit", "0"], "--limit must be at least 1"),
                          (["acme", "--from", "2021-01-01", "--to", "2020-01-01"], "after")):
        bad = cli(ws, "backfill", *args)
        assert bad.exit_code == 2 and message in bad.output, (args, bad.output)
    assert len(archive.requests) == asked


def test_config_url_and_rate_are_used_and_an_unreachable_archive_fails(archive: FakeArchive,
                                                                        tmp_path: Path):
    terms = "https://acme.test/terms"
    archive.add(URL, "20190105120000", html_page(policy(6)))
    archive.add(URL, "20200105120000", html_page(policy(7)))
    archive.add(terms, "20200105120000", html_page("# Terms\n\nBe nice."))
    ws = workspace(tmp_path, archive.base, rpm=300)  # 0.2 s between requests
    assert cli(ws, "add", "acme", terms, "--type", "terms").exit_code == 0
    result = cli(ws, "backfill", "acme")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("captures found") == 2
    # one rate for the whole run, across documents
    times = [t for _, _, t in archive.requests]
    assert len(times) == 5 and all(b - a >= 0.19 for a, b in zip(times, times[1:])), times
    down = cli(ws, "backfill", "acme", "--archive-url", "http://127.0.0.1:9")
    assert down.exit_code == 1 and "CDX query" in down.stderr


def _start(ws: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tracker", "-w", str(ws), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
                            start_new_session=True)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_an_interrupted_backfill_resumes_without_downloading_twice(archive: FakeArchive,
                                                                   tmp_path: Path, sig):
    stamps = [f"2020{m:02d}01000000" for m in range(1, 13)]
    for i, ts in enumerate(stamps):
        archive.add(URL, ts, html_page(policy(i + 1)))
    archive.hang_on = stamps[7]   # the 8th download never answers: the run is stuck there
    ws = workspace(tmp_path, archive.base)
    proc = _start(ws, "backfill", "acme")
    try:
        assert archive.hanging.wait(60), "the backfill never reached the 8th capture"
        if sig == signal.SIGKILL:
            os.killpg(proc.pid, signal.SIGKILL)   # as an OOM kill or a power cut
        else:
            os.kill(proc.pid, signal.SIGINT)      # Ctrl-C
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and b"Traceback" not in err, err
    archive.release.set()
    archive.hang_on = None
    first = archive.snapshot_requests()
    assert first == stamps[:8]
    repo_path = ws / "snapshots" / "acme"
    if (repo_path / ".git").exists():
        fsck(repo_path)

    result = cli(ws, "backfill", "acme")
    assert result.exit_code == 0, result.output
    again = archive.snapshot_requests()[len(first):]
    # the 7 bodies that had arrived come from the journal; only the rest is downloaded
    assert again == stamps[7:]
    assert result.stdout.startswith("acme/privacy-policy: 12 captures found, 5 downloaded "
                                    "(+7 downloaded by an earlier run), 12 recorded")
    assert git(repo_path, "log", "--format=%as").split() == [
        f"2020-{m:02d}-01" for m in range(12, 0, -1)]
    fsck(repo_path)
    assert not list((repo_path / ".git" / "policy-tracker" / "wayback" / "privacy-policy")
                    .iterdir())
    # and a third run downloads nothing at all
    third = cli(ws, "backfill", "acme")
    assert third.exit_code == 0 and "12 already backfilled" in third.stdout
    assert len(archive.snapshot_requests()) == len(first) + len(again)


def _feed(site: Path, rel: str) -> dict[str, str]:
    parsed = feedparser.parse((site / rel).read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    return {e.id: e.link for e in parsed.entries}


def _change_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix()
            for p in (site / "companies").rglob("changes/*.html")}


def test_feed_guids_and_page_urls_survive_the_history_rebuild(archive: FakeArchive,
                                                              tmp_path: Path):
    ws = workspace(tmp_path, archive.base)
    repo_path = ws / "snapshots" / "acme"
    with CompanyRepo.open(repo_path, create=True) as repo:
        repo.record("privacy-policy", ex(policy(12)), META,
                    datetime(2024, 1, 10, tzinfo=timezone.utc), "Privacy Policy")
        repo.record("privacy-policy", ex(policy(24, " and phone number")), META,
                    datetime(2024, 6, 10, tzinfo=timezone.utc), "Privacy Policy")
        repo.record("privacy-policy", ex(policy(36, " and phone number and location")), META,
                    datetime(2025, 3, 1, tzinfo=timezone.utc), "Privacy Policy")
        old_commits = {v.commit for v in repo.versions("privacy-policy")}
    assert cli(ws, "build").exit_code == 0
    site = ws / "public"
    feeds = ("feeds/all.atom", "feeds/all.rss", "feeds/companies/acme.atom",
             "feeds/companies/acme/privacy-policy.atom")
    before = {rel: _feed(site, rel) for rel in feeds}
    pages_before = _change_pages(site)
    assert len(before["feeds/all.atom"]) == 2 and len(pages_before) == 2

    archive.add(URL, "20190105120000", html_page(policy(3)))
    archive.add(URL, "20210105120000", html_page(policy(6)))
    result = cli(ws, "backfill", "acme")
    assert result.exit_code == 0 and "rebuilt history" in result.stdout, result.output
    with CompanyRepo.open(repo_path) as repo:
        new_commits = {v.commit for v in repo.versions("privacy-policy")}
    assert not old_commits & new_commits    # every recorded commit was rewritten
    assert cli(ws, "build").exit_code == 0
    for rel in feeds:
        after = _feed(site, rel)
        for guid, link in before[rel].items():
            assert after.get(guid) == link, (rel, guid)
        assert len(after) == len(before[rel]) + 2   # the two older changes are new items
    pages_after = _change_pages(site)
    assert pages_before <= pages_after and len(pages_after) == 4
    for rel in pages_before:   # every page a feed linked to still exists
        assert (site / rel).is_file()
