"""Plain text: the canonical normalised form every document is stored in, and e-mail
addresses de-obfuscated ('privacy [at] example [dot] com', Cloudflare's data-cfemail)."""

from __future__ import annotations

import re
import unicodedata

_ODD_SPACE_CHARS = "\u00a0" + "".join(map(chr, range(0x2000, 0x200b))) + "\u202f\u205f\u3000"
_INVISIBLE_CHARS = "\u200b\u2060\ufeff\u00ad"  # zero-width characters, soft hyphen
_LINE_BREAK_CHARS = "\r\f\v\x85\u2028\u2029"  # CR, page breaks, Unicode separators
_ODD_SPACES = re.compile(f"[{_ODD_SPACE_CHARS}]")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_LINE_BREAKS = re.compile("\r\n?|[\f\v\x85\u2028\u2029]")
_TRAILING_WS = re.compile(r"[ \t]+$", re.M)
_BLANK_RUNS = re.compile(r"\n{3,}")
_BULLET = re.compile(r"^([ \t]*)[*+•]([ \t]+)(?=\S)", re.M)
# where a bullet can start: at a line start after spaces or tabs (a search with a literal
# prefix, unlike _BULLET's line anchor, which the regex engine tries at every character)
_BULLET_LINE = re.compile(r"\n[ \t]*[*+•]")
_RULE_LINE = re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$")


def _bullet(match: re.Match[str]) -> str:
    line_end = match.string.find("\n", match.start())
    line = match.string[match.start(): None if line_end < 0 else line_end]
    return match.group(0) if _RULE_LINE.match(line) else f"{match.group(1)}-{match.group(2)}"


def _has_any(text: str, chars: str) -> bool:
    """Whether text holds one of chars: one C-speed scan per character, several times faster
    than a character-class search through a long text (and none for a character wider than
    any in the text)."""
    return any(ch in text for ch in chars)


def _bullets(text: str) -> str:
    """`*`, `+` and `•` bullets as `-` (never a `* * *` rule), as _BULLET.sub(_bullet, text)
    would do, applied only from the first line that can hold one."""
    if text[:1] in ("*", "+", "•", " ", "\t"):
        return _BULLET.sub(_bullet, text)
    first = _BULLET_LINE.search(text)
    if first is None:
        return text
    return text[:first.start()] + _BULLET.sub(_bullet, text[first.start():])


def _single_blank_lines(text: str) -> str:
    """Runs of three or more newlines as two (what _BLANK_RUNS.sub("\n\n", ...) does)."""
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


def normalize_text(markdown: str) -> str:
    """Canonical form of a document's text; idempotent, so equal documents give equal bytes.

    NFC, no-break/odd spaces to plain spaces, zero-width characters and soft hyphens removed,
    LF line ends, no trailing spaces, at most one blank line in a row, `-` for bullets, no
    leading blank lines, exactly one trailing newline ('' for a text with no content).
    """
    # each pass is skipped when it cannot change anything: a bulk import normalises megabytes,
    # and every fetched page is normalised once
    text = markdown
    if not text.isascii():
        if _has_any(text, _LINE_BREAK_CHARS):
            text = _LINE_BREAKS.sub("\n", text)
        if _has_any(text, _INVISIBLE_CHARS):
            text = _INVISIBLE.sub("", text)
        if _has_any(text, _ODD_SPACE_CHARS):
            text = _ODD_SPACES.sub(" ", text)
        text = unicodedata.normalize("NFC", text)
    elif "\r" in text or "\f" in text or "\v" in text:
        text = _LINE_BREAKS.sub("\n", text)
    if " \n" in text or "\t\n" in text or text.endswith((" ", "\t")):
        text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    text = _bullets(text)
    text = _single_blank_lines(text)
    text = text.strip("\n")
    return text + "\n" if text.strip() else ""



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
