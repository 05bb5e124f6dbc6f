"""A failed or partial capture (no text, a title, an error page, the first screen) is said as
such, and page furniture (a table of contents, a call to action, a footer's line) is never news
(tracker.changes.captures.stub_side, the detector's table-of-contents check, the segmenter)."""

from __future__ import annotations

import re

from tracker.changes.captures import Held, stub_side
from tracker.changes.detector import compare
from tracker.changes.segment import segment

POLICY = "# Acme Privacy Policy\n\n" + "\n\n".join(
    f"We collect personal information such as your e-mail address when you use service {k}. "
    f"We do not sell your personal information to third parties. You can opt out of marketing e-mails "
    f"at any time. We keep account data for {k + 1} years after you close your account."
    for k in range(30)) + "\n"
GONE = ("No longer", "Right no longer stated", "Drops", "Removes", "Rewrite")


def test_a_capture_of_the_title_alone_is_said_as_a_stub_and_drops_nothing() -> None:
    report = compare(POLICY, "Acme Privacy Statement\n======================\n")
    assert report.headline == ("The new capture holds only 3 words: “Acme Privacy Statement” (was: the 1,383-word policy); "
                               "nothing is reported as removed")
    assert report.verdict == "minor"
    assert not any(b.startswith(GONE) for b in report.bullets)


def test_an_empty_capture_and_the_policy_back_after_it() -> None:
    empty = compare(POLICY, "")
    assert empty.headline.startswith("The new capture holds no text")
    back = compare("", POLICY)
    assert back.headline.startswith("The policy is back after a capture that held no text")
    assert back.verdict == "minor"
    assert not any(b.startswith(("New", "Adds")) for b in back.bullets)


def test_the_first_screen_of_the_policy_is_said_as_part_of_it() -> None:
    first = POLICY.split("\n\n")[0] + "\n\n" + POLICY.split("\n\n")[1] + "\n"
    report = compare(POLICY, first)
    assert report.headline.startswith("The new capture holds only ")
    assert "of the policy's words" in report.headline


def test_a_short_policy_or_a_shorter_rewrite_is_no_stub() -> None:
    said = tuple(s.text for s in segment(POLICY).sentences)
    assert stub_side(Held((), said), Held((), said[:20])) is None       # a third kept: a rewrite, not a stub
    assert stub_side(Held((), said[:8]), Held(("Not found",), ())) is None    # too little policy to judge
    assert stub_side(Held((), said), Held(("Not found",), ())) == "new"


TOC = "\n".join(["# Privacy policy", "", "Effective date: May 1, 2024", "", "Contents", "",
                 "* **Data we collect**", "* **How we share data**", "* **Other privacy rights**",
                 "* **Contact us**", ""])
BODY = "\n\n".join(["## Data we collect", "We collect your name and e-mail address when you sign up.",
                    "## How we share data", "We share your e-mail address with our payment processor.",
                    "## Privacy rights", "You can ask us to delete your account data at any time.",
                    "## Contact us", "Write to privacy@acme.example with any question."]) + "\n"


def test_a_table_of_contents_dropped_is_no_sentence_dropped() -> None:
    report = compare(TOC + "\n" + BODY, "# Privacy policy\n\nEffective date: May 1, 2024\n\n" + BODY)
    assert report.verdict == "cosmetic"
    assert not any(b.startswith(GONE) for b in report.bullets)


def test_a_marketing_call_to_action_is_page_furniture() -> None:
    banner = "\n\nGet started for free, or request a demo  \nto discuss larger projects\n--------------------------\n\n" \
             "[Contact sales](https://acme.example/contact)[Get started](https://app.acme.example/signup)\n"
    page = "Privacy Policy\n==============\n\nThis page contains the privacy policies of Acme.\n"
    report = compare(page, page + banner)
    assert report.verdict == "cosmetic"
    assert "Get started" not in report.headline


def test_the_line_under_the_copyright_notice_is_the_footers() -> None:
    footer = "\n\nCopyright © 2020 Acme. All rights reserved.  \nAcme is a registered ISO of Big Bank, N.A., Concord, CA\n"
    report = compare(POLICY + footer, POLICY)
    assert not any("registered ISO" in line for line in (report.headline, *report.bullets))
    assert "Acme is a registered ISO" not in segment(POLICY + footer).text
    assert "We keep account data" in segment("Copyright © 2020 Acme.\n\nWe keep account data for a year.\n").text
    glued = segment("We keep account data for a year.\n\n© 2006 Acme. All rights reserved. The Acme Dog is a trademark of "
                    "Acme Brands, Inc.\n").text
    assert "We keep account data" in glued and "trademark" not in glued


TITLED = "Acme Privacy & Cookie Policy\n============================\n\nVersion: June 2026\n\n### Introduction\n\n" \
         "This privacy policy covers the Acme services and apps. By using them you agree to have read it.\n\n" \
         + POLICY.split("\n\n", 1)[1]


def test_a_capture_that_lost_the_opening_alone_drops_no_sentence() -> None:
    cut = POLICY.split("\n\n", 1)[1]
    report = compare(TITLED, cut)
    assert report.headline == "The new capture lacks the policy's title and first 2 sentences; the rest is unchanged"
    assert report.verdict == "minor"
    assert not any(b.startswith(GONE) for b in report.bullets)
    back = compare(cut, TITLED)
    assert back.headline.startswith("The capture holds the policy's title and first 2 sentences again")


def test_an_opening_rewritten_is_reported_as_such() -> None:
    new = TITLED.replace("By using them you agree to have read it.", "We share your data with advertisers.")
    report = compare(TITLED, new)
    assert "lacks the policy's title" not in report.headline


def _numbered(n: int) -> list[str]:
    return [f"We keep record number {k} of your account for the purposes stated in part {k}." for k in range(1, n + 1)]


def test_a_capture_cut_off_part_way_is_said_as_such_and_the_way_back_too() -> None:
    whole = "# Privacy Policy\n\n" + "\n\n".join(_numbered(40)) + "\n"
    cut = "# Privacy Policy\n\n" + "\n\n".join(_numbered(25)[:24] + ["We keep record number 25 of your acc"]) + "\n"
    rep = compare(whole, cut)
    assert rep.verdict == "minor", rep.headline
    # the cut-off fragment may or may not count as a sentence of its own
    assert re.match(r"The new capture stops after 2[45] of the policy's 40 sentences", rep.headline), rep.headline
    assert not any(b.startswith("No longer") for b in rep.bullets)
    back = compare(cut, whole)
    assert back.verdict == "minor" and back.headline.startswith("The capture holds the whole policy again"), back.headline


def test_a_policy_that_ends_with_new_paragraphs_is_no_cut_capture() -> None:
    old = "# Privacy Policy\n\n" + "\n\n".join(_numbered(30)) + "\n"
    new = old + "\nWe now share your location with advertising partners.\n"
    assert "capture" not in compare(old, new).headline
