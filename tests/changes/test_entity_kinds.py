"""Entities a reader would not call a named third party: pieces of names, a policy's headings,
technologies in a list of data, defined terms, link words, and the author under its own name."""

from __future__ import annotations

import pytest

from tracker.changes import compare
from tracker.changes.edits import _whole_name
from tracker.changes.ownership import self_keys
from tracker.changes.parties import find_parties
from tracker.changes.vendors import find_vendors


def _names(text: str) -> set[str]:
    return {n for n, _, _ in find_parties(text)}


@pytest.mark.parametrize("text,name,piece", [
    # a short lead word glued to a name is the brand's own prefix, not a lost line break
    ("Our affiliates in the United States, including ZapStar LLC and OnQuill LLC, receive your data.",
     "OnQuill LLC", "Quill LLC"),
    ("We use a third-party service provider, OpenQuill Technologies Ltd, to provide comments.",
     "OpenQuill Technologies Ltd", "Quill Technologies Ltd"),
    # an address line run into the name: the postal code and the country are not its words
    ("Write to us at 60 Main Street, San Francisco, CA 94110Zorblax Inc. is the controller of your data.",
     "Zorblax Inc", "CA 94110Zorblax Inc"),
    ("Grand Canal Dock, Dublin, D02 AY86 Ireland Zorblax Inc is also the controller of the data.",
     "Zorblax Inc", "Ireland Zorblax Inc"),
    # a case caption: 'In Re' is no word of the company's name
    ("the orders entered in In Re Quenta Holdings Limited, et al, apply to your data as well.",
     "Quenta Holdings Limited", "Re Quenta Holdings Limited"),
])
def test_a_name_is_found_whole(text: str, name: str, piece: str) -> None:
    names = _names(text)
    assert name in names
    assert piece not in names


def test_a_heading_phrase_is_not_a_company() -> None:
    similar = ("We and our partners use cookies and other tracking technologies on the site.\n"
               "* **Information Collected by Cookies and Similar Tracking Technologies:** we and our providers "
               "use them to measure visits.")
    third = ("We do not sell third-party cookie data to anyone at all.\n"
             "* Other than as outlined in the ‘Analytics and Third-Party Tracking Technologies’ section below, "
             "we keep your data to ourselves.")
    assert "Similar Tracking Technologies" not in _names(similar)
    assert "Third-Party Tracking Technologies" not in _names(third)
    assert "Vexo Technologies" in _names("The family of companies now includes Vexo Technologies and its brands.")


def test_technologies_in_a_list_of_data_are_not_parties() -> None:
    text = ("We collect network information from partner platforms, such as 4G, 5G, Wi-Fi and IMEI, "
            "to measure reach.")
    assert not {"4G", "5G", "Wi-Fi", "IMEI"} & _names(text)


def test_a_defined_role_after_the_is_not_a_company() -> None:
    text = "Any person whose Personal Data are processed by the Client through the Platform is covered."
    assert "Client" not in _names(text)
    assert "Zorblax" in _names("Your payments are processed by Zorblax through the Platform for us.")


def test_a_link_to_opt_out_names_the_product_not_a_company() -> None:
    text = "To opt out of some of our providers, use their own tools:\n    *   Opt Out of Google Analytics: https://x.y"
    assert "Opt Out of Google" not in find_vendors(text)


def test_the_author_under_its_own_names_is_not_a_third_party() -> None:
    assert "quillcms" in self_keys(['We, QuillCMS GmbH, Main Street 4, 10178 Berlin, Germany '
                                         '(hereinafter "we/our"), protect your data.'])
    assert "zorblax ventures" in self_keys(['Zorblax Ventures LLC (“Zorblax”) knows that you care.'],
                                               ("Zorblax", "zorblax"))
    old = ('We, QuillCMS GmbH, Main Street 4, 10178 Berlin, Germany (hereinafter "we/our"), take the protection '
           'of your data seriously.\nWe collect your e-mail address to send you news.\n'
           'QuillCMS GmbH is the controller of your data.')
    new = ('We, Hyperquill GmbH, Main Street 4, 10178 Berlin, Germany (hereinafter "we/our"), take the protection '
           'of your data seriously.\nWe collect your e-mail address to send you news.\n'
           'Hyperquill GmbH is the controller of your data.')
    r = compare(old, new)
    assert not r.entities_removed["vendors"] and not r.entities_added["vendors"]


@pytest.mark.parametrize("chunk,sentence,whole", [
    ("Technologies", "The Services are offered by Proton Technologies AG (the Company).", False),
    ("Kevin", "Mail becomes the property of Kevin Savetz Publishing. Unless noted", False),
    ("Dashboard, Tapjoy", "including Quill Mobile Dashboard, Tapjoy Dashboard, Luna", False),
    ("Zorblax Privacy Notice", "as set out in the Zorblax Privacy Notice, and", False),
    ("Zorblax Privacy Notice, and", "as set out in the Zorblax Privacy Notice, and Quenta", False),
    ("Zorblax and", "services provided by Zorblax and Quenta. Each", True),
    ("Zorblax", "We use Zorblax to verify your identity.", True),
    ("Zorblax", "Zorblax verifies your identity.", True),
    ("Indiana, Kentucky", "residents of Texas, Indiana, Kentucky and Rhode Island", True),
])
def test_a_name_edit_names_a_whole_name(chunk: str, sentence: str, whole: bool) -> None:
    assert _whole_name(chunk, sentence) is whole


def test_a_word_dropped_from_the_company_name_is_no_name_dropped() -> None:
    old = ('The Services are offered by Proton Technologies AG (the "Company" or "We").\n'
           'We collect your e-mail address to create your account and send you notices.')
    new = ('The Services are offered by Proton AG (the "Company" or "We").\n'
           'We collect your e-mail address to create your account and send you notices.')
    r = compare(old, new)
    assert not any("names Technologies" in x for x in [r.headline, *r.bullets])


def test_the_tail_of_a_longer_legal_name_is_no_company() -> None:
    old = "Your data is held by Zorblax Ltd. We collect your e-mail address to send you notices."
    new = ("Your data is held by Zorblax Ltd. We collect your e-mail address to send you notices.\n"
           "For a Mail user, “Quill” means Quill! UK Services Limited which provides Mail, and otherwise "
           "Quill means Quill UK Services Limited in relation to your account.")
    added = compare(old, new).entities_added["vendors"]
    assert "UK Services Limited" not in added
