"""A right or promise is not new or gone when the other version gives it in other words (general
rules, synthetic texts).

- a right the old text gave as 'modify', 'update your name', 'a copy of', 'the limitation of the
  processing' or 'refuse to be the subject of a decision based on automated processing', or that
  an old heading names ('8.5 Right to portability'), is in no 'New rights' digest;
- a say over automated decisions is one right however worded (object, contest, reconsider);
- a heading 'Right of access' gives the right of access;
- a promise restated without the clause after its 'but' is kept;
- 'cannot delete', 'if you learn … without your consent' and 'features that allow you to opt in'
  are no promises.
"""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.corroborate import Side, protection_kinds
from tracker.changes.digests import given_before
from tracker.changes.rules.promises import _promise_of
from tracker.changes.rules.rights import _recourse, right_given
from tracker.changes.samepromise import promise_core, same_promise


def test_a_right_given_in_other_words_before_is_not_new() -> None:
    assert given_before("correction", ["At any time, a user can modify or delete their personal data upon request."])
    assert given_before("deletion", ["At any time, a user can modify or delete their personal data upon request."])
    assert given_before("correction", ["You can update your name, email address, and language preferences in "
                                       "your account settings."])
    assert given_before("access", ["Subject to applicable laws, you may have the right to request to receive a copy "
                                   "of and make any corrections to your Personal Information which we hold."])
    assert given_before("restriction of processing", ["Clients have the right to obtain the limitation of the "
                                                      "processing of their personal data."])
    assert given_before("review of automated decisions", ["They also have the right to refuse to be the subject of "
                                                          "a decision based exclusively on automated processing."])
    assert given_before("data portability", [], ("8.5 Right to portability",))


def test_the_company_updating_its_policy_gives_no_right() -> None:
    assert not given_before("correction", ["We may update this policy from time to time to reflect changes in how "
                                           "we process data."])
    assert not given_before("data portability", [], ("Cookies we use",))


def test_a_digest_leaves_out_rights_the_old_text_gave() -> None:
    old = ("# Privacy\n\nWe collect your e-mail address to run the service.\n\n"
           "At any time, a user can modify or delete their personal data upon request.\n")
    new = ("# Privacy\n\nWe collect your e-mail address to run the service.\n\n"
           "You may request correction of inaccurate personal data we hold about you.\n\n"
           "You may request deletion of your personal data.\n\n"
           "You may object to processing based on legitimate interests.\n\n"
           "You have the right to lodge a complaint with a supervisory authority.\n")
    lines = [compare(old, new).headline, *compare(old, new).bullets]
    digest = next(x for x in lines if "rights" in x and "objection" in x)
    assert "correction" not in digest and "deletion" not in digest


def test_a_say_over_automated_decisions_is_one_right() -> None:
    claim = ("You have a right to object to decisions involving the use of your personal data, which have been taken "
             "solely by automated means.")
    old = ["You have a right to object at any time to processing of your personal data for direct marketing purposes.",
           "You have the right to require that decisions be reconsidered if they are made solely by automated means, "
           "without human involvement."]
    assert "automated" in _recourse(claim)
    assert right_given(old, before=True)(claim)
    # the right to object to direct marketing alone gives no say over automated decisions
    assert not right_given(old[:1], before=True)(claim)


def test_a_heading_of_access_gives_the_right_to_know() -> None:
    claim = ("If you are a resident of California, you have the right to request to know what personal data has been "
             "collected about you, how we use, share and disclose it, and to access that information.")
    assert right_given(["You can ask for a copy of the data we have about you.", "Right of access"], before=True)(claim)
    assert not right_given(["You can ask for a copy of the data we have about you."], before=True)(claim)


def test_a_promise_restated_without_its_but_clause_is_kept() -> None:
    claim = "We don't knowingly sell your personal information, but we still have to tell you what we collect from you."
    assert promise_core(claim) == "We don't knowingly sell your personal information"
    kinds = protection_kinds(lambda t: "not" in t or "n't" in t)
    kind = kinds(claim)
    assert kind is not None
    assert same_promise(claim, Side(["We do not knowingly sell your information."]), kind)
    assert not same_promise(claim, Side(["We may sell your information to partners."]), kind)


def test_what_the_company_cannot_do_is_no_promise() -> None:
    assert not _promise_of("Acme", "However, with respect to the administrative emails for your account, we cannot "
                                   "delete them except by also deleting your user account.")
    assert not _promise_of("Acme", "If you learn that your child has provided us with Personal Information without your "
                                   "consent, you may alert us here.")
    assert not _promise_of("Acme", "Most features are private, but we also offer public features that allow you to opt "
                                   "in to showcase your best photos to the world.")
    assert _promise_of("Acme", "We will not share your data without your consent.")
    assert _promise_of("Acme", "Users must opt in to receive offers from partners.")


def test_a_complaint_sent_to_another_authority_is_a_change_not_a_right_gone() -> None:
    old = ("# Privacy Policy\n\nWe collect your name and e-mail address to run the service.\n\n"
           "## Your rights\n\nYou can ask us for a copy of your data.\n\n"
           "You have the right to lodge a complaint with the Irish Data Protection Commission.\n\n"
           "## Contact\n\nWrite to privacy@example.com with any question.\n")
    new = ("# Privacy Policy\n\nWe collect your name and e-mail address to run the service.\n\n"
           "## Your rights\n\nYou can ask us for a copy of your data.\n\n"
           "## Contact\n\nWrite to privacy@example.com with any question.\n\n"
           "Our lead authority is the Estonian Data Protection Inspectorate, and if you have any concerns about how we "
           "use your data you may complain to the Estonian Data Protection Inspectorate at any time.\n")
    r = compare(old, new)
    lines = [r.headline, *r.bullets]
    assert "You can now complain to the Estonian Data Protection Inspectorate (was: the Irish Data Protection Commission)" \
        in lines
    assert not any(x.startswith(("Right no longer stated", "New right")) for x in lines)


def test_an_authority_named_only_by_its_kind_twice_is_no_news() -> None:
    from tracker.changes.rules.rights import _authority
    assert _authority("You have the right to lodge a complaint with the Irish Data Protection Commission.") \
        == "the Irish Data Protection Commission"
    assert _authority("You can file a complaint with the data protection authority in your country.") \
        == "the data protection authority"
    assert _authority("Please complain to us first.") is None


def test_unsubscribing_from_the_same_emails_keeps_the_control() -> None:
    gone = ("You can ask us to stop using your personal data to send you marketing emails by following the "
            "instructions in those emails.")
    kept = ["You can unsubscribe from our marketing emails by following the instructions in those emails, or by "
            "adjusting your preferences in your settings."]
    assert right_given(kept)(gone)


def test_limiting_processing_is_restricting_it() -> None:
    from tracker.changes.rules.rights import _right_objects
    assert _right_objects("You have the right to limit the processing of your data.") == {"restr"}
    assert _right_objects("You may ask us to restrict processing of your data.") == {"restr"}
    assert "restr" not in _right_objects("You have the right to limit the use of your sensitive personal information.")
