"""Renamed sections: pairing an old and a new heading when the sentences under them did not pair.

A rewrite renames headings and rewords every sentence, so the sentence pairs of align.py say
nothing. Two more signals pair such sections: the subject words of the two titles
('Information security' ~ 'Keeping your information secure'), checked against the text under
them, and the rare words of the two texts ('Retention and Deletion' ~ 'How long do we retain
personal information?'). Both look old headings up by stem or word, never all against all.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from rapidfuzz import fuzz

from tracker.changes.align import WORK
from tracker.changes.segment import Document

# a word (or stem) found in more headings or sections than this selects nothing by itself
COMMON_WORD = 48

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


def rename_by_subject(old: Document, new: Document, mapping: dict[int, int],
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
    # headings with a body first: an empty contents line must not take the old heading
    for j in sorted(range(1, len(new.sections)), key=lambda j: (not new.sections[j].sentences, j)):
        key = new.sections[j].key
        if j in mapping or not key or key in mapped_keys:
            continue
        cands: set[int] = set()
        for st in subject_stems(key):
            posting = by_stem.get(st, ())
            if len(posting) <= COMMON_WORD:
                cands.update(i for i in posting if i in free_titles)
        WORK["subject_candidates"] += len(cands)
        for i in sorted(cands):
            if same_subject(free_titles[i], key) and _related_bodies(old, i, new, j):
                mapping[j] = i
                free_titles.pop(i)
                renamed.append((i, j))
                break


BODY_RENAME_SCORE = 0.4   # cosine of two sections' rare-word weights for "the same section, rewritten"


def rename_by_body(old: Document, new: Document, mapping: dict[int, int],
                    free_titles: dict[int, str], renamed: list[tuple[int, int]],
                    shared: "set[tuple[int, int]] | None" = None) -> None:
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
            if df[w] <= COMMON_WORD:
                index[w].append(i)

    def weight(words: set[str]) -> dict[str, float]:
        # in word order: the sums below then add in one order on every run (a set's order changes)
        return {w: 1.0 / df[w] for w in sorted(words)}

    old_w = {i: weight(ws) for i, ws in olds.items()}
    old_norm = {i: sum(v * v for v in ws.values()) ** 0.5 for i, ws in old_w.items()}
    cands: list[tuple[float, int, int]] = []
    scores: list[tuple[float, int, int]] = []
    for j, words in news.items():
        wj = weight(words)
        norm_j = sum(v * v for v in wj.values()) ** 0.5
        dots: dict[int, float] = defaultdict(float)
        for w, v in wj.items():
            if df[w] <= COMMON_WORD:
                for i in index.get(w, ()):
                    dots[i] += v * old_w[i][w]
        WORK["body_candidates"] += len(dots)
        for i, dot in sorted(dots.items()):
            score = dot / (norm_j * old_norm[i]) if norm_j and old_norm[i] else 0.0
            if _may_pair(old, i, new, j):
                scores.append((score, i, j))
            if score >= BODY_RENAME_SCORE and _comparable(len(old.sections[i].sentences),
                                                          len(new.sections[j].sentences)):
                cands.append((-score, j, i))
    cands.sort()
    # pairs already judged on the sentences they share (old text absorbed into a larger new
    # section is not a rename): the weaker likeness does not overrule that
    scores = [(sc, i, j) for sc, i, j in scores if (i, j) not in (shared or set())]
    for _, j, i in cands + _mutual_best(scores):
        if j in mapping or i not in free_titles:
            continue
        mapping[j] = i
        free_titles.pop(i)
        renamed.append((i, j))


BODY_MUTUAL_SCORE = 0.15  # a weaker likeness is enough when two sections prefer each other ...
BODY_MARGIN = 2.0         # ... by this factor over any other section on either side
_DOC_TITLE_RE = re.compile(r"\bprivacy (?:policy|notice|statement)\b")


def _may_pair(old: Document, i: int, new: Document, j: int) -> bool:
    """May this likeness pair two sections without their titles agreeing? Not the page's own
    title ('Oracle Privacy Policy' over the introduction), not a one-sentence body (one
    sentence tells too little)."""
    if _DOC_TITLE_RE.search(old.sections[i].key) or _DOC_TITLE_RE.search(new.sections[j].key):
        return False
    return min(len(old.sections[i].sentences), len(new.sections[j].sentences)) >= BODY_RENAME_MIN


def _mutual_best(scores: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """(−score, new, old) of the pairs of sections that are each other's clearly closest body
    among the unmatched ones: a rewrite that renumbers its sections and rewords all of them
    ('Retention and Deletion' -> '7. For what period do we retain personal information')
    leaves likenesses too weak for BODY_RENAME_SCORE, yet one-to-one."""
    top_old: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])   # best and second best
    top_new: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for score, i, j in scores:
        for top in (top_old[i], top_new[j]):
            if score > top[0]:
                top[0], top[1] = score, top[0]
            elif score > top[1]:
                top[1] = score

    def clear(score: float, top: list[float]) -> bool:
        return score >= top[0] and score >= BODY_MARGIN * top[1]

    return sorted((-score, j, i) for score, i, j in scores
                  if score >= BODY_MUTUAL_SCORE and clear(score, top_old[i]) and clear(score, top_new[j]))


BODY_RENAME_MIN = 2   # sentences on each side: one reworded sentence is too little to judge a subject


def _comparable(a: int, b: int) -> bool:
    """Two bodies of comparable length: one quoted sentence of a long section is not the section."""
    return min(a, b) >= BODY_RENAME_MIN and min(a, b) * 3 >= max(a, b)


_BODY_WORD_RE = re.compile(r"[a-z]{4,}")
BODY_OVERLAP = 0.25   # share of the smaller body's words found in the other body


def _body_words(doc: Document, k: int) -> set[str]:
    words: set[str] = set()
    for i in doc.sections[k].sentences:
        words.update(sentence_body_words(doc.sentences[i].text))
    return words


@lru_cache(maxsize=8192)
def sentence_body_words(text: str) -> frozenset[str]:
    """The content words of one sentence, plural 's' cut (both versions share most sentences)."""
    return frozenset(w.rstrip("s") for w in _BODY_WORD_RE.findall(text.lower()) if w not in _TITLE_STOP)


def _related_bodies(old: Document, i: int, new: Document, j: int) -> bool:
    """The text under two headings is about the same thing (shares a fair part of its words),
    or one side has no text to compare: a similar title over unrelated text is a new section."""
    a, b = _body_words(old, i), _body_words(new, j)
    if not a or not b:
        return True
    return len(a & b) >= BODY_OVERLAP * min(len(a), len(b))


def extends(a: str, b: str) -> bool:
    """One title is the other with words added ('Privacy Policy' -> 'Google Privacy Policy'):
    the same heading, whatever happened to its text."""
    wa, wb = set(a.split()), set(b.split())
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


RENAME_TITLE_SCORE = 75.0   # token_sort_ratio of two headings that name the same subject


def renamed_by_content(shared: int, old_size: int, old_key: str, new_key: str) -> bool:
    """A new heading whose body came from an old section renames it only if that old body
    mostly survives under it, or the two titles are alike: one sentence of a 25-sentence
    section quoted under an unrelated new heading is not a rename."""
    return shared * 2 >= old_size or fuzz.token_sort_ratio(old_key, new_key) >= RENAME_TITLE_SCORE
