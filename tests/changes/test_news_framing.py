"""Every statement says what kind of change it is: a quoted new sentence is said as new, a
rewording says what it replaced, and a bullet never repeats the headline with only its means.
"""

from __future__ import annotations

from tests.support.changes import ch, ctx
from tracker.changes import compare
from tracker.changes.corroborate import said_before, Side
from tracker.changes.headline import tighten
from tracker.changes.phrasing import keeps_was_context, reads_was, say_new, tidy, unmarked, without_aside
from tracker.changes.render import shown_bullets
from tracker.changes.rules.common import Statement
from tracker.changes.statements import stated_as_new


def test_a_new_practice_of_the_company_gets_now_before_its_verb() -> None:
    assert say_new("Acme may keep track of how you interact with links", "Acme") == \
        "Acme may now keep track of how you interact with links"
    assert say_new("Acme collects your IP address", "Acme") == "Acme now collects your IP address"
    assert say_new("Acme also shares data with partners", "Acme") == "Acme now also shares data with partners"
    assert say_new("Acme automatically collects device data", "Acme") == "Acme now automatically collects device data"
    assert say_new("Acme has updated its notice", "Acme") == "Acme has now updated its notice"
    assert say_new("Acme has a notice for pharmacies", "Acme") == "Acme now has a notice for pharmacies"
    # a condition before the company's own clause stays where it is
    assert say_new("If you apply for a job, Acme collects your resume", "Acme") == \
        "If you apply for a job, Acme now collects your resume"
    assert say_new("Also, in order to protect you from fraud, phishing, and abuse, Acme may collect logs", "Acme") == \
        "In order to protect you from fraud, phishing, and abuse, Acme may now collect logs"


def test_a_new_sentence_whose_subject_is_not_the_company_is_labelled_new() -> None:
    assert say_new("These services may collect information sent by your browser", "Acme") == \
        "New: These services may collect information sent by your browser"
    # a negated clause is a commitment, never 'now does not'
    assert say_new("Acme does not sell your data", "Acme") == "New: Acme does not sell your data"
    # a noun after the company's name is no verb ('Acme affiliates shall …')
    assert say_new("Acme affiliates shall process your data", "Acme") == "New: Acme affiliates shall process your data"
    # a name keeps its capital
    assert say_new("Google Analytics may collect your IP address", "Acme").startswith("New: Google Analytics")
    # a whole sentence after the colon keeps its capital; a 'Note,' opener goes ('New' says it)
    assert say_new("Note, contact information you provide is given to TD Bank", "Acme") == \
        "New: Contact information you provide is given to TD Bank"
    assert say_new("Also note that your DAA choices do not apply to apps", "Acme") == \
        "New: Your DAA choices do not apply to apps"
    assert say_new("When you turn on sharing, your activities are public", "Acme") == \
        "New: When you turn on sharing, your activities are public"


def test_a_sentence_that_already_says_it_is_new_or_labelled_is_left_alone() -> None:
    for text in ("Acme now collects your IP address", "New right: you may delete your account",
                 "Acme no longer shares data", "Adds: you may opt out"):
        assert say_new(text, "Acme") == text


def test_only_statements_quoting_an_added_sentence_or_its_added_phrase_are_marked() -> None:
    c = ctx(ch("added", None, "We may keep track of links you click."),
            ch("reworded", "You can control settings in your settings.", "You can control settings in your account settings."),
            ch("reworded", "We may keep track of links in Tweets by redirecting clicks.",
               "We may keep track of links in Tweets across our Services and apps by redirecting clicks."))
    added = Statement("Acme may keep track of links you click", "other", "practice-changed", None, "x", (0,))
    assert stated_as_new(c, added).text == "Acme may now keep track of links you click"
    one_word = Statement("You can control settings in your account settings", "other", "reworded", None, "account", (1,))
    assert stated_as_new(c, one_word) == one_word       # one word added: the sentence is not new
    grown = Statement("Acme may keep track of links in Tweets across its Services and apps by redirecting clicks",
                      "other", "practice-changed", None, "across our Services and apps", (2,))
    assert stated_as_new(c, grown).text.startswith("Acme may now keep track")
    link = Statement("Adds a link to its privacy page", "other", "pointer", None, "x", (0,))
    assert stated_as_new(c, link) == link


def test_a_report_says_a_new_practice_is_new_in_its_headline() -> None:
    old = "# Privacy\n\nWe collect your e-mail address to create your account.\n"
    new = ("# Privacy\n\nWe collect your e-mail address to create your account.\n\n"
           "We may share your precise location with advertising partners to show you ads.\n")
    r = compare(old, new)
    assert "now share" in r.headline or r.headline.startswith("New"), r.headline


def test_a_rewording_whose_edit_cannot_be_said_is_not_stated_as_now_reads() -> None:
    old = "You control who sees it through the privacy settings on the My Privacy page."
    new = "You control who sees it through the privacy settings on the Privacy page."
    assert reads_was(tidy(new), old, new) is None          # one small word: nothing to tell
    old2 = "You control who sees it through the privacy settings on your profile page."
    new2 = "You control who sees it through the privacy settings on the account settings page."
    said = reads_was(tidy(new2), old2, new2)
    assert said and said.endswith("(was: the privacy settings on your profile page)"), said


def test_an_opening_conjunction_is_dropped_before_a_pronoun() -> None:
    assert tidy("And you control the users with whom you share it.") == "you control the users with whom you share it"
    assert tidy("And Google Play uses data.") == "Google Play uses data"
    assert tidy("And since it sells a product, it does not need ads.") == "since it sells a product, it does not need ads"


def test_a_cut_bullet_keeps_what_its_old_value_is_paired_with() -> None:
    body = "You control the users with whom you share that information through the privacy settings on the Privacy page"
    was = " (was: privacy settings on the My Privacy page)"
    assert not keeps_was_context("You control the users with whom you share that information", body, was)
    s = Statement(body + was, "other", "reworded", "My", None, (0,))
    assert "Privacy page" in tighten(s).text.split(" (was:")[0]


def test_the_marking_never_makes_a_bullet_be_cut() -> None:
    text = "New: " + "x" * 146
    assert len(unmarked(text)) == 146
    s = Statement("Acme may now share aggregated, non-personally identifiable information publicly and with its "
                  "partners, like publishers or connected sites", "other", "practice-changed", None, "x", (0,))
    assert tighten(s) == s


def test_a_long_definition_in_parentheses_is_left_out_of_a_headline_form() -> None:
    assert without_aside("Acme may share aggregate information (information that does not identify you) with others") == \
        "Acme may share aggregate information with others"
    assert without_aside("Home.acme.com (formerly Acme Online) - you can") == "Home.acme.com (formerly Acme Online) - you can"


def test_a_bullet_that_adds_only_the_means_to_the_headline_is_not_shown() -> None:
    head = "Acme may now keep track of how you interact with links in posts across its apps"
    assert shown_bullets(head, [head + " by redirecting clicks or through other means"]) == []
    assert shown_bullets(head, [head + " by selling data to advertisers"]) == [head + " by selling data to advertisers"]
    assert shown_bullets(head, [head + " (was: within its website only)"]) != []


def test_a_rewrite_headline_says_the_policy_was_rewritten_not_an_edit_tag() -> None:
    from tracker.changes.headline import headline_of
    from tracker.changes.summary import Facts
    s = Statement("Acme may now share your location with advertising partners", "sharing", "sharing-widened", None, "x", (0,))
    f = Facts([], [], [], [], {}, {}, [("sharing", 1)], 0.2, {}, 1, 1, False)
    assert headline_of([s], f, "major", True) == "Rewritten: Acme may now share your location with advertising partners"
    new = Statement("New: These services may collect your IP address", "collection", "collection-widened", None, "x", (0,))
    assert headline_of([new], f, "major", True) == "Rewrite adds: These services may collect your IP address"



def test_an_added_sentence_the_old_text_wrote_in_other_words_is_never_said_as_new() -> None:
    old = Side(["Google's policy is to respect and protect the privacy of the users of our search services.",
                "We collect your email address when you register."])
    written = said_before(old)
    c = ctx(ch("added", None, "Google respects and protects the privacy of the individuals that use its search engine services."),
            ch("added", None, "We may keep track of links you click."))
    restated = Statement("Acme respects and protects the privacy of the individuals that use its search engine services",
                         "other", "practice-changed", None, "x", (0,))
    assert stated_as_new(c, restated).text.startswith("Acme now respects")      # no old text given: marked
    assert stated_as_new(c, restated, written) == restated       # the old text wrote it: a plain quote
    added = Statement("Acme may keep track of links you click", "other", "practice-changed", None, "x", (1,))
    assert stated_as_new(c, added, written).text == "Acme may now keep track of links you click"
