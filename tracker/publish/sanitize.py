"""Allow-list filter for HTML fragments produced by other modules (the redline).

The change detector already escapes policy text; this is defence in depth so that a bug there
can never put a script or an active link into a page or a feed item.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Comment

from .markdown import is_safe_link
from .text import clean_text

ALLOWED_TAGS = frozenset({
    "p", "div", "span", "section", "ul", "ol", "li", "ins", "del", "mark", "strong", "em", "b",
    "i", "code", "pre", "br", "small", "h2", "h3", "h4", "h5", "h6", "blockquote", "a", "abbr",
    "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "s", "q", "sup", "sub", "hr",
})
DROP_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template",
                               "noscript", "svg", "math", "frame", "frameset", "link", "meta",
                               "base", "form", "textarea", "select", "button", "input"})
ALLOWED_ATTRS = frozenset({"class", "title", "lang", "dir", "aria-label", "role", "href",
                           "datetime", "cite"})


def sanitize_html(fragment: str) -> str:
    """Keep allowed tags/attributes only; unsafe links lose their href."""
    soup = BeautifulSoup(clean_text(fragment), "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        name = tag.name.lower()
        if name in DROP_WITH_CONTENT:
            tag.decompose()
            continue
        if name not in ALLOWED_TAGS:
            tag.unwrap()
            continue
        for attr in list(tag.attrs):
            value = tag.attrs[attr]
            if attr.lower() not in ALLOWED_ATTRS:
                del tag.attrs[attr]
            elif attr.lower() in {"href", "cite"}:
                if isinstance(value, list) or not is_safe_link(value):
                    del tag.attrs[attr]
        if name == "a" and tag.has_attr("href"):
            tag.attrs["rel"] = "nofollow noopener noreferrer"
    return str(soup)
