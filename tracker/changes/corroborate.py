"""Every "new …" or "no longer …" statement checked against the whole other text.

A statement that calls a sentence new says the old version did not have it; one that calls a
promise, right or practice gone says the new version no longer has it. Sentence alignment pairs
what it can, so a sentence it could not pair (glued to a neighbour by a lost full stop, split
by a `&nbsp;`, repeated in a new summary box, moved into another section and reworded a little)
looks added on one side and removed on the other. Before a statement is published, the claim
it makes is looked for in every sentence of the other side:

- the same sentence (its content words, negations and numbers; for a protection, in a sentence
  that is one too) is there: the statement is false, whatever its kind;
- for a promise, right, consent step or opt-out, the same practice in other words (most of its
  content words, stemmed, with the same negations) in a sentence of the same kind is there: the
  protection was restated, not added or withdrawn;
- for sharing with others (or data from others) said new or gone, a sharing sentence of the
  other side with most of its words, lacking no recipient, purpose, kind of data, control or
  name: the practice was there all along ('This includes sharing your information with law
  enforcement officials …' holds a new 'Uber may also share information with law enforcement');
- for a right or control said gone, the rights of the new text as a whole: 'access to,
  correction of, or a copy' restated as three list items was not withdrawn;
- for a promise said withdrawn, the same negated act in a promise of the new side with most of
  its words and an exception added ('… without your consent'): narrowed, not withdrawn;
- the company's own discretion ('Acme may also choose to use cookies') is no news a restatement
  must keep: 'Acme does this by storing user preferences in cookies' still says it.

- a removed (added) sentence of the same section that the alignment left unpaired and that holds
  most of a quoted sentence's own words, with its negations and numbers: a rewording
  (reworded_pair), neither new nor gone;
- the other page's whole text writing the sentence word for word (verbatim): segmentation left it
  out there (glued to a glossary heading), it was neither added nor dropped.

A digest resting on several sentences is dropped only when every one of them is still there.
A refuted sentence supports no other statement either: it was not news in any reading.

A pair where one side is only a short summary page that links to the complete policy (and the
other the policy itself) supports no claim at all: the report says that and nothing else.
Pure and linear: each side's sentences are indexed by their words once, on first need.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from functools import lru_cache

from tracker.changes.literals import Prefiltered
from tracker.changes.report import Change
from tracker.changes.rules.common import Statement

SAME_SENTENCE = 0.85        # share of a sentence's content words found in one sentence of the other side
SAME_PRACTICE = 0.7         # the same, stemmed, for a protection restated in other words
SAME_PROTECTION = 0.5       # the same, when every word it lacks is no news (see same_protection)
MIN_WORDS = 4               # fewer content words are too little to recognise a sentence by
COMMON_SENTENCES = 10      # a name in this many sentences of a side is the company's or the service's
MIN_PHRASE = 6              # words of a claim found in order (Side.contains): enough to be one

# statements that claim a protection came or went: restated in other words, the claim is false
PROTECTIONS = frozenset({"promise-withdrawn", "promise-narrowed", "right-removed", "consent-weakened",
                         "no-sale-promise", "consent-required", "right-added", "promise-added"})
RIGHTS = frozenset({"right-added", "right-removed"})
# a promise said made or withdrawn: the same negated act on the same recipients and data on the other side refutes it
COMMITMENTS = frozenset({"promise-added", "no-sale-promise", "promise-withdrawn"})
# statements that data now goes to (comes from) others, or no longer does: the same recipients
# (sources) in a sharing sentence of the other side, with nothing news-bearing left over, say
# the practice was there all along
SHARING = frozenset({"sharing-widened", "sharing-narrowed", "sources-widened"})
SAME_SHARING = 0.4          # share of stemmed content words in that other sharing sentence
# an added sentence with this share of its stemmed content words in one old sentence (or a bit
# more in two consecutive ones) was written before in other words: never said as new ('Google
# now respects and protects the privacy …' when the old text said 'our policy is to respect and
# protect the privacy of our users'). Looser than SAME_SENTENCE: calling an old practice new is
# a false claim, leaving a new one a plain quote only a weaker statement
SAID_BEFORE = 0.5
SAID_BEFORE_JOINED = 0.6
# any other sentence quoted as gone ('No longer says: …'): most of its stemmed words in one
# sentence of the new side, lacking nothing news-bearing, is still said
QUOTED = frozenset({"reworded", "practice-changed", "collection-widened", "ai-use", "retention-stated", "children-rule"})
SAME_QUOTE = 0.7
SAME_MOVED = 0.8            # stemmed share a sentence quoted as new needs in an old sentence the new text dropped: moved

_WORD_RE = re.compile(r"[a-z][a-z'-]+")      # two letters and up: 'EU', 'UK' and 'IP' tell sentences apart
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirty", "sixty",
                 "ninety", "hundred")
_NUMBER_RE = Prefiltered(re.compile(r"\d+|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b"), tuple("0123456789") + _NUMBER_WORDS)
_POLARITY_RE = Prefiltered(re.compile(r"(?i)\b(?:not|never|no|without|unless|except|only|cannot)\b|n't\b"),
                           ("no", "never", "without", "unless", "except", "only", "n't"))   # every match holds one
_STOP = frozenset("""the and for are but not you your our ours its it's this that these those with from into
however therefore thus yourself using via
have has had will would shall should can could may might must also any all each other such than then
them they their there when where which what who whom about over under only more most some very
their we us was were been being does did doing how why to of in on at by or an as is be if
it my me do so up am he
""".split())
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "ied", "es", "ed", "s", "e")


@lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    if word.endswith("ies") and len(word) >= 6:
        return (word[:-3] + "y")[:7]        # 'copies' as 'copy', 'parties' as 'party'
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:7]


@dataclass(frozen=True)
class Sign:
    """What a sentence is recognised by: its content words (as written and stemmed), its
    negations and its numbers."""

    words: frozenset[str]
    stems: frozenset[str]
    polarity: tuple[str, ...]
    numbers: tuple[str, ...]


# 'does not share … without your consent' and 'will only be shared … if you agree' set one
# condition: the same polarity; 'never stores' and 'does not store' one negation
_SAME_CONDITION = {("not", "without"): ("only",), ("not", "unless"): ("only",)}
_NEGATION = {"never": "not", "cannot": "not", "n't": "not"}
# a pointer to another part of the text ('(see Your Choices below)', '(as described below)'): no content
_CROSS_REFERENCE_RE = re.compile(r"(?i)\((?:see|refer to|as (?:described|explained|set out|detailed))\b[^()]*\)")


_NOT_LIMITED_RE = re.compile(r"\b(?:but )?(?:is |are )?not (?:be )?limited to\b")


# a question's answer before the sentence that gives it ('No. We do not sell …'): it negates nothing there
_ANSWER_RE = re.compile(r"^(?:yes|no)[.!,]\s+(?=\S)")
# 'opt-out' and 'opt out' one control however hyphenated: the words of both are 'opt' and 'out'
_OPT_HYPHEN_RE = re.compile(r"\bopt-(outs?|ins?)\b")
# a clause's number before its first word ('7.1.4 In certain cases, you have the right …', '(b) We
# share …', 'Section 3. We keep …'): where the sentence stands, not what it says; a renumbered or
# unnumbered sentence says the same. Only before a capital: '30 days after …' opens with a figure
_ENUMERATION_RE = re.compile(r"^\s*(?i:(?:section|article|clause|part)\s+)?(?i:\d+(?:\.\d+)+\.?|\d+[.)]|\(\d+\)|"
                             r"\([a-z]\)|[a-z]\)|[ivx]+[.)]|\([ivx]+\))\s+(?=[A-Z])")
# one act for the verbs a promise uses alike: 'does not sell or disclose' is 'does not sell or share'
_SAME_ACT_RE = re.compile(r"\bdisclos(?:e|es|ed|ing|ure)\b")
_SAME_ACT = {"disclose": "share", "discloses": "shares", "disclosed": "shared", "disclosing": "sharing",
             "disclosure": "sharing"}


def one_act(text: str) -> str:
    """text with each verb of one act written one way (_SAME_ACT), in lower case."""
    low = text.lower()
    return _SAME_ACT_RE.sub(lambda m: _SAME_ACT[m.group(0)], low) if "disclos" in low else low


@lru_cache(maxsize=16384)
def sign(text: str) -> Sign:
    text = _ENUMERATION_RE.sub("", text, count=1) if text[:1].isdigit() or text[:1] in "(SsAaCcPpIiVvXx \t" else text
    low = (_CROSS_REFERENCE_RE.sub("", text) if "(" in text else text).lower().replace("\u2019", "'")
    if low[:3] in ("no.", "no,", "no!", "yes"):
        low = _ANSWER_RE.sub("", low)
    low = low.replace("anytime", "any time").replace("e-mail", "email")   # one word, however hyphenated or spaced
    if "opt" in low:        # 'opt-out' is 'opt out' (and 'opt-in' 'opt in'): two words, however hyphenated
        low = _OPT_HYPHEN_RE.sub(r"opt \1", low)
    if "limit" in low:           # 'may include, but is not limited to, …' negates nothing
        low = _NOT_LIMITED_RE.sub(" ", low)
    # a contraction is a negation, told by the polarity, not a word ('don't sell' is 'does not sell')
    words = frozenset(w.strip("'-") for w in _WORD_RE.findall(low) if not w.endswith("n't")) - _STOP - {""}
    polarity = tuple(sorted({_NEGATION.get(m, m) for m in (m.lower() for m in _POLARITY_RE.findall(low))}))
    polarity = _SAME_CONDITION.get(polarity, polarity)
    return Sign(words, frozenset(_stem(w) for w in words), polarity, tuple(sorted(set(_NUMBER_RE.findall(low)))))


@dataclass
class Side:
    """The sentences of one version, indexed by their words on first use."""

    sentences: Sequence[str]
    _signs: Sequence[Sign] | None = None
    _by_word: dict[str, list[int]] = field(default_factory=dict)
    _by_stem: dict[str, list[int]] = field(default_factory=dict)
    _joined: "Side | None" = None
    _common: frozenset[str] | None = None
    _controls: "list[tuple[frozenset[str], frozenset[str]]] | None" = None    # restated.control_given
    _matching: dict[str, list[str]] = field(default_factory=dict)    # sameact.matching, by pattern
    _practices: Any = None      # samepractice._practices: each sentence's practice and each key's weight, read once
    _promises: "list[tuple[str, Any]] | None" = None    # samepromise._promises: its sentences read as promises
    _disclosing: frozenset[int] | None = None      # narrowed_in: the sentences one_act rewrites ('disclos')
    _versioned: bool = False        # the signs are _indexed's, read from the sentences (not a joined side's unions)
    _having: dict[str, list[str]] = field(default_factory=dict)     # having(): the sentences a named test accepts
    _passing: dict[str, dict[int, bool]] = field(default_factory=dict)  # passes(): a named test's answer per sentence
    _positions: dict[str, list[int]] | None = None      # at(): where each sentence text stands

    def having(self, name: str, test: Callable[[str], bool]) -> list[str]:
        """The sentences of this side that test accepts, in their order, read once per side:
        each claim checked against the side asks for them again, a scan of every sentence per
        claim. name identifies test (a pure function of the sentence text alone)."""
        got = self._having.get(name)
        if got is None:
            got = self._having[name] = [t for t in self.sentences if test(t)]
        return got

    def passes(self, name: str, k: int, test: Callable[[str], bool]) -> bool:
        """test(self.sentences[k]), remembered per sentence for the side's lifetime: the claim
        check reads the same candidate sentences for claim after claim. name identifies test (a
        pure function of the sentence text alone)."""
        answers = self._passing.setdefault(name, {})
        got = answers.get(k)
        if got is None:
            got = answers[k] = test(self.sentences[k])
        return got

    def at(self, text: str) -> list[int]:
        """The indexes (ascending) of the sentences of this side written exactly as text."""
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            for k, t in enumerate(self.sentences):
                positions.setdefault(t, []).append(k)
            self._positions = positions
        return self._positions.get(text, [])

    def joined(self) -> "Side":
        """Each two consecutive sentences as one: what a sentence said may be said in two now
        ('… may collect and retain information to provide you with future communications' ->
        'We may collect information when you open these emails …. This information is used to
        … make future communications … more interesting to you')."""
        if self._joined is None:
            signs = self._index()
            joined = Side([f"{a} {b}" for a, b in zip(self.sentences, self.sentences[1:])])
            if self._versioned:         # a version's sentences: each joined sign and posting read off its own, when asked
                last = len(signs) - 2
                joined._signs = _JoinedSigns(signs)
                joined._by_word, joined._by_stem = _JoinedPostings(self._by_word, last), _JoinedPostings(self._by_stem, last)
            else:
                joined._signs = _joined_signs(signs)
                joined._by_word, joined._by_stem = _postings(joined._signs)
            self._joined = joined
        return self._joined

    def common(self) -> frozenset[str]:
        """The words found in COMMON_SENTENCES sentences or more: the company's own name and the
        like, never news when a claim lacks them."""
        if self._common is None:
            self._index()
            self._common = frozenset(w for w, ks in self._by_word.items() if len(ks) >= COMMON_SENTENCES)
        return self._common

    def disclosing(self) -> frozenset[int]:
        """The indexes of the sentences writing 'disclos' in any case: one_act reads only them
        otherwise than sign does."""
        if self._disclosing is None:
            self._disclosing = frozenset(k for k, t in enumerate(self.sentences) if "disclos" in t.lower())
        return self._disclosing

    def _index(self) -> Sequence[Sign]:
        if self._signs is None:
            self._signs, self._by_word, self._by_stem = _indexed(tuple(self.sentences))
            self._versioned = True
        return self._signs

    def holds(self, text: str, share: float = SAME_SENTENCE, stemmed: bool = False,
              kind: Callable[[str], bool] | None = None) -> bool:
        """Does one sentence of this side hold share of text's content words (stemmed or not)
        with the same negations and numbers, and (when kind is given) say the same kind of thing?"""
        want = sign(text)
        keys = want.stems if stemmed else want.words
        if len(keys) < MIN_WORDS:
            return False
        signs = self._index()
        index = self._by_stem if stemmed else self._by_word
        need = share * len(keys)
        for k in _candidates(keys, need, index):
            other = signs[k]
            if len(keys & (other.stems if stemmed else other.words)) < need:
                continue
            holder = self.sentences[k]
            if other.polarity != want.polarity or not set(want.numbers) <= set(other.numbers):
                # 'You can choose to browse without cookies, but without these files you will not
                # be able to …': the claim may stand in one clause of a longer sentence
                holder = next((c for c in _clauses(holder) if _fits(sign(c), want, keys, need, stemmed)), "") \
                    or _stretch(holder, want, keys, need, stemmed)
                if not holder:
                    continue
            if (kind is None or kind(holder)) and _close_together(text, holder, keys, need, stemmed):
                return True
        return False


    def contains(self, text: str, kind: Callable[[str], bool] | None = None) -> bool:
        """Does one sentence of this side (of kind, when given) hold text's words in their order,
        at most one word inserted between two of them, with the same negations ('you can edit your
        preferences at any time' in '… provided that you can edit your marketing preferences at
        any time')? For claims too short to be recognised by their content words alone."""
        tokens = _tokens(_CROSS_REFERENCE_RE.sub("", text), False)
        want = sign(text)
        if len(tokens) < MIN_PHRASE or not want.words:
            return False
        self._index()
        for k in sorted(holding_all([self._by_word.get(w, ()) for w in want.words])):
            holder = self.sentences[k]
            if sign(holder).polarity == want.polarity and _in_order(tokens, _tokens(holder, False)) \
                    and (kind is None or kind(holder)):
                return True
        return False

    def names_like(self, name: str) -> list[str]:
        """The sentences of this side that hold every word of a name of two words or more,
        stemmed, in any case and order ('Personalization and Data settings' for 'Personalization
        Setting')."""
        self._index()
        words = [w for w in _tokens(name, False) if w not in _STOP]
        stems = {_stem(w) for w in words}
        # a name of common words ('Personal Information') is no setting to follow
        if len(stems) < 2 or set(words) <= self.common():
            return []
        pool = holding_all([self._by_stem.get(st, ()) for st in stems])
        # the name's first word still written as a name, never as the first word of the sentence
        first = re.compile(rf"(?<=[a-z,] ){re.escape(name.split()[0][:5])}")
        return [self.sentences[k] for k in sorted(pool) if first.search(self.sentences[k])]

    def names(self, name: str) -> list[str]:
        """The sentences of this side that hold a name, as written."""
        self._index()
        words = [w for w in _tokens(name, False) if w not in _STOP]
        if not words:
            return []
        pool = holding_all([self._by_word.get(w, ()) for w in words])
        return [self.sentences[k] for k in sorted(pool) if name in self.sentences[k]]


BISECT_RATIO = 8        # postings this many times longer than the pool are bisected, not read whole


def holding_all(postings: Sequence[Sequence[int]]) -> set[int]:
    """set.intersection of the postings (each ascending, as _postings builds them: the sentences
    of one word or stem), without a set of each: the shortest is the pool, narrowed by the
    others, shortest first; an index of a small pool is looked up in a long list by bisection.
    A common word's postings list most of a long policy's sentences; a set of each per claim
    was linear in the policy."""
    ordered = sorted(postings, key=len)
    pool = set(ordered[0])
    for other in ordered[1:]:
        if not pool:
            break
        if BISECT_RATIO * len(pool) < len(other):
            pool = {k for k in pool if _posted(other, k)}
        else:
            pool.intersection_update(other)
    return pool


def _posted(ascending: Sequence[int], k: int) -> bool:
    """Is k in the ascending sequence?"""
    at = bisect_left(ascending, k)
    return at < len(ascending) and ascending[at] == k


EXTRA_RARE_KEYS = 1         # keys counted past the fewest a holder must share: each drops more sentences that cannot hold enough


def _candidates(keys: frozenset[str], need: float, index: dict[str, list[int]]) -> list[int]:
    """The sentences (in order) that may hold `need` of keys, by the index of keys to sentences.
    A sentence holding `need` of the keys lacks at most len(keys) - need of them, so of the
    m = len(keys) - need + 1 + t rarest keys it holds t + 1 or more: the postings of those few
    keys are counted ('information' is in half of a policy's sentences, and a long policy's
    sentences holding one rare word are thousands), and only sentences counted t + 1 times are
    read further. t = 0 is every sentence holding one of the rarest; the test is exact either
    way, so the sentences read are the same ones that can pass, in the same order."""
    least = math.ceil(need - 1e-9)
    t = max(0, min(EXTRA_RARE_KEYS, least - 1))
    rarest = sorted(keys, key=lambda x: (len(index.get(x, ())), x))[: len(keys) - least + 1 + t]
    if not t:
        return sorted({k for key in rarest for k in index.get(key, ())})
    counts: Counter[int] = Counter()
    for key in rarest:
        counts.update(index.get(key, ()))
    return sorted(k for k, n in counts.items() if n > t)


def _in_order(want: list[str], tokens: list[str]) -> bool:
    """Is want a run of tokens, with at most one other token between two of its words?"""
    for start, tok in enumerate(tokens):
        if tok != want[0]:
            continue
        at, ok = start, True
        for w in want[1:]:
            if at + 1 < len(tokens) and tokens[at + 1] == w:
                at += 1
            elif at + 2 < len(tokens) and tokens[at + 2] == w:
                at += 2
            else:
                ok = False
                break
        if ok:
            return True
    return False


_CLAUSE_BREAK_RE = re.compile(r"[;:]\s+|,\s+(?=(?:but|however|although|though|while|whereas|except)\b)")


def _clauses(sentence: str) -> list[str]:
    parts = _CLAUSE_BREAK_RE.split(sentence)
    return parts if len(parts) > 1 else []


STRETCH_BEFORE = 5          # words before a stretch that may still negate it ('will not, in any case, sell')


def _stretch(holder: str, want: Sign, keys: frozenset[str], need: float, stemmed: bool) -> str:
    """The shortest stretch of holder that holds need of the keys, from a few words before it,
    when it has the claim's numbers and, like the claim, no negation while the rest of holder
    negates something else, never sets a condition ('Where the issue is more substantive in nature,
    more information is sought from the customer if necessary and if not the matter is escalated
    …' holds 'more information may be sought from you' before its 'not'); '' when none does."""
    if want.polarity or not set(sign(holder).polarity) <= {"not", "no"}:
        return ""
    low = holder.lower().replace("\u2019", "'")
    spans = [(m.start(), m.end(), w) for m in _WORD_RE.finditer(low) if (w := m.group(0).strip("'-"))]
    toks = [_stem(w) if stemmed else w for _, _, w in spans]
    best: tuple[int, int] | None = None
    counts: dict[str, int] = {}
    lo = 0
    for hi, tok in enumerate(toks):
        if tok in keys:
            counts[tok] = counts.get(tok, 0) + 1
        while len(counts) >= need:
            if best is None or hi - lo < best[1] - best[0]:
                best = (lo, hi)
            out = toks[lo]
            if out in counts:
                counts[out] -= 1
                if not counts[out]:
                    del counts[out]
            lo += 1
    if best is None:
        return ""
    text = holder[spans[max(0, best[0] - STRETCH_BEFORE)][0]:spans[best[1]][1]]
    got = sign(text)
    return text if got.polarity == want.polarity and set(want.numbers) <= set(got.numbers) else ""


def _fits(other: Sign, want: Sign, keys: frozenset[str], need: float, stemmed: bool) -> bool:
    return (len(keys & (other.stems if stemmed else other.words)) >= need and other.polarity == want.polarity
            and set(want.numbers) <= set(other.numbers))


@lru_cache(maxsize=4)
def _indexed(sentences: tuple[str, ...]) -> tuple[list[Sign], dict[str, list[int]], dict[str, list[int]]]:
    """The signs of a version's sentences and the sentences of each word and stem, built once
    per version (the next pair of a history has it on the other side) and only read after."""
    signs = [sign(t) for t in sentences]
    return (signs, *_postings(signs))


def _joined_sign(a: Sign, b: Sign) -> Sign:
    """The sign of two consecutive sentences read as one: the union of their signs."""
    return Sign(a.words | b.words, a.stems | b.stems, tuple(sorted(set(a.polarity) | set(b.polarity))),
                tuple(sorted(set(a.numbers) | set(b.numbers))))


def _joined_signs(signs: Sequence[Sign]) -> list[Sign]:
    """The sign of each two consecutive sentences as one text (nothing is read twice)."""
    return [_joined_sign(a, b) for a, b in zip(signs, signs[1:])]


class _JoinedSigns(Sequence[Sign]):
    """_joined_signs(signs), each made on first use: a claim check reads the joined signs of the
    few sentences its postings point to, never all of a long policy's."""

    def __init__(self, signs: Sequence[Sign]) -> None:
        self.signs = signs
        self.made: dict[int, Sign] = {}

    def __len__(self) -> int:
        return max(0, len(self.signs) - 1)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None     # type: ignore[assignment]     # equal to a list, so unhashable like one

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return [self[i] for i in range(len(self))[k]]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        got = self.made.get(k)
        if got is None:
            got = self.made[k] = _joined_sign(self.signs[k], self.signs[k + 1])
        return got


class _JoinedPostings(dict[str, list[int]]):
    """_postings(_joined_signs(signs)) read off the postings of the sentences themselves, key by
    key on first use: joined text k holds a key when sentence k or k + 1 does, so its postings are
    those of the key and each one less, within 0..last (ascending, each once, as _postings builds
    them; a key no joined text holds is missing). A full view (items, iteration) makes them all."""

    def __init__(self, base: dict[str, list[int]], last: int) -> None:
        super().__init__()
        self.base = base
        self.last = last
        self.full = False

    def _made(self, key: str) -> list[int]:
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        ks = self.base.get(key, ())
        got = sorted({k for k in ks if k <= self.last} | {k - 1 for k in ks if 1 <= k <= self.last + 1})
        if got:
            dict.__setitem__(self, key, got)
        return got

    def get(self, key: str, default: Any = None) -> Any:
        return self._made(key) or default

    def _fill(self) -> None:
        if not self.full:
            for key in self.base:
                self._made(key)
            self.full = True

    def __eq__(self, other: object) -> bool:
        self._fill()
        return dict.__eq__(self, other)

    __hash__ = None

    def __getitem__(self, key: str) -> list[int]:
        got = self._made(key)
        if not got:
            raise KeyError(key)
        return got

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self._made(key))

    def __iter__(self) -> Any:
        self._fill()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._fill()
        return dict.__len__(self)

    def items(self) -> Any:
        self._fill()
        return dict.items(self)

    def keys(self) -> Any:
        self._fill()
        return dict.keys(self)

    def values(self) -> Any:
        self._fill()
        return dict.values(self)


def _postings(signs: Sequence[Sign]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The sentences of each word and of each stem."""
    by_word: defaultdict[str, list[int]] = defaultdict(list)
    by_stem: defaultdict[str, list[int]] = defaultdict(list)
    for k, s in enumerate(signs):
        for w in s.words:
            by_word[w].append(k)
        for st in s.stems:
            by_stem[st].append(k)
    return dict(by_word), dict(by_stem)     # plain dicts: a lookup of a missing word adds nothing


def _tokens(text: str, stemmed: bool) -> list[str]:
    words = (w.strip("'-") for w in _WORD_RE.findall(text.lower().replace("\u2019", "'")))
    return [_stem(w) if stemmed else w for w in words]


def _close_together(text: str, holder: str, keys: frozenset[str], need: float, stemmed: bool) -> bool:
    """Are enough of text's words found within a stretch of holder twice text's length? A long
    run of glued paragraphs holds a short sentence only where its words stand together, not
    scattered over the run."""
    span = 2 * len(_tokens(text, False))
    tokens = _tokens(holder, stemmed)
    if len(tokens) <= span:
        return True
    counts: dict[str, int] = {}
    present = 0
    for i, tok in enumerate(tokens):
        if tok in keys:
            counts[tok] = counts.get(tok, 0) + 1
            present += counts[tok] == 1
        if i >= span:
            old = tokens[i - span]
            if old in keys:
                counts[old] -= 1
                present -= counts[old] == 0
        if present >= need:
            return True
    return False


# statements that call a reworded sentence's protection new or gone: the rewording may only have
# unglued a heading ('Outside WalmartWalmart does not sell …') or moved a clause
NEW_CLAIMS = frozenset({"no-sale-promise", "consent-required", "right-added", "promise-added"})
# statements that say one value replaced another in a practice both sides state ('You can now complain to
# the Estonian Data Protection Inspectorate (was: the Irish Data Protection Commission)')
SAID_CHANGED = frozenset({"value-changed"})
GONE_CLAIMS = frozenset({"promise-withdrawn", "right-removed"})


def _claims(c: Change, impact: str) -> tuple[str, str] | None:
    """(the sentence a statement on change c calls new or gone, the side to look in)."""
    if c.new and (c.kind == "added" or (c.kind == "reworded" and impact in NEW_CLAIMS)):
        return c.new, "old"
    if c.old and (c.kind == "removed" or (c.kind == "reworded" and impact in GONE_CLAIMS)):
        return c.old, "new"
    return None


def still_there(s: Statement, changes: Sequence[Change], sides: dict[str, Side],
                kind_of: Callable[[str], Callable[[str], bool] | None],
                given: dict[str, Callable[[str], bool]] | None = None, owner: str = "") -> bool:
    """Is every sentence s calls new (gone) still found in the old (new) text? A right is also
    still there when given[side] finds what it gives in that side's text as a whole (a right
    to access, correct and copy restated as three list items)."""
    if s.impact in SAID_CHANGED and s.old and s.new:
        return False                # 'X (was: Y)' calls neither sentence new or gone: the other side still giving its right is the claim
    claims = [_claims(changes[k], s.impact) for k in s.changes]
    if not claims or any(c is None for c in claims):
        return False
    for text, where in (c for c in claims if c is not None):
        # the clause the statement quotes is what it says is new (gone), when it rests on one sentence
        quoted = (s.old if where == "new" else s.new) if len(s.changes) == 1 else None
        own = sides["old" if where == "new" else "new"]
        if not any(_held(t, s.impact, sides[where], kind_of, given.get(where) if given else None, where == "new", own,
                         owner)
                   for t in (text, quoted) if t):
            return False
    return True


def _held(text: str, impact: str, side: Side, kind_of: Callable[[str], Callable[[str], bool] | None],
          given: Callable[[str], bool] | None, quoted_gone: bool = False, own: "Side | None" = None,
          owner: str = "") -> bool:
    """Does side state text, as the same sentence or (by impact) the same protection, sharing
    or right in other words? A right or choice is also stated when side gives the same act on
    the same object in a sentence own (the claim's side) no longer writes, or through the same
    recourse or named tool (sameact.reworded_right)."""
    from tracker.changes.restated import (control_given, control_still_given, introduces_old_example, named_member, other_form,
                                          pointed_right, renamed_pointer, same_commitment, same_control, same_lead_in,
                                          same_pointer, without_examples)
    from tracker.changes.retained import same_keeping
    from tracker.changes.sameact import reworded_right
    from tracker.changes.samepromise import each_promise_made, same_promise
    kind = kind_of(text) if impact in PROTECTIONS else None
    return (side.holds(text, kind=kind)
            or kind is not None and side.holds(text, SAME_PRACTICE, stemmed=True, kind=kind)
            or kind is not None and side.holds(text, SAME_PROTECTION, stemmed=True,
                                               kind=same_protection(text, kind, side.common()))
            or kind is not None and side.contains(text, kind)
            or impact in RIGHTS and kind is not None and side.holds(text, SAME_PRACTICE, stemmed=True,
                                                                   kind=lambda h: bool(_IF_YOU_ASK_RE.search(h)))
            or impact in RIGHTS and kind is not None and same_means(text, side, kind)
            or impact in RIGHTS and kind is not None and pointed_right(text, side, kind)
            or impact in RIGHTS and same_control(text, side)
            or impact in RIGHTS and control_given(text, side)
            or control_still_given(text, side)
            or impact in COMMITMENTS and kind is not None and same_commitment(text, side, kind)
            or impact in COMMITMENTS and kind is not None and same_promise(text, side, kind, owner)
            or impact in COMMITMENTS and kind is not None and each_promise_made(text, side, kind, owner)
            or (impact in RIGHTS or impact in QUOTED and quoted_gone) and other_form(text, side)
            or impact in SHARING and side.holds(text, SAME_SHARING, stemmed=True, kind=same_sharing(text))
            or impact in SHARING and quoted_gone and named_member(text, side)
            or impact in QUOTED and quoted_gone and any(
                side.holds(t, SAME_QUOTE, stemmed=True, kind=nothing_new(t, side.common())) for t in without_examples(text))
            or impact in QUOTED and not quoted_gone and own is not None and moved_here(text, side, own)
            # a lead that makes a promise or gives a right is news of its own, whatever example follows it
            or impact in QUOTED and not quoted_gone and own is not None and kind_of(text) is None
            and introduces_old_example(text, side, own)
            # in two sentences only a claim without negation or condition: 'not' or 'except' in
            # one of them may belong to another practice than the claim's
            or impact in QUOTED and quoted_gone and not sign(text).polarity and (
                side.joined().holds(text, SAME_QUOTE, stemmed=True, kind=nothing_new(text, side.common())))
            or impact in QUOTED and quoted_gone and same_pointer(text, side)
            or impact in QUOTED and quoted_gone and same_lead_in(text, side)
            or (impact in QUOTED or impact == "pointer") and quoted_gone and renamed_pointer(text, side, own)
            or (impact in QUOTED or impact in SHARING) and transfer_said(text, side)
            # a short rule said gone that the new text says of its subject by another name
            # ('This Site and Application are not directed to children under 13' <- 'Pinterest is …')
            or quoted_gone and impact not in PROTECTIONS and impact not in SHARING and _predicate_said(text, side)
            or impact == "promise-withdrawn" and kind is not None and quoted_gone and narrowed(text, side, kind)
            or given is not None and given(text)
            or impact in SAME_ACT_CLAIMS and reworded_right(text, side, own)
            or impact in RETENTION_CLAIMS and same_keeping(text, side))


def moved_here(claim: str, old: Side, new: Side) -> bool:
    """Is a sentence quoted as new one the old text wrote elsewhere and the new text no longer
    writes there: a sentence of the old side with most of the claim's words and every one but the
    company's name ('we' -> 'Acme'), that the new side does not hold? A sentence moved to another
    section and lightly reworded ('we' -> the company, a name for 'our') leaves its old copy
    behind as removed; it is no news. An old sentence the new text still holds is another
    sentence beside which the claim was added, and proves nothing."""
    from tracker.changes.restated import without_examples
    common = old.common()

    def moved_from(holder: str) -> bool:
        have = set(_tokens(holder, True))
        lacking = [w for w in _tokens(claim, False) if w not in _STOP and w not in common and _stem(w) not in have]
        return not lacking and not new.holds(holder)     # an added clause ('for a limited time') is news
    return any(old.holds(t, SAME_MOVED, stemmed=True, kind=moved_from) for t in without_examples(claim))


# a business transfer: data passed on when the company is sold, merged or reorganised ('personal
# information may be transferred to a third party as a result of a sale, acquisition, merger …')
_BUSINESS_EVENT_RE = re.compile(r"(?i)\b(?:mergers?|acquisitions?|acquired|reorgani[sz]ations?|bankruptcy|insolvency|"
                                r"divestitures?|change (?:of|in) (?:control|ownership)|sale of (?:all |substantially all |"
                                r"some |part |a portion |any )?(?:of )?(?:its |our |the |their )?(?:\w+ )?(?:assets|business|"
                                r"company|stock))\b")
_PASSED_ON_RE = re.compile(r"(?i)\b(?:transfer\w*|disclos\w*|shar(?:e|es|ed|ing)|sold|sell\w*|assign\w*|passed)\b")
_DATA_WORD_RE = re.compile(r"(?i)\b(?:information|data)\b")
_BUSINESS_WORDS = ("merg", "acqui", "reorgani", "bankrupt", "insolven", "divest", "control", "ownership", "sale of")


def business_transfer(text: str) -> bool:
    """Does the sentence say data passes to another when the company is sold, merged or
    reorganised (_BUSINESS_EVENT_RE, a verb of passing data on and the data)?"""
    low = text.lower()
    return any(w in low for w in _BUSINESS_WORDS) and bool(
        _BUSINESS_EVENT_RE.search(text) and _PASSED_ON_RE.search(text) and _DATA_WORD_RE.search(text))


def transfer_said(claim: str, side: Side) -> bool:
    """Is a business transfer said new (gone) given by a business transfer of side, with the same
    negations, lacking nothing news-bearing but the events it lists ('… as a result of a sale,
    acquisition, merger, reorganization or other transfer involving Fitbit' <- 'in the event of a
    reorganization, merger, or sale we may transfer any and all personal information we collect to
    the relevant third party')? Which events a policy lists is no news: the practice is the same."""
    if not business_transfer(claim):
        return False
    polarity = sign(claim).polarity
    lacks_no_news = nothing_new(_BUSINESS_EVENT_RE.sub(" ", claim), side.common())
    return any(sign(h).polarity == polarity and lacks_no_news(h) for h in side.having("business_transfer", business_transfer))


# a right given as what follows when the user acts ('If you enable a browser-based opt-out preference signal …,
# we will treat the signal as a valid request to opt out'): the same right as 'You may exercise your opt out
# rights by enabling …', in a sentence no right pattern reads as one
_IF_YOU_ASK_RE = re.compile(r"(?i)\bif you (?:enable|turn on|use|set|send|submit|select|click|choose to)\b[^.;]*?"
                            r"\b(?:opt(?:[- ]?out| out)|requests?|objects?|withdraw\w*)\b")


# statements whose sentence may give the user a right or a choice, said new or gone: a rewording of
# the same act on the same object (sameact.same_act) refutes them; a promise or sharing is judged by its own rules
SAME_ACT_CLAIMS = RIGHTS | QUOTED | {"named-party"}
# a rule of keeping data said new or dropped: the same data kept as long on the other side refutes it (retained.same_keeping)
RETENTION_CLAIMS = frozenset({"retention-changed", "retention-stated"})


SAME_NARROWED = 0.6         # share of a withdrawn promise's stemmed words in its restatement with an exception
_EXCEPTION_RE = re.compile(r"(?i)\b(?:without|unless|except|only)\b")
_EXCEPTION_STEMS = frozenset({"without", "unless", "except", "only"})


NEGATED_REACH = 6          # words after a negation that still name what it negates ('not sell, license or share')
_NEGATED_RE = re.compile(rf"(?i)(?:\bnot\b|\bnever\b|n't\b)((?:\W+[\w'-]+){{1,{NEGATED_REACH}}})")


def _negated_acts(text: str) -> set[str]:
    """The acts a promise negates ('We do not sell or share information obtained online' ->
    sell, share; not 'obtain', which only says which data): all its acts when none follows a
    negation closely."""
    near = {a for m in _NEGATED_RE.finditer(text) for a in _acts(m.group(1))}
    return near or _acts(text)


def narrowed(claim: str, side: Side, kind: Callable[[str], bool]) -> bool:
    """Is a promise said withdrawn made on side with an exception added (narrowed_in)?"""
    return narrowed_in(claim, side, kind) is not None


def narrowed_in(claim: str, side: Side, kind: Callable[[str], bool]) -> str | None:
    """Does side restate a promise said withdrawn with an exception added ('does not share your
    personal information with other companies for their promotional use' -> 'We do not share your
    personal information with anyone outside of Intuit for their promotional or marketing use
    without your consent')? The promise was narrowed, not withdrawn: the same negated act, in a
    promise, most of its words, and a condition the claim did not have."""
    want = sign(one_act(claim))
    acts = _negated_acts(one_act(claim))
    if want.polarity != ("not",) or not acts or _EXCEPTION_RE.search(claim) or len(want.stems) < MIN_WORDS:
        return None
    signs = side._index()
    need = SAME_NARROWED * len(want.stems)
    for k in _narrowed_pool(want.stems, side, need):
        holder = side.sentences[k]
        other = sign(one_act(holder)) if k in side.disclosing() else signs[k]
        if len(want.stems & (other.stems - _EXCEPTION_STEMS)) < need or not set(want.numbers) <= set(other.numbers):
            continue
        if ("not" in other.polarity or other.polarity == ("only",)) and _EXCEPTION_RE.search(holder) and kind(holder) \
                and acts <= _acts(one_act(holder)) and _close_together(one_act(claim), one_act(holder), want.stems, need, True):
            return holder
    return None


def _narrowed_pool(stems: frozenset[str], side: Side, need: float) -> list[int]:
    """The sentences of side, in order, that may hold need of stems besides the exception
    words: counted in the stems' postings (a sentence's sign holds a stem exactly when the
    stem's postings list it), and every sentence one_act reads otherwise than its sign."""
    signs = side._index()
    hits: Counter[int] = Counter()
    for st in stems - _EXCEPTION_STEMS:
        hits.update(side._by_stem.get(st, ()))
    rewritten = {k for k in side.disclosing() if not stems.isdisjoint(signs[k].stems)}
    return sorted({k for k, n in hits.items() if n >= need} | rewritten)


def said_before(old: "Side", new: "Side | None" = None, owner: str = "") -> Callable[[str], bool]:
    """Does the old side write an added sentence's practice already, in other words
    (SAID_BEFORE), state the same act on the same kind of data with other verbs and nouns
    (samepractice.practice_said), give the control the sentence gives and nothing else
    (restated.control_still_given), or (given the new side) give the same act on the same object in
    a sentence the new side no longer writes (sameact.reworded_right)? Then the sentence is no news
    a statement may call new."""
    from tracker.changes.digests import rights_given_before
    from tracker.changes.restated import control_still_given
    from tracker.changes.sameact import reworded_right
    from tracker.changes.samepractice import practice_said

    def test(text: str) -> bool:
        return bool(text) and (old.holds(text, SAID_BEFORE, stemmed=True)
                               or old.joined().holds(text, SAID_BEFORE_JOINED, stemmed=True)
                               or _short_said_before(text, old)
                               or rights_given_before(text, old.sentences)
                               or practice_said(text, old, owner)
                               or control_still_given(text, old)
                               or new is not None and reworded_right(text, old, new))
    return test


# a short sentence's subject, up to its verb: 'This Service is', 'Acme does', 'Our apps will'
_SUBJECT_RE = re.compile(r"(?i)^[^,;:]{0,40}?\b(?:is|are|was|were|does|do|did|will|shall|may|can|must|has|have)\b")
MIN_PREDICATE = 2           # content words a short sentence's predicate needs to be recognised by


def _short_said_before(text: str, old: Side) -> bool:
    """Is a sentence too short for holds() (fewer than MIN_WORDS content words) but marked by a
    negation or a number said before, whatever it calls its subject ('This Service is not
    directed to children under 13' <- 'This Site and Application are not directed to children
    under 13')? Without a subject read, all its words are the predicate."""
    return len(sign(text).stems) < MIN_WORDS and _predicate_said(text, old, subject_needed=False)


def _predicate_said(text: str, side: Side, subject_needed: bool = True) -> bool:
    """Is a rule marked by a negation or a number said in one sentence of side, predicate whole
    (with the same negations and numbers), whatever it calls its subject ('This Site and
    Application are not directed to children under 13' -> 'Pinterest is not …')?"""
    want = sign(text)
    m = _SUBJECT_RE.match(text)
    if (subject_needed and not m) or not (want.polarity or want.numbers):
        return False
    stems = sign(text[m.end():]).stems if m else want.stems
    if len(stems) < MIN_PREDICATE:
        return False
    signs = side._index()
    pool = holding_all([side._by_stem.get(st, ()) for st in stems])
    return any(signs[k].polarity == want.polarity and set(want.numbers) <= set(signs[k].numbers) for k in pool)


MIN_VERBATIM = 8            # words a sentence needs to be recognised, as written, in a whole page
_NON_WORDS_RE = re.compile(r"[\W_]+")


def _flat(text: str) -> str:
    """text in lower case, every run of other characters than letters and digits one space."""
    return f" {_NON_WORDS_RE.sub(' ', text.lower()).strip()} "


# a page flattened once per side of a comparison (and its neighbour in a history): kept apart
# from the sentences, which would otherwise evict the pages and have each 1 MB page flattened
# again for every sentence asked about
_flat_page = lru_cache(maxsize=4)(_flat)


def verbatim(text: str, page: str) -> bool:
    """Is a sentence of MIN_VERBATIM words or more written word for word in page, the other
    version's whole text (a sentence segmentation left out, glued to a menu or a glossary
    heading: 'Sensor data from your deviceYour device may have sensors …')? What a page still
    says word for word it neither added nor dropped."""
    flat = _flat(text).strip()
    # its first word may be glued to a heading before it ('deviceYour'): no word boundary asked there
    return len(flat.split()) >= MIN_VERBATIM and f"{flat} " in _flat_page(page)


# share of a sentence said new (gone) found in an unpaired removed (added) one: its own words,
# never the other's, as a sentence that grew a clause ('… and you authorize us to collect, store
# and use any and all information') holds all of the old one and is still news
REWORDED_PAIR = 0.55


def _overlap(a: Sign, b: Sign) -> float:
    """The share of a's stems that b holds."""
    return len(a.stems & b.stems) / max(1, len(a.stems))


def by_kind_and_section(changes: Sequence[Change]) -> dict[tuple[str, str], list[int]]:
    """The indexes of the changes of each (kind, section), in order: built once per comparison,
    so finding a change's counterpart reads its own section only, not every change (quadratic
    in the changes of a long rewrite)."""
    groups: dict[tuple[str, str], list[int]] = {}
    for j, d in enumerate(changes):
        groups.setdefault((d.kind, d.section), []).append(j)
    return groups


def _counterpart(k: int, changes: Sequence[Change],
                 groups: dict[tuple[str, str], list[int]] | None = None) -> int | None:
    """The removed (added) sentence of the same section most like added (removed) change k, by
    shared stems, or None when there is none. groups: by_kind_and_section(changes), when the
    caller has it."""
    c = changes[k]
    other_kind = "removed" if c.kind == "added" else "added"
    want = sign((c.new if c.kind == "added" else c.old) or "")
    best, best_share = None, 0.0
    candidates = (groups if groups is not None else by_kind_and_section(changes)).get((other_kind, c.section), [])
    for j in candidates:
        d = changes[j]
        share = _overlap(want, sign((d.new if d.kind == "added" else d.old) or ""))
        if share > best_share:
            best, best_share = j, share
    return best


def reworded_pair(s: Statement, changes: Sequence[Change],
                  groups: dict[tuple[str, str], list[int]] | None = None) -> bool:
    """Is a quoted sentence said new (gone) one half of a rewording the alignment left unpaired:
    its closest counterpart, a removed (added) sentence of the same section, holds most of its
    words (REWORDED_PAIR), with the same negations and numbers ('If you are a user in the EEA and
    have a question or a complaint about Pinterest and Privacy Shield, please contact us' said
    gone, 'EEA individuals with inquiries or complaints regarding our Privacy Shield policy should
    first contact us here' added)? Read the other way round too (_like_for_like): the added half
    of that pair is as much a rewording as the removed half. The sentence was reworded: neither
    new nor gone."""
    if s.impact not in QUOTED or len(s.changes) != 1 or changes[s.changes[0]].kind not in ("added", "removed"):
        return False
    k = s.changes[0]
    j = _counterpart(k, changes, groups)
    if j is None:
        return False
    texts = [(c.new if c.kind == "added" else c.old) or "" for c in (changes[k], changes[j])]
    a, b = (sign(t) for t in texts)
    return min(len(a.stems), len(b.stems)) >= MIN_WORDS and a.polarity == b.polarity and a.numbers == b.numbers \
        and (_overlap(a, b) >= REWORDED_PAIR or _like_for_like(a, b, *texts))


# share of a claim's own words its counterpart must still hold when the pair is read the other way round
# (the counterpart's words mostly in the claim): below it, the two sentences say different things
MUTUAL_FLOOR = 0.4
# content words a claim may bring beyond those its counterpart brings for the pair to be one sentence
# said in other words ('individuals with inquiries' for 'a user … with a question'), not the old
# sentence grown by a clause ('… and sensitive data is protected by SSL encryption when …')
GROWTH = 2
# a name in a sentence: a capitalised word not opening it ('Privacy Shield', 'TRUSTe')
_NAME_WORD_RE = re.compile(r"(?<=[\w,;:)] )[A-Z][\w'-]+")


def _like_for_like(a: Sign, b: Sign, claim: str, counterpart: str) -> bool:
    """Is a sentence said new (gone), read against its counterpart, the same sentence in other
    words, seen from the counterpart's side: most of the counterpart's words in the claim
    (REWORDED_PAIR), MUTUAL_FLOOR of the claim's in the counterpart, the claim no longer by more
    than GROWTH content words than the counterpart's own rewording, and no name the counterpart
    lacks? 'EEA individuals with inquiries or complaints regarding our Privacy Shield policy should
    first contact us here' rewords 'If you are a user in the EEA and have a question or a complaint
    about Pinterest and Privacy Shield, please contact us' as much as the old one rewords it."""
    if _overlap(b, a) < REWORDED_PAIR or _overlap(a, b) < MUTUAL_FLOOR:
        return False
    if len(a.stems - b.stems) > len(b.stems - a.stems) + GROWTH:
        return False
    low = counterpart.lower()
    return all(n.lower() in low for n in _NAME_WORD_RE.findall(claim))


def translated(s: Statement, changes: Sequence[Change], groups: dict[tuple[str, str], list[int]]) -> bool:
    """Is every sentence s calls new (gone) the translation of one its section dropped (added)
    (languages.translated_pair)? A sentence brought into the policy's language says what the
    other language said: neither new nor gone."""
    from tracker.changes.languages import translated_pair
    if not s.changes or any(changes[k].kind not in ("added", "removed") for k in s.changes):
        return False
    for k in s.changes:
        c = changes[k]
        other_kind = "removed" if c.kind == "added" else "added"
        others = [(changes[j].old if other_kind == "removed" else changes[j].new) or ""
                  for j in groups.get((other_kind, c.section), [])]
        if not translated_pair((c.new if c.kind == "added" else c.old) or "", others):
            return False
    return True


def _verbatim_there(s: Statement, changes: Sequence[Change], pages: dict[str, str]) -> bool:
    """Is every sentence s calls new (gone) written word for word in the old (new) page?"""
    claims = [_claims(changes[k], s.impact) for k in s.changes]
    return bool(claims) and all(c is not None and verbatim(c[0], pages[c[1]]) for c in claims)


def corroborated(statements: list[Statement], changes: Sequence[Change], old_sentences: Sequence[str],
                 new_sentences: Sequence[str], kind_of: Callable[[str], Callable[[str], bool] | None],
                 given: dict[str, Callable[[str], bool]] | None = None, owner: str = "",
                 sides: "dict[str, Side] | None" = None, pages: dict[str, str] | None = None) -> list[Statement]:
    """The statements whose claims the texts do not contradict (see the module docstring), a
    claim the other side restates with another period or an exception said as that change.

    kind_of(sentence) gives the test a restatement must pass to be the same kind of protection
    (a promise for a promise, a right for a right), or None when the sentence is neither;
    given[side](sentence) tells a right or control said new (gone) that the old (new) side gives
    across sentences of its own (statements.right_given); pages[side], that side's whole text,
    refutes a claim whose sentence it still writes word for word (verbatim)."""
    sides = sides or {"old": Side(old_sentences), "new": Side(new_sentences)}
    restated = {k: r for k, s in enumerate(statements)
                if (r := _restated(s, changes, sides, old_sentences, new_sentences, kind_of, owner, pages)) is not None}
    groups = by_kind_and_section(changes)
    # a rule of keeping paired with its other half (retained.kept_otherwise): no other statement
    # tells either half alone as new or gone
    paired = {j for r in restated.values() if r.impact in RETENTION_CLAIMS and len(r.changes) > 1 for j in r.changes}
    refuted = {s.changes for k, s in enumerate(statements)
               if k not in restated and s.changes and set(s.changes) <= paired}
    refuted |= {s.changes for k, s in enumerate(statements)
               if k not in restated and (still_there(s, changes, sides, kind_of, given, owner) or reworded_pair(s, changes, groups)
                                         or pages is not None and _verbatim_there(s, changes, pages)
                                         or translated(s, changes, groups))}
    # a sentence whose news is refuted is not news in any other reading either
    # ('Adds: …', 'Walmart does not sell …' as a reworded practice)
    return [restated.get(k, s) for k, s in enumerate(statements) if s.changes not in refuted or k in restated]


def _restated(s: Statement, changes: Sequence[Change], sides: dict[str, Side], old_sentences: Sequence[str],
              new_sentences: Sequence[str], kind_of: Callable[[str], Callable[[str], bool] | None],
              owner: str, pages: dict[str, str] | None = None) -> Statement | None:
    """s said as the change it is when the other side restates its claim with another period or
    with an exception added (tracker.changes.restated), else None."""
    from tracker.changes.restated import narrowed_new_promise, narrowed_statement, retention_restated, value_restated
    if len(s.changes) != 1:
        return None
    c = changes[s.changes[0]]
    if s.impact == "promise-withdrawn" and c.kind == "removed" and c.old:
        kind = kind_of(c.old)
        holder = narrowed_in(c.old, sides["new"], kind) if kind is not None else None
        return narrowed_statement(s, holder, owner) if holder else None
    from tracker.changes.retained import kept_otherwise, period_quote
    return retention_restated(s, c, old_sentences, new_sentences, lambda side, t: sides[side].holds(t)) \
        or kept_otherwise(s, c, sides, period_quote(owner, pages or {}), pages, changes) \
        or value_restated(s, c, sides, owner) or narrowed_new_promise(s, c, sides, kind_of, owner)


# a control the user switches off, as a setting says it: 'you can uncheck the Promoted Content setting'
_SWITCH_RE = re.compile(r"(?i)\byou (?:can|may)(?: also| always)? (?:uncheck|untick|deselect|switch off|turn off)\b")
_NEGATED_ACT_RE = re.compile(r"(?i)\b(?:does|do|will|shall|would)(?: not|n't) (?!have\b|be\b)[a-z]{3,}|\bnever [a-z]{3,}")


def protection_kinds(owner_promise: Callable[[str], bool]) -> Callable[[str], Callable[[str], bool] | None]:
    """kind_of for corroborated(): a right is restated by a right, a promise or consent step by a
    promise or consent step. owner_promise tells a promise in the company's words."""
    from tracker.changes.rules.rights import _ANY_RIGHT_RE
    from tracker.changes.rules.common import _CONSENT_RE, _RIGHT_RE
    from tracker.changes.rules.promises import _PASSIVE_PROMISE_RE, _UNABLE_RE, limited_use

    def right(t: str) -> bool:
        return bool(_RIGHT_RE.search(t) or _ANY_RIGHT_RE.search(t) or _SWITCH_RE.search(t))

    def promise(t: str) -> bool:
        # 'Reddit uses … and does not store …': a negated act whose subject stands far before it
        return owner_promise(t) or bool(_PASSIVE_PROMISE_RE.search(t) or _CONSENT_RE.search(t) or limited_use(t)
                                        or _NEGATED_ACT_RE.search(t) and not _UNABLE_RE.search(t))

    def kind_of(text: str) -> Callable[[str], bool] | None:
        return right if right(text) else promise if promise(text) else None
    return kind_of


# what is news when a sharing sentence lacks it: who gets the data, for what, and which data
_NEWS_RE = re.compile(r"(?i)\b(?:third|part(?:y|ies|ners?)|advertis\w*|affiliat\w*|subsidiar\w*|vendors?|processors?|"
                      r"providers?|compan(?:y|ies)|government\w*|law|enforcement|authorit\w*|public\w*|developers?|"
                      r"researchers?|sponsors?|publishers?|brokers?|insurers?|banks?|employers?|buyers?|acquirer\w*|"
                      r"market\w*|analytic\w*|sell\w*|sale|sold|rent\w*|profil\w*|research\w*|locat\w*|precise|health\w*|"
                      r"medical|biometric\w*|genetic|financ\w*|credit|brows\w*|search\w*|contacts?|messages?|"
                      r"photos?|voice|face|facial|identifiers?|purchases?|payment\w*|cookies?|combin\w*|"
                      r"identif\w*|aggregat\w*|anonym\w*|social|sensitive|interests?|demographic\w*|"
                      # and the user's say in it: a control or a notice is news too
                      r"consent\w*|revok\w*|opt|opt-\w+|withdraw\w*|notif\w*|notice|choos\w*|choices?|permission\w*|"
                      # whom it protects, how long and how many: a claim's numbers in words are news
                      r"child\w*|minors?|kids?|teens?|parent\w*|days?|weeks?|months?|years?|hours?|one|two|three|four|"
                      r"five|six|seven|eight|nine|ten|eleven|twelve|thirty|sixty|ninety|hundred|never|always|"
                      r"all|every|any)\b")
_KIND_OF_DATA_RE = re.compile(r"(?i)\b([a-z][a-z-]+) (?:information|data|details|content|records)\b")
_GENERIC_DATA = frozenset(("this", "that", "such", "the", "your", "their", "our", "its", "his", "her", "some", "any", "all",
                           "certain", "other", "more", "additional", "personal", "of", "about", "share", "shares",
                           "shared", "sharing", "disclose", "receive", "receives", "collect", "collects", "use", "uses",
                           "provide", "provides", "obtain", "obtains", "get", "gets", "and", "or", "with", "customer",
                           "user", "account", "consumer", "customer", "such",
                           # verbs before 'information' ('collect and retain information'), no kind of it
                           "retain", "retains", "store", "stores", "keep", "keeps", "process", "processes", "transfer",
                           "transfers", "access", "request", "delete", "update", "correct", "sell", "sells", "rent",
                           "submit", "send", "sends", "give", "gives", "gather", "gathers", "record", "records",
                           "combine", "combines", "review", "edit", "change", "remove", "protect", "protects"))
# one recipient under its other names
_FAMILY_RE = re.compile(r"(?i)\b(?:corporate family|family of companies|group compan\w+|subsidiar\w+|affiliat\w+|"
                        r"businesses within)\b")


def same_protection(claim: str, kind: Callable[[str], bool], common: frozenset[str] = frozenset()) -> Callable[[str], bool]:
    """The test a sentence of the other side must pass to state the promise or right a claim
    calls new or gone in fewer of its words: a protection of the same kind, lacking no recipient,
    purpose, kind of data, control, number or name, and giving every right the claim gives
    ('you can edit your preferences at any time' is held by '… provided that you can edit your
    marketing preferences at any time'; 'you can request deletion of your data' is not held by
    'you can request a copy of your data'). common: the words of the other side's company and
    service names (Side.common), no news a restatement must repeat ('Depending on where you live
    and the Hearst Service you have interacted with, you may exercise your right …' <- 'Depending
    on where you live, you may also exercise your right …')."""
    from tracker.changes.rules.rights import _RIGHT_OBJECT_RE
    lacks_no_news = _lacks_no_news(claim, share_verbs=False, common=common)
    # the right's own words, stemmed: 'correct your account information' is not 'update the photo'
    rights = {_stem(w.lower()) for w in _RIGHT_OBJECT_RE.findall(claim)}
    acts = _acts(claim)

    def test(holder: str) -> bool:
        return (kind(holder) and lacks_no_news(holder) and rights <= set(_tokens(holder, True))
                and acts <= _acts(holder))
    return test


_IRREGULAR_ACTS = {"sold": "sell", "kept": "keep", "gave": "give", "told": "tell"}


def _acts(text: str) -> set[str]:
    """What a sentence says is done with data, one key per verb ('sells', 'sold' and 'selling'
    as 'sell'): a promise not to collect is not restated by one not to send, whatever else
    the two share."""
    from tracker.changes.rules.common import _PRACTICE_RE
    found = (m.group(0).split()[0].lower() for m in _PRACTICE_RE.finditer(text))
    return {_IRREGULAR_ACTS.get(v, v)[:4] for v in found}


# a named tool, setting or page of two capitalised words or more ('Cisco Profile Management Tool',
# 'Limit Ad Tracking', 'Privacy Settings'), never the first word of the sentence
_MEANS_RE = re.compile(r"(?<=[a-z,] )(?:[A-Z][\w'-]+ (?:(?:of|and|&) )?)+[A-Z][\w'-]+")
# what a right lets the user do, one key per family: to stop or limit a use, or to see and fix their data
_CONTROL_FAMILY_RE = re.compile(r"(?i)\b(?:opt[- ]?out|opt (?:\w+ ){1,3}out|limit\w*|disabl\w*|turn\w* off|unsubscrib\w*|"
                                r"object\w*|restrict\w*|declin\w*|refus\w*|withdraw\w*|block\w*)\b")


# capitalised words a policy writes as defined terms, never the name of a tool or setting of its own
_NO_MEANS = frozenset("personal information data privacy policy notice statement service services site website sites "
                      "user users account terms".split())
_USER_CAN_RE = re.compile(r"(?i)\byou (?:can|may|could)\b")
_USER_CANNOT_RE = re.compile(r"(?i)\byou (?:can|may|could) (?:no longer|not)\b|\byou can't\b|\byou cannot\b")


def _right_families(text: str) -> set[str]:
    from tracker.changes.rules.rights import _right_objects
    found = {k for k in _right_objects(text) if k not in ("opt-o", "opt o", "optou", "unsub", "restr", "objec", "withd")}
    return found | ({"stop"} if _CONTROL_FAMILY_RE.search(text) else set())


def same_means(claim: str, side: Side, kind: Callable[[str], bool]) -> bool:
    """Does side give, through a tool or setting the claim names, a right of the same family
    ('you may opt out by selecting Limit Ad Tracking' -> 'you can choose to enable Limit Ad
    Tracking'; 'You can access and update your profile using the Cisco Profile Management Tool'
    <- 'you may make these updates yourself online via the Cisco Profile Management Tool')? The
    right was reworded around the same means, not added or withdrawn."""
    for name in _MEANS_RE.findall(claim):
        if {w.lower() for w in name.split()} <= _NO_MEANS:
            continue              # 'Personal Information' written as a defined term: no tool or setting
        # what the right does is read outside the name: 'Limit Ad Tracking' limits on both sides
        families = _right_families(claim.replace(name, " "))
        verb = _user_verb(claim)
        # the setting renamed around its words: 'the Personalization Setting' -> 'your Personalization
        # and Data settings'
        for holder in side.names(name) or side.names_like(name):
            if (kind(holder) or _USER_CAN_RE.search(holder)) and not _USER_CANNOT_RE.search(holder) \
                    and (families & _right_families(holder.replace(name, " "))
                         or not families and verb is not None and verb == _user_verb(holder)):
                return True
    return False


_USER_VERB_RE = re.compile(r"(?i)\byou (?:can|may)(?: also| always| still)? (?!not\b|also\b)([a-z]+)")


def _user_verb(text: str) -> str | None:
    """What the user can do, by its verb ('you can also control whether …' -> 'control')."""
    m = _USER_VERB_RE.search(text)
    return m.group(1).lower() if m else None


def nothing_new(claim: str, common: frozenset[str] = frozenset()) -> Callable[[str], bool]:
    """The test a sentence of the new side must pass to still say what a sentence quoted as gone
    said: every word of the claim it lacks is no recipient, purpose, kind of data, control,
    number or name ('Verizon obtains information from outside companies such as those that
    collect consumer information including demographic and interest data' is still said when the
    new sentence adds device type and city to it)."""
    return _lacks_no_news(claim, share_verbs=False, common=common)


def same_sharing(claim: str) -> Callable[[str], bool]:
    """The test a sentence of the other side must pass to state the sharing (or source) a
    claim calls new or gone: it shares or receives data, and every word of the claim it lacks
    is no recipient, purpose or kind of data, and no name ('This includes sharing your
    information with law enforcement officials …' holds 'Uber may also share information with
    law enforcement, or requests by third parties pursuant to legal processes'; 'its corporate
    affiliates like Sam's Club' is 'other businesses within our corporate family, such as Sam's
    Club')."""
    return _lacks_no_news(claim, share_verbs=True)


# the company's own discretion ('Google may also choose to use cookies'): how it words a practice,
# no choice of the user's, so no news when a restatement lacks it ('Google does this by storing …')
_DISCRETION_RE = re.compile(r"(?i)(?<!\byou )\b(?:may|might|can|could|will)(?: also)? (?:choose|elect|decide|opt) to\b")


def _lacks_no_news(claim: str, share_verbs: bool, common: frozenset[str] = frozenset()) -> Callable[[str], bool]:
    from tracker.changes.rules.common import _SHARE_RE, _SOURCE_RE
    words = _tokens(_DISCRETION_RE.sub(" may ", claim), False)
    first = words[0] if words else ""
    names = {w.lower() for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'-]+", claim)} - common
    # the kind of data the claim names ('demographic information', 'usage data') is news too
    kinds = {m.lower() for m in _KIND_OF_DATA_RE.findall(claim)} - _GENERIC_DATA

    def test(holder: str) -> bool:
        if share_verbs and not (_SHARE_RE.search(holder) or _SOURCE_RE.search(holder)):
            return False
        have = set(_tokens(holder, True))
        lacking = [w for w in words if _stem(w) not in have and w not in _STOP]
        if _FAMILY_RE.search(holder):
            lacking = [w for w in lacking if not _FAMILY_RE.search(w)]
        return not any(_NEWS_RE.fullmatch(w) or w in kinds or (w in names and w != first) for w in lacking)
    return test


# a page that shows a summary and sends the reader to the policy itself
_COMPLETE_RE = re.compile(r"(?i)\b(?:complete|full|entire|detailed)\b[^.]{0,40}?\b(?:policy|notice|statement)\b")
SUMMARY_SHARE = 0.25        # a summary page is under a quarter of the policy's length
SUMMARY_MIN_POLICY = 4000   # characters: below this the longer text is no policy to summarise


def summary_side(old_text: str, new_text: str) -> str | None:
    """'new' when the new text is a short summary page that links to the complete policy and
    the old one is the policy (a scrape of the wrong page, or a site that moved its policy
    behind a summary), 'old' for the way back, None otherwise. Such a pair says nothing
    about what the policy dropped or added, only that the page shows less or more of it; its
    sentences are the summary's, so none of them is stated either."""
    for short, long_, side in ((new_text, old_text, "new"), (old_text, new_text, "old")):
        if len(long_) >= SUMMARY_MIN_POLICY and len(short) < SUMMARY_SHARE * len(long_) and _COMPLETE_RE.search(short):
            return side
    return None


def summary_statement(side: str, owner: str, old_words: int, new_words: int) -> Statement:
    """What a reader learns from a summary-page pair, in place of claims it cannot support."""
    if side == "new":
        return Statement(f"{owner}'s page now shows only a {new_words:,}-word summary that links to the complete policy "
                         f"(was: the {old_words:,}-word policy itself); nothing is reported as removed",
                         "policy-changes", "page-summary", None, None, (),
                         f"{owner}'s policy page now shows only a summary linking to the complete policy")
    return Statement(f"{owner}'s page shows the complete {new_words:,}-word policy again (was: a {old_words:,}-word "
                     f"summary linking to it); nothing is reported as new",
                     "policy-changes", "page-summary", None, None, (),
                     f"{owner}'s policy page shows the complete policy again (was: a summary linking to it)")
