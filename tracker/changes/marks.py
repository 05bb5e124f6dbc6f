"""Every shown line says what changed: a statement that quotes a sentence with no sign of change
('Fitbit collects location data provided by your mobile device') is said as new when the old
text never wrote it ('Acme now shares …', 'New: …'), as a name brought in ('Now mentions Gemini:
…') or with what its edit replaced ('… (was: …)').

Novelty is said only where it is true: an added sentence whose practice one old sentence (or two
consecutive ones) may already have written (corroborate.said_before) gets no label at all. Labelling those as
'Restates:' or 'Adds:' was tried (detector 2.9.0 in development); two blind readers found the
labels false about as often as right ('Restates:' on a new use of location data for ads, 'Adds:'
on a practice the old text stated), so the quote stays as it stands.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable

from tracker.changes.corroborate import sign
from tracker.changes.publishable import mention_term
from tracker.changes.phrasing import edit_window, reads_was, say_new, says_change, third_person
from tracker.changes.rules.common import Context, Statement
from tracker.changes.statements import stated_as_new


# levels whose statements quote a sentence because a name came in with it: a law, a transfer
# basis, a party; a reworded one is said with the name it now mentions
_NAMING_IMPACTS = frozenset({"law-cited", "law-for-transfers", "named-party", "transfer-basis"})
# content words an edit that only adds must bring in to be told beside its context ('(was: …)')
MIN_ADDED = 2
# levels said by their kind (statements._SAID_BY_KIND) whose quote may still lack any sign of change
_QUOTING_KINDS = frozenset({"law-cited", "law-for-transfers", "pointer"})
NAME_LIMIT = 40           # characters of a name put in a label ('Now mentions …: '): the label's own limit
# a labelled quote longer than this is cut by headline.tighten, which may leave the label alone
MENTION_LIMIT = 150


def _labelled(s: Statement, label: str) -> Statement:
    """s under a label that says its change, its headline form too unless that says it already."""
    short = s.short if not s.short or says_change(s.short) else f"{label}{s.short}"
    return dataclasses.replace(s, text=f"{label}{s.text}", short=short)


def _added(ctx: Context, s: Statement, written: Callable[[str], bool]) -> Statement:
    """A statement of one added sentence said as new, unless the old text may have written its
    practice (written: corroborate.said_before): then as it stands."""
    change = ctx.changes[s.changes[0]]
    if _LEAD_IN_RE.match(s.text):
        return s                  # 'To opt out of receiving …': a clause cut from its sentence, no practice to date
    if written(change.new or ""):
        # the old text may have written its practice: no label can be trusted here (blind readers
        # found 'Restates:' on new practices and 'Adds:' on old ones), so the quote stays as it is
        return s
    text = say_new(s.text, ctx.owner)
    if not says_change(text):         # 'Please note: …' opens like a label: say_new leaves it
        body = _NOTE_RE.sub("", s.text)
        if ":" in body[:40]:
            return s                  # 'Here are some examples: Device Information': a list, no sentence to label
        return _labelled(dataclasses.replace(s, text=body[:1].upper() + body[1:]), "New: ")
    return dataclasses.replace(s, text=text, short=say_new(s.short, ctx.owner) if s.short else "")


def _reworded(ctx: Context, s: Statement) -> Statement:
    """A statement of one reworded sentence said with the name it now mentions ('Now mentions
    Gemini: …') or with what its edit replaced ('… (was: …)'); unchanged when neither can be said."""
    change = ctx.changes[s.changes[0]]
    name = s.new or ""
    if s.impact in _NAMING_IMPACTS and s.old is None and 0 < len(name) <= NAME_LIMIT and ":" not in name \
            and name.lower() in s.text.lower() and name.lower() not in (change.old or "").lower() \
            and len(name) + len(s.text) + len("Now mentions : ") <= MENTION_LIMIT:
        term = mention_term(name, s.text)         # the whole name, never a verb, an adverb or a participle
        if term:
            return _labelled(s, f"Now mentions {term}: ")
    old, new = change.old or "", change.new or ""
    was = (reads_was(s.text, old, new) or _was_third_person(ctx, s.text, old, new)) if _edit_says(old, new) else None
    if not was:
        return s
    return dataclasses.replace(s, text=was, short=_short_with(s.short, was[len(s.text):], new, old))


def _short_with(short: str, was: str, new: str, old: str) -> str:
    """The headline form of a statement given its old value: as it is when it has a mark of its
    own ('Apple now cites …'), with the old value when it quotes the words brought in ('Cookies
    help the company … and can track you across the web (was: …)'), else none (the statement)."""
    if not short or says_change(short):
        return short
    window = edit_window(old, new)
    came = set(_WORD_RE.findall((window[3] if window else "").lower()))
    return f"{short}{was}" if came and came <= set(_WORD_RE.findall(short.lower())) else ""


_WORD_RE = re.compile(r"[a-z][a-z'-]{3,}")
# a clause that only leads into a sentence (publishable._LEAD_IN_RE): no sentence to call new or restated
_LEAD_IN_RE = re.compile(r"^(?:To|In order to|So that)\s")
# words that open an old window only because it starts a sentence: lower-cased after '(was: '
_SENTENCE_OPENERS = frozenset("The A An Your Our Its This These Those Some Any All Each You We It They If When".split())
# an aside that opens a sentence ('NOTE: ', 'Please note: '): 'New: ' goes before the sentence itself
_NOTE_RE = re.compile(r"(?i)^(?:please )?note:\s+")


def _was_third_person(ctx: Context, said: str, old: str, new: str) -> str | None:
    """The statement with what its edit replaced when the statement quotes the edit in the third
    person ('… a child under 16 …' of 'If we learn that a child under 16 …'): the old window
    said the same way ('(was: a child under 13)')."""
    window = edit_window(old, new)
    if window is None or not window[1] or not window[0]:
        return None
    came, gone = third_person(window[1], ctx.owner), third_person(window[0], ctx.owner)
    if came.lower() not in said.lower() or not re.search(r"\w{2,}", gone):
        return None
    first = gone.split(" ", 1)[0]
    return f"{said} (was: {gone[:1].lower() + gone[1:] if first in _SENTENCE_OPENERS else gone})"


def _edit_says(old: str, new: str) -> bool:
    """Does the edit of a reworded sentence bring in words that carry meaning: others in place
    of old ones, or MIN_ADDED content words where none were ('and can track you across the web')?
    'as well' dropped from '… from other sources as well' brings in nothing a reader could be told
    beside the quote, nor do words only dropped (the quote lacks them)."""
    window = edit_window(old, new)
    if window is None or not window[3]:
        return False
    gone, came = sign(window[2] or ""), sign(window[3])
    if not window[2]:
        return len(came.stems) >= MIN_ADDED
    return bool(gone.stems ^ came.stems) or gone.numbers != came.numbers      # '13' -> '16' is news


def marked(ctx: Context, s: Statement, written: Callable[[str], bool],
           narrower: Callable[[str], str | None] | None = None) -> Statement:
    """s said as a change (see _marked); a quote of one added sentence said new whose practice
    the old text stated more narrowly (narrower: samepractice.narrower_before gives the old
    practice) said with that instead: '… (was: …)', never 'now'."""
    said = _marked(ctx, s, written)
    if narrower is None or said is s or len(s.changes) != 1 or not _NEW_MARK_RE.search(said.text):
        return said
    change = ctx.changes[s.changes[0]]
    if change.kind != "added" or s.old is not None or says_change(s.text):
        return said
    was = narrower(change.new or "")
    if was is None:
        return said
    if not was:                   # an old practice too long to quote beside the new one: no false 'now' either
        return s
    said_was = f" (was: {was[:1].lower() + was[1:] if was[1:2].islower() else was})"
    short = f"{s.short}{said_was}" if s.short and len(s.short) + len(said_was) <= HEADLINE_ROOM else ""
    return dataclasses.replace(s, text=f"{s.text}{said_was}", short=short)


# characters of a headline form with its old value: the headline stays under 140
HEADLINE_ROOM = 139
# the marks say_new and _labelled put in: 'New: ', 'now' before a verb
_NEW_MARK_RE = re.compile(r"^New: |\bnow\b")


def _marked(ctx: Context, s: Statement, written: Callable[[str], bool]) -> Statement:
    """s said as a change (see the module docstring): stated_as_new first (never 'now' for a
    sentence the old text may have written: written), then, for a quote that still says nothing
    of its change, the mark its one change allows."""
    if s.impact not in _QUOTING_KINDS:
        s = stated_as_new(ctx, s, written)
    if says_change(s.text) or len(s.changes) != 1:
        return s
    kind = ctx.changes[s.changes[0]].kind
    if kind == "added" and s.old is None:
        return _added(ctx, s, written)
    if kind == "reworded":
        return _reworded(ctx, s)
    return s
