"""Section alignment: which headings of OLD correspond to which of NEW, and which are new or gone.

Sections are matched by heading (exact, then fuzzy), by the sentences they share (the pairs of
align.py), then by subject and by text (renames.py): a renamed or moved section is reported as
such, never as removed + added. Of the headings left unmatched, only real sections of the policy
are reported added or removed: menus, link lines, control cards, glossary entries, summary-layer
copies, captions and run-in labels are page structure, and a heading whose text survives
elsewhere or whose subject is still written was restructured, not removed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from rapidfuzz import fuzz
from rapidfuzz.process import extractOne

from tracker.changes.align import RENAME_PAIR_SCORE, WORK, Pair
from tracker.changes.normalize import DATE_RE, heading_key
from tracker.changes.renames import (
    COMMON_WORD, STEM, extends, rename_by_body, rename_by_subject, renamed_by_content,
    same_subject, subject_stems,
)
from tracker.changes.segment import RUN_IN_LEVEL, Document, Sentence


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

    COMMON = COMMON_WORD
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
        # in heading order, as free is: the first of equally similar titles wins, whatever
        # order the words of key come out of a set in (that order changes from run to run)
        return dict(sorted(cands.items()))


def align_sections(old: Document, new: Document, pairs: list[Pair]) -> SectionMatch:
    """Match sections by heading (exact, fuzzy) and by the sentences they share."""
    mapping: dict[int, int] = {}
    used_old: set[int] = set()
    old_by_key: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(old.sections):
        if i and s.key:
            old_by_key[s.key].append(i)
    # where several new headings share a text (a table of contents before the section), the
    # one with the most body takes the old heading: the contents line is not the section
    for j in sorted((j for j, s in enumerate(new.sections) if j and s.key and s.key in old_by_key),
                    key=lambda j: (-len(new.sections[j].sentences), j)):
        for i in sorted(old_by_key[new.sections[j].key], key=lambda i: (-len(old.sections[i].sentences), i)):
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

    touched_by_new: dict[int, set[int]] = defaultdict(set)
    for o_sec, n_sec in touched:
        touched_by_new[n_sec].add(o_sec)
    renamed: list[tuple[int, int]] = []
    free_old = [i for i in range(1, len(old.sections)) if i not in used_old]
    free_titles = {i: old.sections[i].key for i in free_old}
    titles = _TitleIndex(free_titles)

    def match(j: int) -> None:
        sec = new.sections[j]
        best: int | None = None
        ov = overlap.get(j, {})
        n_sent = len(sec.sentences)
        if n_sent and ov:
            cand, shared = max(ov.items(), key=lambda kv: (kv[1], -kv[0]))
            if shared * 2 >= n_sent and cand in free_titles and renamed_by_content(
                    shared, len(old.sections[cand].sentences), old.sections[cand].key, sec.key):
                best = cand
        if best is None and free_titles:
            hit = extractOne(sec.key, titles.near(sec.key, free_titles), scorer=fuzz.token_sort_ratio,
                             score_cutoff=80)
            # a similar title over entirely different text is a new section (a rewrite reuses
            # words like 'compliance' or 'changes'); an empty side has no text to compare
            if hit is not None and (not sec.sentences or not old.sections[hit[2]].sentences
                                    or (hit[2], j) in touched or extends(hit[0], sec.key)):
                best = hit[2]
        if best is None and free_titles and sec.sentences and touched_by_new.get(j):
            best = _extended_title(j, sec.key, {i: free_titles[i] for i in touched_by_new[j] if i in free_titles},
                                   touched)
        if best is not None:
            mapping[j] = best
            free_titles.pop(best, None)
            if old.sections[best].title != sec.title:
                renamed.append((best, j))

    # headings with a body choose first, by title, subject and body; empty lines (a table of
    # contents, a menu) only then, by title: a contents line must not take the old heading
    # that its section needs
    for j in range(1, len(new.sections)):
        if j not in mapping and new.sections[j].sentences:
            match(j)
    rename_by_subject(old, new, mapping, free_titles, renamed)
    # an old body mostly kept verbatim in a new section that was not judged its rename above
    # was absorbed into a larger new section: a likeness of words must not overrule that
    absorbed = {(o, n) for n, d in overlap.items() for o, k in d.items() if k * 2 >= len(old.sections[o].sentences)}
    rename_by_body(old, new, mapping, free_titles, renamed, absorbed)
    rename_by_children(old, new, mapping, free_titles, renamed)
    for j in range(1, len(new.sections)):
        if j not in mapping and not new.sections[j].sentences:
            match(j)
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
    # (text that went into a section reported as new does not keep the old heading alive);
    # built on first use: most pairs have no unmatched old section with a body to test
    new_shingles: list[set[str]] = []

    def survives(sents: list[int]) -> bool:
        if not new_shingles:
            new_shingles.append(_shingles([x for x in new.sentences if x.section not in added_set]))
        return _survives(old, sents, new_shingles[0])

    removed = _real_sections(old, [i for i in range(1, len(old.sections)) if i not in mapped_old],
                             {s.key for s in new.sections if s.key},
                             lambda sents: _mostly_kept(sents, "old") or survives(sents))
    if added:
        old_triples = text_triples(old.text)   # once per text, then a lookup per heading
        added = [j for j in added if not _subject_still_written(new.sections[j].key, old_triples)]
    if removed:
        new_triples = text_triples(new.text)
        removed = [i for i in removed if not _subject_still_written(old.sections[i].key, new_triples)]
    return SectionMatch(added, removed, sorted(renamed, key=lambda r: (r[1], r[0])), mapping)


TITLE_WORDS_ADDED = 4   # more words added make a sentence about the subject, not its title


def parents(doc: Document) -> list[int]:
    """The parent of each section: the nearest section before it with a higher rank (a lower
    level: an ALL CAPS line over Title Case lines, a heading over its run-in labels); 0 for
    a section under none. One pass with a stack: linear."""
    out = [0] * len(doc.sections)
    stack: list[int] = []
    for k in range(1, len(doc.sections)):
        level = doc.sections[k].level
        while stack and doc.sections[stack[-1]].level >= level:
            stack.pop()
        out[k] = stack[-1] if stack else 0
        stack.append(k)
    return out


CHILDREN_MIN = 2   # matched sub-sections that must agree before their parents are paired


def rename_by_children(old: Document, new: Document, mapping: dict[int, int],
                       free_titles: dict[int, str], renamed: list[tuple[int, int]]) -> None:
    """Unmatched headings paired through their sub-sections: when most matched sub-sections
    of a new heading (two at least) come from the sub-sections of one unmatched old heading
    (of several as many, the one with the likest title), the heading was
    renamed ('WHAT DO WE DO WITH THE INFORMATION WE GATHER ABOUT YOU?' -> '2. What Do We Do
    With The Personal Information We Collect About You?', whose parts 'Provide the Services
    You Request', 'Statistical Analysis' ... moved with it)."""
    old_parent, new_parent = parents(old), parents(new)
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    for j, i in mapping.items():
        pj, pi = new_parent[j] if j < len(new_parent) else 0, old_parent[i] if i < len(old_parent) else 0
        if pj and pi and pj not in mapping and pi in free_titles:
            votes[pj][pi] += 1
    for pj in sorted(votes):
        n = max(votes[pj].values())
        # a tie between old parents is decided by the likeness of the titles
        pi = max((i for i, v in votes[pj].items() if v == n),
                 key=lambda i: (fuzz.token_sort_ratio(old.sections[i].key, new.sections[pj].key), -i))
        if n >= CHILDREN_MIN and pi in free_titles and pj not in mapping:
            mapping[pj] = pi
            free_titles.pop(pi)
            if old.sections[pi].title != new.sections[pj].title:
                renamed.append((pi, pj))


def _extended_title(j: int, key: str, free: dict[int, str], touched: set[tuple[int, int]]) -> int | None:
    """An old title whose words the new one keeps, with words added ('Your Information' ->
    'Your Information and Rights', 'Cookies' -> 'Cookies and Similar Technologies'), over text
    that pairs with the old section's: the same section, too different by edit distance."""
    words = set(key.split())
    hits = [i for i, k in free.items() if (i, j) in touched and set(k.split()) <= words
            and subject_stems(k) and len(words) - len(set(k.split())) <= TITLE_WORDS_ADDED]
    return max(hits, key=lambda i: (len(free[i]), -i)) if hits else None


def distinct_sections(added: list[str], removed: list[str], renamed: list[tuple[str, str]]
                      ) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """Each heading named once: a title listed twice (two headings with one text) once, each
    old and each new title in one rename at most, a rename whose sides are also called added
    or removed only as the rename."""
    seen: set[str] = set()
    once: list[tuple[str, str]] = []
    for a, b in renamed:     # two headings with one text renamed: the first rename tells it
        ka, kb = "o:" + heading_key(a), "n:" + heading_key(b)
        if ka not in seen and kb not in seen:
            once.append((a, b))
        seen.update((ka, kb))
    renamed = once
    old_side = {heading_key(a) for a, _ in renamed}
    new_side = {heading_key(b) for _, b in renamed}
    added = [t for t in dict.fromkeys(added) if heading_key(t) not in new_side]
    removed = [t for t in dict.fromkeys(removed) if heading_key(t) not in old_side]
    return added, removed, renamed


def changed_only(changed: "dict[str, None] | list[str]", added: list[str], removed: list[str],
                 renamed: list[tuple[str, str]]) -> tuple[str, ...]:
    """Sections whose text changed, each once, less those already named added, removed or
    renamed."""
    named = {heading_key(t) for t in [*added, *removed, *(x for pair in renamed for x in pair)]}
    out: dict[str, str] = {}
    for t in changed:       # once per heading text: its old and new spelling are one section
        out.setdefault(heading_key(t), t)
    return tuple(t for k, t in out.items() if k not in named)


_WORDS_RE = re.compile(r"[a-z0-9]+")
SURVIVES = 0.6     # share of a section's word triples still in the other text: its body lives on


def _triples(text: str) -> list[str]:
    """The word triples of text (never mutated: a sentence's are remembered, it is asked again
    when the next pair of the history has its version on the other side)."""
    return _sentence_triples(text) if len(text) <= _TRIPLES_CACHE_CHARS else _sentence_triples.__wrapped__(text)


_TRIPLES_CACHE_CHARS = 2000     # a long run of glued text is not kept (its triples take ~10x its size)


@lru_cache(maxsize=8192)
def _sentence_triples(text: str) -> list[str]:
    w = _WORDS_RE.findall(text.lower())
    return [" ".join(w[k:k + 3]) for k in range(len(w) - 2)]


@lru_cache(maxsize=4)
def text_triples(text: str) -> frozenset[str]:
    """The word triples of a whole text, as a set: the triples of its sentence_key, whose words
    are the same (the key only turns separators into single spaces). Remembered for the last
    few texts: along a history each version is the other side of two pairs."""
    w = _WORDS_RE.findall(text.lower())
    return frozenset(map(" ".join, zip(w, w[1:], w[2:])))


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


def _subject_still_written(key: str, other_triples: "frozenset[str] | set[str]") -> bool:
    """'Interact with You on Third Party Social Networks' removed while the new text still says
    'interact with you on third party social networks': the subject is still covered, only its
    heading went. Short headings ('Security', 'Contact Us') are too common to judge so."""
    if len(key.split()) < SUBJECT_WORDS:
        return False
    mine = _triples(key)
    return bool(mine) and all(t in other_triples for t in mine)


# 'Go to Dashboard', 'Back to top', 'Learn more about ads': a link line, never a section
_NAV_HEADING_RE = re.compile(r"^(?:go to|back to|return to|learn more|read more|see more|show more|"
                             r"click here|visit|download|jump to|skip to)\b"
                             # a site's controls scraped as title lines: 'Member Sign In', 'Close
                             # tooltip', 'Site Navigation', 'Font Size', 'View Cart', 'Search Tips'
                             r"|^(?:member |customer |account )?(?:sign in|sign up|log ?in|log out|sign out)$"
                             r"|^(?:see|more|see more|less|show less)$"
                             # an address block's lines: 'Attn.: Privacy Counsel', 'c/o Legal'
                             r"|^(?:attn|attention|c o|p ?o box)\b"
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
    """Headings a reader would call the outline: menu runs are page chrome and run-in labels
    name paragraphs, not structure, so they must not dilute the share of the outline that
    changed."""
    menu = _menu_runs(doc)
    return sum(1 for k in range(1, len(doc.sections))
               if k not in menu and doc.sections[k].level < RUN_IN_LEVEL)


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
    children = _children(doc) if any(not doc.sections[k].sentences for k in unmatched) else {}
    matched_keys = {sec.key for k, sec in enumerate(doc.sections) if k not in unmatched_set}
    cands = [k for k in unmatched if doc.sections[k].key not in other_keys
             and doc.sections[k].level < RUN_IN_LEVEL
             and (doc.sentence_case_headings or not doc.sections[k].weak)
             and doc.sections[k].key not in matched_keys
             and not _NAV_HEADING_RE.search(doc.sections[k].key)
             and not _LINK_BAR_RE.search(doc.sections[k].title)
             and not ((body := _body(doc, k, children)) and mostly_kept(body))]
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
        if _in_glossary(doc, k) or _is_ui_card(doc, k) or _has_figures(sec.title) \
                or (sec.weak and _PROSE_LINE_RE.match(sec.key)):
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


def _children(doc: Document) -> dict[int, list[int]]:
    """The sub-sections under each section (parents), read once per document."""
    out: dict[int, list[int]] = defaultdict(list)
    for k, parent in enumerate(parents(doc)):
        if k and parent:
            out[parent].append(k)
    return dict(out)


def _body(doc: Document, k: int, children: dict[int, list[int]]) -> list[int]:
    """The sentences a section holds: its own, or for a heading with none of its own (a
    numbered part over its sub-sections: '14. International Data Transfers and Certain User
    Rights' over '14.1 Location of Data', '14.2 EEA, Swiss, and UK Users'), those of the
    sections under it. A part split in two under new headings keeps its text: the heading
    went, not what it said."""
    if doc.sections[k].sentences or not children:
        return doc.sections[k].sentences
    out: list[int] = []
    stack = list(children.get(k, ()))
    while stack:
        j = stack.pop()
        out.extend(doc.sections[j].sentences)
        stack.extend(children.get(j, ()))
    return sorted(out)


_DEFINES_RE = re.compile(r"^(?:an? |the |this |these )?(?P<term>[\w' -]{1,60}?)\s+(?:is|are|means|refers to|includes?)\b",
                         re.I)
_DEFINES_THIS_RE = re.compile(r"^(?:this|these|it) (?:is|are|means|refers to)\b", re.I)
GLOSSARY_TERM_WORDS = 4


# 'We use data to build better services': a sentence-case line that opens like a sentence is
# a tagline under a heading, not a heading
_PROSE_LINE_RE = re.compile(r"^(?:we|you|they|it|this|these|our) [a-z]")
_EXAMPLE_RE = re.compile(r"^(?:for (?:example|instance)\b|e\.g\.|examples?:)", re.I)


def _is_example(doc: Document, k: int) -> bool:
    """An entry of an examples pop-up or appendix ('Customizing our services' over 'For
    example, we may display ...'): it illustrates text elsewhere, it is not a section."""
    sec = doc.sections[k]
    return bool(sec.sentences) and bool(_EXAMPLE_RE.match(doc.sentences[sec.sentences[0]].text))


def _in_glossary(doc: Document, k: int) -> bool:
    """A glossary entry, or an entry between two of them (a definition that does not open
    with 'X is': 'Algorithm' over 'A process or set of rules ...' between 'Affiliates' and
    'Application data cache')."""
    def entry(i: int) -> bool:
        return 0 < i < len(doc.sections) and (_is_glossary_entry(doc, i) or _is_example(doc, i))

    if entry(k):
        return True
    return any(entry(i) for i in (k - 1, k - 2)) and any(entry(i) for i in (k + 1, k + 2))


def _is_glossary_entry(doc: Document, k: int) -> bool:
    """A term of a glossary ('Pixel tag' over 'A pixel tag is a type of technology ...', or
    'Personal information' over 'This is information that ...'): a definition, not a section."""
    sec = doc.sections[k]
    if not sec.sentences or len(sec.key.split()) > GLOSSARY_TERM_WORDS:
        return False
    first = doc.sentences[sec.sentences[0]].text
    if _DEFINES_THIS_RE.match(first):
        return True     # 'This is information that ...'
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
    numbered = [k for k in range(1, len(doc.sections)) if _NUMBERING_RE.match(doc.sections[k].title)]
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
