"""Character sets: which charset decodes a fetched body, trusting declarations only when the
bytes agree (BOM, HTTP header, <meta>, then detection)."""

from __future__ import annotations

import codecs
import logging
import re
from functools import lru_cache

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHARSET_PARAM = re.compile(r";\s*charset\s*=\s*[\"']?([^\s;\"']+)", re.I)

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


@lru_cache(maxsize=128)
def is_wide(label: str) -> bool:
    """A UTF-16 or UTF-32 label: ASCII characters take NUL bytes."""
    codec = _codec(label)
    return codec is not None and codec.replace("_", "-").startswith(("utf-16", "utf-32"))


@lru_cache(maxsize=128)
def _ebcdic(codec: str) -> bool:
    """An EBCDIC code page (cp500, cp037/IBM037, cp1140...): letters and digits above 0x80."""
    try:
        return b"\xc1\x40\xf1".decode(codec) == "A 1"
    except (UnicodeDecodeError, LookupError):
        return False


def _believable(body: bytes, codec: str) -> bool:
    """Whether the bytes can be in ``codec`` at all, beyond merely decoding: text declared
    UTF-16/32 without a BOM must contain NUL bytes (its markup and spaces are ASCII), and text
    declared EBCDIC must not look like ASCII (EBCDIC letters are bytes above 0x80, so ASCII
    text read as EBCDIC is garbage that still 'decodes')."""
    head = body[:4096]
    if is_wide(codec):
        return b"\x00" in head
    if _ebcdic(codec):
        return sum(b >= 0x80 for b in head) > 0.3 * len(head)
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
        if _decodes(body, codec) and _believable(body, codec):
            return codec
        log.debug("declared charset %s does not fit the body; detecting", label)
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


def charset_param(content_type: str | None) -> str | None:
    """The charset parameter of a full Content-Type header, if any."""
    param = _CHARSET_PARAM.search(content_type or "")
    return param.group(1) if param else None
