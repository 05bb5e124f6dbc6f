"""A negated statement is never cut before what bounds its denial, and a rule said gone that the
new text states of its subject by another name is no removal."""
from __future__ import annotations

from tracker.changes.corroborate import Side, _held
from tracker.changes.phrasing import shorten, without_aside

DENIAL = ("New commitment: Target Brands does not share any of your personal information, including your "
          "shopping history, with your cable or satellite TV provider")


def test_a_denial_is_not_cut_before_its_recipient() -> None:
    assert shorten(DENIAL, 110) is None
    # an affirmative practice may still stop at a clause boundary
    said = ("Acme may share your personal information, including your shopping history, with advertising partners "
            "and with the companies that help us run the service")
    assert shorten(said, 110) == "Acme may share your personal information"


def test_an_inner_example_list_is_dropped_for_the_headline_form() -> None:
    assert without_aside(DENIAL) == ("New commitment: Target Brands does not share any of your personal information "
                                     "with your cable or satellite TV provider")
    listed = "Amazon may use this information to provide location-based services, such as advertising, search results, and more"
    assert without_aside(listed) == listed        # a list that goes on is not an aside


def _no_kind(_: str) -> None:
    return None


def test_a_rule_said_of_its_subject_by_another_name_is_still_there() -> None:
    new = Side(["Pinterest is not directed to children under 13.", "We collect your e-mail address."])
    gone = "This Site and Application are not directed to children under 13"
    assert _held(gone, "children-rule", new, _no_kind, None, True)
    assert not _held("This Site and Application are not directed to children under 16", "children-rule", new,
                     _no_kind, None, True)           # another age
    assert not _held("This Site and Application are directed to children under 13", "children-rule", new,
                     _no_kind, None, True)           # the negation differs
    assert not _held(gone, "children-rule", new, _no_kind, None, False)    # only for a claim of removal


def test_product_names_with_a_one_letter_prefix_are_no_glued_menu() -> None:
    from tracker.changes.segment import is_chrome, segment
    said = ("We also may collect information regarding customer activities on our website, iCloud and MobileMe "
            "services, and iTunes Store and from our other products and services.")
    assert not is_chrome(said)
    assert said in [s.text for s in segment(said + " This information is aggregated.").sentences]
    assert is_chrome("ContentsIntroductionInformation we collectHow we use itYour choices")


def _lead(text: str) -> bool:
    from tracker.changes.headline import _weak_lead
    from tracker.changes.statements import Statement
    return _weak_lead(Statement(text, "other", "practice-changed", None, text, (0,)))


def test_the_documents_scope_a_change_log_line_and_a_bare_subject_never_lead() -> None:
    assert _lead("The REDcard Privacy Policy applies to information collected")
    assert _lead("Google's Privacy Policy applies to all of the services offered by Google Inc. and its affiliates")
    assert _lead("No longer says: Created and added a link to the Privacy Policy archive")
    assert _lead("Information Google collects when you are signed in to Google")
    # what the company does leads
    assert not _lead("Acme may share your personal information with advertising partners")
    assert not _lead("Data Acme receives from partners is kept for 30 days")
    assert not _lead("Information Google collects when you are signed in may be associated with your Google Account")
    assert not _lead("Added services may collect your location")
