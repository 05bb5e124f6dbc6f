"""Who a line names: the company a text with no site, address or "we" of its own writes inside its
sentences ('Welcome to Kbin', 'operated by SourceHut'), never 'The company'; a name respelled
('MIFID2' -> 'MIFID II', a garbled 'RGDPRGPD' -> 'GDPR') is no swap of names; a scraped name
written twice is named once; a new legal form is said with the company's name."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes import entities as ent
from tracker.changes.detector import _dominant_name, _owner_name
from tracker.changes.edits import _once, legal_lead
from tracker.changes.report import Change
from tracker.changes.rules.common import _address_edit
from tracker.changes.rules.figures import _address_statement
from tracker.changes.trivial import same_name


def _owner_of(text: str) -> str:
    """The subject the detector writes for the company of a text that links nowhere."""
    return _owner_name(ent.first_party([text], []), text)


_KBIN = ("Privacy policy\n\nWelcome to Zorbin, an open source platform where everyone may create communities. "
         "By using our platform, you agree to these terms.\n\nEach magazine on Zorbin has its own moderators. "
         "Please contact us with any questions.\n\nBy using Zorbin, you agree to these Terms of Service. "
         "We keep your e-mail address until you delete your account.")


def test_a_name_written_inside_the_sentences_is_the_company() -> None:
    assert _dominant_name(_KBIN) == "Zorbin"
    assert _owner_of(_KBIN) == "Zorbin"


def test_a_word_of_a_longer_name_or_a_common_noun_is_no_company() -> None:
    text = ("We keep Log Files. Read about the Log Files here. The Log Files hold your address. "
            "See this Web page, any Web page, the Web and such Web sites.")
    assert _dominant_name(text) is None
    assert _owner_of(text) == "The company"


def test_a_partner_named_as_often_as_another_is_no_company() -> None:
    text = ("We send data to Zorbin. We send data to Zorbin. We send data to Zorbin. "
            "We send data to Quillfire. We send data to Quillfire.")
    assert _dominant_name(text) is None


def test_the_company_named_in_a_changed_line() -> None:
    old = _KBIN + "\n\nWe do not share your e-mail address with advertisers."
    new = _KBIN + "\n\nWe share your e-mail address with advertisers."
    rep = compare(old, new)
    lines = [rep.headline, *rep.bullets]
    assert any("Zorbin" in line for line in lines)
    assert not any("The company" in line or "the company" in line for line in lines)


def test_a_name_respelled_is_the_same_name() -> None:
    assert same_name("MIFID2", "MIFID II")
    assert same_name("RGDPRGPD", "GDPR")
    assert not same_name("NAM", "JAMS")
    assert not same_name("Club Rakuten", "Club R")
    assert not same_name("Acoustic", "Braze")


def test_a_respelled_law_is_no_swap_of_names() -> None:
    base = "Your data is protected as the GDPR requires. We process biometric data under Article 9 of the {}. "
    old = base.format("RGDPRGPD") + "We keep receipts for 10 years."
    new = base.format("GDPR") + "We keep receipts for 10 years."
    rep = compare(old, new)
    assert rep.verdict == "cosmetic"
    assert not any("instead of" in line or "(was:" in line for line in [rep.headline, *rep.bullets])


def test_another_law_or_party_is_still_said() -> None:
    base = "Your data is protected as the GDPR requires. We send receipts to {} for storage. "
    rep = compare(base.format("Acoustic") + "We keep receipts for 10 years.",
                  base.format("Braze") + "We keep receipts for 10 years.")
    assert rep.verdict != "cosmetic"
    assert any("Braze" in line for line in [rep.headline, *rep.bullets])


def test_a_name_written_twice_is_named_once() -> None:
    assert _once("Coach, Coach") == "Coach"
    assert _once("Coach, Cora") == "Coach, Cora"


def test_a_new_legal_form_is_said_with_the_company_name() -> None:
    new = "This Privacy Policy is published by Zorblox Holdings, LLC (“Zorblox,” “we” or “us”)."
    assert legal_lead(new, "LLC") == "Zorblox Holdings, "
    assert legal_lead("We are LLC", "LLC") == ""


def test_a_street_is_no_party_and_its_change_is_an_address() -> None:
    from tracker.changes.rules.sharing import street_name
    assert street_name("Via Chiana", "with registered office located in Rome, Via Chiana, 38, VAT ID: IT 1")
    assert street_name("Rue Lafayette", "write to us at 12 Rue Lafayette, Paris")
    assert not street_name("Google", "we use Google, Meta and Braze")
    old = "The controller's registered office is located in Rome, via Bolzano, 15, VAT ID: IT 11660511004."
    new = "The controller's registered office is located in Rome, Via Chiana, 38, VAT ID: IT 11660511004."
    assert _address_edit(Change("reworded", "", old, new, (), True, ()))
    assert _address_statement(old, new) == ("Postal address changed to “Via Chiana, 38” (was: “Via Bolzano, 15”)",
                                            "Via Bolzano, 15", "Via Chiana, 38")


def test_words_that_open_a_clause_are_no_name() -> None:
    from tracker.changes.edits import _name_start
    assert not _name_start("As an additional")
    assert _name_start("TRUSTe's opt-out tool")
    assert _name_start("Onfido")


def test_a_date_names_no_party() -> None:
    from tracker.changes.rules.sharing import _MONTHS, street_name
    assert "November" in _MONTHS        # '… on 11 November 2026' reads like a house number and a street
    assert street_name("University Avenue", "You may also contact us by mail at 156 University Avenue, Palo Alto")
