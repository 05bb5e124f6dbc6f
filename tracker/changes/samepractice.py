"""An added sentence whose practice the old text already states with other verbs or nouns: the
same act on the same kind of data, never news a statement may call new ('now', 'New:').

'We collect information when you visit or use third-party websites and apps that use our
Services (like when they offer our Like button …)' states what 'We receive data whenever you
visit a game, application, or website that uses Facebook Platform' stated: collect = receive,
information = data, websites and apps = website and application. 'We might supplement the
information described above with information we obtain from other sources, including from both
online and offline data providers' is 'we may supplement the personal information you provide …
with … information from other sources'.

The equivalences hold only here, in the test of whether the old text already says a practice,
never in the stems every other check reads: a synonym map there once removed true marks
('may now share … with sponsors') and added false ones. Acts come in families (collect =
receive = obtain = get = gather; use = utilize; share = disclose; retain = keep = store); data
objects are compared by their head nouns and their common equivalents (information = data,
device = hardware, app = application, site = website), and a spelled-out name with its
abbreviation ('Local Storage Objects (LSOs)') counts once.

A sentence is read without its examples and asides ('(like when they offer our Like button …)',
', including from both online and offline data providers'): the quote a statement shows drops
them too, and 'now' says the quoted practice is new. The old sentence must give one of the
sentence's acts, its negations (a 'not' on another verb denies nothing of the act), its numbers
and every name it gives, and hold PRACTICE_SHARE of its words by weight (the rarer a word in the
old text, the more it weighs), read through the equivalences.

An old sentence that does the same act to the same kind of data more narrowly (fewer of the new
sentence's words, or one the new sentence holds nearly whole and extends) makes the change real
but no new practice (narrower_before): the sentence is said with what the old text said ('…
(was: uses cookies and web log files to track site usage)'), or as it stands when the old one
lacks nothing news-bearing; when the old clause is too long to quote, the mark stands.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from tracker.changes.corroborate import MIN_WORDS, Side, _STOP, _stem, sign
from tracker.changes.phrasing import third_person

# share of an added sentence's words (read through the equivalences, examples dropped) one old
# sentence with the same act must hold: as loose as said_before's own SAID_BEFORE is not, since
# the act and every name must match as well
PRACTICE_SHARE = 0.6
# share for a sentence said more narrowly before: the same act and data, fewer of its qualifiers
NARROWER_SHARE = 0.45
# words a clause cannot end on: what followed them was cut
_DANGLING = frozenset("to of for with by from in on at as and or but the a an that which who your its their our".split())
# share of an old sentence's own keys (by weight) the new one holds for the new one to extend it
# ('… uses cookies and web log files to track site usage' -> '… to track site usage and trends, to …')
CONTAINED = 0.8
# characters of an old practice quoted beside the new one ('(was: …)'): longer, the line is unreadable
WAS_LIMIT = 70               # tighten drops an old value longer than this
MIN_WAS = 20                # and shorter than this, no practice a reader could weigh
# keys besides the act an old sentence must share with the sentence: an act and one noun are no practice
MIN_SHARED = 2
# keys an old sentence may have per key of the sentence: a longer one (paragraphs glued by a lost
# full stop) holds many practices, never this one alone
HOLDER_SPAN = 3
# weight every key keeps, however common: 'information' still counts a little
WEIGHT_FLOOR = 0.2

# one key per act family: the verbs a policy uses alike for the company's handling of data
_ACT_FAMILIES = {
    "@get": ("collect", "receive", "obtain", "get", "gather", "acquire"),
    "@use": ("use", "utilize", "utilise"),
    "@share": ("share", "disclose"),
    "@keep": ("retain", "keep", "store"),
    "@add": ("supplement", "combine", "append"),
}
# the forms of those verbs, as _stem leaves them ('collects' -> 'collect', 'stored' -> 'stor')
_ACT_FORMS = {f: fam for fam, verbs in _ACT_FAMILIES.items() for v in verbs
              for f in {_stem(v), _stem(v + "s"), _stem(v + "d"), _stem(v + "ed"), _stem(v + "ing"), v, v + "s"}}
_ACT_FORMS.update({"got": "@get", "kept": "@keep", "uses": "@use", "used": "@use", "using": "@use",
                   "disclosur": "@share"})
# one key per kind of data or thing named alike: the head nouns a policy writes two ways
_NOUNS = {
    "@info": ("information", "data", "info"),
    "@device": ("device", "devices", "hardware"),
    "@app": ("app", "apps", "application", "applications"),
    "@site": ("site", "sites", "website", "websites", "web-site"),
}
_NOUN_FORMS = {_stem(w): key for key, words in _NOUNS.items() for w in words}
_KEYS = {**_NOUN_FORMS, **_ACT_FORMS}
_FAMILY_KEYS = frozenset(_ACT_FAMILIES)
# words that carry no practice of their own in such a sentence: pointers, hedges, determiners
_NO_PRACTICE = frozenset(_stem(w) for w in (
    "described above below certain other additional various also may might will including example "
    "such like following").split()) - {"@use"}

# what a sentence gives besides its practice: an aside in parentheses, a list of examples set off
# by a comma ('…, including from both online and offline data providers'), a pointer
# (a match opens on a space or the parenthesis: the lookahead lets re skip to those characters)
_ASIDE_RE = re.compile(r"(?=[\s(])\s*\([^()]*\)")
_EXAMPLES_RE = re.compile(r"(?i),?\s+(?:including|such as|like|e\.g\.|for example)\b[^;:]*?"
                          r"(?=,\s+(?:in order to|so that|to|for|when|if|because|which|and)\b|[;:]|$)")
_POINTER_RE = re.compile(r"(?i),?\s*as (?:described|explained|set out|detailed|outlined) (?:below|above)\b")
# a clause that comments on the practice after a comma ('…, which helps us provide features …')
_COMMENT_RE = re.compile(r"(?i),\s+which\b.*$")
# an opening that only joins the sentence to what came before ('In addition to personally identifiable information, ')
_OPENER_RE = re.compile(r"(?i)^(?:in addition(?: to [^,]{1,60})?|also|additionally|further|furthermore|moreover|"
                        r"like (?:most|many|other) [^,]{1,40}),\s+")
# an abbreviation of the words before it ('Local Storage Objects (LSOs)'): the same name twice
_ABBREVIATION_RE = re.compile(r"\(([A-Z]{2,6})s?\)")
_WORD_RE = re.compile(r"[a-z][a-z']+")
# a name: capitalised words in a row, not opening the sentence ('Local Storage Objects', "Sam's Club")
_NAME_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'-]+(?: [A-Z][\w'-]+)*")


@dataclass(frozen=True)
class Practice:
    """A sentence's practice as the novelty test reads it: its keys (stems, acts and nouns as
    one key per family), its act families, negations and numbers."""

    keys: frozenset[str]
    acts: frozenset[str]
    polarity: tuple[str, ...]
    numbers: tuple[str, ...]


def bare(text: str) -> str:
    """text without its asides, examples and pointers: the practice a quote of it states."""
    text = _OPENER_RE.sub("", _ASIDE_RE.sub("", _ABBREVIATION_RE.sub("", text)))
    return _COMMENT_RE.sub("", _POINTER_RE.sub("", _EXAMPLES_RE.sub("", text))).strip()


@lru_cache(maxsize=16384)
def practice(text: str) -> Practice:
    """The keys of text read through the equivalences (see the module docstring)."""
    low = text.lower().replace("\u2019", "'").replace("e-mail", "email")
    words = (w.strip("'") for w in _WORD_RE.findall(low.replace("-", " ")))
    keys = frozenset(_KEYS.get(st, st) for st in (_stem(w) for w in words if w not in _STOP) if st not in _NO_PRACTICE)
    s = sign(text)
    return Practice(keys, keys & _FAMILY_KEYS, s.polarity, s.numbers)


def _names(text: str, owner: str) -> list[tuple[str, ...]]:
    """The names text gives (capitalised words in a row, not opening a sentence), each as its
    words in lower case, the owner's words apart."""
    own = {w.lower() for w in owner.split()}
    return [words for n in _NAME_RE.findall(text) if (words := tuple(w for w in n.lower().split() if w not in own))]


def _name_given(name: tuple[str, ...], holder: str) -> bool:
    """Does holder (lower case) give more than half the words of a name ('local storage' of
    'Local Storage Objects'; both words of "Sam's Club")?"""
    return 2 * sum(w in holder for w in name) > len(name)


@dataclass
class _SideRead:
    """A side's sentences read as practices once: each sentence's practice, each key's weight
    (the rarer in the side, the more it tells a practice apart: 'information' is in half a
    policy's sentences, 'voluntarily' in one; a key the side never writes weighs most), and the
    sentences doing each act family. Weights are the same floats the formula gives, looked up;
    the act index only skips sentences that share no act with a claim, which never hold it."""

    practices: list[Practice]
    weights: dict[str, float]
    absent: float
    by_act: dict[str, list[int]]
    by_key: dict[str, list[int]]     # the sentences holding each key that is no act family
    totals: dict[int, float] = field(default_factory=dict)     # each sentence's keys' weight, summed once

    def weight(self, key: str) -> float:
        """The weight of key in this side."""
        return self.weights.get(key, self.absent)

    def total(self, k: int) -> float:
        """The summed weight of sentence k's keys (the same float each time: the same keys,
        summed in the same order), computed on first need: a narrower claim asks it of every
        sentence doing its act."""
        got = self.totals.get(k)
        if got is None:
            got = self.totals[k] = sum(map(self.weights.__getitem__, self.practices[k].keys))
        return got

    def with_act(self, acts: frozenset[str]) -> list[int]:
        """The indexes, in order, of the sentences doing one of acts."""
        found: set[int] = set()
        for act in acts:
            found.update(self.by_act.get(act, ()))
        return sorted(found)

    def sharing(self, keys: frozenset[str], least: int) -> set[int]:
        """The sentences holding at least `least` of keys (none an act family), counted from
        the postings of each key: a holder must share MIN_SHARED of them, so the others are
        skipped without reading their keys (most sentences of a long policy do some act)."""
        counts: Counter[int] = Counter()
        for key in keys:
            counts.update(self.by_key.get(key, ()))
        return {k for k, n in counts.items() if n >= least}


def _practices(side: Side) -> _SideRead:
    """The practices of side's sentences and the weights of their keys, read once per side."""
    got: _SideRead | None = side._practices
    if got is None:
        practices = [practice(t) for t in side.sentences]
        df = Counter(k for p in practices for k in p.keys)
        n = len(practices) + 1
        by_act: dict[str, list[int]] = {}
        by_key: dict[str, list[int]] = {}
        for k, p in enumerate(practices):
            for act in p.acts:
                by_act.setdefault(act, []).append(k)
            for key in p.keys - _FAMILY_KEYS:
                by_key.setdefault(key, []).append(k)
        weights = {key: math.log(n / (count + 1)) + WEIGHT_FLOOR for key, count in df.items()}
        got = side._practices = _SideRead(practices, weights, math.log(n / (0 + 1)) + WEIGHT_FLOOR, by_act, by_key)
    return got


def _opening_name(claim: str, old: Side) -> list[tuple[str, ...]]:
    """The claim's first word as a name when it is one ('DoubleClick may use …'): capitals inside
    it, or written with its capital inside a sentence of old."""
    m = re.match(r"[A-Z][\w'-]+", claim)
    if m is None or m.group(0).lower() in _STOP:
        return []
    word = m.group(0)
    inner = any(ch.isupper() for ch in word[1:]) or any(f" {word}" in t for t in old.sentences)
    return [(word.lower(),)] if inner else []


def practice_said(text: str, old: Side, owner: str = "") -> bool:
    """Does one old sentence state text's practice with other verbs or nouns (practice_holder)?"""
    return practice_holder(text, old, owner) is not None


def practice_holder(text: str, old: Side, owner: str = "", share: float = PRACTICE_SHARE,
                    narrower: bool = False) -> str | None:
    """The first old sentence that states text's practice with other verbs or nouns: one of its
    acts (by family), the same negations, its numbers and names, and share of its keys by weight;
    None when no old sentence does. narrower: names may differ, but the old sentence must do
    one of text's acts to the same kind of data in so many words (act_objects)."""
    claim = bare(text)
    if owner:
        claim = re.sub(rf"\b{re.escape(owner)}(?:'s)?\b", " ", claim)
    want = practice(claim)
    if not want.acts or len(want.keys) < MIN_WORDS:
        return None
    common = old.common()
    names = [n for n in _names(claim, owner) + _opening_name(claim, old) if not set(n) <= common]
    read = _practices(old)
    weight = read.weight
    need = share * sum(weight(w) for w in want.keys)
    span = HOLDER_SPAN * len(want.keys)
    # a sentence doing none of the acts never holds it, nor one sharing too few other keys
    sharing = read.sharing(want.keys - _FAMILY_KEYS, MIN_SHARED)
    weights = read.weights
    for k in read.with_act(want.acts):
        if k not in sharing:
            continue
        have = read.practices[k]
        if len(have.keys) > span:
            continue
        shared = want.keys & have.keys
        got = sum(map(weights.__getitem__, shared))     # every key a sentence holds has its weight
        # narrower: the old sentence may instead be one the new one holds nearly whole, and extends
        contained = narrower and len(have.keys) >= MIN_WORDS and got >= CONTAINED * read.total(k)
        if got < need and not contained:
            continue
        if not set(want.numbers) <= set(have.numbers):
            continue
        if have.polarity != want.polarity and not _negates_other(want, have, old.sentences[k]):
            continue
        holder = old.sentences[k]
        if narrower and act_objects(claim) & act_objects(holder) or \
                not narrower and all(_name_given(n, holder.lower()) for n in names):
            return holder
    return None


# a negation just before a verb of the act: the act itself is denied ('we do not share', 'never sells')
_NEGATED_VERB_RE = re.compile(r"(?i)\b(?:not|never|no longer)\s+(?:[a-z]+ly\s+)?([a-z]+)|n't\s+([a-z]+)")


def _negates_other(want: Practice, have: Practice, holder: str) -> bool:
    """Does an old sentence whose negation the claim lacks negate something other than the act
    ('We may share aggregated information that does not include Personal Information' states
    sharing as 'We may also share aggregated … information' does)? Only a plain negation ('not',
    'no'), never a condition ('only', 'unless', 'without'), and never one on a verb of the act."""
    if want.polarity or not set(have.polarity) <= {"not", "no"}:
        return False
    for m in _NEGATED_VERB_RE.finditer(holder):
        verb = (m.group(1) or m.group(2) or "").lower()
        if _KEYS.get(_stem(verb)) in want.acts:
            return False
    return True


# the company's act on data in so many words: the verb (a family of _ACT_FAMILIES), a second verb
# it shares its object with, up to three words of the object, its head ('receive data',
# 'collect and store certain non-personally identifiable information')
_HEADS = {"information": "@info", "data": "@info", "details": "@info", "info": "@info", "identifier": "identifier",
          "identifiers": "identifier", "location": "location", "content": "content", "cookies": "cookies"}
_ACT_VERBS = {v: fam for fam, verbs in _ACT_FAMILIES.items() for base in verbs
              for v in (base, base + "s", base + "d", base + "ed", base.rstrip("e") + "ing", base + "es")}
_ACT_OBJECT_RE = re.compile(
    r"(?i)(?<!\bnot )(?<!\bnever )(?<!n't )\b(" + "|".join(sorted(_ACT_VERBS, key=len, reverse=True)) + r")"
    r"(?! of\b)(?: (?:and|or|,) [a-z]+)? (?:[\w'-]+ ){0,3}?(" + "|".join(_HEADS) + r")\b")


def act_objects(text: str) -> frozenset[tuple[str, str]]:
    """The acts text does to data, each as (act family, head of the data): 'We receive data …'
    and 'we collect information …' both give ('@get', '@info'); a negated act gives none."""
    return frozenset((_ACT_VERBS[m.group(1).lower()], _HEADS[m.group(2).lower()])
                     for m in _ACT_OBJECT_RE.finditer(text) if m.group(1).lower() in _ACT_VERBS)


def narrower_before(text: str, old: Side, owner: str = "") -> str | None:
    """What the old text said of an added sentence's practice when one old sentence does the same
    act to the same kind of data (act_objects) with NARROWER_SHARE of its keys by weight, not
    PRACTICE_SHARE ('We receive data whenever you visit a game, application, or website that
    uses Facebook Platform' for 'We collect information when you visit or use third-party
    websites and apps that use our Services'). '' when every word the old sentence lacks is no
    news (corroborate.nothing_new): the practice was stated, the sentence is said as it stands;
    the old practice as a clause in the third person ('may combine the information you submit
    …') when the old sentence lacks news the new one gives and the clause is short enough to be
    said beside it ('(was: …)', WAS_LIMIT); None otherwise: the mark stands."""
    from tracker.changes.corroborate import nothing_new
    holder = practice_holder(text, old, owner, NARROWER_SHARE, narrower=True)
    if holder is None:
        return None
    if nothing_new(bare(text), old.common())(holder):
        return ""
    clause = (third_person(bare(holder), owner) if owner else bare(holder)).rstrip(" .;:")
    for subject in (owner, "We", "we"):
        if subject and clause.startswith(subject + " "):
            clause = clause[len(subject) + 1:]
            break
    if clause.rsplit(" ", 1)[-1].lower() in _DANGLING:
        return None               # 'uses your personal information to': its examples cut, no clause is left
    return clause if MIN_WAS <= len(clause) <= WAS_LIMIT else None
