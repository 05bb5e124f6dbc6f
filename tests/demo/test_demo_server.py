"""The sample-site server: rendering of both text layouts, page chrome, conditional GETs."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from tracker.demo.run import SampleSet, SampleSite
from tracker.demo.server import DemoServer, markdown_to_html, plain_text_to_html

HARD_WRAPPED = """\
PRIVACY POLICY
We respect your privacy and are committed to protecting it through our
compliance with this privacy policy. This Policy describes the types of
information we may collect from you and how you can access and
update it.
TABLE OF CONTENTS
Retention of information
Contacting us
RETENTION OF INFORMATION
We will retain and use your Personal Information for the period
necessary to comply with our legal obligations.
Once the retention period expires, Personal Information shall be
deleted, and no copy of it is kept in our backups or archives beyond it.
"""

ONE_PER_LINE = """\
solutions
pricing
what information does connio collect?
when you use the connio site or sign up for the services, connio may collect certain contact information from you, including your name and e-mail address.
cookies are sets of data which are stored by your web browser <b>and</b> which contain data.
last updated: may 2015
"""


def test_hard_wrapped_text_becomes_paragraphs_and_headings() -> None:
    html = plain_text_to_html(HARD_WRAPPED)
    assert "<h1>PRIVACY POLICY</h1>" in html
    assert "<h2>RETENTION OF INFORMATION</h2>" in html
    assert ("<p>We respect your privacy and are committed to protecting it through our "
            "compliance with this privacy policy. This Policy describes the types of "
            "information we may collect from you and how you can access and update it.</p>"
            ) in html
    # table-of-contents lines stay separate; a sentence end that leaves room ends a paragraph
    assert "<p>Retention of information</p>\n<p>Contacting us</p>" in html
    assert "legal obligations.</p>\n<p>Once the retention period expires" in html
    assert "shall be deleted, and no copy" in html


def test_one_paragraph_per_line_text_is_kept_and_escaped() -> None:
    html = plain_text_to_html(ONE_PER_LINE)
    assert "<p>solutions</p>\n<p>pricing</p>" in html
    assert "<h2>what information does connio collect?</h2>" in html
    assert "&lt;b&gt;and&lt;/b&gt;" in html and "<b>" not in html
    assert "<p>last updated: may 2015</p>" in html


def test_markdown_raw_html_is_escaped_not_injected() -> None:
    html = markdown_to_html("## Cookies\n\nWe use <script>alert(1)</script> **cookies**.\n")
    assert "<h2>Cookies</h2>" in html and "<strong>cookies</strong>" in html
    assert "<script>" not in html


def test_serves_the_version_current_on_the_simulated_date(sample_server, samples: SampleSet) -> None:
    site, server = sample_server
    url = server.url_for("connact", "privacy-policy")
    site.set_date(date(2024, 3, 1))
    page = httpx.get(url)
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.headers["last-modified"] == "Mon, 12 Feb 2024 00:00:00 GMT"
    body = page.text
    assert "last updated on February 12, 2024" in body
    # page chrome around the policy, so extraction has real work to do
    for chrome in ('id="cookie-banner"', "<nav", "<footer", "&copy; 2024 CONNACT", "newsletter"):
        assert chrome in body
    site.set_date(date(2025, 6, 1))
    assert "last updated on March 18, 2025" in httpx.get(url).text


def test_conditional_requests_get_304_until_the_page_changes(sample_server) -> None:
    site, server = sample_server
    url = server.url_for("konnektive", "privacy-policy")
    site.set_date(date(2019, 7, 1))
    first = httpx.get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = httpx.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert httpx.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert httpx.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    site.set_date(date(2019, 12, 31))       # same version, same year: still not modified
    assert httpx.get(url, headers={"If-None-Match": etag}).status_code == 304
    site.set_date(date(2020, 1, 2))         # same version, new copyright year: new body
    changed = httpx.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert changed.headers["last-modified"] == modified
    head = httpx.head(url)
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) == len(changed.content)


def test_unknown_pages_and_not_yet_published_documents_are_404(sample_server) -> None:
    site, server = sample_server
    site.set_date(date(2016, 1, 1))         # CONNACT's policy appears in 2023
    assert httpx.get(server.url_for("connact", "privacy-policy")).status_code == 404
    assert httpx.get(server.url_for("nobody", "privacy-policy")).status_code == 404
    assert httpx.get(server.base_url + "/").status_code == 404
    assert httpx.get(server.base_url + "/robots.txt").status_code == 200


def test_server_stops_and_frees_its_port(samples: SampleSet) -> None:
    site = SampleSite(samples)
    with DemoServer(site.page) as server:
        url = server.url_for("connio", "privacy-policy")
        assert server.base_url.startswith("http://127.0.0.1:")
        assert httpx.get(url).status_code == 200
    with pytest.raises(httpx.ConnectError):
        httpx.get(url, timeout=2)
