"""Issue 13's speed, scans of whole texts and of every sentence made cheaper with answers unchanged:
regexes that opened with a look back (tried at every position) now match their first character
first and look back over it; searches for a match that must end the text look at its end only;
a side's sentences are scanned for acts and controls with the patterns' hint words tested first;
postings are intersected without a set of each; the per-sentence memos hold a 1 MB pair's
sentences. Each answer is checked against the old formulation on short synthetic texts.
"""

from __future__ import annotations

import random
import re

import pytest

from tracker.changes import anchors, detector, entities, headings, parties, phrasing, restated, sameact, segment
from tracker.changes.corroborate import Side, holding_all
from tracker.changes.literals import LOWER_MEMO, SEARCH_MEMO, Prefiltered, _ascii_lower

_TEXTS = [
    "",
    "8",
    "a8b 18 1 21 22 123 x9 9y 2020 20 (13) age 16.",
    "We share data with Acme Inc. and Beta, LLC. Gamma Ltd is ours.Delta Corp. too",
    "Oracle will retain data. Oracle may share it. Oracle uses cookies. the Oracle team",
    "Privacy choices. Users in the EEA If you are a user. Retention and Deletion Oracle will retain.",
    "… next steps. How We Share It Through your account you may opt out.",
    "Terms of Use. Cookies We use cookies. Your Rights You can ask.",
    "We collect: names; e-mails!? and more.\nNew line.\n\nAnd 'quoted.' end",
    "info@acme.com/Acme x.Acme @Acme -Acme Acme's ACME AcmeCorp",
    "do not sell, don't; rock'n'roll e-mail x-ray a.b.c well-known www.example.com",
    "Ünïcode Straße: über 18 Jahre. Café Acme.",
]


def _spans(rx: "re.Pattern[str]", text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


_OLD_PATTERNS = [
    (parties._LOWER_WORD_RE, r"(?<![\w@/.-])[a-z][a-z'-]*[a-z](?![\w@/-]|\.\w)"),
    (headings._SUBJECT_RE, r"(?<![\w@./-])([A-Z][A-Za-z0-9&'’-]{2,}) (?=" + headings._SUBJECT_VERB + ")"),
    (headings._SPACED_HEADING_RE,
     r"(?<=[.!?] )([A-Z][^.!?;:,\n]{3,80}?) (?=(" + headings.STARTERS[3:-1] + r") [a-z])"),
    (headings._SPACED_MORE_RE,
     r"(?<=[.!?] )([A-Z][^.!?;:,\n]{3,80}?) (?=(" + headings._SPACED_MORE_STARTERS + r") [a-z])"),
    (headings._GLUED_RUN_RE, r"(?<=[.!?] )([A-Z][^.!?;:\n]{3,120}?[a-z]{2})(?=(?:We|You|Our|If) [a-z])"),
    (detector._CAP_WORD_RE, r"(?<![@./\w'’-])[A-Z][a-z]*[A-Za-z](?![\w@-]|\.[a-z])"),
    (parties._SUFFIX_HINT_RE, rf"(?<=[\w.,]) {parties._SUFFIX}(?![\w&-])"),
    (entities._AGE_NUM_RE, r"(?<!\d)(?:[89]|1\d|2[01])(?!\d)"),
    (detector._BOUNDARY_RE, r"[.!?;:]+(?=[\s\"')\]*_]|$)|\n"),
]


def _shuffled(seed: int) -> str:
    """A text of the test texts' pieces in a random order, glued or spaced."""
    rnd = random.Random(seed)
    pieces = " ".join(_TEXTS).split(" ")
    rnd.shuffle(pieces)
    return "".join(p + rnd.choice([" ", "", ". ", "\n", ", "]) for p in pieces)


@pytest.mark.parametrize("new, old", _OLD_PATTERNS)
def test_first_character_first_patterns_match_as_the_look_back_led_ones(new: "re.Pattern[str]", old: str) -> None:
    """The same matches, spans and groups, at every place, as the pattern that looked back first."""
    was = re.compile(old)
    for text in _TEXTS + [_shuffled(seed) for seed in range(40)]:
        assert _spans(new, text) == _spans(was, text), text
        assert new.sub("|", text) == was.sub("|", text)


def test_line_end_searches_look_at_the_end_only() -> None:
    """A dangling last word and a teaser's ellipsis are found at a line's end as before."""
    line = "x" * 40 + " our services and"
    assert segment._cut_mid_sentence(line, "products we sell.")
    assert not segment._cut_mid_sentence("x" * 40 + " our services band", "products we sell.")
    assert not segment._cut_mid_sentence("x" * 40 + " our services-and", "products we sell.")
    assert phrasing.is_page_chrome("Netflix shares jump, Apple and...")
    assert phrasing.is_page_chrome("Netflix shares jump, Apple and…\n")
    assert not phrasing.is_page_chrome("We keep your data etc...")
    assert segment._DANGLING_END_REACH > max(map(len, re.findall(r"[a-z]+", segment._DANGLING_END_RE.pattern)))


@pytest.mark.parametrize("text", ["We use it to:", "Acme collects the following :  ", "as follows:\n", "to: x", "To:x", ""])
def test_lead_in_end_is_a_colon_ending_the_sentence(text: str) -> None:
    """The lead-in test by the sentence's last character agrees with _LEAD_IN_END_RE."""
    assert text.rstrip().endswith(":") == bool(anchors._LEAD_IN_END_RE.search(text))


_CLAIMS = [
    "You can opt out of marketing e-mails at any time.",
    "You may request deletion of your information.",
    "You can tell us your marketing preferences by visiting our Preference Center.",
    "You can take your photos out of our service.",
    "You may close your account or deactivate it.",
    "Users can turn off personalised ads or limit them.",
    "We refer unresolved complaints to JAMS for arbitration.",
    "We keep logs for 90 days.",
    "Vous pouvez SUPPRIMER vos données à tout moment.",
    "YOU MAY ACCESS, REVIEW AND EXPORT A COPY OF YOUR DATA.",
]


@pytest.mark.parametrize("scan, rx", [(sameact._ACT_SCAN, sameact._ACT_RE), (sameact._DISPUTE_SCAN, sameact._DISPUTE_RE),
                                      (restated._CONTROL_VERB_SCAN, restated._CONTROL_VERB_RE)])
def test_scans_with_hints_find_what_the_pattern_finds(scan: Prefiltered, rx: "re.Pattern[str]") -> None:
    """A sentence holding none of the hint words holds no match; the scan finds what rx finds."""
    for text in _CLAIMS + _TEXTS:
        assert bool(scan.search(text)) == bool(rx.search(text)), text
    assert sameact.matching(Side(_CLAIMS), scan) == [t for t in _CLAIMS if rx.search(t)]


def test_control_index_is_the_controls_of_the_sentences_with_a_control_verb() -> None:
    side = Side(_CLAIMS)
    want = [c for t in _CLAIMS if restated._CONTROL_VERB_RE.search(t) and (c := restated._controls(t))]
    assert restated._control_index(side) == want and want


def test_holding_all_is_the_intersection_of_the_postings() -> None:
    rnd = random.Random(13)
    for _ in range(200):
        postings = [sorted(rnd.sample(range(60), rnd.randint(0, 40))) for _ in range(rnd.randint(1, 5))]
        assert holding_all(postings) == set.intersection(*(set(p) for p in postings))
    for _ in range(50):        # a small pool against long postings: looked up by bisection
        postings = [sorted(rnd.sample(range(3000), rnd.randint(1, 4)))] + \
            [sorted(rnd.sample(range(3000), rnd.randint(500, 2900))) for _ in range(3)]
        assert holding_all(postings) == set.intersection(*(set(p) for p in postings))


def test_sentence_memos_hold_a_long_policys_sentences() -> None:
    """text_shares asks is_page_chrome of every sentence of both versions: a 1 MB pair has
    8,000 distinct ones, which the memos must keep for the other side and the statements."""
    assert phrasing.is_page_chrome.cache_info().maxsize >= 16384
    assert LOWER_MEMO >= 2 * SEARCH_MEMO and _ascii_lower.cache_info().maxsize == LOWER_MEMO
