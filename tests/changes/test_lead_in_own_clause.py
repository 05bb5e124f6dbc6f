"""A sentence with its own subject after an adverbial opener is not an item of the list before it.

'At times Acme may make certain personal information available to partners' after 'We use your
personal information to: …' was said as 'Acme now uses your personal information to at times
Acme may make …'.
"""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.anchors import _item_of_list

LIST = ["We use your personal information to:", "Deliver notices to you;", "Provide you with updates;",
        "Enforce the Acme Terms of Use."]


def test_an_item_of_a_to_list_still_reads_on_from_its_lead_in() -> None:
    assert _item_of_list(LIST, 2) == "We use your personal information to:"


def test_a_sentence_with_its_own_subject_after_an_opener_is_no_item() -> None:
    own = "At times Acme may make certain personal information available to strategic partners."
    assert _item_of_list(LIST + [own], 4) is None
    assert _item_of_list(LIST + ["From time to time, we may send you offers by e-mail."], 4) is None


def test_the_report_never_joins_such_a_sentence_to_the_lead_in() -> None:
    old = "Acme Privacy Policy\n\n" + "\n".join(LIST) + "\n"
    new = old + "\nDisclosure to Third Parties\n\nAt times Acme may make certain personal information " \
                "available to strategic partners that work with Acme to provide services to you.\n"
    report = compare(old, new)
    lines = [report.headline, *report.bullets]
    assert not any("to at times" in line.lower() for line in lines), lines
