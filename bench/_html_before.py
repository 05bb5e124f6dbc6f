"""The HTML extraction as it was before the lxml tree (BeautifulSoup + markdownify), kept only
for bench_extract.py to compare against: same rules, same output, slower. Not used by the tool.

HTML to Markdown: the policy part of a page, without menus, banners or tracking links.

The same page must always give byte-identical text: attribute order, whitespace-only markup
changes and list-marker style never show up as a change.
"""

from __future__ import annotations

import re
from typing import Iterable
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag
from markdownify import MarkdownConverter
from soupsieve import SelectorSyntaxError

from tracker.errors import ExtractionError
from tracker.extract.text import decode_cfemail, deobfuscate_emails
from tracker.fetching.urls import strip_tracking_params
from tracker.models import DocumentConfig

_CF_PROTECTION = "/cdn-cgi/l/email-protection"

# Never content, in any mode.
_ALWAYS_DROP = ("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
                "embed", "img", "picture", "video", "audio", "source", "map", "link", "meta",
                "head", "dialog")
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


class _FastTag(Tag):
    """Tag whose find_parent(name) is a plain walk up the tree: markdownify asks it for every
    element, and bs4's generic matcher made that a sixth of the conversion time."""

    def find_parent(self, name=None, attrs={}, **kwargs):  # type: ignore[override]
        if isinstance(name, str) and not attrs and not kwargs:
            node = self.parent
            while node is not None:
                if node.name == name:
                    return node
                node = node.parent
            return None
        return super().find_parent(name, attrs, **kwargs)


class _Converter(MarkdownConverter):
    """markdownify with GFM-safe table cells."""

    def convert_td(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return super().convert_td(el, text.replace("|", r"\|"), parent_tags)

    def convert_th(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return super().convert_th(el, text.replace("|", r"\|"), parent_tags)


_CONVERTER = _Converter(heading_style="ATX", bullets="-", wrap=True, wrap_width=None,
                        table_infer_header=True, autolinks=True, strip_document="strip")


def _attr_text(tag: Tag) -> str:
    classes = tag.get("class") or ()
    if isinstance(classes, str):
        classes = (classes,)
    return " ".join((tag.get("id") or "", *classes, tag.get("aria-label") or "",
                     tag.get("data-nosnippet") or ""))


def _is_hidden(tag: Tag) -> bool:
    attrs = tag.attrs
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    classes = attrs.get("class")
    if classes and not _SCREEN_READER_ONLY.isdisjoint(classes):
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _is_banner(tag: Tag) -> bool:
    """Cookie / consent banner? Judged on names, role, size and buttons, so that a policy's own
    cookie section (id="cookies", headings, no consent buttons) is never taken for one."""
    if tag.name in ("body", "html", "main", "article"):
        return False
    names = _attr_text(tag)
    dialog = (tag.get("role") or "").lower() in ("dialog", "alertdialog") \
        or tag.get("aria-modal") == "true"
    vendor = bool(_BANNER_VENDOR.search(names))
    if not (vendor or dialog or _BANNER_NAME.search(names)):
        return False
    text = tag.get_text(" ", strip=True)
    if vendor:
        return len(text) < 3000
    if len(text) >= 1000 or tag.find(("h1", "h2")) is not None:
        return False
    if dialog and not re.search(r"cookie|consent|privacy", f"{names} {text}", re.I):
        return False
    return _has_consent_button(tag)


def _has_consent_button(tag: Tag) -> bool:
    for control in tag.find_all(("button", "a", "input")):
        classes = " ".join(control.get("class") or ())
        if control.name == "button" or control.get("role") == "button" \
                or (control.name == "input" and control.get("type") in ("button", "submit")) \
                or _BUTTON_CLASS.search(classes):
            label = control.get_text(" ", strip=True) or control.get("value") or ""
            if _BANNER_ACTIONS.search(label):
                return True
    return False


def _drop(tags: Iterable[Tag]) -> None:
    for tag in list(tags):
        if not tag.decomposed:
            tag.decompose()


def _clean_chrome(root: Tag) -> None:
    """Drop navigation, forms, hidden elements and consent banners (no-`select` mode)."""
    doomed = []
    for tag in root.find_all(True):
        if tag.name in _CHROME or _is_hidden(tag):
            doomed.append(tag)
        elif tag.attrs and _is_banner(tag):
            doomed.append(tag)
    _drop(doomed)


def _main_content(root: Tag) -> Tag:
    """The page's <main>, [role=main] or sole <article> when it holds most of the text."""
    total = len(root.get_text())
    for candidates in (root.find_all("main", limit=2),
                       root.find_all(attrs={"role": "main"}, limit=2),
                       [a for a in root.find_all("article") if a.find_parent("article") is None]):
        if len(candidates) == 1 and len(candidates[0].get_text()) >= 0.2 * total:
            return candidates[0]
    return root


def _select(soup: BeautifulSoup, selectors: tuple[str, ...], url: str) -> Tag:
    """Content of every match of every selector, in order, without nesting duplicates."""
    picked: list[Tag] = []
    for selector in selectors:
        matches = _css(soup, selector, "select")
        if not matches:
            raise ExtractionError(f"select selector {selector!r} matched nothing on {url}")
        picked.extend(matches)
    container = soup.new_tag("div")
    chosen: set[int] = set()
    for tag in picked:  # all matched before any is moved, so nested selectors still match
        if id(tag) in chosen or any(id(p) in chosen for p in tag.parents):
            continue
        chosen.add(id(tag))
        container.append(tag.extract())
    return container


def _css(soup: BeautifulSoup, selector: str, option: str) -> list[Tag]:
    try:
        return soup.select(selector)
    except SelectorSyntaxError as exc:
        reason = " ".join(str(exc).split())
        raise ExtractionError(f"invalid {option} selector {selector!r}: {reason}") from None


def _fix_links(root: Tag, base: str, strip: tuple[str, ...]) -> None:
    """Absolute, tracking-free links; script/data links and bare anchors become plain text;
    Cloudflare-protected e-mail addresses are decoded."""
    for span in root.find_all(attrs={"data-cfemail": True}):
        email = decode_cfemail(span.get("data-cfemail", ""))
        if email:
            span.replace_with(email)
    for a in root.find_all("a"):
        href = (a.get("href") or "").strip()
        if _CF_PROTECTION in href:
            email = decode_cfemail(href.split("#", 1)[1]) if "#" in href else None
            text = a.get_text(strip=True)
            email = email or (text if "@" in text else None)
            if email:
                a.attrs = {"href": f"mailto:{email}"}
            else:
                a.unwrap()
            continue
        if href in ("", "#") or href.lower().replace(" ", "").startswith(_DROP_LINK_SCHEMES):
            a.unwrap()
            continue
        absolute = urljoin(base, _WS.sub("%20", href))  # a raw space would end the Markdown link
        a.attrs = {"href": strip_tracking_params(absolute, strip)}


def _base_url(soup: BeautifulSoup, url: str) -> str:
    base = soup.find("base", href=True)
    return urljoin(url, base["href"].strip()) if base else url


def html_to_markdown(html: str, url: str, doc: DocumentConfig) -> str:
    """Markdown of the policy part of an HTML page (before normalisation)."""
    soup = BeautifulSoup(html, "lxml", element_classes={Tag: _FastTag})
    base = _base_url(soup, url)
    _drop(soup.find_all(_ALWAYS_DROP))
    for selector in doc.remove:
        _drop(_css(soup, selector, "remove"))
    if doc.select:
        root: Tag = _select(soup, doc.select, url)
    else:
        root = soup.body or soup
        _clean_chrome(root)
        root = _main_content(root)
    _fix_links(root, base, doc.strip_params)
    return deobfuscate_emails(_CONVERTER.convert_soup(root))
