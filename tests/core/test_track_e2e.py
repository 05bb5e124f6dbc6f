"""End to end: config -> local HTTP site -> real git repositories, checked with plain git."""

from __future__ import annotations

from datetime import datetime, timezone

from click.testing import CliRunner

from tracker.cli.main import main
from tracker.tracking.run import track

from tests.support.git import git
from tests.support.workspace import POLICY_SECTIONS, make_workspace, policy_html


def test_track_records_changes_only_and_keeps_good_versions(tmp_path, web):
    web.html("/privacy", "Privacy Policy", policy_html())
    web.html("/terms", "Terms", "<p>These terms govern your use of Acme. " * 20 + "</p>")
    ws = make_workspace(tmp_path / "ws", web, {
        "acme": [("privacy-policy", "/privacy"), ("terms-of-service", "/terms")]})
    config = ws.load_config()
    day1 = datetime(2024, 3, 1, 8, 30, tzinfo=timezone.utc)
    report = track(ws, config, captured_at=day1)
    assert [o.status for o in report.outcomes] == ["new", "new"] and report.exit_code == 0

    repo = ws.repo_path("acme")
    assert git(repo, "fsck", "--strict") == ""
    text = (repo / "privacy-policy.md").read_text()
    assert "## Retention" in text and "Home" not in text and "©" not in text
    assert (repo / "raw" / "privacy-policy.html").read_bytes() == web.pages["/privacy"].body

    # Same page again: no change, no commit.
    report = track(ws, config, captured_at=datetime(2024, 3, 2, tzinfo=timezone.utc))
    assert {o.status for o in report.outcomes} <= {"unchanged", "not-modified"}
    assert len(git(repo, "log", "--format=%H").split()) == 2

    # A real change is recorded with the capture date and a readable message.
    changed = list(POLICY_SECTIONS)
    changed[3] = ("Retention", "We keep account data for 90 days after you close your account.")
    web.html("/privacy", "Privacy Policy", policy_html(changed))
    day3 = datetime(2024, 3, 3, 9, 15, tzinfo=timezone.utc)
    report = track(ws, config, captured_at=day3)
    assert [o.status for o in report.outcomes] == ["changed", "unchanged"]
    log = git(repo, "log", "-1", "--format=%aI|%cI|%s", "--", "privacy-policy.md").strip()
    assert log == "2024-03-03T09:15:00+00:00|2024-03-03T09:15:00+00:00|" \
                  "Record new changes of Acme Inc. Privacy Policy"
    trailers = git(repo, "log", "-1", "--format=%(trailers:only,unfold)")
    assert f"Source-URL: {web.url('/privacy')}" in trailers and "HTTP-Status: 200" in trailers

    # Failures never overwrite the good version: HTTP error, shrink, blocked page.
    web.html("/privacy", "Privacy Policy", policy_html(), status=500)
    web.pages["/terms"].body = b"<html><body><main><p>Access denied</p></main></body></html>"
    report = track(ws, config, captured_at=datetime(2024, 3, 4, tzinfo=timezone.utc))
    assert [o.status for o in report.outcomes] == ["failed", "failed"]
    assert report.exit_code == 1
    assert "500" in report.outcomes[0].error
    web.html("/privacy", "Privacy Policy", policy_html(changed[:1]))
    report = track(ws, config, captured_at=datetime(2024, 3, 5, tzinfo=timezone.utc))
    assert "shrank" in report.outcomes[0].error
    assert "90 days" in (repo / "privacy-policy.md").read_text()
    assert len(git(repo, "log", "--format=%H").split()) == 3
    assert git(repo, "status", "--porcelain") == ""


def test_cli_track_is_quiet_when_nothing_changed(tmp_path, web):
    web.html("/privacy", "Privacy Policy", policy_html())
    ws = make_workspace(tmp_path / "ws", web, {"acme": [("privacy-policy", "/privacy")]})
    runner = CliRunner()
    first = runner.invoke(main, ["-w", str(ws.root), "track"])
    assert first.exit_code == 0, first.output
    assert first.output.startswith("NEW      acme/privacy-policy")
    second = runner.invoke(main, ["-w", str(ws.root), "track"])
    assert second.exit_code == 0 and second.output == ""
    verbose = runner.invoke(main, ["-w", str(ws.root), "-v", "track"])
    assert "acme/privacy-policy" in verbose.output


def test_one_failing_company_does_not_stop_the_others(tmp_path, web):
    web.html("/a", "Privacy", policy_html())
    ws = make_workspace(tmp_path / "ws", web, {
        "broken": [("privacy-policy", "/missing")], "acme": [("privacy-policy", "/a")]})
    result = CliRunner().invoke(main, ["-w", str(ws.root), "track"])
    assert result.exit_code == 1
    assert "FAILED   broken/privacy-policy" in result.output
    assert "NEW      acme/privacy-policy" in result.output
    listing = CliRunner().invoke(main, ["-w", str(ws.root), "list"])
    assert "failing x1" in listing.output and "acme/privacy-policy" in listing.output


def test_cli_run_tracks_then_builds(tmp_path, web):
    web.html("/privacy", "Privacy Policy", policy_html())
    ws = make_workspace(tmp_path / "ws", web, {"acme": [("privacy-policy", "/privacy")]})
    result = CliRunner().invoke(main, ["-w", str(ws.root), "run"])
    assert result.exit_code == 0, result.output
    assert (ws.public_dir / "index.html").is_file()
    changed = list(POLICY_SECTIONS)
    changed[3] = ("Retention", "We keep account data for 90 days after you close your account.")
    web.html("/privacy", "Privacy Policy", policy_html(changed))
    result = CliRunner().invoke(main, ["-w", str(ws.root), "run"])
    assert result.exit_code == 0 and result.output.startswith("CHANGED  acme/privacy-policy")
    pages = list((ws.public_dir / "companies" / "acme").rglob("changes/*.html"))
    assert len(pages) == 1 and "90 days" in pages[0].read_text()
    diff = CliRunner().invoke(main, ["-w", str(ws.root), "diff", "acme"])
    assert "90 days" in diff.output


_LOADED = """
import atexit, json, runpy, sys
atexit.register(lambda: sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n"))
sys.argv = ["tracker"] + sys.argv[1:]
runpy.run_module("tracker", run_name="__main__")
"""


def _run_counting(root, trace):
    """`tracker track` as cron runs it: the modules it loaded and the git commands it ran."""
    import json
    import re
    import subprocess
    import sys

    from tests.support.cli import subprocess_env

    trace.write_text("")
    proc = subprocess.run([sys.executable, "-c", _LOADED, "-w", str(root), "track"],
                          capture_output=True, text=True, timeout=120,
                          env=dict(subprocess_env(), GIT_TRACE=str(trace)))
    assert proc.returncode == 0, proc.stderr
    modules = json.loads(proc.stderr.rsplit("MODULES ", 1)[1])
    return proc.stdout, set(modules), re.findall(r"built-in: git (\S+)", trace.read_text())


def test_per_document_cost_of_a_run_stays_small(tmp_path, web):
    """What a document costs `track` beyond its request: an unchanged run (every answer a
    304) imports no HTML parser, no change detector and no git library, and starts no git
    process; recording the next version of an existing document starts no git process
    either (the repository is read and written in-process)."""
    pages = {f"/p{i}": policy_html() for i in range(3)}
    for path, body in pages.items():
        web.page(path, web_page(body), etag=True)
    ws = make_workspace(tmp_path / "ws", web, {f"c{i}": [("privacy-policy", f"/p{i}")]
                                               for i in range(3)})
    trace = tmp_path / "git-trace"
    out, modules, git_commands = _run_counting(ws.root, trace)
    assert out.count("NEW ") == 3
    out, modules, git_commands = _run_counting(ws.root, trace)
    assert out == "" and git_commands == []
    heavy = {"lxml", "bs4", "soupsieve", "git", "tracker.changes", "tracker.extract.html",
             "tracker.storage.repo", "multiprocessing"}
    assert not heavy & modules, heavy & modules
    web.page("/p1", web_page(policy_html().replace("</p>", " We now keep logs.</p>", 1)),
             etag=True)
    out, modules, git_commands = _run_counting(ws.root, trace)
    assert out.startswith("CHANGED  c1/privacy-policy ["), out
    assert set(git_commands) <= {"version"}, git_commands  # GitPython's check at import


def web_page(body: str) -> str:
    return f"<!doctype html><html><body><main>{body}</main></body></html>"
