"""HTML to Markdown: the policy part of a page, without menus, banners or tracking links.

The same page must always give byte-identical text: attribute order, whitespace-only markup
changes and list-marker style never show up as a change. The page is parsed once by lxml into
the small tree of `dom`; every rule below is one walk over it, and `markdown` converts what is
left, with exactly the output BeautifulSoup and markdownify gave before (see
bench/bench_extract.py, which checks that on real pages).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from tracker.errors import ExtractionError
from tracker.extract import css
from tracker.extract.dom import (Document, Element, Text, descendants, detach, find_all,
                                 get_text, has_ancestor, parse, replace)
from tracker.extract.markdown import convert
from tracker.extract.text import decode_cfemail, deobfuscate_emails
from tracker.fetching.urls import strip_tracking_params
from tracker.models import DocumentConfig

_CF_PROTECTION = "/cdn-cgi/l/email-protection"

# Never content, in any mode.
_ALWAYS_DROP = frozenset({"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
                "embed", "img", "picture", "video", "audio", "source", "map", "link", "meta",
                "head", "dialog"})
# Page chrome, dropped when no `select` says where the policy is.
_CHROME = frozenset({"form", "button", "nav", "header", "footer", "aside", "input", "select",
                     "textarea", "label"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Screen-reader-only helpers ("opens in a new tab", "menu"): invisible, and churn with themes.
_SCREEN_READER_ONLY = frozenset({"sr-only", "visually-hidden", "visuallyhidden",
                                 "screen-reader-text", "screenreader-only", "a11y-hidden"})
# Consent-management vendors: an element named after one is a banner unless it is huge.
_BANNER_VENDOR = re.compile(
    r"onetrust|optanon|cookiebot|cybotcookiebot|(?<![a-z])truste(?![a-z])|trustarc|didomi|"
    r"usercentrics|qc-cmp|osano|iubenda-cs|termly|cookieyes|cky-consent|moove_gdpr|"
    r"cookieconsent|cc-(window|banner)", re.I)
# Names that suggest a banner but also fit a policy's own cookie section: such an element is
# a banner only if it is short, has no main heading and offers consent buttons.
_BANNER_NAME = re.compile(r"cookie|consent|gdpr", re.I)
_BANNER_ACTIONS = re.compile(r"\b(accept|agree|allow|reject|decline|got it|ok|okay|settings|"
                             r"preferences|dismiss|close|save)\b", re.I)
_BUTTON_CLASS = re.compile(r"btn|button", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_DROP_LINK_SCHEMES = ("javascript:", "data:", "vbscript:")
_WS = re.compile(r"\s+")




def _attr_text(tag: Element) -> str:
    classes = tag.attrs.get("class") or ()
    return " ".join((tag.attrs.get("id") or "", *classes, tag.attrs.get("aria-label") or "",
                     tag.attrs.get("data-nosnippet") or ""))


def _is_hidden(tag: Element) -> bool:
    attrs = tag.attrs
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    classes = attrs.get("class")
    if classes and not _SCREEN_READER_ONLY.isdisjoint(classes):
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _is_banner(tag: Element) -> bool:
    """Cookie / consent banner? Judged on names, role, size and buttons, so that a policy's own
    cookie section (id="cookies", headings, no consent buttons) is never taken for one."""
    if tag.name in ("body", "html", "main", "article"):
        return False
    names = _attr_text(tag)
    dialog = (tag.attrs.get("role") or "").lower() in ("dialog", "alertdialog") \
        or tag.attrs.get("aria-modal") == "true"
    vendor = bool(_BANNER_VENDOR.search(names))
    if not (vendor or dialog or _BANNER_NAME.search(names)):
        return False
    text = get_text(tag, " ", strip=True)
    if vendor:
        return len(text) < 3000
    if len(text) >= 1000 or find_all(tag, ("h1", "h2"), limit=1):
        return False
    if dialog and not re.search(r"cookie|consent|privacy", f"{names} {text}", re.I):
        return False
    return _has_consent_button(tag)


def _has_consent_button(tag: Element) -> bool:
    for control in find_all(tag, ("button", "a", "input")):
        attrs = control.attrs
        classes = " ".join(attrs.get("class") or ())
        if control.name == "button" or attrs.get("role") == "button" \
                or (control.name == "input" and attrs.get("type") in ("button", "submit")) \
                or _BUTTON_CLASS.search(classes):
            label = get_text(control, " ", strip=True) or attrs.get("value") or ""
            if _BANNER_ACTIONS.search(label):
                return True
    return False


def _drop(doc: Document, tags: list[Element]) -> None:
    for tag in tags:
        detach(tag)
        doc.dropped.append(tag)


def _clean_chrome(doc: Document, root: Element) -> None:
    """Drop navigation, forms, hidden elements and consent banners (no-`select` mode)."""
    doomed = []
    for tag in descendants(root):
        if tag.name in _CHROME or _is_hidden(tag):
            doomed.append(tag)
        elif tag.attrs and _is_banner(tag):
            doomed.append(tag)
    _drop(doc, doomed)


def _main_content(root: Element) -> Element:
    """The page's <main>, [role=main] or sole <article> when it holds most of the text."""
    mains: list[Element] = []
    roles: list[Element] = []
    articles: list[Element] = []
    for tag in descendants(root):
        if tag.name == "main":
            mains.append(tag)
        if tag.attrs.get("role") == "main":
            roles.append(tag)
        if tag.name == "article" and not has_ancestor(tag, "article"):
            articles.append(tag)
    total = len(get_text(root))
    for candidates in (mains, roles, articles):
        if len(candidates) == 1 and len(get_text(candidates[0])) >= 0.2 * total:
            return candidates[0]
    return root


def _select(doc: Document, selectors: tuple[str, ...], url: str) -> Element:
    """Content of every match of every selector, in order, without nesting duplicates."""
    picked: list[Element] = []
    for selector in selectors:
        matches = _css(doc, selector, "select")
        if not matches:
            raise ExtractionError(f"select selector {selector!r} matched nothing on {url}")
        picked.extend(matches)
    container = Element("div", {}, None)
    chosen: set[int] = set()
    for tag in picked:  # all matched before any is moved, so nested selectors still match
        if id(tag) in chosen or _has_chosen_ancestor(tag, chosen):
            continue
        chosen.add(id(tag))
        detach(tag)
        tag.parent = container
        container.children.append(tag)
    return container


def _has_chosen_ancestor(tag: Element, chosen: set[int]) -> bool:
    node = tag.parent
    while node is not None:
        if id(node) in chosen:
            return True
        node = node.parent
    return False


def _css(doc: Document, selector: str, option: str) -> list[Element]:
    try:
        return css.select(doc, selector)
    except css.InvalidSelector as exc:
        reason = " ".join(str(exc).split())
        raise ExtractionError(f"invalid {option} selector {selector!r}: {reason}") from None


def _fix_links(root: Element, base: str, strip: tuple[str, ...]) -> None:
    """Absolute, tracking-free links; script/data links and bare anchors become plain text;
    Cloudflare-protected e-mail addresses are decoded."""
    tags = descendants(root)
    replaced = False
    for span in [t for t in tags if "data-cfemail" in t.attrs]:
        email = decode_cfemail(span.attrs.get("data-cfemail", ""))
        if email:
            replace(span, [Text(email)])
            replaced = True
    for a in find_all(root, "a") if replaced else [t for t in tags if t.name == "a"]:
        href = (a.attrs.get("href") or "").strip()
        if _CF_PROTECTION in href:
            email = decode_cfemail(href.split("#", 1)[1]) if "#" in href else None
            text = get_text(a, strip=True)
            email = email or (text if "@" in text else None)
            if email:
                a.attrs = {"href": f"mailto:{email}"}
            else:
                replace(a, a.children)
            continue
        if href in ("", "#") or href.lower().replace(" ", "").startswith(_DROP_LINK_SCHEMES):
            replace(a, a.children)
            continue
        absolute = urljoin(base, _WS.sub("%20", href))  # a raw space would end the Markdown link
        a.attrs = {"href": strip_tracking_params(absolute, strip)}


def _base_url(doc: Document, url: str) -> str:
    for tag in doc.elements:
        if tag.name == "base" and "href" in tag.attrs:
            return urljoin(url, tag.attrs["href"].strip())
    return url


def _body(doc: Document) -> Element:
    """The first <body> still in the page, else the whole page."""
    for tag in doc.elements:
        if tag.name == "body" and _attached(tag, doc.root):
            return tag
    return doc.root


def _attached(tag: Element, root: Element) -> bool:
    node: Element | None = tag
    while node is not None:
        if node is root:
            return True
        node = node.parent
    return False


# Deeper than this, generic containers are unwrapped (browsers render a thousand unclosed
# <div>; the converter recurses once per level and would hit Python's recursion limit).
MAX_DEPTH = 100
_CONTAINERS = frozenset({"div", "span", "section", "article", "main", "font", "center", "small",
                         "big", "ins", "del", "u", "s", "bdi", "bdo", "abbr", "cite", "q",
                         "mark", "time", "data", "var", "samp", "kbd", "sub", "sup", "b", "i",
                         "em", "strong", "blockquote", "dl", "dd", "dt", "details", "summary",
                         "figure", "figcaption", "address", "hgroup", "fieldset", "legend"})


def _flatten_deep(doc: Document, url: str) -> None:
    """Unwrap generic containers nested deeper than MAX_DEPTH (their content stays), without
    recursion; a page still too deep after that is one ExtractionError."""
    deep = [el for el, level in _depths(doc.root) if level > MAX_DEPTH and el.name in _CONTAINERS]
    for tag in reversed(deep):  # deepest first: each unwrap keeps its children in place
        replace(tag, tag.children)
        doc.unwrapped.append(tag)
    if deep and max(level for _, level in _depths(doc.root)) > 2 * MAX_DEPTH:
        raise ExtractionError(f"markup nested too deeply to extract at {url}")


def _depths(root: Element) -> list[tuple[Element, int]]:
    """Every element below `root` with its depth (root = 0), in document order."""
    found: list[tuple[Element, int]] = []
    stack = [(c, 1) for c in reversed(root.children) if c.__class__ is Element]
    while stack:
        node, level = stack.pop()
        found.append((node, level))
        stack.extend((c, level + 1) for c in reversed(node.children)
                     if c.__class__ is Element)
    return found


def html_to_markdown(html: str, url: str, doc: DocumentConfig) -> str:
    """Markdown of the policy part of an HTML page (before normalisation)."""
    try:
        return _html_to_markdown(html, url, doc)
    except RecursionError:  # nesting of elements that cannot be unwrapped
        raise ExtractionError(f"markup nested too deeply to extract at {url}") from None


def _html_to_markdown(html: str, url: str, doc: DocumentConfig) -> str:
    page = parse(html)
    _flatten_deep(page, url)
    base = _base_url(page, url)
    _drop(page, [t for t in page.elements if t.name in _ALWAYS_DROP])
    for selector in doc.remove:
        _drop(page, _css(page, selector, "remove"))
    if doc.select:
        root = _select(page, doc.select, url)
    else:
        root = _body(page)
        _clean_chrome(page, root)
        root = _main_content(root)
    _fix_links(root, base, doc.strip_params)
    return deobfuscate_emails(convert(root))
