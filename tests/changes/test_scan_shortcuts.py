"""The cheaper scans of the speed work must answer exactly as the scans they replace."""

from __future__ import annotations

import re

import pytest

from tracker.changes import headings, phrasing
from tracker.changes.rules.structure import _cut_mid_word, _literal_ends

LINES = [
    "We collect your name, e-mail address and phone number when you register.",
    "Home Shop Deals Electronics Books Music Movies Toys Games Garden Tools Sports Outdoors Baby Kids More",
    "expand baby bath bath safety bath toys bottles feeding gear strollers car seats nursery bedding towels cribs",
    "Share on Facebook Share on Twitter",
    "--- 2019 *** ### 12:00 Ünïcode Wörds ÀB İstanbul",
    "a\u00a0b c\x1cd e",
    "Reuters, AP, Bloomberg; Politics Business Tech Science Health Sports Entertainment Opinion Video Photos",
    "",
]


@pytest.mark.parametrize("line", LINES)
def test_wordy_words_are_the_split_words_holding_a_letter(line: str) -> None:
    assert phrasing._wordy(line) == [w for w in line.split() if phrasing._WORDY_RE.search(w)]


@pytest.mark.parametrize("line", LINES)
def test_scraped_words_is_a_headline_or_a_menu_run(line: str) -> None:
    words = phrasing._wordy(line)
    assert phrasing._scraped_words(words) == (phrasing._headline_run(words) or phrasing._menu_run(words))


def test_wordy_never_backtracks_on_a_long_token_without_letters() -> None:
    assert phrasing._wordy("-" * 200_000 + " word") == ["word"]


def _compounds_whole(names: set[str], text: str) -> set[str]:
    """headings._compounds as it was: one search of the whole text."""
    rx = re.compile(headings._AFTER_LOWER + r"(?:[A-Z][\w'’&-]* )*([A-Z][\w'’&-]*) ("
                    + "|".join(map(re.escape, names)) + r")\b(?! " + headings._SUBJECT_VERB + ")")
    return {f"{m.group(1)} {m.group(2)}" for m in rx.finditer(text)}


def test_compounds_read_only_the_lines_naming_a_name() -> None:
    text = ("Oracle will share data.\nRead the New York Times on Oracle\nOracle may use it\n"
            "published in the New York Times\nin the Privacy Policy Oracle\nTimes")
    names = {"Times", "Oracle"}
    assert headings._compounds(names, text) == _compounds_whole(names, text) == {"York Times", "Policy Oracle"}


def test_lines_holding_gives_each_line_once_in_order() -> None:
    text = "a Oracle b Oracle\nnone here\nOracle\nlast Times"
    assert headings._lines_holding({"Oracle", "Times"}, text) == [(0, 17), (28, 34), (35, 45)]


@pytest.mark.parametrize("word,text", [("Double", "DoubleClick and Double Click"), ("aa", "aaaaa"), ("", "ab"),
                                       ("x", "no match")])
def test_literal_ends_are_the_regex_match_ends(word: str, text: str) -> None:
    assert _literal_ends(word, text) == [m.end() for m in re.finditer(re.escape(word), text)]


def test_a_title_cut_inside_a_word() -> None:
    assert _cut_mid_word("Double", "You can opt out of DoubleClick's use")
    assert not _cut_mid_word("Double", "Double Click and DoubleClick")
