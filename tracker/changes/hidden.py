"""E-mail addresses one capture shows as Cloudflare's '[email protected]' placeholder.

Cloudflare's e-mail obfuscation writes '[email protected]' (a link to /cdn-cgi/l/email-protection)
where the page holds an address, and a script puts the address back in a browser. A capture
taken without the script holds the placeholder, the next one the address: compared as text,
that reads as a new contact address, a link dropped and a sentence reworded. Each placeholder
is given back the address the other capture writes in its place (the same words before it), so
the comparison sees the policy's text, and the report says the addresses were shown as
placeholders, a cosmetic change. A link whose words the script would leave alone ('[CONTACT US]
(/cdn-cgi/l/email-protection#…)') is hidden the same way in a capture that shows the placeholder
in its words: it is given back its words.
"""

from __future__ import annotations

import re

from tracker.changes.normalize import CF_PLACEHOLDER_HINT, CF_PLACEHOLDER_RE as _PLACEHOLDER_RE

# an address, as a mailto link ('[jane@example.com](mailto:jane@example.com)') or as text, or a
# link to Cloudflare's e-mail protection whose words are no placeholder ('[CONTACT US](/cdn-cgi/l/
# email-protection#…)'): what a placeholder stands for in a capture whose script ran
_PROTECTED_LINK = r"\[(?![^\]\n]*protected)[^\[\]\n]*\]\(\s*[^)\s]*/cdn-cgi/l/email-protection[^)\n]*\)"
_ADDRESS_RE = re.compile(r"\[[^\[\]\n]*@[^\[\]\n]*\]\(\s*mailto:[^)\n]*\)|" + _PROTECTED_LINK + "|"
                         r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# the path of that link: a text without it holds none
_PROTECTION_PATH = "/cdn-cgi/l/email-protection"
# words before a placeholder or an address that place it in the text ('please email us at')
CONTEXT_WORDS = 4
# how far back the words before are looked for
CONTEXT_CHARS = 120
_WORD_RE = re.compile(r"[A-Za-z]+")


def _context(text: str, at: int) -> tuple[str, ...]:
    """The last CONTEXT_WORDS words (letters only, lower case) before position at."""
    return tuple(w.lower() for w in _WORD_RE.findall(text[max(0, at - CONTEXT_CHARS):at])[-CONTEXT_WORDS:])


def _unhidden(hiding: str, showing: str) -> tuple[str, int]:
    """hiding with each placeholder replaced by the address showing writes after the same
    words (each address used once, in order), and how many were replaced."""
    addresses: dict[tuple[str, ...], list[str]] = {}
    for m in _ADDRESS_RE.finditer(showing):
        addresses.setdefault(_context(showing, m.start()), []).append(m.group(0))
    count = 0

    def _give(m: re.Match[str]) -> str:
        nonlocal count
        found = addresses.get(_context(hiding, m.start()))
        if not found:
            return m.group(0)
        count += 1
        return found.pop(0)

    return _PLACEHOLDER_RE.sub(_give, hiding), count


def unhide_emails(old: str, new: str) -> tuple[str, str, str]:
    """(old, new, side): the placeholders of one capture given back the addresses the other shows
    in their place; side is 'new' when the new capture hid them, 'old' when the old one did, ''
    when neither (the texts unchanged)."""
    if CF_PLACEHOLDER_HINT not in old.lower() and CF_PLACEHOLDER_HINT not in new.lower():
        return old, new, ""
    if "@" not in old and "@" not in new and _PROTECTION_PATH not in old and _PROTECTION_PATH not in new:
        return old, new, ""
    old_hid, new_hid = len(_PLACEHOLDER_RE.findall(old)), len(_PLACEHOLDER_RE.findall(new))
    if new_hid > old_hid:
        new2, count = _unhidden(new, old)
        return (old, new2, "new") if count else (old, new, "")
    if old_hid > new_hid:
        old2, count = _unhidden(old, new)
        return (old2, new, "old") if count else (old, new, "")
    return old, new, ""


def hidden_said(side: str) -> str:
    """What a cosmetic report says of the placeholders ('' when no capture hid an address)."""
    if side == "new":
        return "e-mail addresses shown as placeholders"
    if side == "old":
        return "e-mail addresses shown again (were placeholders)"
    return ""
