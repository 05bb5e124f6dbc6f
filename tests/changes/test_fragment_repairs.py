"""Fragments repaired before they are published: list labels, cut lists, open quotes, wraps,
brand names split as headings, and edits stated as sentences instead of redline."""

from __future__ import annotations

import pytest

from tracker.changes.detector import compare
from tracker.changes.headings import _glued_candidates
from tracker.changes.phrasing import compact, tidy
from tracker.changes.publishable import fragment, publishable, unlabelled
from tracker.changes.rules.common import Statement
from tracker.changes.segment import split_sentences, unwrap


def _text(t: str) -> str:
    return unlabelled(Statement(t, "other", "practice-changed")).text


@pytest.mark.parametrize("text, expected", [
    ("Unique application number - Certain services include a number that is not associated with your account",
     "Certain services include a number that is not associated with your account"),
    ("User content: Acme may collect information that you submit when you contact support",
     "Acme may collect information that you submit when you contact support"),
    ("Ad choices September 13, 2016 Online advertising for example.com is delivered by the vendor DoubleClick",
     "Online advertising for example.com is delivered by the vendor DoubleClick"),
    ("If you are a user in the EEA or Switzerland. the following information applies to your data",
     "If you are a user in the EEA or Switzerland, the following information applies to your data"),
    ("Your Contacts are used to personalize the Service, such as suggesting likely co-authors, recommending users",
     "Your Contacts are used to personalize the Service"),
    ("And Acme may share reports that combine the information from many users",
     "Acme may share reports that combine the information from many users"),
    ("No longer says: But Acme does not link your IP address to anything personally identifiable",
     "No longer says: Acme does not link your IP address to anything personally identifiable"),
    ("If you have any questions, please feel free to contact Acme through its website or write to Acme at",
     "If you have any questions, please feel free to contact Acme through its website"),
])
def test_labels_stops_and_cut_lists_are_repaired(text: str, expected: str) -> None:
    assert _text(text) == expected


def test_a_lone_quotation_mark_is_taken_out() -> None:
    assert _text('Public activities" also includes sharing via select third-party tools on the site') == \
        "Public activities also includes sharing via select third-party tools on the site"
    assert _text("Acme may disclose which query words are most often used with the query word “Linux") == \
        "Acme may disclose which query words are most often used with the query word Linux"


@pytest.mark.parametrize("text", [
    "Acme's Binding Corporate Rules - Controller (BCR-C) provide that transfers benefit from adequate safeguards",
    "New right: you can edit your Account Information, including your marketing preferences, at any time",
    "Acme may also ask for other information, like a business tax ID, to help process your payment",
    "Acme now states its legal basis for processing personal data: consent and legitimate interests",
])
def test_whole_sentences_are_left_alone(text: str) -> None:
    assert _text(text) == text


@pytest.mark.parametrize("text", [
    "Activity on third-party sites and apps that use its services",
    'Acme may access your profile and contacts information ("Contacts)',
    "Acme may disclose which query words are most often used with the query word “Linux",
])
def test_noun_phrases_and_open_quotes_are_fragments(text: str) -> None:
    assert fragment(text) is not None


@pytest.mark.parametrize("text", [
    "Click here to log in to your account and then click the Unsubscribe From Newsletter button",
    'Acme may access your profile and contacts information ("Contacts")',
    "Information about you helps us improve the service",
])
def test_sentences_with_closed_quotes_or_a_verb_are_kept(text: str) -> None:
    assert fragment(text) is None


def test_a_label_is_cut_from_the_statement_and_its_values() -> None:
    s = Statement("Cookies - When you visit Acme, Acme sends one or more cookies to your computer", "cookies-tracking",
                  "practice-changed", None, "Cookies - When you visit Acme, Acme sends one or more cookies to your computer")
    out = publishable([s])
    assert out[0].text.startswith("When you visit Acme") and out[0].new and out[0].new.startswith("When you visit")


def test_a_closing_quote_inside_brackets_is_kept() -> None:
    assert tidy('You give us access to your contacts information ("Contacts").') == \
        'You give us access to your contacts information ("Contacts")'


def test_examples_are_not_cut_through_a_relative_clause() -> None:
    text = "Certain services, such as Toolbar, include a unique number that is not associated with your account"
    assert compact(text) == text
    assert compact("Certain data, such as your name and address, are kept") == "Certain data are kept"


def test_a_brand_with_an_inner_capital_is_no_glued_heading() -> None:
    body = ("Online advertising is delivered by the vendor DoubleClick. DoubleClick places cookies on your browser. "
            "You can opt out of DoubleClick's use of cookies by visiting its site.")
    assert _glued_candidates(body) == []
    glued = "We keep it safe.Privacy PolicyAn updated version applies to all of the data we hold about you."
    assert _glued_candidates(glued) != []


def test_a_sentence_run_on_after_a_title_starts_its_own() -> None:
    assert split_sentences("This Policy covers the following: Information We Collect We may collect your name.") == \
        ["This Policy covers the following: Information We Collect", "We may collect your name."]
    assert split_sentences("How We Use Information is a heading we keep whole.") == \
        ["How We Use Information is a heading we keep whole."]


_MENU = "\n".join(["Home", "News", "Sports", "Business", "Opinion", "Weather"])
_WRAPPED = ("When you visit a Web site displaying the trustmark, you can expect\n"
            "to be notified of what personally identifiable information of yours\n"
            "is collected; what organization is collecting the information; how\n"
            "The Company uses the information; with whom the information may be\n"
            "shared; and how you can correct any inaccuracies in the information.")
_LONG = "Registration: " + "During a free registration process the site requires your e-mail address. " * 5


def test_a_wrapped_run_is_unwrapped_when_the_rest_of_the_page_is_not_wrapped() -> None:
    text = "\n".join([_MENU, _LONG, _WRAPPED, _LONG])
    out = unwrap(text).split("\n")
    assert any(line.startswith("When you visit") and line.endswith("in the information.") for line in out)
    assert "Home" in out and "Weather" in out        # the menu's short lines stay apart


def test_a_list_of_capitalised_items_is_no_wrapped_run() -> None:
    items = ("Your name and physical address, email addresses, and telephone numbers\n"
             "Behavioral or demographic attributes, when tied to personal identifiers\n"
             "Past transactional behavior on the Channels\n"
             "Information obtained from third parties on your interests")
    text = "\n".join([_LONG, items, _LONG])
    assert items in unwrap(text)


_FIRST = ", ".join(f"Acme Unit {k} LLC (unit{k}.example.com)" for k in range(1, 6))
_LAST = ", ".join(f"Acme Unit {k} LLC (unit{k}.example.com)" for k in range(6, 9))
_CERTIFIED = ("Acme previously certified under the U.S.-E.U. Safe Harbor framework and the U.S.-Swiss Safe Harbor "
              "framework as set forth by the U.S. Department of Commerce regarding the collection, use, and retention of "
              "personal data from European Union member countries and Switzerland")
_INTRO = 'Acme Inc. ("Acme", "we", "us") respects your privacy and explains here how we handle your data.\n\n'
_OLD = (f"{_INTRO}Acme Corporation subsidiaries and affiliates include, but are not limited to: {_FIRST}, {_LAST}."
        f"\n\n{_CERTIFIED}, though does not rely on the Safe Harbor in order to comply with EU law.\n")
_NEW = (f"{_INTRO}Acme Corporation subsidiaries and affiliates include, but are not limited to: {_FIRST}, "
        f"Dermstore LLC (dermstore.com, blush.com), {_LAST}.\n\n{_CERTIFIED}.\n")


def test_a_name_added_to_a_list_and_a_dropped_clause_are_said_without_redline() -> None:
    texts = [s["text"] for s in compare(_OLD, _NEW).statements]
    assert any(t.startswith("Now lists Dermstore LLC") and "among Acme Corporation subsidiaries" in t for t in texts)
    assert "No longer says: Acme does not rely on the Safe Harbor in order to comply with EU law" in texts
    assert not any("“" in t and (t.startswith("Adds") or t.startswith("Drops")) for t in texts)


_LIST_OLD = ("# Your activity\n\nWe collect information about your activity in our services, which we use to recommend "
             "videos you might like. The activity information we collect may include:\n\nTerms you search for\n"
             "Videos you watch\nPurchase activity\n")
_LIST_NEW = _LIST_OLD + "Activity on third-party sites and apps that use our services\n"


def test_a_noun_phrase_item_is_said_with_its_lists_lead_in() -> None:
    texts = [s["text"] for s in compare(_LIST_OLD, _LIST_NEW).statements]
    assert any("the activity information" in t.lower() and t.endswith(
        "may include activity on third-party sites and apps that use its services") for t in texts), texts
    assert "Activity on third-party sites and apps that use its services" not in texts


def test_a_clause_is_not_cut_at_a_comma_after_a_preposition() -> None:
    from tracker.changes.phrasing import clause_about
    text = ("Personal data we collect may be transferred to, and stored and processed in, the United States or any "
            "other country in which we operate")
    said = clause_about(text, None, 80)        # too long to quote whole: no clause ends at 'to,'
    assert said is None or not said.endswith(("transferred", "transferred to"))
