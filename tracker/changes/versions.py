"""A scheduled version taking effect: the old capture showed two versions of the policy, the new
capture only one of them.

A company that announces a new policy often publishes it beside the one in force ('Effective
January 15, 2025' over the new text, the current text above or below it, or a 'previous version'
kept under the new one). The day the new version takes effect the page drops the other one.
Compared as text, every sentence of the dropped version that the new one rewrote reads as
removed ('No longer says: …'), though the new version's changes were reported when it first
appeared on the page. Here the old capture is split where a version starts (a thematic break or
a date line such as 'Effective January 15, 2025'): when one part is the new capture's text and
the other part is a substantial earlier version of the same policy, the old capture is compared
without that part, and the report says the version is now the only one shown, in force, with
nothing of the dropped version reported as removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.changes.documents import PARAGRAPH_MIN_WORDS, _BREAK_RE, _DATE_LINE_RE, _DOCUMENT_RE, _plain_title, _title
from tracker.changes.normalize import DATE_RE, sentence_key
from tracker.changes.rules.common import Statement

# the old capture holds two versions: it is this many times as long as the new one at least
# (two versions of one policy are about twice one)
LENGTH_RATIO = 1.5
# at least this share of the new capture's paragraphs is in the part that is the new version,
# and of that part's paragraphs in the new capture (the same text, a line or a banner apart)
SAME_SHARE = 0.9
# the dropped part holds this many paragraphs at least: a version of a policy, not a notice
VERSION_MIN_PARAGRAPHS = 8
# at least this share of the dropped part's paragraphs is in the new capture: an earlier version
# of the same policy (another document shares next to none, tracker.changes.documents)
SHARED_MIN = 0.3
# places a version may start that are tried, at most (a page of many breaks is no two versions)
MAX_CUTS = 40
# a date line is quoted up to this many characters
DATE_CHARS = 60
# a headline is shorter than this
HEADLINE_CHARS = 140


@dataclass(frozen=True)
class EarlierVersion:
    """The old capture held an earlier version of the policy beside the one the new capture shows:
    where it stood ('before' or 'after' the version kept) and the kept version's date line ('' when
    none opens it)."""

    where: str
    date: str


def _key_of(line: str) -> str:
    """A paragraph's key, '' for a line too short to be looked for in the other capture."""
    return sentence_key(line) if len(line.split()) >= PARAGRAPH_MIN_WORDS else ""


def _underline(lines: list[str], i: int) -> bool:
    """Is line i a setext heading's underline ('-----' right under a line of text)?"""
    return lines[i].lstrip().startswith(("-", "=")) and i > 0 and bool(lines[i - 1].strip()) \
        and not _BREAK_RE.match(lines[i - 1])


# a heading that opens a version: the document's title again, or a version named ('Previous version')
_VERSION_TITLE_RE = re.compile(r"(?i)\bversions?\b")


def _opens_version(lines: list[str], i: int) -> bool:
    """Is line i a heading naming the document or a version of it ('Privacy Policy', 'Previous
    version')?"""
    if len(lines[i]) > DATE_CHARS * 2:
        return False
    title = _title(lines, i)
    return bool(title) and bool(_DOCUMENT_RE.search(title or "") or _VERSION_TITLE_RE.search(title or ""))


def _cuts(lines: list[str]) -> list[int]:
    """Lines where a version may start: a thematic break, a date line ('**Effective January 15,
    2025.**') or a heading naming the document or a version, not right under one already counted."""
    out: list[int] = []
    for i, line in enumerate(lines):
        plain = _plain_title(line)
        if (_BREAK_RE.match(line) and not _underline(lines, i)) or _opens_version(lines, i) or \
                (len(line) <= DATE_CHARS * 2 and plain and _DATE_LINE_RE.match(plain)):
            if not out or any(x.strip() for x in lines[out[-1] + 1:i]):
                out.append(i)
    return out if len(out) <= MAX_CUTS else []


def _share(keys: list[str], there: set[str]) -> float:
    """The share of keys found in there (0 for no keys)."""
    return sum(1 for k in keys if k in there) / len(keys) if keys else 0.0


def _date_line(lines: list[str]) -> str:
    """The date line among the first lines with text of a part, or 'effective <date>' of a line
    announcing when the version takes effect ('This version will go into effect on March 1,
    2025'); '' when neither opens it."""
    from tracker.changes.trivial import scheduled_notice
    for line in [x for x in lines if x.strip() and not _BREAK_RE.match(x)][:4]:
        plain = _plain_title(line).strip(" .")
        if _DATE_LINE_RE.match(plain):
            return plain if len(plain) <= DATE_CHARS else ""
        if scheduled_notice(plain) and (m := DATE_RE.search(plain)):
            return f"effective {m.group(0)}"
    return ""


def earlier_version(old: str, new: str) -> tuple[str, EarlierVersion | None]:
    """(old, what): the old capture without the earlier version it held beside the one the new
    capture shows, and where it stood; (old, None) when the old capture holds one version."""
    if len(old) < LENGTH_RATIO * len(new) or not new.strip():
        return old, None
    lines = old.split("\n")
    cuts = _cuts(lines)
    if not cuts:
        return old, None
    theirs = [k for k in (_key_of(x) for x in new.split("\n")) if k]
    there = set(theirs)
    keys = [_key_of(x) for x in lines]
    best: tuple[float, int, range, str] | None = None
    for cut in cuts:
        for kept, dropped, where in ((range(cut, len(lines)), range(0, cut), "before"),
                                     (range(0, cut), range(cut, len(lines)), "after")):
            mine = [keys[i] for i in kept if keys[i]]
            gone = [keys[i] for i in dropped if keys[i]]
            pure = _share(mine, there)
            if len(gone) < VERSION_MIN_PARAGRAPHS or pure < SAME_SHARE or _share(theirs, set(mine)) < SAME_SHARE:
                continue
            # a version of the policy, not a copy of the kept one; of several cuts, the one whose
            # kept part is purest, then shortest
            if SHARED_MIN <= _share(gone, there) < SAME_SHARE and (best is None or (pure, -len(kept)) > best[:2]):
                best = (pure, -len(kept), kept, where)
    if best is None:
        return old, None
    part = [lines[i] for i in best[2]]
    return "\n".join(part), EarlierVersion(best[3], _date_line(part))


def version_statement(what: EarlierVersion) -> Statement:
    """The note: 'The version “Effective January 15, 2025” is now in force: the page no longer
    shows the earlier version it held before it; nothing in that one is reported as removed'."""
    named = f"The version “{what.date}”" if what.date else "The new version"
    text = (f"{named} is now in force: the page no longer shows the earlier version it held {what.where} it; "
            f"nothing in that one is reported as removed")
    short = f"{named} is now in force; the page no longer shows the earlier version"
    return Statement(text, "policy-changes", "pointer", None, None, (), short)


def with_version(statements: list[Statement], headline: str, what: EarlierVersion,
                 lead: bool, max_statements: int) -> tuple[list[Statement], str]:
    """(statements, headline) with the note: first, and the headline, when lead (the kept
    version's own changes are minor or none), else after the changes."""
    note = version_statement(what)
    if lead or not statements:
        said = note.text if len(note.text) < HEADLINE_CHARS else note.short
        return [note] + statements[:max_statements - 1], said
    return statements[:max_statements - 1] + [note], headline

