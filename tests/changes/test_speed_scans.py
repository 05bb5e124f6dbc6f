"""Issue 13's speed, second round: the narrower scans answer exactly what the whole-text scans
they replace answer.

An entity's alias is tried only where it stands in the other text (claims.written through
literals.search_heads), and the phrase index of a long text holds only the pieces some phrase
can start at (summary.phrases_in), and a side's sentences that give an act are found once per
side, not once per claim (sameact.matching).
"""

from __future__ import annotations

import random
import re

import pytest

from tracker.changes import claims, summary

_WORDS = ["google", "Google", "ads", "acme", "x", "-", "@", ".", ".com", " ", "  ", "\n", "bank", "of",
          "america", "data", "privacy", "shield", "gmbh", "'"]


def _text(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice(_WORDS) + rnd.choice(["", " ", " ", ".", "-"]) for _ in range(n))


def _plain_written(alias: str, text: str) -> bool:
    """The whole-text scan claims.written used to run for one alias."""
    return alias in text and re.search(rf"(?<![\w@.-]){re.escape(alias)}(?![\w@-]|\.\w)", text) is not None


def test_alias_search_tried_only_where_the_alias_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[str] = []
    real = claims.search_heads

    def spy(rx: re.Pattern[str], heads: tuple[str, ...], text: str) -> re.Match[str] | None:
        tried.extend(heads)
        return real(rx, heads, text)

    monkeypatch.setattr(claims, "search_heads", spy)
    assert claims.written("vendors", "Google", "we use google analytics")
    assert tried == ["google"]


@pytest.mark.parametrize("seed", range(4))
def test_alias_search_gives_the_whole_scan_answer(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(300):
        text = _text(rnd, rnd.randint(0, 30)).lower()
        alias = rnd.choice(["google", "acme", "x", "bank of america", "privacy shield", "data"])
        assert claims.written("vendors", alias, text) == any(
            _plain_written(a.lower(), text) for a in claims._aliases("vendors", alias)), (alias, text)


@pytest.mark.parametrize("seed", range(4))
def test_phrase_index_of_wanted_pieces_gives_the_substring_answer(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    monkeypatch.setattr(summary, "PHRASE_SCAN_BUDGET", 0)        # always take the indexed path
    rnd = random.Random(seed)
    words = ["bank", "of", "america", "privacy", "shield", "ab", "ba", "aba", "data", "for", "the"]
    for _ in range(200):
        text = " ".join(rnd.choice(words + ["", "x" + rnd.choice(words)]) for _ in range(rnd.randint(0, 40)))
        phrases = {" ".join(rnd.choice(words) for _ in range(rnd.randint(2, 4))) for _ in range(rnd.randint(1, 6))}
        assert summary.phrases_in(phrases, text) == {p for p in phrases if p in text}, (text, phrases)


def test_act_sentences_of_a_side_found_once() -> None:
    from tracker.changes.corroborate import Side
    from tracker.changes.sameact import _ACT_RE, matching, same_act
    side = Side(["We keep logs.", "You can delete your search history at any time.", "Cookies are set."])
    first = matching(side, _ACT_RE)
    assert first == [s for s in side.sentences if _ACT_RE.search(s)]
    assert matching(side, _ACT_RE) is first          # remembered with the side, not rescanned
    assert same_act("You may now delete your search history.", side)
    assert not same_act("You may now download your photos.", side)
