"""A small document tree for extraction, built straight from lxml's parser events.

Extraction used to walk a BeautifulSoup tree; building one costs most of an HTML page's
extraction time. This tree is built from the very same libxml2 events BeautifulSoup's "lxml"
builder receives and keeps the details the Markdown output depends on exactly as that builder
did: text runs made only of ASCII whitespace become one space or newline (except inside
<pre>/<textarea>), text inside <rt>/<rp> is converted but not counted by `get_text`, comments
stay as siblings, and removing an element never merges the text on either side of it.
"""

from __future__ import annotations

import re
from typing import Iterator

from lxml import etree

_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"
_PRESERVE_WS = frozenset({"pre", "textarea"})
_RUBY = frozenset({"rt", "rp"})
_STRING_CONTAINERS = frozenset({"rt", "rp", "style", "script", "template"})
_NOT_WS = re.compile(r"\S+")


Text = str  # a run of text: converted to Markdown and counted by `get_text` (the common case)


class OtherText(str):
    """Text inside <rt>/<rp>, <script>, <style> or <template>: converted, not counted."""

    __slots__ = ()


class Comment(str):
    """A comment or doctype: a sibling like any other node, never output."""

    __slots__ = ()


class Element:
    """An element: lower-case name, attributes (`class` as a list of names), children."""

    __slots__ = ("name", "attrs", "children", "parent")

    def __init__(self, name: str, attrs: dict, parent: "Element | None") -> None:
        self.name = name
        self.attrs = attrs
        self.children: list[Node] = []
        self.parent = parent

    def get(self, key: str, default: object = None) -> object:
        return self.attrs.get(key, default)

    def __repr__(self) -> str:
        return f"<{self.name} {self.attrs!r}>"


Node = Element | Text | OtherText | Comment


class Document:
    """The parsed page: the root (named "[document]") and every element in document order."""

    def __init__(self, root: Element, elements: list[Element], html: str) -> None:
        self.root = root
        self.elements = elements
        self.html = html
        self.dropped: list[Element] = []   # removed so far, in order (for css's mirror)
        self.unwrapped: list[Element] = []  # replaced by their children (too deeply nested)
        self.mirror: object | None = None  # css's BeautifulSoup twin, built only if needed


class _Builder:
    """lxml parser target: grows the tree the way BeautifulSoup's lxml builder does."""

    def __init__(self) -> None:
        self.root = Element("[document]", {}, None)
        self.current = self.root
        self.elements: list[Element] = []
        self.pending: list[str] = []
        self.preserve = 0          # open <pre>/<textarea>
        self.containers: list[str] = []  # open <rt>, <rp>, <script>, <style>, <template>

    def _flush(self, kind: type[str] | None = None) -> None:
        data = "".join(self.pending)
        self.pending = []
        if not self.preserve and not data.strip(_ASCII_SPACES):
            data = "\n" if "\n" in data else " "
        if kind is None:
            kind = OtherText if self.containers else Text
        self.current.children.append(kind(data))

    def start(self, tag: str, attrib: dict) -> None:
        if self.pending:
            self._flush()
        attrs = attrib if type(attrib) is dict else dict(attrib)
        if "class" in attrs:
            attrs["class"] = _NOT_WS.findall(attrs["class"])
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        self.elements.append(element)
        self.current = element
        if tag in _PRESERVE_WS:
            self.preserve += 1
        if tag in _STRING_CONTAINERS:
            self.containers.append(tag)

    def end(self, tag: str) -> None:
        if self.pending:
            self._flush()
        element = self.current
        if element.parent is None:  # an end without a start: nothing is open
            return
        if element.name in _PRESERVE_WS:
            self.preserve -= 1
        if element.name in _STRING_CONTAINERS:
            self.containers.pop()
        self.current = element.parent

    def data(self, data: str) -> None:
        self.pending.append(data)

    def comment(self, text: str) -> None:
        if self.pending:
            self._flush()
        self.pending.append(text)
        self._flush(Comment)

    def doctype(self, *args: object) -> None:
        if self.pending:
            self._flush()
        self.current.children.append(Comment("doctype"))

    def pi(self, target: str, data: str) -> None:
        if self.pending:
            self._flush()
        self.pending.append(f"{target} {data}")
        self._flush(OtherText)

    def close(self) -> None:
        if self.pending:
            self._flush()


def parse(html: str) -> Document:
    """The tree of an HTML page, as libxml2 recovers it."""
    if html[:1] == "\ufeff":
        html = html[1:]
    builder = _Builder()
    try:
        parser = etree.HTMLParser(target=builder, recover=True)
        parser.feed(html)
        parser.close()
    except (UnicodeDecodeError, LookupError, etree.ParserError):
        builder = _Builder()  # as BeautifulSoup does: retry as UTF-8 bytes
        parser = etree.HTMLParser(target=builder, recover=True, encoding="utf8")
        parser.feed(html.encode("utf8"))
        parser.close()
    return Document(builder.root, builder.elements, html)


# ---------------------------------------------------------------------------------------------
# Walking and editing
# ---------------------------------------------------------------------------------------------


def descendants(element: Element) -> list[Element]:
    """Every element below `element`, in document order."""
    found: list[Element] = []
    stack = [c for c in reversed(element.children) if c.__class__ is Element]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend([c for c in reversed(node.children)
                      if c.__class__ is Element])
    return found


def find_all(element: Element, names: frozenset[str] | tuple[str, ...] | str,
             limit: int = 0) -> list[Element]:
    """Elements below `element` with one of `names`, in document order."""
    if isinstance(names, str):
        names = (names,)
    found = [node for node in descendants(element) if node.name in names]
    return found[:limit] if limit else found


def strings(element: Element) -> Iterator[str]:
    """The countable text runs below `element` (what BeautifulSoup's get_text joins: plain
    text; inside an <rt> or <rp> asked for itself, its ruby text)."""
    counted = (str, OtherText) if element.name in _RUBY else (str,)
    stack = [iter(element.children)]
    while stack:
        for child in stack[-1]:
            cls = child.__class__
            if cls in counted:
                yield child  # type: ignore[misc]
            elif cls is Element:
                stack.append(iter(child.children))  # type: ignore[union-attr]
                break
        else:
            stack.pop()


def get_text(element: Element, separator: str = "", strip: bool = False) -> str:
    if not strip:
        return separator.join(strings(element))
    return separator.join(s for s in (t.strip() for t in strings(element)) if s)


def has_ancestor(element: Element, name: str) -> bool:
    node = element.parent
    while node is not None:
        if node.name == name:
            return True
        node = node.parent
    return False


def detach(element: Element) -> None:
    """Take `element` out of its parent (the text around it stays as separate runs)."""
    parent = element.parent
    if parent is not None:
        children = parent.children
        for i, child in enumerate(children):
            if child is element:
                del children[i]
                break
        element.parent = None


def replace(element: Element, nodes: list[Node]) -> None:
    """Put `nodes` where `element` is (they are re-parented)."""
    parent = element.parent
    if parent is None:
        return
    children = parent.children
    for i, child in enumerate(children):
        if child is element:
            children[i:i + 1] = nodes
            break
    for node in nodes:
        if node.__class__ is Element:
            node.parent = parent
    element.parent = None
