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
