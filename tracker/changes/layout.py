"""Layout-only changes: sentences and headings whose words did not change, only their layout.

Two scrapes of one page differ in layout in ways segmentation cannot always undo: a hard wrap
at another width, blank lines between paragraphs or none, Markdown or plain text (a list item
on one side is a heading line on the other), a table as pipes or as tab-separated cells. Each
side is read here as one *layout-free stream*: its letters and digits only, lower-cased, with
link targets, HTML tags, image references and list markers dropped (exact_key of the whole
text). The unchanged sentences that both streams hold in order cut them into corresponding
gaps; where the two gaps are the same characters (date-stamp phrases aside: segmentation
keeps them apart from the sentences), every sentence or heading segmented out of
that gap is the same text, split, joined or marked up differently, and never a change.

A gap holding any changed word is left alone, so a real change next to re-wrapped text is
still reported. Linear: each anchor sentence is looked up once, ahead of the last one found,
within a bounded window.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from tracker.changes.segment import _NON_WORD_RE, exact_key, _URL_IN_TEXT_RE, _url_to_domain

if TYPE_CHECKING:
    from tracker.changes.align import Pair
    from tracker.changes.segment import Document

_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# (a title may be wrapped onto the next line: '[IP address](https://… "Glossary of\nkey terms")')
_LINK_TARGET_RE = re.compile(r"\]\(\s*<?[^)\s>]*>?(?:\s+\"[^\"]{0,300}\")?\s*\)")
_ESCAPE_RE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~<\"'])")
_HTML_TAG_RE = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>")
# the number of a list item or a heading at the start of a line: a text extractor drops the
# numbers of an ordered list ('1. ', '2) '); '3. Use' is a list item or a heading there when it
# cannot continue the line before it (a hard wrap may also put '2) tracking data' at a line start)
_NUMBER_RE = re.compile(r"[ \t>]*(?P<head>#{1,6}[ \t]+)?(?:[*+\-\u2022][ \t]+)?(?P<num>\d{1,3}[.)])[ \t]+(?P<next>\S)")
_NUMBER_HINT_RE = re.compile(r"(?m)^[ \t>#*+\-\u2022]*\d{1,3}[.)][ \t]")
_ITEM_RE = re.compile(r"[ \t>]*(?:#{1,6}[ \t]|[*+\-\u2022][ \t]|\d{1,3}[.)][ \t])")
ANCHOR_MIN_CHARS = 24      # shorter sentences ('Yes', 'Contact us') may recur by chance
WINDOW_SLACK = 4000        # characters beyond the expected place an anchor is looked for
MAX_STAMPED = 50_000       # gaps longer than this are compared as they are (a stamp is near the top)


def stream(text: str) -> str:
    """The layout-free stream of a text as segment() cleaned it (Document.clean): what
    exact_key keeps of every line, in order."""
    if "](" in text:
        text = _IMAGE_RE.sub(" ", text)
        text = _LINK_TARGET_RE.sub("]", text)
    if "\\" in text:
        text = _ESCAPE_RE.sub("", text)
    if "<" in text:
        text = _HTML_TAG_RE.sub(" ", text)
    text = text.replace("[", "").replace("]", "")   # '### [](#3-use)3\\. Use' is '### 3. Use'
    if _NUMBER_HINT_RE.search(text):
        text = _drop_numbers(text)
    if "http" in text or "www." in text or "WWW." in text or "Http" in text:
        text = _URL_IN_TEXT_RE.sub(_url_to_domain, text)    # as exact_key does
    text = text.lower()
    return text.translate(_ASCII_DROP) if text.isascii() else _NON_WORD_RE.sub("", text)


# exact_key's [\W_]+ on ASCII text, as a table: one pass instead of a match per space
_ASCII_DROP = {c: None for c in range(128) if not chr(c).isalnum()}


def _drop_numbers(text: str) -> str:
    """Each line's list or heading number cut out, where Markdown reads the line as a list item
    or a heading: a heading, after a blank line, a list item or an item's indented
    continuation, a list's first item ('1.' may interrupt a paragraph), or a capitalised item
    after a line that ends a sentence or a lead-in (':')."""
    lines = text.split("\n")
    prev = ""
    for k, line in enumerate(lines):
        m = _NUMBER_RE.match(line)
        if m and (m.group("head") or not prev.strip() or _ITEM_RE.match(prev) or prev[:1] in " \t"
                  or m.group("num")[:-1] == "1" or (prev.rstrip()[-1:] in ".!?:;" and not m.group("next").islower())):
            lines[k] = line[:m.start("num")] + " " + line[m.end("num"):]
        prev = line
    return "\n".join(lines)


def _locate(doc: "Document", text: str, idx: list[int]) -> list[tuple[int, int] | None]:
    """(start, end) in TEXT of each sentence of IDX (in document order), looked up ahead of the
    last one found and near where the sentences since then would put it; None if not there."""
    out: list[tuple[int, int] | None] = []
    upto = [0]          # key characters of the sentences before each index
    for sent in doc.sentences:
        upto.append(upto[-1] + len(sent.key))
    cursor = 0
    last = -1
    for i in idx:
        key = doc.sentences[i].key
        if len(key) < ANCHOR_MIN_CHARS:
            out.append(None)
            continue
        expected = upto[i + 1] - upto[last + 1]
        at = text.find(key, cursor, cursor + 2 * expected + WINDOW_SLACK)
        if at < 0:
            out.append(None)
            continue
        out.append((at, at + len(key)))
        cursor, last = at + len(key), i
    return out


def _anchors(d_old: "Document", d_new: "Document", pairs: "list[Pair]", s_old: str, s_new: str
             ) -> list[tuple[int, int, int, int, int, int]]:
    """Unchanged sentences found in both streams: (old index, new index, old start, old end,
    new start, new end), in order on both sides."""
    same = sorted((p.old, p.new) for p in pairs if p.kind == "unchanged" and p.old is not None and p.new is not None)
    at_old = _locate(d_old, s_old, [o for o, _ in same])
    at_new = _locate(d_new, s_new, [n for _, n in same])
    out: list[tuple[int, int, int, int, int, int]] = []
    for (o, n), a, b in zip(same, at_old, at_new):
        if a is not None and b is not None and (not out or (a[0] >= out[-1][3] and b[0] >= out[-1][5])):
            out.append((o, n, a[0], a[1], b[0], b[1]))
    return out


def _first_sentence(doc: "Document") -> list[int]:
    """For each section, the index of the first sentence at or after its heading."""
    out = [len(doc.sentences)] * len(doc.sections)
    nxt = len(doc.sentences)
    for k in range(len(doc.sections) - 1, -1, -1):
        if doc.sections[k].sentences:
            nxt = doc.sections[k].sentences[0]
        out[k] = nxt
    return out


class LayoutOnly:
    """Which sentences and headings of both sides lie in a gap between unchanged sentences
    whose layout-free streams are equal, with their own text inside the stretch of equal gaps
    around it: the same words, split, joined or marked up differently. Each question is answered on demand (only the
    changed sentences and headings are ever asked about)."""

    def __init__(self, d_old: "Document", d_new: "Document", pairs: "list[Pair]", s_old: str, s_new: str) -> None:
        """S_OLD, S_NEW: the stream() of each text."""
        self.docs = (d_old, d_new)
        self.streams = (s_old, s_new)
        self.stamps = tuple([k for k in map(_key, d.stamps) if k] for d in self.docs)
        anchors = _anchors(d_old, d_new, pairs, s_old, s_new)
        self.bounds = [(-1, -1, 0, 0, 0, 0)] + anchors + [
            (len(d_old.sentences), len(d_new.sentences), len(s_old), len(s_old), len(s_new), len(s_new))]
        self.equal = [self._same(s_old[a[3]:b[2]], s_new[a[5]:b[4]]) for a, b in zip(self.bounds, self.bounds[1:])]
        self.cuts = ([b[0] for b in self.bounds], [b[1] for b in self.bounds])
        # each equal gap's stretch: the run of equal gaps around it, with the (equal) unchanged
        # sentences between them (first gap, last gap)
        self.runs: list[tuple[int, int]] = []
        for g, eq in enumerate(self.equal):
            start = self.runs[-1][0] if g and eq and self.equal[g - 1] else g
            self.runs.append((start, g))
        for g in range(len(self.runs) - 2, -1, -1):
            if self.equal[g] and self.equal[g + 1]:
                self.runs[g] = (self.runs[g][0], self.runs[g + 1][1])
        self._stretches: dict[tuple[int, int], str] = {}
        self._firsts: dict[int, list[int]] = {}

    def _unstamped(self, side: int, region: str) -> str:
        for key in self.stamps[side]:
            region = region.replace(key, "")
        return region

    def _same(self, a: str, b: str) -> bool:
        """Two gaps are equal, or equal once each side's date stamps are cut out (a revision
        date changed along with the layout)."""
        return a == b or (len(a) + len(b) < 2 * MAX_STAMPED and bool(self.stamps[0] or self.stamps[1])
                          and self._unstamped(0, a) == self._unstamped(1, b))

    def _holds(self, side: int, region: str, key: str) -> bool:
        return bool(key) and (key in region or (bool(self.stamps[side]) and key in self._unstamped(side, region)))

    def _gap(self, side: int, pos: float) -> str | None:
        """The stream of SIDE (0 old, 1 new) around position POS (a sentence index, or a
        heading's: its first sentence less a half) as far as the gaps around it are equal; None
        if its own gap differs. The stretch is the same text on both sides, so a sentence found
        in it stands on the other side too, even when an anchor sentence that recurs (a summary
        above the body) was found at its first place."""
        cuts = self.cuts[side]
        g = bisect.bisect_left(cuts, pos)
        if g == 0 or g >= len(cuts) or cuts[g] == pos or not self.equal[g - 1]:
            return None
        first, last = self.runs[g - 1]
        if (side, first) not in self._stretches:
            self._stretches[(side, first)] = \
                self.streams[side][self.bounds[first][3 + 2 * side]:self.bounds[last + 1][2 + 2 * side]]
        return self._stretches[(side, first)]

    def sentence(self, side: int, i: int) -> bool:
        region = self._gap(side, i)
        return region is not None and self._holds(side, region, self.docs[side].sentences[i].key)

    def heading(self, side: int, k: int) -> bool:
        if side not in self._firsts:
            self._firsts[side] = _first_sentence(self.docs[side])
        region = self._gap(side, self._firsts[side][k] - 0.5)
        return region is not None and self._holds(side, region, _key(self.docs[side].sections[k].title))

    def pair(self, p: "Pair") -> bool:
        """Every side the pair has is unchanged up to layout."""
        if p.old is None and p.new is None:
            return False
        return (p.old is None or self.sentence(0, p.old)) and (p.new is None or self.sentence(1, p.new))


def _key(title: str) -> str:
    return exact_key(title)
