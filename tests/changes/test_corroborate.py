"""Statements that call a sentence new or gone are checked against the whole other text."""

from __future__ import annotations

from pathlib import Path

from tests.support.changes import ch
from tracker.changes import compare
from tracker.changes.corroborate import corroborated, protection_kinds
from tracker.changes.rules.common import Statement

KINDS = protection_kinds(lambda t: "will not" in t or "does not" in t)


def _kept(statements: list[Statement], changes: list, old: list[str], new: list[str]) -> list[str]:
    return [s.text for s in corroborated(statements, changes, old, new, KINDS)]


def test_a_sentence_called_new_that_the_old_text_has_is_not_stated() -> None:
    changes = [ch("added", None, "Acme does not sell or rent your personal information to third parties."),
               ch("added", None, "Acme keeps your search history for 18 months before deleting it.")]
    said = [Statement("New commitment: Acme does not sell …", "sale", "no-sale-promise", changes=(0,)),
            Statement("Adds: Acme does not sell …", "sale", "practice-changed", changes=(0,)),
            Statement("Search history is kept 18 months", "retention", "retention-stated", changes=(1,))]
    old = ["How We Share Information Outside AcmeAcme does not sell or rent your personal information to third parties.",
           "Acme keeps your search history for 9 months before deleting it."]
    # the first sentence is there (a heading was glued to it); the period differs in the second:
    # the report says the period changed
    assert _kept(said, changes, old, [changes[1].new]) == [
        "Acme keeps your search history for 18 months (was: 9 months) before deleting it"]


def test_negations_and_numbers_tell_sentences_apart() -> None:
    changes = [ch("added", None, "Acme does not share your precise location with advertising partners."),
               ch("removed", "We keep server logs for 30 days and then delete them.", None)]
    said = [Statement("New commitment: no location to advertisers", "sharing", "promise-added", changes=(0,)),
            Statement("Server logs no longer kept 30 days", "retention", "retention-stated", changes=(1,))]
    old = ["Acme shares your precise location with advertising partners."]
    new = ["We keep server logs for 90 days and then delete them."]
    assert len(_kept(said, changes, old, new)) == 2


def test_a_right_restated_in_other_words_was_not_withdrawn() -> None:
    changes = [ch("removed", "You can request a copy of the personal information we hold about you.", None)]
    said = [Statement("Right no longer stated: a copy of your data", "rights", "right-removed", changes=(0,))]
    restated = ["You have the right to request copies of the personal information held about you by us."]
    assert _kept(said, changes, [], restated) == []
    # the same words outside a right (a description of what is kept) restate nothing
    described = ["We hold personal information about you, including a copy of what you request."]
    assert len(_kept(said, changes, [], described)) == 1
    # a practice quoted as gone is judged by its words: a lacking kind of data keeps the claim
    changes2 = [ch("removed", "You can request a copy of the location data we hold about you.", None)]
    said2 = [Statement("No longer says …", "rights", "practice-changed", changes=(0,))]
    assert len(_kept(said2, changes2, [], restated)) == 1


def test_a_digest_is_dropped_only_when_every_sentence_is_still_there() -> None:
    changes = [ch("added", None, "You can ask us to delete your account and all of its data."),
               ch("added", None, "You can object to profiling for advertising at any time.")]
    digest = [Statement("New rights: deletion and objection", "rights", "right-added", changes=(0, 1))]
    one_old = ["You can ask us to delete your account and all of its data."]
    assert len(_kept(digest, changes, one_old, [])) == 1
    both_old = one_old + ["You can object to profiling for advertising at any time."]
    assert _kept(digest, changes, both_old, []) == []


def test_a_heading_unglued_from_a_promise_is_no_new_commitment(corpus_dir: Path) -> None:
    """Walmart's 2013 text glued a heading to its no-sale promise ('… Outside WalmartWalmart does
    not sell …'); the 2014 text has the same promise on its own. It is not a new commitment."""
    old = (corpus_dir / "ptt" / "walmart" / "2013-09-17.txt").read_text()
    new = (corpus_dir / "ptt" / "walmart" / "2014-09-15.txt").read_text()
    assert "WalmartWalmart does not sell or rent" in " ".join(old.split())
    report = compare(old, new)
    assert not any("does not sell" in b for b in (report.headline, *report.bullets)), report.bullets


def test_a_long_run_of_glued_text_holds_a_sentence_only_where_its_words_stand_together() -> None:
    changes = [ch("added", None, "Acme shares your precise location data with advertising partners.")]
    said = [Statement("Now shares precise location with advertising partners", "sharing", "sharing-widened",
                      changes=(0,))]
    scattered = ("Acme collects location data when you use the app.We keep it for a year.Some partners help us "
                 "run the service.We may show advertising.You can turn off precise tracking.Your data is shared "
                 "only as described.Contact us with questions.")
    assert len(_kept(said, changes, [scattered], [])) == 1
    together = "Cookies are used on our pages.Acme shares your precise location data with advertising partners.Thanks."
    assert _kept(said, changes, [together * 3], []) == []


_POLICY = "\n\n".join(
    f"## Section {i}\n\nWe will not sell your personal information to data brokers in region {i}. "
    f"You can ask us to delete the data we keep about you in region {i}, and we keep logs for {i + 10} days."
    for i in range(1, 30))
_SUMMARY = ("# Privacy summary\n\nAcme explains here what it collects and why. We collect what you give us. "
            "You can view the complete Privacy Policy here.\n")


def test_a_summary_page_that_links_to_the_policy_claims_nothing_it_hides() -> None:
    """A capture of the summary page instead of the policy (or a site that put its policy behind
    one) says nothing about promises or rights dropped, and the way back nothing about new ones."""
    from tracker.changes.corroborate import summary_side
    assert summary_side(_POLICY, _SUMMARY) == "new" and summary_side(_SUMMARY, _POLICY) == "old"
    assert summary_side(_POLICY, _SUMMARY.replace("complete Privacy Policy", "cookie settings")) is None
    assert summary_side(_POLICY, _POLICY[: len(_POLICY) // 2] + "See the full policy.") is None
    shrunk = compare(_POLICY, _SUMMARY)
    assert shrunk.verdict == "minor" and "only a summary" in shrunk.headline
    assert not any("promise" in b.lower() or "right" in b.lower() for b in shrunk.bullets), shrunk.bullets
    back = compare(_SUMMARY, _POLICY)
    assert back.verdict == "minor" and "complete policy again" in back.headline
    assert not any(b.startswith(("New", "Adds")) for b in back.bullets), back.bullets
    # a real cut of the policy to a quarter, with no pointer to a complete text, is reported as one
    cut = compare(_POLICY, _POLICY[: len(_POLICY) // 5])
    assert cut.verdict in ("substantive", "major")


def _said(old: str, new: str) -> list[str]:
    report = compare(old, new)
    return [report.headline, *report.bullets]


_BODY = ("Acme Corp makes kitchen scales. We collect your name and e-mail address when you register. "
         "We use your e-mail address to send you receipts. We keep receipts for seven years. ")


def test_a_right_split_across_list_items_under_other_names_is_not_withdrawn() -> None:
    """'access to, correction of, or a copy' comes back as 'an explanation of the information
    Acme has about you' and 'copies or correction': the user lost no right (Uber 2018)."""
    old = _BODY + "You may also request access to, correction of, or a copy of your information by contacting us."
    new = (_BODY + "Users in the EU have new rights. You have the right to request an explanation of the information "
           "that Acme has about you. You may also request that Acme provide you with copies or correction of your data.")
    assert not any("no longer" in s.lower() for s in _said(old, new)), _said(old, new)
    # without the copies the right to a copy is gone, and said so
    fewer = _BODY + "You have the right to request an explanation of the information that Acme has about you."
    assert any("Right no longer stated" in s for s in _said(old, fewer)), _said(old, fewer)


def test_a_control_still_given_in_a_sentence_of_its_own_was_not_withdrawn() -> None:
    """'You may choose to opt out of certain kinds of notifications' gone, 'You can manage what
    kinds of notifications you receive' there: the user keeps the control (Wikipedia 2018)."""
    old = (_BODY + "You may choose to opt out of certain kinds of notifications. We send notifications when an article "
           "you follow changes.")
    new = (_BODY + "We send notifications when an article you follow changes. You can manage what kinds of "
           "notifications you receive and how often you receive them in your preferences.")
    assert not any("no longer" in s.lower() for s in _said(old, new)), _said(old, new)
    # a sentence about notifications that gives no control keeps the loss visible
    told = _BODY + "We send notifications when an article you follow changes. Notifications are sent at noon."
    assert any("Right no longer stated" in s for s in _said(old, told)), _said(old, told)


def test_sharing_said_new_or_gone_is_checked_against_the_sharing_sentences_of_the_other_side() -> None:
    """The same recipients in a sharing sentence of the other side, with no recipient, purpose,
    kind of data, control or name left over, say the practice was there all along."""
    law = ch("added", None, "Acme may also share information with law enforcement, or requests by third parties "
             "pursuant to legal processes.")
    family = ch("removed", "Acme may share your information with its corporate affiliates like Sam's Club.", None)
    said = [Statement("Acme may also share information with law enforcement …", "sharing", "sharing-widened", changes=(0,)),
            Statement("No longer says: Acme may share …", "sharing", "sharing-narrowed", changes=(1,))]
    old = ["This includes sharing your information with law enforcement officials, government authorities, or other "
           "third parties as necessary to enforce our terms."]
    new = ["We also share information with other businesses within our corporate family, such as Sam's Club."]
    assert _kept(said, [law, family], old, new) == []
    # what the other side lacks is news: a kind of data, a new control, a named recipient
    for claim, other in (("We share your location data with advertising partners.", "We share your data with partners."),
                         ("We share demographic information about you with third parties.",
                          "We share information about you with third parties."),
                         ("You can revoke your consent to share with the third party at any time.",
                          "If you sync with a third party application, we will share your information with it."),
                         ("We share your information with Quincy Analytics and other service providers.",
                          "We share your information with service providers.")):
        widened = [Statement(claim, "sharing", "sharing-widened", changes=(0,))]
        assert len(_kept(widened, [ch("added", None, claim)], [other], [])) == 1, claim


def test_not_without_consent_and_only_if_you_agree_are_one_promise() -> None:
    """'does not share … without your consent' restated as 'will only be shared … if both of you
    have indicated …' is no withdrawn promise (LinkedIn 2010)."""
    gone = ch("removed", "We do not share your contact information with another User without your consent.", None)
    said = [Statement("No longer promises: Acme does not share …", "sharing", "promise-withdrawn", changes=(0,))]
    new = ["Your contact information will only be shared with another User if both of you have indicated that you "
           "would like to establish contact with each other."]
    assert _kept(said, [gone], [], new) == []
    # 'will share … with another User' alone keeps the loss
    assert len(_kept(said, [gone], [], ["Your contact information will be shared with another User you connect with."])) == 1


def test_a_right_over_ones_data_said_new_that_the_old_text_gave_in_other_words_is_not_new() -> None:
    """'provides you with the ability to access and edit … information' was there: 'you can
    update any contact information you provide' gives no new right (Allrecipes 2017). A new
    opt-out is news even when the old text had other opt-outs."""
    from tracker.changes.rules.rights import right_given
    old = ["Acme provides you with the ability to access and edit certain personally identifying information that "
           "you have provided to us.", "You can opt out of marketing e-mails at any time."]
    before = right_given(old, before=True)
    assert before("You can update any contact information you provide to us by using the My Account feature.")
    assert not before("You can opt out of interest-based advertising off Acme here.")
    assert not before("You can download a copy of your information.")


def test_a_claim_is_also_checked_by_the_clause_it_quotes_and_in_one_clause_of_a_longer_sentence() -> None:
    """'You can choose to browse without cookies, but without these files you will not be able
    to buy' split in two: neither 'New right' nor 'Right no longer stated' (Walmart 2006)."""
    old = ("You can choose to browse on Acme.com without cookies, but without these identifier files you will not be "
           "able to complete a purchase.")
    split = ["You can choose to browse on Acme.com without cookies.",
             "However, without these identifier files you will not be able to complete a purchase."]
    reworded = ch("reworded", old, split[1])
    gone = [Statement("Right no longer stated: you can choose to browse on Acme.com without cookies", "rights",
                      "right-removed", "You can choose to browse on Acme.com without cookies", None, (0,))]
    assert _kept(gone, [reworded], [old], split) == []
    added = ch("added", None, split[0])
    new = [Statement("New right: you can choose to browse on Acme.com without cookies", "rights", "right-added",
                     None, split[0], (0,))]
    assert _kept(new, [added], [old], split) == []
    # a clause that says the opposite holds nothing
    assert len(_kept(new, [added], ["You cannot browse on Acme.com without cookies, but you can buy without them."],
                     split)) == 1


def test_a_quoted_sentence_said_gone_that_the_new_text_still_says_with_more_is_not_gone() -> None:
    """'No longer says: Verizon obtains information from outside companies …' is false when
    the new sentence says it with device type and city added; a lacking kind of data or number
    keeps the claim."""
    old = ("Acme obtains information from outside companies such as those that collect consumer information "
           "including demographic and interest data.")
    gone = [Statement("No longer says: Acme obtains information …", "collection", "reworded", old, None, (0,))]
    grown = ["Acme obtains information from outside companies including demographic and interest data, as well as "
             "information such as device type, carrier, city and state."]
    assert _kept(gone, [ch("removed", old, None)], [], grown) == []
    narrower = ["Acme obtains information from outside companies including interest data."]
    assert len(_kept(gone, [ch("removed", old, None)], [], narrower)) == 1
    days = "We answer requests sent to help@acme.com within three business days of receiving them."
    later = ["We answer requests sent to help@acme.com within ten business days of receiving them."]
    said = [Statement("No longer says: …", "contact", "reworded", days, None, (0,))]
    assert len(_kept(said, [ch("removed", days, None)], [], later)) == 1


def test_never_and_does_not_are_one_negation_of_one_promise() -> None:
    changes = [ch("added", None, "However, we never store your wallet's private key information.")]
    said = [Statement("New commitment: Acme never stores your wallet's private key information", "security",
                      "promise-added", changes=(0,))]
    old = ["Acme uses payment processors to handle payment information and does not store your wallet's private "
           "key information."]
    assert _kept(said, changes, old, []) == []
    # the opposite practice keeps the claim: a negation is not a word
    stores = ["Acme uses payment processors to handle payment information and stores your wallet's private key information."]
    assert len(_kept(said, changes, stores, [])) == 1


def test_a_right_held_word_for_word_in_a_longer_sentence_is_not_new() -> None:
    changes = [ch("added", None, "You can edit your preferences at any time (see Your Choices below).")]
    said = [Statement("New right: you can edit your preferences at any time", "rights", "right-added", changes=(0,))]
    old = ["We send product news and offers, provided that you can edit your marketing preferences at any time "
           "as described below."]
    assert _kept(said, changes, old, []) == []
    # the words scattered over a sentence, or the right refused, are no restatement
    scattered = ["You can tell us your preferences and we edit the list at the time of any update."]
    refused = ["We send product news and offers, but you cannot edit your marketing preferences at any time."]
    assert len(_kept(said, changes, scattered, [])) == 1
    assert len(_kept(said, changes, refused, [])) == 1


def test_a_right_through_the_same_named_tool_was_reworded_not_added_or_dropped() -> None:
    changes = [ch("removed", "If you use iOS 6 or later, you may opt out by selecting Limit Ad Tracking in Settings.", None)]
    said = [Statement("Right no longer stated: … Limit Ad Tracking", "rights", "right-removed", changes=(0,))]
    new = ["If you do not wish to receive targeted ads, you can choose to enable Limit Ad Tracking, "
           "which will opt your device out of receiving such ads."]
    assert _kept(said, changes, [], new) == []
    # the tool named for another kind of right does not hold an opt-out
    other = ["You can download a copy of your data through Limit Ad Tracking support pages."]
    assert len(_kept(said, changes, [], other)) == 1
    added = [ch("added", None, "You can access and update your profile using the Acme Profile Manager.")]
    new_right = [Statement("New right: … Acme Profile Manager", "rights", "right-added", changes=(0,))]
    assert _kept(new_right, added, ["If you are a registered user, you may make these updates yourself online via the "
                                       "Acme Profile Manager."], []) == []
    assert len(_kept(new_right, added, ["If you are a registered user, you may unsubscribe via the Acme Profile Manager."], [])) == 1


def test_a_promise_in_fewer_words_is_restated_only_when_nothing_news_bearing_is_lacking() -> None:
    changes = [ch("added", None, "Acme will not share your contact details with other members of the community forum "
                                 "or chat rooms.")]
    said = [Statement("New commitment: …", "sharing", "promise-added", changes=(0,))]
    restated = ["Acme will not share your contact details with other members."]
    assert _kept(said, changes, restated, []) == []
    # a recipient the old promise did not name is news
    changes2 = [ch("added", None, "Acme will not share your contact details with advertisers or other members of the "
                                  "community forum.")]
    assert len(_kept(said, changes2, restated, [])) == 1


def test_a_sentence_said_gone_that_two_new_sentences_still_say_is_not_gone() -> None:
    changes = [ch("removed", "When you open an Acme email or click on links within these emails, Acme may collect "
                             "and retain information to provide you with future communications that may be more "
                             "interesting to you.", None)]
    said = [Statement("No longer says: … future communications", "collection", "practice-changed", changes=(0,))]
    new = [f"Acme offers service {n} to its customers." for n in range(10)] + [
        "Acme may send you emails about your account.",
        "We may collect information when you open these emails or click on links within the emails.",
        "This information is used to personalise the emails and make future communications more interesting to you."]
    assert _kept(said, changes, [], new) == []
    # half of it in one sentence, and a purpose no longer said, is not the same practice
    apart = new[:11] + ["We may collect information when you open these emails or click on links within the emails.",
                        "You can unsubscribe from these emails at any time."]
    assert len(_kept(said, changes, [], apart)) == 1


def _kept_given(statements: list[Statement], changes: list, old: list[str], new: list[str]) -> list[str]:
    from tracker.changes.rules.rights import right_given
    given = {"old": right_given(old, before=True), "new": right_given(new)}
    return [s.text for s in corroborated(statements, changes, old, new, KINDS, given)]


def test_a_way_to_stop_the_companys_messages_said_new_was_there_in_other_words() -> None:
    changes = [ch("added", None, "You may opt-out of receiving such messaging by following the instructions "
                                 "included in each message.")]
    said = [Statement("New right: you may opt-out of receiving such messaging", "rights", "right-added", changes=(0,))]
    old = ["We may send newsletters or promotional communications to our users.",
           'To unsubscribe to these communications you will be required to click an "Unsubscribe" link in these emails.']
    assert _kept_given(said, changes, old, []) == []
    # an opt-out of something else, or of text messages to a phone, is news
    assert len(_kept_given(said, changes, [old[0], "You may opt out of our sharing with partners at any time."], [])) == 1
    texts = [ch("added", None, "You may opt out of receiving promotional text messages by replying STOP.")]
    assert len(_kept_given(said, texts, old, [])) == 1
    # another sender's messages, or a third party's, are another control
    sender = [ch("added", None, "You may opt out of receiving Acme Tickets promotional e-mails by contacting "
                                "tickets@example.com.")]
    assert len(_kept_given(said, sender, old, [])) == 1
    theirs = ['If you no longer want to receive communication from a third party, you will need to contact that third party.']
    assert len(_kept_given(said, changes, theirs, [])) == 1


def test_a_right_that_only_gains_how_to_use_it_is_not_new() -> None:
    changes = [ch("added", None, "If you prefer that we do not share this information with partners, you may opt-out "
                                 "by e-mailing us at opt-out@acme.example, or write to us at Customer Care, P.O. Box 100, Springfield.")]
    said = [Statement("New right: … you may opt-out by e-mailing us", "rights", "right-added", changes=(0,))]
    old = ["If you prefer that we do not share this information with partners, you may opt-out."]
    assert _kept_given(said, changes, old, []) == []
    # an old sentence that gives another right is not held in the new one
    assert len(_kept_given(said, changes, ["If you prefer that we do not share this information, you may ask us."], [])) == 1


def test_a_right_given_through_ways_to_use_it_is_still_given() -> None:
    changes = [ch("removed", "For example, you can delete your photos, your blog or your entire Acme account.", None)]
    said = [Statement("Right no longer stated: you can delete your photos …", "rights", "right-removed", changes=(0,))]
    new = ["If that information is wrong, we strive to give you ways to update it quickly or to delete it."]
    assert _kept_given(said, changes, [], new) == []
    assert len(_kept_given(said, changes, [], ["We strive to give you ways to update it quickly."])) == 1


def test_the_companys_discretion_is_no_news_when_a_practice_is_restated() -> None:
    filler = [f"Acme offers service {n} to its customers." for n in range(10)]
    changes = [ch("removed", "Acme may also choose to use cookies to store user preferences.", None)]
    said = [Statement("No longer says: … cookies to store user preferences", "cookies", "practice-changed", changes=(0,))]
    new = filler + ["Acme does this by storing user preferences in cookies."]
    assert _kept(said, changes, [], new) == []
    # the user's choice is news: a restatement without it drops the control
    users = [ch("removed", "You may also choose to use cookies to store user preferences with Acme.", None)]
    assert len(_kept(said, users, [], new)) == 1


def test_a_promise_restated_with_an_exception_was_narrowed_not_withdrawn() -> None:
    changes = [ch("removed", "Acme does not share your personal information with other companies for their "
                             "marketing use.", None)]
    said = [Statement("No longer promises: Acme does not share …", "sharing", "promise-withdrawn", changes=(0,))]
    new = ["We do not share your personal information with anyone outside Acme for their marketing use "
           "without your consent."]
    # not withdrawn: narrowed, and the report says so with the exception the promise gained
    narrowed = corroborated(said, changes, [], new, KINDS, owner="Acme")
    assert [s.impact for s in narrowed] == ["promise-narrowed"]
    assert narrowed[0].text.startswith("Narrows its promise: Acme does not share your personal information")
    assert "without your consent (was: no exception)" in narrowed[0].text
    # another act under the exception, or the negation gone, leaves the promise withdrawn
    sells = ["We do not sell your personal information to anyone outside Acme for their marketing use without your consent."]
    shares = ["We share your personal information with other companies for their marketing use."]
    assert len(_kept(said, changes, [], sells)) == 1
    assert len(_kept(said, changes, [], shares)) == 1


def test_a_retention_rule_said_gone_that_the_new_text_states_with_another_period_is_a_period_change() -> None:
    """'After a maximum of 10 days, we start deleting … Widget Data' dropped while a new sentence
    deletes or aggregates the same data after 30 days: '… 30 days (was: 10 days) …', not dropped."""
    rule = "After a maximum of 10 days, we start the process of deleting, de-identifying, or aggregating Widget Data."
    changes = [ch("removed", rule, None),
               ch("added", None, "We never link this browsing history to your name, and we delete, obfuscate, or "
                                 "aggregate it after no longer than 30 days.")]
    said = [Statement("Retention rule dropped: after a maximum of 10 days, Acme starts …", "retention",
                      "retention-changed", "After a maximum of 10 days, Acme starts the process of deleting, "
                      "de-identifying, or aggregating Widget Data", None, (0,))]
    old = [rule, "After 30 days, we begin deleting your deactivated account."]
    new = ["After 30 days, we begin deleting your deactivated account.", changes[1].new]
    out = corroborated(said, changes, old, new, KINDS)
    assert [(s.text, s.old, s.new) for s in out] == [
        ("After a maximum of 30 days (was: 10 days), Acme starts the process of deleting, de-identifying, or "
         "aggregating Widget Data", "10 days", "30 days")]
    # a period the old text already had for other data (the account rule) pairs with nothing
    assert [s.impact for s in corroborated(said, changes, old, old[1:], KINDS)] == ["retention-changed"]
    assert corroborated(said, changes, old, old[1:], KINDS)[0].text.startswith("Retention rule dropped")
    # one act in common (deleting) is not the same rule
    one_act = ["We delete your messages after no longer than 30 days."]
    assert corroborated(said, changes, old, one_act, KINDS)[0].text.startswith("Retention rule dropped")


def test_examples_dropped_from_a_sentence_said_gone_leave_it_said() -> None:
    """'We merge data collected from our own websites, such as www.acme.com, and our mobile apps,
    such as our Acme app' is still said by 'We merge data collected from our own websites and
    mobile apps'; examples naming a kind of data are news and keep the claim."""
    old = ("We merge data collected from our own websites, such as www.acme.com and www.deals.acme.com , and our "
           "mobile apps, such as our Acme and Coupons apps.")
    gone = [Statement("No longer says: Acme merges data …", "collection", "practice-changed", old, None, (0,))]
    assert _kept(gone, [ch("removed", old, None)], [], ["We merge data collected from our own websites and mobile apps."]) == []
    kinds = "We collect data about you from partners, such as your purchase history and location."
    gone2 = [Statement("No longer says: …", "collection", "practice-changed", kinds, None, (0,))]
    assert len(_kept(gone2, [ch("removed", kinds, None)], [], ["We collect data about you from partners."])) == 1


def test_a_negation_in_another_stretch_of_a_long_sentence_does_not_hide_the_claim() -> None:
    """'Where the issue is more substantive in nature, more information is sought from the customer
    if necessary and if not the matter is escalated …' holds 'more information may be sought from
    you' (the 'not' negates the escalation); a 'not' next to the claim's words still tells them apart."""
    added = "Where your issue may be more substantive in nature, more information may be sought from you."
    said = [Statement("Adds: …", "contact", "reworded", None, added, (0,))]
    old = ["Where the issue is more substantive in nature, more information is sought from the customer if necessary "
           "and if not the matter is escalated to our legal team which will work across the business to resolve it."]
    assert _kept(said, [ch("added", None, added)], old, []) == []
    negated = ["Where the issue is more substantive in nature, more information is not sought from the customer."]
    assert len(_kept(said, [ch("added", None, added)], negated, [])) == 1


def test_a_control_through_a_renamed_setting_moved_and_was_not_dropped() -> None:
    """'You can control this feature from the Personalization Setting' -> 'You can also control
    whether we keep track of your visits … by using your Personalization and Data settings':
    the same control through the setting under a longer name; another control there is no proof."""
    changes = [ch("removed", "You can control this feature from the Personalization Setting within your Privacy "
                             "Settings, available at https://acme.com/settings.", None)]
    said = [Statement("Right no longer stated: you can control this feature …", "rights", "right-removed", changes=(0,))]
    new = ["You can also control whether we keep track of your visits to websites with Acme content by using your "
           "Personalization and Data settings, available at https://acme.com/personalization."]
    assert _kept(said, changes, [], new) == []
    # the same setting named for another thing the user does, or another setting, holds nothing
    download = ["You can download your Personalization and Data settings as a file."]
    assert len(_kept(said, changes, [], download)) == 1
    elsewhere = ["You can also control whether we keep track of your visits by using your Ads preferences."]
    assert len(_kept(said, changes, [], elsewhere)) == 1


def test_a_right_that_points_to_where_it_is_explained_is_new_only_if_the_right_is() -> None:
    """'You may opt out of those cookies as described below' is no new right when the old text
    already let the user opt out of cookies; a pointer to another right (or none) stays new."""
    added = [ch("added", None, "You may opt out of those cookies as described below.")]
    said = [Statement("New right: you may opt out of those cookies as described below", "rights", "right-added",
                      changes=(0,))]
    old = ["You may opt-out of the cookies delivered by Acme by changing the setting on your browser."]
    assert _kept(said, added, old, []) == []
    assert len(_kept(said, added, ["You may opt-out of our e-mails by changing your preferences."], [])) == 1
    assert len(_kept(said, added, ["You may not opt out of the cookies delivered by Acme."], [])) == 1


def test_a_pointer_to_a_document_the_new_text_still_names_is_not_gone() -> None:
    """'You can find more information … by referring to the supplementary privacy notices for
    particular services' is not gone when the new text says it 'may post product specific privacy
    notices'; a document the new text no longer names is."""
    old = ("You can find more information about how we process personal information by referring to the supplementary "
           "privacy notices for particular services.")
    gone = [Statement("No longer says: …", "policy-changes", "practice-changed", old, None, (0,))]
    new = ["Sometimes, we may post product specific privacy notices or Help Center materials to explain our products."]
    assert _kept(gone, [ch("removed", old, None)], [], new) == []
    assert len(_kept(gone, [ch("removed", old, None)], [], ["We may post Help Center materials to explain our products."])) == 1


def test_a_sentence_said_gone_that_the_new_text_says_with_another_number_is_a_value_change() -> None:
    """'… within three business days' gone while the new text says '… within five business days':
    the value changed; when the old text had both, one was really dropped."""
    three = "You will receive a response to requests sent to help@acme.com within three business days of our receiving it."
    five = "You will receive a response to requests sent to help@acme.com within five business days of its receipt."
    said = [Statement("No longer says: …", "contact", "practice-changed", three, None, (0,))]
    out = corroborated(said, [ch("removed", three, None)], [three], [five], KINDS, owner="Acme")
    assert [(s.impact, s.old, s.new) for s in out] == [("value-changed", "three business days", "five business days")]
    assert "within five business days (was: three business days) of its receipt" in out[0].text
    both = corroborated(said, [ch("removed", three, None)], [three, five], [five], KINDS, owner="Acme")
    assert [s.impact for s in both] == ["practice-changed"]


def test_a_promise_said_new_that_the_old_text_made_without_an_exception_was_narrowed() -> None:
    """'we will not sell … any third party (except our service providers) to use your email address
    without your permission' is no new commitment when the old text said it without the exception."""
    new = ("We will not sell, rent, swap or authorize any third party (except our service providers) to use your "
           "email address without your permission.")
    said = [Statement("New commitment: …", "sale", "no-sale-promise", None, new, (0,))]
    old = ["If you have registered, we will not sell, rent, swap or authorize any third party to use your email "
           "address without your permission."]
    out = corroborated(said, [ch("added", None, new)], old, [new], KINDS, owner="Acme")
    assert [s.impact for s in out] == ["promise-narrowed"]
    assert out[0].text.endswith("(was: no “except its service providers” exception)")
    assert out[0].short == "Acme's promise not to sell now has an exception: its service providers"
    # a promise the old text did not make at all stays new
    assert [s.impact for s in corroborated(said, [ch("added", None, new)], ["We sell data."], [new], KINDS)] == \
        ["no-sale-promise"]


def test_a_number_that_counts_nothing_or_is_written_in_words_is_no_value_change() -> None:
    old = "Acme offers security features, like Safe Browsing and two Step Verification to help you protect your account."
    new = "Acme offers security features, like Safe Browsing and 2 Step Verification to help you protect your account."
    said = [Statement("No longer says: …", "security", "practice-changed", old, None, (0,))]
    out = corroborated(said, [ch("removed", old, None)], [old], [new], KINDS, owner="Acme")
    assert all(s.impact != "value-changed" for s in out)
    new3 = "Acme offers security features, like Safe Browsing and 3 Step Verification to help you protect your account."
    out = corroborated(said, [ch("removed", old, None)], [old], [new3], KINDS, owner="Acme")
    assert all(s.impact != "value-changed" for s in out)


def test_an_opt_out_and_unless_you_advise_us_not_to_are_one_control() -> None:
    """'Acme shares customer information within its family of companies for marketing purposes
    unless you advise us not to' gives the opt-out a new 'You may choose to opt out of the
    sharing of customer information within the Acme family of companies' states; and the way back."""
    unless = "Acme shares customer information within its family of companies for marketing purposes unless you advise us not to."
    opt = ("You may choose to opt out of the sharing of specific customer information within the Acme family of "
           "companies for certain marketing purposes.")
    right = [Statement("New right: …", "rights", "right-added", None, opt, (0,))]
    assert _kept(right, [ch("added", None, opt)], [unless], []) == []
    gone = [Statement("No longer says: …", "sharing", "practice-changed", unless, None, (0,))]
    assert _kept(gone, [ch("removed", unless, None)], [], [opt]) == []
    # the practice alone, with no way to stop it, is no opt-out
    alone = "Acme shares customer information within its family of companies for marketing purposes."
    assert len(_kept(right, [ch("added", None, opt)], [alone], [])) == 1
    # an opt-out of something else is no restatement
    other = "You may choose to opt out of receiving our printed catalogues by calling us."
    assert len(_kept(gone, [ch("removed", unless, None)], [], [other])) == 1


def test_a_control_switched_off_in_a_setting_restates_one_turned_off() -> None:
    """'you can turn off tailored ads in your privacy settings so that your account will not be
    matched to information shared by ad partners' is restated by 'you can uncheck the Promoted
    Content setting within your Privacy Settings so that your account will not be matched to
    information collected by ad partners'."""
    old = ("If you prefer, you can turn off tailored ads in your privacy settings so that your account will not be "
           "matched to information shared by ad partners for tailoring ads.")
    new = ("If you prefer, you can uncheck the Promoted Content setting within your Privacy Settings so that your "
           "account will not be matched to information collected by ad partners, to tailor ads to you.")
    said = [Statement("Right no longer stated: …", "rights", "right-removed", old, None, (0,))]
    assert _kept(said, [ch("removed", old, None)], [old], [new]) == []
    described = ("The Promoted Content setting within your Privacy Settings means your account will not be matched to "
                 "information collected by ad partners, to tailor ads to you.")
    assert len(_kept(said, [ch("removed", old, None)], [old], [described])) == 1


def test_a_right_to_stop_what_the_old_text_already_let_you_stop_is_not_new() -> None:
    from tracker.changes.corroborate import Side
    from tracker.changes.restated import same_control
    old = Side(["Acme shows advertising based upon your browsing activities and interests.",
                "If you wish to opt-out of interest-based advertising click here."])
    assert same_control("Acme works with partners to show ads; you may opt out of this advertising", old)
    # another object, or one of no word of its own, is no restatement
    assert not same_control("you can opt-out of location services at any time", old)
    assert not same_control("you can disable the foregoing feature", old)
    assert not same_control("Acme shows you ads based on your interests", old)


def test_a_right_over_what_the_old_text_already_let_you_control_is_not_new() -> None:
    """'You can also delete or change the audience of content you post' is no new right when an
    old sentence let you 'delete stories, change the audience of your stories'; a control of
    another kind or over another object stays new."""
    from tracker.changes.corroborate import Side
    from tracker.changes.restated import control_given
    old = Side(["For example, you can do things like delete stories, change the audience of your stories or stop an "
                "application from publishing to your timeline.",
                "You can also block all pre-approved websites and applications from getting your information here.",
                "If you use our contact importer, you can later delete the list on this help page.",
                "You may not opt out of the cookies delivered by Acme."])
    assert control_given("You can also delete or change the audience of content you post.", old)
    assert control_given("You can disable instant personalization on all pre-approved websites and applications.", old)
    assert not control_given("You can download the audience of content you post.", old)          # another kind
    assert not control_given("You can delete your search history at any time.", old)              # another object
    assert not control_given("You can remove the Pages you've liked from your profile.", old)      # 'page' is a means there
    assert not control_given("You may opt out of the cookies delivered by Acme.", old)              # 'may not' gives none
    assert not control_given("You may opt-out of this sharing by calling us.", old)                # a pointed object
    changes = [ch("added", None, "You can also delete or change the audience of content you post.")]
    said = [Statement("New right: you can also delete or change the audience of content you post", "rights",
                      "right-added", changes=(0,))]
    assert _kept(said, changes, list(old.sentences), []) == []


def test_a_commitment_the_old_text_made_about_the_same_recipients_is_not_new() -> None:
    """'Acme does not share personally identifiable information with advertisers unless we get
    your permission' was made before as 'We don't share your information with advertisers without
    your consent'; another act, recipient, kind of data or condition is news."""
    changes = [ch("added", None, "Acme does not share personally identifiable information with advertisers unless we "
                                 "get your permission.")]
    said = [Statement("New commitment: …", "sharing", "promise-added", changes=(0,))]
    assert _kept(said, changes, ["We don't share your information with advertisers without your consent."], []) == []
    for other in ("We don't sell your information to advertisers without your consent.",
                  "We don't share your information with researchers without your consent.",
                  "We don't share your information with advertisers."):
        assert len(_kept(said, changes, [other], [])) == 1, other
    located = [ch("added", None, "Acme does not share your location information with advertisers unless you agree.")]
    assert len(_kept(said, located, ["We don't share your information with advertisers without your consent."], [])) == 1


def test_a_short_sentence_said_before_under_another_subject_is_not_new() -> None:
    from tracker.changes.corroborate import Side, said_before
    test = said_before(Side(["This Site and Application are not directed to children under 13.",
                             "We use cookies."]))
    assert test("This Service is not directed to children under 13.")
    assert not test("This Service is not directed to children under 16.")
    assert not test("This Service is directed to children under 13.")
    assert not test("This Service is not intended for adults.")
