"""Housekeeping is never told as news: a contact link shown as Cloudflare's placeholder, a link's
address written out after its words, a copy of an address dropped, a breadcrumb of a kept
section, links re-pointed counted link by link and never listed beside a practice, a repeated
paragraph dropped said as that (tracker.changes.hidden, shownurls, trivial, headline)."""

from __future__ import annotations

from tracker.changes.detector import compare, links_moved
from tracker.changes.hidden import unhide_emails
from tracker.changes.shownurls import named_links

POLICY = "# Acme Privacy Policy\n\n" + "\n\n".join(
    f"We collect personal information such as your e-mail address when you use service {k}. "
    f"We do not sell your personal information to third parties. You can opt out of marketing e-mails "
    f"at any time. We keep account data for {k + 1} years after you close your account."
    for k in range(8)) + "\n"

PROTECTED = "https://acme.com/cdn-cgi/l/email-protection"


def test_link_words_shown_as_cloudflares_placeholder_are_cosmetic() -> None:
    old = POLICY + f"\nTo stop sharing your personal information with partners, please [CONTACT US]({PROTECTED}#a1b2).\n"
    new = POLICY + f"\nTo stop sharing your personal information with partners, please [\\[email protected\\]]({PROTECTED}).\n"
    assert unhide_emails(old, new)[2] == "new"
    report = compare(old, new)
    assert report.verdict == "cosmetic", report.headline
    assert not report.bullets


def test_a_placeholder_where_the_other_capture_writes_other_words_is_left() -> None:
    old = POLICY + f"\nFor help, please [CONTACT US]({PROTECTED}#a1b2).\n"
    new = POLICY + f"\nWe now share your data with advertisers. Write to [\\[email protected\\]]({PROTECTED}).\n"
    assert unhide_emails(old, new)[2] == ""


def test_a_links_address_written_out_after_its_words_is_the_same_link() -> None:
    url = "https://acme.com/recipients_list"
    old = POLICY + f"\nFor the full list of recipients, please see our [Recipients List]({url}).\n"
    shown = url.replace("_", "\\_")       # the address as words, its underscore escaped
    new = POLICY + f"\nFor the full list of recipients, please see our Recipients List [{shown}]({url}).\n"
    assert named_links(old, new) == (old, old, 1)
    report = compare(old, new)
    assert report.verdict == "cosmetic" and not report.bullets, report.headline
    assert report.links_changed == 0


def test_an_address_written_out_without_the_same_words_beside_it_stays() -> None:
    url = "https://acme.com/list"
    old = POLICY + f"\nPlease see our [Recipients List]({url}).\n"
    new = POLICY + f"\nPlease visit [{url}]({url}).\n"
    assert named_links(old, new)[2] == 0


def test_a_copy_of_an_address_dropped_beside_its_block_is_cosmetic() -> None:
    block = "\n* Data Controller: Acme Games, Inc.\n* Address: 620 Crossroads Blvd., Cary, NC 27518, USA\n"
    old = POLICY + "\nAcme Games, Inc., located at 620 Crossroads Blvd., Cary, NC 27518, USA.\n" + block
    new = POLICY + block
    report = compare(old, new)
    assert report.verdict == "cosmetic", report.headline


def test_a_new_address_is_no_copy() -> None:
    block = "\n* Data Controller: Acme Games, Inc.\n* Address: 620 Crossroads Blvd., Cary, NC 27518, USA\n"
    old = POLICY + block
    new = POLICY + "\nAcme Games Ireland Ltd., located at 1 Dock Road, Dublin D02 X285, Ireland.\n" + block
    assert compare(old, new).verdict != "cosmetic"


def test_links_re_pointed_are_counted_link_by_link() -> None:
    old = [f"https://acme.com/legal/privacy#part-{k}" for k in range(12)] + ["https://acme.com/help"]
    new = [f"https://acme.com/dev/render#part-{k}" for k in range(12)] + ["https://acme.com/help"]
    assert links_moved(old, new) == (12, 12)
    assert links_moved(["https://acme.com/help"] * 3, ["https://acme.com/help"]) == (0, 0)


def test_a_link_count_is_no_bullet_beside_a_practice() -> None:
    old = POLICY + "\nRead our [cookie notice](https://acme.com/cookies).\n"
    new = (POLICY + "\nRead our [cookie notice](https://acme.com/cookie-notice).\n"
           "\nWe now share your precise location with advertising partners.\n")
    report = compare(old, new)
    assert report.verdict != "cosmetic"
    assert not any("link" in b for b in report.bullets), report.bullets


def test_a_repeated_paragraph_dropped_is_said_so() -> None:
    para = ("If we transfer personal information out of the European Economic Area, we use the "
            "standard contractual clauses approved by the European Commission.")
    old = POLICY + f"\n{para}\n\n{para}\n"
    new = POLICY + f"\n{para}\n"
    report = compare(old, new)
    assert report.verdict == "cosmetic" and "repeated text removed" in report.headline, report.headline


def test_a_breadcrumb_naming_the_pages_own_title_is_cosmetic() -> None:
    old = POLICY.replace("# Acme Privacy Policy", "## Global Privacy Notice\n\n### Your data")
    new = "1. [Privacy](https://acme.com/privacy)\n2. Global Privacy Notice\n\n" + old
    report = compare(old, new)
    assert report.verdict == "cosmetic", report.headline


def test_an_update_banner_pointing_to_the_prior_version_is_cosmetic() -> None:
    banner = ("\nWe've updated our Privacy Policy, effective 7 April 2025. You can view the prior Privacy Policy, "
              "which applies to all users until 7 April 2025, [here](https://acme.com/privacy-old).\n")
    report = compare(POLICY + banner, POLICY)
    assert report.verdict == "cosmetic" and "update notice removed" in report.headline, report.headline
    report = compare(POLICY, POLICY + "\nTo review the previous version, click [here](https://acme.com/privacy-2024).\n")
    assert report.verdict == "cosmetic", report.headline


def test_a_sentence_about_the_new_policy_is_no_pointer() -> None:
    new = POLICY + "\nThe new version of our policy lets us share your location with advertising partners.\n"
    assert compare(POLICY, new).verdict != "cosmetic"


def test_a_stutter_mended_or_an_article_put_in_is_cosmetic() -> None:
    old = POLICY + "\nPlease visit our our web website for more about your account.\n"
    new = POLICY + "\nPlease visit our website for more about your account.\n"
    assert compare(old, new).verdict == "cosmetic"
    old = POLICY + "\nData at user level is deleted after 14 months.\n"
    assert compare(old, old.replace("at user", "at the user")).verdict == "cosmetic"


def test_a_word_dropped_that_is_no_stutter_stays_news() -> None:
    old = POLICY + "\nWe do not sell your browsing history to data brokers.\n"
    assert compare(old, old.replace("do not sell", "do sell")).verdict != "cosmetic"
    assert compare(old, old.replace("your browsing", "your")).verdict != "cosmetic"
