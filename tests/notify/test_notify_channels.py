"""Webhooks and chat through a local HTTP server: JSON with the change report's fields,
form posts, Markdown for chat; filters decide who hears about what."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.support.notify import (BASE_URL, COSMETIC, POLICY, RETENTION, SALE, subscription,
                       write_workspace)
from tracker.tracking import track
from tracker.workspace import Workspace

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def _run(root: Path, when: datetime, **kwargs):
    workspace = Workspace.open(root)
    return track(workspace, workspace.load_config(), captured_at=when, **kwargs)


def test_json_form_and_chat_posts_carry_the_change(tmp_path: Path, web, hooks) -> None:
    web.pages["/acme"] = POLICY
    write_workspace(tmp_path, web, ["acme"],
                    subscription("hook", hooks.url("json", "/json"))
                    + subscription("form", hooks.url("form", "/form"))
                    + subscription("room", hooks.url("ntfy", "/room")))
    assert _run(tmp_path, T0).exit_code == 0
    assert hooks.posts == []                     # a first version is not a change
    web.pages["/acme"] = SALE
    report = _run(tmp_path, T0 + timedelta(hours=1))
    assert report.exit_code == 0 and len(report.notifications.sent) == 3
    post, = hooks.at("/json")
    assert post.content_type.startswith("application/json")
    payload = json.loads(post.json()["message"])
    assert payload["type"] == "change" and payload["company"] == "acme"
    # "we do not sell" -> "we sell … to data brokers": a withdrawn no-sale promise is major (issue 13)
    assert payload["document"] == "privacy-policy" and payload["verdict"] == "major"
    for key in ("headline", "bullets", "topics", "entities", "sections", "stats",
                "similarity", "changes"):
        assert key in payload, key                 # the change report's own fields
    assert "Acxiom" in payload["entities"]["added"]["vendors"]
    assert payload["url"].startswith(BASE_URL + "companies/acme/privacy-policy/changes/")
    assert payload["redline_url"] == payload["url"] + "#redline-h"
    assert post.json()["title"] == f"Acme Inc. Privacy Policy: {payload['headline']}"
    form, = hooks.at("/form")
    assert json.loads(form.form()["message"])["id"] == payload["id"]
    chat, = [p for p in hooks.posts if p.path.split("?")[0] not in ("/json", "/form")]
    text = chat.json()["message"]
    assert f"[Change page]({payload['url']})" in text and "**" in text


def test_filters_cosmetic_sends_nothing_and_sale_reaches_only_its_subscribers(
        tmp_path: Path, web, hooks) -> None:
    web.pages["/acme"] = POLICY
    web.pages["/initech"] = POLICY
    write_workspace(tmp_path, web, ["acme", "initech"],
                    subscription("everything", hooks.url("json", "/all"), min_verdict="minor")
                    + subscription("sales", hooks.url("json", "/sale"), topics=["sale"])
                    + subscription("acme-only", hooks.url("json", "/acme"),
                                   companies=["acme"])
                    + subscription("terms", hooks.url("json", "/terms"),
                                   types=["terms-of-service"])
                    + subscription("acxiom", hooks.url("json", "/acxiom"),
                                   entities=["acxiom"])
                    + subscription("major", hooks.url("json", "/major"), min_verdict="major"))
    _run(tmp_path, T0)
    web.pages["/acme"] = COSMETIC
    web.pages["/initech"] = COSMETIC
    report = _run(tmp_path, T0 + timedelta(hours=1))
    assert report.outcomes[0].status == "changed" and hooks.posts == []   # cosmetic: nothing
    web.pages["/acme"] = SALE
    web.pages["/initech"] = RETENTION
    _run(tmp_path, T0 + timedelta(hours=2))

    def companies(path: str) -> list[str]:
        return sorted(json.loads(p.json()["message"])["company"] for p in hooks.at(path))

    assert companies("/all") == ["acme", "initech"]
    assert companies("/sale") == ["acme"]               # only the sale change
    assert companies("/acme") == ["acme"]
    assert companies("/terms") == []
    assert companies("/major") == ["acme"]              # the sale is major; initech's retention change is not
    assert companies("/acxiom") == ["acme"]             # a vendor newly named
    # each change went to each subscription once: a further run sends nothing again
    count = len(hooks.posts)
    _run(tmp_path, T0 + timedelta(hours=3))
    assert len(hooks.posts) == count


def test_a_change_older_than_the_subscription_is_not_sent(tmp_path: Path, web,
                                                          hooks) -> None:
    web.pages["/acme"] = POLICY
    write_workspace(tmp_path, web, ["acme"], "")
    _run(tmp_path, T0)
    web.pages["/acme"] = SALE
    _run(tmp_path, T0 + timedelta(hours=1))         # recorded before anyone subscribed
    write_workspace(tmp_path, web, ["acme"], subscription("late", hooks.url("json", "/late")))
    report = _run(tmp_path, T0 + timedelta(hours=2))
    assert report.exit_code == 0 and hooks.posts == []
    web.pages["/acme"] = RETENTION
    _run(tmp_path, T0 + timedelta(hours=3))
    post, = hooks.at("/late")
    assert "retention" in [t["topic"] for t in json.loads(post.json()["message"])["topics"]]


def test_dry_run_lists_and_sends_nothing_then_a_real_run_sends(tmp_path: Path, web,
                                                               hooks) -> None:
    web.pages["/acme"] = POLICY
    write_workspace(tmp_path, web, ["acme"], subscription("hook", hooks.url("json", "/h")))
    _run(tmp_path, T0)
    web.pages["/acme"] = SALE
    report = _run(tmp_path, T0 + timedelta(hours=1), notify="dry-run")
    assert hooks.posts == []
    line, = report.notifications.planned
    assert line.startswith("WOULD SEND hook -> json://127.0.0.1:")
    assert "Acme Inc. Privacy Policy: " in line
    report = _run(tmp_path, T0 + timedelta(hours=2))
    assert len(hooks.at("/h")) == 1 and report.notifications.sent


def test_matrix_posts_are_markdown_rendered_with_hostile_text_inert(tmp_path: Path, web,
                                                                     hooks) -> None:
    from html.parser import HTMLParser

    from tests.support.notify import hostile_texts

    old, new = hostile_texts()
    web.pages["/acme"] = old
    room = f"matrix://bot:roomtoken@127.0.0.1:{hooks.port}?mode=matrix"
    write_workspace(tmp_path, web, ["acme"], subscription("room", room, min_verdict="minor"))
    _run(tmp_path, T0)
    web.pages["/acme"] = new
    assert _run(tmp_path, T0 + timedelta(hours=1)).exit_code == 0
    post, = hooks.at("/api/v1/matrix/hook/roomtoken")
    message = post.json()
    assert message["format"] == "html" and message["displayName"] == "bot"

    class Tags(HTMLParser):
        found: list[tuple[str, dict]] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.found.append((tag, dict(attrs)))

    tags = Tags()
    tags.feed(message["text"])
    names = {tag for tag, _ in tags.found}
    assert names <= {"p", "strong", "ul", "li", "a", "h1", "h2", "h3", "br", "em", "code"}
    assert not any(k.startswith("on") for _, attrs in tags.found for k in attrs)
    links = [attrs["href"] for tag, attrs in tags.found if tag == "a"]
    assert links and all(link.startswith(BASE_URL) for link in links)
    assert "advertisers" in message["text"]
