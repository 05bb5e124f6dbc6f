"""Allow-list filter for HTML fragments produced by other modules (the redline).

The change detector already escapes policy text; this is defence in depth so that a bug there
can never put a script or an active link into a page or a feed item. It re-serialises the
fragment from parser events (allowed tags and attributes only, every text and attribute value
escaped again, tags balanced), which is both safer and several times faster than building a
tree: a full site build sanitises thousands of fragments.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from tracker.publish.markdown import is_safe_link
from tracker.publish.text import clean_text

ALLOWED_TAGS = frozenset({
    "p", "div", "span", "section", "ul", "ol", "li", "ins", "del", "mark", "strong", "em", "b",
    "i", "code", "pre", "br", "small", "h2", "h3", "h4", "h5", "h6", "blockquote", "a", "abbr",
    "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "s", "q", "sup", "sub", "hr",
})
VOID_TAGS = frozenset({"br", "hr"})
DROP_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template",
                               "noscript", "svg", "math", "frame", "frameset", "textarea",
                               "select", "title", "xmp", "noembed", "noframes", "plaintext"})
ALLOWED_ATTRS = frozenset({"class", "title", "lang", "dir", "aria-label", "role", "href",
                           "datetime", "cite"})
LINK_ATTRS = frozenset({"href", "cite"})


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.skip: list[str] = []   # stack of dropped elements we are inside

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag in DROP_WITH_CONTENT:
                self.skip.append(tag)
            return
        if tag in DROP_WITH_CONTENT:
            self.skip.append(tag)
            return
        if tag not in ALLOWED_TAGS:
            return
        kept = []
        for name, value in attrs:
            if name not in ALLOWED_ATTRS or value is None:
                continue
            if name in LINK_ATTRS and not is_safe_link(value):
                continue
            kept.append(f' {name}="{escape(clean_text(value), quote=True)}"')
        if tag == "a" and any(k.startswith(" href=") for k in kept):
            kept.append(' rel="nofollow noopener noreferrer"')
        self.out.append(f"<{tag}{''.join(kept)}>")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag not in self.open:
            return
        while self.open:
            top = self.open.pop()
            self.out.append(f"</{top}>")
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(escape(clean_text(data), quote=False))

    def result(self) -> str:
        self.close()
        self.out.extend(f"</{tag}>" for tag in reversed(self.open))
        self.open.clear()
        return "".join(self.out)


def sanitize_html(fragment: str) -> str:
    """Keep allowed tags/attributes only; unsafe links lose their href; tags are balanced.

    Markup declarations (`<!...`: comments, doctypes, CDATA and marked sections) are never
    wanted in a fragment, and the standard parser can raise on malformed ones, so they are
    turned into text before parsing; any other parser failure falls back to plain text.
    """
    parser = _Sanitizer()
    try:
        parser.feed(fragment.replace("<!", "&lt;!"))
        return parser.result()
    except (AssertionError, ValueError, IndexError):
        return escape(clean_text(fragment), quote=False)
