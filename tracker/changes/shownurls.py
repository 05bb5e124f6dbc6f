"""Link addresses one capture writes out after a link's words.

A page may be scraped with a named link as its words ('see our [Recipients List](https://x/list)')
or with its address written out after them ('see our Recipients List [https://x/list](https://x/list)'),
depending on the scraper, not on the policy. Compared as text, each such sentence reads as
reworded, and a sentence whose address breaks the sentence split reads as dropped. Where the
other capture links the same words to the same address, the written-out form is given back the
other capture's form, so the comparison sees the policy's text.
"""

from __future__ import annotations

import re
from collections import defaultdict

from tracker.changes.normalize import _LINK_RE

# a Markdown escape ('\\_' in an address written as words)
_ESCAPE_RE = re.compile(r"\\(.)")
_SCHEME_RE = re.compile(r"^(?:https?:)?//(?:www\.)?", re.I)
# a link's words that are an address: what the scraper wrote out
_ADDRESS_WORDS_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# a text without this holds no link
_LINK_HINT = "]("


def _key(url: str) -> str:
    """An address without escapes, scheme, 'www.', trailing slash or case: one key per page."""
    return _SCHEME_RE.sub("", _ESCAPE_RE.sub(r"\1", url.strip().strip("<>"))).rstrip("/").lower()


def _words(text: str) -> str:
    """Link words without escapes, single-spaced."""
    return " ".join(_ESCAPE_RE.sub(r"\1", text).split())


def _names(text: str) -> dict[str, set[str]]:
    """The words of each link of text that are not an address, by the key of its target."""
    names: dict[str, set[str]] = defaultdict(set)
    for m in _LINK_RE.finditer(text):
        words = _words(m.group(1))
        if words and not _ADDRESS_WORDS_RE.match(words):
            names[_key(m.group(2))].add(words)
    return names


def _named(showing: str, names: dict[str, set[str]]) -> tuple[str, int]:
    """showing with each 'NAME [ADDRESS](ADDRESS)' written as '[NAME](ADDRESS)' where NAME is
    what the other capture links to that address, and how many were rewritten."""
    out: list[str] = []
    last = count = 0
    for m in _LINK_RE.finditer(showing):
        words = _words(m.group(1))
        if not _ADDRESS_WORDS_RE.match(words) or _key(words) != _key(m.group(2)):
            continue
        before = showing[last:m.start()]
        for name in sorted(names.get(_key(words), ()), key=len, reverse=True):
            at = _name_end(before, name)
            if at is not None:
                out.append(before[:at] + f"[{name}]({m.group(2)})")
                last = m.end()
                count += 1
                break
    out.append(showing[last:])
    return "".join(out), count


def _name_end(before: str, name: str) -> int | None:
    """Where name starts when the text before a link ends with it (then a space), else None."""
    stripped = before.rstrip(" ")
    if stripped == before or not stripped.endswith(name):
        return None
    at = len(stripped) - len(name)
    return at if at == 0 or not stripped[at - 1].isalnum() else None


def named_links(old: str, new: str) -> tuple[str, str, int]:
    """(old, new, count): each capture's links written out as 'NAME [ADDRESS](ADDRESS)' given
    back the form '[NAME](ADDRESS)' the other capture shows, and how many were."""
    if _LINK_HINT not in old or _LINK_HINT not in new:
        return old, new, 0
    new2, in_new = _named(new, _names(old))
    old2, in_old = _named(old, _names(new))
    return old2, new2, in_new + in_old
