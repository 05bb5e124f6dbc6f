"""The HTML of feed items: readable in any reader, with or without CSS, never live markup.

Most feed readers strip styles and classes, so an item cannot rely on them: insertions and
deletions carry "[added: …]" / "[removed: …]" markers inside their `<ins>`/`<del>`, meaning
notes (the detector's "flips") stand on their own line after the sentence they annotate, and
every text node is escaped again. The redline fragment is re-serialised from parser events
with a small tag allow-list and no attributes at all, so nothing a policy or a server says can
become a script, a handler or a link in a reader, whatever the fragment held.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from tracker.publish.text import clean_text

TITLE_LIMIT = 110
_KEPT = frozenset({"p", "h4", "ul", "ol", "li", "ins", "del", "strong", "em", "br", "div",
                   "section", "code"})
_SKIP = frozenset({"script", "style", "iframe", "object", "embed", "template", "svg", "math",
                   "noscript", "textarea", "title", "xmp", "noembed", "noframes", "plaintext"})
_MARKERS = {"ins": "[added: ", "del": "[removed: "}


def short_title(text: str, limit: int = TITLE_LIMIT) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters ("…" added)."""
    text = " ".join(clean_text(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def text_html(text: str) -> str:
    """Plain text as an HTML fragment that displays exactly that text (for RSS fields that
    readers render as HTML: title and description)."""
    return escape(clean_text(text), quote=True)


class _FeedRedline(HTMLParser):
    """Re-serialises a (sanitised) redline for feed readers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []     # emitted elements (and "flip" for a meaning note)
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip or tag in _SKIP:
            self.skip += tag in _SKIP
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag == "span" and "flip" in classes:
            self.out.append("<br><em>Meaning: ")
            self.open.append("flip")
        elif tag == "br":
            self.out.append("<br>")
        elif tag in _KEPT:
            self.out.append(f"<{tag}>" + _MARKERS.get(tag, ""))
            self.open.append(tag)
        elif tag == "span":
            self.open.append("span")       # kept open only to match its end tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.skip:
            self.out.append("<br>")

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip -= tag in _SKIP
            return
        name = "flip" if tag == "span" and self.open and self.open[-1] == "flip" else tag
        if name not in self.open:
            return
        while self.open:
            top = self.open.pop()
            self._close(top)
            if top == name:
                break

    def _close(self, tag: str) -> None:
        if tag == "flip":
            self.out.append("</em>")
        elif tag != "span":
            self.out.append(("]" if tag in _MARKERS else "") + f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(escape(clean_text(data), quote=False))

    def result(self) -> str:
        self.close()
        while self.open:
            self._close(self.open.pop())
        return "".join(self.out)


def feed_redline(fragment: str) -> str:
    """The short redline of a change as feed-item HTML (see the module docstring)."""
    parser = _FeedRedline()
    try:
        parser.feed(fragment.replace("<!", "&lt;!"))
        return parser.result()
    except (AssertionError, ValueError, IndexError):
        return f"<p>{escape(clean_text(fragment), quote=False)}</p>"
