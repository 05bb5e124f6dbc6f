"""What leads: a side remark (a slogan, a reassurance, what the user still sees after opting out)
never ahead of a practice; an old -> new value of a practice it names ahead of a plain added
sentence of its tier; 'X does this to …' joined to the statement it refers to
(tracker.changes.priorities.standing and valued, tracker.changes.statements.select,
tracker.changes.headline)."""

from __future__ import annotations

from tracker.changes.headline import headline_of, rewrite_digest, summarise
from tracker.changes.priorities import standing, tier, valued
from tracker.changes.rules.common import Statement
from tracker.changes.statements import joined_to_antecedent as _anchored, select
from tracker.changes.summary import Facts


def _facts() -> Facts:
    return Facts([], [], [], [], {}, {}, [("collection", 1)], 0.9, {}, 1, 1, False)


def test_a_reassurance_stands_among_the_undirected_sentences_unless_it_hands_data_on() -> None:
    assert standing("collection-widened", "Contacts are securely and privately stored within its databases") == 3
    assert standing("collection-widened", "Your messages are encrypted in transit and at rest") == 3
    assert standing("sharing-widened", "Acme shares your order history securely with its delivery partners") == 2
    assert standing("collection-widened", "Acme collects your precise location when the app is open") == 2
    # a dropped or added protection keeps its level: only a practice a rule read as widened is a reassurance
    assert standing("promise-withdrawn", "No longer promises: your data is kept securely in Germany") == tier("promise-withdrawn")


def test_what_the_user_still_sees_after_opting_out_is_a_side_remark_whatever_its_level() -> None:
    side = "If you opt out, you may continue to receive online advertising from Acme; however, these ads may not be as relevant"
    assert tier("consent-weakened") == 0 and standing("consent-weakened", side) == 3
    assert standing("practice-changed", "You may continue to receive service e-mails about your account") == 3
    assert standing("sharing-widened", "If you opt out, Acme may still share your data with its affiliates") == 2


def test_a_slogan_trails_as_a_pointer_but_a_sentence_about_data_does_not() -> None:
    assert standing("practice-changed", "Facebook helps you connect and share with the people in your life") == 5
    assert standing("practice-changed", "Our mission is to give people the power to build community") == 5
    assert standing("practice-changed", "Acme helps you share photos with the people in your life") == 3


def test_select_puts_a_practice_before_a_reassurance_and_a_slogan() -> None:
    reassure = Statement("Contacts are securely and privately stored within its databases", "collection", "collection-widened",
                         None, "x", (1,))
    slogan = Statement("Acme helps you connect and share with the people in your life", "other", "practice-changed", None, "y", (2,))
    practice = Statement("Your contacts are used to suggest likely co-authors and people to follow", "use", "practice-changed",
                         None, "z", (3,))
    assert [s.changes for s in select([reassure, slogan, practice])] == [(3,), (1,), (2,)]


def test_a_slogan_never_leads_not_even_when_nothing_else_fits() -> None:
    slogan = Statement("Acme helps you connect and share with the people in your life", "other", "practice-changed")
    plain = Statement("Acme now sends invitations in your name and may send up to two reminders", "other", "reworded")
    assert headline_of([slogan, plain], _facts(), "substantive", False) == plain.text
    too_long = Statement("Acme will send your friend an email or instant message in your name inviting him or her to visit the "
                         "site, and may send up to two reminders to them", "other", "reworded", None, "up to two reminders")
    assert "connect and share" not in headline_of([slogan, too_long], _facts(), "substantive", False)


def test_an_age_changed_in_a_sentence_naming_its_practice_leads_its_tier() -> None:
    age = Statement("Acme does not knowingly collect personal information from anyone under 18 (was: 13)", "children",
                    "value-changed", "13", "18", (5,))
    right = Statement("New right: you may remove or update the photo at any time", "rights", "right-added", None, "photo", (1,))
    promise = Statement("New commitment: Acme will not use your contacts for marketing", "use", "promise-added", None, "m", (2,))
    assert valued(age.impact, age.text, age.old, age.new)
    assert select([right, promise, age])[0] == age
    assert rewrite_digest([right, promise, age])[0] == age
    assert headline_of([age, right], _facts(), "major", True).endswith(age.text)       # after the rewrite label
    # a bare value with no practice named ('Age threshold is now 16') ranks by its level only
    bare = Statement("Age threshold is now 16 (was: 18)", "children", "value-changed", "18", "16", (5,))
    assert not valued(bare.impact, bare.text, bare.old, bare.new)
    assert select([right, bare])[0] == right


def test_a_value_never_leads_without_its_old_value() -> None:
    age = Statement("Acme Online Media does not knowingly collect any personal information from children under 16 without parental consent, "
                    "unless permitted by law (was: 13)", "children", "value-changed", "13", "16", (1,))
    basis = Statement("Acme now states its legal basis for processing personal data: consent", "legal-basis", "basis-stated",
                      None, "consent", (2,))
    assert headline_of([age, basis], _facts(), "substantive", False) == basis.text


def test_does_this_is_joined_to_the_statement_it_refers_to() -> None:
    track = Statement("Acme may keep track of how you interact with links in its messages", "tracking", "practice-changed",
                      None, "t", (0,))
    why = Statement("Acme does this to help improve its Services, including advertising", "sharing", "sharing-widened",
                    None, "w", (1,))
    joined = _anchored([why, track])
    assert [s.text for s in joined] == ["Acme may keep track of how you interact with links in its messages, "
                                        "to help improve its Services, including advertising"]
    assert joined[0].impact == "sharing-widened" and joined[0].changes == (0,)
    # the sentence 'this' refers to is not stated: the statement stays (it never leads)
    assert _anchored([why]) == [why]
    statements, headline = summarise(_facts(), "substantive", [why, track], False, False)
    assert headline.startswith("Acme may keep track") and not any(s.text.startswith("Acme does this") for s in statements)


def test_a_statement_for_some_users_only_follows_those_for_every_user_of_its_tier() -> None:
    members = Statement("New right: if you are a member of the Developer Network, you can manage your account online", "rights",
                        "right-added", None, "a", (1,))
    everyone = Statement("New right: you can update your e-mail address and password in your account", "rights",
                         "right-added", None, "b", (2,))
    assert select([members, everyone]) == [everyone, members]
    assert rewrite_digest([members, everyone, Statement("Acme now shares your location with advertisers", "sharing",
                                                        "sharing-widened", None, "c", (3,))])[0] == everyone
    # a condition on what the user does is no audience: 'If you connect your accounts, …' keeps its place
    acting = Statement("If you connect your social accounts, you now give Acme permission to use your contacts", "collection",
                       "collection-widened", None, "d", (4,))
    tracker_ = Statement("Acme now uses cookies to show you interest-based ads on other sites", "tracking",
                         "collection-widened", None, "e", (5,))
    assert select([acting, tracker_])[0] == acting


def test_a_term_explained_never_leads_a_practice() -> None:
    definition = Statement("Cookies are alphanumeric identifiers that Acme transfers to your computer's hard drive", "cookies",
                           "sharing-widened", None, "a", (1,))
    practice = Statement("Acme now obtains information when your browser accesses ads Acme serves on other sites", "tracking",
                         "practice-changed", None, "b", (2,))
    assert standing(definition.impact, definition.text) == 3
    assert select([definition, practice])[0] == practice


def test_a_control_offered_is_no_slogan_and_data_handed_on_is_news_for_any_audience() -> None:
    from tracker.changes.priorities import narrow
    assert standing("practice-changed", "Oracle enables you to opt out of marketing communications") == 3
    assert narrow("If you are a member of the Developer Network, you can manage your account online")
    assert not narrow("If you are a print subscriber, Acme may exchange or rent your name and mailing address")
