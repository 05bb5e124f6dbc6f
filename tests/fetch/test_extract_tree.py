"""The extraction tree (lxml events) and its CSS matching keep BeautifulSoup's meaning."""

from __future__ import annotations

import pytest
import soupsieve
from bs4 import BeautifulSoup
from tests.support.web import doc

from tracker.extract import extract
from tracker.extract.css import select
from tracker.extract.dom import get_text, parse

URL = "https://acme.example/legal/privacy"

PAGE = """<!doctype html><html><head><title>T</title></head><body>
<main id="m" class="Policy  legal"><h1 data-x="One">Privacy</h1>
<section class="part"><p lang="en">First <b>bold</b> part.</p><ul><li>a</li><li>b</li></ul></section>
<section class="part extra"><p>Second</p><div><p>nested <span class="note">note</span></p></div></section>
<ruby>漢<rt>kan</rt></ruby><input type="SUBMIT" value="x"><a rel="nofollow  ugc" href="/x">x</a>
</main><footer><p>foot</p></footer></body></html>"""

SELECTORS = ["main", "section", ".part", "section.part.extra", "#m", "main > section",
             "main p", "main > p", "[data-x]", "[data-x=One]", "[data-x=one i]", "[class~=legal]",
             "[class='Policy legal']", "[rel='nofollow ugc']", "input[type=submit]", "h1, .note",
             "div p span", "body > main > section > ul > li", "P", "[lang|=en]", "[href^='/']",
             # answered by soupsieve itself on a BeautifulSoup twin of the page
             "section:first-of-type", "h1 ~ section", "h1 + section", "li:nth-child(2)",
             "section:has(div)", ":not(p)", "p:-soup-contains('Second')", "section:last-child"]


@pytest.mark.parametrize("selector", SELECTORS)
def test_selectors_match_what_soupsieve_matches_on_beautifulsoup(selector: str) -> None:
    soup = BeautifulSoup(PAGE, "lxml")
    expected = [(t.name, t.get_text()) for t in soupsieve.select(selector, soup)]
    page = parse(PAGE)
    assert [(e.name, get_text(e)) for e in select(page, selector)] == expected


def test_text_around_a_removed_element_stays_two_runs() -> None:
    # BeautifulSoup kept "a " and " b" apart after dropping the <span>: markdownify then wrote
    # two spaces. Byte-identical output needs the same.
    page = "<main><p>a <span class='ad'>x</span> b</p></main>"
    assert extract(page.encode(), "text/html", URL, doc(URL, remove=(".ad",)),
                   encoding="utf-8").text == "a  b\n"


def test_ruby_text_is_converted_but_not_counted_as_page_text() -> None:
    page = parse("<p>漢<rt>kan</rt>字</p>")
    assert get_text(page.root) == "漢字"


def test_whitespace_only_runs_collapse_except_in_pre() -> None:
    page = parse("<div>\n\n   \n<pre>  \n  </pre>\t \t</div>")
    div = page.root.children[0].children[0].children[0]  # html > body > div
    assert div.children[0] == "\n" and div.children[2] == " "
    assert div.children[1].children == ["  \n  "]


def test_pseudo_class_selector_sees_earlier_removals() -> None:
    page = ("<main><p class='ad'>ad</p><p>one</p><p>two</p></main>")
    text = extract(page.encode(), "text/html", URL,
                   doc(URL, remove=(".ad",), select=("main > p:first-child",)),
                   encoding="utf-8").text
    assert text == "one\n"
