"""Page chrome from plain-text scrapes must not be reported as sections (rules seen on long
real histories: menus, country pickers, HTML entities)."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.sections import outline_size
from tracker.changes.normalize import clean_chars
from tracker.changes.segment import segment

BODY = """Privacy Policy

We collect the information you give us when you create an account.

How We Use Information

We use your information to provide and improve our services.

Contact Us

Write to our privacy office with any question about this policy.
"""

MENU = """Sign In
My Orders
My Cart
Worldwide - English
United Kingdom - English

"""


def test_html_entities_are_decoded_but_url_parameters_are_not() -> None:
    assert clean_chars("Espa&ntilde;ol &#124; Cart &amp; Sam&#039;s &#x41;") == "Español | Cart & Sam's A"
    assert clean_chars("see https://x.example/?a=1&region=2 &bogus") == "see https://x.example/?a=1&region=2 &bogus"


def test_entity_spelling_alone_is_cosmetic() -> None:
    old = BODY.replace("Contact Us", "Contact &amp; Support")
    new = BODY.replace("Contact Us", "Contact & Support")
    assert compare(old, new).verdict == "cosmetic"
    assert compare(old.replace("privacy office", "Espa&ntilde;a office"),
                   new.replace("privacy office", "España office")).verdict == "cosmetic"


def test_a_new_menu_of_empty_title_lines_is_not_new_sections() -> None:
    r = compare(BODY, MENU + BODY)
    assert r.sections_added == ()
    assert r.verdict == "cosmetic"
    assert compare(MENU + BODY, BODY).sections_removed == ()


def test_a_menu_does_not_dilute_the_outline() -> None:
    assert outline_size(segment(MENU + BODY)) == outline_size(segment(BODY)) == 3


def test_an_empty_parent_heading_over_a_new_subsection_still_counts() -> None:
    # negative: a nested outline (empty parent, then a child with text) is not a menu
    new = BODY.replace("Contact Us", "Your Rights\n\nRight to Erasure\n\nYou may ask us to delete your data "
                       "at any time.\n\nContact Us")
    r = compare(BODY, new)
    assert "Your Rights" in r.sections_added and "Right to Erasure" in r.sections_added
    assert r.verdict != "cosmetic"


def test_a_new_table_of_contents_does_not_hide_a_new_section_with_text() -> None:
    toc = "Information We Collect\nHow We Use Information\nData Retention\nContact Us\n\n"
    new = toc + BODY.replace("Contact Us", "Data Retention\n\nWe keep account data for 30 days after "
                             "you close your account.\n\nContact Us")
    r = compare(BODY, new)
    assert r.sections_added == ("Data Retention",)


def test_a_date_stamp_glued_into_a_sentence_is_not_a_number_change() -> None:
    from tracker.changes.verdict import flips
    assert flips("Privacy Policy Last modified: June 5, 2015 (view archived versions).",
                 "Privacy Policy Last modified: June 30, 2015 (view archived versions).") == []
    assert flips("Copyright © 1996-2014 The Post. Help", "Copyright © 1996-2015 The Post. Help") == []
    assert flips("Privacy policy archive08-12-2015 privacy policy",
                 "Privacy policy archive06-22-2016 privacy policy") == []
    # negative: a real period next to a stamp still counts
    assert any(f.startswith("number changed") for f in flips(
        "We keep logs for 30 days. Last modified: June 5, 2015", "We keep logs for 90 days. Last modified: June 30, 2015"))


def test_glued_words_from_lost_line_breaks_are_not_new_names() -> None:
    from tracker.changes.summary import new_names
    names = new_names(["Read Information CollectionWe collect and Third PartiesAt times and Service "
                       "ProvidersApple shares, via PayPal, LinkedIn and SurveyMonkey."], "nothing here")
    assert not any(n.endswith(("CollectionWe", "PartiesAt", "ProvidersApple")) for n in names)
    assert {"PayPal", "LinkedIn", "SurveyMonkey"} <= set(names)


def test_site_controls_and_link_bars_are_not_sections() -> None:
    chrome = ("Member Sign In\n\nPlease enter your e-mail address and password below.\n\n"
              "Close tooltip\n\nA tooltip explains what a mention is and how it works.\n\n"
              "Site Map | Search Tips\n\nUse the search box to find any page on our site.\n\n")
    r = compare(BODY, chrome + BODY)
    assert r.sections_added == ()
    # negative: headings that merely contain such words are real sections
    real = BODY.replace("Contact Us", "Navigation Data We Collect\n\nWe record the pages you visit "
                        "and the links you follow.\n\nSign-in Information\n\nWe store the e-mail "
                        "address you use to sign in.\n\nContact Us")
    assert compare(BODY, real).sections_added == ("Navigation Data We Collect", "Sign-in Information")


def test_glossary_terms_are_not_new_sections() -> None:
    glossary = ("\nKey terms\n\nPixel tag\n\nA pixel tag is a type of technology placed on a website to track views.\n\n"
                "Personal information\n\nThis is information that you provide to us which identifies you.\n\n"
                "Unique identifiers\n\nA unique identifier is a string of characters that identifies a browser.\n")
    r = compare(BODY, BODY + glossary)
    assert "Pixel tag" not in r.sections_added and "Unique identifiers" not in r.sections_added
    assert "Personal information" not in r.sections_added
    # negative: a new section that does not define its own title is reported
    real = "\nData Transfers\n\nWe store your data on servers in several countries around the world.\n"
    assert compare(BODY, BODY + real).sections_added == ("Data Transfers",)


def test_a_control_card_with_a_button_is_not_a_section() -> None:
    card = ("\nAd settings\n\nManage your preferences about the ads shown to you.\n\nGo to Ad Settings\n\n"
            "Retention\n\nWe delete search logs after nine months.\n")
    assert compare(BODY, BODY + card).sections_added == ("Retention",)


def test_sentence_case_captions_in_a_title_case_document_are_not_sections() -> None:
    base = ("Information You Share With Us\n\nWe need some information to provide our services.\n\n"
            "Information We Share And Disclose\n\nWe share data only as described here.\n\n"
            "Managing Your Personal Information\n\nYou control the data you share with us.\n")
    new = base + "\nSpam stinks\n\nWe fight spam with your help and our own tools.\n"
    assert compare(base, new).sections_added == ()
    titled = base + "\nFighting Spam Together\n\nWe fight spam with your help and our own tools.\n"
    assert compare(base, titled).sections_added == ("Fighting Spam Together",)


def test_run_in_labels_do_not_count_in_the_outline() -> None:
    labelled = BODY + "\nCookies: We use cookies to remember you.\n\nLog Data: We record the pages you visit.\n"
    assert len(segment(labelled).sections) - 1 == len(segment(BODY).sections) - 1 + 2
    assert outline_size(segment(labelled)) == outline_size(segment(BODY))
