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
