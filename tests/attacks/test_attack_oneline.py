"""Attacks that used to end in a Python traceback: each now gives one `Error:`/`FAILED`/
`ERROR` line naming the thing and the cause, with the documented exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import assert_no_traceback, cli
from tests.support.web import LocalServer
from tests.support.workspace import Doc, policy_page, write_config

GOOD_DATE = "2026-01-02T03:04:05+00:00"


def _state(documents: object = None, events: object = None, **top: object) -> str:
    return json.dumps({"version": 1, "documents": documents or {}, "events": events or [],
                       **top})


BAD_STATES = {
    "naive date": _state({"acme/privacy-policy": {"last_success": "2026-01-02T03:04:05"}}),
    "count is a string": _state({"acme/privacy-policy": {"consecutive_failures": "3"}}),
    "count is a list": _state({"acme/privacy-policy": {"consecutive_failures": [1]}}),
    "date is a number": _state({"acme/privacy-policy": {"last_attempt": 5}}),
    "etag is an object": _state({"acme/privacy-policy": {"etag": {"a": 1}}}),
    "document is a list": _state({"acme/privacy-policy": [1, 2]}),
    "documents is a list": json.dumps({"documents": [1], "events": []}),
    "top is a list": "[]",
    "event is a string": _state(events=["failing"]),
    "event date naive": _state(events=[{"kind": "failing", "company": "acme",
                                        "doc_type": "privacy-policy",
                                        "date": "2026-01-02T03:04:05"}]),
    "event company a number": _state(events=[{"kind": "failing", "company": 7,
                                              "doc_type": "privacy-policy", "date": GOOD_DATE}]),
    "deep nesting": '{"documents": ' + "[" * 100_000 + "]" * 100_000 + "}",
}


@pytest.mark.parametrize("name", list(BAD_STATES))
def test_a_hostile_state_file_is_exit_3_and_build_publishes_without_it(
        tmp_path: Path, web: LocalServer, name: str) -> None:
    url = web.page("/p", policy_page("Privacy Policy"))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", url)])
    assert cli(root, "track").exit_code == 0
    (root / ".tracker" / "state.json").write_text(BAD_STATES[name], encoding="utf-8")
    for command in ("status", "list", "track"):
        result = cli(root, command)
        assert result.exit_code == 3, (command, result.output, result.exception)
        assert "state.json" in result.stderr and result.stderr.startswith("Error:"), result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert_no_traceback(result.output)
    result = cli(root, "build")
    assert result.exit_code == 1, (result.output, result.exception)
    assert_no_traceback(result.output)
    assert (root / "public" / "index.html").is_file()
    assert (root / "public" / "feeds" / "all.atom").is_file()
