"""Claims of 'new' or 'gone' that the other text restates with another value or an exception,
said as the change they are.

A sentence the aligner could not pair looks added on one side and removed on the other. When
the other side says the same practice in other words, corroborate.py drops the claim. But two
restatements are news in their own right and must be said, not dropped:

- a rule of keeping or deleting data said dropped (or new) while a sentence of the other side,
  itself new there, deletes or aggregates data the same way after another period ('After a
  maximum of 10 days, we start deleting, de-identifying, or aggregating Widget Data' ->
  '… we delete, obfuscate, or aggregate it after no longer than 30 days'): the period changed,
  'after a maximum of 30 days (was: 10 days)';
- a promise said withdrawn while the new side makes it with an exception added ('does not share
  … for their promotional use' -> '… for their promotional or marketing use without your
  consent'): the promise was narrowed, and the report says how.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from tracker.changes.report import Change
from tracker.changes.rules.common import Statement

# acts of ending the keeping of data, one key per family ('deleting', 'delete' and 'deletes' as one)
_END_ACTS_RE = re.compile(r"(?i)\b(?:(delet)\w*|(eras)\w*|(purg)\w*|(destroy)\w*|(aggregat)\w*|(anonymi[sz])\w*|"
                          r"(de-identif)\w*|(obfuscat)\w*|(pseudonymi[sz])\w*|(remov)\w*|(retain|retention|keep|kept)\w*)\b")
SAME_RULE_ACTS = 2          # two acts of ending the keeping in common: the same rule ('delete … or aggregate')
RETENTION_IMPACTS = frozenset({"retention-changed", "retention-stated"})


def _end_acts(text: str) -> set[str]:
    return {next(g for g in m.groups() if g).lower()[:5] for m in _END_ACTS_RE.finditer(text)}


def _periods(text: str) -> set[str]:
    from tracker.changes.entities import extract_sentence
    return set(extract_sentence(text).durations)


def retention_elsewhere(claim: str, other: Sequence[str], own_has: Callable[[str], bool]) -> tuple[str, str] | None:
    """(the claim's period, the other side's period) when a sentence of the other side that its
    own side does not have ends the keeping of data with the same acts after another period;
    None when no sentence does, or when several periods would fit (no honest pairing)."""
    periods = _periods(claim)
    acts = _end_acts(claim)
    if len(periods) != 1 or len(acts) < SAME_RULE_ACTS:
        return None
    found: set[str] = set()
    for holder in other:
        theirs = _periods(holder)
        if len(theirs) == 1 and not theirs & periods and len(acts & _end_acts(holder)) >= SAME_RULE_ACTS \
                and not own_has(holder):
            found |= theirs
    if len(found) != 1:
        return None
    return next(iter(periods)), next(iter(found))


def retention_restated(s: Statement, c: Change, old_side: Sequence[str], new_side: Sequence[str],
                       holds: Callable[[str, str], bool]) -> Statement | None:
    """A retention rule said dropped (new) that the other side states with another period: the
    rule's own words with the period changed, '… after a maximum of 30 days (was: 10 days) …'.
    holds(side, sentence) tells whether that side ('old', 'new') has the sentence."""
    if s.impact not in RETENTION_IMPACTS or len(s.changes) != 1 or c.kind not in ("added", "removed"):
        return None
    gone = c.kind == "removed"
    claim, quoted = (c.old, s.old) if gone else (c.new, s.new)
    if not claim or not quoted:
        return None
    pair = retention_elsewhere(claim, new_side if gone else old_side,
                               lambda t: holds("old" if gone else "new", t))
    if pair is None or pair[0] not in quoted:
        return None
    mine, theirs = pair
    was, now = (mine, theirs) if gone else (theirs, mine)
    said = quoted.replace(mine, f"{now} (was: {was})", 1)
    return Statement(said[:1].upper() + said[1:], "retention", "retention-changed", was, now, s.changes)


def narrowed_statement(s: Statement, holder: str, owner: str) -> Statement:
    """'Narrows its promise: Intuit does not share your personal information with anyone outside
    of Intuit for their promotional or marketing use without your consent (was: no exception)':
    a promise said withdrawn that the new side makes with an exception the old one lacked. The
    old sentence stays in the statement's old field (too long to read beside the new one)."""
    from tracker.changes.phrasing import third_person, tidy
    from tracker.changes.rules.common import _lower
    now = tidy(third_person(holder, owner)) if owner else tidy(holder)
    vp = re.search(r"\b(?:will|does|do|shall|would) not (.+)$", now)
    short = f"{owner} narrows its promise not to {vp.group(1)}" if vp and owner else ""
    return Statement(f"Narrows its promise: {_lower(now)} (was: no exception)", s.topic, "promise-narrowed",
                     s.old, now, s.changes, short)
