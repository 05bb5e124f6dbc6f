"""Page chrome, editor's notes and holed sentences are never published as statements, on whole
synthetic policies run through the detector as well as on single statements."""

from __future__ import annotations

import pytest

from tracker.changes.detector import compare
from tracker.changes.publishable import fragment, publishable
from tracker.changes.statements import Statement

_POLICY = """Privacy Policy

Information We Collect
We collect the name, e-mail address and postal address you give us when you create an account.
We collect information about the pages you visit and the device you use.

How We Use Information
We use your information to fill your orders and to send you service messages.
We do not sell your personal information to third parties.

Retention
We keep order records for seven years to meet our legal obligations.
"""


def _said(report: object) -> str:
    return "\n".join([report.headline, *report.bullets])  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    "Under Choice section - clarified how to manage location information",          # changelog line
    "Retention rule dropped: Under Security section - deleted paragraph about Email Security",
    "Cookies section - reword examples paragraph and added a paragraph about third party tags",
    "No longer says: Under What Information Is Collected section",
    "Adds: Updated the Service Providers paragraph",
    "Adds: this notice contains six sections, and you can jump to each by selecting the links below",
    "Adds: View your privacy statement",                                           # a link's label
    "Adds: Download the app",
    "No longer says: Sign up to follow, and Daily Planet will e-mail you free updates as they're published",
    "No longer says: You'll receive an alert each time a new story is published",
    "Mayor 'will not resign' Council votes on budget - Morning Briefing",           # a news teaser
    "Adds: Stocks slide as oil prices climb again in early trading",               # no word of policy
    "No longer says: Storm damage assessed on coast",                              # a headline
    "Adds: Sign in create an account create a list find a list see all your lists",  # glued controls
    "Adds: Suggestions are available, use arrow keys to navigate and press enter to make a selection",
    "Adds: Save up to 30% on select costumes. plus, free shipping when you spend $50",  # shop front
    "No longer says: Stores find a store clinic optical pharmacy photo studio about Acme company information "
    "careers investor relations affiliates",                                       # a menu
    "Porter continues Wizards' youth movement Supreme Court is correct on Voting Rights Act George F. Will",
    "Last update: 08/13/2013 Aug 2013 Added ticket and web site analytics opt out information",
    "Now says “affiliates through other means Recommend” (was: “affiliates through other means What "
    "personally identifiable information do I provide?”)",                          # a heading glued to the old words
    "Shop the Acme Online Store (1-800-MY-ACME), visit an Acme Store, or find a reseller",
    "Members enjoy instant videos, free e-books and unlimited free two-day shipping",
    "Access your cloud dashboard, manage orders, and more",
    "Learn more about this setting and your Do Not Track browser option here",
    "Acme Bank, which issues commercial card accounts and consumer financial products",
    "Types of information Acme collects may include",
    "The history of material changes at the end of this policy begins as of July 2004",
    "Adds: Please read user agreement ( ) before using this service",
])
def test_page_chrome_and_editors_notes_are_not_published(text: str) -> None:
    assert fragment(text) is not None


@pytest.mark.parametrize("text", [
    "Data collected through the widget can be , by the site owner or by Acme",      # a link's words gone
    "Adds: in has also certified its practices under the Data Privacy Framework",  # the tail of a name
    "You can see a representation of this when you enter a secure page",          # which 'this'?
])
def test_holed_and_cut_sentences_are_not_published(text: str) -> None:
    assert fragment(text) is not None


@pytest.mark.parametrize("text", [
    "Acme keeps server logs for 90 days",
    "Acme shares your data with advertisers",
    "The Mobile Apps section below addresses your choices about location collection",
    "New right: you can delete your account at any time",
    "No longer says: Acme does not sell your personal information",
    "Adds: Acme may use cameras in its stores for security purposes",
    "Now says G Suite instead of Google Apps",
    "Contact Acme at privacy@acme.com to exercise these rights",
    "Adds: In addition, we may share aggregate statistics with partners",
    "Example Inc. is located in the U.S. and answers within two weeks",
    "As of June 2024, creators are able to offer paid access to specific channel posts by accepting Stars",
    "Acme has acquired Widgets and combined it with Gadgets to form a new company named Thing",
    "Acme welcomed Beta, Inc. to the Acme family in March 2015",
    "Click here to log in to your account and then click the Unsubscribe From Newsletter button",
    "Acme Bank, which issues our cards, may receive your payment data",
    "Adds: 您的数据可能被传输到其他国家。Ваши данные могут передаваться в другие страны",   # other languages:
    "Adds: Wir erheben Ihre Daten nur mit Ihrer Einwilligung",                    # no English word of data
    "Adds: Nous utilisons vos données pour améliorer le service",                 # says anything of them
    "Acme collects wireless location information (including cell tower, Wi-Fi and Global Positioning "
    "Satellite data) from your device",
])
def test_policy_sentences_are_published(text: str) -> None:
    assert fragment(text) is None


def test_a_stray_space_before_a_comma_is_closed_up_not_dropped() -> None:
    s = Statement("Acme may share your data with its payment processor , and with its auditors", "sharing",
                  "sharing-widened", None, "Acme may share your data with its payment processor , and with its auditors")
    out = publishable([s])
    assert [t.text for t in out] == ["Acme may share your data with its payment processor, and with its auditors"]
    assert out[0].new == out[0].text


def test_a_changelog_line_never_stands_for_the_change_it_describes() -> None:
    old = _POLICY + "\nChanges\nWe updated this policy on January 1.\n"
    new = (_POLICY.replace("We keep order records for seven years to meet our legal obligations.",
                           "We keep order records for seven years to meet our legal obligations.\n"
                           "We use cameras in our stores to prevent theft and fraud.")
           + "\nChanges\nWe updated this policy on March 1.\n"
           "Under Retention section - added information about the use of cameras in stores\n")
    report = compare(old, new)
    said = _said(report)
    assert "section - added" not in said
    assert "cameras" in said


def test_a_news_teaser_menu_around_the_policy_is_not_reported() -> None:
    old = "Top Stories\nCouncil approves new budget\n\n" + _POLICY
    new = "Top Stories\nMayor 'will not resign' Council votes on budget - Morning Briefing\n\n" + \
        _POLICY.replace("send you service messages", "send you service messages and order updates")
    said = _said(compare(old, new))
    assert "Mayor" not in said and "Council" not in said
    assert "order updates" in said


@pytest.mark.parametrize("said, told", [
    ("we of course cannot control how they use it", "Acme of course cannot control how they use it"),
    ("we in turn share the results with partners", "Acme in turn shares the results with partners"),
    ("we never sell your data", "Acme never sells your data"),
])
def test_an_adverbial_between_subject_and_verb_is_not_conjugated(said: str, told: str) -> None:
    from tracker.changes.phrasing import third_person
    assert third_person(said, "Acme") == told        # never 'Acme ofs course'


@pytest.mark.parametrize("line", ["Enforce the Acme Terms of Use; and", "Provide you with updates regarding Acme Products;",
                                  "Detect and prevent fraud, or"])
def test_an_item_of_a_list_that_goes_on_is_no_heading(line: str) -> None:
    from tracker.changes.headings import is_title_line
    assert not is_title_line(line)


def test_a_list_item_is_not_reported_as_a_new_section() -> None:
    old = ("Privacy Policy\n\nHow We Use Information\nWe use your information to:\nProvide the service;\n"
           "Send you notices;\n\nSharing\nWe do not sell your personal information.\n")
    new = old.replace("Send you notices;\n", "Send you notices;\nEnforce the Acme Terms of Use; and\n")
    report = compare(old, new)
    assert not any("Enforce" in t for t in report.sections_added), report.sections_added
