"""Other documents a capture holds beside the policy: a regional notice, terms of service or a
cookie policy the page shows before or after it in one capture and not in the other.

A page that lists several documents ('Terms of Service', 'Privacy Policy', 'Anti-Spam Policy'),
or that appends a regional notice ('EEA+ Privacy Notice') or the policy of another product, is
captured with them one day and without them the next. Compared as text, every promise and right
of the other document reads as new or dropped, and a reader would believe the policy changed. A
document is recognised by how it opens: a heading naming a document (a policy, notice, terms,
statement, supplement …) set off by a thematic break before it or with its own date under it
('Last updated: November 1, 2022'). One capture's block from such a heading to the next one (or
to the end of the page) is another document when next to none of its paragraphs are in the
other capture, the other capture does not have its title, and the rest of the page is the
policy the other capture holds. Such blocks are taken out before the comparison and said as a
note on the capture; the policy's own changes are reported as ever.

A block is taken for a document of its own only on evidence that it is one: its title names
another kind of document (terms, a cookie policy: no privacy word), or it is written in another
language than the policy (a translation), or its date line gives another date than the policy's
('EEA+ Privacy Notice, last updated November 1, 2022' under a policy of November 25, 2025). A
privacy notice or supplement that the policy's own update brought (a consumer health data notice
dated like the policy, a state notice with no date of its own) is part of the policy: its
sentences are compared and reported as any new section is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.changes.languages import main_language
from tracker.changes.normalize import heading_key, sentence_key
from tracker.changes.priorities import MAX_STATEMENTS
from tracker.changes.rules.common import Statement
from tracker.changes.segment import LISTED_ATX_RE

# a heading's title that names a document of its own (not a section of the policy)
_DOCUMENT_RE = re.compile(r"(?i)\b(?:polic(?:y|ies)|notices?|statements?|terms|conditions|agreements?|supplements?|"
                          r"addendum|disclosures?|charter|pol[ií]tica|datenschutz\w*|politique|richtlinie|informativa)\b")
# a line under a document's title giving its own date ('_Last updated: November 1, 2022_',
# '**Effective from 16/09/2026**'); short, with a year or a numeric date
_DATE_LINE_RE = re.compile(r"(?i)^\W*(?:last\s+(?:updated|modified|revised|changed)|updated|effective|"
                           r"date|version|[úu]ltima\s+actualiza\w*|stand|dernière\s+mise)\b.{0,60}"
                           r"(?:\b(?:19|20)\d\d\b|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})")
# a title of the policy's own family: a privacy notice or supplement may be part of the policy
_PRIVACY_RE = re.compile(r"(?i)privacy|privacidad|privacidade|datenschutz|confidentialit|vie priv[ée]e|riservatezza|"
                         r"prywatno|personal (?:data|information)|donn[ée]es personnelles")
# the parts of the date a date line gives (numbers, month names): 'Effective: October 8, 2024' and
# '_Last Updated: October 8, 2024_' give the same date
_DATE_PART_RE = re.compile(r"(?i)\b(?:\d{1,4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_SETEXT_RE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
# a Markdown link ('[Terms](#tos)', '[Notice](javascript:void(0))'): its words are the title's
_LINK_RE = re.compile(r"\[([^\]]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_BREAK_RE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
# a line longer than this is a paragraph, never a document's title
TITLE_LINE_CHARS = 200
# lines a date line may stand after under the title (a blank line, the underline, a sub-title)
DATE_LOOKAHEAD = 3
# words a paragraph has at least to be looked for in the other capture (a short line is a
# heading or a menu item, found in any page)
PARAGRAPH_MIN_WORDS = 5
# another document holds this many paragraphs at least (a short block is an edit of the policy)
DOCUMENT_MIN_PARAGRAPHS = 5
# at most this share of another document's paragraphs is in the other capture (a document that
# was there and was rewritten keeps more)
FOREIGN_SHARE = 0.2
# at least this share of the other capture's paragraphs is in the rest of the page: the rest is
# the policy the other capture holds
POLICY_KEPT_SHARE = 0.6
# document titles said in a note, at most (a page of many documents is said by its first ones)
TITLES_SAID = 3
# a headline is shorter than this (the note's short form stands in for a longer one)
HEADLINE_CHARS = 140
# a title is quoted up to this many characters
TITLE_CHARS = 70


@dataclass(frozen=True)
class Documents:
    """What one capture holds beside the policy: its side ('old' or 'new'), the titles of the
    other documents, and where they stand ('before', 'after' or 'before and after' the policy)."""

    side: str
    titles: tuple[str, ...]
    where: str


def _title(lines: list[str], i: int) -> str | None:
    """The title of heading line i (ATX or setext), None when it is none."""
    line = lines[i]
    m = LISTED_ATX_RE.match(line)
    if m:
        return _plain_title(m.group(2))
    if line.strip() and not _BREAK_RE.match(line) and i + 1 < len(lines) and _SETEXT_RE.match(lines[i + 1]):
        return _plain_title(line)
    return None


def _plain_title(text: str) -> str:
    """A heading's words without emphasis, escapes and link markup ('[Terms](#tos)' -> 'Terms')."""
    text = _LINK_RE.sub(r"\1", text)
    return " ".join(text.replace("\\", "").strip(" *_#").split())


def _next_lines(lines: list[str], i: int, count: int) -> list[str]:
    """The next count lines after line i that hold text (setext underlines left out)."""
    out: list[str] = []
    for line in lines[i + 1:]:
        if line.strip() and not _SETEXT_RE.match(line):
            out.append(line)
            if len(out) == count:
                break
    return out


def _after_break(lines: list[str], i: int) -> bool:
    """Is the last line with text before line i a thematic break ('* * *', '- - -')?"""
    for k in range(i - 1, -1, -1):
        if lines[k].strip():
            underline = lines[k].lstrip().startswith("-") and k > 0 and bool(lines[k - 1].strip())
            return _BREAK_RE.match(lines[k]) is not None and not underline     # not a setext heading's underline
    return False


def document_starts(lines: list[str]) -> list[tuple[int, str]]:
    """(line, title) of each heading that opens a document of its own: its title names a
    document and a thematic break stands before it or a date line under it."""
    starts: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if not line.strip() or len(line) > TITLE_LINE_CHARS:
            continue
        title = _title(lines, i)
        if not title or not _DOCUMENT_RE.search(title):
            continue
        dated = any(_DATE_LINE_RE.match(_plain_title(x)) for x in _next_lines(lines, i, DATE_LOOKAHEAD))
        if dated or _after_break(lines, i):
            starts.append((i, title))
    return starts


@lru_cache(maxsize=4)
def _starts_in(text: str) -> tuple[tuple[int, str], ...]:
    """document_starts of a version's lines, once per version: each pair reads both of its
    captures, and the next pair of a history the version it shares with this one again."""
    return tuple(document_starts(text.split("\n")))


def _keys(lines: list[str]) -> list[str]:
    """The keys of the paragraphs among lines (PARAGRAPH_MIN_WORDS words at least)."""
    return [k for k in (sentence_key(x) for x in lines if len(x.split()) >= PARAGRAPH_MIN_WORDS) if k]


def _foreign(text: str, other: str) -> tuple[list[tuple[int, int, str]], list[str]]:
    """The blocks (start, end, title) of text that are other documents than the policy other
    holds, and text's lines."""
    lines = text.split("\n")
    starts = _starts_in(text)
    if not starts:
        return [], lines
    other_lines = other.split("\n")
    there = set(_keys(other_lines))
    titles = {heading_key(_plain_title(x.lstrip("#"))) for x in other_lines if 0 < len(x) <= TITLE_LINE_CHARS}
    bounds = [s for s, _ in starts] + [len(lines)]
    blocks: list[tuple[int, int, str]] = []
    for (start, title), end in zip(starts, bounds[1:]):
        keys = _keys(lines[start:end])
        if len(keys) < DOCUMENT_MIN_PARAGRAPHS or heading_key(title) in titles:
            continue
        if sum(1 for k in keys if k in there) <= FOREIGN_SHARE * len(keys):
            blocks.append((start, end, title))
    if not blocks:
        return [], lines
    inside = set().union(*(range(s, e) for s, e, _ in blocks))
    rest = [x for k, x in enumerate(lines) if k not in inside]
    policy = (_date_of(rest), main_language([x for x in rest if len(x.split()) >= PARAGRAPH_MIN_WORDS]))
    return [b for b in blocks if _own_document(lines, b, policy)], lines


def _date_of(lines: list[str]) -> frozenset[str] | None:
    """The date the first date line among lines gives (its numbers and month names), None when
    no line is one."""
    line = next((x for x in lines if len(x) <= TITLE_LINE_CHARS and _DATE_LINE_RE.match(_plain_title(x))), None)
    if line is None:
        return None
    return frozenset(m.group(0).lower()[:3] if m.group(0)[0].isalpha() else str(int(m.group(0)))
                     for m in _DATE_PART_RE.finditer(_plain_title(line)))


def _own_document(lines: list[str], block: tuple[int, int, str],
                  policy: tuple[frozenset[str] | None, str | None]) -> bool:
    """Is the block a document of its own, not a notice the policy itself holds? Its title names
    another kind of document (no privacy word: terms, a cookie policy), or it is written in
    another language than the policy (a translation), or the date under its title differs from
    the policy's (policy = the rest of the page's date and language)."""
    start, end, title = block
    if not _PRIVACY_RE.search(title):
        return True
    own_language = main_language([x for x in lines[start:end] if len(x.split()) >= PARAGRAPH_MIN_WORDS])
    if own_language and policy[1] and own_language != policy[1]:
        return True
    own_date = _date_of(_next_lines(lines, start, DATE_LOOKAHEAD))
    return own_date is not None and own_date != policy[0]


def _split(text: str, other: str) -> tuple[str, tuple[str, ...], str] | None:
    """(text without the other documents, their titles, where they stand) when text holds
    documents beside the policy other holds; None otherwise."""
    blocks, lines = _foreign(text, other)
    if not blocks:
        return None
    drop = set().union(*(range(s, e) for s, e, _ in blocks))
    rest = [x for k, x in enumerate(lines) if k not in drop]
    theirs = _keys(other.split("\n"))
    there = set(theirs)
    kept = set(_keys(rest))
    if not theirs or not kept or sum(1 for k in theirs if k in kept) < POLICY_KEPT_SHARE * len(theirs):
        return None
    first = next((k for k, x in enumerate(lines) if k not in drop and sentence_key(x) in kept and sentence_key(x) in there),
                 0)      # the policy's first paragraph the other capture holds too
    before = any(s < first for s, _, _ in blocks)
    after = any(s > first for s, _, _ in blocks)
    where = "before and after" if before and after else "before" if before else "after"
    return "\n".join(rest), tuple(dict.fromkeys(t for _, _, t in blocks)), where


def other_documents(old: str, new: str) -> tuple[str, str, Documents | None]:
    """(old, new, what): each capture without the documents it holds beside the policy the
    other holds; what says which side held them ('new' when the new capture holds them, 'old'
    when the old one did), None when neither capture holds another document."""
    cut_new = _split(new, old)
    cut_old = _split(old, new) if cut_new is None else None
    if cut_new is not None:
        return old, cut_new[0], Documents("new", cut_new[1], cut_new[2])
    if cut_old is not None:
        return cut_old[0], new, Documents("old", cut_old[1], cut_old[2])
    return old, new, None


def _titles_said(titles: tuple[str, ...]) -> str:
    """The documents' titles quoted ('“A”, “B” and 2 more')."""
    quoted = [f"“{t if len(t) <= TITLE_CHARS else t[:TITLE_CHARS].rsplit(' ', 1)[0] + '…'}”" for t in titles[:TITLES_SAID]]
    if len(titles) > TITLES_SAID:
        return ", ".join(quoted) + f" and {len(titles) - TITLES_SAID} more"
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def documents_said(what: Documents) -> str:
    """The capture note: 'The page now also holds “EEA+ Privacy Notice” after the policy; …'."""
    noun = "another document" if len(what.titles) == 1 else "other documents"
    if what.side == "new":
        return (f"The page now also holds {noun} {what.where} the policy: {_titles_said(what.titles)}; "
                f"nothing in {'it' if len(what.titles) == 1 else 'them'} is reported as new")
    return (f"The page no longer holds {noun} it held {what.where} the policy: {_titles_said(what.titles)}; "
            f"nothing in {'it' if len(what.titles) == 1 else 'them'} is reported as removed")


def documents_statement(what: Documents) -> Statement:
    """The capture note as a statement (its short form, for the headline, names one document or
    counts several)."""
    n = len(what.titles)
    held = _titles_said(what.titles) if n == 1 else f"{n} other documents"
    short = (f"The page now also holds {held} {what.where} the policy" if what.side == "new"
             else f"The page no longer holds {held} {what.where} the policy")
    return Statement(documents_said(what), "policy-changes", "pointer", None, None, (), short)


def with_documents(statements: list[Statement], headline: str, what: Documents,
                   lead: bool, unchanged: bool = False) -> tuple[list[Statement], str]:
    """(statements, headline) with the capture note: first, and the headline, when lead (the
    policy's own changes are minor or none: the document coming or going is the news), else
    said after the policy's changes. unchanged: every sentence of the policy is as it was (the
    headline says so first: a document leaving the page is no change of the policy)."""
    note = documents_statement(what)
    if unchanged and not statements:
        full = note.text.rsplit("; ", 1)[0] + "; the policy itself is unchanged"
        return [note], full if len(full) < HEADLINE_CHARS else note.short + ", which is unchanged"
    if lead or not statements:
        return [note] + statements[:MAX_STATEMENTS - 1], note.short if len(note.text) >= HEADLINE_CHARS else note.text
    return statements[:MAX_STATEMENTS - 1] + [note], headline
