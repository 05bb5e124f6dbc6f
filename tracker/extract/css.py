"""CSS selectors (`select`, `remove`) over the extraction tree, with soupsieve's meaning.

Selectors are compiled by soupsieve, the engine the config validator uses, so what is valid
and what an error says stay the same; only selectors made of names, classes and ids joined by
descendant or child combinators and commas (`article.policy`, `main > #content`) are read
here into the very structure soupsieve builds for them (a test compares the two), so the
usual page is extracted without importing soupsieve and BeautifulSoup at all. The usual
selectors (names, ids, classes, attributes, descendant and child combinators, lists) are
matched here directly, the way soupsieve matches them on an HTML document (every element an
HTML one: `[type=x]` ignores case, as there); anything else (pseudo-classes, sibling
combinators, namespaces) is matched by soupsieve itself on a BeautifulSoup tree of the same
page, mapped back element by element, with the elements removed so far removed there too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tracker.extract.dom import Document, Element, descendants

# BeautifulSoup splits these attributes into word lists; soupsieve joins them back with spaces.
_LIST_ATTRS = {"*": frozenset({"class", "accesskey", "dropzone"}),
               "a": frozenset({"rel", "rev"}), "link": frozenset({"rel", "rev"}),
               "td": frozenset({"headers"}), "th": frozenset({"headers"}),
               "form": frozenset({"accept-charset"}), "object": frozenset({"archive"}),
               "area": frozenset({"rel"}), "icon": frozenset({"sizes"}),
               "iframe": frozenset({"sandbox"}), "output": frozenset({"for"})}
_NOT_WS = re.compile(r"\S+")
_ASCII_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class InvalidSelector(ValueError):
    """A selector soupsieve refuses (its message)."""


def select(doc: Document, selector: str) -> list[Element]:
    """Every element of the page matching `selector`, in document order (InvalidSelector
    with soupsieve's message for a selector it refuses)."""
    compiled: Any = plain_selectors(selector)
    if compiled is None:
        import soupsieve

        try:
            compiled = soupsieve.compile(selector).selectors
        except soupsieve.SelectorSyntaxError as exc:
            raise InvalidSelector(str(exc)) from None
        if not _simple(compiled):
            return _SoupMirror.of(doc).select(doc, selector)
    return [el for el in descendants(doc.root) if _match_list(el, compiled)]


# ---------------------------------------------------------------------------------------------
# Names, classes and ids, read without soupsieve
# ---------------------------------------------------------------------------------------------

_IDENT = r"-?[A-Za-z_][A-Za-z0-9_-]*"
_COMPOUND = rf"(?:(?:{_IDENT}|\*)(?:[.#]{_IDENT})*|(?:[.#]{_IDENT})+)"
_PLAIN = re.compile(rf"{_COMPOUND}(?:(?:[ \t\n]*>[ \t\n]*|[ \t\n]+){_COMPOUND})*")
_PARTS = re.compile(rf"([.#]?)({_IDENT}|\*)")
_COMBINATOR = re.compile(r"[ \t\n]*>[ \t\n]*|[ \t\n]+")


@dataclass(frozen=True)
class PlainTag:
    name: str
    prefix: None = None


@dataclass(frozen=True)
class PlainSelector:
    """The fields of soupsieve's compiled selector that matching reads, for the plain case."""

    tag: PlainTag
    ids: tuple[str, ...]
    classes: tuple[str, ...]
    relation: tuple[PlainSelector, ...]
    rel_type: str | None
    attributes: tuple[()] = field(default=())


def plain_selectors(selector: str) -> tuple[PlainSelector, ...] | None:
    """The selector list read here when it is plain (see the module docstring), else None."""
    complexes = [part.strip(" \t\n") for part in selector.split(",")]
    if not all(c and _PLAIN.fullmatch(c) and c[0] not in " >" for c in complexes):
        return None
    return tuple(_complex(c) for c in complexes)


def _complex(text: str) -> PlainSelector:
    compounds = _COMBINATOR.split(text)
    combinators = [c.strip(" \t\n") or " " for c in _COMBINATOR.findall(text)]
    selector: PlainSelector | None = None
    for i, compound in enumerate(compounds):
        rel_type = combinators[i] if i < len(combinators) else None
        selector = _compound(compound, (selector,) if selector else (), rel_type)
    assert selector is not None
    return selector


def _compound(text: str, relation: tuple[PlainSelector, ...], rel_type: str | None
              ) -> PlainSelector:
    tag, ids, classes = PlainTag("*"), [], []  # no type: soupsieve's "*" as well
    for kind, name in _PARTS.findall(text):
        if kind == "#":
            ids.append(name)
        elif kind == ".":
            classes.append(name)
        else:
            tag = PlainTag(name)
    return PlainSelector(tag, tuple(ids), tuple(classes), relation, rel_type)


# ---------------------------------------------------------------------------------------------
# The usual selectors, matched directly
# ---------------------------------------------------------------------------------------------


def _simple(selectors: Any) -> bool:
    from soupsieve import css_types as ct

    if selectors.is_not or selectors.is_html:
        return False
    for sel in selectors:
        if sel is ct.Null or sel.flags or sel.nth or sel.selectors or sel.contains or sel.lang:
            return False
        if sel.tag is not None and sel.tag.prefix is not None:
            return False
        if any(a.prefix not in ("", None) for a in sel.attributes):
            return False
        if sel.relation:
            if sel.relation[0].rel_type not in (" ", ">") or not _simple(sel.relation):
                return False
    return True


def _match_list(el: Element, selectors: Any) -> bool:
    for sel in selectors:
        if _match(el, sel):
            return True
    return False


def _match(el: Element, sel: Any) -> bool:
    tag = sel.tag
    if tag is not None and tag.name not in (None, "*") and tag.name != el.name \
            and tag.name.translate(_ASCII_UPPER) != el.name.translate(_ASCII_UPPER):
        return False
    for ident in sel.ids:
        if ident != _attribute(el, "id"):
            return False
    if sel.classes:
        classes = el.attrs.get("class") or ()
        if any(c not in classes for c in sel.classes):
            return False
    for attr in sel.attributes:
        value = _attribute(el, attr.attribute)
        if value is None:
            if getattr(attr, "inverse", False):
                continue
            return False
        if attr.pattern is None:
            continue
        # soupsieve 2.x has neither field: `[a!=b]` compiles to a negated selector there and
        # a case-insensitive value (`[type=x]` in HTML, `[a=b i]`) into the pattern's flags
        if getattr(attr, "ignore_case", False):
            value = value.translate(_ASCII_UPPER)
        if attr.pattern.search(value) is None:
            return False
    if sel.relation:
        return _match_relation(el, sel.relation)
    return True


def _match_relation(el: Element, relation: Any) -> bool:
    parent = el.parent
    if relation[0].rel_type == ">":
        return parent is not None and parent.name != "[document]" \
            and _match_list(parent, relation)
    while parent is not None and parent.name != "[document]":
        if _match_list(parent, relation):
            return True
        parent = parent.parent
    return False


def _attribute(el: Element, name: str) -> str | None:
    """An attribute's value as soupsieve sees it on a BeautifulSoup tag (names ignore case)."""
    target = name.translate(_ASCII_UPPER)
    for key, value in el.attrs.items():
        if key.translate(_ASCII_UPPER) == target:
            if isinstance(value, list):
                return " ".join(value)
            if key in _LIST_ATTRS["*"] or key in _LIST_ATTRS.get(el.name, ()):
                return " ".join(_NOT_WS.findall(value))
            return value
    return None


# ---------------------------------------------------------------------------------------------
# Everything else: soupsieve on a BeautifulSoup tree of the same page
# ---------------------------------------------------------------------------------------------


class _SoupMirror:
    """A BeautifulSoup tree of the page whose tags correspond one to one to the elements."""

    def __init__(self, doc: Document) -> None:
        from bs4 import BeautifulSoup

        self.soup = BeautifulSoup(doc.html, "lxml")
        tags = self.soup.find_all(True)
        if len(tags) != len(doc.elements) or any(
                t.name != e.name for t, e in zip(tags, doc.elements, strict=False)):
            raise RuntimeError("BeautifulSoup and lxml built different trees")  # not expected
        self.element_of = {id(t): e for t, e in zip(tags, doc.elements, strict=True)}
        self.tag_for = {id(e): t for t, e in zip(tags, doc.elements, strict=True)}
        for element in doc.unwrapped:  # the same flattening of deep nesting, in the same order
            self.tag_for[id(element)].unwrap()
        self.mirrored = 0

    @classmethod
    def of(cls, doc: Document) -> "_SoupMirror":
        if not isinstance(doc.mirror, cls):
            doc.mirror = cls(doc)
        return doc.mirror

    def select(self, doc: Document, selector: str) -> list[Element]:
        for element in doc.dropped[self.mirrored:]:
            tag = self.tag_for[id(element)]
            if not tag.decomposed:
                tag.decompose()
        self.mirrored = len(doc.dropped)
        return [self.element_of[id(tag)] for tag in self.soup.select(selector)]
