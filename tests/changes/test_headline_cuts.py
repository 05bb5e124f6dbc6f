"""A lead statement longer than a headline is said in fewer words, never cut: an appositive that
only renames its noun and a 'prior to …ing' qualifier inside a list item go first, a cut never
falls inside a name, and a renamed name whose sentence cannot be cut is said as the swap."""

from __future__ import annotations

from tracker.changes.headline import headline_of, splits_name, trim_tail
from tracker.changes.phrasing import without_qualifiers
from tracker.changes.rules.common import Statement
from tracker.changes.summary import Facts


def _facts() -> Facts:
    return Facts([], [], [], [], {}, {}, [("sharing", 1)], 0.9, {}, 1, 1, False)


def _pointer() -> Statement:
    return Statement("12 link targets changed", "other", "pointer")


def test_an_appositive_that_renames_its_noun_goes_and_the_purpose_stays() -> None:
    text = ("New right: you can limit its sharing of certain kinds of subscriber records, known as Customer "
            "Proprietary Network Information and Records, for marketing purposes by its partners")
    assert len(text) > 140
    head = headline_of([Statement(text, "rights", "right-added")], _facts(), "substantive", False)
    assert head == "New right: you can limit its sharing of certain kinds of subscriber records for marketing purposes by its partners"


def test_a_qualifier_inside_a_list_item_goes_and_the_list_stays_whole() -> None:
    text = ("Acme may now also collect your domain name, the address of the last page you visited prior to clicking "
            "through to the Acme store and your browser and platform type and language")
    head = headline_of([Statement(text, "collection", "collection-widened"), _pointer()], _facts(), "substantive", False)
    assert head == ("Acme may now also collect your domain name, the address of the last page you visited and your "
                    "browser and platform type and language")


def test_without_qualifiers_leaves_a_timed_practice_alone() -> None:
    text = "Acme deletes your data after closing your account and your profile"
    assert without_qualifiers(text) == text


def test_a_cut_never_falls_inside_the_name_of_a_policy() -> None:
    text = ("When these moderators access Personal Information that is not public, they are required to comply with "
            "its Access to nonpublic personal data policy")
    assert splits_name("they are required to comply with its Access", "to nonpublic personal data policy")
    assert not splits_name("Acme shares data with Google", "to comply with its policy")
    cut = trim_tail(text, 120)
    assert cut is None or not cut.endswith("Access")


def test_a_renamed_policy_too_long_to_cut_is_said_as_the_swap() -> None:
    text = ("When these moderators access Personal Information that is not public, they are required to comply with "
            "its Access to nonpublic personal data policy (was: nonpublic Information policy)")
    s = Statement(text, "other", "reworded", old="nonpublic Information policy",
                  new="our Access to nonpublic personal data policy")
    head = headline_of([s, _pointer()], _facts(), "minor", False)
    assert head == "Now says Access to nonpublic personal data policy instead of nonpublic Information policy"


def test_a_reworded_clause_is_never_said_as_a_swap() -> None:
    text = ("You can delete your Web and App Activity, your blog, a site you own, your video channel, your profile, "
            "your photos or your entire account at any time (was: Web History)")
    s = Statement(text, "rights", "reworded", old="Web History", new="can delete your Web and App Activity")
    assert not headline_of([s, _pointer()], _facts(), "minor", False).startswith("Now says")


def _edited() -> Statement:
    text = ("Acme will investigate and attempt to resolve complaints and disputes regarding use and disclosure of "
            "Personal Information in accordance with this privacy policy (was: Safe Harbor Principles)")
    return Statement(text, "rights", "practice-changed", old="Safe Harbor Principles",
                     new="Information in accordance with this privacy policy")


def test_a_cut_to_the_unchanged_half_of_an_edit_gives_way_to_a_line_that_names_its_change() -> None:
    other = Statement("If you have any complaints about its compliance with this policy, you should first contact Acme "
                      "(was: Safe Harbor program)", "rights", "practice-changed", old="Safe Harbor program",
                      new="about its compliance with this policy")
    assert headline_of([_edited(), other], _facts(), "substantive", False) == other.text


def test_a_cut_to_the_unchanged_half_still_leads_a_rewording_that_names_no_change() -> None:
    other = Statement("Acme receives personal information about you from other sources", "collection", "reworded")
    head = headline_of([_edited(), other], _facts(), "substantive", False)
    assert head.startswith("Acme will investigate")
