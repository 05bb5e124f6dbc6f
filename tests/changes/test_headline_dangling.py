"""A headline must read on its own: a statement that says 'this information' or 'does this' of
something it never names leads only when no plain statement about as important exists."""

from __future__ import annotations

from tracker.changes.headline import _weak_lead, headline_of
from tracker.changes.rules.common import Statement
from tracker.changes.summary import Facts


def _facts() -> Facts:
    return Facts([], [], [], [], {}, {}, [("sharing", 1)], 0.9, {}, 1, 1, False)


def test_a_statement_with_a_dangling_this_gives_way_to_a_plain_one() -> None:
    tracking = Statement("Acme may keep track of how you interact with links in its messages", "tracking", "practice-changed")
    for dangling in ("Acme does this to help improve its Services",
                     "Acme may use this information to provide you with location-based services"):
        first = Statement(dangling, "sharing", "sharing-widened")
        assert headline_of([first, tracking], _facts(), "substantive", False) == tracking.text


def test_a_this_the_sentence_names_itself_or_a_dropped_promise_still_leads() -> None:
    tracking = Statement("Acme may keep track of how you interact with links in its messages", "tracking", "practice-changed")
    named = Statement("When you use its apps, Acme may receive information about your location and use this information "
                      "for ads", "collection", "collection-widened")
    assert headline_of([named, tracking], _facts(), "substantive", False) == named.text
    promise = Statement("Acme drops its promise not to use this information for marketing without your consent", "promises",
                        "promise-withdrawn")
    assert headline_of([promise, tracking], _facts(), "substantive", False) == promise.text
    # 'such information as your name' introduces what it means; 'to do so' is not a dangling 'this'
    for plain in ("Acme may ask you for such information as your name and address",
                  "Acme will not share your data unless you have allowed Acme to do so"):
        s = Statement(plain, "sharing", "sharing-widened")
        assert headline_of([s, tracking], _facts(), "substantive", False) == plain


def test_a_dangling_statement_leads_rather_than_a_far_lesser_one() -> None:
    dangling = Statement("Acme may share this information with event sponsors", "sharing", "sharing-widened")
    reword = Statement("Acme now says its help pages explain how accounts are closed", "other", "reworded")
    assert headline_of([dangling, reword], _facts(), "substantive", False) == dangling.text


def test_a_sentence_that_only_says_where_to_read_more_is_a_pointer() -> None:
    assert _weak_lead(Statement("No longer says: Acme's privacy site provides more information about how Acme keeps your "
                                "information safe", "other", "practice-changed"))
    assert not _weak_lead(Statement("Acme provides your information to advertisers", "sharing", "sharing-widened"))
