"""Plain text: the canonical normalised form every document is stored in, and e-mail
addresses de-obfuscated ('privacy [at] example [dot] com', Cloudflare's data-cfemail)."""

from __future__ import annotations

import re
import unicodedata

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
