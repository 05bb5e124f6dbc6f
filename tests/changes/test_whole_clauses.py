"""Lines that are whole, plain sentences (issue 13): a quote of one long clause is cut after a whole
phrase, its acronym glosses and framing opener left out, never right after its verb; a headline
cut never ends on a bare object ('… collect information') whose source, recipient or purpose the
sentence goes on to give; a heading run into its sentence ('Cookies We use cookies …') is no
part of the sentence."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.clauses import _purpose_lost, pointing_object
from tracker.changes.headline import _weak_lead, ends_on_noun, trim_tail
from tracker.changes.leadless import pointing_opener
from tracker.changes.publishable import unlabelled
from tracker.changes.quoted import _cut, _phrase_cut
from tracker.changes.rules.common import Statement


_LONG_CLAUSE = ("In compliance with the EU-U.S. Framework and the UK Extension to the EU-U.S. Framework and the Swiss-U.S. "
                "Framework, Acme commits to cooperate and comply with the advice of the panel established by the EU data "
                "protection authorities (DPAs) and the UK Information Commissioner's Office (ICO) with regard to "
                "unresolved complaints concerning our handling of personal data.")


def test_a_long_clause_is_cut_after_a_phrase_not_after_its_verb() -> None:
    said = _cut(_LONG_CLAUSE, 126)
    assert said == "…Acme commits to cooperate and comply with the advice of the panel…"


def test_a_cut_at_a_word_that_ends_on_a_noun_is_kept() -> None:
    text = ("During 2025, we shared the following types of Personal Information about our customers with Example "
            "Satellite Radio Inc. for the purposes of providing the connected vehicle services: identifiers and "
            "location data.")
    assert _cut(text, 118).endswith("with Example Satellite Radio…")


def test_an_unused_acronym_gloss_is_left_out_before_the_cut() -> None:
    text = ("Acme commits to follow the advice of the UK Information Commissioner's Office (ICO) with regard to "
            "unresolved complaints about the way it handles personal data received from its partners.")
    assert _cut(text, 100) == "Acme commits to follow the advice of the UK Information Commissioner's Office…"


def test_a_phrase_cut_never_drops_the_limit_that_follows() -> None:
    text = ("Acme shares the contact details of its business customers with its marketing partners in the "
            "United States unless you object to it through the settings page of your account at any time.")
    assert not (_phrase_cut(text, 110) or "").endswith("States…")


def test_a_noun_after_a_determiner_ends_a_phrase() -> None:
    assert ends_on_noun("the advice of the panel".split())
    assert ends_on_noun("from a user's device".split())
    assert not ends_on_noun("the panel established".split())


def test_a_cut_to_a_bare_object_loses_what_the_sentence_is_about() -> None:
    full = "Acme may also disclose your information to law enforcement agencies when a court orders it"
    assert _purpose_lost(full, "Acme may also disclose your information")
    assert not _purpose_lost(full, "Acme may also disclose your information to law enforcement agencies")


def test_a_second_predicate_is_where_a_headline_may_end() -> None:
    text = ("Adds: the Video Client may directly or indirectly access or collect information from a user's device "
            "and may also place and access cookies or similar technologies on users' devices or browsers")
    assert trim_tail(text, 140) == ("Adds: the Video Client may directly or indirectly access or collect information "
                                    "from a user's device")


def _unlabelled(text: str) -> str:
    return unlabelled(Statement(text, "cookies", "practice-changed", None, text, (0,))).text


def test_a_title_case_heading_run_into_its_sentence_is_left_out() -> None:
    assert _unlabelled("Cookies We use cookies to remember your preferences on the site") == \
        "We use cookies to remember your preferences on the site"
    assert _unlabelled("New: Ad Services This website uses the services of Example Ads Inc. to manage advertising") == \
        "New: This website uses the services of Example Ads Inc. to manage advertising"
    assert _unlabelled("No longer says: Twitter To disassociate your account from your registration, log in to "
                       "the site") == "No longer says: to disassociate your account from your registration, log in to the site"


def test_a_short_heading_opened_by_a_possessive_is_left_out() -> None:
    assert _unlabelled("Your rights You may ask for a copy of your data at any time") == \
        "You may ask for a copy of your data at any time"
    assert _unlabelled("Your data is shared with partners when you ask") == "Your data is shared with partners when you ask"


def test_a_line_whose_object_only_points_elsewhere_says_nothing() -> None:
    assert pointing_object("Acme now uses this information")
    assert pointing_object("The advertising partners may use this information")
    assert pointing_object("Acme may also disclose it")
    assert not pointing_object("Acme uses this information to show you your quiz results")
    assert not pointing_object("Acme may also disclose your information")


def test_a_cut_to_its_object_may_drop_a_purpose() -> None:
    full = "If you apply for a job at Acme, Acme collects your personal information for human resources reasons"
    assert not _purpose_lost(full, "If you apply for a job at Acme, Acme collects your personal information")


def test_an_opener_that_points_back_never_leads() -> None:
    assert pointing_opener("To do this, Acme now uses your personal information")
    assert not pointing_opener("To improve the service, Acme now uses your usage data")
    assert _weak_lead(Statement("To do this, Acme now uses your personal information", "use", "practice-changed",
                                None, "x", (0,)))


_INTRO = ("# Privacy Policy\n\nAcme Corp explains here how it handles the personal information of the people "
          "who use its website and its apps.\n\n")


def test_a_statement_whose_object_only_points_back_is_not_listed() -> None:
    old = _INTRO + "## Quizzes\n\nAcme offers quizzes on its website for fun.\n\nAcme keeps your account details while your account is open.\n"
    new = _INTRO + ("## Quizzes\n\nAcme offers quizzes on its website for fun. If you take a quiz, Acme collects the answers "
                    "you give in the quiz. Acme uses this information.\n\nAcme also collects technical information about "
                    "how you use the quizzes.\n\nAcme keeps your account details while your account is open.\n")
    r = compare(old, new)
    assert not any(b.endswith("uses this information") for b in r.bullets)
    assert any("technical information" in b for b in r.bullets)
