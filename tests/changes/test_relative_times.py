"""A time shown relative to the capture ('1 week ago' -> '2 weeks ago') is the page's clock, not
the policy: cosmetic, and said so; a period of the policy is never taken for one."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.trivial import relative_time_only

_PAGE = ("# Privacy Policy\n\nAcme collects your e-mail address to send you receipts.\n\n"
         "* Latest post\n* 1 week ago\n\nAcme keeps your data for 90 days.\n")


def test_a_widget_stamp_counting_up_is_cosmetic_and_said() -> None:
    report = compare(_PAGE, _PAGE.replace("1 week ago", "2 weeks ago"))
    assert report.verdict == "cosmetic"
    assert report.headline == "Cosmetic only: page times such as “… ago” changed"


def test_a_period_of_the_policy_is_no_relative_time() -> None:
    report = compare(_PAGE, _PAGE.replace("90 days", "2 years"))
    assert report.verdict != "cosmetic"
    assert not relative_time_only("Acme keeps your data for 90 days.", "Acme keeps your data for 2 years.")


def test_a_long_sentence_counting_back_is_never_a_stamp() -> None:
    old = "We delete the messages of accounts that were last used by their owners more than 1 year ago."
    assert not relative_time_only(old, old.replace("1 year ago", "2 years ago"))
    assert relative_time_only("Posted 3 days ago by Anna", "Posted 4 days ago by Anna")
