"""A capture that does not hold the policy at all: a home page, a menu or an error page saved in
its place.

Comparing such a capture with the policy reports every promise and right as dropped (or, the
way back, as new), and a reader would believe the company withdrew them. In English policy
text most sentences name personal data, privacy, cookies, collecting or sharing (the median
share over the corpus is two thirds, the lowest policy 0.36); a home page has a few such
sentences among its teasers and menus. One side is taken for another page when under
NOT_POLICY_SHARE of its sentences name such things while the other side's share is at least
POLICY_SHARE, and what it says about data is under a third of what the other side says. Terms
of service and policies in other languages are never judged so: the other side must read as a
privacy policy in English, and both sides must be English.

A capture can also fail outright: an empty file, the page title alone, an error or "not found"
page, or only the policy's first screen. Such a stub (under STUB_SHARE of the words of a whole
policy on the other side, in any language) is said as what it holds, quoted when it is not part
of the policy, and nothing the other side has is reported as dropped or new. A capture that
lost only the policy's opening (its title and the sentences before everything else, the rest
word for word) is said as that, not as a withdrawn introduction.

page_check runs these checks (and the summary-page, other-language and other-document ones,
swapped.py) in order for compare(): the first that fires gives the pair's one statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Sequence

from tracker.changes.corroborate import summary_side, summary_statement
from tracker.changes.languages import language_change, language_statement
from tracker.changes.literals import Prefiltered
from tracker.changes.rules.common import Statement
from tracker.changes.swapped import owners, swap_statement, swapped_side

NOT_POLICY_SHARE = 0.3
POLICY_SHARE = 0.35
DATA_WORDS_SHARE = 1 / 3
MIN_SENTENCES = 20

_POLICY_RE = Prefiltered(re.compile(r"(?i)\b(?:personal(?:ly)?|information|data|privacy|cookies?|collect\w*|disclos\w*|"
                                    r"third[- ]part\w*|share[sd]?|sharing|consent|opt[- ]?out)\b"),
                         ("personal", "information", "data", "privacy", "cookie", "collect", "disclos", "third", "shar",
                          "consent", "opt"))      # every match holds one of these
_ENGLISH_RE = re.compile(r"(?i)\b(?:the|and|of|to|you|your|we|our)\b")


def _reading(sentences: Sequence[str]) -> tuple[float, int, bool]:
    """(share of sentences naming data or privacy, their words, mostly English)."""
    return _read(tuple(sentences))


@lru_cache(maxsize=4)
def _read(sentences: tuple[str, ...]) -> tuple[float, int, bool]:
    """_reading of a version's sentences, once per version: the next pair of a history reads the
    version it shares with this one again."""
    policy = [s for s in sentences if _POLICY_RE.search(s)]
    words = sum(len(s.split()) for s in sentences)
    english = words > 0 and _at_least(_ENGLISH_RE.finditer(" ".join(sentences)), 0.04 * words)
    return len(policy) / max(len(sentences), 1), sum(len(s.split()) for s in policy), english


def _at_least(matches: Iterator[re.Match[str]], count: float) -> bool:
    """Are there count matches or more? (Stops counting there: an English text has its share of
    small words long before its end.)"""
    if count <= 0:
        return True
    seen = 0
    for _ in matches:
        seen += 1
        if seen >= count:
            return True
    return False


def not_the_policy(old: Sequence[str], new: Sequence[str]) -> str | None:
    """'new' when the new capture is another page than the policy the old one holds, 'old' for
    the way back, None otherwise (old, new: each side's sentences)."""
    (s_old, w_old, e_old), (s_new, w_new, e_new) = _reading(old), _reading(new)
    if not (e_old and e_new) or not old or not new or max(len(old), len(new)) < MIN_SENTENCES:
        return None
    if s_new < NOT_POLICY_SHARE <= POLICY_SHARE <= s_old and w_new < DATA_WORDS_SHARE * w_old:
        return "new"
    if s_old < NOT_POLICY_SHARE <= POLICY_SHARE <= s_new and w_old < DATA_WORDS_SHARE * w_new:
        return "old"
    return None


# a capture whose few sentences about data are mostly the other capture's, word for word, holds
# part of the policy (its first page among a news site's menus), not another page
PART_SHARE = 0.6
PART_MIN_SENTENCES = 5


def holds_part(short: Sequence[str], whole: Sequence[str]) -> bool:
    """Are most of short's sentences about data also sentences of whole (a paginated or cut
    policy captured with its site's chrome)?"""
    said = [" ".join(s.lower().split()) for s in short if _POLICY_RE.search(s)]
    if len(said) < PART_MIN_SENTENCES:
        return False
    there = {" ".join(s.lower().split()) for s in whole}
    return sum(1 for s in said if s in there) >= PART_SHARE * len(said)


def capture_statement(side: str, owner: str, old: Held, new: Held) -> Statement:
    """What a reader learns from a pair with a capture of another page (or of only part of the
    policy), in place of claims it cannot support: the other page by its title when it has one,
    else how few of its sentences speak of data."""
    counts = {k: (sum(1 for s in v if _POLICY_RE.search(s)), len(v)) for k, v in (("old", old.sentences),
                                                                                   ("new", new.sentences))}
    (k_old, n_old), (k_new, n_new) = counts["old"], counts["new"]
    if side == "new" and holds_part(new.sentences, old.sentences):
        return Statement(f"The new capture holds only part of {owners(owner)} policy: {k_new} of its {n_new:,} sentences "
                         f"mention personal data or privacy (was: {k_old} of {n_old:,}); nothing is reported as removed",
                         "policy-changes", "page-summary", None, None, (),
                         f"The new capture holds only part of {owners(owner)} policy; nothing is reported as removed")
    if side == "old" and holds_part(old.sentences, new.sentences):
        return Statement(f"{owners(owner, True)} whole policy is back after a capture of only part of it: {k_new} of its {n_new:,} "
                         f"sentences mention personal data or privacy (was: {k_old} of {n_old:,}); nothing is reported as new",
                         "policy-changes", "page-summary", None, None, (),
                         f"{owners(owner, True)} whole policy is back after a capture of only part of it; nothing is reported as new")
    other = new if side == "new" else old
    title = _page_title(other)
    held = f"“{title}”" if title else \
        f"{k_new} of its {n_new:,} sentences mention personal data or privacy (was: {k_old} of {n_old:,})"
    if side == "new":
        text = f"The new capture holds another page, not {owners(owner)} policy: {held}; nothing is reported as removed"
        short = f"The new capture holds another page, not {owners(owner)} policy; nothing is reported as removed"
    else:
        text = f"{owners(owner, True)} policy is back after a capture of another page: {held}; nothing is reported as new"
        short = f"{owners(owner, True)} policy is back after a capture of another page; nothing is reported as new"
    return Statement(text, "policy-changes", "page-summary", None, None, (),
                     text if title and len(text) < HEADLINE_CHARS else short)      # a title fits in the headline


# a headline is shorter than this
HEADLINE_CHARS = 140
# the other page's title is quoted up to this many characters (a longer first heading is a
# teaser's text, not a title)
PAGE_TITLE_CHARS = 60


def _page_title(held: Held) -> str | None:
    """The other page's first heading ('Base Documentation'), None when it has none or a long one."""
    title = " ".join(held.titles[0].split()) if held.titles else ""
    return title if 0 < len(title) <= PAGE_TITLE_CHARS else None


# a side holding under this share of the other side's words is a stub, not a shorter policy: a
# real rewrite keeps far more (the shortest rewritten policies in the corpus keep a fifth)
STUB_SHARE = 0.05
# the other side must be a whole policy, not a notice: this many words at least (a side with no
# text at all is a failed capture beside any policy of PART_MIN_SENTENCES sentences)
STUB_WHOLE_WORDS = 400
# a stub quoted in the headline is cut to this many characters (the headline stays under 140)
STUB_QUOTE_CHARS = 60


@dataclass(frozen=True)
class Held:
    """What one capture holds: its headings' titles (each once, in order), its sentences, both
    in the order of the page (what a stub is quoted by; the sentences when not given), and the
    date it gives itself."""

    titles: tuple[str, ...]
    sentences: tuple[str, ...]
    lines: tuple[str, ...] = ()
    date: str | None = None     # the date the capture gives itself ('Last updated: May 1, 2023'), if any

    @cached_property
    def words(self) -> int:
        """How many words the titles and sentences hold (counted once: every check reads it)."""
        return sum(len(s.split()) for s in self.titles + self.sentences)


def stub_side(old: Held, new: Held) -> str | None:
    """'new' when the new capture is a stub beside the policy the old one holds (no text, a
    title, an error page, a notice, the first screen), 'old' for the way back, None otherwise."""
    for short, whole, side in ((new, old, "new"), (old, new, "old")):
        if short.words and (len(whole.sentences) < MIN_SENTENCES or whole.words < STUB_WHOLE_WORDS):
            continue
        if len(whole.sentences) >= PART_MIN_SENTENCES and short.words < STUB_SHARE * whole.words:
            return side
    return None


def _quote(held: Held) -> str:
    """The stub's opening words (its headings and sentences in the page's order), quoted and cut
    at a word under STUB_QUOTE_CHARS."""
    text = " / ".join(" ".join(line.split()) for line in held.lines or held.sentences or held.titles)
    if len(text) > STUB_QUOTE_CHARS:
        text = text[:STUB_QUOTE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:/.") + "…"
    return f"“{text}”"


def _part_of(short: Held, whole: Held) -> bool:
    """Are most of the stub's sentences sentences of the whole policy (its first screen)?"""
    there = {" ".join(s.lower().split()) for s in whole.sentences}
    said = [" ".join(s.lower().split()) for s in short.sentences if len(s.split()) > 3]
    return len(said) >= 2 and sum(1 for s in said if s in there) >= PART_SHARE * len(said)


def stub_statement(side: str, owner: str, old: Held, new: Held) -> Statement:
    """What a reader learns from a pair with a stub capture, in place of claims it cannot support:
    how little the stub holds, and what it says when that is not part of the policy."""
    short, whole = (new, old) if side == "new" else (old, new)
    n, w = short.words, whole.words
    if not n:
        held = "holds no text"
    elif _part_of(short, whole):
        held = f"holds only {n:,} of the policy's words"
    else:
        held = f"holds only {n:,} words: {_quote(short)}"
    if side == "new":
        return Statement(f"The new capture {held} (was: the {w:,}-word policy); nothing is reported as removed",
                         "policy-changes", "page-summary", None, None, (),
                         f"The new capture {held}; nothing is reported as removed")
    was = held.replace("holds", "held", 1)
    return Statement(f"{owners(owner, True)} {w:,}-word policy is back after a capture that {was}; nothing is reported as new",
                     "policy-changes", "page-summary", None, None, (),
                     f"The policy is back after a capture that {was}; nothing is reported as new")


# an opening this long at least is said as lost (one sentence is an ordinary edit)
OPENING_MIN_SENTENCES = 2


def lost_opening(changes: Sequence[tuple[str, str]], old: Held, new: Held) -> str | None:
    """'new' when the new capture lacks the policy's opening (its first title and its first
    sentences, every other sentence kept), 'old' for the way back, None otherwise. changes are
    (kind, text) of the sentences that changed, moves left out."""
    for kind, short, whole, side in (("removed", new, old, "new"), ("added", old, new, "old")):
        said = [t for k, t in changes if k == kind]
        if len(said) != len(changes) or len(said) < OPENING_MIN_SENTENCES or not whole.titles:
            continue
        if whole.titles[0] not in short.titles and said == list(whole.sentences[:len(said)]) \
                and len(short.sentences) >= MIN_SENTENCES:
            return side
    return None


# a capture cut off before the policy's end keeps this many of its sentences at least, and lost this
# many (fewer lost is a short addition at the end, said as such by the rules)
ENDING_MIN_KEPT = 20
ENDING_MIN_LOST = 5


# the last line of a capture cut off mid-sentence ('… my family stat', '… Your post'): it ends in
# a lower-case word or a comma; a whole policy ends with a full stop, an address, a date or a link
_CUT_OFF_RE = re.compile(r"(?:^|\s)[a-z][a-z'’-]*,?\s*$")


# what closes a table's row or cell after its text ('… necessary for the |', '… the<br>'): the
# text before it is what the capture stopped on
_ROW_END_RE = re.compile(r"(?:\s*(?:\||<br\s*/?>))+\s*$")


def _cut_off(raw: str) -> bool:
    """Does the raw capture stop mid-sentence (its last line of text ends on a lower-case word,
    a table's row or cell left open after it)?"""
    lines = [line for line in raw.rstrip().splitlines()[-3:] if line.strip()]
    return bool(lines) and _CUT_OFF_RE.search(_ROW_END_RE.sub("", lines[-1])) is not None


def lost_ending(old: Held, new: Held, raw_old: str, raw_new: str) -> tuple[str, int, int, str] | None:
    """('new', kept, total, last words) when the new capture stops mid-sentence part-way through
    the policy the old one holds (every sentence before the cut as it was, the rest missing),
    ('old', …) for the way back, None otherwise. A policy that only grew at its end is no cut
    capture: its old text ends as a text ends."""
    for short, whole, side, raw in ((new, old, "new", raw_new), (old, new, "old", raw_old)):
        n = len(short.sentences)
        if n < ENDING_MIN_KEPT or len(whole.sentences) < n + ENDING_MIN_LOST or not _cut_off(raw):
            continue
        last, same = " ".join(short.sentences[-1].split()), " ".join(whole.sentences[n - 1].split())
        if short.sentences[:n - 1] == whole.sentences[:n - 1] and last and same.startswith(last):
            return side, n, len(whole.sentences), " ".join(last.split()[-3:])
    return None


def ending_statement(side: str, kept: int, total: int, last: str) -> Statement:
    """What a reader learns from a capture cut off before the policy's end (or the whole policy
    back after one)."""
    if side == "new":
        return Statement(f"The new capture stops after {kept} of the policy's {total} sentences (at “…{last}”); "
                         "nothing is reported as removed", "policy-changes", "page-summary", None, None, (),
                         f"The new capture stops after {kept} of the policy's {total} sentences")
    return Statement(f"The capture holds the whole policy again after one that stopped after {kept} of its {total} "
                     f"sentences (at “…{last}”); nothing is reported as new", "policy-changes", "page-summary",
                     None, None, (), f"The capture holds the whole policy again after one cut off at sentence {kept}")


def opening_statement(side: str, changes: int) -> Statement:
    """What a reader learns from a capture that lost (or got back) only the policy's opening."""
    what = f"the policy's title and first {changes} sentences"
    if side == "new":
        return Statement(f"The new capture lacks {what}; the rest is unchanged and nothing is reported as removed",
                         "policy-changes", "page-summary", None, None, (),
                         f"The new capture lacks {what}; the rest is unchanged")
    return Statement(f"The capture holds {what} again; the rest is unchanged and nothing is reported as new",
                     "policy-changes", "page-summary", None, None, (),
                     f"The capture holds {what} again; the rest is unchanged")


@dataclass(frozen=True)
class PageCheck:
    """A pair whose captures, not the policy, changed: the side at fault ('old' or 'new'), the one
    statement said in place of the rules' claims, and whether the pair's link changes are the
    page's (a stub's, a lost opening's or ending's links), not the policy's."""

    side: str
    statement: Statement
    page_links: bool = False


def page_check(old: Held, new: Held, texts: tuple[str, str], raws: tuple[str, str], owner: str,
               changed: Sequence[tuple[str, str]], mostly_kept: bool) -> PageCheck | None:
    """The first of the capture checks that fires, in order: a summary page, another page or
    another language, a stub, a lost opening, a lost ending; None when both captures hold the
    policy. old, new: what each capture holds; texts: each side's segmented text; raws: the
    texts as captured; changed: (kind, text) of the sentences that changed, moves left out;
    mostly_kept: most sentences are unchanged (then the sides are no translation of each other)."""
    side = summary_side(*texts)
    if side:      # one side is a summary page linking to the policy
        return PageCheck(side, summary_statement(side, owner, len(texts[0].split()), len(texts[1].split())))
    old_s, new_s = old.sentences, new.sentences
    side = not_the_policy(old_s, new_s)
    if side:      # one side is another page (a home page, a menu): its links are the page's
        return PageCheck(side, capture_statement(side, owner, old, new), True)
    translated = None if mostly_kept else language_change(old_s, new_s)
    if translated:    # the policy in another language: no sentence of one can be looked for in the other
        return PageCheck("new", language_statement(owner, *translated))
    side = stub_side(old, new)
    if side:      # no text, a title, an error page
        return PageCheck(side, stub_statement(side, owner, old, new), True)
    swap = swapped_side(old, new)
    if swap:      # another of the company's documents (terms, another product's policy) in the policy's place
        return PageCheck(swap[0], swap_statement(swap, owner, old, new), True)
    side = lost_opening(changed, old, new)
    if side:      # only the policy's title and opening sentences lost (or back)
        return PageCheck(side, opening_statement(side, len(changed)), True)
    ending = lost_ending(old, new, *raws)
    if ending:    # the capture stops part-way through the policy (or the whole policy is back)
        return PageCheck(ending[0], ending_statement(*ending), True)
    return None
