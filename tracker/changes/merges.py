"""Sentences merged or split by an edit, paired as one rewording.

The aligner pairs sentences one to one. An editor who folds two sentences into one while adding
words ('Verizon obtains information from outside companies … Examples of this information include
gender, age range …' -> 'Verizon obtains information from outside companies including demographic
and interest data (such as gender, age range …), as well as information such as device type,
carrier, city and state') leaves one sentence added and two removed. Stated as they are, the
added sentence reads as a new practice and the removed ones as practices dropped, while the news
is only the words the edit put in. Here a run of neighbouring added and removed sentences of one
section is read again: when most words of one or more sentences of one side stand in a single
sentence of the other, and that sentence is mostly made of them, they become one `reworded`
change (the removed sentences joined as its old side), so the edit rules state what was put in
or taken out.
"""

from __future__ import annotations

import re
from typing import Callable

from tracker.changes.report import Change

WINDOW = 6             # neighbouring added/removed sentences looked at together
GONE_KEPT = 0.6        # share of a removed sentence's words the added one(s) must keep
WHOLE_MADE = 0.6       # share of an added sentence's words that must come from the removed ones
PART_FROM = 0.35       # share of each piece of a split sentence's words that must come from it
MIN_WORDS = 4          # sentences with fewer content words are too short to tell

_WORD_RE = re.compile(r"[a-z]{3,}")
_FUNCTION = frozenset("""the and for with from that this these those your you our are was were will would shall
their there when where which what about into only also such other than then them they does like more most some
has have had may can its his her not any all""".split())

Rebuild = Callable[[str, str, str], Change]


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD_RE.findall(text.lower())} - _FUNCTION


def _merge(one: set[str], parts: list[tuple[int, set[str]]]) -> list[int]:
    """Removed parts folded into one added sentence: each part has most of its words there (or
    its content was really dropped), and together they make much of the sentence."""
    taken = [k for k, w in parts if len(w) >= MIN_WORDS and len(w & one) >= GONE_KEPT * len(w)]
    return taken if taken and _made(one, parts, taken) else []


def _split(one: set[str], parts: list[tuple[int, set[str]]]) -> list[int]:
    """Added parts one removed sentence was split into: each part draws a good share of its
    words from it (it may add words of its own: that is the news), and together they keep most
    of the sentence."""
    taken = [k for k, w in parts if len(w) >= MIN_WORDS and len(w & one) >= PART_FROM * len(w)]
    if len(taken) < 2:          # one to one: both ways mostly the same words
        taken = [k for k in taken if len(dict(parts)[k] & one) >= WHOLE_MADE * len(dict(parts)[k])]
    return taken if taken and _made(one, parts, taken, GONE_KEPT) else []


def _made(one: set[str], parts: list[tuple[int, set[str]]], taken: list[int], share: float = WHOLE_MADE) -> bool:
    together: set[str] = set().union(*(w for k, w in parts if k in taken))
    return len(together & one) >= share * len(one)


def _runs(changes: list[Change]) -> list[list[int]]:
    """Runs of neighbouring added and removed changes of one section, at most WINDOW of each
    kind (a paragraph of six sentences removed before the list that restates it is added)."""
    runs: list[list[int]] = []
    run: list[int] = []
    for k, c in enumerate(changes):
        if c.kind in ("added", "removed") and (not run or changes[run[0]].section == c.section) \
                and sum(1 for j in run if changes[j].kind == c.kind) < WINDOW:
            run.append(k)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [k] if c.kind in ("added", "removed") else []
    if len(run) > 1:
        runs.append(run)
    return runs


def _pairings(changes: list[Change], run: list[int]) -> list[tuple[list[int], list[int]]]:
    """(removed indexes, added indexes) groups of a run that one rewording explains: several
    removed in one added (a merge) or one removed in several added (a split)."""
    words = {k: _words((changes[k].new if changes[k].kind == "added" else changes[k].old) or "") for k in run}
    added = [k for k in run if changes[k].kind == "added"]
    removed = [k for k in run if changes[k].kind == "removed"]
    used: set[int] = set()
    out: list[tuple[list[int], list[int]]] = []
    for one_side, other, merge in ((added, removed, True), (removed, added, False)):
        for k in one_side:
            if k in used or len(words[k]) < MIN_WORDS:
                continue
            parts = [(j, words[j]) for j in other if j not in used]
            taken = (_merge if merge else _split)(words[k], parts)
            if taken:
                used.update(taken + [k])
                out.append((taken, [k]) if merge else ([k], taken))
    return out


def merge_rewordings(changes: list[Change], rebuild: Rebuild) -> list[Change]:
    """The changes with each merge or split read as one rewording (see the module docstring).
    rebuild(section, old, new) makes the reworded Change (its topics, materiality and flips
    read again)."""
    groups = [g for run in _runs(changes) for g in _pairings(changes, run)]
    if not groups:
        return changes
    first: dict[int, tuple[list[int], list[int]]] = {}
    drop: set[int] = set()
    for removed, added in groups:
        members = sorted(removed + added)
        first[members[0]] = (removed, added)
        drop.update(members[1:])
    out: list[Change] = []
    for k, c in enumerate(changes):
        if k in drop:
            continue
        if k in first:
            removed, added = first[k]
            old = " ".join(changes[j].old or "" for j in sorted(removed))
            new = " ".join(changes[j].new or "" for j in sorted(added))
            out.append(rebuild(c.section, old, new))
        else:
            out.append(c)
    return out
