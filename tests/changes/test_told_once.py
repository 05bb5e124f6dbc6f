"""The same news told once: a name line beside the longer line that names it, a headline that
carries the old value a bullet would otherwise repeat it for."""

from tracker.changes.headline import _short_form, edit_window, headline_of
from tracker.changes.render import shown_bullets
from tracker.changes.rules.common import Statement
from tracker.changes.statements import names_told_elsewhere
from tracker.changes.summary import Facts


def _st(text: str, impact: str = "reworded", short: str = "") -> Statement:
    return Statement(text, "other", impact, short=short)


def test_one_word_name_told_by_a_longer_line_is_dropped() -> None:
    law = "New: Residents of Montana may rely on the Montana Consumer Data Privacy Act"
    name = "Now also names Montana"
    assert names_told_elsewhere(name, [law, name])
    assert not names_told_elsewhere(law, [law, name])
    assert shown_bullets(law, [name, "New right: you can appeal a refused request"]) == [
        "New right: you can appeal a refused request"]
    assert shown_bullets(name, [law]) == [law]


def test_name_line_kept_when_no_other_line_says_it() -> None:
    law = "New: Residents of Oregon may rely on the Oregon Consumer Privacy Act"
    assert not names_told_elsewhere("Now also names Montana", [law])


def test_name_said_only_inside_a_word_is_not_told() -> None:
    other = "New: the company uses Artificial intelligence to rank posts in your feed"
    assert not names_told_elsewhere("Now names Art", [other])


def test_a_name_no_longer_named_needs_a_line_that_says_it_is_gone() -> None:
    still = "IDB may share usage data with its analytics partners for measurement"
    gone = "IPinfo may change this Privacy Policy at any time, at its discretion (was: IDB may)"
    name = "No longer names IDB"
    assert not names_told_elsewhere(name, [still, name])
    assert names_told_elsewhere(name, [gone, name])


def test_inner_old_value_rides_in_the_headline_when_it_fits() -> None:
    s = _st("The new capture holds no text (was: the 3,791-word policy); nothing is reported as removed",
            "page-summary", short="The new capture holds no text; nothing is reported as removed")
    assert _short_form(s, 139) == s.text
    assert _short_form(s, 60) == s.short


def test_edit_window_is_the_changed_words_with_context() -> None:
    new = "The service and its providers do not collect or use personal information"
    old = "The service and its providers do not collect or use personal user information"
    assert edit_window(new, old) == "personal user information"
    assert edit_window(new, "Nothing alike at all here") is None


def test_headline_carries_the_edit_window_when_the_whole_old_sentence_does_not_fit() -> None:
    new = "For additional information about the additional rights that may be available to you"
    old = ("for additional information about the additional rights that may be available to you if you live "
           "in certain US states")
    s = _st(f"{new} (was: {old})", "pointer")
    head = headline_of([s], Facts([], [], [], [], {}, {}, [], 0.9, {}, 1, 1, False), "minor", False)
    assert "(was: " in head and "certain US states" in head and len(head) < 140


def test_no_edit_window_for_words_only_added() -> None:
    new = "Acme collects Personal Information (and engages third parties to collect it) for a variety of reasons"
    old = "Acme collects Personal Information for a variety of reasons"
    assert edit_window(new, old) is None


def test_no_edit_window_that_is_a_name_alone() -> None:
    new = "Acme shares data with its advertising partners Acme UK Limited and Beta Ads Inc."
    old = "Acme shares data with its advertising partners Acme Computer Limited and Beta Ads Inc."
    assert edit_window(new, old) is None
