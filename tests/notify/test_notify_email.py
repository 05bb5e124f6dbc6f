"""E-mail through a real SMTP server (aiosmtpd) on 127.0.0.1: subject, plain and HTML parts,
absolute links, hostile policy text inert in the HTML."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from tests.support.notify import BASE_URL, POLICY, SALE, hostile_texts, subscription, write_workspace
from tracker.cli import main

ALLOWED_TAGS = {"html", "head", "meta", "title", "body", "h1", "h2", "h3", "p", "ul", "li",
                "a", "br"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _cli(root: Path, *args: str):
    return CliRunner().invoke(main, ["-w", str(root), *args])


def _headline(root: Path) -> str:
    result = _cli(root, "diff", "acme", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["headline"]


def _two_versions(root: Path, web, old: str, new: str) -> None:
    web.pages["/acme"] = old
    assert _cli(root, "track").exit_code == 0
    web.pages["/acme"] = new
    result = _cli(root, "track")
    assert result.exit_code == 0, (result.stdout, result.stderr)


def test_a_change_is_mailed_with_both_parts_and_absolute_links(tmp_path: Path, web,
                                                               mailbox) -> None:
    write_workspace(tmp_path, web, ["acme"], subscription("team", mailbox.url()))
    _two_versions(tmp_path, web, POLICY, SALE)
    message, = mailbox.messages
    assert message["Subject"] == f"Acme Inc. Privacy Policy: {_headline(tmp_path)}"
    assert message["To"] == "team@example.org"
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    page = f"{BASE_URL}companies/acme/privacy-policy/changes/"
    for part in (plain, html):
        assert page in part and "#redline-h" in part
        assert "Acxiom" in part and "major" in part        # a withdrawn no-sale promise
    parser = _Tags()
    parser.feed(html)
    hrefs = [attrs["href"] for tag, attrs in parser.tags if tag == "a"]
    assert hrefs and all(h.startswith(BASE_URL) for h in hrefs)
    # the link points at the page the site build writes
    assert _cli(tmp_path, "build").exit_code == 0
    change_page = hrefs[0].split("#")[0][len(BASE_URL):]
    assert (tmp_path / "public" / change_page).is_file()


def test_hostile_policy_text_is_escaped_in_the_html_part(tmp_path: Path, web,
                                                          mailbox) -> None:
    old, new = hostile_texts()
    write_workspace(tmp_path, web, ["acme"],
                    subscription("team", mailbox.url(), min_verdict="minor"))
    _two_versions(tmp_path, web, old, new)
    message, = mailbox.messages
    html = message.get_body(("html",)).get_content()
    parser = _Tags()
    parser.feed(html)
    assert {tag for tag, _ in parser.tags} <= ALLOWED_TAGS
    assert all(not name.startswith("on") for _, attrs in parser.tags for name in attrs)
    for tag, attrs in parser.tags:
        if tag == "a":
            assert attrs["href"].startswith(BASE_URL)
    assert "advertisers" in html          # the statement is there, as text
    assert "\u202e" not in message["Subject"] and "\n" not in message["Subject"]
