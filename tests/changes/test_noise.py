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
    assert "date stamp" in report.headline


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
