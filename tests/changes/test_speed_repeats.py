"""Issue 13's speed, repeated work removed with answers unchanged: the rules that ask only which
laws (periods) a sentence cites read only those, never its vendors; practice_holder skips the
sentences sharing too few of a claim's keys by their postings and sums each sentence's weights
once; the topic rules test their hints in plain loops; whole-text counts and searches of a name
are skipped where the name is nowhere written.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter

import pytest

from tracker.changes import entities
from tracker.changes.claims import written
from tracker.changes.corroborate import Side
from tracker.changes.detector import _as_written, _count_written, _name_inside
from tracker.changes.entities import extract_sentence, sentence_durations, sentence_laws
from tracker.changes.report import Change
from tracker.changes.samepractice import _FAMILY_KEYS, WEIGHT_FLOOR, _practices, practice
from tracker.changes.topics import _COMPILED, _HINTS, TOPICS, _topics_of
from tracker.changes.verdict import _cites_new_legal_basis

_SENTENCES = [
    "We rely on the EU-U.S. Data Privacy Framework and Standard Contractual Clauses for transfers.",
    "Under the GDPR and the CCPA you may ask us to delete your data within thirty (30) days.",
    "We keep logs for six (6) months and share them with Google Analytics.",
    "UK GDPR applies to users in the United Kingdom; we also comply with COPPA.",
    "Our Data Privacy Framework certification covers HR data.",
    "We do not sell your personal information.",
    "",
]


@pytest.mark.parametrize("text", _SENTENCES)
def test_sentence_laws_and_periods_are_the_extracted_ones(text: str) -> None:
    """The same sets, in the same iteration order, as extract_sentence gives."""
    assert sentence_laws(text) == extract_sentence(text).laws
    assert list(sentence_laws(text)) == list(entities.extract(text).laws)
    assert sentence_durations(text) == extract_sentence(text).durations


def test_laws_only_questions_never_read_vendors(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule asking which laws two versions of a sentence cite pays for the laws only."""
    def no_vendors(*_: object, **__: object) -> set[str]:
        raise AssertionError("vendors read for a laws-only question")
    monkeypatch.setattr(entities, "find_vendors", no_vendors)
    sentence_laws.cache_clear()
    sentence_durations.cache_clear()
    old = "We transfer data to the United States under the Privacy Shield for transfers to other countries."
    new = "We transfer data to the United States under the Data Privacy Framework for transfers to other countries."
    c = Change("reworded", "", old, new, ("international-transfer",), True, ())
    assert _cites_new_legal_basis(c)
    assert sentence_durations("We keep it for 30 days.") == {"30 days"}
    sentence_laws.cache_clear()
    sentence_durations.cache_clear()


def _sentences(n: int, seed: int) -> list[str]:
    words = ["We", "collect", "share", "use", "keep", "information", "data", "email", "address", "location",
             "partners", "advertisers", "cookies", "device", "store", "sell", "delete", "30", "days", "your"]
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(words) for _ in range(rnd.randint(3, 12))) + "." for _ in range(n)]


@pytest.mark.parametrize("seed", range(4))
def test_postings_count_shared_keys_and_totals_sum_weights(seed: int) -> None:
    """sharing() finds exactly the sentences holding `least` of the keys; total() is the sum of a
    sentence's weights, the same float as summing them one by one."""
    sentences = _sentences(60, seed)
    read = _practices(Side(sentences))
    n = len(sentences) + 1
    df = Counter(k for p in read.practices for k in p.keys)
    rnd = random.Random(seed)
    for _ in range(20):
        want = practice(rnd.choice(sentences) + " " + rnd.choice(sentences)).keys - _FAMILY_KEYS
        for least in (1, 2, 3):
            assert read.sharing(want, least) == {k for k, p in enumerate(read.practices) if len(want & p.keys) >= least}
    for k, p in enumerate(read.practices):
        assert read.total(k) == sum(math.log(n / (df[w] + 1)) + WEIGHT_FLOOR for w in p.keys)


def test_topic_hint_loops_answer_as_the_generators_did() -> None:
    """The plain loops give the topics the generator expression gave."""
    def plain(low: str) -> tuple[str, ...]:
        found = tuple(t for t in TOPICS if t in _COMPILED
                      and (not _HINTS[t] or any(h in low for h in _HINTS[t])) and _COMPILED[t].search(low))
        return found or ("other",)
    texts = [s.lower() for s in _SENTENCES + _sentences(80, 7)] + ["you can opt out of targeted ads at any time",
                                                                  "children under 13 may not use the service"]
    for low in texts:
        assert _topics_of.__wrapped__(low) == plain(low)


@pytest.mark.parametrize("literal", ["Tinder", "tinder", "Acme", "Nowhere"])
def test_counts_of_a_name_skip_texts_that_never_write_it(literal: str) -> None:
    text = "Tinder lets you swipe. Contact Tinder at privacy@gotinder.com or see tinder.com. Acme, Inc."
    pattern = rf"\b{re.escape(literal)}\b"
    assert _count_written(pattern, literal, text) == len(re.findall(pattern, text))
    assert _name_inside("gotinder", text) is None
    assert _as_written("Meta", "Facebook says Facebook thrice: Facebook.") in ("Meta", "Facebook")


@pytest.mark.parametrize("value,present", [("30 days", True), ("6 months", True), ("12 months", False),
                                           ("2 years", False), ("90 days", True)])
def test_periods_written_or_not_as_the_pattern_says(value: str, present: bool) -> None:
    text = " we keep logs for thirty (30) days and backups for 6 months; 90-day notices. "
    assert written("durations", value, text) is present
