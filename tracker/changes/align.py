"""Alignment: which sentences and sections of OLD correspond to which of NEW.

Sentences are matched in three passes, none quadratic over the whole document:
1. exact keys (hash multiset), then a longest increasing subsequence decides which exact
   matches are in order (unchanged) and which were moved;
2. fuzzy pairs (reworded) between consecutive unchanged anchors, with rapidfuzz's C scorer
   over the small gap only;
3. a bounded global fuzzy pass over what is left, to catch sentences both moved and reworded.
Sections are matched afterwards, from these pairs (tracker/changes/sections.py).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist

from tracker.changes.segment import Document

REWORD_THRESHOLD = 60.0      # rapidfuzz ratio (0-100) for two sentences to be "the same, reworded"
GLOBAL_REWORD_THRESHOLD = 80.0
RENAME_PAIR_SCORE = 80.0     # a reworded pair this close counts as shared text between sections
MAX_GAP_CELLS = 400_000      # above this a gap is matched in windows
GLOBAL_CELLS = 1_500_000
# fuzz.ratio is quadratic in length: a hostile 1 MB "sentence" took 40 s. Longer sentences are
# scored on their head and tail, which is plenty to tell "the same, reworded" from "different".
MAX_FUZZY_CHARS = 4000


# Operation counts (sentence pairs scored by the fuzzy matcher, exact-key lookups, characters
# scanned by whole-text searches...), kept for the no-quadratic test and the scale benchmark
# only: they count work, so a regression shows on a noisy machine. Never read by the detector.
WORK: Counter[str] = Counter()


def _fuzzy_key(text: str) -> str:
    half = MAX_FUZZY_CHARS // 2
    return text if len(text) <= MAX_FUZZY_CHARS else text[:half] + text[-half:]


@dataclass
class Pair:
    old: int | None
    new: int | None
    kind: str                # unchanged | moved | reworded | added | removed
    score: float = 100.0


def _lis(seq: list[int]) -> set[int]:
    """Indices (into seq) of one longest strictly increasing subsequence, O(n log n)."""
    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(seq)
    for i, v in enumerate(seq):
        pos = bisect.bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tails_idx.append(i)
        else:
            tails[pos] = v
            tails_idx[pos] = i
        prev[i] = tails_idx[pos - 1] if pos else -1
    out: set[int] = set()
    i = tails_idx[-1] if tails_idx else -1
    while i != -1:
        out.add(i)
        i = prev[i]
    return out


def _fuzzy_block(old_idx: list[int], new_idx: list[int], old_texts: list[str], new_texts: list[str],
                 threshold: float, counter: str = "gap_cells") -> list[tuple[int, int, float]]:
    """Best one-to-one fuzzy pairs between two small lists (greedy by score, ties by order)."""
    if not old_idx or not new_idx:
        return []
    WORK[counter] += len(old_idx) * len(new_idx)
    a = [_fuzzy_key(old_texts[i]) for i in old_idx]
    b = [_fuzzy_key(new_texts[j]) for j in new_idx]
    matrix = cdist(a, b, scorer=fuzz.ratio, score_cutoff=threshold, workers=1)
    # the cells at or over the threshold, row by row (numpy compares the float32 scores as
    # Python floats would, and tolist() gives the same floats as float() of each cell)
    rows, cols = (matrix >= threshold).nonzero()
    cands = list(zip((-s for s in matrix[rows, cols].tolist()), rows.tolist(), cols.tolist()))
    cands.sort()
    used_r: set[int] = set()
    used_c: set[int] = set()
    out = []
    for neg, r, c in cands:
        if r in used_r or c in used_c:
            continue
        used_r.add(r)
        used_c.add(c)
        out.append((old_idx[r], new_idx[c], -neg))
    return out


def _fuzzy_gap(old_idx: list[int], new_idx: list[int], old_texts: list[str], new_texts: list[str],
               threshold: float) -> list[tuple[int, int, float]]:
    if len(old_idx) * len(new_idx) <= MAX_GAP_CELLS:
        return _fuzzy_block(old_idx, new_idx, old_texts, new_texts, threshold)
    # big gap (a rewrite): match in proportional windows so the cost stays linear
    out: list[tuple[int, int, float]] = []
    win = 300
    steps = max(1, (len(new_idx) + win - 1) // win)
    for k in range(steps):
        nb = new_idx[k * win:(k + 1) * win]
        lo = int(k * len(old_idx) / steps)
        hi = int((k + 1) * len(old_idx) / steps)
        ob = old_idx[max(0, lo - win // 2):hi + win // 2]
        taken = {o for o, _, _ in out}
        out.extend(_fuzzy_block([o for o in ob if o not in taken], nb, old_texts, new_texts, threshold))
    return out


def align_sentences(old: Document, new: Document) -> list[Pair]:
    """Pairs covering every sentence of both documents, in new-document order."""
    old_texts = [s.text for s in old.sentences]
    new_texts = [s.text for s in new.sentences]
    by_key: dict[str, list[int]] = defaultdict(list)
    for sent in old.sentences:
        by_key[sent.key].append(sent.index)
    cursor: dict[str, int] = defaultdict(int)
    exact: list[tuple[int, int]] = []          # (new, old)
    WORK["exact_lookups"] += len(new.sentences)
    for sent in new.sentences:
        lst = by_key.get(sent.key)
        if lst and cursor[sent.key] < len(lst):
            exact.append((sent.index, lst[cursor[sent.key]]))
            cursor[sent.key] += 1
    in_order = _lis([o for _, o in exact])
    match_old: dict[int, tuple[int, str, float]] = {}
    match_new: dict[int, tuple[int, str, float]] = {}
    anchors: list[tuple[int, int]] = []
    for k, (n, o) in enumerate(exact):
        kind = "unchanged" if k in in_order else "moved"
        match_new[n] = (o, kind, 100.0)
        match_old[o] = (n, kind, 100.0)
        if kind == "unchanged":
            anchors.append((o, n))

    # pass 2: fuzzy inside gaps between anchors
    bounds = [(-1, -1)] + anchors + [(len(old_texts), len(new_texts))]
    for (o0, n0), (o1, n1) in zip(bounds, bounds[1:]):
        go = [i for i in range(o0 + 1, o1) if i not in match_old]
        gn = [j for j in range(n0 + 1, n1) if j not in match_new]
        for o, n, s in _fuzzy_gap(go, gn, old_texts, new_texts, REWORD_THRESHOLD):
            match_old[o] = (n, "reworded", s)
            match_new[n] = (o, "reworded", s)

    # pass 3: moved and reworded at once, bounded
    lo = [i for i in range(len(old_texts)) if i not in match_old]
    ln = [j for j in range(len(new_texts)) if j not in match_new]
    if lo and ln and len(lo) * len(ln) <= GLOBAL_CELLS:
        for o, n, s in _fuzzy_block(lo, ln, old_texts, new_texts, GLOBAL_REWORD_THRESHOLD, "global_cells"):
            match_old[o] = (n, "reworded", s)
            match_new[n] = (o, "reworded", s)

    pairs: list[Pair] = []
    # removed sentences are emitted just before the next new sentence that follows them
    removed = sorted(i for i in range(len(old_texts)) if i not in match_old)
    ri = 0
    last_old = -1
    matched: int | None
    for j in range(len(new_texts)):
        matched, kind, score = match_new.get(j, (None, "added", 0.0))
        if matched is not None and kind != "moved":
            while ri < len(removed) and removed[ri] < matched:
                pairs.append(Pair(removed[ri], None, "removed", 0.0))
                ri += 1
            last_old = max(last_old, matched)
        pairs.append(Pair(matched, j, kind, score))
    while ri < len(removed):
        pairs.append(Pair(removed[ri], None, "removed", 0.0))
        ri += 1
    return pairs

def same_layout(p: Pair, same: "tuple[set[int], set[int]] | None") -> bool:
    """The pair's sentences are in SAME (old, new indexes): unchanged but for layout."""
    return same is not None and (p.old is not None or p.new is not None) \
        and (p.old is None or p.old in same[0]) and (p.new is None or p.new in same[1])


def similarity(old: Document, new: Document, pairs: list[Pair],
               same: "tuple[set[int], set[int]] | None" = None) -> float:
    """Share of characters kept (unchanged/moved fully, reworded by their edit similarity;
    sentences SAME but for layout, tracker/changes/layout.py, count as kept)."""
    total = sum(len(s.text) for s in old.sentences) + sum(len(s.text) for s in new.sentences)
    if not total:
        return 1.0
    kept = 0.0
    for p in pairs:
        if same_layout(p, same):
            kept += (len(old.sentences[p.old].text) if p.old is not None else 0) + \
                (len(new.sentences[p.new].text) if p.new is not None else 0)
            continue
        if p.old is None or p.new is None:
            continue
        size = len(old.sentences[p.old].text) + len(new.sentences[p.new].text)
        if p.kind in ("unchanged", "moved"):
            kept += size
        else:
            kept += size * Indel.normalized_similarity(old.sentences[p.old].text, new.sentences[p.new].text)
    return round(kept / total, 4)
