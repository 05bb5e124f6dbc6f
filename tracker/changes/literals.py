"""Literal pre-checks for regular expressions over long texts.

Python's re scans a \\b-led alternation one position at a time; these helpers find what every
match must contain (lower-cased hint words) or start with (case-sensitive heads) so that long
policies are searched only where a match can be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any


def _top_level_branches(pattern: str) -> list[str]:
    branches, depth, cur, i = [], 0, [], 0
    in_class = False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            cur.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    branches.append("".join(cur))
    return branches


_COMMON_WORDS = {"information", "protection", "privacy", "data", "personal", "act", "services", "consumer",
                 "communications", "california", "digital", "rights", "online", "policy", "law", "general",
                 "children", "inc", "and", "the", "video", "on", "of", "to", "for"}


def search_near(rx: re.Pattern[str], text: str, low: str, hints: tuple[str, ...],
                window: int = 120, max_hits: int = 64,
                heads: tuple[str, ...] | None = None) -> re.Match[str] | None:
    """rx.search(text), but only around occurrences of the hints (lower-cased literals that
    every match contains): linear in the number of hint hits, not in the text length.
    heads: the pattern's required_literals, when known: a whole-text search tries only there."""
    def whole() -> re.Match[str] | None:
        return rx.search(text) if heads is None else search_heads(rx, heads, text)

    if not hints:
        return whole()
    spans: list[tuple[int, int]] = []
    for h in hints:
        i = low.find(h)
        while i != -1:
            spans.append((max(0, i - window), min(len(text), i + len(h) + window)))
            if len(spans) > max_hits:
                return whole()
            i = low.find(h, i + 1)
    for lo, hi in sorted(spans):
        m = rx.search(text, lo, hi)
        if m:
            return m
    return None


def literal_hints(pattern: str) -> tuple[str, ...]:
    """Lower-cased words such that any text the regex matches contains at least one of them
    (the longest literal word of each top-level branch), or () when a branch has none.

    Python's re is slow on long texts with \\b-led alternations; checking a few substrings
    first lets most texts skip most patterns.
    """
    hints = set()
    for br in _top_level_branches(pattern):
        if "(?:" in br and "|" in br:
            # nested alternation: only words outside any group are certain
            outside = re.sub(r"\((?:[^()]|\([^()]*\))*\)", " ", br)
        else:
            outside = br
        outside = re.sub(r"\\[a-zA-Z]", " ", outside)
        outside = re.sub(r"\[[^\]]*\]", " ", outside)
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", outside)
                 if not re.search(re.escape(w) + r"[?*]", outside)]
        if not words:
            return ()
        rare = [w for w in words if w.lower() not in _COMMON_WORDS] or words
        hints.add(max(rare, key=len).lower())
    return tuple(sorted(hints))


_LEADING_ZERO_WIDTH_RE = re.compile(r"^(?:\\b|\(\?<[!=][^()]*\))*")
_LITERAL_RUN_RE = re.compile(r"[A-Za-z0-9 ,'&-]+")


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Case-sensitive strings such that every match of pattern starts with one of them (the
    literal head of each top-level branch), or None when some branch has no literal head.

    Unlike literal_hints (a lower-cased, looser pre-check that decides which patterns run at
    all), these are exact: when none of them is in the text, the pattern cannot match there,
    and a scan of a long text for a \\b-led pattern (Python's re finds no literal prefix to
    skip ahead with) is saved."""
    heads = []
    for br in _top_level_branches(pattern):
        lead = _LEADING_ZERO_WIDTH_RE.match(br)  # always matches (possibly empty)
        br = br[lead.end() if lead else 0:]
        m = _LITERAL_RUN_RE.match(br)
        if not m:
            return None
        head = m.group(0)
        if br[m.end():m.end() + 1] in ("?", "*", "{"):
            head = head[:-1]      # the last character is optional
        if not head:
            return None
        heads.append(head)
    return tuple(heads)


def _head_positions(text: str, heads: tuple[str, ...]) -> list[int]:
    """Sorted start positions of every occurrence of the heads (overlapping ones included)."""
    out: set[int] = set()
    for h in heads:
        i = text.find(h)
        while i != -1:
            out.add(i)
            i = text.find(h, i + 1)
    return sorted(out)


def finditer_heads(rx: re.Pattern[str], heads: tuple[str, ...], text: str) -> list[re.Match[str]]:
    """list(rx.finditer(text)) for a pattern whose matches all start with one of heads
    (required_literals) and are never empty: each match starts where a head occurs, so only
    those places are tried (rx.match at a position sees the text before it, as a scan does).
    A scan of a long text costs one regex step per character; this one per occurrence."""
    out: list[re.Match[str]] = []
    pos = 0
    for c in _head_positions(text, heads):
        if c < pos:
            continue
        m = rx.match(text, c)
        if m:
            out.append(m)
            pos = m.end()
    return out


def search_heads(rx: re.Pattern[str], heads: tuple[str, ...], text: str) -> re.Match[str] | None:
    """rx.search(text), tried only where a head occurs (see finditer_heads)."""
    for c in _head_positions(text, heads):
        m = rx.match(text, c)
        if m:
            return m
    return None


def finditer_runs(rx: re.Pattern[str], text: str, anchors: Iterable[int], run: re.Pattern[str]) -> list[re.Match[str]]:
    """list(rx.finditer(text)) for a pattern whose matches are made only of characters that
    run (a character class, repeated: '[A-Za-z0-9.-]+') matches and each hold one of the anchor
    positions (sorted: where '@' or '.com' stands). The pattern is tried only inside the runs
    of such characters around an anchor: no match can cross a character outside a run, so each
    run is scanned as the whole text would be, its lookbehind seeing the character before it
    and its \\b or lookahead the one character after it. A scan of a whole policy tries a
    lookbehind-led pattern at every position; this one only a few short runs."""
    out: list[re.Match[str]] = []
    done = -1
    for at in anchors:
        if at < done:
            continue      # in the run already scanned
        start = at
        while start > 0 and run.fullmatch(text, start - 1, start):
            start -= 1
        m = run.match(text, at)
        end = m.end() if m else at
        out.extend(rx.finditer(text, start, min(len(text), end + 1)))
        done = end + 1
    return out


def char_positions(text: str, ch: str) -> Iterator[int]:
    """Every position of one character in text, in order."""
    at = text.find(ch)
    while at != -1:
        yield at
        at = text.find(ch, at + 1)


@lru_cache(maxsize=4)
def lowered(text: str) -> str:
    """text.lower(), remembered for the few whole texts a report reads: a rule that asks, for
    each changed sentence, whether the old text says something, lowers the text only once."""
    return text.lower()


SEARCH_MEMO = 8192       # sentences per pattern whose search result is kept: two versions' changed sentences and more


class Prefiltered:
    """A compiled regex that is only run on a text holding one of its hint words.

    hints: lower-case strings such that every match of the pattern contains at least one of
    them (ignoring case); a text in ASCII holding none cannot match, so search, match,
    finditer and findall answer at once without the regex (Python's re tries a lookbehind- or \\b-led
    case-insensitive alternation at every position: ~50 us per sentence for the rights
    pattern). Non-ASCII texts always run the regex (re's case folding goes beyond lower()).
    Answers are exactly the regex's; anything else is delegated to it."""

    __slots__ = ("regex", "hints", "pattern", "flags", "_searched")

    def __init__(self, regex: re.Pattern[str], hints: tuple[str, ...]) -> None:
        self.regex, self.hints, self.pattern, self.flags = regex, hints, regex.pattern, regex.flags
        # whole-text searches, remembered: the rules ask the same sentence the same question
        # (a right? a promise?) several times per report, and a report's sentences are most
        # of the next report's along a history
        self._searched = lru_cache(maxsize=SEARCH_MEMO)(self._search_whole)
        _PREFILTERED.append(self)

    def _cannot(self, text: str) -> bool:
        low = _ascii_lower(text) if len(text) <= LOWER_MEMO_CHARS else text.lower() if text.isascii() else None
        if low is None:
            return False
        for h in self.hints:        # a plain loop: a generator per call cost more than the tests
            if h in low:
                return False
        return True

    def _search_whole(self, text: str) -> re.Match[str] | None:
        """search(text) with no positions, computed (Match objects are immutable: sharing them is safe)."""
        return None if self._cannot(text) else self.regex.search(text)

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        if not args:
            return self._searched(text)
        return None if self._cannot(text) else self.regex.search(text, *args)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return None if self._cannot(text) else self.regex.match(text, *args)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return iter(()) if self._cannot(text) else self.regex.finditer(text, *args)

    def findall(self, text: str, *args: int) -> list[Any]:
        return [] if self._cannot(text) else self.regex.findall(text, *args)

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return text if self._cannot(text) else self.regex.sub(repl, text, count)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.regex, name)


_PREFILTERED: list[Prefiltered] = []      # every instance (all made at import), for clear_search_memos


def clear_search_memos() -> None:
    """Forget every Prefiltered's remembered searches (benchmarks start cold; results never depend on it)."""
    for p in _PREFILTERED:
        p._searched.cache_clear()
    _ascii_lower.cache_clear()


LOWER_MEMO_CHARS = 2_000      # a sentence, lowered once for every pattern's hints; a whole text is not kept


# sentences kept lowered: every sentence of both versions of a 1 MB pair (8,000 distinct) and
# the rest a report asks about, which SEARCH_MEMO's 8,192 evicted before the next pattern asked
LOWER_MEMO = 32768


@lru_cache(maxsize=LOWER_MEMO)
def _ascii_lower(text: str) -> str | None:
    """text.lower() of a text in ASCII, else None: the dozens of Prefiltered patterns asked about
    one sentence lower it once."""
    return text.lower() if text.isascii() else None
