"""Every kind of noise must give `cosmetic` (and no bullets): readers are never alerted for it."""

from __future__ import annotations

import unicodedata

import pytest

from tracker.changes import compare


def _noise_cases(p: str) -> dict[str, str]:
    return {
        "whitespace": p.replace(" the ", "  the ").replace("\n\n", "\n\n\n"),
        "trailing spaces and tabs": "\n".join(line + " \t" for line in p.split("\n")),
        "unicode NFD": unicodedata.normalize("NFD", p),
        "smart punctuation": p.replace("'", "\u2019").replace("e-mails", "e\u2011mails"),
        "emphasis": p.replace("personal information", "**personal information**")
                     .replace("30 days", "_30 days_"),
        "link syntax": p.replace("the Service", "the [Service](https://example.com/service)"),
        "tracking params": p.replace("the Service", "the [Service](https://example.com/s?utm_source=x&fbclid=1)"),
        "list numbering": p.replace("We use your information to provide", "1. We use your information to provide")
                           .replace("We will not sell", "2. We will not sell"),
        "date stamp": p.replace("Last updated: March 1, 2023", "Last updated: June 9, 2024"),
        "copyright year": p.replace("© 2023", "© 2024"),
        "obfuscated email": p.replace("privacy@example.com", "privacy [at] example [dot] com"),
        "hard wrap": p.replace("such as your name and", "such as your name\nand"),
        "empty heading anchor": p.replace("## Data Retention", "## [](#retention)Data Retention"),
        "setext heading": p.replace("## Data Retention\n", "Data Retention\n--------------\n"),
        "navigation line": "* [Home](/) * [Blog](/blog) * [Careers](/jobs)\n\n" + p,
        "icon glyph": p.replace("## Contact Us", "## \ue904Contact Us"),
        "nbsp and zero-width": p.replace("your name", "your\u00a0na\u200bme"),
        "escaped markdown": p.replace("e.g.", "e\\.g\\."),
        "html tags": p.replace("We keep your data", "<span>We keep your data</span>"),
    }


@pytest.mark.parametrize("case", list(_noise_cases("x").keys()))
def test_noise_is_cosmetic(policy: str, case: str) -> None:
    new = _noise_cases(policy)[case]
    assert new != policy, "the mutation must change the raw text"
    report = compare(policy, new)
    assert report.verdict == "cosmetic", (case, report.to_dict()["changes"])
    assert report.bullets == ()
    assert report.headline.startswith("Cosmetic only")


def test_date_stamp_reported_as_metadata(policy: str) -> None:
    report = compare(policy, policy.replace("March 1, 2023", "June 9, 2024"))
    assert report.is_cosmetic
    assert report.date_stamp == {"old": "March 1, 2023", "new": "June 9, 2024"}
    assert "revision date updated" in report.headline


def test_reordered_identical_text_is_cosmetic_and_moved(policy: str) -> None:
    blocks = policy.split("\n## ")
    swapped = "\n## ".join([blocks[0], blocks[2], blocks[1]] + blocks[3:])
    report = compare(policy, swapped)
    assert report.verdict == "cosmetic"
    assert report.stats["moved"] >= 1
    assert all(c.kind == "moved" for c in report.changes)
    assert report.sections_added == () and report.sections_removed == ()


def test_real_change_is_never_cosmetic(policy: str) -> None:
    report = compare(policy, policy.replace("30 days", "90 days"))
    assert report.verdict != "cosmetic"


# --- page chrome and echoes (second pass) ------------------------------------------------------

_POPUPS = " ".join(f'Example "term {k}"For example, a long explanation number {k}. Learn more.' for k in range(9))


def test_text_freed_from_discarded_chrome_is_not_new(policy: str) -> None:
    """A slogan glued to the end of a pop-up block the segmenter drops, later standing alone."""
    slogan = "We keep your personal information private and safe and put you in control."
    old = policy + "\n" + _POPUPS + " " + slogan + "\n"
    new = policy + "\n" + slogan + "\n"
    report = compare(old, new)
    assert report.verdict == "cosmetic", report.to_dict()["changes"]
    assert report.stats["moved"] == 1 and report.stats["added"] == 0


def test_really_new_sentence_next_to_chrome_still_alerts(policy: str) -> None:
    old = policy + "\n" + _POPUPS + "\n"
    new = policy + "\n" + _POPUPS + "\n\nWe sell your personal information to data brokers for 90 days.\n"
    report = compare(old, new)
    assert report.verdict == "substantive"
    assert report.stats["added"] == 1


def test_sentence_extending_old_text_is_not_an_echo(policy: str) -> None:
    """Only whole phrases count: a new sentence that merely starts like old text is new."""
    new = policy.replace("## Contact Us", "We keep your data for 30 days after you close your account "
                                          "and share it with advertisers.\n\n## Contact Us")
    report = compare(policy, new)
    assert report.verdict != "cosmetic"
    assert report.stats["added"] == 1


def test_dropped_duplicate_navigation_block_is_cosmetic() -> None:
    nav = "\n\n".join(["solutions", "platform", "pricing", "partners", "news & events", "company"])
    body = ("our privacy policy\n\nwe collect your e-mail address when you sign up for the service.\n\n"
            "we never sell personal data to anyone.\n")
    old = nav + "\n\n" + nav + "\n\nlogin\n\n" + body
    new = nav + "\n\nlogin\n\n" + body
    report = compare(old, new)
    assert report.verdict == "cosmetic", report.to_dict()["changes"]


def test_dropping_the_only_copy_of_a_statement_alerts() -> None:
    body = "we collect your e-mail address when you sign up.\n\nwe never sell personal data to anyone.\n"
    report = compare(body, body.replace("we never sell personal data to anyone.\n", ""))
    assert report.verdict != "cosmetic"
    assert report.stats["removed"] == 1


def test_update_banner_link_is_part_of_the_date_stamp(policy: str) -> None:
    banner = ("An updated version of our Privacy Policy takes effect on May 25, 2018. "
              "See the updated version of the policy\n\n")
    report = compare(policy, banner + policy)
    assert report.verdict == "cosmetic", report.to_dict()["changes"]


@pytest.mark.parametrize("line", ["To read our EU privacy policy click here",
                                  "See the updated version of the policy",
                                  "See our Cookie Policy, which explains how we use cookies for advertising."])
def test_link_lines_without_a_date_banner_still_count(policy: str, line: str) -> None:
    new = policy.replace("## Contact Us", f"* {line}\n\n## Contact Us")
    report = compare(policy, new)
    assert report.verdict != "cosmetic", line


def test_piece_of_a_longer_old_sentence_is_not_an_echo(policy: str) -> None:
    """'sell your personal information to advertisers' said inside 'we will never ...' and
    then said on its own under 'We may:' is a new statement, not a move."""
    old = policy.replace("## Contact Us", "We will never sell your personal information to advertisers "
                                          "or data brokers.\n\n## Contact Us")
    new = old.replace("## Contact Us", "We may:\n\n* sell your personal information to advertisers or data brokers\n\n"
                                       "## Contact Us")
    report = compare(old, new)
    assert report.stats["added"] >= 1 and report.verdict != "cosmetic", report.to_dict()["changes"]
