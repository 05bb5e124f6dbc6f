"""An item put into a list or taken out of it by a reworded sentence's one edit, said with the
clause's own subject and verb (tracker.changes.insertions), and never an old value spliced onto
a clause that lacks the new words (tracker.changes.edits)."""

from __future__ import annotations

from tests.support.changes import ch, ctx
from tracker.changes.edits import edit_statement
from tracker.changes.insertions import item_impact, item_statement
from tracker.changes.lists import one_edit
from tracker.changes.rules.practices import practice_statements
from tracker.changes.rules.structure import reworded_statements


def _said(old: str, new: str, owner: str = "Acme") -> str | None:
    found = item_statement(owner, ch("reworded", old, new))
    return found[0] if found else None


def test_one_edit_takes_a_rejoined_list_and_a_plural_for_no_edit() -> None:
    kind, tokens, i, j = one_edit("We share it with advertisers and analytics providers.",
                                  "We share it with advertisers, data brokers and analytics providers.")
    assert kind == "+" and [t for t in tokens[i:j] if t != ","] == ["data", "brokers"]
    assert one_edit("We share it with our affiliate.", "We share it with our affiliates.") is None
    assert one_edit("We share it with A.", "We sell it to B.") is None          # two runs: not one item


def test_an_item_added_to_a_list_is_said_with_the_subject_and_verb() -> None:
    assert _said("We may share your information with advertisers and analytics providers.",
                 "We may share your information with advertisers, data brokers and analytics providers.") \
        == "Acme may now also share your information with data brokers"
    assert _said("We collect your name and email address.", "We collect your name, email address and precise location.") \
        == "Acme now also collects your precise location"
    assert _said("We use your data to provide the service and to improve it.",
                 "We use your data to provide the service, to improve it and to show you ads.") \
        == "Acme now also uses your data to show you ads"


def test_an_object_joined_with_as_well_as_is_said_without_the_unchanged_list() -> None:
    old = "Acme obtains information from outside companies including demographic and interest data."
    new = ("Acme obtains information from outside companies including demographic and interest data (such as gender "
           "or age range), as well as information such as device type, carrier, city and state.")
    assert _said(old, new) == "Acme now also obtains information such as device type, carrier, city and state"


def test_an_item_dropped_from_a_list_is_said_as_no_longer() -> None:
    assert _said("We may share your information with advertisers, data brokers and analytics providers.",
                 "We may share your information with advertisers and analytics providers.") \
        == "Acme no longer says it may share your information with data brokers"
    assert _said("Our panels are currently administered by Vision Critical and Beta Research.",
                 "Our panels are currently administered by Beta Research.") \
        == "Acme's panels are no longer administered by Vision Critical"


def test_an_item_added_to_what_a_policy_excludes_narrows_its_scope() -> None:
    old = ("The policy applies across the Acme family of companies, except it does not apply to our Zeta affiliate or "
           "in other circumstances.")
    new = ("The policy applies across the Acme family of companies, except it does not apply to our Zeta or Quux "
           "affiliates or in other circumstances.")
    assert _said(old, new) == "The policy no longer applies to its Quux affiliates"
    assert _said(new, old) == "The policy now applies to its Quux affiliates"
    # a negated practice that is no scope is said as what the company now says, never as its reverse
    assert _said("We will not sell your email address to advertisers.",
                 "We will not sell your email address to advertisers or data brokers.") \
        == "Acme now also says it will not sell your email address to data brokers"


def test_an_item_of_a_list_in_the_subject_is_named_with_that_list() -> None:
    old = "In addition, some Acme apps, such as Zed, Quux, Hum and Flash have privacy practices that are presented separately."
    new = "In addition, some Acme apps such as Zed, Hum and Flash have privacy practices that are presented separately."
    assert _said(old, new) == ("No longer names Quux among some Acme apps that have privacy practices that are "
                               "presented separately")


def test_no_item_is_read_into_a_clause_a_condition_or_a_predicate() -> None:
    # a participle or a verb added: a new predicate, not an item
    assert _said("Data collected in the EEA is controlled by Acme SARL in Luxembourg.",
                 "Data collected in the EEA is controlled by Acme SARL in Luxembourg and processed on its behalf by Acme Inc.") \
        is None
    assert _said("This information helps us customize your experience and make ads relevant.",
                 "This information helps us recognize you, customize your experience and make ads relevant.") is None
    # a condition: what the company does if something happens is no practice of its own
    assert _said("If we learn that we have collected the data of a child under 13 we will delete it.",
                 "If we learn that we have collected the data of a child under 13, or equivalent minimum age, we will "
                 "delete it.") is None
    # a phrase joined by a comma alone at the end: no list
    assert _said("Your Profile can be viewed by prospective employers.",
                 "Your Profile can be viewed by prospective employers, subject to visibility settings you control.") is None


def test_an_item_carries_the_impact_of_its_verb() -> None:
    added = ch("reworded", "We may share your data with advertisers and analytics providers.",
               "We may share your data with advertisers, data brokers and analytics providers.")
    assert item_impact("Acme", added) == "sharing-widened"
    dropped = ch("reworded", added.new, added.old)
    assert item_impact("Acme", dropped) == "sharing-narrowed"
    collected = ch("reworded", "We collect your name and email address.", "We collect your name, email address and location.")
    assert item_impact("Acme", collected) == "collection-widened"
    promise = ch("reworded", "We will not sell your data to advertisers.", "We will not sell your data to advertisers or brokers.")
    assert item_impact("Acme", promise) is None
    said = practice_statements(ctx(added))
    assert [(s.text, s.impact, s.new) for s in said] == [
        ("Acme may now also share your data with data brokers", "sharing-widened", "data brokers")]


def test_a_removed_list_item_is_never_spliced_into_a_was() -> None:
    old = ("In addition, some Acme services and apps, such as Zed, Quux, Hum and Flash have additional privacy practices "
           "that are presented separately from this policy which covers everything else.")
    new = ("In addition, some Acme services and apps such as Zed, Hum and Flash have additional privacy practices "
           "that are presented separately from this policy which covers everything else.")
    c = ch("reworded", old, new)
    texts = [s.text for s in reworded_statements(ctx(c))] + [edit_statement(ctx(c), c)[0]]
    assert texts and all("(was: such as" not in t for t in texts), texts
    assert all("Quux" in t for t in texts), texts


def test_a_was_follows_only_a_clause_holding_the_new_words() -> None:
    # the new words are moved, the clause quoted holds them: the old words may follow
    old = "Please note that Acme will not ask you to send us, via email, sensitive personal or account information."
    new = "Please note that Acme will not ask you to send sensitive personal or account information via email."
    c = ch("reworded", old, new)
    e = edit_statement(ctx(c), c)
    assert e is None or "(was: " not in e[0] or "via email" in e[0].split(" (was: ")[0], e


def test_a_policy_that_no_longer_covers_someone_narrows_its_promise() -> None:
    excluded = ch("reworded", "The policy applies to the Acme family, except it does not apply to our Zeta affiliate.",
                  "The policy applies to the Acme family, except it does not apply to our Zeta or Quux affiliates.")
    assert item_impact("Acme", excluded) == "promise-narrowed"
    dropped = ch("reworded", "This policy applies to website visitors, app users, applicants and customers.",
                 "This policy applies to website visitors, app users and customers.")
    assert item_statement("Acme", dropped)[0] == "This policy no longer applies to applicants"
    assert item_impact("Acme", dropped) == "promise-narrowed"
    assert item_impact("Acme", ch("reworded", dropped.new, dropped.old)) == "practice-changed"
    said = reworded_statements(ctx(excluded))
    assert [(s.text, s.impact) for s in said] == [("The policy no longer applies to its Quux affiliates", "promise-narrowed")]


def test_a_long_item_statement_has_a_headline_form_of_its_own() -> None:
    old = ("We may share information with vendors providing contractual and technical support services to us, such as hosting vendors and "
           "list managers.")
    new = ("We may share information with vendors providing contractual and technical support services to us, such as hosting vendors, "
           "advertising service providers, and list managers.")
    c = ch("reworded", old, new)
    said = practice_statements(ctx(c))
    assert [s.text for s in said] == ["Acme may share information with vendors providing contractual and technical support services to Acme, "
                                      "now also including advertising service providers"]
    assert said[0].short == "Acme may now also share information with advertising service providers"
    assert said[0].impact == "sharing-widened"


def test_a_filler_or_a_moved_word_is_no_old_value_and_the_owner_no_name() -> None:
    tail = " and many other words that make this sentence much too long to be one short quoted clause of a bullet"
    c = ch("reworded", "We may receive personal information about you from other sources as well.",
           "We may receive personal information about you from other sources.")
    e = edit_statement(ctx(c), c)
    assert e is None or ("(was: " not in e[0] and "Drops" not in e[0]), e
    c = ch("reworded", "Acme Privacy Policy" + tail, "Privacy Policy" + tail)
    e = edit_statement(ctx(c), c)
    assert e is None or "names Acme" not in e[0], e


def test_an_aside_between_the_verb_and_its_list_is_kept_after_the_item() -> None:
    old = "We may also disclose and otherwise use, on an anonymous basis, movie ratings, reviews and other information."
    new = ("We may also disclose and otherwise use, on an anonymous basis, movie ratings, viewing habits, reviews and "
           "other information.")
    assert _said(old, new) == "Acme may now also disclose and otherwise use viewing habits, on an anonymous basis"
