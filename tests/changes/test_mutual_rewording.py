"""An added sentence that rewords an unpaired removed one is no news, read from either side
(corroborate.reworded_pair and its mutual reading, _like_for_like)."""

from __future__ import annotations

from tracker.changes.corroborate import reworded_pair
from tracker.changes.report import Change
from tracker.changes.rules.common import Statement

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
