"""compare(): the pipeline from two texts to a ChangeReport (pure, deterministic, no I/O)."""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter, OrderedDict
from typing import Any, Callable

from tracker.changes import entities as ent
from tracker.changes.align import WORK, align_sentences, similarity
from tracker.changes.sections import align_sections, changed_only, distinct_sections, outline_size
from tracker.changes.captures import Held, page_check
from tracker.changes.merges import merge_rewordings
from tracker.changes.report import Change, ChangeReport
from tracker.changes.normalize import clean_chars, deobfuscate_emails, heading_key, repair_encoding, sentence_key
from tracker.changes.ownership import self_keys, split_own
from tracker.changes.segment import Document, exact_key, segment
from tracker.changes import claims
from tracker.changes.headline import summarise
from tracker.changes.hidden import unhide_emails
from tracker.changes.shownurls import named_links
from tracker.changes.documents import other_documents, with_documents
from tracker.changes.versions import earlier_version, with_version
from tracker.changes.priorities import MAX_STATEMENTS
from tracker.changes.furniture import panel_said
from tracker.changes.publishable import publishable
from tracker.changes.quoted import needs_quotes, quoted_statements, told
from tracker.changes.phrasing import is_scraped_run
from tracker.changes.parties import PLACE_WORDS
from tracker.changes.layout import LayoutOnly, stream
from tracker.changes.corroborate import corroborated, protection_kinds, said_before, Side
from tracker.changes.rules.common import Context, Statement
from tracker.changes.rules.promises import _promise
from tracker.changes.statements import candidates
from tracker.changes.anchors import one_line_per_list
from tracker.changes.marks import marked
from tracker.changes.samepractice import narrower_before
from tracker.changes.rules.rights import right_given
from tracker.changes.rules.structure import behind_link
from tracker.changes.tablerows import table_statements
from tracker.changes.summary import Facts, new_names, novel_terms
from tracker.changes.topics import _topics_of
from tracker.changes.trivial import trivial_of
from tracker.changes.roles import vendor_roles
from tracker.changes.vendors import AFFILIATES, COMPANY_RENAMED, OWNER, _vendor_spans
from tracker.changes.verdict import (
    _word_diff, change_topics, decide_verdict, flips, is_material, is_rewrite, text_shares,
)

log = logging.getLogger(__name__)

DETECTOR_VERSION = "2.17.0"


class _PerText:
    """The last few results of a function of one whole text (segmentation, entities, phrase
    keys). Reports are computed along a history, (v1, v2) then (v2, v3): each version is one
    side of two pairs, and its per-text work is the larger part of a comparison. Results are
    never mutated downstream, so sharing them cannot change a report. Of very long texts only
    the last two are kept (the two sides of one comparison, which asks for some results more
    than once), so memory stays bounded."""

    SIZE = 4
    MAX_CHARS = 1_000_000
    BIG_SIZE = 2

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn = fn
        self.memo: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self.big: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self.lock = threading.Lock()       # reports may be computed from several threads
        _MEMOS.append(self)

    def __call__(self, text: str, *args: Any) -> Any:
        memo, size = (self.big, self.BIG_SIZE) if len(text) > self.MAX_CHARS else (self.memo, self.SIZE)
        key = (text, *args)
        with self.lock:
            hit = memo.get(key, _MISS)
            if hit is not _MISS:
                memo.move_to_end(key)
                return hit
        value = self.fn(text, *args)      # outside the lock: two threads may both compute it
        with self.lock:
            memo[key] = value
            while len(memo) > size:
                memo.popitem(last=False)
        return value


_MISS = object()
_MEMOS: list[_PerText] = []


def clear_caches() -> None:
    """Forget every memoised result (per-text and per-sentence): the next compare() starts
    cold. For benchmarks; results never depend on it."""
    for memo in _MEMOS:
        with memo.lock:
            memo.memo.clear()
            memo.big.clear()
    from tracker.changes.segment import _block_events
    from tracker.changes.rules.common import _says
    from tracker.changes.normalize import _sentence_key
    from tracker.changes.phrasing import edit_window, is_pointer, tidy
    from tracker.changes.rules.common import _editors_note, _stamp_only
    from tracker.changes.trivial import is_change_log
    from tracker.changes.roles import _spans_in
    from tracker.changes.variants import _american
    from tracker.changes.sections import _sentence_triples, text_triples
    from tracker.changes.renames import sentence_body_words
    from tracker.changes.summary import _bigram_counts, _word_counts
    from tracker.changes.headings import _glued_candidates
    from tracker.changes.vendors import _mentions
    from tracker.changes.corroborate import _flat_page, _indexed
    from tracker.changes.retained import rule_words
    from tracker.changes.restated import _controls
    from tracker.changes.swapped import _folded
    from tracker.changes.publishable import fragment
    from tracker.changes.rules.swaps import _names_in
    from tracker.changes.documents import _starts_in
    from tracker.changes.captures import _read
    from tracker.changes.literals import lowered
    from tracker.changes.rules.promises import _promise_of
    from tracker.changes.verdict import delta_words
    from tracker.changes.phrasing import third_person
    from tracker.changes.literals import clear_search_memos
    clear_search_memos()
    for fn in (ent.extract_sentence, ent.sentence_laws, ent.sentence_durations, ent.sentence_kind, _vendor_spans, _topics_of, _word_diff, _says, _block_events, _sentence_key, tidy,
               is_pointer, edit_window, _stamp_only, _editors_note, is_change_log, _spans_in, _american,
               _sentence_triples, text_triples, sentence_body_words, _word_counts, _bigram_counts, _glued_candidates, _mentions, _indexed, _flat_page, _promise_of, lowered,
               delta_words, third_person, rule_words, fragment, _names_in, ent._written_in,
               _starts_in, _read, ent._mail_keys, ent._own_names, _controls, _folded):
        fn.cache_clear()


def _section_title(doc: Document, idx: int) -> str:
    return doc.sections[idx].title if 0 <= idx < len(doc.sections) else ""


def _link_key(url: str, anchors: frozenset[str] = frozenset()) -> str:
    """A link target without scheme, 'www.', query, fragment or trailing slash: tracking
    parameters, http made https and in-page anchors do not make a link 'changed'. A link to a
    page's anchor that either text links as an in-page anchor ('#cookies' written out as
    'https://example.com/legal#cookies') is that in-page anchor: ''."""
    base, _, fragment = url.partition("#")
    if fragment and fragment.strip("<>") in anchors:
        return ""
    return _SCHEME_RE.sub("", base.split("?", 1)[0].rstrip("/").lower())


_SCHEME_RE = re.compile(r"^(?:https?:)?//(?:www\.)?")


def links_moved(old_urls: list[str], new_urls: list[str], anchors: frozenset[str] = frozenset()) -> tuple[int, int]:
    """(links added, links dropped): the links whose target only one text has, counted link by
    link (twelve menu entries re-pointed to one new page are twelve links, not one target). A
    target both texts have is no change, however often each links to it."""
    old_keys = Counter(_link_key(u, anchors) for u in old_urls)
    new_keys = Counter(_link_key(u, anchors) for u in new_urls)
    old_keys.pop("", None)
    new_keys.pop("", None)
    return (sum(n for k, n in new_keys.items() if k not in old_keys),
            sum(n for k, n in old_keys.items() if k not in new_keys))


def _anchors(*docs: Document) -> frozenset[str]:
    """The fragments the texts link to as in-page anchors ('#cookies' -> 'cookies')."""
    return frozenset(u.strip("<>")[1:] for d in docs for u in d.urls if u.strip("<>").startswith("#"))


_LINK_TARGET_RE = re.compile(r"\]\([^)\n]*\)")
ECHO_MIN_WORDS = 6


# a sentence or line end: [.!?;:]+(?=[\s"')\]*_]|$)|\n, written to open on one character class so
# that re skips to those characters instead of trying both branches at every position of a text
_BOUNDARY_RE = re.compile(r"[.!?;:\n](?:(?<=\n)|(?<=[.!?;:])[.!?;:]*(?=[\s\"')\]*_]|$))")
_BREAK = " qzbreakqz "     # a word no policy contains: marks sentence and line ends in the key


def _phrase_text(raw: str) -> str:
    """The whole raw text as one space-separated key, link targets dropped, sentence and line
    ends marked: what a reader saw on the page, including blocks the segmenter discarded as
    chrome (pop-ups, menus)."""
    text = _BOUNDARY_RE.sub(_BREAK, clean_chars(_LINK_TARGET_RE.sub(" ", raw)))
    return f"{_BREAK}{sentence_key(text)}{_BREAK}"


_BREAK_WORD = _BREAK.strip()


def _phrase_set(phrases: str) -> set[str]:
    """The runs of words between two consecutive break marks of a _phrase_text, as a set.

    `f"{_BREAK}{key}{_BREAK}" in phrases` holds exactly when key is one of these runs (both are
    single-spaced words, the pattern is word-aligned), as long as key does not contain the
    break word itself; a set lookup replaces a scan of the whole text per added sentence, which
    was quadratic on long documents. The text is cut at its break words by one regex split
    (words are what str.split(" ") gives; the words after the last break form no run)."""
    runs: set[str] = set()
    for chunk in _BREAK_WORD_RE.split(phrases)[:-1]:
        run = chunk.strip(" ") if "  " not in chunk else " ".join(w for w in chunk.split(" ") if w)
        if run:
            runs.add(run)
    return runs


# the break word as one whole word of a space-separated text (what split(" ") would give)
_BREAK_WORD_RE = re.compile(r"(?:^|(?<= ))" + re.escape(_BREAK_WORD) + "(?= |$)")


def _echoed(text: str, other_keys: set[str], other_phrases: str,
            other_runs: set[str] | None = None) -> bool:
    """An added (removed) sentence whose words are still on the other side: a duplicate copy
    dropped, or text that was glued into page chrome and now stands alone. Its statement did
    not appear or vanish, so it is a move, not news. Short fragments must match a sentence the
    segmenter kept; longer ones may match a sentence anywhere in the other side's raw text."""
    if exact_key(text) in other_keys:
        return True
    key = sentence_key(text)
    # a whole sentence of the other side, never a piece of a longer one: 'sell your data to
    # advertisers' inside 'we will never sell your data to advertisers' is not an echo
    if key.count(" ") + 1 < ECHO_MIN_WORDS:
        return False
    if other_runs is not None and _BREAK_WORD not in key.split(" "):
        return key in other_runs
    WORK["scan_chars"] += len(other_phrases)
    return f"{_BREAK}{key}{_BREAK}" in other_phrases


RESPLIT_MAX_WORDS = 120


def _run_pattern(words: list[str]) -> "re.Pattern[str]":
    """The words in order, each sentence or line break between them allowed."""
    return re.compile(re.escape(_BREAK_WORD) + " " + r" (?:qzbreakqz )*".join(map(re.escape, words))
                      + " " + re.escape(_BREAK_WORD))


def _break_runs(phrases: str) -> tuple[str, list[bool], list[bool]] | None:
    """The words of a _phrase_text without its break marks, space-padded, and for each word
    whether a break comes right before and right after it; None when a break mark is glued to
    a word (then only _run_pattern's regex is exact). Words are what str.split(" ") gives; the
    flags are set from the breaks' places (a loop over the breaks, not over every word)."""
    parts = phrases.split(" ")
    breaks = [i for i, w in enumerate(parts) if w == _BREAK_WORD]
    if phrases.count(_BREAK_WORD) != len(breaks):
        return None       # a mark inside a word
    words = [w for w in parts if w != _BREAK_WORD]
    n = len(words)
    before = [False] * n
    after = [False] * n
    for rank, i in enumerate(breaks):
        at = i - rank         # the index the next word gets among the words
        if at < n:
            before[at] = True
        if at > 0:
            after[at - 1] = True
    return f" {' '.join(words)} ", before, after


def _runs_through(words: list[str], phrases: str, runs: Any = _MISS) -> bool:
    """_run_pattern(words).search(phrases), without compiling a regex per sentence: the words
    in a row, breaks allowed between them, a break right before the first and after the last.
    runs: _runs(phrases), computed once by the caller (a text too long for the memo would
    otherwise be indexed again for every sentence: quadratic on a 1 MB pair)."""
    if runs is _MISS:
        runs = _runs(phrases)
    if runs is None or any(not w or _BREAK_WORD in w for w in words):
        return _run_pattern(words).search(phrases) is not None
    joined, before, after = runs
    target = f" {' '.join(words)} "
    at = joined.find(target)
    while at != -1:
        first = joined.count(" ", 0, at + 1) - 1
        if before[first] and after[first + len(words) - 1]:
            return True
        at = joined.find(target, at + 1)
    return False


def _resplits(pairs: list[Any], d_old: Document, d_new: Document, old: str, new: str
              ) -> tuple[set[int], list[str]]:
    """Reworded pairs whose words are unchanged and only the sentence split moved ('A. B' ->
    'A; B'): the longer side is a run of whole sentences of the other side. Returns their
    indexes and the keys of the longer sentences (an added or removed sentence inside one of
    them is part of the same re-split)."""
    found: set[int] = set()
    joined: list[str] = []
    streams: dict[str, str] = {}
    indexed: dict[str, tuple[str, list[bool], list[bool]] | None] = {}
    for k, p in enumerate(pairs):
        if p.kind != "reworded":
            continue
        ko, kn = sentence_key(d_old.sentences[p.old].text), sentence_key(d_new.sentences[p.new].text)
        wo, wn = ko.split(" "), kn.split(" ")
        longer, side = (wn, "old") if len(wn) > len(wo) else (wo, "new")
        shorter = wo if longer is wn else wn
        if len(longer) > RESPLIT_MAX_WORDS or len(longer) == len(shorter) or not set(shorter) <= set(longer):
            continue
        if side not in streams:
            streams[side] = _phrases(old if side == "old" else new)[0]
            indexed[side] = _runs(streams[side])
        if _runs_through(longer, streams[side], indexed[side]):
            found.add(k)
            joined.append(" ".join(longer))
    return found, joined


def _inside(text: str, joined: list[str]) -> bool:
    if not joined:
        return False
    key = sentence_key(text)
    return key.count(" ") >= 2 and any(f" {key} " in f" {j} " for j in joined)


def _phrases_of(raw: str) -> tuple[str, set[str]]:
    phrases = _phrase_text(raw)
    return phrases, _phrase_set(phrases)


def _entities_of(text: str, urls: tuple[str, ...], fold: bool, raw: str = "") -> ent.Entities:
    """The entities of a version's text; e-mail addresses and phone numbers from all of it
    (raw): an address block ('E-Mail: mailbox@…', 'Tel.: +49 …' under a regulator's name)
    is a contact even where segmentation took its short lines for page chrome."""
    found = ent.extract(text, list(urls), fold)
    if raw:
        raw = clean_chars(raw)
        found.emails |= ent.find_emails(deobfuscate_emails(raw)) if "@" in raw else set()
        found.phones |= ent.find_phones(raw)
    return found


# a heading that names a right ('Right to Know and Access', 'Your Right to Delete'): the text gives it
# 'Right to erasure', 'Right of access', '8.5 Right to portability': a heading that names one right
_RIGHT_TITLE_RE = re.compile(r"(?i)^(?:\d+(?:\.\d+)*\.?\s+)?(?:your |the )?rights? (?:to|of)\b")


def _right_titles(d: Document) -> list[str]:
    """The headings of d that name a right, read with its sentences when a right said gone (new)
    is looked for: a list of rights under such headings gives each one in its title."""
    return [s.title for s in d.sections if s.title and _RIGHT_TITLE_RE.match(s.title)]


def _entity_text(d: Document) -> str:
    """The text entities are read from: the policy's sentences and headings, without the page
    chrome a scrape kept among them (a sidebar of headlines naming 'Outlook For iOS And
    Android', a shop's 'daily deals. one day only.'): a name there is not one the policy gives."""
    return "\n".join([_prose(d.text)] + [s.title for s in d.sections if s.title])


def _prose_of(text: str) -> str:
    """A document's sentences (one a line) without the runs of headlines or menu items among them."""
    lines = text.split("\n")
    kept = [line for line in lines if not is_scraped_run(line)]
    return text if len(kept) == len(lines) else "\n".join(kept)


_segment = _PerText(segment)
_prose = _PerText(_prose_of)
_phrases = _PerText(_phrases_of)
_entities = _PerText(_entities_of)
_stream = _PerText(stream)
_runs = _PerText(_break_runs)
_repaired = _PerText(repair_encoding)     # each version of a history is one side of two pairs


def compare(old: str, new: str) -> ChangeReport:
    """Report how NEW differs from OLD in meaning. Same inputs give a byte-identical report."""
    old, new = _repaired(old), _repaired(new)
    identical = old == new
    old, new, hid = unhide_emails(old, new)     # Cloudflare's '[email protected]' in one capture only
    old, new, _ = named_links(old, new)         # 'NAME [URL](URL)' in one capture, '[NAME](URL)' in the other
    old, new, docs = other_documents(old, new)  # a notice or terms the page holds beside the policy, in one capture
    old, version = (old, None) if docs else earlier_version(old, new)     # two versions shown, one taking effect
    d_old, d_new = _segment(old), _segment(new)
    pairs = align_sentences(d_old, d_new)
    secs = align_sections(d_old, d_new, pairs)

    old_keys = {s.key for s in d_old.sentences}
    new_keys = {s.key for s in d_new.sentences}
    phrases: dict[str, str] = {}          # built lazily: most pairs add or remove nothing
    phrase_runs: dict[str, set[str]] = {}
    changes: list[Change] = []
    stats = Counter({"added": 0, "removed": 0, "reworded": 0, "moved": 0, "unchanged": 0})
    changed_sections: dict[str, None] = {}
    resplit, joined = _resplits(pairs, d_old, d_new, old, new)
    headings: set[str] = set()        # the heading titles' keys, built on the first added or removed line
    same: tuple[set[int], set[int]] = (set(), set())     # sentences unchanged but for layout
    layout = LayoutOnly(d_old, d_new, pairs, _stream(d_old.clean), _stream(d_new.clean)) if (
        secs.added or secs.removed or secs.renamed or any(p.kind != "unchanged" for p in pairs)) else None
    for k, p in enumerate(pairs):
        stats[p.kind] += 1
        if p.kind == "unchanged":
            continue
        o = d_old.sentences[p.old].text if p.old is not None else None
        n = d_new.sentences[p.new].text if p.new is not None else None
        if p.kind != "moved" and layout is not None and layout.pair(p):
            stats[p.kind] -= 1      # the same words, only wrapped, split or marked up otherwise
            stats["unchanged"] += 1
            if p.old is not None:
                same[0].add(p.old)
            if p.new is not None:
                same[1].add(p.new)
            continue
        if k in resplit or (p.kind in ("added", "removed") and _inside(n or o or "", joined)):
            stats[p.kind] -= 1      # the same words, only split into sentences differently
            stats["moved"] += 1
            text = n or o or ""
            section = _section_title(d_new, d_new.sentences[p.new].section) if p.new is not None else \
                _section_title(d_old, d_old.sentences[p.old].section)
            changes.append(Change("moved", section, o or text, n or text, tuple(change_topics("added", None, text)),
                                  False, ()))
            continue
        if p.kind in ("added", "removed") and _toc_line(d_new if p.new is not None else d_old,
                                                        p.new if p.new is not None else p.old, d_old, d_new, headings):
            stats[p.kind] -= 1      # a table of contents' entry (a heading's title): the page's furniture
            stats["unchanged"] += 1
            continue
        if p.kind in ("added", "removed"):
            side = "old" if p.kind == "added" else "new"
            if side not in phrases:
                phrases[side], phrase_runs[side] = _phrases(old if side == "old" else new)
            text = n if p.kind == "added" else o
            assert text is not None
            if _echoed(text, old_keys if side == "old" else new_keys, phrases[side], phrase_runs[side]):
                stats[p.kind] -= 1
                stats["moved"] += 1
                changes.append(Change("moved", _section_title(d_new, d_new.sentences[p.new].section)
                                      if p.new is not None else _section_title(d_old, d_old.sentences[p.old].section),
                                      text, text, tuple(change_topics("added", None, text)), False, ()))
                continue
        section = (_section_title(d_new, d_new.sentences[p.new].section) if p.new is not None
                   else _section_title(d_old, d_old.sentences[p.old].section))
        fl = flips(o, n) if p.kind == "reworded" and o and n else []
        material = is_material(p.kind, o, n, fl)
        topics = tuple(change_topics(p.kind, o, n))
        changes.append(Change(p.kind, section, o, n, topics, material, tuple(fl)))
        if p.kind != "moved" and section:
            changed_sections[section] = None

    merged = merge_rewordings(changes, _reworded)
    if len(merged) < len(changes):      # sentences merged or split by an edit: one rewording each
        for kind in ("added", "removed", "reworded"):
            stats[kind] += sum(c.kind == kind for c in merged) - sum(c.kind == kind for c in changes)
        changes = merged
    fold = d_old.lower_case or d_new.lower_case     # names lost their capitals: match any case
    # headings name parties too, and a contact block's short lines ('Tel.: +49 ...') are parsed as headings
    t_old, t_new = _entity_text(d_old), _entity_text(d_new)
    e_old = _entities(t_old, tuple(d_old.urls), fold, old)
    e_new = _entities(t_new, tuple(d_new.urls), fold, new)
    owner = ent.first_party([t_old, t_new], d_old.urls + d_new.urls, fold)
    added, removed = ent.diff(e_old, e_new, owner)
    # the author's own names, read only when a company came or went
    selves = self_keys([t_old, t_new], owner) if added["vendors"] or removed["vendors"] else frozenset()
    added, removed, own_added, own_removed = split_own(added, removed, owner, selves)
    if any(added.values()) or any(removed.values()):
        added, removed = claims.keep_real_entities(added, removed, _plain(old), _plain(new))
    if any(own_added.values()) or any(own_removed.values()):
        own_added, own_removed = claims.keep_real_entities(own_added, own_removed, _plain(old), _plain(new))

    sim = similarity(d_old, d_new, pairs, same)
    if layout is not None:      # a heading whose words stand in the other text, in place: markup only
        secs.added = [j for j in secs.added if not layout.heading(1, j)]
        secs.removed = [i for i in secs.removed if not layout.heading(0, i)]
        secs.renamed = [(i, j) for i, j in secs.renamed if not (layout.heading(0, i) and layout.heading(1, j))]
    sections_added = [d_new.sections[j].title for j in secs.added]
    sections_removed = [d_old.sections[i].title for i in secs.removed]
    renamed = [(d_old.sections[i].title, d_new.sections[j].title) for i, j in secs.renamed]
    if sections_added or sections_removed or renamed:
        sections_added, sections_removed, renamed = claims.keep_real_sections(
            sections_added, sections_removed, renamed, _lines(old), _lines(new))
    sections_added, sections_removed, renamed = distinct_sections(sections_added, sections_removed, renamed)
    kept = set(sections_added)
    # the statements name top-level sections first (a rewrite adds dozens of sub-headings)
    top_added = [d_new.sections[j].title for j in sorted(secs.added, key=lambda j: (d_new.sections[j].level, j))
                 if d_new.sections[j].title in kept]
    stamp = {"old": d_old.date_stamp, "new": d_new.date_stamp}
    facts = Facts(changes, top_added, sections_removed, renamed, added, removed, [],
                  sim, dict(stats), outline_size(d_old), outline_size(d_new),
                  stamp["old"] != stamp["new"])
    facts.hidden_emails = hid
    facts.furniture = panel_said(old, new)
    facts.old_kept, facts.new_novel = text_shares(d_old, d_new, pairs, same)
    anchors = _anchors(d_old, d_new)
    facts.links_added, facts.links_removed = links_moved(d_old.urls, d_new.urls, anchors)
    facts.links_changed = facts.links_added + facts.links_removed
    names = tuple(new_names([c.new or "" for c in changes if c.material and c.kind in ("added", "reworded")],
                            d_old.text)) if any(c.material for c in changes) else ()
    ctx = Context(changes, added, removed, top_added, sections_removed, _owner_name(owner, new),
                  _salient_terms(changes, added, removed, names, d_old.text, d_new.text, sections_added), names,
                  old_text=d_old.text, old_sentences=tuple(s.text for s in d_old.sentences),
                  new_sentences=tuple(s.text for s in d_new.sentences),
                  old_titles=tuple(x.title for x in d_old.sections if x.title),
                  old_page=d_old.clean, new_page=d_new.clean)
    old_sentences, new_sentences = list(ctx.old_sentences), list(ctx.new_sentences)
    facts.old_sentences, facts.new_sentences = ctx.old_sentences, ctx.new_sentences
    facts.owner = ctx.owner
    facts.pages = (d_old.clean, d_new.clean)
    facts.old_headings, facts.new_headings = (frozenset(heading_key(x.title) for x in d.sections if x.title)
                                              for d in (d_old, d_new))
    sides = {"old": Side(old_sentences), "new": Side(new_sentences)}     # each side indexed once
    # a translation keeps next to no sentence as it was: most sentences unchanged, same language
    mostly_kept = stats["unchanged"] * 2 > min(len(old_sentences), len(new_sentences))
    changed = [(c.kind, (c.old if c.kind == "removed" else c.new) or "") for c in changes if c.kind != "moved"]
    page = page_check(_held(d_old, old_sentences), _held(d_new, new_sentences), (d_old.text, d_new.text),
                      (old, new), ctx.owner, changed, mostly_kept)
    partial = page.side if page else None
    if page:          # the captures changed, not the policy: say so, and nothing else
        cands = [page.statement]
        if page.page_links:
            facts.links_changed = 0     # the stub's or the lost part's links
    else:             # the rules' statements, read only when they can be told (a stub pair's were dropped unread)
        cands = _rule_statements(ctx, changes, sides, d_old, d_new)
        rows = table_statements(old, new, " ".join(s.text for s in cands).lower(), ctx.owner) if "|" in new else []
        cands += rows
    impacts = {s.impact for s in cands}
    verdict = decide_verdict(facts, cands)
    if not partial and verdict in ("cosmetic", "minor") and any(s.impact == "new-recipient" and not s.changes for s in cands):
        verdict = "substantive"     # a company a parties table lists for the first time (tablerows)
    if partial and verdict in WEIGHTY:
        verdict = "minor"     # the page changed, not what the policy says
    topic_counter: Counter[str] = Counter()
    for c in changes:
        if c.kind != "moved" and c.material:
            topic_counter.update(c.topics)
    if "sale-reversal" in impacts and "sale" not in topic_counter:
        topic_counter["sale"] = 1
    topic_counts = sorted(topic_counter.items(), key=lambda kv: (-kv[1], kv[0]))
    facts.topic_counts = topic_counts
    trivial = trivial_of(facts)      # a statement resting only on a typo fixed states no change
    if verdict != "cosmetic" and not partial and not is_rewrite(facts) and \
            needs_quotes(s for s in cands if not s.changes or not set(s.changes) <= trivial):
        # no rule's statement survived: each change is quoted as it stands, never left untold
        cands = quoted_statements(changes, trivial | told(cands), (added["vendors"], removed["vendors"]),
                                  f"{old}\n{new}", _corroborating(changes, old_sentences, new_sentences, ctx.owner, sides,
                                                                   {"old": d_old.clean, "new": d_new.clean})) + cands
    cands = [s for s in cands if not s.changes or not set(s.changes) <= trivial]    # a typo fixed is no statement
    statements, headline = summarise(facts, verdict, cands, identical, is_rewrite(facts) and not partial,
                                     ctx.salient)
    if docs and not partial:      # said first unless the policy's own changes weigh more
        same_policy = not any(stats[k] for k in ("added", "removed", "reworded", "moved"))    # only they came or went
        statements, headline = with_documents(statements, headline, docs, verdict not in WEIGHTY, same_policy)
        verdict = "minor" if verdict == "cosmetic" else verdict    # the page changed, the policy did not
    if version and not partial:     # the version kept is compared; the one dropped was the other's
        statements, headline = with_version(statements, headline, version, verdict not in WEIGHTY, MAX_STATEMENTS)
        verdict = "minor" if verdict == "cosmetic" else verdict
    if verdict in WEIGHTY and statements and all(s.impact == "pointer" for s in statements):
        verdict = "minor"     # a verdict the report cannot show: only its links are said to have changed
    return ChangeReport(
        verdict=verdict,
        headline=headline,
        bullets=tuple(s.text for s in statements),
        similarity=sim,
        stats={k: stats[k] for k in ("added", "removed", "reworded", "moved", "unchanged")},
        sections_added=tuple(sections_added),
        sections_removed=tuple(sections_removed),
        sections_renamed=tuple(renamed),
        sections_changed=changed_only(changed_sections, sections_added, sections_removed, renamed),
        topic_counts=tuple(topic_counts),
        entities_added=added,
        entities_removed=removed,
        changes=tuple(changes),
        date_stamp=stamp,
        detector_version=DETECTOR_VERSION,
        statements=tuple(s.to_dict() for s in statements),
        own_added=own_added,
        own_removed=own_removed,
        vendor_roles=vendor_roles(sorted({*added["vendors"], *removed["vendors"]}), old, new),
        links_changed=facts.links_changed,
    )


def _rule_statements(ctx: Context, changes: list[Change], sides: dict[str, Side], d_old: Document,
                     d_new: Document) -> list[Statement]:
    """Every rule's statements on the changes, made publishable, checked against the other text
    (corroborate.corroborated), marked where the old text said the practice already, one line per
    list and pointers put behind: what a report tells when both captures hold the policy."""
    old_sentences, new_sentences = list(ctx.old_sentences), list(ctx.new_sentences)
    given = {"old": right_given(old_sentences + _right_titles(d_old), before=True),
             "new": right_given(new_sentences + _right_titles(d_new))}
    cands = corroborated(publishable(candidates(ctx), ctx), changes, old_sentences, new_sentences,
                         protection_kinds(lambda t: _promise(ctx, t)), given,
                         ctx.owner, sides, {"old": d_old.clean, "new": d_new.clean})
    written = said_before(sides["old"], sides["new"], ctx.owner)
    old_side, owner_name = sides["old"], ctx.owner
    return behind_link(one_line_per_list(ctx, [marked(ctx, s, written, lambda t: narrower_before(t, old_side, owner_name))
                                               for s in cands]), changes, ctx.owner)


def _corroborating(changes: list[Change], old_sentences: list[str], new_sentences: list[str], owner: str,
                   sides: dict[str, Side], pages: dict[str, str]) -> Callable[[Statement], Statement | None]:
    """The check a quoted sentence said new or gone passes before it is published: the claim check
    every rule's statement passed (corroborate.corroborated) as it reads a sentence, not a right or
    promise in other words ('Now says: “You can request that we delete your Personal Information
    …”' beside an old right to delete 'additional account information' quotes a widened right
    truly), the statement as it stands, restated, or None when the other text still says the
    sentence. A quote naming what the other text never writes is news whatever else it shares
    ('NYTimes.com is currently using and has contracted with WebTrends, a third party, to track …'
    beside the same sentence on Omniture)."""

    def no_kind(_: str) -> None:
        return None

    def check(s: Statement) -> Statement | None:
        kept = corroborated([s], changes, old_sentences, new_sentences, no_kind, None, owner, sides, pages)
        if kept:
            return kept[0]
        claim, other = (s.new, pages["old"]) if s.new else (s.old or "", pages["new"])
        return s if any(name not in other for name in _QUOTED_NAME_RE.findall(claim or "")) else None
    return check


# a name in a quoted sentence: a capitalised word not opening it ('WebTrends', 'Omniture')
_QUOTED_NAME_RE = re.compile(r"(?<=[\w,;:)] )[A-Z][\w'-]+")


# verdicts a report must justify by a statement about the policy's practices, not its links
WEIGHTY = frozenset({"substantive", "major"})


# a line this short may be a table of contents' entry; a longer one is a sentence, even one a
# heading repeats word for word
TOC_ENTRY_WORDS = 10


def _toc_entry(text: str, d_old: Document, d_new: Document, headings: set[str]) -> bool:
    """Is text (an added or removed line) an entry of a table of contents: a short line whose
    words are those of a heading of either version? headings caches the titles' keys."""
    if not _short_line(text):
        return False
    if not headings:
        headings.update(exact_key(s.title) for d in (d_old, d_new) for s in d.sections if s.title)
        headings.discard("")
    return exact_key(text) in headings


def _toc_line(d: Document, i: int | None, d_old: Document, d_new: Document, headings: set[str]) -> bool:
    """Is d's sentence i an entry of a table of contents: a short line in a run of headings'
    titles (itself one with a neighbour, or between two, a stale entry whose heading was renamed)?"""
    if i is None:
        return False
    lines = d.sentences
    if not _short_line(lines[i].text):
        return False
    entry = [0 <= j < len(lines) and _toc_entry(lines[j].text, d_old, d_new, headings) for j in (i - 1, i, i + 1)]
    return sum(entry) >= 2      # entries come in runs: one alone is a list item that names a heading's words


def _short_line(text: str) -> bool:
    """A line short enough for a table of contents' entry, with no stop of a sentence."""
    return len(text.split()) <= TOC_ENTRY_WORDS and not text.rstrip().endswith((".", ":", ";", ","))


def _held(d: Document, sentences: list[str]) -> Held:
    """What a capture holds: its headings' titles (each once), its sentences, both in the page's
    order, and the date it gives itself."""
    lines = [line for sec in d.sections
             for line in ([sec.title] if sec.title else []) + [" ".join(sentences[i] for i in sec.sentences)] if line]
    return Held(tuple(dict.fromkeys(s.title for s in d.sections if s.title)), tuple(sentences), tuple(lines),
                d.date_stamp)


def _reworded(section: str, old: str, new: str) -> Change:
    """A rewording found after alignment (tracker.changes.merges), read like an aligned one."""
    fl = flips(old, new)
    return Change("reworded", section, old, new, tuple(change_topics("reworded", old, new)),
                  is_material("reworded", old, new, fl), tuple(fl))


def _salient_terms(changes: list[Change], added: dict[str, list[str]], removed: dict[str, list[str]],
                   names: tuple[str, ...], old_text: str, new_text: str, sections_added: list[str]) -> tuple[str, ...]:
    """Lower-case names and terms new to one side: entities that came or went, proper names
    only the new side writes, and the key terms of the changed sentences."""
    if not any(c.kind != "moved" for c in changes):
        return ()
    terms = [x for side in (added, removed) for k in ("laws", "vendors", "durations", "ages", "emails") for x in side[k]]
    terms += list(names)
    new_terms, gone_terms = novel_terms(old_text, new_text, changes, sections_added)
    terms += new_terms[:8] + gone_terms[:4]
    return tuple(dict.fromkeys(t.lower() for t in terms if len(t) >= 3))


def _owner_name(owner: tuple[str | None, str | None], text: str = "") -> str:
    """The company as a sentence subject (_bare_owner_name), with the article its text always
    writes before it ('The Register')."""
    name = _bare_owner_name(owner, text)
    return name if name == "The company" else _with_article(name, text)


# a name takes 'The' when the text writes it before this share of the name's mentions, or more
_ARTICLE_SHARE = 2 / 3
# ... and at least this many times: one 'the Acme team' says nothing of the name
_ARTICLE_MIN = 2


def _with_article(name: str, text: str) -> str:
    """'The Register' for 'Register', a name of one word, when the text writes 'the' or 'The'
    before nearly every mention of the name alone ('The Register ("The Register", "we")'); the
    name as it is when the text also calls itself by the bare name ('“Guardian”, “we”' beside
    'the Guardian') or the article is a longer name's ('the Paramount Services')."""
    if " " in name or not text:
        return name               # 'New York Times now uses …' reads as a headline; 'Register does not …' does not
    # the name alone, not a word of a longer name ('the Paramount Services', 'The Hearst Corporation');
    # the literal name leads the pattern, so the scan of a long text is fast
    starts = [m.start() for m in re.finditer(rf"{re.escape(name)}(?![\w'’-]| [A-Z0-9])", text)
              if not m.start() or not re.match(r"[\w'’-]", text[m.start() - 1])]
    mentions = len(starts)
    articled = sum(text[max(0, at - 4):at] in ("the ", "The ") for at in starts)
    if articled >= _ARTICLE_MIN and articled >= _ARTICLE_SHARE * mentions:
        return f"The {name}"
    return name


def _bare_owner_name(owner: tuple[str | None, str | None], text: str = "") -> str:
    """The company as a sentence subject: its vendor name, the name the text spells its site's
    name out as ('Washington Post' for washpost.com, 'New York Times' for nytimes.com),
    its site's name, or 'The company'."""
    fam, label = owner
    if fam:
        return _as_written(fam, text)
    if label and len(label) == _SHORT_LABEL and label.isalpha():
        return _written_short(label, text) or _dominant_name(text) or "The company"
    if label and label.isalpha() and 3 <= len(label) <= 14:
        written = _written_as(label, text)
        if written and not written.isupper():
            return _longer_name(written, text)    # the text writes it so ('Intuit', 'LinkedIn', 'Donkey Republic')
        # in capitals only, it may be a heading's or a menu's: the name spelled out comes first;
        # then the name of several words it spells whole ('The Trade Desk' for thetradedesk, never 'Trade')
        return _spelled_out(label, text) or written or _written_whole(label, text) or _name_inside(label, text) \
            or _in_lower_case(label, text) \
            or _name_from(label, text) or label.capitalize()  # 'SMUD'
    joined = (label or "").replace("-", "")      # 'lydia-app', 'w3schools': a name only as the text writes it
    if _LABEL_LETTERS_RE.fullmatch(joined) and 3 <= len(joined) <= 14:
        return _written_as(joined, text) or _written_whole(joined, text) or _name_inside(joined, text) \
            or _dominant_name(text) or "The company"
    if _LABEL_LETTERS_RE.fullmatch(joined) and len(joined) > 14:   # 'savetzpublishing': 'Savetz Publishing', never 'Publishing'
        return _written_whole(joined, text) or _name_inside(joined, text) or _dominant_name(text) or "The company"
    return (_acting_name(text) if not label else None) or _dominant_name(text) or "The company"


# a name that acts in the text ('Verizon may publish …') this many times at least ...
_ACTING_MIN = 8
# ... and this many times as often as any other name: the author, not a partner it names
_ACTING_OVER = 3
# a capitalised word as the subject of a verb of practice ('Verizon may', 'Acme collects')
_ACTING_RE = re.compile(r"(?<![@./\w'’-])([A-Z][a-z]+[A-Za-z]*)(?:['’]s)? (?:also )?(?:may|will|might|can|does|do|"
                        r"uses|collects|shares|provides|sells|keeps|stores|retains|receives|obtains|discloses|"
                        r"processes|offers|has)\b")


def _acting_name(text: str) -> str | None:
    """The name a text with no site, address or "we" of its own to go by acts under ('Verizon
    may publish …', 'Verizon provides …', 136 times against Oath's 13): a capitalised word the
    subject of a verb of practice _ACTING_MIN times and _ACTING_OVER times as often as any other,
    never a word the text also writes in lower case (a noun: 'Information may') nor a
    vendor's name (a service the text describes); None when no name stands out."""
    counts = Counter(m.group(1) for m in _ACTING_RE.finditer(text))
    names = sorted(((n, w) for w, n in counts.items()
                    if not _count_written(rf"(?<![\w@./-]){re.escape(w.lower())}(?![\w@-])", w.lower(), text)
                    and not ent.vendor_mentions(w)), reverse=True)
    if not names or names[0][0] < _ACTING_MIN or (len(names) > 1 and names[0][0] < _ACTING_OVER * names[1][0]):
        return None
    return names[0][1]


# a name written inside sentences this many times at least may be the author's when nothing else
# names it ('Welcome to Kbin', 'operated by SourceHut', 'Some Visible devices'): fewer may be a partner's
_DOMINANT_MIN = 3
# ... and this many times as often as any other such name: the author, not one partner among several
_DOMINANT_OVER = 3
# words a policy capitalises that name no company: its own defined terms, months, the web
_NOT_NAMES = frozenset("""Company Service Services Site Sites Website Websites Platform App Apps Policy Terms Privacy
Statement Notice Agreement User Users Account Content Data Information Personal Internet Web Officer English January February
March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday
Saturday Sunday State States Act Law Section Article""".split())
# a capitalised word written after 'the' in this share of its mentions or more is a defined term
# ('the Webpage'), not a company's name ('operated by SourceHut'); a name 'the' leads is found by label
_DEFINED_OVER = 2
# a capitalised or inner-capital word after a word in lower case (inside a sentence, not its first word),
# optionally written as its site ('Tencent.com') or in the possessive ('Visible’s'), and no word of a
# longer name ('Log Files', 'Data Protection Officer')
_MID_NAME_RE = re.compile(r"(?<![\w'’-])[a-z]+ ([A-Z][a-z]+(?:[A-Z][a-z]+)*)(?:\.com|['’]s)?(?![\w@/-]|\.[a-z]| [A-Z])")


def _dominant_name(text: str) -> str | None:
    """The name a text that names no site, address or "we" of its own writes inside its sentences
    far more often than any other ('Visible' 15 times beside 'Verizon' twice; 'SourceHut' 8
    times): a capitalised word written _DOMINANT_MIN times and _DOMINANT_OVER times as often as
    any other, never a word the text writes in lower case nearly as often (a noun: 'Privacy'), a
    term it defines ('the Webpage'), a place or a vendor's name (a service the text describes);
    None when no name stands out."""
    found = [m for m in _MID_NAME_RE.finditer(text) if _in_prose(text, m.start())]
    counts = Counter(m.group(1) for m in found)
    # a term the text defines ('the Website', 'the Tencent Corporate Webpage') takes the article
    articled = Counter(m.group(1) for m in found if m.group(0).lower().startswith("the "))
    names = sorted(((n, w) for w, n in counts.items()
                    if w.lower() not in PLACE_WORDS and w not in _NOT_NAMES and articled[w] * _DEFINED_OVER < n
                    and n >= _NAME_OVER_NOUN * _count_written(rf"(?<![\w@./-]){re.escape(w.lower())}(?![\w@-]|\.[a-z])",
                                                              w.lower(), text)
                    and not ent.vendor_mentions(w)), reverse=True)
    if not names or names[0][0] < _DOMINANT_MIN or (len(names) > 1 and names[0][0] < _DOMINANT_OVER * names[1][0]):
        return None
    return names[0][1]


# a site's name of two letters ('ft', 'gm') is a name only as the text writes it in capitals, this often
_SHORT_LABEL = 2
# a site's name that may be a company's: letters, digits among them ('w3schools', 'system1', 'coolmath4kids')
_LABEL_LETTERS_RE = re.compile(r"[a-z][a-z0-9]*[a-z0-9]")


def _written_short(label: str, text: str) -> str | None:
    """The site's name of two letters as the text writes it in capitals in prose ('FT' for ft.com,
    'GM' for gm.com), at least _INSIDE_MIN_TIMES times, or None."""
    word = label.upper()
    times = sum(1 for m in re.finditer(rf"(?<![@./\w'’-]){word}(?![\w@'’-]|\.[a-z])", text) if _in_prose(text, m.start()))
    return word if times >= _INSIDE_MIN_TIMES else None


# a word of the site's name is the company's name only when the text writes it this often
# ('Tinder' in gotinder.com, 'Sony' in sonyusa.com): once may be a product or a link's words
_INSIDE_MIN_TIMES = 3
# shorter words run through site names by chance ('go', 'usa', 'app')
_INSIDE_MIN_LEN = 4
# a name is written capitalised this many times as often as in lower case
_NAME_OVER_NOUN = 3
# (the capital matched before the look back, which covers it too: the same test, tried only at capitals)
_CAP_WORD_RE = re.compile(r"[A-Z](?<![@./\w'’-][A-Z])[a-z]*[A-Za-z](?![\w@-]|\.[a-z])")


# a site's name is the first word of a longer name the text writes at least this many times
# ('Donkey Republic' 11 times for donkey.bike) ...
_LONGER_MIN = 3
# ... when it writes the name otherwise (alone, or as its site 'Booking.com') this many times at most:
# 'Finnair' 29 times beside 'Finnair Plus' 64 times is the company, its loyalty programme another name
_LONGER_ALONE_MAX = 1


def _longer_name(name: str, text: str) -> str:
    """The name the text always writes with the site's name as its first word, in prose
    ('Donkey Republic' for donkey.bike, never 'Donkey'), or name; a word the policy capitalises
    that names no company ('Acme Privacy', 'Acme Services') never lengthens it."""
    mentions = [m for m in re.finditer(rf"(?:\b([A-Z][a-z]+) )?(?<![\w@./'’-]){re.escape(name)}(?![\w@'’-])"
                                       rf"(?: ([A-Z][a-z]+)\b)?", text) if _in_prose(text, m.start())]
    for side in (2, 1):       # 'Donkey Republic' for donkey.bike, 'Project Gutenberg' for gutenberg.org
        words = Counter(m.group(side) for m in mentions if m.group(side) and m.group(side) not in _NOT_NAMES
                        and m.group(side) not in _SENTENCE_OPENERS)
        if words:
            word, times = words.most_common(1)[0]
            if times >= _LONGER_MIN and len(mentions) - times <= _LONGER_ALONE_MAX:
                return f"{name} {word}" if side == 2 else f"{word} {name}"
    return name


# capitalised words that open a sentence before a name: never a word of it ('The', 'At Acme')
_SENTENCE_OPENERS = frozenset("The At By For In On To With From And Or If When Contact Visit Use About".split())


# a name of several words that spells a site's name whole ('The Trade Desk' for thetradedesk) is written
# at least this many times in prose: once may be a heading's or a link's words
_WHOLE_MIN_TIMES = 2


def _written_whole(label: str, text: str) -> str | None:
    """The name of two to five capitalised words the site's name spells letter for letter, as the
    text writes it most often in prose ('The Trade Desk' for thetradedesk, 'Walt Disney Company'
    for waltdisneycompany), a leading 'the' of the site's name kept as 'The' ('the Trade Desk' mid
    sentence is the company 'The Trade Desk'); None when the text does not write it so
    _WHOLE_MIN_TIMES times. A word of the name alone ('Trade') is no name a reader knows."""
    if len(label) < _INSIDE_MIN_LEN or not label.isalnum():
        return None
    pattern = r"(?i)(?<![@./\w'’-])" + " ?".join(map(re.escape, label)) + r"(?![\w@'’-]|\.[a-z])"
    forms: Counter[str] = Counter()
    for m in re.finditer(pattern, text):
        words = m.group(0).split(" ")
        heads = words[1:] if words[0].lower() == "the" else words
        if len(words) < 2 or not heads or not all(w[:1].isupper() for w in heads) or not _in_prose(text, m.start()):
            continue
        forms["The " + " ".join(words[1:]) if words[0] == "the" else m.group(0)] += 1
    best = max(sorted(forms), key=lambda f: forms[f]) if forms else None
    return best if best and forms[best] >= _WHOLE_MIN_TIMES else None


def _name_inside(label: str, text: str) -> str | None:
    """The capitalised word of prose the site's name holds ('Tinder' in 'gotinder', 'Sony' in
    'sonyusa'), the longest of those written at least _INSIDE_MIN_TIMES times, or None: a
    site's name with a prefix or a country glued to it is no name a reader knows."""
    counts = Counter(m.group(0) for m in _CAP_WORD_RE.finditer(text)
                     if len(m.group(0)) >= _INSIDE_MIN_LEN and m.group(0).lower() in label and m.group(0) not in _NOT_NAMES
                     and not m.group(0).isupper() and _in_prose(text, m.start()))
    # a word the text also writes in lower case is a common noun ('Media' of dmgmedia.co.uk,
    # 'Cookie' of cookiepedia.co.uk): a name is written capitalised far more often than not
    fits = [w for w, n in counts.items() if n >= _INSIDE_MIN_TIMES
            and n >= _NAME_OVER_NOUN * _count_written(rf"(?<![@./\w-]){re.escape(w.lower())}(?![\w@-]|\.[a-z])", w.lower(), text)]
    return max(sorted(fits), key=lambda w: (len(w), counts[w])) if fits else None


def _name_from(label: str, text: str) -> str | None:
    """The capitalised word of prose the site's name starts, written at least _INSIDE_MIN_TIMES
    times ('Nagravision' for privacy@nagra.com), the one written most, or None."""
    if len(label) < _INSIDE_MIN_LEN:
        return None
    counts = Counter(m.group(0) for m in re.finditer(rf"(?<![@./\w'’-]){re.escape(label.capitalize())}[a-z]+(?![\w@-])",
                                                     text) if _in_prose(text, m.start()))
    fits = [w for w, n in counts.items() if n >= _INSIDE_MIN_TIMES]
    return max(sorted(fits), key=lambda w: counts[w]) if fits else None


def _count_written(pattern: str, literal: str, text: str) -> int:
    """len(re.findall(pattern, text)) for a pattern every match of which writes literal as it
    is: 0 without a scan of the whole text when literal is nowhere in it (most names asked about)."""
    return len(re.findall(pattern, text)) if literal in text else 0


def _in_prose(text: str, at: int) -> bool:
    """Is position at inside a line of prose (a word in lower case beside it), not a title or a
    menu in capitals ('ACME <Corp> & Co Privacy Policy')?"""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    return bool(re.search(r"\b[a-z]{3,}\b", text[start:end if end != -1 else len(text)]))


def _in_lower_case(label: str, text: str) -> str | None:
    """The site's name as a brand in lower case of two words writes it in prose ('dmg media' for
    dmgmedia.co.uk), never 'Dmgmedia', a word the text does not hold; None when it is not written."""
    word = r"(?<![@./\w'’-])" + " ?".join(map(re.escape, label)) + r"(?![\w@-]|\.[a-z])"
    forms = Counter(m.group(0) for m in re.finditer(word, text) if " " in m.group(0) and _in_prose(text, m.start()))
    return max(sorted(forms), key=lambda f: forms[f]) if forms else None


def _written_as(label: str, text: str) -> str | None:
    """The site's name as the text most often writes it as a capitalised word ('LinkedIn' for
    linkedin.com, 'SMUD' for smud.org, 'O'Reilly' for oreilly.com), not as part of an address
    ('NYTimes.com', 'privacy@smud.org'), or None."""
    # an apostrophe may stand between its letters: 'O'Reilly' for oreilly.com
    word = r"(?i)(?<![@./\w'’])" + "['’]?".join(map(re.escape, label)) + r"(?![\w@]|\.[a-z])"
    forms = Counter(m.group(0) for m in re.finditer(word, text) if m.group(0)[0].isupper()
                    and (not m.group(0).isupper() or _in_prose(text, m.start())))
    return max(sorted(forms), key=lambda f: forms[f]) if forms else None


# a company of a group speaks for itself when the text names it this many times as often as the group
_MEMBER_OVER_FAMILY = 3


def _as_written(fam: str, text: str) -> str:
    """The company under the name its text uses: a 2016 policy of Facebook says 'Facebook', not
    'Meta' (the family it was filed under after a rename), and LinkedIn's says 'LinkedIn', not
    'Microsoft' (a company of a group that keeps its own name)."""
    if not text:
        return fam
    own = _count_written(rf"\b{re.escape(fam)}\b", fam, text)
    names = [old for old, new in COMPANY_RENAMED.items() if new == fam] + \
        [name for name in sorted(AFFILIATES) if OWNER.get(name) == fam]
    counts = {name: _count_written(rf"\b{re.escape(name)}\b", name, text) for name in names}
    # GitHub's policy names its parent once ('GitHub, a subsidiary of Microsoft') and itself 75 times
    written = [n for n, k in sorted(counts.items()) if k and k >= _MEMBER_OVER_FAMILY * own]
    return max(written, key=lambda n: counts[n]) if written else fam


_PROPER_RUN_RE = re.compile(r"\b(?:The )?[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}\b")


def _spelled_out(label: str, text: str) -> str | None:
    """The proper name of two to four capitalised words whose letters run through the site's
    name in order, from the same first letter ('washpost' in 'Washington Post', 'nytimes' in
    'New York Times'), as the text writes it most often; None when no name fits."""
    counts: dict[str, int] = {}
    for m in _PROPER_RUN_RE.finditer(text):
        name = m.group(0).removeprefix("The ")     # a subject anywhere in a sentence
        words = name.lower().split()
        joined = "".join(words)
        if joined[:1] != label[:1] or not all(w[0] in label for w in words):
            continue
        letters = iter(joined)
        if all(ch in letters for ch in label):
            counts[name] = counts.get(name, 0) + 1
    return max(sorted(counts), key=lambda n: counts[n]) if counts else None


_plain = _PerText(claims.plain)
_lines = _PerText(claims.heading_lines)
