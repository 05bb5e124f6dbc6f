"""A right exercised through a named tool the old text already pointed to is no new right
(tracker.changes.sameact.same_tool): a blind reader graded 'Rewrite with a new right: you can
control what information Google uses to show you ads by visiting your ad settings' 0, the old
text having sent users to 'Ads Settings' for the same choice."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.corroborate import Side
from tracker.changes import sameact

_BASE = ("Acme Privacy Policy\n\nInformation We Collect\n\nWe collect your name and email address when you "
         "register.\n\nHow We Use Information\n\nWe use your email address to send you receipts.\n\n")
_OLD_CHOICE = ("Your Choices\n\nView and edit your preferences about the Acme ads shown to you, such as which "
               "categories might interest you, using Ads Settings.\n\n")
_NEW_CHOICE = "Your Choices\n\nYou can control what information we use to show you ads by visiting your ad settings.\n\n"


def test_a_control_through_the_same_tool_is_no_new_right() -> None:
    r = compare(_BASE + _OLD_CHOICE, _BASE + _NEW_CHOICE)
    assert not any(s["impact"] == "right-added" for s in r.statements)
    assert "new right" not in r.headline.lower()


def test_a_control_through_a_tool_the_old_text_never_named_is_new() -> None:
    r = compare(_BASE, _BASE + _NEW_CHOICE)
    assert any(s["impact"] == "right-added" for s in r.statements)


def test_same_tool_needs_the_claims_acts_and_a_named_tool() -> None:
    viewed = Side(["You can view your activity in the Privacy Dashboard."])
    # the Dashboard was there, but only to view: downloading through it is new
    assert not sameact.same_tool("You can download your data through the Privacy Dashboard.", viewed)
    assert sameact.same_tool("You can review your activity at any time in your privacy dashboard.", viewed)
    # 'this page' names no tool
    assert not sameact.same_tool("You can control your ads on this page.", Side(["You can opt out on this page."]))
