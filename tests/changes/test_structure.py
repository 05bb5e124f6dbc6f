"""Segmentation and alignment: sentences, sections added/removed/renamed/moved, meaning flips."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.segment import segment, split_sentences
from tracker.changes.verdict import flips


def test_company_forms_and_street_addresses_do_not_cut_a_sentence() -> None:
    text = ("Konstant Infosolutions Pvt. Ltd. (herein \"Konstant\") collects your data. Acme Pte. Ltd. "
            "and Acme Sdn. Bhd. process it. Write to 1 Main Ave. Suite 4, Springfield. Done.")
    assert split_sentences(text) == [
        'Konstant Infosolutions Pvt. Ltd. (herein "Konstant") collects your data.',
        "Acme Pte. Ltd. and Acme Sdn. Bhd. process it.",
        "Write to 1 Main Ave. Suite 4, Springfield.", "Done.",
    ]


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
    assert any("California residents may request a list of third parties" in b for b in r.bullets), r.bullets
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
    # a reversed core promise: major, tagged sale, the new practice first with the old one
    assert c.material and r.verdict == "major" and "sale" in r.topics
    assert r.bullets[0] == ("The company may sell your personal information to third parties "
                            "(was: the company will not sell your personal information to third parties)")
    assert r.headline.startswith("The company may sell your personal information to third parties")
    assert len(r.headline) < 140
    assert r.statements[0]["impact"] == "sale-reversal" and r.statements[0]["topic"] == "sale"
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


# --- which headings are sections (second pass) -------------------------------------------------

_CALIFORNIA = ("## California Privacy Rights\n\nCalifornia residents may request a list of the third "
               "parties we disclosed personal information to in the last year.\n\n")


def test_table_of_contents_line_is_not_a_second_new_section(policy: str) -> None:
    toc = "Contents\n\nInformation We Collect\n\nCalifornia privacy rights\n\n"
    new = policy.replace("## Information We Collect", toc + "## Information We Collect") \
                .replace("## Contact Us", _CALIFORNIA + "## Contact Us")
    r = compare(policy.replace("## Information We Collect", "Contents\n\nInformation We Collect\n\n"
                               "## Information We Collect"), new)
    assert r.sections_added == ("California Privacy Rights",), r.sections_added


def test_summary_layer_repeating_old_headings_adds_only_its_new_ones(policy: str) -> None:
    summary = ("## Summary\n\nThis summary explains the policy in short form for busy readers today.\n\n"
               "## Data Retention\n\nWe keep data for a month or so, see below for the details.\n\n")
    new = policy.replace("## Information We Collect", summary + "## Information We Collect")
    r = compare(policy, new)
    assert r.sections_added == ("Summary",), r.sections_added


def test_repeated_more_links_and_go_to_lines_are_not_sections(policy: str) -> None:
    new = policy.replace("## How We Use Information", "More\n\nGo to Privacy Checkup\n\n## How We Use Information") \
                .replace("## Contact Us", "More\n\n## Contact Us")
    r = compare(policy, new)
    assert r.sections_added == () and r.verdict == "cosmetic", r.to_dict()["sections"]


def test_new_subheading_over_old_text_is_a_split_not_a_new_section(policy: str) -> None:
    new = policy.replace("We also collect device information",
                         "\n## Device Data\n\nWe also collect device information")
    r = compare(policy, new)
    assert r.sections_added == ()
    fresh = policy.replace("## Contact Us", "## Device Data\n\nWe read the sensors of your phone every minute "
                                            "to measure how you move.\n\n## Contact Us")
    assert compare(policy, fresh).sections_added == ("Device Data",)


def test_rewritten_section_under_a_new_title_is_removed_and_added(policy: str) -> None:
    """A loose rewording under an unrelated heading is not a rename."""
    new = policy.replace("## Data Retention\n\nWe keep your data for 30 days after you close your account.",
                         "## Your Choices\n\nYour data is kept 30 days after you close the account.")
    r = compare(policy, new)
    assert r.sections_renamed == ()
    assert r.sections_added == ("Your Choices",) and r.sections_removed == ("Data Retention",)
    close = policy.replace("## Data Retention\n\nWe keep your data for 30 days after you close your account.",
                           "## Your Choices\n\nWe keep your settings for 30 days after you close your account here.")
    assert compare(policy, close).sections_renamed == (("Data Retention", "Your Choices"),)
    moved = policy.replace("## Data Retention\n\n", "")
    r2 = compare(policy, moved)
    assert r2.sections_removed == (), "a heading whose text survives verbatim was not removed"


def test_glued_headings_are_split_but_brands_are_not() -> None:
    from tracker.changes.segment import _split_glued_heading
    assert _split_glued_heading("Privacy controlsActivity Controls") == ["Privacy controls", "Activity Controls"]
    assert _split_glued_heading("The New York Times TimesPoints Reward Program") == \
        ["The New York Times TimesPoints Reward Program"]
    assert _split_glued_heading("YouTube Kids Privacy") == ["YouTube Kids Privacy"]


def test_idioms_with_not_are_not_negation_flips() -> None:
    assert flips("We collect data such as your name.",
                 "We collect data, including but not limited to your name.") == []
    assert flips("We collect messages.", "We collect not only messages but also photos.") == []
    assert "negation added" in flips("We sell data.", "We do not sell data.")
    assert "negation added" in flips("We collect data, including your name.",
                                     "We do not collect data, including but not limited to your name.")


# --- plain-text heading forms (one rule per test; synthetic texts) ---------------------------

def _titles(text: str) -> list[str]:
    return [s.title for s in segment(text).sections[1:]]


def test_numbered_heading_lines_are_headings_not_list_items() -> None:
    text = ("We explain our practices below.\n1. INTRODUCTION\nThis policy covers our sites.\n"
            "9. Sensitive Personal Information\nPlease do not send us sensitive data.\n")
    assert _titles(text) == ["1. INTRODUCTION", "9. Sensitive Personal Information"]
    # negative: a numbered list of short items stays a list
    listed = "We collect:\n1. Your Name\n2. Email Address\n3. Phone Number\nWe use it to reply.\n"
    assert _titles(listed) == []


def test_a_bare_section_number_line_does_not_glue_the_heading_into_text() -> None:
    text = ("You can ask us to stop some of the processing described in this chapter at any time\n4.3\n"
            "Object, Restrict, or Withdraw Consent\n"
            "You can manage your privacy settings at any time.\n")
    assert _titles(text) == ["Object, Restrict, or Withdraw Consent"]
    assert all("4.3" not in s.text for s in segment(text).sentences)


def test_run_in_labels_are_headings() -> None:
    text = ("Cookies. We use cookies to remember your preferences on our site.\n"
            "Log Data: When you use our services we record your visits.\n"
            "Information we collect: We collect your name and email address.\n")
    assert _titles(text) == ["Cookies", "Log Data", "Information we collect"]
    doc = segment(text)
    assert doc.sentences[0].text.startswith("We use cookies")


def test_prose_openers_are_not_run_in_labels() -> None:
    text = ("Note: We may update this page from time to time without notice.\n"
            "We agree. The terms apply to every user of the service.\n"
            "For example: We may send you a receipt by email after a purchase.\n")
    assert _titles(text) == []


def test_sentence_case_question_and_colon_labels_are_headings() -> None:
    text = ("Cookies are small files stored by your browser.\nWhat are advertising identifiers?\n"
            "Advertising identifiers are like cookies on mobile devices.\nContact us:\n"
            "The best way to reach us is the help center.\nExamples include:\n"
            "Your name and your email address.\n")
    assert _titles(text) == ["What are advertising identifiers?", "Contact us:"]


def test_a_title_line_after_an_unclosed_line_starts_a_new_section() -> None:
    text = ("If you have a concern about this statement, you can always write to our privacy office\n"
            "back to top\nYour California Privacy Rights\n"
            "Residents of California may ask for a list of third parties.\n")
    assert _titles(text) == ["Your California Privacy Rights"]
    assert "back to top" not in segment(text).text


def test_headings_glued_between_sentences_are_split_out() -> None:
    text = ("We use the information you provide to administer those programs.Source of your personal "
            "information where they are not collected from youWe may have received your data from partners. "
            "We keep it safe.Service ProvidersApple shares personal information with companies who help us.\n")
    assert _titles(text) == ["Source of your personal information where they are not collected from you",
                             "Service Providers"]
    # negative: a brand with inner capitals inside a sentence is not a glued heading
    assert _titles("We work with PayPal to process payments. Visit YouTube for videos of our products.\n") == []


def test_address_and_price_lines_are_never_sections_added() -> None:
    old = "Contact\nWe answer every question about this policy within a month.\n"
    new = old + "Write to us at our office in Canada.\nM5V1P9, Canada\nWe answer within a month.\n"
    assert compare(old, new).sections_added == ()
    assert compare(old, old + "Data Retention\nWe delete logs after a month.\n").sections_added == ("Data Retention",)


def test_a_date_stamp_is_not_a_run_in_label() -> None:
    doc = segment("Last modified: December 18, 2017 (view archived versions)\nWe collect data.\n")
    assert [s.title for s in doc.sections[1:]] == [] and doc.date_stamp == "December 18, 2017"


def test_glued_question_and_space_glued_headings_are_split_out() -> None:
    text = ("We share with partners in the Facebook Settings and Instagram Settings.IV. How do the Facebook "
            "Companies work together?Facebook and Instagram share infrastructure with each other.\n\n"
            "Visit our Ad Choices page for additional privacy choices. Users in the EEA and Switzerland "
            "If you are a user in the EEA or Switzerland, the following information applies to you.\n")
    assert _titles(text) == ["IV. How do the Facebook Companies work together?", "Users in the EEA and Switzerland"]
    # negative: ordinary sentences with names and questions inside prose stay prose
    prose = ("Do you want to know more? Read the help center. We work with Google Analytics. The data "
             "helps us. Apple Music and Apple TV use it too.\n")
    assert _titles(prose) == []


def test_run_in_labels_pair_headings_but_are_never_reported_as_sections() -> None:
    old = ("Information We Collect\n\nWe collect what you give us when you sign up for the service.\n\n"
           "Log Data: When you use our services we record the pages you visit.\n")
    new = old + "\nLocation Data: We may receive your approximate location from your IP address.\n"
    r = compare(old, new)
    assert r.sections_added == ()
    assert any("approximate location" in (c.new or "") for c in r.changes if c.kind == "added")
    # the same label standing as a heading line on the other side is the same section
    lined = old.replace("Log Data: When", "Log Data\n\nWhen")
    assert compare(old, lined).sections_added == () and compare(old, lined).sections_removed == ()


def test_a_glued_page_title_does_not_cut_the_stamp_line_that_follows_it() -> None:
    text = ("Facebook helps you connect with the people in your life.Example Privacy PolicyDate of last "
            "revision: December 9, 2009.We want to earn your trust by being open about what we do.\n")
    assert segment(text).date_stamp is not None
