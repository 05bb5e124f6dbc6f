"""Issue 13's speed: the indexes and memos that make the detector's work smaller answer exactly
what the plain scans they replace answer, and do the smaller work.

A pattern searched only in the runs of its characters (literals.finditer_runs), a page
flattened once per side (corroborate._flat_page), counterparts looked up in their own section
(corroborate.by_kind_and_section), holders read only when counted in enough of the rarest
keys' postings (corroborate._candidates), a text's lower-case words read only for a candidate
name (parties.find_parties) and remembered Prefiltered searches.
"""

from __future__ import annotations

import random

from tests.support.changes import ch
from tracker.changes import entities, parties
from tracker.changes.corroborate import (_candidates, _flat_page, by_kind_and_section, reworded_pair, verbatim)
from tracker.changes.literals import char_positions, clear_search_memos, finditer_runs
from tracker.changes.rules.common import _RIGHT_RE, Statement

_BITS = ["mail", "@", ".", "-", "_", "%", "+", " ", "\n", "é", "X", "co", "com", "uk", "org", "www", "1", "non-",
         "=", "privacy", "Acme", ".com", ".co.uk", "@acme.com", "a.b", "--"]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_BITS) for _ in range(rnd.randint(0, 16))) for _ in range(n)]


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_addresses_and_domains_searched_in_runs_are_those_a_whole_scan_finds() -> None:
    texts = _texts(6000, 13) + ["Write to privacy@acme.com or visit www.acme.co.uk/help.",
                                 "name@@acme.com, a@b.co-uk, x_acme.com, acme.comé, non-acme.com",
                                 "id=acme.com/x and Acme.Com and mail.acme.org.uk."]
    for text in texts:
        assert _spans(entities._emails_in(text)) == _spans(entities._EMAIL_RE.finditer(text)), text
        domains = finditer_runs(entities._BARE_DOMAIN_RE, text, (m.start() for m in entities._DOT_TLD_RE.finditer(text)),
                                entities._DOMAIN_RUN_RE)
        assert _spans(domains) == _spans(entities._BARE_DOMAIN_RE.finditer(text)), text


def test_char_positions_are_every_place_of_the_character() -> None:
    assert list(char_positions("a@b@@c", "@")) == [1, 3, 4]
    assert list(char_positions("abc", "@")) == []


def test_a_page_is_flattened_once_however_many_sentences_are_looked_for_in_it() -> None:
    page = "Our Policy\n\n" + " ".join(f"Sentence number {k} says we keep your records for a while." for k in range(50))
    _flat_page.cache_clear()
    found = [verbatim(f"Sentence number {k} says we keep your records for a while.", page) for k in range(50)]
    assert all(found) and not verbatim("Sentence number 99 says we keep your records for a while.", page)
    assert _flat_page.cache_info().misses == 1


def test_a_counterpart_is_looked_for_in_its_own_section_with_the_same_answer() -> None:
    changes = [ch("removed", "You can ask us to delete the data we keep about you at any time.", None),
               ch("added", None, "We publish a yearly report on requests from governments."),
               ch("added", None, "At any time you can ask us to delete the data we keep about you.")]
    groups = by_kind_and_section(changes)
    assert groups == {("removed", "S"): [0], ("added", "S"): [1, 2]}
    gone = Statement("No longer says: you can ask us to delete the data", "rights", "quoted-removed", None, None, (0,))
    assert reworded_pair(gone, changes, groups) == reworded_pair(gone, changes)


def test_holder_candidates_are_all_sentences_that_may_hold_enough_keys_in_order() -> None:
    rnd = random.Random(7)
    words = [f"w{k}" for k in range(12)]
    for _ in range(3000):
        sentences = [frozenset(rnd.sample(words, rnd.randint(0, 8))) for _ in range(rnd.randint(1, 30))]
        index: dict[str, list[int]] = {}
        for k, s in enumerate(sentences):
            for w in s:
                index.setdefault(w, []).append(k)
        keys = frozenset(rnd.sample(words, rnd.randint(3, 9)))
        need = rnd.choice([0.5, 0.55, 0.6, 0.7, 0.85, 1.0]) * len(keys)
        got = _candidates(keys, need, index)
        assert got == sorted(got) and len(set(got)) == len(got)
        assert {k for k, s in enumerate(sentences) if len(keys & s) >= need} <= set(got)


def test_a_sentence_naming_no_candidate_party_never_reads_its_lower_case_words() -> None:
    parties._lower_words.cache_clear()
    assert parties.find_parties("We Collect the data you give us to run the service.") == []
    assert parties._lower_words.cache_info().misses == 0


def test_a_prefiltered_search_is_remembered_and_answers_as_its_regex() -> None:
    clear_search_memos()
    text = "You can request access to the personal data we hold about you."
    first = _RIGHT_RE.search(text)
    assert first is not None and _RIGHT_RE.search(text) is first
    assert _RIGHT_RE._searched.cache_info().hits == 1
    at, plain = _RIGHT_RE.search(text, 0), _RIGHT_RE.regex.search(text, 0)      # with a position: not remembered
    assert at is not None and plain is not None and at.span() == plain.span()
    clear_search_memos()
    assert _RIGHT_RE._searched.cache_info().currsize == 0
