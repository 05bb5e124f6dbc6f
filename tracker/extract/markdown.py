"""Markdown from the extraction tree, byte for byte what markdownify produced before.

Stored versions were written by markdownify (ATX headings, `-` bullets, no wrapping, GFM
tables with an inferred header, `|` escaped in cells, autolinks); a different byte anywhere
would show up as a change in every company's history. So this converter follows markdownify's
rules to the letter (whitespace around block elements, newline collapsing between children,
escaping of `*` and `_`), over the lighter tree of `dom`, with the ancestor context carried
as four flags instead of a set of tag names copied for every element.
"""

from __future__ import annotations

import re
from typing import Callable

from tracker.extract.dom import Comment, Element, Node, find_all

_HEADING = re.compile(r"h(\d+)")
_LINE = re.compile(r"^(.*)", re.M)
_ALL_WS = re.compile(r"[\t \r\n]+")
_PRE_LSTRIP = re.compile(r"^[ \n]*\n")
_PRE_RSTRIP = re.compile(r"[ \n]*$")
_BACKTICKS = re.compile(r"`+")
_FN_NAME = re.compile(r"[\[\]:-]")

# Ancestor context (markdownify's parent_tags): inside <pre>, <li>, an "inline" block (heading
# or table cell), or a "no format" element (pre, code, kbd, samp).
PRE, LI, INLINE, NOFORMAT = 1, 2, 4, 8

_BLOCKS = frozenset({"p", "blockquote", "article", "div", "section", "ol", "ul", "li", "dl", "dt",
                     "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th"})
_OUTSIDE = 1  # whitespace next to the element is dropped (a block, or <pre>)
_INSIDE = 2   # whitespace at the start and end inside it is dropped (a block)
_info_cache: dict[str, tuple[int, int, "Convert | None"]] = {}


def _info(name: str) -> tuple[int, int, "Convert | None"]:
    """(whitespace rules, flags its children get, conversion) for a tag name."""
    info = _info_cache.get(name)
    if info is None:
        heading = _HEADING.match(name) is not None
        block = name in _BLOCKS or heading
        rules = (_OUTSIDE | _INSIDE) if block else (_OUTSIDE if name == "pre" else 0)
        flags = {"pre": PRE | NOFORMAT, "li": LI, "code": NOFORMAT, "kbd": NOFORMAT,
                 "samp": NOFORMAT}.get(name, 0)
        if name in ("td", "th") or heading:
            flags |= INLINE
        info = _info_cache[name] = (rules, flags, _converter(name))
    return info


def _outside(node: object) -> bool:
    return node.__class__ is Element and bool(_info(node.name)[0] & _OUTSIDE)


def convert(root: Element) -> str:
    """Markdown of `root` and everything below it."""
    return _element(root, 0, _has_pre_ancestor(root))


def _has_pre_ancestor(el: Element) -> bool:
    node = el.parent
    while node is not None:
        if node.name == "pre":
            return True
        node = node.parent
    return False


def _element(node: Element, ctx: int, pre_above: bool) -> str:
    """markdownify's process_tag: `ctx` holds the flags of the ancestors being converted,
    `pre_above` whether any ancestor at all is a <pre> (no newline collapsing then)."""
    name = node.name
    rules, flags, fn = _info(name)
    inside = bool(rules & _INSIDE)
    children = node.children
    last = len(children) - 1
    child_ctx = ctx | flags
    pre_below = pre_above or name == "pre"
    parts: list[str] = []
    for i, child in enumerate(children):
        cls = child.__class__
        if cls is Element:
            text = _element(child, child_ctx, pre_below)  # type: ignore[arg-type]
        elif cls is Comment:
            continue
        else:
            prev = children[i - 1] if i else None
            nxt = children[i + 1] if i < last else None
            if not child.strip() and ((inside and (not prev or not nxt))  # type: ignore[union-attr]
                                      or _outside(prev) or _outside(nxt)):
                continue
            text = _text(child, prev, nxt, inside, child_ctx)  # type: ignore[arg-type]
        if text:
            parts.append(text)
    if len(parts) < 2:
        text = parts[0] if parts else ""
    else:
        text = "".join(parts) if pre_below else _join(parts)
    return fn(node, text, ctx) if fn is not None else text


def _join(parts: list[str]) -> str:
    """Children's strings joined, the newlines where two meet collapsed to at most two."""
    out: list[str] = []
    previous = 0  # newlines that ended the previous part
    for part in parts:
        if part[0] != "\n" and part[-1] != "\n":
            out.append(part)
            previous = 0
            continue
        rest = part.lstrip("\n")
        leading = len(part) - len(rest)
        content = rest.rstrip("\n")
        trailing = len(rest) - len(content)
        if previous and leading:
            out.pop()
            leading = min(2, max(previous, leading))
        out.append("\n" * leading + content)
        out.append("\n" * trailing)
        previous = trailing
    return "".join(out)


def _text(s: str, prev: Node | None, nxt: Node | None, inside: bool, ctx: int) -> str:
    """markdownify's process_text."""
    text = str(s)
    if not ctx & PRE and ("\n" in text or "\t" in text or "\r" in text or "  " in text):
        text = _ALL_WS.sub(" ", text)
    if not ctx & NOFORMAT and text:
        text = text.replace("*", r"\*").replace("_", r"\_")
    if _outside(prev) or (inside and not prev):
        text = text.lstrip(" \t\r\n")
    if _outside(nxt) or (inside and not nxt):
        text = text.rstrip()
    return text


# ---------------------------------------------------------------------------------------------
# Per-element conversions (markdownify's convert_<tag>, with this project's options)
# ---------------------------------------------------------------------------------------------

Convert = Callable[[Element, str, int], str]


def _chomp(text: str) -> tuple[str, str, str]:
    prefix = " " if text and text[0] == " " else ""
    suffix = " " if text and text[-1] == " " else ""
    return prefix, suffix, text.strip()


def _inline(markup: str) -> Convert:
    def convert(el: Element, text: str, ctx: int) -> str:
        if ctx & NOFORMAT:
            return text
        prefix, suffix, text = _chomp(text)
        return f"{prefix}{markup}{text}{markup}{suffix}" if text else ""
    return convert


def _a(el: Element, text: str, ctx: int) -> str:
    if ctx & NOFORMAT:
        return text
    prefix, suffix, text = _chomp(text)
    if not text:
        return ""
    href = el.attrs.get("href")
    title = el.attrs.get("title")
    if text.replace(r"\_", "_") == href and not title:
        return f"<{href}>"
    title_part = ' "%s"' % title.replace('"', r"\"") if title else ""
    return f"{prefix}[{text}]({href}{title_part}){suffix}" if href else text


def _blockquote(el: Element, text: str, ctx: int) -> str:
    text = (text or "").strip(" \t\r\n")
    if ctx & INLINE:
        return " " + text + " "
    if not text:
        return "\n"
    text = _LINE.sub(lambda m: "> " + m.group(1) if m.group(1) else ">", text)
    return "\n" + text + "\n\n"


def _br(el: Element, text: str, ctx: int) -> str:
    if ctx & INLINE:
        return text + " " if text else " "
    return "  \n" + text


def _code(el: Element, text: str, ctx: int) -> str:
    if ctx & NOFORMAT:
        return text
    prefix, suffix, text = _chomp(text)
    if not text:
        return ""
    ticks = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    if ticks > 0:
        text = " " + text + " "
    delimiter = "`" * (ticks + 1)
    return f"{prefix}{delimiter}{text}{delimiter}{suffix}"


def _div(el: Element, text: str, ctx: int) -> str:
    if ctx & INLINE:
        return " " + text.strip() + " "
    text = text.strip()
    return f"\n\n{text}\n\n" if text else ""


def _dd(el: Element, text: str, ctx: int) -> str:
    text = (text or "").strip()
    if ctx & INLINE:
        return " " + text + " "
    if not text:
        return "\n"
    text = _LINE.sub(lambda m: "    " + m.group(1) if m.group(1) else "", text)
    return ":" + text[1:] + "\n"


def _dt(el: Element, text: str, ctx: int) -> str:
    text = _ALL_WS.sub(" ", (text or "").strip())
    if ctx & INLINE:
        return " " + text + " "
    return f"\n\n{text}\n" if text else "\n"


def _heading(n: int) -> Convert:
    def convert(el: Element, text: str, ctx: int) -> str:
        if ctx & INLINE:
            return text
        text = _ALL_WS.sub(" ", text.strip())
        return "\n\n%s %s\n\n" % ("#" * max(1, min(6, n)), text)
    return convert


def _hr(el: Element, text: str, ctx: int) -> str:
    return "\n\n---\n\n"


def _list(el: Element, text: str, ctx: int) -> str:
    before_paragraph = False
    following = _next_content_sibling(el)
    if following is not None and getattr(following, "name", None) not in ("ul", "ol"):
        before_paragraph = True
    if ctx & LI:
        return "\n" + text.rstrip()
    return "\n\n" + text + ("\n" if before_paragraph else "")


def _next_content_sibling(el: Element) -> Node | None:
    parent = el.parent
    if parent is None:
        return None
    siblings = parent.children
    index = next(i for i, child in enumerate(siblings) if child is el)
    for node in siblings[index + 1:]:
        cls = node.__class__
        if cls is Element or (cls is not Comment and node.strip() != ""):  # type: ignore[union-attr]
            return node
    return None


def _li(el: Element, text: str, ctx: int) -> str:
    text = (text or "").strip()
    if not text:
        return "\n"
    parent = el.parent
    if parent is not None and parent.name == "ol":
        start_attr = parent.attrs.get("start")
        start = int(start_attr) if start_attr and str(start_attr).isnumeric() else 1
        earlier = 0
        for node in parent.children:
            if node is el:
                break
            if node.__class__ is Element and node.name == "li":
                earlier += 1
        bullet = f"{start + earlier}. "
    else:
        bullet = "- "
    indent = " " * len(bullet)
    text = _LINE.sub(lambda m: indent + m.group(1) if m.group(1) else "", text)
    return bullet + text[len(bullet):] + "\n"


def _p(el: Element, text: str, ctx: int) -> str:
    if ctx & INLINE:
        return " " + text.strip(" \t\r\n") + " "
    text = text.strip(" \t\r\n")
    return f"\n\n{text}\n\n" if text else ""


def _pre(el: Element, text: str, ctx: int) -> str:
    if not text:
        return ""
    text = _PRE_RSTRIP.sub("", _PRE_LSTRIP.sub("", text))
    return f"\n\n```\n{text}\n```\n\n"


def _q(el: Element, text: str, ctx: int) -> str:
    return '"' + text + '"'


def _nothing(el: Element, text: str, ctx: int) -> str:
    return ""


def _table(el: Element, text: str, ctx: int) -> str:
    return "\n\n" + text.strip() + "\n\n"


def _caption(el: Element, text: str, ctx: int) -> str:
    return text.strip() + "\n\n"


def _figcaption(el: Element, text: str, ctx: int) -> str:
    return "\n\n" + text.strip() + "\n\n"


def _colspan(el: Element) -> int:
    value = el.attrs.get("colspan")
    if value is not None and value.isdigit():
        return max(1, min(1000, int(value)))
    return 1


def _cell(el: Element, text: str, ctx: int) -> str:
    text = text.replace("|", r"\|")  # GFM-safe cells
    return " " + text.strip().replace("\n", " ") + " |" * _colspan(el)


def _previous_element(el: Element) -> Element | None:
    parent = el.parent
    if parent is None:
        return None
    found = None
    for node in parent.children:
        if node is el:
            return found
        if node.__class__ is Element:
            found = node
    return None


def _tr(el: Element, text: str, ctx: int) -> str:
    cells = find_all(el, ("td", "th"))
    parent = el.parent
    first = _previous_element(el) is None
    head = all(cell.name == "th" for cell in cells) or (
        parent.name == "thead"  # type: ignore[union-attr]
        and len(find_all(parent, "tr")) == 1)  # type: ignore[arg-type]
    head_missing = (first and not parent.name == "tbody") or (  # type: ignore[union-attr]
        first and parent.name == "tbody"  # type: ignore[union-attr]
        and len(find_all(parent.parent, "thead")) < 1)  # type: ignore[union-attr,arg-type]
    width = sum(_colspan(cell) for cell in cells)
    overline = underline = ""
    if (head or head_missing) and first:
        underline = "| " + " | ".join(["---"] * width) + " |\n"
    elif first and (parent.name == "table" or (  # type: ignore[union-attr]
            parent.name == "tbody" and not _previous_element(parent))):  # type: ignore[union-attr,arg-type]
        overline = "| " + " | ".join([""] * width) + " |\n"
        overline += "| " + " | ".join(["---"] * width) + " |\n"
    return overline + "|" + text + "\n" + underline


def _document(el: Element, text: str, ctx: int) -> str:
    return text.strip("\n")


_CONVERTERS: dict[str, Convert] = {
    "a": _a, "b": _inline("**"), "strong": _inline("**"), "em": _inline("*"),
    "i": _inline("*"), "del": _inline("~~"), "s": _inline("~~"), "sub": _inline(""),
    "sup": _inline(""), "blockquote": _blockquote, "br": _br, "code": _code, "kbd": _code,
    "samp": _code, "div": _div, "article": _div, "section": _div, "dl": _div, "dd": _dd,
    "dt": _dt, "hr": _hr, "ul": _list, "ol": _list, "list": _list, "li": _li, "p": _p, "pre": _pre, "q": _q,
    "script": _nothing, "style": _nothing, "table": _table, "caption": _caption,
    "figcaption": _figcaption, "td": _cell, "th": _cell, "tr": _tr, "_document_": _document,
}
_converter_cache: dict[str, Convert | None] = {}


def _converter(name: str) -> Convert | None:
    """The conversion for a tag name, found the way markdownify finds convert_<name>."""
    if name in _converter_cache:
        return _converter_cache[name]
    key = _FN_NAME.sub("_", name.lower())
    fn = _CONVERTERS.get(key)
    if fn is None and (match := _HEADING.match(name.lower())):
        fn = _heading(int(match.group(1)))
    _converter_cache[name] = fn
    return fn
