"""Alignment: which sentences and sections of OLD correspond to which of NEW.

Sentences are matched in three passes, none quadratic over the whole document:
1. exact keys (hash multiset), then a longest increasing subsequence decides which exact
   matches are in order (unchanged) and which were moved;
2. fuzzy pairs (reworded) between consecutive unchanged anchors, with rapidfuzz's C scorer
   over the small gap only;
3. a bounded global fuzzy pass over what is left, to catch sentences both moved and reworded.
Sections are then matched by heading (exact, then fuzzy) and by shared content, which finds
renamed and moved sections instead of reporting them as removed + added.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist, extractOne

from tracker.changes.normalize import DATE_RE, sentence_key
from tracker.changes.segment import RUN_IN_LEVEL, Document, Sentence

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
    cands = []
    for r in range(len(a)):
        row = matrix[r]
        for c in range(len(b)):
            s = float(row[c])
            if s >= threshold:
                cands.append((-s, r, c))
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


@dataclass
class SectionMatch:
    added: list[int]                     # new section indices
    removed: list[int]                   # old section indices
    renamed: list[tuple[int, int]]       # (old, new)
    mapping: dict[int, int]              # new section -> old section


class _TitleIndex:
    """Old headings by word, so a new heading is compared with the old headings that share a
    word with it instead of with every free old heading: section alignment stays linear in
    the number of changed headings (was quadratic: 8,000 renamed headings took 20 s).

    A title similar enough to match (token_sort_ratio >= 80) shares a word in practice; words
    that head more than COMMON old titles ('information', 'data') select nothing by
    themselves, and when a title has only such words all free titles are compared, as before,
    up to FULL_SCAN of them."""

    COMMON = 48
    FULL_SCAN = 400

    def __init__(self, titles: dict[int, str]) -> None:
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for i, key in titles.items():
            for w in set(key.split()):
                self.by_word[w].append(i)

    def near(self, key: str, free: dict[int, str]) -> dict[int, str]:
        if len(free) <= self.FULL_SCAN:
            return free
        cands: dict[int, str] = {}
        for w in set(key.split()):
            posting = self.by_word.get(w, ())
            if len(posting) <= self.COMMON:
                for i in posting:
                    if i in free:
                        cands[i] = free[i]
        WORK["title_candidates"] += len(cands)
        return cands


def align_sections(old: Document, new: Document, pairs: list[Pair]) -> SectionMatch:
    """Match sections by heading (exact, fuzzy) and by the sentences they share."""
    mapping: dict[int, int] = {}
    used_old: set[int] = set()
    old_by_key: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(old.sections):
        if i and s.key:
            old_by_key[s.key].append(i)
    for j, s in enumerate(new.sections):
        if not j or not s.key:
            continue
        for i in old_by_key.get(s.key, []):
            if i not in used_old:
                mapping[j] = i
                used_old.add(i)
                break
    mapping[0] = 0
    used_old.add(0)

    # content overlap: how many sentences of each new section came from each old section
    # (only close pairs: in a rewrite loosely reworded sentences pair across unrelated sections)
    overlap: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    # any pairing at all, loose rewording included: does a similar title carry any of its text?
    touched: set[tuple[int, int]] = set()
    for p in pairs:
        if p.old is not None and p.new is not None:
            o_sec, n_sec = old.sentences[p.old].section, new.sentences[p.new].section
            touched.add((o_sec, n_sec))
            if p.kind != "reworded" or p.score >= RENAME_PAIR_SCORE:
                overlap[n_sec][o_sec] += 1

    renamed: list[tuple[int, int]] = []
    free_old = [i for i in range(1, len(old.sections)) if i not in used_old]
    free_titles = {i: old.sections[i].key for i in free_old}
    titles = _TitleIndex(free_titles)
    for j in range(1, len(new.sections)):
        if j in mapping:
            continue
        sec = new.sections[j]
        best: int | None = None
        ov = overlap.get(j, {})
        n_sent = len(sec.sentences)
        if n_sent and ov:
            cand, shared = max(ov.items(), key=lambda kv: (kv[1], -kv[0]))
            if shared * 2 >= n_sent and cand in free_titles and _renamed_by_content(
                    shared, len(old.sections[cand].sentences), old.sections[cand].key, sec.key):
                best = cand
        if best is None and free_titles:
            hit = extractOne(sec.key, titles.near(sec.key, free_titles), scorer=fuzz.token_sort_ratio,
                             score_cutoff=80)
            # a similar title over entirely different text is a new section (a rewrite reuses
            # words like 'compliance' or 'changes'); an empty side has no text to compare
            if hit is not None and (not sec.sentences or not old.sections[hit[2]].sentences
                                    or (hit[2], j) in touched or _extends(hit[0], sec.key)):
                best = hit[2]
        if best is not None:
            mapping[j] = best
            free_titles.pop(best, None)
            if old.sections[best].title != sec.title:
                renamed.append((best, j))
    _rename_by_subject(old, new, mapping, free_titles, renamed)
    _rename_by_body(old, new, mapping, free_titles, renamed)
    mapped_old = set(mapping.values())

    kept_new = {p.new for p in pairs if p.old is not None and p.new is not None}
    # a new heading counts as a split only if its body is old text verbatim (moved), not
    # loosely reworded text: in a rewrite most sentences pair with something at 60%
    exact_new = {p.new for p in pairs if p.kind in ("unchanged", "moved")}
    # old text that went into a section reported as new does not keep its old heading alive:
    # the reader sees the new section, and the old heading is gone (computed after `added`)
    kept_old: set[int] = set()

    def _mostly_kept(sec_sents: list[int], side: str) -> bool:
        """A section whose sentences mostly survive elsewhere was restructured, not added/removed."""
        if not sec_sents:
            return False
        kept_set = kept_new if side == "new" else kept_old
        return sum(1 for i in sec_sents if i in kept_set) * 2 > len(sec_sents)

    # a heading is new only if its text never was a heading before and its body is mostly new
    # text (a split or restructure moves old text under new sub-headings); a heading vanished
    # only if its text vanished too
    added = _real_sections(new, [j for j in range(1, len(new.sections)) if j not in mapping],
                           {s.key for s in old.sections if s.key},
                           lambda sents: sum(1 for i in sents if i in exact_new) * 2 > len(sents))
    added_set = set(added)
    kept_old.update(p.old for p in pairs if p.old is not None and p.new is not None
                    and (p.kind != "reworded" or p.score >= RENAME_PAIR_SCORE)
                    and new.sentences[p.new].section not in added_set)
    # (text that went into a section reported as new does not keep the old heading alive)
    new_shingles = _shingles([x for x in new.sentences if x.section not in added_set])
    removed = _real_sections(old, [i for i in range(1, len(old.sections)) if i not in mapped_old],
                             {s.key for s in new.sections if s.key},
                             lambda sents: _mostly_kept(sents, "old") or _survives(old, sents, new_shingles))
    if added:
        old_triples = set(_triples(sentence_key(old.text)))   # once per pair, then a lookup per heading
        added = [j for j in added if not _subject_still_written(new.sections[j].key, old_triples)]
    if removed:
        new_triples = set(_triples(sentence_key(new.text)))
        removed = [i for i in removed if not _subject_still_written(old.sections[i].key, new_triples)]
    return SectionMatch(added, removed, renamed, mapping)


_WORDS_RE = re.compile(r"[a-z0-9]+")
SURVIVES = 0.6     # share of a section's word triples still in the other text: its body lives on


def _triples(text: str) -> list[str]:
    w = _WORDS_RE.findall(text.lower())
    return [" ".join(w[k:k + 3]) for k in range(len(w) - 2)]


def _shingles(sentences: "list[Sentence]") -> set[str]:
    out: set[str] = set()
    for s in sentences:
        out.update(_triples(s.text))
    return out


def _survives(doc: Document, sents: list[int], other: set[str]) -> bool:
    """Most of the section's text (by word triples) is still written on the other side, under
    other headings: the heading went, the content did not (merged into another section)."""
    mine = {t for i in sents for t in _triples(doc.sentences[i].text)}
    return bool(mine) and sum(1 for t in mine if t in other) >= SURVIVES * len(mine)


SUBJECT_WORDS = 3    # a heading this long names a subject specific enough to look for in prose


def _subject_still_written(key: str, other_triples: set[str]) -> bool:
    """'Interact with You on Third Party Social Networks' removed while the new text still says
    'interact with you on third party social networks': the subject is still covered, only its
    heading went. Short headings ('Security', 'Contact Us') are too common to judge so."""
    if len(key.split()) < SUBJECT_WORDS:
        return False
    mine = _triples(key)
    return bool(mine) and all(t in other_triples for t in mine)


# words that carry no subject in a heading ('How We Use Your Information' ~ 'Use of information')
_TITLE_STOP = frozenset("""a an and or the to of for in on at by with from about this that these our your
their its we you us how what which who why when where do does is are can may will policy privacy
notice statement they them not be been has have it more other all any some""".split())
SUBJECT_JACCARD = 0.65   # share of subject stems two headings must have in common otherwise
SUBJECT_EXTRA = 2   # a rename may add this many subject words ('Information we collect' + 'Google')
STEM = 4    # 'sharing'/'share', 'regulatory'/'regulators', 'security'/'secure' share 4 letters


def subject_stems(key: str) -> frozenset[str]:
    """The subject of a heading key: its content words cut to a short stem."""
    return frozenset(w[:STEM] for w in key.split() if w not in _TITLE_STOP and not w.isdigit())


def same_subject(a: str, b: str) -> bool:
    """Two heading keys name one subject: one's subject words contain the other's (at least
    two of them: 'Information we collect' ~ 'Information Google collects'), or they share most
    ('Information Sharing and Disclosure' ~ 'Information We Share and Disclose')."""
    sa, sb = subject_stems(a), subject_stems(b)
    if not sa or not sb:
        return False
    small = min(len(sa), len(sb))
    if small >= 2 and (sa <= sb or sb <= sa) and abs(len(sa) - len(sb)) <= SUBJECT_EXTRA:
        return True
    return len(sa & sb) / len(sa | sb) >= SUBJECT_JACCARD


def _rename_by_subject(old: Document, new: Document, mapping: dict[int, int],
                       free_titles: dict[int, str], renamed: list[tuple[int, int]]) -> None:
    """Unmatched headings paired by subject words when the text under them was rewritten
    too much for any sentence to pair: a rewrite renames 'Information security' to 'Keeping
    your information secure'. Old headings are looked up by stem (common stems select
    nothing), so the pass stays linear in the number of headings."""
    by_stem: dict[str, list[int]] = defaultdict(list)
    for i, key in free_titles.items():
        for st in subject_stems(key):
            by_stem[st].append(i)
    mapped_keys = {new.sections[j].key for j in mapping}
    for j in range(1, len(new.sections)):
        key = new.sections[j].key
        if j in mapping or not key or key in mapped_keys:
            continue
        cands: set[int] = set()
        for st in subject_stems(key):
            posting = by_stem.get(st, ())
            if len(posting) <= _TitleIndex.COMMON:
                cands.update(i for i in posting if i in free_titles)
        WORK["subject_candidates"] += len(cands)
        for i in sorted(cands):
            if same_subject(free_titles[i], key) and _related_bodies(old, i, new, j):
                mapping[j] = i
                free_titles.pop(i)
                renamed.append((i, j))
                break


BODY_RENAME_SCORE = 0.4   # cosine of two sections' rare-word weights for "the same section, rewritten"


def _rename_by_body(old: Document, new: Document, mapping: dict[int, int],
                    free_titles: dict[int, str], renamed: list[tuple[int, int]]) -> None:
    """Unmatched headings paired by what their text is about, when a rewrite changed both the
    heading and every sentence ('Retention and Deletion' -> 'How long do we retain personal
    information?'). Words are weighted by rarity among the sections; old sections are found
    through their rare words only (a word in more than COMMON sections selects nothing), so
    the pass stays linear in the number of sections."""
    olds = {i: _body_words(old, i) for i in free_titles if old.sections[i].sentences}
    news = {j: _body_words(new, j) for j in range(1, len(new.sections))
            if j not in mapping and new.sections[j].sentences}
    if not olds or not news:
        return
    df: Counter[str] = Counter()
    for words in list(olds.values()) + list(news.values()):
        df.update(words)
    index: dict[str, list[int]] = defaultdict(list)
    for i, words in olds.items():
        for w in words:
            if df[w] <= _TitleIndex.COMMON:
                index[w].append(i)

    def weight(words: set[str]) -> dict[str, float]:
        return {w: 1.0 / df[w] for w in words}

    old_w = {i: weight(ws) for i, ws in olds.items()}
    old_norm = {i: sum(v * v for v in ws.values()) ** 0.5 for i, ws in old_w.items()}
    cands: list[tuple[float, int, int]] = []
    for j, words in news.items():
        wj = weight(words)
        norm_j = sum(v * v for v in wj.values()) ** 0.5
        dots: dict[int, float] = defaultdict(float)
        for w, v in wj.items():
            if df[w] <= _TitleIndex.COMMON:
                for i in index.get(w, ()):
                    dots[i] += v * old_w[i][w]
        WORK["body_candidates"] += len(dots)
        for i, dot in sorted(dots.items()):
            score = dot / (norm_j * old_norm[i]) if norm_j and old_norm[i] else 0.0
            if score >= BODY_RENAME_SCORE and _comparable(len(old.sections[i].sentences),
                                                          len(new.sections[j].sentences)):
                cands.append((-score, j, i))
    cands.sort()
    for _, j, i in cands:
        if j in mapping or i not in free_titles:
            continue
        mapping[j] = i
        free_titles.pop(i)
        renamed.append((i, j))


BODY_RENAME_MIN = 2   # sentences on each side: one reworded sentence is too little to judge a subject


def _comparable(a: int, b: int) -> bool:
    """Two bodies of comparable length: one quoted sentence of a long section is not the section."""
    return min(a, b) >= BODY_RENAME_MIN and min(a, b) * 3 >= max(a, b)


_BODY_WORD_RE = re.compile(r"[a-z]{4,}")
BODY_OVERLAP = 0.25   # share of the smaller body's words found in the other body


def _body_words(doc: Document, k: int) -> set[str]:
    words: set[str] = set()
    for i in doc.sections[k].sentences:
        words.update(w.rstrip("s") for w in _BODY_WORD_RE.findall(doc.sentences[i].text.lower())
                     if w not in _TITLE_STOP)
    return words


def _related_bodies(old: Document, i: int, new: Document, j: int) -> bool:
    """The text under two headings is about the same thing (shares a fair part of its words),
    or one side has no text to compare: a similar title over unrelated text is a new section."""
    a, b = _body_words(old, i), _body_words(new, j)
    if not a or not b:
        return True
    return len(a & b) >= BODY_OVERLAP * min(len(a), len(b))


def _extends(a: str, b: str) -> bool:
    """One title is the other with words added ('Privacy Policy' -> 'Google Privacy Policy'):
    the same heading, whatever happened to its text."""
    wa, wb = set(a.split()), set(b.split())
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


RENAME_TITLE_SCORE = 75.0   # token_sort_ratio of two headings that name the same subject


def _renamed_by_content(shared: int, old_size: int, old_key: str, new_key: str) -> bool:
    """A new heading whose body came from an old section renames it only if that old body
    mostly survives under it, or the two titles are alike: one sentence of a 25-sentence
    section quoted under an unrelated new heading is not a rename."""
    return shared * 2 >= old_size or fuzz.token_sort_ratio(old_key, new_key) >= RENAME_TITLE_SCORE


# 'Go to Dashboard', 'Back to top', 'Learn more about ads': a link line, never a section
_NAV_HEADING_RE = re.compile(r"^(?:go to|back to|return to|learn more|read more|see more|show more|"
                             r"click here|visit|download|jump to|skip to)\b"
                             # a site's controls scraped as title lines: 'Member Sign In', 'Close
                             # tooltip', 'Site Navigation', 'Font Size', 'View Cart', 'Search Tips'
                             r"|^(?:member |customer |account )?(?:sign in|sign up|log ?in|log out|sign out)$"
                             r"|^close(?: tooltip| menu| window| this)?$|^(?:\w+ )?(?:page |site )?navigation$"
                             r"|^(?:font size|share this|print(?: this page)?|view cart|my cart|shopping cart|"
                             r"home ?page|site ?map|search(?: site| tips| this site)?)$")
# breadcrumbs and link bars kept as one line: 'Home > Privacy', 'Site Map | Search Tips'
_LINK_BAR_RE = re.compile(r"\S\s*(?:\||>|»)\s*\S")


MENU_RUN = 3    # this many body-less headings in a row are a menu, not an outline


def _menu_runs(doc: Document) -> set[int]:
    """Headings in a run of MENU_RUN or more consecutive headings without any text.

    Plain-text scrapes turn navigation bars, country pickers and footers ('Sign In', 'My
    Orders', 'Worldwide - English') into short title lines; a policy's outline nests at most a
    level or two of empty parents before text follows."""
    out: set[int] = set()
    run: list[int] = []
    for k in range(1, len(doc.sections) + 1):
        if k < len(doc.sections) and not doc.sections[k].sentences:
            run.append(k)
            continue
        if len(run) >= MENU_RUN:
            out.update(run)
        run = []
    return out


def outline_size(doc: Document) -> int:
    """Headings a reader would call the outline: menu runs are page chrome, not structure, so
    they must not dilute the share of the outline that changed."""
    return len(doc.sections) - 1 - len(_menu_runs(doc))


def _real_sections(doc: Document, unmatched: list[int], other_keys: set[str],
                   mostly_kept: "Callable[[list[int]], bool]") -> list[int]:
    """The unmatched headings that are really sections of their own, not page structure.

    - a heading text present as a heading on the other side is not new/gone (a summary layer
      or table of contents repeats it; the matching above paired only one copy), nor is a
      heading whose text is also a matched heading of its own side;
    - of several unmatched headings with one text, only the one with the most body counts
      (a table-of-contents line next to the real heading);
    - a run-in label ('Cookies. We use ...') names a paragraph, not a section: it pairs
      headings across versions but is never reported added or removed;
    - a link line ('Go to Dashboard') is never a section, nor a sentence-case line in a document
      whose headings are Title Case (a caption, slogan or button label: 'Spam stinks');
    - a heading without body is chrome when it repeats ('More'), is one word, ends the page
      or strings other headings together (a glued table of contents);
    - a heading whose body mostly survives elsewhere was restructured, not added/removed.
    """
    unmatched_set = set(unmatched)
    matched_keys = {sec.key for k, sec in enumerate(doc.sections) if k not in unmatched_set}
    cands = [k for k in unmatched if doc.sections[k].key not in other_keys
             and doc.sections[k].level < RUN_IN_LEVEL
             and (doc.sentence_case_headings or not doc.sections[k].weak)
             and doc.sections[k].key not in matched_keys
             and not _NAV_HEADING_RE.search(doc.sections[k].key)
             and not _LINK_BAR_RE.search(doc.sections[k].title)
             and not (doc.sections[k].sentences and mostly_kept(doc.sections[k].sentences))]
    best: dict[str, int] = {}
    for k in cands:
        key = doc.sections[k].key
        if key not in best or len(doc.sections[k].sentences) > len(doc.sections[best[key]].sentences):
            best[key] = k
    cands = [k for k in cands if best[doc.sections[k].key] == k]
    cands = _drop_summary_layer(doc, cands)
    key_counts: dict[str, int] = defaultdict(int)
    for sec in doc.sections:
        key_counts[sec.key] += 1
    others = [sec.key for sec in doc.sections if len(sec.key) >= 4]
    menu = _menu_runs(doc)
    out = []
    for k in cands:
        sec = doc.sections[k]
        if _is_glossary_entry(doc, k) or _is_ui_card(doc, k) or _has_figures(sec.title):
            continue
        if not sec.sentences:
            if k in menu:
                continue       # one entry of a menu, a country picker or a link list
            if key_counts[sec.key] > 1 or len(sec.key.split()) < 2 or k == len(doc.sections) - 1:
                continue       # a repeated UI label ('More'), a lone word, a footer line
            if sum(1 for o in others if o != sec.key and f" {o} " in f" {sec.key} ") >= 2:
                continue       # a glued table of contents ('Introduction Use of info Sharing ...')
        out.append(k)
    return out


_DEFINES_RE = re.compile(r"^(?:an? |the |this |these )?(?P<term>[\w' -]{1,60}?)\s+(?:is|are|means|refers to)\b", re.I)
GLOSSARY_TERM_WORDS = 4


def _is_glossary_entry(doc: Document, k: int) -> bool:
    """A term of a glossary ('Pixel tag' over 'A pixel tag is a type of technology ...', or
    'Personal information' over 'This is information that ...'): a definition, not a section."""
    sec = doc.sections[k]
    if not sec.sentences or len(sec.key.split()) > GLOSSARY_TERM_WORDS:
        return False
    first = doc.sentences[sec.sentences[0]].text
    m = _DEFINES_RE.match(first)
    if not m:
        return False
    term = m.group("term").lower()
    if term in ("this", "these", "it"):
        return True
    stems = {w[:STEM] for w in sec.key.split()}
    return bool(stems) and stems <= {w[:STEM] for w in term.split()}


def _drop_summary_layer(doc: Document, cands: list[int]) -> list[int]:
    """An unnumbered heading naming the subject of a numbered one is its entry in a summary
    layer ('Who is responsible for processing your personal information?' over '3. Who is
    responsible for your personal information?'): the numbered section is the section.
    Compared through the numbered headings' stems only: linear."""
    numbered = [k for k in cands if _NUMBERING_RE.match(doc.sections[k].title)]
    if not numbered:
        return cands
    by_stem: dict[str, list[int]] = defaultdict(list)
    for k in numbered:
        for st in subject_stems(doc.sections[k].key):
            by_stem[st].append(k)
    out = []
    for k in cands:
        key = doc.sections[k].key
        if not _NUMBERING_RE.match(doc.sections[k].title):
            near = {n for st in subject_stems(key) for n in by_stem.get(st, ())[:_TitleIndex.COMMON]}
            WORK["subject_candidates"] += len(near)
            if any(same_subject(key, doc.sections[n].key) for n in sorted(near)):
                continue
        out.append(k)
    return out


_NUMBERING_RE = re.compile(r"^\s*(?:(?:section|article|part|chapter)\s+)?(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,5}\.)\s+",
                           re.I)


def _has_figures(title: str) -> bool:
    """Figures after the numbering: an address ('M5V1P9, Canada'), a price or a version line
    ('What you get for $1,250,000', 'Mozilla Firefox 1.x'), never a policy section. A date
    heading ('March 31, 2024') is a dated entry of a change log and stays."""
    rest = _NUMBERING_RE.sub("", title, count=1)
    return any(c.isdigit() for c in rest) and not DATE_RE.fullmatch(title.strip())


UI_CARD_SENTENCES = 2


def _is_ui_card(doc: Document, k: int) -> bool:
    """A title, a line of text and a button ('Ad settings' / 'Manage your preferences ...' /
    'Go to Ad Settings'): a control card of the page, not a section of the policy."""
    nxt = k + 1
    return (len(doc.sections[k].sentences) <= UI_CARD_SENTENCES and nxt < len(doc.sections)
            and not doc.sections[nxt].sentences and bool(_NAV_HEADING_RE.search(doc.sections[nxt].key)))


def similarity(old: Document, new: Document, pairs: list[Pair]) -> float:
    """Share of characters kept (unchanged/moved fully, reworded by their edit similarity)."""
    total = sum(len(s.text) for s in old.sentences) + sum(len(s.text) for s in new.sentences)
    if not total:
        return 1.0
    kept = 0.0
    for p in pairs:
        if p.old is None or p.new is None:
            continue
        size = len(old.sentences[p.old].text) + len(new.sentences[p.new].text)
        if p.kind in ("unchanged", "moved"):
            kept += size
        else:
            kept += size * Indel.normalized_similarity(old.sentences[p.old].text, new.sentences[p.new].text)
    return round(kept / total, 4)
