"""Deeply nested markup (a thousand unclosed elements, which browsers render) extracts, or
fails that one document with one line: never a RecursionError traceback; an import loses
only that file and a backfill records the other captures."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cli import assert_no_traceback, cli
from tests.support.git import doc_log, git
from tests.support.web import LocalServer
from tests.support.workspace import Doc, policy_page, write_config

DIVS = policy_page("Privacy Policy", 1).replace(b"<main>", b"<main>" + b"<div>" * 1000)
LISTS = policy_page("Terms", 1).replace(b"<main>", b"<main>" + b"<ul><li>" * 1000)


def test_deep_nesting_in_track(tmp_path: Path, web: LocalServer) -> None:
    web.page("/divs", DIVS)
    web.page("/lists", LISTS)
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", web.url("/divs")),
                                          Doc("acme", "terms", web.url("/lists"))])
    result = cli(root, "track")
    assert_no_traceback(result.output)
    assert result.exit_code == 1, result.output
    assert "NEW      acme/privacy-policy" in result.stdout   # a thousand <div>: extracted
    text = (root / "snapshots" / "acme" / "privacy-policy.md").read_text()
    assert "We collect your name" in text and "Your Rights" in text
    assert result.stderr.splitlines() == [
        line for line in result.stderr.splitlines() if line.startswith("FAILED   acme/terms")]
    assert "nested too deeply" in result.stderr


def test_deep_nesting_in_import_loses_only_that_file(tmp_path: Path) -> None:
    snaps = tmp_path / "in" / "acme"
    snaps.mkdir(parents=True)
    (snaps / "2020-01-01.html").write_bytes(policy_page("Privacy Policy", 1))
    (snaps / "2020-02-01.html").write_bytes(LISTS)
    (snaps / "2020-03-01.html").write_bytes(policy_page("Privacy Policy", 3))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", "https://acme.example/p")])
    result = cli(root, "import", str(tmp_path / "in"))
    assert_no_traceback(result.output)
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and "2020-02-01" in errors[0] and "nested" in errors[0], errors
    assert len(doc_log(root / "snapshots" / "acme", "privacy-policy")) == 2


def test_deep_nesting_in_backfill_records_the_rest(tmp_path: Path, web: LocalServer) -> None:
    url = "https://acme.example/privacy"
    stamps = ["20190101000000", "20190201000000", "20190301000000"]
    header = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
    rows = [header] + [["k", t, url, "text/html", "200", f"D{t}", "1"] for t in stamps]
    web.page("/cdx/search/cdx", json.dumps(rows), content_type="application/json")
    web.page(f"/web/{stamps[0]}id_/{url}", policy_page("Privacy Policy", 1))
    web.page(f"/web/{stamps[1]}id_/{url}", LISTS)
    web.page(f"/web/{stamps[2]}id_/{url}", policy_page("Privacy Policy", 3))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", url)])
    with open(root / "tracker.toml", "a", encoding="utf-8") as fh:
        fh.write(f'\n[wayback]\nurl = "{web.url("")}"\nrequests_per_minute = 100000\n')
    for _ in range(2):   # the rerun retries the bad capture and keeps the others
        result = cli(root, "backfill", "acme")
        assert_no_traceback(result.output)
        assert result.exit_code == 1, result.output
        assert "capture 20190201000000" in result.stderr and "nested" in result.stderr
    dates = git(root / "snapshots" / "acme", "log", "--format=%ad",
                "--date=format:%Y%m%d").split()
    assert dates == ["20190301", "20190101"]
