"""Headings glued into sentences and sentences glued without a space (issue 13, fragments).

Short synthetic texts: a heading run into the company's sentence with only a space ('…
days. Retention and Deletion Acme will retain …'), a heading before a preposition ('… Acme
Collects Through your use …'), a lost space after a full stop ('… and Organizers.We have
never …'), and the names that must stay whole ('Google Analytics uses …', 'New York Times')."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.headings import text_subjects, unglue
from tracker.changes.segment import segment, split_sentences

ACME = ("When you register, Acme collects your name. Data that Acme receives may be shared with vendors. "
        "On its site Acme uses cookies. We answer within thirty days, and Acme will tell you the result. ")


def _titles(text: str) -> list[str]:
    return [s.title for s in segment(text).sections if s.title]


def _sentences(text: str) -> list[str]:
    return [s.text for s in segment(text).sentences]


def test_text_subjects_finds_the_company_not_common_nouns() -> None:
    text = ACME + "Personal Information is kept. We protect personal information. Information may be shared."
    assert text_subjects(text) >= {"Acme"}
    assert "Information" not in text_subjects(text)


def test_a_name_written_mostly_in_lower_case_is_no_subject() -> None:
    text = ("Target may use data. Target will share data. Target uses cookies. We target ads. "
            "Ads target you. You are a target. We never target children.")
    assert "Target" not in text_subjects(text)


def test_heading_before_the_company_as_subject_is_split() -> None:
    blocks = unglue([("p", ACME + "Retention and Deletion Acme will retain your data while your account is open.")],
                    text_subjects(ACME))
    assert ("h5", "Retention and Deletion") in blocks
    assert any(body.startswith("Acme will retain your data") for kind, body in blocks if kind == "p")


def test_one_word_heading_before_the_company_is_split() -> None:
    text = ACME + "Advertising Acme uses some third parties to show its ads on other sites."
    assert "Advertising" in _titles(text)
    assert "Acme uses some third parties to show its ads on other sites." in _sentences(text)


def test_an_adverb_or_a_determiner_before_the_company_stays() -> None:
    for opener in ("Additionally", "Certain"):
        text = ACME + f"{opener} Acme vendors may place cookies on its sites for a while."
        assert opener not in _titles(text)


def test_a_name_of_two_words_is_not_cut_into_heading_and_subject() -> None:
    text = (ACME + "We read the New York Acme daily. Readers of the New York Acme like it. "
            "New York Acme uses cookies to count its readers on every page.")
    assert "New York" not in _titles(text)


def test_heading_before_a_preposition_is_split() -> None:
    text = ("We value privacy. Personal and Other Information Acme Collects Through your interaction with the "
            "site, Acme may collect your e-mail address.")
    assert "Personal and Other Information Acme Collects" in _titles(text)


def test_real_subjects_stay_whole() -> None:
    text = ACME + "Google Analytics uses cookies to measure visits to this site for Acme."
    assert not any(t.startswith("Google") for t in _titles(text))
    assert any(s.startswith("Google Analytics uses cookies") for s in _sentences(text))


def test_lost_space_after_a_full_stop_splits_two_sentences() -> None:
    parts = split_sentences("We may share data with Administrators, Owners, and Organizers.We have never sold "
                            "customer information.")
    assert parts == ["We may share data with Administrators, Owners, and Organizers.",
                     "We have never sold customer information."]


def test_abbreviations_and_addresses_keep_their_full_stop() -> None:
    assert split_sentences("See e.g.We have it here.") == ["See e.g.We have it here."]
    assert len(split_sentences("Visit acme.it for more details.")) == 1


def test_glued_promise_reported_on_its_own() -> None:
    old = "We share Service Data with Administrators and Organizers. We use it to run the service."
    new = ("We share Service Data with Administrators and Organizers.We have never and will never sell customer "
           "information. We use it to run the service.")
    report = compare(old, new)
    assert any(b.lower().startswith(("new", "adds")) and "never" in b and "Organizers" not in b
               for b in [report.headline, *report.bullets])


def test_added_list_item_is_said_with_its_lead_in() -> None:
    intro = "Acme and its service providers collect a variety of information about you including:"
    items = ["Information you give Acme when you register for the service.",
             "Information about your browsing activity on the sites Acme runs."]
    extra = "Information about you or your household that Acme obtains from other sources where permitted by law."
    old = "Acme Privacy Policy\n\n" + intro + "\n\n" + "\n".join(f"* {i}" for i in items) + "\n\nAcme keeps data safe.\n"
    new = ("Acme Privacy Policy\n\n" + intro + "\n\n" + "\n".join(f"* {i}" for i in [*items, extra])
           + "\n\nAcme keeps data safe.\n")
    report = compare(old, new)
    lines = [report.headline, *report.bullets]
    assert any("including information about you or your household" in b for b in lines)
    assert not any(b.startswith("Information about you or your household") for b in lines)


def test_list_item_after_a_label_keeps_its_own_words() -> None:
    old = "Acme Policy\n\nParental Controls:\n\n* Age-based controls exist on the sites.\n\nAcme keeps data safe.\n"
    new = ("Acme Policy\n\nParental Controls:\n\n* Age-based controls exist on the sites.\n"
           "* Age-based parental controls are available on Acme TV and Acme Wireless for all families.\n\n"
           "Acme keeps data safe.\n")
    lines = [compare(old, new).headline, *compare(old, new).bullets]
    assert not any("Parental Controls age-based" in b for b in lines)


def test_heading_closed_by_an_acronym_is_unglued() -> None:
    blocks = unglue([("p", "Nobody can read it, not even us.Data Processing Agreement (GDPR)1Password.eu and "
                           "1Password.ca fully comply with the GDPR.")])
    assert ("h5", "Data Processing Agreement (GDPR)") in blocks


def test_a_log_entry_glued_onto_a_log_sentence_is_no_change() -> None:
    from tracker.changes.report import Change
    from tracker.changes.trivial import is_trivial
    c = Change("reworded", "Changes", "We also expanded on how Secure Data is handled on our end.",
               "We also expanded on how Secure Data is handled on our end.2017-02-02: Original version")
    assert is_trivial(c)


def test_headings_glued_to_each_other_and_to_a_sentence_are_unglued() -> None:
    blocks = unglue([("p", "Remove cached copies at the help page. How advertising and Sponsored Stories "
                           "workPersonalized adsWe do not share any of your information with advertisers.")])
    assert ("p", "We do not share any of your information with advertisers.") in blocks
    brand = unglue([("p", "Connect your account with the network. Sign in with LinkedIn may be offered to you "
                          "on our site. LinkedIn may use it.")])
    assert all(kind == "p" for kind, _ in brand)


def test_a_conjunction_opening_a_paragraph_before_the_company_is_no_heading() -> None:
    # 'Although ConnectSolutions may offer …': a one-word 'heading' that is a conjunction opens a
    # clause; splitting it off broke a section whose body survived under a new title (a rename)
    from tracker.changes.segment import segment
    text = ("# Policy\n\n**Transfers**\n\nAlthough Acme may offer local content, our service is hosted in the US. "
            "Acme will keep it safe. Acme may share it with processors. Acme uses it to run the service. "
            "Data you give to Acme is stored by Acme for Acme and for nobody else.\n")
    assert "Although" not in [s.title for s in segment(text).sections]
