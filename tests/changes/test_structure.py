"""Segmentation and alignment: sentences, sections added/removed/renamed/moved, meaning flips."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.segment import segment, split_sentences
from tracker.changes.verdict import flips


def test_sentence_splitter_knows_abbreviations() -> None:
    text = ("We collect data, e.g. your name, i.e. what you type. Example Inc. is in the U.S. "
            "and Dr. Smith leads it. Another sentence follows! And a question? Yes.")
    assert split_sentences(text) == [
        "We collect data, e.g. your name, i.e. what you type.",
        "Example Inc. is in the U.S. and Dr. Smith leads it.",
        "Another sentence follows!", "And a question?", "Yes.",
    ]


def test_headings_of_every_style() -> None:
    doc = segment("# Title\n\nIntro text here.\n\nSetext\n------\n\nBody one.\n\n**Bold Heading**\n\n"
                  "Body two.\n\nALL CAPS HEADING\n\nBody three.\n\n* a list item\n")
    titles = [s.title for s in doc.sections]
    assert titles == ["", "Title", "Setext", "Bold Heading", "ALL CAPS HEADING"]
    assert doc.sentences[-1].text == "a list item"


def test_added_and_removed_sections(policy: str) -> None:
    new = policy.replace("## Contact Us", "## California Privacy Rights\n\nCalifornia residents may "
                         "request a list of third parties we disclosed data to.\n\n## Contact Us")
    r = compare(policy, new)
    assert r.sections_added == ("California Privacy Rights",)
    assert any("New section: California Privacy Rights" in b for b in r.bullets)
    assert compare(new, policy).sections_removed == ("California Privacy Rights",)


def test_renamed_section_is_not_added_or_removed(policy: str) -> None:
    r = compare(policy, policy.replace("## Data Retention", "## How Long We Keep Your Data"))
    assert r.sections_renamed == (("Data Retention", "How Long We Keep Your Data"),)
    assert r.sections_added == () and r.sections_removed == ()


def test_moved_section_is_shown_as_moved(policy: str) -> None:
    part = "## Data Retention\n\nWe keep your data for 30 days after you close your account.\n\n"
    moved = policy.replace(part, "").replace("## Information We Collect", part + "## Information We Collect")
    r = compare(policy, moved)
    assert r.sections_added == () and r.sections_removed == ()
    kinds = {c.kind for c in r.changes}
    assert kinds == {"moved"}
    assert r.verdict == "cosmetic"


def test_negation_flip_is_detected_and_substantive(policy: str) -> None:
    r = compare(policy, policy.replace("We will not sell your personal information",
                                       "We may sell your personal information"))
    (c,) = [c for c in r.changes if c.kind == "reworded"]
    assert "negation removed" in c.flips
    assert c.material and r.verdict == "substantive"
    assert r.bullets and r.bullets[0].startswith("Sale of data: no longer says “We will not sell")
    assert r.headline.startswith("No longer says “We will not sell your personal information")
    assert "sale" in c.topics


def test_flip_rules() -> None:
    assert "negation added" in flips("We share data.", "We do not share data.")
    assert any(f.startswith("obligation weakened") for f in
               flips("We will notify you of changes.", "We may notify you of changes."))
    assert "opt-in → opt-out" in flips("Marketing only if you opt in.", "Marketing unless you opt out.")
    assert any("30 → 90" in f for f in flips("Kept 30 days.", "Kept 90 days."))
    assert flips("We keep data.", "We retain data.") == []


def test_reworded_sentence_redline(policy: str) -> None:
    from tracker.changes import render_text
    r = compare(policy, policy.replace("to provide and improve the Service",
                                       "to provide, improve and advertise the Service"))
    text = render_text(r)
    assert "~ reworded" in text and "{+" in text and "[-" in text
