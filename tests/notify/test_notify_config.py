"""[[subscriptions]] validation: exit 2 naming file, subscription and key; secrets never
echoed; subscriptions never published on the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.support.notify import BASE_URL, subscription, write_workspace
from tracker.cli import main
from tracker.config import load_config
from tracker.errors import ConfigError

SECRET = "hunter2-very-secret"


def _cli(root: Path, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["-w", str(root), *args], env=env)


def test_a_valid_subscription_has_its_defaults(tmp_path: Path, web) -> None:
    write_workspace(tmp_path, web, ["acme"], subscription("team", "json://127.0.0.1:9/hook"))
    sub, = load_config(tmp_path / "tracker.toml").subscriptions
    assert (sub.name, sub.urls, sub.min_verdict, sub.digest) == (
        "team", ("json://127.0.0.1:9/hook",), "substantive", "none")
    assert sub.companies == sub.types == sub.topics == sub.entities == ()


@pytest.mark.parametrize("table, key, words", [
    (subscription("team", "json://127.0.0.1:9/h", colour="red"), "colour", "unknown key"),
    (subscription("team", "nope://example.org/x"), "urls[0]", "not a URL Apprise"),
    (subscription("team", "example.org/x"), "urls[0]", "not an Apprise URL"),
    (subscription("team", "json://127.0.0.1:9/h", topics=["sale", "sails"]), "topics",
     "unknown topic(s) sails"),
    (subscription("team", "json://127.0.0.1:9/h", min_verdict="cosmetic"), "min_verdict",
     "must be one of minor, substantive, major"),
    (subscription("team", "json://127.0.0.1:9/h", digest="hourly"), "digest",
     "must be one of none, daily, weekly"),
    (subscription("team", "json://127.0.0.1:9/h", companies=[1, 2]), "companies",
     "must be a list of non-empty strings"),
    ('[[subscriptions]]\nname = "team"\n', "urls", "missing"),
])
def test_a_bad_subscription_exits_2_naming_file_subscription_and_key(
        tmp_path: Path, web, table: str, key: str, words: str | None) -> None:
    write_workspace(tmp_path, web, ["acme"], table)
    result = _cli(tmp_path, "track")
    assert result.exit_code == 2, result.output
    assert f"tracker.toml: subscription 'team': key '{key}'" in result.output
    if words:
        assert words in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "snapshots" / "acme").exists()   # nothing was done


def test_every_problem_is_listed_at_once(tmp_path: Path, web) -> None:
    write_workspace(tmp_path, web, ["acme"],
                    subscription("one", "nope://x", colour="red")
                    + subscription("one", "json://127.0.0.1:9/h"))
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "tracker.toml")
    text = str(caught.value)
    assert "3 problems" in text and "duplicate subscription name" in text


def test_subscriptions_need_an_absolute_base_url(tmp_path: Path, web) -> None:
    write_workspace(tmp_path, web, ["acme"], subscription("team", "json://127.0.0.1:9/h"),
                    base_url="")
    result = _cli(tmp_path, "list")
    assert result.exit_code == 2
    assert "key 'site.base_url'" in result.output and "absolute" in result.output


def test_a_secret_from_the_environment_is_never_echoed(tmp_path: Path, web) -> None:
    url = "json://tracker:${HOOK_PASS}@127.0.0.1:9/${HOOK_PATH}"
    write_workspace(tmp_path, web, ["acme"], subscription("team", url))
    missing = _cli(tmp_path, "notify", "list", env={"HOOK_PASS": SECRET})
    assert missing.exit_code == 2
    assert "environment variable HOOK_PATH is not set" in missing.output
    assert SECRET not in missing.output
    listed = _cli(tmp_path, "notify", "list", env={"HOOK_PASS": SECRET, "HOOK_PATH": "h"})
    assert listed.exit_code == 0, listed.output
    assert "team:" in listed.output and SECRET not in listed.output


def test_an_inline_password_is_masked_in_errors(tmp_path: Path, web) -> None:
    write_workspace(tmp_path, web, ["acme"],
                    subscription("team", f"nope://user:{SECRET}@example.org/x"))
    result = _cli(tmp_path, "list")
    assert result.exit_code == 2 and "user:***@" in result.output
    assert SECRET not in result.output


def test_subscriptions_are_never_published(tmp_path: Path, web, hooks) -> None:
    from tests.support.notify import POLICY

    web.pages["/acme"] = POLICY
    write_workspace(tmp_path, web, ["acme"],
                    subscription("compliance-team", hooks.url("json", "/private-hook-path")))
    result = _cli(tmp_path, "run")
    assert result.exit_code == 0, result.output
    public = tmp_path / "public"
    pages = [p for p in public.rglob("*") if p.is_file()]
    assert pages
    for page in pages:
        data = page.read_bytes()
        assert b"compliance-team" not in data and b"private-hook-path" not in data, page
    assert BASE_URL  # the site links stay relative; feeds use base_url
