"""A reworded sentence is stated as a sentence a reader can follow, never as redline notation
('Adds “certain types” after “you with respect”', 'Now says “…” (was: “…”)', 'Drops “…”'), and a
line cut inside a word is no section (tracker.changes.edits, tracker.changes.rules.structure)."""

from __future__ import annotations

import re

from tests.support.changes import ch, ctx
from tracker.changes import compare
from tracker.changes.edits import _condition_and_main, edit_statement
from tracker.changes.rules.practices import _cut_short
from tracker.changes.rules.structure import _cut_mid_word, reworded_statements, section_statements

_REDLINE_RE = re.compile(r"^(?:Now says “|Adds “|Drops “)|” (?:after|before|in) “")


def _stated(old: str, new: str, **kw: object) -> list[str]:
    c = ch("reworded", old, new)
    found = edit_statement(ctx(c, **kw), c)
    return [found[0]] if found else [s.text for s in reworded_statements(ctx(c, **kw))]


def test_words_added_mid_sentence_are_said_with_the_clause_not_quoted_after_a_neighbour() -> None:
    old = ("Please visit our Ad Choices page for further information about how to disable cookies and other choices "
           "that may be available to you with respect to targeted advertising, including the choices offered by the "
           "Network Advertising Initiative and the Digital Advertising Alliance to all visitors.")
    new = old.replace("with respect to targeted", "with respect to certain types of targeted")
    said = _stated(old, new)
    assert said and not any(_REDLINE_RE.search(s) for s in said), said


def test_an_unreadable_splice_is_left_out_rather_than_quoted_as_a_redline() -> None:
    old = ("Interest-based ads may be shown based on whether you are a sports enthusiast, frequent diner or pet "
           "owner, together with other facts that advertisers have told us about the audiences they would "
           "like to reach with their campaigns across our network of sites and apps.")
    new = old.replace("enthusiast, frequent diner or pet owner", "enthusiast, or frequent diner, as well as "
                      "information such as device type, carrier, city and state")
    assert not any(_REDLINE_RE.search(s) for s in _stated(old, new))


def test_a_dropped_qualifier_is_said_with_the_old_clause_as_the_old_value() -> None:
    old = "We may share aggregated, non-personally identifiable information publicly and with our partners."
    new = "We may share non-personally identifiable information publicly and with our partners."
    said = _stated(old, new)
    assert said and "aggregated" in said[0] and not said[0].startswith("Drops"), said
    assert said[0].startswith("Acme may share non-personally identifiable information"), said


def test_a_condition_is_said_with_the_main_clause_it_governs() -> None:
    sentence = ("If you are a resident of the European Economic Area, or any other country giving its residents "
                "rights similar to the GDPR, you have the following data protection rights: access, deletion.")
    came = "or any other country giving its residents rights similar to the GDPR"
    assert _condition_and_main(sentence, came) == (
        "If you are a resident of the European Economic Area, or any other country giving its residents rights "
        "similar to the GDPR, you have the following data protection rights")
    assert _condition_and_main("If you are a resident of the EEA, or Norway.", "or Norway") is None   # no main clause


def test_a_clause_cut_before_its_end_is_never_quoted_with_an_old_value() -> None:
    assert _cut_short("Acme processes your information where")
    assert _cut_short("Acme subsidiaries and affiliates include, but are not limited")
    assert not _cut_short("Acme processes your information where the law allows it")


def test_a_heading_cut_inside_a_word_is_no_section() -> None:
    text = "Ad choices. You can opt out of DoubleClick’s use of cookies for these purposes by visiting its site."
    assert _cut_mid_word("You can opt out of Double", text)
    assert not _cut_mid_word("Your Choices About Cookies", "Your Choices About Cookies. You can opt out.")
    found = section_statements(ctx(sections_added=["You can opt out of Double", "Your Choices About Cookies"],
                                   new_sentences=(text, "Your Choices About Cookies")))
    assert [s.text for s in found] == ["Adds a section “Your Choices About Cookies”"]


def test_a_data_object_joined_with_as_well_as_is_said_as_now_also() -> None:
    old = ("Acme obtains information from outside companies including demographic and interest data (such as "
           "gender, age range, education, sports enthusiast, frequent diner or pet owner).")
    new = ("Acme obtains information from outside companies including demographic and interest data (such as "
           "gender, age range, education level, sports enthusiast, or frequent diner), as well as information "
           "such as device type, carrier, city and state.")
    c = ch("reworded", old, new)
    found = edit_statement(ctx(c, owner="The company"), c)
    assert found and found[0] == "Acme now also obtains information such as device type, carrier, city and state"


def test_a_legal_form_dropped_from_a_name_is_no_name_dropped() -> None:
    from tracker.changes.edits import _real_name
    assert not _real_name("Inc.", "Intuit") and not _real_name("LLC", "Acme") and not _real_name(", Ltd", "Acme")
    assert _real_name("Payments Inc", "Intuit") and _real_name("DoubleClick", "Google")
    old = "To ask about these practices, please contact us at Privacy Team, Intuit, Inc. 2800 East Commerce Center Place."
    new = "To ask about these practices, please contact us at Privacy Team, Intuit 2800 East Commerce Center Place."
    r = compare(old, new)
    assert "Inc" not in r.headline and not any("Inc" in b for b in r.bullets), (r.headline, r.bullets)
