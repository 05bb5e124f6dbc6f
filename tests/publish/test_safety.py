"""Untrusted text through the Markdown renderer, the sanitizer and the text cleaner."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.properties import examples
from tracker.publish.markdown import is_safe_link, render_markdown
from tracker.publish.sanitize import sanitize_html
from tracker.publish.text import clean_text

NASTY = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))",
    "[b](JaVaScRiPt:alert(1))", "[c](java\tscript:alert(1))", "[d](data:text/html;base64,xx)",
    "[e](vbscript:msgbox(1))", "<a href='javascript:1'>x</a>", "<svg onload=alert(1)>",
    "[f](//evil.example/x)", "<iframe src=//evil>", "\x00\x1b\ufffe", "<style>*{}</style>",
    "[g]( javascript:alert(1))", "[h](&#106;avascript:alert(1))", "<",
]
BAD_TAGS = {"script", "iframe", "svg", "img", "style", "object", "embed", "frame", "base",
            "link", "meta", "form", "math", "template"}


class _Active(HTMLParser):
    """Collects what a browser would treat as active: bad tags, handlers, unsafe URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BAD_TAGS:
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(name)
            # an empty href (Markdown "[]()") points at the page itself: inert
            if name in ("href", "src", "action") and value and not is_safe_link(value):
                self.found.append(f"{name}={value}")


class ACTIVE:  # noqa: N801 - reads like a pattern at the call sites
    @staticmethod
    def search(html: str) -> list[str]:
        parser = _Active()
        parser.feed(html)
        parser.close()
        return parser.found


def test_links_allowed_only_for_safe_schemes() -> None:
    for ok in ("https://a.example/x", "http://a.example", "mailto:a@b.example", "tel:+1",
               "#top"):
        assert is_safe_link(ok), ok
    for bad in ("javascript:alert(1)", " JAVASCRIPT:x", "java\nscript:x", "data:text/html,x",
                "vbscript:x", "file:///etc/passwd", "//evil.example", "relative/page.html", ""):
        assert not is_safe_link(bad), bad


def test_markdown_renders_nasty_input_inert() -> None:
    for text in NASTY:
        html = render_markdown(text)
        assert not ACTIVE.search(html), (text, html)
    html = render_markdown("# Title\n\n[ok](https://a.example/?q=1&r=2)\n\n| a | b |\n|---|---|\n"
                           "| 1 | 2 |\n")
    assert "<h1>Title</h1>" in html and "<table>" in html
    assert '<a href="https://a.example/?q=1&amp;r=2" rel="nofollow noopener noreferrer">' in html


def test_sanitizer_keeps_redline_markup_and_drops_the_rest() -> None:
    html = ('<div class="redline"><section><h4>S &amp; T</h4><p class="change change-moved">'
            '<span class="moved-label">Moved:</span> <ins>new</ins> <del>old</del></p>'
            '</section></div>')
    assert sanitize_html(html) == html
    for text in NASTY:
        assert not ACTIVE.search(sanitize_html(text)), text
    assert sanitize_html("<p>unclosed <b>bold") == "<p>unclosed <b>bold</b></p>"
    assert sanitize_html("</div>stray") == "stray"
    assert sanitize_html('<a href="https://x.example" onclick="x">l</a>') == (
        '<a href="https://x.example" rel="nofollow noopener noreferrer">l</a>')


def test_clean_text_strips_only_xml_illegal_characters() -> None:
    assert clean_text("a\x00b\x08c\x0bd\x1be\x7ff\x85g\ufffeh\ud800i") == "abcdefghi"
    keep = "tab\tnl\ncr\r 中文 русский العربية emoji 🙂"
    assert clean_text(keep) == keep


@settings(max_examples=examples(200), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/='\"&:; \tjavscriptonerrorhfdl()[]!#x\x00")),
               max_size=80))
def test_fuzzed_input_never_becomes_active(text: str) -> None:
    assert not ACTIVE.search(render_markdown(text))
    assert not ACTIVE.search(sanitize_html(text))
