"""List items and cut clauses said as sentences a reader can take alone (issue 13, fragments).

Short synthetic texts: an item of a list said with its lead-in's subject and verb (a name keeps
its capitals, 'The …' items too, 'For example, you can:', 'Here are some examples of the
information we collect: …', a run of lines that close on no stop), several new items of one
list said as one line, an item that dropped the subject its siblings give ('We use …' / 'Use
…'), and what is never shown: a lead-in glued to a bare item, a wrapped line, a list's tail,
a purpose cut from its sentence."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from tracker.changes import compare
from tracker.changes.headline import trim_tail
from tracker.changes.phrasing import shorten
from tracker.changes.publishable import cut_purpose, fragment, glued_item, spaced, unlabelled, without_glued_tail
from tracker.changes.report import Change
from tracker.changes.rules.common import Statement

_OTHER = ("Acme Privacy Policy\n\nAcme may also collect Other Information through your use of the Channels. "
          "Other Information may include, but is not limited to:\n\nBrowser type and version\n"
          "Internet Protocol address and information derived from it\n")
_TAIL = "\nAcme keeps your data safe and secure at all times.\n"


def _lines(old: str, new: str) -> list[str]:
    report = compare(old, new)
    return [report.headline, *report.bullets]


def test_an_item_opening_like_a_sentence_is_said_with_its_lead_in() -> None:
    old = _OTHER + _TAIL
    new = _OTHER + "The web search you used to locate and navigate to the Channels\n" + _TAIL
    lines = _lines(old, new)
    assert any("Other Information may include the web search you used" in b for b in lines), lines
    assert not any(b.startswith(("The web search", "New: The web search")) for b in lines), lines


def test_new_items_of_one_list_are_said_as_one_line() -> None:
    old = _OTHER + _TAIL
    new = _OTHER + "Precise location that your device sends us\nContacts that you keep on your phone\n" + _TAIL
    lines = _lines(old, new)
    both = [b for b in lines if "precise location" in b.lower() and "contacts that" in b.lower()]
    assert both and "; " in both[0] and "Other Information may" in both[0], lines


def test_a_modal_lead_in_gives_its_subject_to_a_verb_item() -> None:
    intro = "Acme Policy\n\nPeople have different concerns. For example, you can:\n\nReview your account on the Dashboard.\n"
    old = intro + "View and edit your ads preferences using the Ads Preferences Manager.\n" + _TAIL
    new = intro + "View and edit your ads preferences using Ads Settings.\n" + _TAIL
    lines = _lines(old, new)
    assert any("You can view and edit your ads preferences using Ads Settings" in b for b in lines), lines
    assert not any(b.startswith("View and edit") for b in lines), lines


def test_examples_glued_to_their_lead_in_read_on_from_its_clause() -> None:
    head = ("Acme Policy\n\nWe collect information from the devices you use. Here are some examples of the information "
            "we collect: Attributes such as the operating system and hardware version.Device locations, including GPS signals.")
    old = head + _TAIL
    new = head + "Connection information such as the name of your mobile operator or ISP and browser type." + _TAIL
    lines = _lines(old, new)
    assert any("collects connection information such as the name of your mobile operator" in b for b in lines), lines
    assert not any(b.startswith("Connection information") for b in lines), lines


def test_an_item_without_the_subject_of_its_siblings_gets_it() -> None:
    head = ("Acme Policy\n\nWe use your billing information to process your payments.\n"
            "We use information to find and prevent fraud.\n")
    old = head + _TAIL
    new = head + "Use your information to develop new products or services for you.\n" + _TAIL
    lines = _lines(old, new)
    assert any("uses your information to develop new products" in b for b in lines), lines
    assert not any(b.startswith(("Use your information", "New: Use your")) for b in lines), lines


def test_an_item_in_a_run_of_unterminated_lines_joins_its_lead_in() -> None:
    head = ("Acme Policy\n\nAcme does not share your information. The only exceptions to this rule are the following:\n"
            "If you specifically authorize Acme to share your information with another company\n"
            "Disclosure is necessary to protect the safety of customers, employees, or property\n")
    old = head + _TAIL
    new = head + "Sharing data with our vendors, only to the extent necessary for them to do their work.\n" + _TAIL
    lines = _lines(old, new)
    assert any("The only exceptions to this rule are sharing data with its vendors" in b for b in lines), lines


def test_a_lead_in_glued_to_a_bare_item_is_never_shown() -> None:
    assert glued_item("Acme makes this possible by sharing your information in the following ways:People you share with")
    assert glued_item("Information Acme receives from third parties:Acme Platform and Acme Connect")
    assert not glued_item("Write to us at mailto:Privacy or see http://Example.com for details")
    old = "Acme Policy\n\nWe share data with vendors.\n" + _TAIL
    new = ("Acme Policy\n\nWe share data with vendors. We make this possible by sharing your information in the "
           "following ways:People you share and communicate with.\n" + _TAIL)
    assert not any("ways:People" in b or "ways: People" in b for b in _lines(old, new))


def test_a_colon_or_semicolon_glued_to_the_next_word_gets_its_space() -> None:
    s = Statement("Acme does not share it unless it has:received your permission;given you notice", "sharing", "x")
    assert spaced(s).text == "Acme does not share it unless it has: received your permission; given you notice"
    link = Statement("Write to mailto:privacy@acme.com or https://acme.com/privacy", "other", "x")
    assert spaced(link).text == link.text


def test_a_wrapped_line_that_opens_in_lower_case_is_never_shown() -> None:
    head = "Acme Policy\n\nAcme may send e-mail to:\nProvide information to those who have voluntarily provided\n"
    old = head + "promotional material\n" + _TAIL
    new = head + "their e-mail addresses to third parties in order to receive\npromotional material\n" + _TAIL
    assert not any("their e-mail addresses" in b.lower() for b in _lines(old, new))


def test_a_list_tail_and_a_glued_sentence_start_are_fragments() -> None:
    assert fragment("Friends; and employ other Personal Notification Services, such as Order Notifications") is not None
    s = Statement("New right: you can opt out of social ads on this help page.To supplement your profile", "rights", "x")
    assert without_glued_tail(s).text == "New right: you can opt out of social ads on this help page"


def test_a_purpose_cut_from_its_sentence_is_never_shown() -> None:
    whole = ("To remove your name from lists that we sell to third parties, or to opt out of mail offers, please use "
             "the opt-out form available here")
    ctx: Any = SimpleNamespace(changes=[Change("added", "", None, whole)])
    cut = Statement("To remove your name from lists that Acme sells to third parties", "sharing", "x", changes=(0,))
    assert cut_purpose(cut, ctx)
    kept = Statement("To protect your data Acme audits its systems for possible attacks", "security", "x", changes=(0,))
    ctx.changes = [Change("added", "", None, "To protect your data we audit our systems for possible attacks")]
    assert not cut_purpose(kept, ctx)


def test_a_verb_and_its_object_are_no_run_in_label() -> None:
    s = Statement("Acme Labs allows Users to link their Facebook and Twitter accounts to its Service", "x", "x")
    assert unlabelled(s).text == s.text


def test_cuts_never_end_on_a_limit_still_to_come() -> None:
    text = ("You will always retain the option to choose if your contact information is used to send you company "
            "and product information, special offers, and in some cases, newsletters")
    assert trim_tail(text, 60) != "You will always retain the option"
    long = ("The only exceptions are sharing data with its vendors, contractors and agents, only to the extent "
            "necessary for them to perform their work, in order that Acme can carry out its functions")
    cut = shorten(long, 110)
    assert cut is None or not cut.endswith(", only")


def test_a_policy_written_in_lower_case_keeps_its_sentences() -> None:
    from tracker.changes import compare
    head = ("acme collects your name and e-mail address when you register. acme uses them to run the service. "
            "you can ask acme for a copy of your data at any time.\n\n")
    new = head + ("## how long does acme keep data?\n\nacme keeps billing information for as long as your account "
                  "is active and for 90 days after it is closed. server logs are deleted after 30 days.\n")
    report = compare(head, new)
    assert any("90 days" in line for line in [report.headline, *report.bullets])
