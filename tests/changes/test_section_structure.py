"""Which lines are sections, and how renamed sections are found (general rules, synthetic texts).

Contents lines, unbulleted list items, address lines, glossary and example entries and
taglines are page structure, never sections; a section is renamed when its title keeps the old
title's words, when its rewritten body is clearly the closest to the old one, or when its
sub-sections came from the old one; added, removed, renamed and changed name a section once.
"""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.segment import segment

INTRO = "Example Inc. runs the Example service for its customers around the world."
PARA = "We describe here what happens to the personal data of the people who use the service."


def test_unbulleted_list_items_after_a_lead_in_are_not_headings() -> None:
    text = (f"{INTRO}\n\nYour location can be determined with varying degrees of accuracy by:\nGPS\nIP address\n"
            "Sensor data from your device\nWe use it to show you nearby results and to protect your account.\n")
    doc = segment(text)
    assert [s.title for s in doc.sections] == [""]
    assert "IP address" in [s.text for s in doc.sentences]


def test_a_title_line_over_a_sentence_after_a_lead_in_stays_a_heading() -> None:
    text = (f"{INTRO}\n\nWe appreciate your comments on our practices:\nCorporate Headquarters\n"
            "Our corporate headquarters are located at:\n500 Example Parkway\nRedwood City\n")
    titles = [s.title for s in segment(text).sections]
    assert "Corporate Headquarters" in titles and "500 Example Parkway" not in titles


def test_address_lines_joined_by_markdown_line_breaks_are_not_sections() -> None:
    old = f"{INTRO}\n\n## Contact\n\nWrite to us at:\n\nExample B.V.  \nHarbour Building  \nKeizersgracht 1  \nAmsterdam\n"
    new = old.replace("Harbour Building", "Euro Business Center")
    r = compare(old, new)
    assert r.sections_added == () and r.sections_removed == ()


def test_a_contents_line_does_not_take_the_old_heading_its_section_needs() -> None:
    body = ["You may give us your name and e-mail address when you sign up for an account.",
            "We use your e-mail address to send you receipts and security notices."]
    old = "Privacy\n\nAccount Information: " + " ".join(body) + "\n\nContact: " + PARA + "\n"
    toc = "Account Information and Messages\nSecurity Choices\nAccount Information and Messages\n"
    new = ("Privacy\n\n" + toc + "\nAccount Information and Messages\n\n" + " ".join(body)
           + "\n\nContact: " + PARA + "\n")
    r = compare(old, new)
    assert ("Account Information", "Account Information and Messages") in r.sections_renamed
    assert "Account Information and Messages" not in r.sections_added


def test_a_title_that_keeps_the_old_titles_words_renames_it() -> None:
    old = (f"## About\n\n{INTRO}\n\n## Your Information\n\nYou can ask for a copy of your data at any time. "
           "We answer every request within a month.\n")
    new = (f"## About\n\n{INTRO}\n\n## Your Information and Rights\n\nYou can ask for a copy of your data at any "
           "time. We answer every request within a month. You may also object to direct marketing.\n")
    r = compare(old, new)
    assert r.sections_renamed == (("Your Information", "Your Information and Rights"),)
    assert r.sections_added == () and r.sections_removed == ()


def test_glossary_and_example_entries_are_not_sections() -> None:
    old = f"## About\n\n{INTRO}\n\n## Contact\n\n{PARA}\n"
    glossary = ("## Key terms\n\n### Affiliates\n\nAn affiliate is an entity that belongs to our group.\n\n"
                "### Algorithm\n\nA process or set of rules followed by a computer in solving problems.\n\n"
                "### Pixel tag\n\nA pixel tag is a small image placed on a website to count visits.\n\n"
                "### Customizing our services\n\nFor example, we may show a special logo on your birthday.\n\n")
    r = compare(old, old.replace("## Contact", glossary + "## Contact"))
    assert r.sections_added == ("Key terms",)


def test_a_tagline_under_a_heading_is_not_a_section() -> None:
    old = f"About us\n\n{INTRO}\n\nContact us\n\n{PARA}\n"
    new = old.replace("Contact us", "Keeping your information secure\nWe build security into our services to "
                      "protect your information\nAll our products use strong encryption to protect your data.\n\n"
                      "Contact us")
    r = compare(old, new)
    assert r.sections_added == ("Keeping your information secure",)


def test_sections_that_prefer_each_others_rewritten_body_are_renamed() -> None:
    filler = ["We publish a yearly report on the requests we received from public authorities.",
              "Our offices are open to visitors on weekdays between nine and five."]
    old = ("## Introduction\n\n" + INTRO + "\n\n## Retention and Deletion\n\nAccount records are retained while the "
           "subscription stays active. Invoices are archived for tax inspections, then shredded.\n\n"
           "## Other Things\n\n" + " ".join(filler) + "\n")
    new = ("## Introduction\n\n" + INTRO + "\n\n## 7. For what period do we keep information?\n\nWe keep account "
           "records for as long as your subscription is active. Invoices stay archived until tax inspections "
           "end and are then shredded.\n\n## Other Things\n\n" + " ".join(filler) + "\n")
    r = compare(old, new)
    assert r.sections_renamed == (("Retention and Deletion", "7. For what period do we keep information?"),)
    assert r.sections_added == () and r.sections_removed == ()


def test_a_heading_whose_sub_sections_moved_under_a_new_heading_is_renamed() -> None:
    subs = [("Provide the Services", "We use your data to deliver the newspaper to your door every morning."),
            ("Statistical Analysis", "We count readers per article to decide which topics to cover more."),
            ("Relevant Offers", "We show subscribers offers based on the sections they read most.")]
    body = "\n\n".join(f"### {t}\n\n{b}" for t, b in subs)
    old = f"## Introduction\n\n{INTRO}\n\n## WHAT DO WE DO WITH INFORMATION?\n\n{body}\n\n## Contact\n\n{PARA}\n"
    new = old.replace("## WHAT DO WE DO WITH INFORMATION?", "## 2. How Your Personal Data Serves You")
    r = compare(old, new)
    assert r.sections_renamed == (("WHAT DO WE DO WITH INFORMATION?", "2. How Your Personal Data Serves You"),)
    assert r.sections_added == () and r.sections_removed == ()


def test_added_removed_renamed_and_changed_name_each_section_once() -> None:
    old = (f"## About\n\n{INTRO}\n\n## Sharing\n\nWe share data with our payment processor only.\n\n"
           "## Contact\n\nWrite to privacy@example.com for anything else.\n")
    new = (f"## About\n\n{INTRO} We now also run a shop.\n\n## Sharing With Partners\n\nWe share data with our payment "
           "processor only. We also share data with delivery companies.\n\n## Your Rights\n\nYou may ask for a copy "
           "of your data.\n\n## Your Rights\n\nYou may ask for a copy of your data.\n")
    r = compare(old, new)
    names = [*r.sections_added, *r.sections_removed, *(t for pair in r.sections_renamed for t in pair),
             *r.sections_changed]
    assert len(names) == len(set(names)), names
    assert r.sections_added == ("Your Rights",)
    assert r.sections_renamed == (("Sharing", "Sharing With Partners"),)
    assert "Sharing With Partners" not in r.sections_changed and "About" in r.sections_changed


def test_mutual_best_body_likeness_pairs_only_clear_one_to_one_choices() -> None:
    from tracker.changes.renames import _mutual_best
    # (score, old, new): old 1 and new 10 prefer each other clearly; old 2 is torn between
    # new 11 and new 12; new 13 is liked by old 3 only weakly
    scores = [(0.30, 1, 10), (0.05, 1, 11), (0.20, 2, 11), (0.18, 2, 12), (0.04, 2, 10), (0.12, 3, 13)]
    assert _mutual_best(scores) == [(-0.30, 10, 1)]


def test_extended_title_needs_text_that_pairs_and_few_added_words() -> None:
    from tracker.changes.sections import _extended_title
    free = {1: "your information", 2: "cookies"}
    assert _extended_title(7, "your information and rights", free, {(1, 7)}) == 1
    assert _extended_title(7, "your information and rights", free, set()) is None      # unrelated text
    assert _extended_title(7, "we build security into our services to protect your information",
                           free, {(1, 7)}) is None     # a sentence about the subject, not its title


def test_title_candidates_come_in_heading_order_whatever_the_set_order() -> None:
    """extractOne keeps the first of equally similar titles: the candidates must come in
    heading order (as the free titles do), not in the run-to-run order of a set of words."""
    from tracker.changes.sections import _TitleIndex
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    free = {i: f"filler{i} title" for i in range(1, _TitleIndex.FULL_SCAN + 50)}
    for k, w in enumerate(words):          # the last word heads the first title
        free[_TitleIndex.FULL_SCAN + 100 - k] = f"{w} section"
    index = _TitleIndex(free)
    got = list(index.near(" ".join(words), free))
    assert got == sorted(got) and len(got) == len(words)
