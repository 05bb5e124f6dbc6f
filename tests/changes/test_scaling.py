"""The detector must not go quadratic on long documents, and its shortcuts must give exactly
the answers of the plain code they replace.

Growth is checked by counting work (sentence pairs scored by the fuzzy matcher, characters
scanned by whole-text searches), not seconds, so the test holds on a busy machine: a policy of
size n and one of size 4n must cost well under 16x (quadratic) the work.
"""

from __future__ import annotations

import random
import re

import pytest

from tracker.changes import compare
from tracker.changes import summary, vendors
from tracker.changes.align import GLOBAL_CELLS, WORK
from tracker.changes.detector import _BREAK, _phrase_set, _phrase_text, _run_pattern, _runs_through, clear_caches

_WORDS = ("data information personal service account device location partner advertising cookie "
          "request access delete retain share collect process security payment contact email "
          "browser address purchase account settings choice consent transfer provider analytics "
          "children parent period month year notice update law right object restrict store").split()
_NAMES = ("Acme Cloud", "Northwind Analytics", "Contoso Pay", "Fabrikam Ads", "Tailspin Maps",
          "Google Analytics", "Stripe", "Facebook")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(10, 22))]
    if rng.random() < 0.2:
        words.insert(rng.randint(0, len(words)), rng.choice(_NAMES))
    return "We " + " ".join(words) + "."


def _policy_pair(sections: int, seed: int = 7) -> tuple[str, str]:
    """A synthetic policy of `sections` sections and a new version with realistic edits:
    per section about one sentence reworded, and now and then one added, removed or moved."""
    rng = random.Random(seed)
    old_parts, new_parts = [], []
    moved: list[str] = []
    for k in range(sections):
        title = f"## {k + 1}. {rng.choice(_WORDS).capitalize()} {rng.choice(_WORDS)} {k}"
        body = [_sentence(rng) for _ in range(rng.randint(6, 12))]
        new_body = list(body)
        i = rng.randrange(len(new_body))
        words = new_body[i].rstrip(".").split()
        words[rng.randrange(1, len(words))] = rng.choice(_WORDS)
        new_body[i] = " ".join(words) + "."
        r = rng.random()
        if r < 0.3:
            new_body.insert(rng.randrange(len(new_body)), _sentence(rng))
        elif r < 0.5:
            new_body.pop(rng.randrange(len(new_body)))
        elif r < 0.6:
            moved.append(new_body.pop(rng.randrange(len(new_body))))
        if moved and rng.random() < 0.3:
            new_body.append(moved.pop())
        old_parts.append(title + "\n\n" + " ".join(body))
        new_parts.append(title + "\n\n" + " ".join(new_body))
    return "\n\n".join(old_parts), "\n\n".join(new_parts)


def _work(old: str, new: str) -> dict[str, int]:
    clear_caches()
    before = dict(WORK)
    compare(old, new)
    return {k: WORK[k] - before.get(k, 0) for k in WORK}


@pytest.mark.slow
def test_aligner_work_grows_well_below_quadratic_from_n_to_4n() -> None:
    small = _policy_pair(40)
    large = _policy_pair(160)
    assert 3.5 < len(large[0]) / len(small[0]) < 4.5          # n and 4n
    w1, w4 = _work(*small), _work(*large)
    for key in ("gap_cells", "exact_lookups"):
        assert w1.get(key, 0) > 0, key                          # the counters count
    for key in ("exact_lookups", "gap_cells", "scan_chars"):
        a, b = w1.get(key, 0), w4.get(key, 0)
        # linear work grows 4x, quadratic 16x; allow up to an exponent of 1.5 (8x)
        assert b <= 8 * max(a, 1), f"{key}: {a} at n, {b} at 4n"
    assert w4.get("global_cells", 0) <= GLOBAL_CELLS    # the moved-and-reworded pass is capped


def _text_lookups_work(sections: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """Work of the name and phrase lookups of the summary when both the text and the number of
    looked-up names grow with the document (what made them quadratic)."""
    monkeypatch.setattr(summary, "PHRASE_SCAN_BUDGET", 0)        # the index, not the scans
    monkeypatch.setattr(summary._WordSequence, "SCANS", 0)
    old, new = _policy_pair(sections)
    rng = random.Random(sections)
    low = old.lower()
    words = re.findall(r"[a-z0-9]+", low)
    before = WORK["index_steps"]
    phrases = set()
    seq = summary._WordSequence(words)
    for _ in range(sections * 3):                  # present and absent runs, as many as sections
        i = rng.randrange(len(words) - 3)
        run = words[i:i + rng.randint(2, 4)]
        phrases.add(" ".join(run))
        seq.contains(run)
        seq.contains([run[0], rng.choice(_WORDS), "zz"])
        phrases.add(f"{run[0]} zz {run[-1]}")
    summary.phrases_in({p for p in phrases if re.fullmatch(r"[a-z]{2,}(?: [a-z]+)* [a-z]{2,}", p)}, low)
    return WORK["index_steps"] - before


def test_name_and_phrase_lookups_grow_well_below_quadratic(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _text_lookups_work(40, monkeypatch)
    b = _text_lookups_work(160, monkeypatch)
    assert a > 0
    assert b <= 8 * a, f"{a} steps at n, {b} at 4n"


def test_phrases_in_index_gives_the_substring_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summary, "PHRASE_SCAN_BUDGET", 0)        # always take the indexed path
    rng = random.Random(3)
    vocab = ["ab", "abc", "bc", "cab", "of", "the", "pro", "reddit", "x"]
    for _ in range(300):
        text = "".join(rng.choice(vocab + [" ", " ", "  ", "\n", ".", "-"]) for _ in range(rng.randint(0, 60)))
        phrases = {" ".join(rng.choice(vocab) for _ in range(rng.randint(2, 4))) for _ in range(8)}
        phrases = {p for p in phrases if re.fullmatch(r"[a-z]{2,}(?: [a-z]+)* [a-z]{2,}", p)}
        assert summary.phrases_in(phrases, text) == {p for p in phrases if p in text}, (text, phrases)


def test_word_sequence_index_gives_the_substring_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summary._WordSequence, "SCANS", 0)        # always use the index
    rng = random.Random(5)
    for _ in range(300):
        words = [rng.choice("a b c ab".split()) for _ in range(rng.randint(0, 30))]
        seq = summary._WordSequence(words)
        spaced = " " + " ".join(words) + " "
        for _ in range(10):
            run = [rng.choice("a b c ab".split()) for _ in range(rng.randint(1, 4))]
            assert seq.contains(run) == (" " + " ".join(run) + " " in spaced), (words, run)


def test_phrase_runs_give_the_substring_answer() -> None:
    rng = random.Random(11)
    for _ in range(200):
        raw = " ".join(rng.choice(["a b.", "b c", "a", "c a b.", "\n", "qzbreakqz", "d."]) for _ in range(rng.randint(0, 25)))
        phrases = _phrase_text(raw)
        runs = _phrase_set(phrases)
        for _ in range(10):
            key = " ".join(rng.choice("a b c d".split()) for _ in range(rng.randint(1, 4)))
            assert (key in runs) == (f"{_BREAK}{key}{_BREAK}" in phrases), (raw, key)


def test_sentence_runs_found_without_a_regex_are_the_ones_the_regex_finds() -> None:
    """A re-split sentence is looked up word by word in the other side's phrases; the answer
    is the compiled pattern's, breaks glued to words and empty texts included."""
    rng = random.Random(17)
    pieces = ["a b.", "b c", "a", "c a b.", "\n", "qzbreakqz", "xqzbreakqz", "d.", "a+b", "", "; c"]
    for _ in range(300):
        raw = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        phrases = _phrase_text(raw)
        for _ in range(10):
            words = [rng.choice("a b c d a+b qzbreakqz".split()) for _ in range(rng.randint(1, 5))]
            assert _runs_through(words, phrases) == bool(_run_pattern(words).search(phrases)), (raw, words)


def test_vendor_patterns_tried_at_their_heads_find_what_a_scan_finds() -> None:
    rng = random.Random(13)
    pieces = ["Meta", "Meta Platforms", "X Corp", "X (formerly Twitter)", "Twitter / X", "Bing", "Square, Inc.",
              "Visa requirements", "Visa", "Paddle", "a Paddle", "Amplitude", "Gemini AI", "Google Gemini",
              "OVHcloud", "Wix.com", "word", ", ", "Inc.", " ", "\n", "MetaX", "xBing"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        for _canon, _hints, rx, heads in vendors._REGEXES:
            if heads is None:
                continue
            assert [m.span() for m in vendors.finditer_heads(rx, heads, text)] == \
                [m.span() for m in rx.finditer(text)], (rx.pattern, text)
            got = vendors.search_heads(rx, heads, text)
            want = rx.search(text)
            assert (got and got.span()) == (want and want.span())


def test_remembered_per_text_work_never_changes_a_report() -> None:
    """A history compared pair by pair shares each version's segmentation and entities between
    its two pairs; every report must be the one computed from scratch."""
    v1, v2 = _policy_pair(6, seed=1)
    v3 = _policy_pair(6, seed=2)[1].replace("We ", "We never ", 3)
    history = [v1, v2, v3, v2, v2]
    clear_caches()
    warm = [compare(a, b).to_dict() for a, b in zip(history, history[1:])]
    cold = []
    for a, b in zip(history, history[1:]):
        clear_caches()
        cold.append(compare(a, b).to_dict())
    assert warm == cold
    assert warm[-1]["verdict"] == "cosmetic" and warm[0]["verdict"] != "cosmetic"
