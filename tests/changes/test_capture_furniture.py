"""What one capture holds and the other lacks only as a page shows it is never a policy change:
a consent manager's panel, a menu of in-page anchor links, Cloudflare's e-mail placeholders,
anchors written out as absolute links, a capture cut off inside a table
(tracker.changes.furniture, tracker.changes.hidden, the detector's link count, captures)."""

from __future__ import annotations

from tracker.changes.captures import page_check
from tracker.changes.detector import _link_key, compare
from tracker.changes.furniture import drop_furniture
from tracker.changes.hidden import unhide_emails

POLICY = "# Acme Privacy Policy\n\n" + "\n\n".join(
    f"We collect personal information such as your e-mail address when you use service {k}. "
    f"We do not sell your personal information to third parties. You can opt out of marketing e-mails "
    f"at any time. We keep account data for {k + 1} years after you close your account."
    for k in range(8)) + "\n"

PANEL = """
### Cookie List

A cookie is a small piece of data that a website asks your browser to store on your device.

#### Strictly Necessary Cookies

These cookies are necessary for the website to function and cannot be switched off in our systems.

| Cookie Subgroup | Cookies | Cookies used |
| --- | --- | --- |
| acme.com | [OptanonConsent](https://cookiepedia.co.uk/cookies/OptanonConsent) | First Party |
| acme.com | [_ga](https://cookiepedia.co.uk/cookies/_ga) | First Party |

#### Store and/or access information on a device

Cookies, device or similar online identifiers can be stored or read on your device to recognise it.

#### Create profiles for personalised advertising

Your activity on this service can be used to build or improve a profile about you for personalised advertising.

Manage Preferences
"""


def test_a_consent_managers_panel_at_the_pages_end_is_no_policy_change() -> None:
    assert drop_furniture(POLICY + PANEL).rstrip() == POLICY.rstrip()
    for old, new in ((POLICY, POLICY + PANEL), (POLICY + PANEL, POLICY + "\nCookie Settings\n")):
        report = compare(old, new)
        assert report.verdict == "cosmetic", report.headline
        assert not report.sections_added and not report.sections_removed
    assert compare(POLICY, POLICY + PANEL).headline == "Cosmetic only: the page's cookie-consent panel captured too"


def test_a_cookie_list_the_policy_text_goes_on_after_stays() -> None:
    text = POLICY + PANEL + "\n### Your rights\n\nYou may ask us to delete your personal information at any time.\n"
    assert "Strictly Necessary Cookies" in drop_furniture(text)


TOC = ("\nTable of contents\n\n* * *\n\n[*   Introduction](#Introduction)[*   Your marketing choices]"
       "(<#Your marketing choices>)[*   Data security](<#Data security>)\n")


def test_a_table_of_contents_of_anchor_links_is_no_sentence() -> None:
    assert "marketing choices" not in drop_furniture(POLICY + TOC)
    assert "Table of contents" not in drop_furniture(POLICY + TOC)
    for old, new in ((POLICY, POLICY + TOC), (POLICY + TOC, POLICY)):
        report = compare(old, new)
        assert report.verdict == "cosmetic", report.headline
        assert not any("marketing" in b for b in report.bullets)


HIDDEN = "[\\[email\xa0protected\\]](https://acme.com/cdn-cgi/l/email-protection)"
SHOWN = "[privacy@acme.com](mailto:privacy@acme.com)"


def test_an_address_shown_as_cloudflares_placeholder_is_cosmetic_and_said_so() -> None:
    old = POLICY + f"\nTo ask us to delete your data, please email us at {SHOWN}.\n"
    new = POLICY + f"\nTo ask us to delete your data, please email us at {HIDDEN}.\n"
    assert unhide_emails(old, new) == (old, old, "new")
    hid = compare(old, new)
    assert hid.verdict == "cosmetic" and hid.headline == "Cosmetic only: e-mail addresses shown as placeholders"
    back = compare(new, old)
    assert back.verdict == "cosmetic" and "shown again (were placeholders)" in back.headline, back.headline
    assert not any("privacy@acme.com" in b for b in back.bullets)


def test_a_placeholder_in_another_place_than_the_address_is_left_as_it_is() -> None:
    old = POLICY + f"\nTo ask us to delete your data, please email us at {SHOWN}.\n"
    new = POLICY + f"\nTo ask us to delete your data, please write to our office. Press: {HIDDEN}.\n"
    assert unhide_emails(old, new)[2] == ""


def test_an_anchor_written_out_as_an_absolute_link_is_the_same_link() -> None:
    anchors = frozenset({"cookies"})
    assert _link_key("https://www.acme.com/legal#cookies", anchors) == ""
    assert _link_key("http://acme.com/legal/", anchors) == _link_key("https://www.acme.com/legal")
    old = POLICY + "\nPlease see the [Cookies](#cookies) section below.\n"
    new = POLICY + "\nPlease see the [Cookies](https://acme.com/legal#cookies) section below.\n"
    report = compare(old, new)
    assert report.verdict == "cosmetic" and "link" not in report.headline, report.headline


def _numbered(n: int) -> list[str]:
    return [f"We keep record number {k} of your account for the purposes stated in part {k}." for k in range(1, n + 1)]


def test_a_capture_cut_off_inside_a_tables_row_and_the_whole_policy_back() -> None:
    whole = "# Privacy Policy\n\n" + "\n\n".join(_numbered(40)) + "\n\n| Purpose | Basis |\n| --- | --- |\n" \
            "| Marketing | Processing is necessary for the purposes of our legitimate interests |\n"
    cut = "# Privacy Policy\n\n" + "\n\n".join(_numbered(24)) + "\n\n| Marketing | Processing is necessary for the |\n"
    back = compare(cut, whole)
    assert back.verdict == "minor" and back.headline.startswith("The capture holds the whole policy again"), back.headline


def test_page_check_is_none_for_two_captures_of_the_policy() -> None:
    from tracker.changes.captures import Held
    held = Held(("Privacy Policy",), tuple(_numbered(30)))
    assert page_check(held, held, (POLICY, POLICY), (POLICY, POLICY), "Acme", [], True) is None
