"""Nothing wrong is recorded: a clock that goes backwards, a server that answers 304 to
requests that were never conditional, mislabelled charsets."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.support.cli import cli
from tests.support.git import doc_log, git
from tests.support.web import LocalServer
from tests.support.workspace import Doc, policy_page, write_config
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
    for run in range(2):
        result = cli(root, "track")
        assert result.exit_code == 1, result.output
        if run == 0:  # a failure is printed when it starts (then at the threshold, daily)
            assert "FAILED   acme/privacy-policy" in result.stderr and "304" in result.stderr
    for seen in web.seen:
        assert "if-none-match" not in seen.headers and "if-modified-since" not in seen.headers
    status = cli(root, "status")
    assert status.exit_code == 1 and "304" in status.stdout


def test_mislabelled_charsets_are_validated_against_the_bytes(
        tmp_path: Path, web: LocalServer) -> None:
    """ASCII pages labelled utf-16 (no BOM, no NUL), cp500 or <meta charset=IBM037> are
    recorded as the right text, and a later header-only fix is no change at all; genuine
    UTF-16 (with NULs) and genuine EBCDIC are still believed."""
    page = policy_page("Privacy Policy")
    meta_page = page.replace(b"<meta charset='utf-8'>", b"<meta charset=IBM037>")
    plain = ("Privacy Policy\n\nWe collect your name and e-mail address. We do not sell "
             "your personal information.\n")
    web.page("/u16", page, content_type="text/html; charset=utf-16")
    web.page("/cp500", page, content_type="text/html; charset=cp500")
    web.page("/meta", meta_page, content_type="text/html")
    web.page("/real16", plain.encode("utf-16-le"), content_type="text/plain; charset=utf-16-le")
    web.page("/ebcdic", plain.encode("cp500"), content_type="text/plain; charset=cp500")
    names = {"u16": "/u16", "cp500": "/cp500", "meta": "/meta", "real16": "/real16",
             "ebcdic": "/ebcdic"}
    root = write_config(tmp_path / "ws", [Doc("acme", n, web.url(p)) for n, p in names.items()])
    result = cli(root, "track")
    assert result.exit_code == 0, result.output
    repo = root / "snapshots" / "acme"
    for name in names:
        text = (repo / f"{name}.md").read_text("utf-8")
        assert "We collect your name" in text, (name, text[:200])
        assert "We do not sell your personal information" in text, name
    web.page("/u16", page, content_type="text/html; charset=utf-8")      # header-only fixes
    web.page("/cp500", page, content_type="text/html; charset=utf-8")
    web.page("/meta", page, content_type="text/html")
    result = cli(root, "track")
    assert result.exit_code == 0 and result.stdout == "", result.output
    for name in names:
        assert len(doc_log(repo, name)) == 1, name
