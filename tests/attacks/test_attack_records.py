"""Nothing wrong is recorded: a clock that goes backwards, a server that answers 304 to
requests that were never conditional, mislabelled charsets."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from faultkit import Doc, LocalServer, cli, doc_log, git, policy_page, write_config
from tracker.tracking.run import FAILED, track
from tracker.workspace import Workspace


def test_a_clock_gone_backwards_never_puts_an_old_date_on_top(
        tmp_path: Path, web: LocalServer) -> None:
    """History is the order of record: a changed page captured while the clock is behind the
    newest commit is refused with one FAILED line (nothing recorded, no change invented);
    the next run with the right clock records it."""
    web.page("/p", policy_page("Privacy Policy", 1))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", web.url("/p"))])
    ws = Workspace.open(root)
    now = datetime.now(timezone.utc)
    assert track(ws, ws.load_config(), captured_at=now).exit_code == 0
    repo = root / "snapshots" / "acme"
    before = doc_log(repo, "privacy-policy")

    # The same text while the clock is a day behind: nothing to record, nothing refused.
    report = track(ws, ws.load_config(), captured_at=now - timedelta(days=1))
    assert report.exit_code == 0 and doc_log(repo, "privacy-policy") == before

    web.page("/p", policy_page("Privacy Policy", 2, "<p>We now sell your data.</p>"))
    report = track(ws, ws.load_config(), captured_at=now - timedelta(days=1))
    [outcome] = report.outcomes
    assert outcome.status == FAILED and "clock" in outcome.error, outcome
    assert doc_log(repo, "privacy-policy") == before
    dates = git(repo, "log", "--format=%ct").split()
    assert dates == sorted(dates, reverse=True)

    report = track(ws, ws.load_config(), captured_at=now + timedelta(minutes=1))
    assert report.outcomes[0].status == "changed"
    dates = [int(d) for d in git(repo, "log", "--format=%ct").split()]
    assert dates == sorted(dates, reverse=True) and len(dates) == 2
    newest, oldest = cli(root, "log", "acme").stdout.splitlines()
    assert "sell" in newest and "[first]" in oldest and newest[:16] > oldest[:16]


def test_a_server_always_answering_304_is_reported_not_ok_forever(
        tmp_path: Path, web: LocalServer) -> None:
    """A document with no recorded version never sends validators (even when the state file
    remembers an ETag), and a 304 to such a request is a failure, not 'ok' with nothing."""
    import shutil

    mode = {"always_304": False}
    page = policy_page("Privacy Policy")

    def route(h) -> None:
        if mode["always_304"]:
            h.reply(304, b"", headers={"ETag": '"v1"'})
        else:
            h.reply(200, page, headers={"ETag": '"v1"'})

    web.routes["/p"] = route
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", web.url("/p"))])
    assert cli(root, "track").exit_code == 0
    shutil.rmtree(root / "snapshots" / "acme")   # versions lost, the state keeps its ETag
    mode["always_304"] = True
    web.seen.clear()
    for _ in range(2):
        result = cli(root, "track")
        assert result.exit_code == 1, result.output
        assert "FAILED   acme/privacy-policy" in result.stderr and "304" in result.stderr
    for seen in web.seen:
        assert "if-none-match" not in seen.headers and "if-modified-since" not in seen.headers
    status = cli(root, "status")
    assert status.exit_code == 1 and "304" in status.stdout
