"""A recipient replaced in one sentence or list is said as a replacement, several as the two sets
(tracker.changes.rules.swaps), never as one more recipient or as an invented pairing."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.render import shown_bullets
from tracker.changes.rules.swaps import names_in, sets_statement

_HEAD = ("# Privacy Policy\n\nAcme Corp (\"Acme\", \"we\") runs acme.com. We collect your name and email address when "
         "you register. We use it to run the service.\n\n## Sharing\n\n")
_TAIL = "\n\n## Contact\n\nWrite to privacy@acme.com with any question about this policy.\n"


def _lines(old: str, new: str) -> list[str]:
    r = compare(_HEAD + old + _TAIL, _HEAD + new + _TAIL)
    return [r.headline, *shown_bullets(r.headline, r.bullets)]


def test_one_partner_replaced_in_a_sentence_is_said_with_the_one_it_replaced() -> None:
    lines = _lines("We share your email address with our advertising partner F.T. Specialist Inc. for marketing purposes.",
                   "We share your email address with our advertising partner Money Media Inc. for marketing purposes.")
    assert lines[0].endswith("Money Media Inc. for marketing purposes (was: F.T. Specialist Inc.)")
    assert not any(" now " in x for x in lines)          # the sharing is not new: the partner is


def test_several_partners_changed_in_one_list_are_said_as_the_two_sets() -> None:
    lines = _lines("We work with the following advertising partners, who may collect cookie data on our site: "
                   "Snigel, Buy Sell Ads, Carbon Ads, Google and Ezoic.",
                   "We work with the following advertising partners, who may collect cookie data on our site: "
                   "Actirise, Viously, Pipedrive, Google and Ezoic.")
    assert lines[0] == ("Adds Actirise, Viously and Pipedrive as advertising partners; "
                        "drops Snigel, Buy Sell Ads and Carbon Ads")
    assert not any("(was:" in x for x in lines)         # no pairing of one partner with another


def test_a_list_of_companies_rewritten_in_full_is_said_as_the_two_sets() -> None:
    lines = _lines("We share your data with Snigel SAS, Buy Sell Ads LLC and Carbon Ads Inc. for advertising.",
                   "We share your data with Actirise SAS, Viously SA and Pipedrive OU for advertising.")
    assert lines[0].startswith("Adds Actirise SAS, Viously SA and Pipedrive OU as recipients of data; drops Snigel SAS")


def test_one_list_item_replaced_by_another_is_a_replacement() -> None:
    lines = _lines("We share data with these advertising partners:\n\n- F.T. Specialist Inc.\n- Google LLC\n",
                   "We share data with these advertising partners:\n\n- Money Media Inc.\n- Google LLC\n")
    assert lines[0] == "Now names Money Media Inc. as an advertising partner instead of F.T. Specialist Inc."


def test_a_capitalised_term_swapped_is_no_party() -> None:
    lines = _lines("We share your Personal Data with service providers. Personal data means any information about you.",
                   "We share your Personal Information with service providers. Personal data means any information about you.")
    assert not any("instead of" in x or x.startswith("Adds") for x in lines)


def test_a_sentence_with_another_edit_besides_its_names_is_left_to_the_other_rules() -> None:
    lines = _lines("We share your email address with F.T. Specialist Inc. for marketing purposes.",
                   "We may sell your email address to Money Media Inc. for any purpose.")
    assert not any("(was: F.T. Specialist Inc.)" == x[-len("(was: F.T. Specialist Inc.)"):] for x in lines)
    assert not any(x.startswith("Adds Money Media") for x in lines)


def test_names_and_sets_are_read_and_written_as_a_reader_expects() -> None:
    assert [n for n, _, _ in names_in("We share it with Stripe, Inc. and The Trade Desk.")] == ["Stripe, Inc.", "Trade Desk"]
    assert [n for n, _, _ in names_in("Our partners include F.T. Specialist Inc.")] == ["F.T. Specialist Inc."]
    assert sets_statement(["A1", "B2"], ["C3"], "our service providers may host it") == \
        "Adds A1 and B2 as service providers; drops C3"
    assert sets_statement(["A1"], ["C3", "D4"], "it is listed below") == "Now names A1; no longer names C3 and D4"


def test_a_company_that_only_speaks_of_sharing_is_no_new_recipient() -> None:
    r = compare(_HEAD + "Acme, Inc. knows that you care about how your personal data is used and shared." + _TAIL,
                _HEAD + "Acme Ventures LLC knows that you care about how your personal data is used and shared." + _TAIL)
    assert not [s for s in r.statements if s["impact"] == "new-recipient"]


def test_one_vendor_replaced_inside_a_longer_list_is_said_with_the_list() -> None:
    lines = _lines("Our email vendors are Mailchimp, SocketLabs, Campaign Monitor or Acoustic.",
                   "Our email vendors are Mailchimp, SocketLabs, Campaign Monitor or Braze.")
    assert any(x.endswith("Campaign Monitor or Braze (was: Acoustic)") for x in lines)


def test_the_companys_own_group_renamed_in_a_list_is_no_recipient_swap() -> None:
    lines = _lines("The Acme family of companies includes Acme Online, XO Communications, AOL and MapQuest.",
                   "The Acme family of companies includes Acme Online and Oath.")
    assert not any(x.startswith(("Adds ", "Now names Oath")) for x in lines)
    lines = _lines("We share data with our advertising partners Acme Computer Limited and Beta Ads Inc.",
                   "We share data with our advertising partners Acme UK Limited and Beta Ads Inc.")
    assert not any("(was: Acme Computer Limited)" in x or "instead of Acme" in x for x in lines)
