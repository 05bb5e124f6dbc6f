"""The CLI: `notify list`, `notify test`, `--dry-run`, `FAILED notify` with exit 1, and `run`
notifying after the site is built."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.support.notify import BASE_URL, POLICY, SALE, Hooks, subscription, write_workspace
from tracker.cli import main

SECRET = "s3cret-token-value"


def _cli(root: Path, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["-w", str(root), *args], env=env)


def test_notify_test_sends_a_sample_to_every_channel(tmp_path: Path, web, mailbox,
                                                     hooks) -> None:
    write_workspace(tmp_path, web, ["acme"],
                    subscription("team", mailbox.url(), hooks.url("json", "/t")))
    result = _cli(tmp_path, "notify", "test", "team")
    assert result.exit_code == 0, result.output
    assert result.output.count("SENT   notify team -> ") == 2
    message, = mailbox.messages
    assert "Test message from policy-tracker" in message["Subject"]
    assert BASE_URL + "index.html" in message.get_body(("plain",)).get_content()
    assert len(hooks.at("/t")) == 1
    unknown = _cli(tmp_path, "notify", "test", "nobody")
    assert unknown.exit_code == 2 and "unknown subscription 'nobody' (known: team)" in \
        unknown.output


def test_a_failing_channel_is_reported_and_never_blocks_recording(tmp_path: Path, web,
                                                                   hooks) -> None:
    env = {"HOOK_TOKEN": SECRET}
    with Hooks() as down:
        down.down = True
        web.pages["/acme"] = POLICY
        write_workspace(tmp_path, web, ["acme"],
                        subscription("ok", hooks.url("json", "/ok"))
                        + subscription("broken", down.url("json", "/x/${HOOK_TOKEN}")))
        assert _cli(tmp_path, "track", env=env).exit_code == 0
        web.pages["/acme"] = SALE
        dry = _cli(tmp_path, "track", "--dry-run", env=env)
        assert dry.exit_code == 0, dry.output
        assert "CHANGED  acme/privacy-policy" in dry.output
        assert dry.output.count("WOULD SEND") == 2 and hooks.posts == [] and down.requests == 0
        result = _cli(tmp_path, "track", env=env)
        assert result.exit_code == 1
        assert "FAILED notify broken: json://127.0.0.1:" in result.output
        assert "503" in result.output and SECRET not in result.output
        assert len(hooks.at("/ok")) == 1                       # the other channel got it
        assert _cli(tmp_path, "log", "acme").output.count("\n") == 2   # both recorded
        listed = _cli(tmp_path, "notify", "list", env=env)
        assert listed.exit_code == 0 and SECRET not in listed.output
        assert "broken: min_verdict=substantive" in listed.output
        assert "pending 1, failing 1" in listed.output and "last error:" in listed.output
        assert "pending 0, failing 0" in listed.output         # "ok"


def test_run_notifies_after_building_the_site(tmp_path: Path, web, hooks) -> None:
    import json

    web.pages["/acme"] = POLICY
    write_workspace(tmp_path, web, ["acme"], subscription("h", hooks.url("json", "/h")))
    assert _cli(tmp_path, "run").exit_code == 0
    web.pages["/acme"] = SALE
    dry = _cli(tmp_path, "run", "--dry-run")
    assert dry.exit_code == 0 and "WOULD SEND h -> json://" in dry.output
    assert hooks.posts == []
    result = _cli(tmp_path, "-v", "run")
    assert result.exit_code == 0, result.output
    assert "SENT   notify h -> json://127.0.0.1:" in result.output
    url = json.loads(hooks.at("/h")[0].json()["message"])["url"]
    assert (tmp_path / "public" / url[len(BASE_URL):]).is_file()


def test_a_removed_subscription_gets_nothing_more(tmp_path: Path, web, hooks) -> None:
    with Hooks() as down:
        down.down = True
        web.pages["/acme"] = POLICY
        write_workspace(tmp_path, web, ["acme"], subscription("gone", down.url("json", "/g")))
        _cli(tmp_path, "track")
        web.pages["/acme"] = SALE
        assert _cli(tmp_path, "track").exit_code == 1
        down.down = False
        write_workspace(tmp_path, web, ["acme"], subscription("new", hooks.url("json", "/n")))
        assert _cli(tmp_path, "track").exit_code == 0
        assert down.posts == [] and hooks.posts == []


def test_debug_logs_never_show_a_secret(tmp_path: Path, web, hooks) -> None:
    env = {"HOOK_TOKEN": SECRET}
    web.pages["/acme"] = POLICY
    write_workspace(tmp_path, web, ["acme"],
                    subscription("h", hooks.url("json", "/x/${HOOK_TOKEN}")))
    assert _cli(tmp_path, "track", env=env).exit_code == 0
    web.pages["/acme"] = SALE
    result = _cli(tmp_path, "-vv", "track", env=env)
    assert result.exit_code == 0, result.output
    assert len(hooks.at(f"/x/{SECRET}")) == 1          # the real URL was used
    assert "DEBUG" in result.output and "/x/***" in result.output
    assert SECRET not in result.output


def test_no_notify_leaves_the_change_to_notify_send(tmp_path: Path, web, hooks) -> None:
    web.pages["/acme"] = POLICY
    write_workspace(tmp_path, web, ["acme"], subscription("h", hooks.url("json", "/h")))
    assert _cli(tmp_path, "track").exit_code == 0
    web.pages["/acme"] = SALE
    quiet = _cli(tmp_path, "track", "--no-notify")
    assert quiet.exit_code == 0 and "CHANGED" in quiet.output and hooks.posts == []
    dry = _cli(tmp_path, "notify", "send", "--dry-run")
    assert dry.exit_code == 0 and dry.output.startswith("WOULD SEND h -> json://")
    assert hooks.posts == []
    sent = _cli(tmp_path, "notify", "send")
    assert sent.exit_code == 0, sent.output
    assert len(hooks.at("/h")) == 1
    assert _cli(tmp_path, "notify", "send").exit_code == 0 and len(hooks.posts) == 1
