"""Who the policy's "we" is, and the company responsible renamed: a vendor's site the policy links
to is never its author, a tie between mailboxes goes to the name the text writes, a site's name is
the whole name it spells ('The Trade Desk', never 'Trade'), and a new legal entity behind the policy
is told as such ('Now names X as the company responsible (was: Y)')."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.detector import _owner_name
from tracker.changes.entities import first_party

GOOGLE_LINKS = ["https://policies.google.com/technologies/ads", "https://adssettings.google.com/",
                "https://www.google.com/policies/privacy/partners/", "https://support.google.com/ads"]


def test_a_vendors_site_linked_most_is_not_the_author() -> None:
    text = ("Acmebikes rents bicycles. We use Google Analytics to count visits. "
            "Acmebikes keeps your data safe. See https://acmebikes.example for more.")
    fam, label = first_party([text], GOOGLE_LINKS + ["https://acmebikes.com/a"])
    assert label != "google"
    assert _owner_name((fam, label), text) != "Google"


def test_the_most_named_company_stands_when_a_vendor_is_linked_more() -> None:
    text = " ".join(["Samsung collects data from your Samsung device."] * 10 + ["We use Google Analytics."] * 3)
    links = GOOGLE_LINKS * 3 + ["https://www.samsung.com/a", "https://www.samsung.com/b", "https://www.samsung.com/c"]
    assert first_party([text], links) == ("Samsung", "samsung")


def test_a_mailbox_tie_goes_to_the_name_the_text_writes() -> None:
    text = ("ZETA stores your data with its host HOSTCO. Write to dpo@zeta.com or to personal-data@hostco.com. "
            + "ZETA uses your data to run the service. " * 6
            + "Contact dpo@zeta.com or personal-data@hostco.com.")
    assert first_party([text], [])[1] == "zeta"


def test_a_sites_name_is_told_whole() -> None:
    text = ("The Trade Desk, Inc. respects your privacy. This policy says how the Trade Desk collects data, "
            "and why The Trade Desk shares it with clients. Trade shows and desk work are not covered.")
    assert _owner_name((None, "thetradedesk"), text) == "The Trade Desk"


BODY = ("\n\n## Data we collect\n\nWe collect your name and e-mail address when you sign up. We use them "
        "to run your account. We keep them while your account is open.\n")


def test_a_new_legal_entity_defined_as_the_author_is_told_with_the_old() -> None:
    old = ("# Privacy Policy\n\nExample LLC (“Example”) knows that you care about your data, and we take it seriously. "
           "This policy covers the site run by Example. It does not cover sites that Example does not own, or "
           "people that Example does not employ." + BODY)
    new = old.replace("Example LLC", "Example Ventures LLC")
    r = compare(old, new)
    assert r.headline == "Now names Example Ventures LLC as the company responsible (was: Example LLC)"
    # another company answerable for the user's data weighs by itself, not through the list of names
    assert r.verdict == "substantive" and r.statements[0]["impact"] == "controller-changed"


def test_a_site_now_naming_its_operator_is_told() -> None:
    old = ("# Privacy Policy\n\nAt Shopsite.io, one of our priorities is your privacy. This document says what is "
           "recorded by Shopsite.io and how we use it." + BODY)
    new = ("# Privacy Policy\n\nAt Shopsite.io, operated by Northwind Trading Ltd, one of our priorities is your "
           "privacy. This document says what is recorded by Northwind Trading Ltd and how we use it." + BODY)
    r = compare(old, new)
    assert r.headline == "Now names Northwind Trading Ltd as the company responsible (was: Shopsite.io)"


def test_a_processor_swapped_for_another_is_no_new_company_responsible() -> None:
    old = "# Privacy Policy\n\nPayments are handled by Paycorp Ltd on our behalf." + BODY
    new = "# Privacy Policy\n\nPayments are handled by Moneyhouse Ltd on our behalf." + BODY
    r = compare(old, new)
    assert "company responsible" not in r.headline
    assert not any("company responsible" in b for b in r.bullets)


def test_a_basis_the_old_text_named_is_not_stated_anew() -> None:
    old = ("# Privacy Policy\n\nWe keep logs for security, which is in our legitimate interest. We keep invoices "
           "because of a legal obligation." + BODY)
    new = ("# Privacy Policy\n\nThe legal basis for keeping logs for security is our legitimate interest. The legal "
           "basis for keeping invoices is a legal obligation." + BODY)
    r = compare(old, new)
    assert not any("now states its legal basis" in s["text"] for s in r.statements)


def test_a_company_still_named_elsewhere_is_one_of_several() -> None:
    old = ("# Privacy Policy\n\nFor Brand One, the data controller will be Acme Media, Inc. For Brand Two, the data "
           "controller will be Acme Media, Inc." + BODY)
    new = ("# Privacy Policy\n\nFor Brand One, the data controller will be Acme Media, Inc. For Brand Two, the data "
           "controller will be Acme Magazines, Inc." + BODY)
    r = compare(old, new)
    assert not any("company responsible" in b for b in [r.headline, *r.bullets])


def test_the_old_name_is_the_one_defined_as_we() -> None:
    from tracker.changes.responsible import _defined, _defined_before
    old = "OLDCO HOLDINGS PTE. LTD. (“Acme,” “we” or “us”) takes your privacy seriously."
    new = "Acme Systems Inc. (“Acme,” “we” or “us”) takes your privacy seriously."
    short = _defined("Acme Systems Inc.", new, "Acme")
    assert short is not None
    assert _defined_before(short, old) == "OLDCO HOLDINGS PTE. LTD."


def test_a_sites_name_always_written_in_a_longer_name_is_told_whole() -> None:
    text = ("Donkey Republic rents bikes. We at Donkey Republic keep your data. Contact Donkey Republic support. "
            "Your trips with Donkey Republic are stored.")
    assert _owner_name((None, "donkey"), text) == "Donkey Republic"
    # a name also written alone is the company; the longer one is its product
    text = ("Finnair flies. Finnair Plus members earn points. We at Finnair keep data. Finnair Plus points expire. "
            "Join Finnair Plus today. Finnair serves you.")
    assert _owner_name((None, "finnair"), text) == "Finnair"


def test_a_site_linked_once_whose_name_the_text_writes_is_the_authors() -> None:
    text = ("Savetz Publishing takes privacy seriously. Data is kept by Savetz Publishing staff. Only Savetz "
            "Publishing reads it. We use Google Analytics to count visits.")
    links = GOOGLE_LINKS + ["https://www.savetzpublishing.com/"]
    assert first_party([text], links)[1] == "savetzpublishing"
    assert _owner_name((None, "savetzpublishing"), text) == "Savetz Publishing"


def test_a_legal_form_changed_is_the_same_company_not_another_answerable() -> None:
    from tracker.changes.responsible import same_company
    assert same_company("Simplifi Holdings, Inc.", "Simplifi Holdings, LLC")
    assert same_company("Acme Ltd", "Acme GmbH")
    assert not same_company("Example LLC", "Example Ventures LLC")
    assert not same_company("TP-LINK CORPORATION PTE. LTD.", "TP-Link Systems Inc.")
