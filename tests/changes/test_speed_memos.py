"""Speed, report-identical: per-side memos of the claim check (corroborate.Side.having / passes / at),
the break-word scans of the phrase text done by splits instead of a Python step per word, the
e-mail de-obfuscation searching the whole text once instead of line by line, and the pure memo
tables keyed on a sentence's or a version's text. Each must answer exactly what the code it
replaces answered."""

from __future__ import annotations

import random

from tracker.changes import normalize
from tracker.changes.corroborate import Side, transfer_said
from tracker.changes.detector import _BREAK_WORD, _break_runs, _phrase_set
from tracker.changes.restated import _controls, introduces_old_example, same_lead_in
from tracker.changes.swapped import _folded, _shared


def _phrase_set_by_words(phrases: str) -> set[str]:
    """The former word-by-word _phrase_set."""
    runs: set[str] = set()
    run: list[str] = []
    for w in phrases.split(" "):
        if w == _BREAK_WORD:
            if run:
                runs.add(" ".join(run))
            run = []
        elif w:
            run.append(w)
    return runs


def _break_runs_by_words(phrases: str) -> tuple[str, list[bool], list[bool]] | None:
    """The former word-by-word _break_runs."""
    words: list[str] = []
    before: list[bool] = []
    after: list[bool] = []
    prev, marks = False, 0
    for w in phrases.split(" "):
        if w == _BREAK_WORD:
            marks += 1
            if after:
                after[-1] = True
            prev = True
            continue
        words.append(w)
        before.append(prev)
        after.append(False)
        prev = False
    if phrases.count(_BREAK_WORD) != marks:
        return None
    return f" {' '.join(words)} ", before, after


def _random_phrases(rng: random.Random) -> str:
    pieces = ["a", "b", _BREAK_WORD, _BREAK_WORD, "x" + _BREAK_WORD, _BREAK_WORD + "y", "", " ", "\t", "c d"]
    text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
    return (" " if rng.random() < 0.3 else "") + text + (" " if rng.random() < 0.3 else "")


def test_phrase_set_and_break_runs_match_the_word_by_word_reading() -> None:
    rng = random.Random(10)
    for _ in range(20000):
        phrases = _random_phrases(rng)
        assert _phrase_set(phrases) == _phrase_set_by_words(phrases), phrases
        assert _break_runs(phrases) == _break_runs_by_words(phrases), phrases


def test_phrase_set_drops_the_words_after_the_last_break() -> None:
    assert _phrase_set(f" {_BREAK_WORD} we sell data {_BREAK_WORD} {_BREAK_WORD} tail") == {"we sell data"}
    assert _phrase_set("no break at all") == set()


def test_obfuscated_addresses_rewritten_on_their_own_lines_only() -> None:
    text = "Contact us.\njane [at] example [dot] com\nlook at this here\nprivacy (at) acme (dot) org\n"
    assert normalize.deobfuscate_emails(text) == "Contact us.\njane@example.com\nlook at this here\nprivacy@acme.org\n"
    assert normalize._lines_matching(normalize._OBF_NEEDS[0], text) == [1, 3]
    assert normalize._lines_matching(normalize._OBF_NEEDS[1], "a dot b\n\nc (dot) d") == [0, 2]


def test_side_having_reads_each_sentence_once() -> None:
    calls: list[str] = []

    def test(t: str) -> bool:
        calls.append(t)
        return "list" in t
    side = Side(["We collect the following data:", "A list follows.", "Another list."])
    assert side.having("t", test) == ["A list follows.", "Another list."]
    assert side.having("t", test) == ["A list follows.", "Another list."]
    assert len(calls) == 3


def test_side_passes_remembers_each_answer() -> None:
    calls: list[str] = []

    def test(t: str) -> bool:
        calls.append(t)
        return t.startswith("We keep")
    side = Side(["We keep logs for 30 days.", "We share data."])
    assert side.passes("keeps", 0, test) and not side.passes("keeps", 1, test)
    assert side.passes("keeps", 0, test) and not side.passes("keeps", 1, test)
    assert calls == ["We keep logs for 30 days.", "We share data."]


def test_side_at_gives_every_place_of_a_sentence() -> None:
    side = Side(["A.", "B.", "A.", "C."])
    assert side.at("A.") == [0, 2] and side.at("C.") == [3] and side.at("D.") == []


def test_claim_checks_on_the_side_memos() -> None:
    claim = "Google collects data that is not associated with your account."
    example = "when you are not signed in to a Google Account, we store the information we collect with unique identifiers."
    old = Side(["We store the information we collect with unique identifiers when you are not signed in to a Google "
                "Account."])
    new = Side([claim, f"For example, {example}"])
    assert introduces_old_example(claim, Side([f"We store the information we collect with unique identifiers {example}"]),
                                  new)
    assert not introduces_old_example("Unwritten sentence here.", old, new)
    assert not introduces_old_example(f"For example, {example}", old, new)      # the last sentence: nothing follows it
    lead = Side(["We collect the following types of information:", "We sell nothing."])
    assert same_lead_in("Acme collects these categories of personal data:", lead)
    sale = Side(["We sell nothing.", "In the event of a merger or acquisition, your personal information may be "
                 "transferred to the acquirer."])
    assert transfer_said("In the event of a merger or sale of our business, your personal information may be "
                         "transferred to the acquirer.", sale)
    assert sale.having("business_transfer", lambda t: False) == [sale.sentences[1]]     # read once, kept


def test_pure_memos_keyed_on_text() -> None:
    assert _controls.cache_info().maxsize and _folded.cache_info().maxsize == 4
    got = _controls("You can opt out of interest-based advertising at any time.")
    assert got is _controls("You can opt out of interest-based advertising at any time.")
    assert _shared(["We Sell  data.", "B."], ("we sell data.", "C.", "D.")) == 0.5


def test_heading_lines_cut_markup_as_the_pattern_did() -> None:
    import re
    import sys

    from tracker.changes.claims import _MD_LINK_RE, _SPACES, heading_lines
    from tracker.changes.normalize import heading_key
    assert sorted(_SPACES) == [chr(c) for c in range(sys.maxunicode + 1) if re.match(r"\s", chr(c))]
    markup = re.compile(r"^[\s#>*_|+-]*|[\s#*_|:]*$")

    def by_pattern(text: str) -> set[str]:
        lines = (markup.sub("", _MD_LINK_RE.sub(r"\1", line)).strip() for line in text.splitlines())
        return {heading_key(line) for line in lines if line and len(line) <= 200}
    rng = random.Random(13)
    alphabet = list("#>*_|+-: ab]([)\t\u00a0\u3000x") + ["](", "[a](b)", "\n", "1. "]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert heading_lines(text) == by_pattern(text), text
    assert heading_lines("## 3. [Your Rights](#rights) ##\n:::\n- item: ") == {"your rights", "item"}
