"""The extraction tree (lxml events) and its CSS matching keep BeautifulSoup's meaning."""

from __future__ import annotations

import pytest
import soupsieve
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.support.web import doc

from tracker.extract import extract
from tracker.extract.css import plain_selectors, select
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


def _same_structure(mine, theirs) -> bool:
    """A selector list read by css.plain_selectors equals soupsieve's compiled one in every
    field the matching reads (soupsieve leaves the tag of some compounds without a type None
    instead of "*": both mean any element to the matching)."""
    if len(mine) != len(theirs):
        return False
    for a, b in zip(mine, theirs):
        tag = b.tag.name if b.tag is not None else "*"
        prefix = b.tag.prefix if b.tag is not None else None
        if (a.tag.name, a.tag.prefix, a.ids, a.classes, a.rel_type) != \
                (tag, prefix, b.ids, b.classes, b.rel_type) or b.attributes \
                or b.nth or b.selectors or b.contains or b.lang or b.flags:
            return False
        if not _same_structure(a.relation, b.relation):
            return False
    return True


_NAMES = st.from_regex(r"\A-?[A-Za-z_][A-Za-z0-9_-]{0,5}\Z")
_COMPOUNDS = st.builds(lambda head, parts: head + "".join(parts),
                       st.sampled_from(["", "*"]) | _NAMES,
                       st.lists(st.builds(lambda k, n: k + n, st.sampled_from(".#"), _NAMES),
                                max_size=3))
_JOINERS = st.sampled_from([" ", ">", " > ", "\t", "\n>", ",", " , ", "  ", "+", ":"])
_PLAINISH = st.builds(lambda first, rest, pad: pad + first + "".join(a + b for a, b in rest)
                      + pad, _COMPOUNDS, st.lists(st.tuples(_JOINERS, _COMPOUNDS), max_size=3),
                      st.sampled_from(["", " "]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PLAINISH | st.text("ab.#*> ,\t-_1", max_size=10))
def test_plain_selectors_are_read_as_soupsieve_compiles_them(selector: str) -> None:
    """Selectors read without soupsieve (names, classes, ids, descendant and child
    combinators, commas) get exactly the structure soupsieve compiles, and only selectors
    soupsieve accepts are read that way."""
    mine = plain_selectors(selector)
    if mine is None:
        return
    assert _same_structure(mine, soupsieve.compile(selector).selectors), selector


def test_the_usual_selectors_need_no_soupsieve() -> None:
    page = parse(PAGE)
    for selector in ("main", ".part", "section.part.extra", "#m", "main > section", "main p",
                     "h1, .note", "div p span", "body > main > section > ul > li", "P", "*"):
        assert plain_selectors(selector) is not None, selector
        soup = BeautifulSoup(PAGE, "lxml")
        expected = [(t.name, t.get_text()) for t in soupsieve.select(selector, soup)]
        assert [(e.name, get_text(e)) for e in select(page, selector)] == expected
    for selector in ("[data-x]", "a:first-child", "h1 ~ section", "a >", "> a", "a,", ",a"):
        assert plain_selectors(selector) is None, selector
