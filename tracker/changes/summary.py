"""Verdict, headline and bullets: what a feed reader must learn at a glance."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from tracker.changes.align import WORK
from tracker.changes.report import Change


@dataclass
class Facts:
    """Everything the summary is built from (computed by the detector)."""

    changes: list[Change]
    sections_added: list[str]
    sections_removed: list[str]
    sections_renamed: list[tuple[str, str]]
    entities_added: dict[str, list[str]]
    entities_removed: dict[str, list[str]]
    topic_counts: list[tuple[str, int]]
    similarity: float
    stats: dict[str, int]
    n_old_sections: int
    n_new_sections: int
    date_stamp_changed: bool
    links_changed: int = 0            # link targets present on one side only
    links_added: int = 0              # ... only on the new side
    links_removed: int = 0            # ... only on the old side
    new_terms: list[str] = field(default_factory=list)
    gone_terms: list[str] = field(default_factory=list)
    new_names: list[str] = field(default_factory=list)      # proper names only on the new side
    gone_names: list[str] = field(default_factory=list)
    old_kept: float = 1.0             # share of the old text still there (verdict.text_shares)
    new_novel: float = 0.0            # share of the new text that is new
    trivial: set[int] | None = None   # changes that alter no meaning (trivial.trivial_of)
    old_sentences: tuple[str, ...] = ()    # every sentence of each side, for the verdict's
    new_sentences: tuple[str, ...] = ()    # whole-text checks (a promise kept elsewhere)
    old_headings: frozenset[str] = frozenset()    # heading_key of every section title of each side:
    new_headings: frozenset[str] = frozenset()    # a table-of-contents line names one of them
    hidden_emails: str = ""           # 'old' or 'new': the capture that showed e-mail addresses as placeholders
    furniture: str = ""               # page furniture one capture holds, said in a cosmetic headline
    owner: str = ""                   # the company as a sentence subject: 'we' -> its name is no change
    pages: tuple[str, str] = ("", "")   # each side's text as the reader sees it: a copy of a paragraph counted


_STOP = set("""about above after again against all also among and any are because been before being
below between both but can could did does doing down during each few for from further had has have
having her here hers him his how however into its itself just may might more most must not now off once
only other our ours out over own same shall she should some such than that the their theirs them then
there these they this those through under until upon very was were what when where which while who
whom why will with would you your yours we us use used using information data personal policy privacy
including include includes other such service services please also example certain time way ways
give gives given like likely many much well able within without across along associated related
provide provides provided make makes made take takes new one two three first last see note
regarding you're we're help add specific anyone directly reason reasons purpose purposes things thing
own may might can could would should""".split())


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_BIGRAM_RE = re.compile(r"(?<![\w.@/-])(?=([a-z][a-z'-]{2,}) ([a-z][a-z'-]{2,})(?![\w.@/-]))")
_PHRASE_RE = re.compile(r"\b[A-Z][a-zA-Z]+(?: (?:of |for |to |the |and )?[A-Z][a-zA-Z]+)+")


PHRASE_SCAN_BUDGET = 30_000_000   # characters of plain substring search before indexing


def phrases_in(phrases: set[str], text: str) -> set[str]:
    """The phrases (lower-case words of letters joined by single spaces, as _PHRASE_RE finds
    them, lower-cased) that occur in text as substrings: {p for p in phrases if p in text}.

    Searching the whole text once per phrase is quadratic on long documents (the phrases come
    from the changed text, which grows with them); past a budget the text is split on single
    spaces instead, where an occurrence is a piece ending with the first word, pieces equal to
    the middle words and a piece starting with the last word: an exact, linear test."""
    if not phrases:
        return set()
    WORK["bounded_scan_chars"] += min(len(phrases) * len(text), PHRASE_SCAN_BUDGET)
    if len(phrases) * len(text) <= PHRASE_SCAN_BUDGET:
        return {p for p in phrases if p in text}
    pieces = text.split(" ")
    WORK["index_steps"] += len(pieces) * 2
    found: set[str] = set()
    longer = [p.split(" ") for p in phrases if p.count(" ") >= 2]
    if longer:
        # anchored on the second word and the start of the third: 'of' alone is everywhere
        # only the pieces that are some phrase's second word are indexed (the keys looked up)
        seconds = {ws[1] for ws in longer}
        at: dict[tuple[str, str], list[int]] = {}
        for i in [i for i, piece in enumerate(pieces[:-1]) if piece in seconds]:
            at.setdefault((pieces[i], pieces[i + 1][:2]), []).append(i)
        for ws in longer:
            k = len(ws)
            places = at.get((ws[1], ws[2][:2]), ())
            WORK["index_steps"] += len(places)
            for j in places:       # pieces[j] is the second word: s = j - 1 starts it
                if (j >= 1 and j + k - 2 < len(pieces) and pieces[j - 1].endswith(ws[0])
                        and pieces[j:j + k - 2] == ws[1:k - 1] and pieces[j + k - 2].startswith(ws[-1])):
                    found.add(" ".join(ws))
                    break
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for p in phrases:
        if p.count(" ") == 1:
            a, b = p.split(" ")
            pairs.setdefault((a[-2:], b[:2]), []).append((a, b))
    if pairs:
        # a piece can end with some first word only if it ends with its last two letters
        ends = {k[0] for k in pairs}
        for i in [i for i, piece in enumerate(pieces[:-1]) if piece[-2:] in ends]:
            a, b = pieces[i], pieces[i + 1]
            cands = pairs.get((a[-2:], b[:2]))
            if cands:
                for w1, w2 in cands:
                    if a.endswith(w1) and b.startswith(w2):
                        found.add(f"{w1} {w2}")
    return found


@lru_cache(maxsize=4)
def _word_counts(text: str) -> tuple[Counter[str], str]:
    """The words of a whole text by lower case, and the text in lower case (never mutated:
    along a history each version is the other side of two pairs)."""
    low = text.lower()
    if "\u0130" not in text and "\u212a" not in text:
        # lower-casing keeps every character's length and whether _WORD_RE takes it, but for
        # these two ('İ' -> 'i̇', Kelvin 'K' -> 'k'): the words of the lower-cased text are
        # then the lower-cased words of the text, counted at C speed in one pass
        return Counter(_WORD_RE.findall(low)), low
    # counted at C speed on the words as written, then merged by lower case (the same counts
    # as lower-casing each word first, one Python step per distinct word instead of per word)
    counts: Counter[str] = Counter()
    for w, k in Counter(_WORD_RE.findall(text)).items():
        counts[w.lower()] += k
    return counts, low


BIGRAM_LOOKUPS = 48   # fewer bigrams than this are counted one by one, more by a scan of the text


def _other_bigrams(low: str, wanted: list[str]) -> "Counter[str] | dict[str, int]":
    """How often each wanted bigram occurs in low as _BIGRAM_RE finds bigrams: a few are
    counted where their text occurs (a match of the pattern right there, with the same two
    words, is one of findall's), many by one scan of the whole text, remembered."""
    if len(wanted) >= BIGRAM_LOOKUPS:
        return _bigram_counts(low)
    out: dict[str, int] = {}
    for term in wanted:
        pair = tuple(term.split(" "))
        k = 0
        at = low.find(term)
        while at != -1:
            m = _BIGRAM_RE.match(low, at)
            if m is not None and m.groups() == pair:
                k += 1
            at = low.find(term, at + 1)
        out[term] = k
    return out


@lru_cache(maxsize=4)
def _bigram_counts(low: str) -> "Counter[str]":
    return Counter(map(" ".join, _BIGRAM_RE.findall(low)))


def _salient(changed: list[str], other_text: str, limit: int = 12) -> list[str]:
    """Terms frequent in the changed sentences but rare on the other side (tf / (1 + df)).

    Capitalised multi-word names ("Reddit Pro", "Business Chatbots") count as one term.
    """
    other_counts, other_low = _word_counts(other_text)
    other_bigrams: Counter[str] | dict[str, int] | None = None   # only if needed
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    known = phrases_in({ph.lower() for text in changed for ph in _PHRASE_RE.findall(text)
                        if 2 <= len(ph.split()) <= 4}, other_low)
    for text in changed:
        for ph in _PHRASE_RE.findall(text):
            words = ph.split()
            if 2 <= len(words) <= 4 and ph.lower() not in known:
                counts[ph.lower()] += 1
                shown.setdefault(ph.lower(), ph)
    # words and bigrams: counted at C speed per distinct form, in order of first appearance,
    # so each term keeps the form it was first written in (phrases have spaces, words none,
    # bigrams a '2:' prefix: the three kinds of keys never collide)
    for w, k in Counter(w for text in changed for w in _WORD_RE.findall(text)).items():
        lw = w.lower().strip("'-")
        if len(lw) >= 3 and lw not in _STOP:
            counts[lw] += k
            shown.setdefault(lw, w if w.isupper() else lw)
    for (a, b), k in Counter(ab for text in changed for ab in _BIGRAM_RE.findall(text)).items():
        if a not in _STOP and b not in _STOP:
            counts["2:" + f"{a} {b}"] += k
            shown.setdefault("2:" + f"{a} {b}", f"{a} {b}")
    scored = []
    for term, n in counts.items():
        if term.startswith("2:"):
            if n < 2:
                continue
            if other_bigrams is None:
                other_bigrams = _other_bigrams(other_low, [t[2:] for t, k in counts.items()
                                                           if k >= 2 and t.startswith("2:")])
            o = other_bigrams.get(term[2:], 0)
            score = 1.2 * n / (1 + o) ** 0.5
        elif " " in term:
            score = 1.5 * n
        else:
            o = other_counts.get(term, 0)
            if o and n < 2:
                continue
            score = n / (1 + o) ** 0.5
        scored.append((-score, -n, term))
    scored.sort()
    out: list[str] = []
    for _, _, term in scored:
        label = shown[term]
        if any(label.lower() in t.lower().split() or label.lower() == t.lower() for t in out):
            continue   # 'pro' when 'Reddit Pro' is already listed
        out.append(label)
        if len(out) == limit:
            break
    return out


def novel_terms(old_text: str, new_text: str, changes: list[Change],
                section_titles: tuple[str, ...] | list[str] = ()) -> tuple[list[str], list[str]]:
    """Key terms of what was added and of what was dropped: the vocabulary a reader would
    search the change for."""
    from tracker.changes.verdict import delta_words
    came_texts: list[str] = []
    gone_texts: list[str] = []
    for c in changes:
        if c.kind == "moved" or not c.material:
            continue
        if c.kind == "added":
            came_texts.append(c.new or "")
        elif c.kind == "removed":
            gone_texts.append(c.old or "")
        else:
            gone, came = delta_words(c.old or "", c.new or "")
            came_texts.append(came)
            gone_texts.append(gone)
    return _salient(came_texts + list(section_titles), old_text), _salient(gone_texts, new_text, 8)


_NAME_RE = re.compile(r"\b(?:[A-Z][a-zA-Z0-9&'-]*[a-zA-Z0-9]|[A-Z]{2,})"
                      r"(?:[ ](?:of |for |the )?(?:[A-Z][a-zA-Z0-9&'-]*[a-zA-Z0-9]|[A-Z]{2,}))*")
_GENERIC_NAMES = set("""a an the we you our your if for in on at to this these that those it its please
when where what how why who which each any all some no not yes or and but as by with from
information data personal service services policy privacy notice terms site sites website websites
app apps account accounts user users content section note example learn more read see click here
us inc llc ltd company attn contents menu home top""".split())
# a UI label glued to the next word by a scrape ('ExpandOperating the Wikimedia Sites')
_GLUED_UI_RE = re.compile(r"\b(?:Expand|Collapse|Show|Hide|Back|Read|More|Top|Menu|Close)[A-Z][a-z]"
                          # a lost line break: 'Information CollectionWe', 'Third PartiesAt',
                          # 'Service ProvidersApple'; brands glue short parts ('PayPal', 'LinkedIn')
                          r"|[a-z]{3}(?:We|It|At|The|Our|Your|You|If|When|These|For|To|As|By|Some|Learn|See)\b"
                          r"|\b(?:Us|Me|Up|In|On)(?:We|If|You|Your|Our|The|This|To)\b"     # 'Contact UsIf you …'
                          r"|[A-Z][a-z]{7,}[A-Z][a-z]")


def _is_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 16):pos].rstrip(" \"'“(")
    if not before:
        return pos < 16 or not text[:pos].strip()
    if re.search(r"(?:\b[A-Za-z]\.){2,}$|\b(?:Inc|Ltd|Co|Corp|St|Dr|No)\.$", before):
        return False      # 'U.S. Department', 'Inc. Card' after an abbreviation
    return not before or before[-1] in ".!?:;•*-"


_ALNUM_RE = re.compile(r"[a-z0-9]+")
_LOWER_WORD_RE = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")


class _WordSequence:
    """Is a run of words consecutive somewhere in a long word list? The same answer as
    `" " + " ".join(run) + " " in " " + " ".join(words) + " "`, but looked up from the rarest
    word's positions instead of scanning the whole text once per candidate (quadratic on
    long policies)."""

    SCANS = 24      # plain substring searches before the index pays for itself

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.spaced = " " + " ".join(words) + " "
        self.scans = 0
        self.positions: dict[tuple[str, str], list[int]] = {}
        self.vocabulary: set[str] = set()

    def contains(self, run: list[str]) -> bool:
        if self.scans < self.SCANS:
            self.scans += 1
            WORK["bounded_scan_chars"] += len(self.spaced)   # at most SCANS per text
            return " " + " ".join(run) + " " in self.spaced
        if not self.positions:
            WORK["index_steps"] += len(self.words)
            self.vocabulary = set(self.words)
            for i in range(len(self.words) - 1):
                self.positions.setdefault((self.words[i], self.words[i + 1]), []).append(i)
        if not run:
            return not self.words     # "  " occurs only in the empty text's "  "
        if len(run) == 1:
            return run[0] in self.vocabulary
        # anchored on the rarest adjacent pair of the run: a name made of common words
        # ('Google Analytics' in Google's policy) still has few places to check
        anchor = min(range(len(run) - 1), key=lambda k: len(self.positions.get((run[k], run[k + 1]), ())))
        k = len(run)
        for p in self.positions.get((run[anchor], run[anchor + 1]), ()):
            WORK["index_steps"] += 1
            start = p - anchor
            if start >= 0 and self.words[start:start + k] == run:
                return True
        return False


def new_names(changed: list[str], other_text: str, limit: int = 8) -> list[str]:
    """Proper names (capitalised phrases, acronyms) in the changed text that the other
    version never mentions: 'Reddit Netherlands', 'United Kingdom', 'DPF'. Unlike a list of
    frequent words, every one of them is something a reader can look up."""
    # word-level views built once: a regex search of the whole other text per candidate name
    # cost seconds on long policies
    other_low = other_text.lower()
    other_list = _ALNUM_RE.findall(other_low)
    other_seq = _WordSequence(other_list)
    plain_words = set(_LOWER_WORD_RE.findall(other_text)) | set(_LOWER_WORD_RE.findall(" ".join(changed)))
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for text in changed:
        for m in _NAME_RE.finditer(text):
            name = re.sub(r"^(?:The|Our|Your|This|These|If|When|For|In) ", "", m.group(0)).strip()
            name = re.sub(r"'s?$", "", name)
            words = name.split()
            if not words or len(words) > 4 or len(name) < 3:
                continue
            if all(w.lower() in _GENERIC_NAMES for w in words) or _GLUED_UI_RE.search(name):
                continue
            if text[m.end():m.end() + 1] == "." and text[m.end() + 1:m.end() + 2].isalpha():
                words = words[:-1]    # cut inside an abbreviation ('Reddit Netherlands B.V.', 'EU-U.S.')
                name = " ".join(words)
                if not words:
                    continue
            if _is_sentence_start(text, m.start()) and not words[0].isupper():
                if len(words) == 1 and not re.search(r"[a-z][A-Z]", name):
                    continue      # one capitalised word starting a sentence: not a name
                if words[0].lower() in plain_words:
                    words = words[1:]     # an ordinary word that only starts the sentence ('Read Hotjar')
            n_words = len(words)
            while words and words[-1].lower() in _GENERIC_NAMES:
                words = words[:-1]        # 'Potential Participants If'
            if len(words) < n_words and words and words[-1].lower() in plain_words | {"my", "your", "our"}:
                continue                  # 'Share My' left of 'Share My Personal Information'
            while words and words[0].lower() in ("of", "for", "the"):
                words = words[1:]
            name = " ".join(words)
            if not words or all(w.lower() in _GENERIC_NAMES for w in words) or len(name) < 3:
                continue
            if other_seq.contains(_ALNUM_RE.findall(name.lower())):
                continue
            counts[name] += 1
            first.setdefault(name, len(first))
    other_words = set(other_list)

    def novel(name: str) -> int:
        """A name with a word the other version never uses ('Netherlands') beats a new
        combination of familiar words ('Profile Settings')."""
        return int(any(w not in other_words for w in re.findall(r"[a-z0-9]+", name.lower())))
    # a one-off recombination of familiar words ('Introduction Use' from a glued menu) is not
    # a name a reader needs; a new word or a repeated phrase is
    ranked = sorted((n for n in counts if novel(n) or counts[n] >= 2),
                    key=lambda n: (-novel(n), -counts[n], first[n]))
    out: list[str] = []
    for name in ranked:
        if any(name.lower() in o.lower() for o in out):
            continue          # 'Reddit' after 'Reddit Netherlands'
        out = [o for o in out if o.lower() not in name.lower()] + [name]
        if len(out) == limit:
            break
    return out


