"""An added sentence that rewords an unpaired removed one is no news, read from either side
(corroborate.reworded_pair and its mutual reading, _like_for_like); a right over all the
user's data is the same right in any sentence giving the same act over all of it (sameact.same_act)."""

from __future__ import annotations

from tracker.changes.corroborate import Side, reworded_pair
from tracker.changes.report import Change
from tracker.changes.rules.common import Statement
from tracker.changes.sameact import same_act

OLD = "If you are a user in the EEA and have a question or a complaint about Acme and Privacy Shield, please contact us."
NEW = "EEA individuals with inquiries or complaints regarding our Privacy Shield policy should first contact us here."


def _changes(old: str, new: str) -> list[Change]:
    """A removed and an added sentence of one section, left unpaired by the alignment."""
    return [Change("removed", "Privacy Shield", old, None), Change("added", "Privacy Shield", None, new)]


def _said_new(new: str) -> Statement:
    """The added sentence (change 1) quoted as new."""
    return Statement(f"New: {new}", "international-transfer", "practice-changed", None, new, (1,))


def test_the_added_half_of_a_rewording_is_no_news() -> None:
    # the removed half was already recognised; the added half is the same pair read the other way round
    changes = _changes(OLD, NEW)
    assert reworded_pair(Statement(f"No longer says: {OLD}", "contact", "practice-changed", OLD, None, (0,)), changes)
    assert reworded_pair(_said_new(NEW), changes)


def test_an_old_sentence_grown_by_a_clause_is_still_news() -> None:
    new = ("In order to secure your personal information, access to your data is password-protected, and sensitive "
           "data such as credit card numbers is protected by SSL encryption when it is exchanged with our web site.")
    old = "In order to secure your personal information, all communications with our website are protected by SSL encryption."
    assert not reworded_pair(_said_new(new), _changes(old, new))


def test_a_name_the_old_sentence_lacks_is_news() -> None:
    # the words of the old sentence, but the complaint now goes to another body
    new = "EEA individuals with inquiries or complaints regarding our Privacy Shield policy should first contact TRUSTe."
    assert not reworded_pair(_said_new(new), _changes(OLD, new))
    assert reworded_pair(_said_new(NEW), _changes(OLD, NEW))


def test_a_right_over_all_your_data_is_the_same_right_said_of_the_data_about_you() -> None:
    old = Side(["You have a right to access, modify, correct and eliminate the data about you which we hold."])
    new = Side(["You may request deletion of your information at any time by contacting customer service.",
                "You can update information at any time."])
    assert same_act("You may request deletion of your information at any time by contacting customer service.", old, new)
    assert same_act("You can update information at any time.", old, new)


def test_a_right_over_all_your_data_is_news_where_the_old_right_was_over_one_kind() -> None:
    old = Side(["You may delete your photos at any time.", "You can update your account information in your settings."])
    new = Side(["You may request deletion of your information at any time."])
    assert not same_act("You may request deletion of your information at any time.", old, new)
    assert not same_act("You can update information at any time.", old, new)
