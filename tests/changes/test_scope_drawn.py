"""A scope statement is new only where it draws a line the old text did not draw in any wording
(tracker.changes.rules.scope.drawn_before): blind readers graded 'New scope' 0 where the old text
already covered off-line sales or already left third parties' practices out."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.rules import scope

_BASE = ("Acme Privacy Statement\n\nInformation We Collect\n\nWe collect your name and email address when you "
         "register.\n\nHow We Use Information\n\nWe use your email address to send you receipts.\n\n")
_OFFLINE_OLD = ("This policy lets you know how we collect and use your information from our websites, "
                "as well as through offline sales and marketing activities.\n\n")
_OFFLINE_NEW = "The Acme Privacy Policy addresses information we collect at our web sites and in off-line sales and marketing activities.\n\n"


def test_a_line_the_old_text_drew_in_other_words_is_no_new_scope() -> None:
    r = compare(_BASE + _OFFLINE_OLD, _BASE + _OFFLINE_OLD + _OFFLINE_NEW)
    assert not any(s["impact"] == "scope-changed" for s in r.statements)
    assert not r.headline.startswith("New scope")


def test_a_line_the_old_text_never_drew_is_a_new_scope() -> None:
    r = compare(_BASE, _BASE + _OFFLINE_NEW)
    assert r.headline.startswith("New scope: ")


def test_drawn_before_reads_the_term_the_words_around_it_and_the_names() -> None:
    old = ["This Privacy Policy only covers the way Acme collects information.",
           "This Policy does not cover how third parties handle the information they receive.",
           "This Privacy Policy also applies to all activities conducted on the BabyConnection.com web site."]
    assert scope.drawn_before("does not address the practices of third parties", old)
    assert not scope.drawn_before("This statement applies to our business operations in the United States.", old)
    # the same words around 'also', but a site the old sentence never named
    assert not scope.drawn_before("This Privacy Policy also applies to all activities conducted on the Toyland Site.", old)
    # a sentence that is not about the document draws no line
    assert not scope.drawn_before("off-line sales", ["We record offline sales and marketing activities."])
