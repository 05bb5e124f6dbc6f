"""Third parties no list knows: names recognised by legal form, organisation word and role phrase."""

from __future__ import annotations

import pytest

from tracker.changes import compare
from tracker.changes.entities import canonical, vendor_key
from tracker.changes.parties import find_parties, self_names
from tracker.changes.vendors import find_vendors


def _names(text: str) -> set[str]:
    return {n for n, _, _ in find_parties(text)}


@pytest.mark.parametrize("text,name", [
    ("Your data is covered by Zorblax Data Center LLC and our parent.", "Zorblax Data Center LLC"),
    ("Service in Brazil is provided by Quenta Serviços Brasil, Ltda. Av. Paulista 1", "Quenta Serviços Brasil Ltda"),
    ("jointly controlled by Plumtree Sales International in Cork and by Plumtree UK Limited in Uxbridge",
     "Plumtree UK Limited"),
    ("We are a member of the Direct Marketing Association and follow its code.", "Direct Marketing Association"),
    ("We also honour the Digital Advertising Alliance of Canada choices.", "Digital Advertising Alliance of Canada"),
    ("The family of companies now includes Vexo Communications and its brands.", "Vexo Communications"),
    ("Opt out of recommendations from Trelby Mobile Analytics by clicking here.", "Trelby"),
])
def test_names_by_legal_form_and_organisation_word(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize("text,name", [
    ("The Replica Edition, maintained by PaperReadr, is governed by its own policy.", "PaperReadr"),
    ("Use a third-party application such as Chirp for Mac, Chirp for Android or ChirpDeck.", "ChirpDeck"),
    ("Group companies (which include Quillo and Zentry) work together.", "Zentry"),
    ("We share trips with airports, Yandora Taxi and other local providers.", "Yandora Taxi"),
    ("partners such as Brightwave, Colvera and Dunmore help us.", "Colvera"),
])
def test_names_by_role_phrase(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize("text", [
    "Our Services are provided by Our Company. See Settings.",        # the policy's own vocabulary
    "Social Media\nWe use social media.",                               # a heading, written in lower case too
    "Subscribe to Oracle Communications",                               # a menu line, not prose
    "Terms of Service Privacy Policy Mobile Location Analytics Privacy Notice Cookies",  # glued chrome
    "This Limited Warranty applies. For a Limited Time only.",          # 'Limited' that is no company form
    "You can sign in with your account, such as email, phone or name.",  # a list of lower-case things
    "Google products like Chrome Sync keep your settings.",             # a product feature
    "Use our services such as Weekly Ad Reminders and TimesSelect.",    # the company's own services
    "through third-party services like Twitter Direct Message, we see your message",  # a feature of a product
    "Ads delivered by Apple's advertising platform and by Verizon's FiOS network.",   # possessives
    "Questions? Contact Us Privacy Team Intuit Inc. 2800 East Commerce",  # glued menu before a company
    "for example, In Ireland, Limited) to provide the Services.",        # a place and a legal form
    "protections apply to Verizon's FiOS and other fiber-to-the-premises services.",  # a possessive
])
def test_capitalised_words_that_name_no_company(text: str) -> None:
    assert _names(text) <= {"Apple", "Intuit Inc"}      # the company by its own name is fine


def test_two_listed_names_missing_a_comma_are_two_names() -> None:
    text = "links to social and partner sites such as\nFacebook Twitter, and Quorvia Health. Archival copies"
    assert find_vendors(text) == {"Facebook", "Twitter", "Quorvia Health"}


def test_a_product_under_the_companys_listed_product_is_its_own() -> None:
    base = ("Contact privacy@amazon.com. Amazon collects data. Amazon uses it. Amazon keeps it. Amazon "
            "deletes it. Amazon shares it. Amazon is here.\n")
    r = compare(base, base + "Services such as Alexa Skills and other services are provided by Amazon.\n"
                             "Partners such as Hotjar Analytics help us.\n")
    assert r.entities_added["vendors"] == ["Hotjar"]


def test_listed_name_hides_the_shape_match_inside_it() -> None:
    assert find_vendors("We use Google Analytics and Hotjar.") == {"Google Analytics", "Hotjar"}
    assert find_vendors("Apple Inc. and Apple Distribution International") == {"Apple", "Apple Distribution International"}


def test_legal_form_does_not_make_a_new_party(policy: str) -> None:
    r = compare(policy + "\nWe host with Zorblax Hosting Ltd in Leeds.\n",
                policy + "\nWe host with Zorblax Hosting Limited in Leeds.\n")
    assert r.entities_added["vendors"] == [] and r.entities_removed["vendors"] == []
    assert vendor_key("Zorblax Hosting, Inc.") == vendor_key("Zorblax Hosting LLC") == "zorblax hosting"


def test_new_processor_reported_by_name(policy: str) -> None:
    r = compare(policy, policy + "\nPayment data is processed by Kestrel Payments, Inc. in Dublin.\n")
    assert r.entities_added["vendors"] == ["Kestrel Payments Inc"]


def test_rebrand_is_reported_as_a_change(policy: str) -> None:
    r = compare(policy + "\nWe are certified by TRUSTe.\n", policy + "\nWe are certified by TrustArc.\n")
    assert r.entities_added["vendors"] == ["TrustArc"] and r.entities_removed["vendors"] == ["TRUSTe"]


def test_owner_products_are_not_third_parties_but_affiliates_are() -> None:
    base = ("Contact privacy@fb.example. Facebook collects data. Facebook uses it. Facebook shares it. "
            "Facebook keeps it. Facebook deletes it. Facebook Messenger is ours.\n")
    r = compare(base, base + "Facebook Companies (which include WhatsApp and Oculus) share data. "
                             "Facebook Messenger and Instagram too.\n")
    assert set(r.entities_added["vendors"]) == {"WhatsApp", "Oculus", "Instagram"}


@pytest.mark.parametrize("kind,written,key", [
    ("vendors", "Mozilla Firefox", "firefox"),
    ("vendors", "Google Commerce Ltd", "google commerce"),
    ("laws", "Swiss-US Privacy Shield", "swiss-u.s. privacy shield"),
    ("phones", "212-556-8391", "+12125568391"),
    ("domains", "https://www.Example.com/x", "example.com"),
])
def test_canonical_forms_for_labels_and_filters(kind: str, written: str, key: str) -> None:
    assert canonical(kind, written) == key


def test_a_body_of_another_country_is_not_its_parent(policy: str) -> None:
    r = compare(policy, policy + "\nSee the Digital Advertising Alliance and the Digital Advertising Alliance of Canada.\n")
    assert {"Digital Advertising Alliance", "Digital Advertising Alliance of Canada"} <= set(r.entities_added["vendors"])


def test_parent_named_once_by_its_product(policy: str) -> None:
    r = compare(policy, policy + "\nWe use Google Analytics, a Google service.\n")
    assert r.entities_added["vendors"] == ["Google Analytics"]


def test_one_word_short_form_of_a_product_is_not_a_party() -> None:
    assert "Maps" not in _names("We work with partners like Gmail, Maps and Photos. Open Google Maps.")
    assert "Zentry" in _names("We work with partners like Gmail, Zentry and Photos.")


@pytest.mark.parametrize("text", [
    "Information about Target's Wireless service is in the store and online today.",
    "When you post content to a LinkedIn Group that is open for public discussion, it is public.",
])
def test_products_of_a_named_company_are_not_organisations(text: str) -> None:
    assert _names(text) == set()


def test_a_company_still_named_without_its_legal_form_is_not_removed(policy: str) -> None:
    r = compare(policy + "\nService is provided by Quenta Serviços Brasil, Ltda. in Brazil.\n",
                policy + "\nIn Brazil, Quenta Serviços Brasil answers your questions.\n")
    assert r.entities_removed["vendors"] == []


@pytest.mark.parametrize("text", [
    "Effective 2011 Quorra Labs, Inc. (\u201cQuorra Labs\u201d, \u201cour\u201d, \u201cus\u201d or \u201cwe\u201d) provides this policy.",
    "This Cookie Policy describes how Quorra, Inc. (\"we\", \"our\", \"us\") uses cookies on the site.",
    "The Service is free. QP Company LLC d/b/a The Quorra Post (\"We\"), a subsidiary of its parent, reserves rights.",
    "&copy; 1999, 2000, 2004, 2010 QP Company LLC d/b/a The Quorra Post. All Rights Reserved. 1. Welcome",
    "Copyright \u00a9 2018 Quorra Labs, Inc. All rights reserved. Privacy Terms",
])
def test_the_name_a_policy_gives_itself_is_no_third_party(text: str) -> None:
    assert not {n for n in _names(text) if "Quorra" in n or "QP " in n}
    assert self_names(text)


def test_copyright_needs_a_year_and_a_we_needs_quotes() -> None:
    assert not self_names("Menu Terms Privacy Copyright Trademark Advertising Developers")
    assert not self_names("(c) Just as the site respects your rights, notify our Copyright Agent.")
    assert not self_names("We use Zorblax, Inc. (a payment processor) for payments.")
    assert "Zorblax Inc" in _names("We use Zorblax, Inc. (a payment processor) for payments.")


@pytest.mark.parametrize("text,wrong,right", [
    ("For questions write us at: Privacy TeamQuorra Inc.2800 East Commerce Center Place", "TeamQuorra Inc", "Quorra Inc"),
    ("You agree to indemnify and hold harmless Washpost.Newsreel Interactive and its parent and affiliates.",
     "Newsreel Interactive", None),
])
def test_glued_words_are_not_names(text: str, wrong: str, right: str | None) -> None:
    names = _names(text)
    assert wrong not in names
    assert right is None or right in names


def test_one_party_under_two_spellings_is_named_once() -> None:
    old = "Acme collects data about you and keeps it safe.\n"
    new = old + ("For European customers: Zorblax Luxembourg S.\u00e0 r.l., 13 Avenue de la Libert\u00e9. "
                 "Your data is controlled by Zorblax Luxembourg S.\u00e1 r.l in Luxembourg.\n")
    r = compare(old, new)
    assert len([v for v in r.entities_added["vendors"] if v.startswith("Zorblax")]) == 1


def test_a_place_before_a_we_definition_is_where_the_company_is_not_who() -> None:
    from tracker.changes.parties import self_names
    text = ("The Services are provided by Acme Robotics Co., Ltd., with its registered address in "
            "China (“we” or “us”). Acme Robotics processes your data.")
    assert "China" not in {name for name, _, _ in self_names(text)}
    assert [n for n, _, _ in self_names('Glassdoor, Inc. ("Glassdoor," "we," or "us") runs it.')]
