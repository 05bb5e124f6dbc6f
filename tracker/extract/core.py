"""Turn a fetched body (HTML, PDF, plain text, Markdown) into clean, normalised Markdown.

The text this module produces is what gets diffed, stored and announced, so two rules rule it:
it must contain the policy and nothing else (no menus, cookie banners, tracking links), and the
same document must always give byte-identical text (attribute order, whitespace-only markup
changes and list-marker style never show up as a change).
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import unicodedata
from functools import lru_cache
from typing import Iterable
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from markdownify import MarkdownConverter
from soupsieve import SelectorSyntaxError

from tracker.extract.blocked import blocked_reason
from tracker.errors import ExtractionError
from tracker.models import DocumentConfig, Extracted
from tracker.fetching.urls import strip_tracking_params

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MARKDOWN_TYPES = frozenset({"text/markdown", "text/x-markdown"})
_UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_CHARSET_PARAM = re.compile(r";\s*charset\s*=\s*[\"']?([^\s;\"']+)", re.I)

# ---------------------------------------------------------------------------------------------
# Character sets
# ---------------------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_NON_ASCII = re.compile("[^\x00-\x7f]")
_LETTER = re.compile(r"[^\W\d_]")
_WESTERN = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŒœŠšŽžŸ"
                     "“”‘’„–—…€•«»°©®™§¶·¡¿\u00a0")


@lru_cache(maxsize=128)
def _codec(label: str | None) -> str | None:
    """Python codec name for a charset label, None if unknown. Latin-1 and ASCII labels mean
    windows-1252, as in browsers (WHATWG)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in ("iso8859-1", "latin-1", "ascii") else name


@lru_cache(maxsize=128)
def _single_byte(codec: str) -> bool:
    """Does `codec` map each byte to one character (cp125x, ISO-8859-x, KOI8...)?"""
    return len(bytes(range(256)).decode(codec, errors="replace")) == 256


def _decodes(body: bytes, codec: str) -> bool:
    try:
        body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _plausibly_western(body: bytes) -> bool:
    """Would windows-1252 give sensible Western-European text? (Short texts fool statistical
    detectors into Baltic or Central-European code pages; Cyrillic or Greek read as cp1252 give
    runs of accented letters, which this rejects.)"""
    try:
        text = body.decode("cp1252")
    except UnicodeDecodeError:
        return False
    odd = _NON_ASCII.findall(text)
    return (bool(odd) and set(odd) <= _WESTERN
            and len(odd) <= 0.2 * len(_LETTER.findall(text)))


def meta_charset(body: bytes) -> str | None:
    """The <meta charset> / http-equiv charset declared in the first few KB of an HTML page."""
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii") if match else None


def detect_encoding(body: bytes, declared: str | None = None, *, html: bool = True) -> str:
    """Pick the charset to decode `body` with: BOM, HTTP header, <meta>, then detection.

    A declaration is only trusted when the bytes decode under it. Bytes that are valid UTF-8
    with non-ASCII characters are read as UTF-8 even under a single-byte label such as Latin-1
    (the usual mislabel: legacy single-byte text is practically never valid multi-byte UTF-8).
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    utf8 = _decodes(body, "utf-8")
    for label in (declared, meta_charset(body) if html else None):
        codec = _codec(label)
        if codec is None:
            continue
        if utf8 and _single_byte(codec) and not body.isascii():
            log.debug("charset %s declared but the body is UTF-8; using utf-8", label)
            return "utf-8"
        if _decodes(body, codec):
            return codec
        log.debug("declared charset %s does not decode the body; detecting", label)
    if utf8:
        return "utf-8"
    if _plausibly_western(body):
        return "cp1252"
    from charset_normalizer import from_bytes  # imported lazily: only mislabelled pages need it

    for match in from_bytes(body[:262_144]):  # best first; cp1252 was just ruled out
        codec = _codec(match.encoding)
        if codec and codec != "cp1252":
            return codec
    return "cp1252"


def decode(body: bytes, encoding: str | None = None, *, html: bool = False) -> str:
    """Decode `body`, trusting `encoding` only when the bytes agree with it (see above)."""
    return body.decode(detect_encoding(body, encoding, html=html), errors="replace")


# ---------------------------------------------------------------------------------------------
# Text normalisation
# ---------------------------------------------------------------------------------------------

_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")  # zero-width characters, soft hyphen
_LINE_BREAKS = re.compile("\r\n?|[\f\v\x85\u2028\u2029]")  # CR, page breaks, Unicode separators
_TRAILING_WS = re.compile(r"[ \t]+$", re.M)
_BLANK_RUNS = re.compile(r"\n{3,}")
_BULLET = re.compile(r"^([ \t]*)[*+•]([ \t]+)(?=\S)", re.M)
_RULE_LINE = re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$")


def _bullet(match: re.Match[str]) -> str:
    line_end = match.string.find("\n", match.start())
    line = match.string[match.start(): None if line_end < 0 else line_end]
    return match.group(0) if _RULE_LINE.match(line) else f"{match.group(1)}-{match.group(2)}"


def normalize_text(markdown: str) -> str:
    """Canonical form of a document's text; idempotent, so equal documents give equal bytes.

    NFC, no-break/odd spaces to plain spaces, zero-width characters and soft hyphens removed,
    LF line ends, no trailing spaces, at most one blank line in a row, `-` for bullets, no
    leading blank lines, exactly one trailing newline ('' for a text with no content).
    """
    # each pass is skipped when its search cannot match: a bulk import normalises megabytes
    text = markdown
    if not text.isascii():
        text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text))
        text = unicodedata.normalize("NFC", _ODD_SPACES.sub(" ", text))
    elif "\r" in text or "\f" in text or "\v" in text:
        text = _LINE_BREAKS.sub("\n", text)
    if " \n" in text or "\t\n" in text or text.endswith((" ", "\t")):
        text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    text = _BULLET.sub(_bullet, text)
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    text = text.strip("\n")
    return text + "\n" if text.strip() else ""


# ---------------------------------------------------------------------------------------------
# E-mail de-obfuscation
# ---------------------------------------------------------------------------------------------

_CF_PROTECTION = "/cdn-cgi/l/email-protection"
_AT_DOT = re.compile(
    r"\b([A-Za-z0-9._%+-]+)\s*[\[({]\s*at\s*[\])}]\s*"
    r"([A-Za-z0-9-]+(?:(?:\s*[\[({]\s*dot\s*[\])}]\s*|\.)[A-Za-z0-9-]+)+)\b", re.I)
_AT_HINT = re.compile(r"[\[({]\s*at\s*[\])}]", re.I)
_DOT = re.compile(r"\s*[\[({]\s*dot\s*[\])}]\s*", re.I)


def decode_cfemail(hex_data: str) -> str | None:
    """Cloudflare's e-mail obfuscation: first byte is an XOR key for the rest."""
    try:
        data = bytes.fromhex(hex_data.strip())
    except ValueError:
        return None
    if len(data) < 2:
        return None
    email = bytes(b ^ data[0] for b in data[1:]).decode("utf-8", errors="replace")
    return email if "@" in email else None


def deobfuscate_emails(text: str) -> str:
    """'privacy [at] example [dot] com' -> 'privacy@example.com'."""
    def join(m: re.Match[str]) -> str:
        return f"{m.group(1)}@{_DOT.sub('.', m.group(2))}"
    return _AT_DOT.sub(join, text) if _AT_HINT.search(text) else text


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------

_HYPHENATED = re.compile(r"[^\W\d_]-$")
_LIST_START = re.compile(r"^([-•*–·]|\(?\d{1,3}[.)]|\(?[a-z][.)]|[ivx]{1,4}[.)])\s")
_SENTENCE_END = re.compile(r"[.:;!?)\]\"”]$")


def _reflow(page_text: str) -> str:
    """Join a PDF page's hard-wrapped lines into paragraphs.

    A line continues the previous one when that one reached (nearly) the usual line width and
    the new line is not a list item; short lines (headings, last lines) end a paragraph. A word
    hyphenated across a line break is joined back together.
    """
    lines = [ln.strip() for ln in page_text.splitlines()]
    widths = sorted(len(ln) for ln in lines if ln)
    if not widths:
        return ""
    usual = widths[int(len(widths) * 0.8)] if len(widths) > 4 else widths[-1]
    out: list[str] = []
    prev = ""
    for line in lines:
        if not line:
            if out and out[-1] != "":
                out.append("")
            prev = ""
            continue
        if prev and _HYPHENATED.search(prev) and line[:1].islower():
            out[-1] = out[-1][:-1] + line
        elif (prev and len(prev) >= 0.7 * usual and not _LIST_START.match(line)
              and not (_SENTENCE_END.search(prev) and line[:1].isupper()
                       and len(prev) < 0.85 * usual)):
            out[-1] = f"{out[-1]} {line}"
        else:
            if out and out[-1] != "":
                out.append("")
            out.append(line)
        prev = line
    return "\n".join(out)


def pdf_to_text(body: bytes, url: str) -> str:
    """Text of every page of a PDF, reflowed into paragraphs."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # noqa: BLE001 - a parser fed untrusted bytes can raise anything
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise ExtractionError(f"unreadable PDF from {url}: {detail}") from None
    return "\n\n".join(_reflow(p) for p in pages if p.strip())


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def _looks_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in head


def sniff_kind(body: bytes, content_type: str, url: str) -> str:
    """html | pdf | txt | md for a body, from its media type and (when vague) its bytes."""
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if ctype == "application/pdf" or body[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if ctype in HTML_TYPES:
        return "html"
    path = urlsplit(url).path.lower()
    if ctype in MARKDOWN_TYPES or ((ctype in _UNTYPED or ctype == "text/plain")
                                   and path.endswith((".md", ".markdown"))):
        return "md"
    if ctype in _UNTYPED or ctype == "text/plain" or ctype.endswith("xml"):
        if _looks_html(body):
            return "html"
        if ctype.endswith("xml"):
            raise ExtractionError(f"unsupported content type {ctype} from {url}")
        return "txt"
    if ctype.startswith("text/"):
        return "txt"
    raise ExtractionError(f"unsupported content type {ctype} from {url}")


_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_binary(body: bytes, sample: int = 4096) -> bool:
    """True when the start of a body is mostly not text: NULs or many control bytes.

    Text in any charset (UTF-16 aside, which starts with a BOM) has almost no C0 control
    bytes; an image, archive or garbage served as text/html has plenty. Such a body must never
    be recorded as a policy version.
    """
    head = body[:sample]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = sum(head.count(bytes([b])) for b in _BINARY_BYTES)
    return controls / len(head) > 0.05


def extract(body: bytes, content_type: str, url: str, doc: DocumentConfig, *,
            encoding: str | None = None) -> Extracted:
    """Clean Markdown of a fetched document; `url` should be the final URL (after redirects),
    against which relative links are resolved.

    Raises ExtractionError when there is no trustworthy text: nothing extracted, a `select`
    selector that matched nothing, or a block page (access denied, captcha, JS wall...).
    """
    kind = sniff_kind(body, content_type, url)
    if kind != "pdf" and looks_binary(body):
        raise ExtractionError(f"binary data instead of a text document at {url} "
                              f"(served as {content_type or 'no content type'})")
    if encoding is None:  # a full Content-Type header may carry the charset
        param = _CHARSET_PARAM.search(content_type or "")
        encoding = param.group(1) if param else None
    html: str | None = None
    if kind == "pdf":
        text = pdf_to_text(body, url)
    elif kind == "html":
        html = decode(body, encoding, html=True)
        text = html_to_markdown(html, url, doc)
    else:
        text = decode(body, encoding)
    text = normalize_text(text)
    if not any(ch.isalnum() for ch in text):
        hint = " (it is built by JavaScript: try browser = true)" if (
            html is not None and not doc.browser and "<script" in html.lower()) else ""
        raise ExtractionError(f"no text extracted from {url}{hint}")
    reason = blocked_reason(text, html)
    if reason:
        snippet = _WS.sub(" ", text)[:80].strip()
        raise ExtractionError(f"{reason} instead of the document at {url}: \"{snippet}\"")
    return Extracted(text=text, raw=body, raw_ext=kind)
