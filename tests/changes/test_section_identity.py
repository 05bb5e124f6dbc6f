"""When is a heading renamed, and when is it removed? (general rules, synthetic documents)."""

from __future__ import annotations

from tracker.changes import compare

FILLER = [
    "We review every request within a reasonable time and reply by email.",
    "Our staff are trained to handle personal information with care.",
    "Questions about this notice can be sent to our privacy office.",
    "We keep records of our processing activities as required by law.",
]


def _doc(sections: list[tuple[str, list[str]]]) -> str:
    return "\n\n".join(f"## {title}\n\n" + " ".join(body) for title, body in sections) + "\n"


SHARING = [f"We share information with partner number {k} when you ask us to connect accounts." for k in range(1, 9)]


def test_one_quoted_sentence_under_an_unrelated_heading_is_not_a_rename() -> None:
    old = _doc([("Introduction", FILLER[:2]), ("Information we disclose", SHARING), ("Contact", FILLER[2:])])
    # the whole sharing section is rewritten; one of its sentences now sits under a new heading
    new = _doc([("Introduction", FILLER[:2]), ("Advertising partners", [SHARING[0]]),
                ("Contact", FILLER[2:])])
    r = compare(old, new)
    assert "Information we disclose" in r.sections_removed
    assert r.sections_renamed == ()


def test_body_moved_under_a_new_heading_is_still_a_rename() -> None:
    old = _doc([("Introduction", FILLER[:2]), ("Information we disclose", SHARING), ("Contact", FILLER[2:])])
    new = _doc([("Introduction", FILLER[:2]), ("Advertising partners", SHARING), ("Contact", FILLER[2:])])
    r = compare(old, new)
    assert r.sections_renamed == (("Information we disclose", "Advertising partners"),)
    assert r.sections_removed == () and r.sections_added == ()


def test_similar_title_over_entirely_new_text_is_removed_and_added() -> None:
    old = _doc([("Introduction", FILLER[:2]),
                ("Compliance and cooperation with regulatory authorities",
                 ["We regularly review our compliance with this policy and its frameworks.",
                  "When we receive formal written complaints, we contact the person who made it."]),
                ("Contact", FILLER[2:])])
    new = _doc([("Introduction", FILLER[:2]),
                ("Compliance and cooperation with regulators",
                 ["Residents of Brazil may lodge a complaint with the national data authority.",
                  "Transfers outside the country rely on adequacy decisions of the commission."]),
                ("Contact", FILLER[2:])])
    r = compare(old, new)
    assert r.sections_removed == ("Compliance and cooperation with regulatory authorities",)
    assert r.sections_added == ("Compliance and cooperation with regulators",)


def test_similar_title_over_lightly_edited_text_stays_a_rename() -> None:
    body = ["We regularly review our compliance with this policy and its frameworks.",
            "When we receive formal written complaints, we contact the person who made it."]
    old = _doc([("Introduction", FILLER[:2]), ("Compliance and cooperation with regulatory authorities", body),
                ("Contact", FILLER[2:])])
    new = _doc([("Introduction", FILLER[:2]),
                ("Compliance and cooperation with regulators", [body[0], body[1].replace("formal written", "written")]),
                ("Contact", FILLER[2:])])
    r = compare(old, new)
    assert r.sections_renamed == (("Compliance and cooperation with regulatory authorities", "Compliance and cooperation with regulators"),)
    assert r.sections_removed == () and r.sections_added == ()


def test_title_with_words_added_is_the_same_heading() -> None:
    old = _doc([("Privacy Policy", FILLER[:2]), ("Contact", FILLER[2:])])
    new = _doc([("Acme Privacy Policy", ["This notice explains what Acme does with the data of its customers.",
                                         "It applies to all of our apps and websites."]),
                ("Contact", FILLER[2:])])
    r = compare(old, new)
    assert r.sections_renamed == (("Privacy Policy", "Acme Privacy Policy"),)
    assert r.sections_removed == () and r.sections_added == ()


def test_old_text_absorbed_into_a_new_section_leaves_the_old_heading_removed() -> None:
    correcting = ["Members may review, update or remove their information at any time.",
                  "If you delete all such information, your account may be deactivated."]
    rights = ["You have the right to access the personal data we hold about you.",
              "You may ask us to restrict processing of your data.",
              "You may object to processing based on our legitimate interests.",
              "We answer every request within one month of receiving it."]
    old = _doc([("Introduction", FILLER[:2]), ("Correcting or removing information", correcting),
                ("Contact", FILLER[2:])])
    new = _doc([("Introduction", FILLER[:2]), ("Rights of access and erasure", correcting + rights),
                ("Contact", FILLER[2:])])
    r = compare(old, new)
    assert r.sections_added == ("Rights of access and erasure",)
    assert r.sections_removed == ("Correcting or removing information",)


def test_text_split_into_existing_sections_is_not_a_removal() -> None:
    # negative: the old heading's text now lives in sections that were already there
    extra = ["Members may review, update or remove their information at any time.",
             "If you delete all such information, your account may be deactivated."]
    old = _doc([("Introduction", FILLER[:2]), ("Correcting information", extra), ("Contact", FILLER[2:])])
    new = _doc([("Introduction", FILLER[:2] + extra), ("Contact", FILLER[2:])])
    r = compare(old, new)
    assert r.sections_removed == () and r.sections_added == ()


def test_rewritten_heading_naming_the_same_subject_is_a_rename() -> None:
    old = _doc([("Introduction", FILLER[:2]),
                ("Information security", ["We protect your information with encryption and access controls.",
                                          "Only trained staff may access your information."]),
                ("Contact", FILLER[2:])])
    new = _doc([("Introduction", FILLER[:2]),
                ("Keeping your information secure", ["We build security into our services to protect your "
                                                     "information, with encryption in transit.",
                                                     "Access is restricted to staff who need it."]),
                ("Contact", FILLER[2:])])
    r = compare(old, new)
    assert r.sections_renamed == (("Information security", "Keeping your information secure"),)
    assert r.sections_added == () and r.sections_removed == ()


def test_a_new_heading_adding_many_subject_words_is_not_a_rename() -> None:
    from tracker.changes.renames import same_subject
    assert same_subject("information we collect", "information google collects")
    assert same_subject("information sharing and disclosure", "information we share and disclose")
    assert not same_subject("what personal information we collect",
                            "sources of personal information collected by partners and data brokers")
    assert not same_subject("information", "information about cookies")


def test_section_rewritten_under_a_new_title_pairs_by_its_subject_words() -> None:
    retention = ["We retain account records while your account remains open.",
                 "Deleted accounts are erased from backups within ninety days.",
                 "Billing records are retained for seven years for tax authorities."]
    reworded = ["Account records stay retained while your account remains open with us.",
                "When deleted, accounts are erased from our backups inside ninety days.",
                "Tax authorities require us to keep billing records seven years."]
    old = _doc([("Introduction", FILLER[:2]), ("Retention and Deletion", retention), ("Contact", FILLER[2:])])
    new = _doc([("Introduction", FILLER[:2]), ("How long do we keep records?", reworded), ("Contact", FILLER[2:])])
    r = compare(old, new)
    assert r.sections_renamed == (("Retention and Deletion", "How long do we keep records?"),)
    assert r.sections_added == () and r.sections_removed == ()


def test_old_heading_whose_text_moved_into_existing_sections_is_not_removed() -> None:
    moved = ["Members may review, update or remove their information at any time from the settings page.",
             "If you delete all such information, your account may be deactivated by our staff."]
    old = _doc([("Introduction", FILLER[:2]), ("Your controls", moved), ("Contact", FILLER[2:])])
    # the text survives, split across sentences differently, under a heading that already existed
    new = _doc([("Introduction", FILLER[:2] + [moved[0].replace(" from the settings page", ""),
                                              "You can do it from the settings page.", moved[1]]),
                ("Contact", FILLER[2:])])
    assert compare(old, new).sections_removed == ()


def test_a_removed_heading_whose_subject_is_still_written_is_not_removed() -> None:
    old = _doc([("Introduction", FILLER[:2]),
                ("Interact with you on social networks", ["We answer messages you send to our pages."]),
                ("Contact", FILLER[2:])])
    new = _doc([("Introduction", FILLER[:2] + ["We may interact with you on social networks when you write to us."]),
                ("Contact", FILLER[2:])])
    assert compare(old, new).sections_removed == ()


def test_summary_layer_entry_of_a_new_numbered_section_is_not_a_second_section() -> None:
    old = "Introduction\n\nThis policy explains our practices in detail for every visitor.\n"
    new = old + ("\nWHO IS RESPONSIBLE FOR PROCESSING YOUR PERSONAL INFORMATION?\n\nOur parent company is, "
                 "see more below.\n\n3. WHO IS RESPONSIBLE FOR YOUR PERSONAL INFORMATION?\n\nExample Corp and its "
                 "affiliates are responsible for processing your personal information.\n")
    assert compare(old, new).sections_added == ("3. WHO IS RESPONSIBLE FOR YOUR PERSONAL INFORMATION?",)
    # negative: an unnumbered new section on another subject stays
    other = new + "\nCOOKIES AND BEACONS\n\nWe use cookies and beacons to measure visits.\n"
    assert "COOKIES AND BEACONS" in compare(old, other).sections_added
