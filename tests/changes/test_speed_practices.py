"""Issue 13's speed: samepractice.practice_holder reads only the old sentences that do one of the
claim's acts (the side's act index) and looks each key's weight up, and corroborate.narrowed_in
reads only the sentences its stems' postings count often enough; both find exactly the holder the
plain scan of every sentence finds.
"""

from __future__ import annotations

import math
import random
from collections import Counter

from tracker.changes.corroborate import (_EXCEPTION_RE, _EXCEPTION_STEMS, SAME_NARROWED, Side, _acts,
                                         _close_together, _narrowed_pool, _negated_acts, narrowed_in, one_act, sign)
from tracker.changes.samepractice import (CONTAINED, HOLDER_SPAN, MIN_SHARED, MIN_WORDS, NARROWER_SHARE,
                                          PRACTICE_SHARE, WEIGHT_FLOOR, _FAMILY_KEYS, _name_given, _names,
                                          _negates_other, _opening_name, _practices, act_objects, bare, practice,
                                          practice_holder)

_WORDS = ["We", "collect", "receive", "share", "disclose", "use", "keep", "store", "combine", "information", "data",
          "your", "email", "address", "location", "with", "partners", "advertisers", "when", "you", "visit",
          "our", "site", "website", "app", "not", "never", "30", "days", "Acme", "cookies", "device", "may"]


def _sentences(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(3, 14))) + "." for _ in range(n)]


def _plain_holder(text: str, old: Side, share: float, narrower: bool) -> str | None:
    """The scan practice_holder replaced: every old sentence, each weight computed (no owner)."""
    claim = bare(text)
    want = practice(claim)
    if not want.acts or len(want.keys) < MIN_WORDS:
        return None
    common = old.common()
    names = [nm for nm in _names(claim, "") + _opening_name(claim, old) if not set(nm) <= common]
    practices = [practice(t) for t in old.sentences]
    df = Counter(k for p in practices for k in p.keys)
    n = len(practices) + 1

    def weight(key: str) -> float:
        return math.log(n / (df.get(key, 0) + 1)) + WEIGHT_FLOOR
    need = share * sum(weight(w) for w in want.keys)
    for k, have in enumerate(practices):
        shared = want.keys & have.keys
        got = sum(weight(w) for w in shared)
        contained = narrower and len(have.keys) >= MIN_WORDS and got >= CONTAINED * sum(weight(w) for w in have.keys)
        if not (want.acts & have.acts) or got < need and not contained \
                or len(shared - _FAMILY_KEYS) < MIN_SHARED or len(have.keys) > HOLDER_SPAN * len(want.keys):
            continue
        if not set(want.numbers) <= set(have.numbers):
            continue
        if have.polarity != want.polarity and not _negates_other(want, have, old.sentences[k]):
            continue
        holder = old.sentences[k]
        if narrower and act_objects(claim) & act_objects(holder) or \
                not narrower and all(_name_given(nm, holder.lower()) for nm in names):
            return holder
    return None


def test_the_act_index_lists_only_sentences_doing_the_act_in_order() -> None:
    side = Side(["We collect your email.", "We care about you.", "We share data with partners.",
                 "We receive your location."])
    read = _practices(side)
    assert read.with_act(frozenset({"@get"})) == [0, 3]
    assert read.with_act(frozenset({"@share", "@get"})) == [0, 2, 3]
    assert read.with_act(frozenset({"@keep"})) == []


def test_a_weight_looked_up_is_the_weight_computed() -> None:
    side = Side(["We collect your email.", "We collect your location.", "We share data."])
    read = _practices(side)
    n = 4
    assert read.weight("@get") == math.log(n / 3) + WEIGHT_FLOOR     # collect, twice in 3 sentences
    assert read.weight("never-written") == math.log(n / 1) + WEIGHT_FLOOR


def test_the_indexed_holder_is_the_holder_of_the_plain_scan() -> None:
    found = 0
    for seed in range(40):
        old = Side(_sentences(60, seed))
        for text in _sentences(15, 1000 + seed):
            for share, narrower in ((PRACTICE_SHARE, False), (NARROWER_SHARE, True)):
                want = _plain_holder(text, old, share, narrower)
                assert practice_holder(text, old, "", share, narrower) == want
                found += want is not None
    assert found     # the synthetic sentences do hold one another's practices


def _plain_narrowed_in(claim: str, side: Side, kind) -> str | None:    # type: ignore[no-untyped-def]
    """The scan narrowed_in replaced: every sentence sharing a stem with the claim, in order."""
    want = sign(one_act(claim))
    acts = _negated_acts(one_act(claim))
    if want.polarity != ("not",) or not acts or _EXCEPTION_RE.search(claim) or len(want.stems) < MIN_WORDS:
        return None
    signs = side._index()
    need = SAME_NARROWED * len(want.stems)
    for k in sorted({k for st in want.stems for k in side._by_stem.get(st, ())}):
        holder = side.sentences[k]
        other = sign(one_act(holder)) if "disclos" in holder.lower() else signs[k]
        if len(want.stems & (other.stems - _EXCEPTION_STEMS)) < need or not set(want.numbers) <= set(other.numbers):
            continue
        if ("not" in other.polarity or other.polarity == ("only",)) and _EXCEPTION_RE.search(holder) and kind(holder) \
                and acts <= _acts(one_act(holder)) and _close_together(one_act(claim), one_act(holder), want.stems, need, True):
            return holder
    return None


_PROMISE_WORDS = ["We", "do", "not", "never", "share", "disclose", "Disclose", "sell", "your", "personal", "information",
                  "with", "third", "parties", "for", "their", "marketing", "purposes", "without", "consent", "unless",
                  "except", "only", "required", "by", "law", "Acme"]


def test_the_narrowed_pool_finds_the_holder_of_the_plain_scan() -> None:
    rnd = random.Random(7)

    def sentence() -> str:
        return " ".join(rnd.choice(_PROMISE_WORDS) for _ in range(rnd.randint(4, 16))) + "."
    found = 0
    for _ in range(30):
        side = Side([sentence() for _ in range(50)])
        for _ in range(20):
            claim = "We do not " + sentence()
            want = _plain_narrowed_in(claim, side, lambda _: True)
            assert narrowed_in(claim, side, lambda _: True) == want
            found += want is not None
    assert found


def test_a_sentence_one_act_rewrites_stays_in_the_pool() -> None:
    side = Side(["We may Disclose it.", "We care about your privacy."])
    assert side.disclosing() == frozenset({0})
    assert _narrowed_pool(frozenset({"we", "disclos"}), side, 5) == [0]
