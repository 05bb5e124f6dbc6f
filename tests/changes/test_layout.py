"""Layout-only differences (tracker/changes/layout.py): the same words re-wrapped, re-split or
marked up otherwise compare as equal, on a layout-free stream of each text; a changed word in
the same stretch of text is still reported."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tracker.changes import compare
from tracker.changes.align import align_sentences
from tracker.changes.layout import LayoutOnly, stream
from tracker.changes.segment import segment

_P1 = ("We may collect information such as occupation, language, zip code, area code, unique device "
       "identifier, location, and the time zone where a product is used so that we can better "
       "understand customer behavior and improve our products, services, and advertising.")
_P2 = ("We use cookies and similar technologies to remember your preferences, to keep you signed in, "
       "and to measure how our websites are used, and we keep cookie data for no longer than needed.")
_MENU = ["Privacy Policy", "Information Regarding Commercial Electronic Messages in Canada",
         "Collection and Use of Personal Information", "Cookies and Other Technologies",
         "Disclosure to Third Parties", "Protection of Personal Information", "Contact Us"]
# a menu of short lines over hard-wrapped prose: the menu hides the wrap width, so the wrapped
# copy's unwrapping joins two menu lines into one 'sentence' the unwrapped copy does not have
PLAIN = "\n".join(_MENU + ["", "Collection and Use of Personal Information", _P1, _P2.replace("cookies", "web beacons"),
                           "Cookies and Other Technologies", _P2, _P1.replace("occupation", "employer"),
                           "Contact Us", _P1.replace("zip code", "postal code"), _P2.replace("websites", "apps")])
WRAPPED = "\n".join(line if len(line) < 70 else "\n".join(textwrap.wrap(line, 70)) for line in PLAIN.split("\n"))

MARKDOWN = """# Example Privacy Policy

## What we collect

We collect the following categories of information when you use the Service:

* Contact Details
* Device and Usage Information

We use it to provide the Service.

## Sharing

[Our Partners](https://example.com/partners)

1. We share data with service providers that process it for us under contract.
2. We keep it for 30 days.
"""
PLAIN_TEXT = """Example Privacy Policy

What we collect

We collect the following categories of information when you use the Service:

Contact Details
Device and Usage Information

We use it to provide the Service.

Sharing

Our Partners

We share data with service providers that process it for us under contract.
We keep it for 30 days.
"""


def _no_change_reported(old: str, new: str) -> None:
    report = compare(old, new)
    assert report.verdict == "cosmetic", [c.to_dict() for c in report.changes]
    assert not [c for c in report.changes if c.kind != "moved"]
    assert not (report.sections_added or report.sections_removed or report.sections_renamed)
    assert report.headline.startswith("Cosmetic only")


def _stream(text: str) -> str:
    return stream(segment(text).clean)


def test_markdown_and_plain_text_have_one_stream() -> None:
    assert _stream(MARKDOWN) == _stream(PLAIN_TEXT)
    assert _stream(WRAPPED) == _stream(PLAIN)
    assert _stream("We sell data.") != _stream("We do not sell data.")
    # a list's number is layout where Markdown reads a list item, a word where a wrap put it
    assert _stream("Intro.\n\n1. First item") == _stream("Intro.\n\nFirst item")
    assert _stream("Data falls in two kinds: 1) what you give and\n2) what we log") != \
        _stream("Data falls in two kinds: 1) what you give and what we log")


def test_rewrapped_text_under_a_menu_is_no_change() -> None:
    # the wrapped copy's segmentation really differs: only the stream comparison makes it equal
    assert [s.key for s in segment(WRAPPED).sentences] != [s.key for s in segment(PLAIN).sentences]
    _no_change_reported(PLAIN, WRAPPED)
    _no_change_reported(WRAPPED, PLAIN)
    assert compare(PLAIN, WRAPPED).headline == "Cosmetic only: whitespace or formatting"


def test_markdown_rescraped_as_plain_text_is_no_change() -> None:
    _no_change_reported(MARKDOWN, PLAIN_TEXT)
    _no_change_reported(PLAIN_TEXT, MARKDOWN)


def test_revision_date_changed_along_with_the_layout_is_no_change() -> None:
    # the stamp is in the stretch before the first unchanged sentence, with the menu whose
    # lines the wrapped copy joins
    old = "Last updated: May 1, 2018\n" + PLAIN
    new = "Last updated: June 3, 2019\n" + WRAPPED
    report = compare(old, new)
    assert report.verdict == "cosmetic"
    assert not [c for c in report.changes if c.kind != "moved"]
    assert report.headline.startswith("Cosmetic only: revision date updated")


def test_changed_word_next_to_layout_noise_is_reported() -> None:
    for old, new in ((MARKDOWN, PLAIN_TEXT), (PLAIN, WRAPPED)):
        changed = new.replace("30 days", "3 years").replace("unique device\nidentifier", "advertising\nidentifier") \
            .replace("unique device identifier", "advertising identifier")
        assert changed != new
        report = compare(old, changed)
        assert report.verdict != "cosmetic"
        assert [c for c in report.changes if c.kind == "reworded"]


def test_added_heading_with_new_words_is_still_a_section() -> None:
    new = MARKDOWN.replace("## Sharing\n", "## Sale of Personal Information\n\nWe sell your data to brokers.\n\n## Sharing\n")
    report = compare(PLAIN_TEXT, new)
    assert "Sale of Personal Information" in report.sections_added
    assert report.verdict != "cosmetic"


def test_sentence_holding_an_unchanged_one_is_not_taken_for_layout() -> None:
    # the anchor sentence's words also open the changed sentence before it: looked up in the
    # stream, the anchor is found too early, and the changed sentence is not in the gap cut so
    same = "We share data with service providers that process it for us under contract."
    old = f"Intro line that opens the policy text.\n\n{same} Data is kept for 30 days.\n\n{same}\n"
    new = f"Intro line that opens the policy text.\n\n{same} Data is sold to brokers.\n\n{same}\n"
    d_old, d_new = segment(old), segment(new)
    layout = LayoutOnly(d_old, d_new, align_sentences(d_old, d_new), stream(d_old.clean), stream(d_new.clean))
    changed = [p for p in align_sentences(d_old, d_new) if p.kind != "unchanged"]
    assert changed and not any(layout.pair(p) for p in changed)
    assert compare(old, new).verdict != "cosmetic"


def test_sentence_found_in_the_stretch_of_equal_gaps_around_it(shared_dir: Path) -> None:
    # Walmart's summary repeats a body sentence ('Our websites ... not directed to children.')
    # above the body: looked up in the stream, that unchanged sentence is found in the summary,
    # and the sentences the Markdown copy splits otherwise lie past it, in the next equal gap
    path = shared_dir / "corpus" / "ptt" / "walmart" / "2015-03-09.txt"
    if not path.is_file():
        pytest.skip(f"{path} not in the corpus")
    plain = path.read_text(encoding="utf-8")
    lines = plain.split("\n")
    marked = [("## " + s.strip()) if s.strip() and len(s.strip()) < 70 and s.strip()[:1].isupper()
              and not s.strip().endswith((".", ",", ";", ":")) and len(s.split()) <= 8
              and k + 1 < len(lines) and len(lines[k + 1]) > 60 else s for k, s in enumerate(lines)]
    markdown = "\n".join(marked)
    assert markdown != plain
    d_old, d_new = segment(plain), segment(markdown)
    pairs = align_sentences(d_old, d_new)
    layout = LayoutOnly(d_old, d_new, pairs, stream(d_old.clean), stream(d_new.clean))
    stretched = [p for p in pairs if p.kind != "unchanged" and layout.pair(p)]
    layout.runs = [(g, g) for g in range(len(layout.equal))]      # each gap on its own
    layout._stretches.clear()
    assert [p for p in stretched if not layout.pair(p)], "no sentence needed the stretch"
    _no_change_reported(plain, markdown)


def test_escaped_markdown_address_is_deobfuscated() -> None:
    md = "Report it to privacy\\[at\\]example.org so we can investigate the tool you found on the site."
    plain = "Report it to privacy[at]example.org so we can investigate the tool you found on the site."
    assert [s.key for s in segment(md).sentences] == [s.key for s in segment(plain).sentences]
    assert "privacy@example.org" in segment(md).sentences[0].text


def test_bracketed_address_after_a_spelled_out_at_is_deobfuscated() -> None:
    from tracker.changes.normalize import deobfuscate_emails
    text = "You may contact our representative via email at UKrepresentative.Wikimedia (at) twobirds (dot) com."
    assert "UKrepresentative.Wikimedia@twobirds.com" in deobfuscate_emails(text)
    assert deobfuscate_emails("We meet at noon.com today.") == "We meet at noon.com today."


def test_html_comments_are_no_text() -> None:
    text = "We use your information to operate our business and improve our products.\n<!-- show\nhide-->\nExamples"
    assert [s.text for s in segment(text).sentences] == \
        ["We use your information to operate our business and improve our products."]


def test_sentence_split_by_other_punctuation_is_no_change() -> None:
    old = ("Intro to the policy, which explains what we do with your data here.\n\nWe collect data about "
           "your device. We share it with our partners for analytics.\n\nWe keep your data for 30 days.")
    new = old.replace("device. We share", "device; we share")
    for a, b in ((old, new), (new, old)):
        report = compare(a, b)
        assert report.changes == ()
        assert report.headline == "Cosmetic only: whitespace or formatting"
    assert compare(old, new.replace("our partners", "advertisers")).verdict != "cosmetic"


def test_a_camel_case_name_after_a_full_stop_is_not_a_glued_heading() -> None:
    """'… your mobile carrier. LinkedIn may also receive location data …': 'Linked' is no heading
    glued before a sentence 'In may …'; a real heading glued before 'In order to …' still is."""
    from tracker.changes.headings import _glued_candidates
    body = ("We record the name of your ISP or your mobile carrier. LinkedIn may also receive location "
            "data passed to it from third-party services.")
    assert _glued_candidates(body) == []
    body2 = "We record your carrier.Security MeasuresIn order to protect you, we encrypt data at rest always."
    assert [body2[a:b] for a, b in _glued_candidates(body2)] == ["Security Measures"]
