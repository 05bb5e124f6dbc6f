"""A misbehaving archive (a real HTTP server on 127.0.0.1 playing the Wayback Machine): endless
resume keys, a --limit it ignores, malformed timestamps, deeply nested JSON, redirects to
`javascript:`, `data:` and other hosts. Each is a per-capture or per-listing error line; the
good captures before it are recorded; nothing hangs, nothing is a traceback."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.support.cli import assert_no_traceback, cli
from tests.support.git import git
from tests.support.web import LocalServer
from tests.support.workspace import Doc, policy_page, write_config

HEADER = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


def _row(ts: str, url: str) -> list[str]:
    return ["key", ts, url, "text/html", "200", f"D{ts}", "100"]


def _workspace(tmp_path: Path, web: LocalServer, docs: dict[str, str]) -> Path:
    root = write_config(tmp_path / "ws", [Doc("acme", t, u) for t, u in docs.items()])
    with open(root / "tracker.toml", "a", encoding="utf-8") as fh:
        fh.write(f'\n[wayback]\nurl = "{web.url("")}"\nrequests_per_minute = 100000\n')
    return root


def _serve_cdx(web: LocalServer, answer: Callable[[str, dict[str, list[str]]], bytes]) -> None:
    def route(h) -> None:
        query = parse_qs(urlsplit(h.path).query)
        h.reply(200, answer(query["url"][0], query), "application/json")
    web.routes["/cdx/search/cdx"] = route


def _snapshot(web: LocalServer, ts: str, url: str, version: int) -> None:
    web.page(f"/web/{ts}id_/{url}", policy_page("Privacy Policy", version))


def _versions(root: Path) -> list[str]:
    repo = root / "snapshots" / "acme"
    if not (repo / ".git").exists():
        return []
    return git(repo, "log", "--format=%ad", "--date=format:%Y%m%d").split()


def test_endless_resume_keys_and_an_ignored_limit_stop(tmp_path: Path, web: LocalServer) -> None:
    same, many = "https://acme.example/same", "https://acme.example/many"
    pages: dict[str, int] = {same: 0, many: 0}

    def answer(url: str, query: dict[str, list[str]]) -> bytes:
        pages[url] += 1
        n = pages[url]
        if url == same:   # the same capture again and again, always with a new resume key
            rows = [_row("20190101000000", url)]
        else:             # ignores `limit`: two new captures a page, forever
            rows = [_row(f"2019{n:02d}01000000", url), _row(f"2019{n:02d}02000000", url)]
        return json.dumps([HEADER, *rows, [], [f"key-{n}"]]).encode()

    _serve_cdx(web, answer)
    _snapshot(web, "20190101000000", same, 1)
    for n in (1, 2):
        for day in (1, 2):
            _snapshot(web, f"2019{n:02d}{day:02d}000000", many, 10 * n + day)
    root = _workspace(tmp_path, web, {"privacy-policy": same})
    result = cli(root, "backfill", "acme")
    assert_no_traceback(result.output)
    assert result.exit_code == 1, result.output
    assert "no new capture" in result.stderr and pages[same] == 2
    assert len(_versions(root)) == 1

    root = _workspace(tmp_path / "2", web, {"privacy-policy": many})
    result = cli(root, "backfill", "acme", "--limit", "3")
    assert result.exit_code == 0, result.output
    assert pages[many] == 2 and len(_versions(root)) == 3
    assert "3 captures found" in result.stdout


def test_malformed_timestamps_and_deep_json_keep_the_good_captures(
        tmp_path: Path, web: LocalServer) -> None:
    bad_ts, deep = "https://acme.example/bad-ts", "https://acme.example/deep"

    def answer(url: str, query: dict[str, list[str]]) -> bytes:
        if url == bad_ts:
            return json.dumps([HEADER, _row("20190101000000", url), _row("20191332000000", url),
                               _row("0000", url), _row("20190301000000", url)]).encode()
        if "resumeKey" not in query:   # a good first page, then a hostile one
            return json.dumps([HEADER, _row("20180101000000", url), [], ["next"]]).encode()
        return b"[" * 200_000 + b"]" * 200_000

    _serve_cdx(web, answer)
    _snapshot(web, "20190101000000", bad_ts, 1)
    _snapshot(web, "20190301000000", bad_ts, 2)
    _snapshot(web, "20180101000000", deep, 3)
    root = _workspace(tmp_path, web, {"privacy-policy": bad_ts, "terms": deep})
    result = cli(root, "backfill", "acme")
    assert_no_traceback(result.output)
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 3, result.stderr
    assert sum("bad timestamp" in e for e in errors) == 2
    assert any("nested too deeply" in e for e in errors)
    assert sorted(_versions(root)) == ["20180101", "20190101", "20190301"]


def test_redirects_out_of_the_archive_are_per_capture_errors(
        tmp_path: Path, web: LocalServer) -> None:
    url = "https://acme.example/privacy"
    stamps = ["20190101000000", "20190201000000", "20190301000000", "20190401000000",
              "20190501000000"]
    _serve_cdx(web, lambda u, q: json.dumps([HEADER, *(_row(t, u) for t in stamps)]).encode())
    _snapshot(web, stamps[0], url, 1)
    targets = {stamps[1]: "javascript:alert(document.domain)",
               stamps[2]: "data:text/html,<script>alert(1)</script>",
               stamps[3]: f"http://127.0.0.2:{web.port}/elsewhere"}
    for ts, target in targets.items():
        web.routes[f"/web/{ts}id_/{url}"] = (
            lambda h, t=target: h.reply(302, b"", headers={"Location": t}))
    web.routes[f"/web/{stamps[4]}id_/{url}"] = (  # a redirect within the archive is fine
        lambda h: h.reply(302, b"", headers={"Location": f"/web/{stamps[0]}id_/{url}"}))
    root = _workspace(tmp_path, web, {"privacy-policy": url})
    result = cli(root, "backfill", "acme")
    assert_no_traceback(result.output)
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 3 and all("outside the archive" in e for e in errors), errors
    assert "<script>" not in result.stderr or "not followed" in result.stderr
    assert not any(s.host.startswith("127.0.0.2") for s in web.seen)
    assert _versions(root) == ["20190101"]
    assert "5 captures found" in result.stdout
