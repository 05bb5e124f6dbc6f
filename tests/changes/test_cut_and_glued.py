"""Headlines and bullets never cut before their object, never led by an example or a reference
with nothing to point to, never with a section's run-in label glued on, never a bare list item."""

from __future__ import annotations

import pytest

from tracker.changes.anchors import refers_back
from tracker.changes.headline import _weak_lead, trim_tail
from tracker.changes.phrasing import awaits_object, shorten
from tracker.changes.publishable import noun_phrase, publishable, unlabelled
from tracker.changes.rules.common import Statement


@pytest.mark.parametrize("head", [
    "Acme subsidiaries and affiliates include, but are not limited to",
    "Acme collects information such as", "Acme shares data with the", "The categories include",
])
def test_a_head_that_awaits_its_object(head: str) -> None:
    assert awaits_object(head)


@pytest.mark.parametrize("head", ["Acme may share it with its banking partner, TD Bank USA N.A.",
                                  "Acme keeps your data for 30 days", "Acme sells nothing"])
def test_a_whole_clause_does_not_await_an_object(head: str) -> None:
    assert not awaits_object(head)


def test_shorten_never_stops_before_a_list() -> None:
    text = ("Acme Corporation subsidiaries and affiliates include, but are not limited to: Acme Bank, Acme Canada, "
            "Acme Commercial Interiors, Retail Services LLC (Consensus Corporation)")
    cut = shorten(text, 100)
    assert cut is None or not cut.endswith(("limited", "limited to"))


def test_trim_tail_keeps_the_recipient_of_a_verb_of_giving() -> None:
    text = ("New: Acme cookies may be used to collect information about the use of its site and services and "
            "to provide that information to Google Analytics")
    cut = trim_tail(text, 140)
    assert cut is None or cut.endswith("Google Analytics") or not cut.endswith("that information")


@pytest.mark.parametrize("text, expected", [
    ("New right: Access requests You can access and correct most of your personal data stored by Acme",
     "New right: you can access and correct most of your personal data stored by Acme"),
    ("New: Usernames and User IDsUsernames and User IDs are the same thing - a way to identify you on Acme",
     "New: Usernames and User IDs are the same thing - a way to identify you on Acme"),
])
def test_a_run_in_label_is_cut_from_its_sentence(text: str, expected: str) -> None:
    assert unlabelled(Statement(text, "other", "practice-changed")).text == expected


@pytest.mark.parametrize("text", [
    "We may share it with partners You choose when you sign up for the service",
    "Information We Collect We may collect your name and address when you register",
])
def test_a_clause_before_a_capital_is_no_label(text: str) -> None:
    assert unlabelled(Statement(text, "other", "practice-changed")).text == text


def test_a_list_item_with_a_participle_is_a_noun_phrase_even_from_a_named_rule() -> None:
    assert noun_phrase("Information obtained from third parties on your interests")
    assert not noun_phrase("Information obtained from third parties is used to improve ads")
    s = Statement("Information obtained from third parties on your interests", "collection", "sources-widened")
    assert publishable([s]) == []


def test_an_example_sentence_never_leads() -> None:
    s = Statement("For example, some apps use information such as your friends list, to personalize your experience",
                  "sharing", "sharing-widened")
    assert _weak_lead(s)
    assert not _weak_lead(Statement("Some apps use information such as your friends list to personalize your "
                                    "experience", "sharing", "sharing-widened"))


@pytest.mark.parametrize("body", [
    "If you use those services, Acme now collects precise location",
    "Acme has taken steps to restrict misuse of such information by such third parties",
    "you can disable the foregoing feature at any time",
])
def test_references_with_nothing_to_point_to(body: str) -> None:
    assert refers_back(body)


@pytest.mark.parametrize("body", ["Acme may share information such as your name with advertisers",
                                  "In such a case Acme will tell you by e-mail",
                                  "Acme may ask you for such personal information as your name"])
def test_such_as_and_such_a_point_nowhere(body: str) -> None:
    assert not refers_back(body)


def test_a_purpose_clause_after_so_that_is_where_a_long_sentence_may_stop() -> None:
    text = ("New right: if you prefer, you can turn off tailored ads in Acme account settings so that your account "
            "is not matched to information shared by ad partners for tailoring ads")
    assert shorten(text, 120, purpose=True) == "New right: if you prefer, you can turn off tailored ads in Acme account settings"
    assert shorten("Some of this information is collected so that when you visit the Service again, it will recognize "
                   "you and the information could be used to serve advertisements", 60) is None     # a bullet keeps it


def test_a_menu_label_renamed_is_no_practice() -> None:
    from tracker.changes.publishable import fragment
    assert fragment("Acme Stores, Inc. (was: Stores Info)") is not None
    assert fragment("Industry Solutions (was: Find a Partner Solution)") is not None
    assert fragment("Acme now uses Google Analytics (was: Omniture)") is None


def test_a_heading_run_on_after_an_address_is_cut_from_it() -> None:
    from tracker.changes.rules.figures import _address_statement
    said = _address_statement("Written inquiries may be addressed to: Acme, 1 Main St, Denver, CO 80237, USA",
                              "Written inquiries may be addressed to: Acme, 7700 Technology Way Denver, CO 80237, USA "
                              "Policy Updates")
    assert said is not None and "Policy Updates" not in said[0]


def test_a_camel_case_name_is_not_cut_as_a_glued_heading() -> None:
    from tracker.changes.headings import glued_inside_name
    from tracker.changes.segment import _split_glued_heading
    assert _split_glued_heading("Consent to LinkedIn Processing Information About You") == \
        ["Consent to LinkedIn Processing Information About You"]
    text = "The purpose of the LinkedIn website is to help. You benefit from the LinkedIn website."
    assert glued_inside_name(text, text.index("In website"))
    assert _split_glued_heading("About this policyWhen this policy applies") == ["About this policy", "When this policy applies"]


def test_a_name_opening_an_office_clause_keeps_its_capitals() -> None:
    from tracker.changes.detector import compare
    old = "We collect your name and e-mail address when you register for an account with us.\n"
    new = old + ("\nBrightwave Corp participates in the EU Safe Harbor Privacy Framework as administered by the US "
                 "Department of Commerce as a data controller, and has self-certified its privacy practices.\n")
    texts = [s["text"] for s in compare(old, new).statements]
    assert any("Brightwave Corp participates" in t for t in texts), texts
