"""A promise said new or gone that the other version makes in other words (samepromise.py) is a
rewording: no 'New commitment' or 'No longer promises'. The same act (disclose = share), the
same condition (without your consent = opt-in = ask for your consent before) and the same
recipients (third parties = companies outside our corporate family) make one promise; a
promise over fewer recipients, another act or another condition stays news. A sentence that
denies no practice on data is no promise, and a use limited to one purpose is one."""

from __future__ import annotations

from tests.support.changes import ch
from tracker.changes.corroborate import Side, corroborated, protection_kinds
from tracker.changes.rules.common import Statement
from tracker.changes.rules.promises import _negated_practice, limited_use
from tracker.changes.samepromise import promise_of, reworded_promise, same_promise

KINDS = protection_kinds(lambda t: "will not" in t or "do not" in t or "does not" in t)
PROMISE = KINDS("We will not share your data without your consent.")

OPT_IN_GONE = ("We will not disclose your personal information to third parties for marketing purposes without your "
               "express consent (opt-in).")
OPT_IN_KEPT = ("We use an opt-in standard for sharing personal information with companies outside our corporate family "
               "of companies for their use in direct marketing, such as sending you promotions.")


def test_an_opt_in_standard_keeps_a_promise_not_to_disclose_without_consent() -> None:
    assert PROMISE is not None
    assert same_promise(OPT_IN_GONE, Side([OPT_IN_KEPT]), PROMISE)
    # sharing within the family, or selling, is another promise
    assert not same_promise(OPT_IN_GONE, Side(["We do not sell your personal information to third parties."]), PROMISE)


def test_asking_consent_before_a_use_is_the_promise_not_to_change_the_use_without_it() -> None:
    assert PROMISE is not None
    old = Side(["We will ask for your consent before we use or share your information for any purpose other than the "
                "reason you provided it."])
    assert same_promise("We will not subsequently change the way your Personal Information is used without your consent.",
                        old, PROMISE)


def test_fewer_recipients_another_condition_or_another_act_is_news() -> None:
    assert PROMISE is not None
    gone = "We don't share information we receive about you with others unless we have received your permission."
    advertisers = Side(["We do not share information that personally identifies you with advertising partners unless "
                        "you give us permission."])
    assert not same_promise(gone, advertisers, PROMISE)
    assert not same_promise("We do not share your information with third parties.",
                            Side(["We do not share your information with third parties without your consent."]), PROMISE)
    assert not same_promise("We don't share any of your personal information with third parties for direct marketing.",
                            Side(["These actions are private and we don't share or distribute them to others."]), PROMISE)
    polls = Side(["We will not disclose any personally identifiable information to any third parties in connection "
                  "with the conduct of any polls or surveys."])
    assert not same_promise("We don't share any of your personal information with third parties for direct marketing.",
                            polls, PROMISE)
    assert not same_promise("We do not permit our ad serving partners to collect personal information about you.",
                            Side(["We do not share personal data about you with advertising partners."]), PROMISE)


def test_a_negation_of_another_clause_limits_nothing() -> None:
    said = promise_of("Like many websites, we use cookies to collect usage data, but we do not require cookies for "
                      "many parts of our Services.")
    assert said is None
    assert promise_of("We do not use cookies to collect personally identifiable information.") is not None


def test_a_sentence_cut_by_a_line_break_is_read_with_the_next() -> None:
    assert PROMISE is not None
    new = Side(["We use an opt-in standard for", "phone and text messages.", "Acme keeps logs."])
    assert same_promise("We will not contact you via phone or text message without your express consent (opt-in).",
                        new, PROMISE)


def test_a_reworded_promise_with_its_subject_moved_is_no_new_commitment() -> None:
    old = ("In addition, our service providers may not use or disclose personal information for any purpose other than "
           "providing the services on our behalf.")
    new = ("We do not allow our service providers to use or share your personal information for any purpose other "
           "than providing services on our behalf.")
    assert reworded_promise(old, new)
    assert reworded_promise("We only disclose your personal information with your prior consent or under the following "
                            "limited circumstances.", "We will not share your personal information outside of our "
                            "corporate family of companies, except in the following circumstances.")
    assert not reworded_promise("Our service providers may use your information to deliver orders.", new)


def test_a_promise_said_gone_is_refuted_by_its_restatement() -> None:
    said = [Statement(f"No longer promises: {OPT_IN_GONE}", "sharing", "promise-withdrawn", OPT_IN_GONE, None, (0,))]
    changes = [ch("removed", OPT_IN_GONE, None)]
    assert corroborated(said, changes, [OPT_IN_GONE], [OPT_IN_KEPT], KINDS) == []
    assert corroborated(said, changes, [OPT_IN_GONE], ["Acme keeps logs for 30 days."], KINDS) == said


def test_only_a_denied_practice_on_data_makes_a_promise() -> None:
    assert not _negated_practice("We do not automatically include our users in any particular marketing promotion; "
                                 "instead, we use a variety of factors to determine the appropriate users.")
    assert _negated_practice("We do not sell, rent or share your personal information.")


def test_a_use_limited_to_one_purpose_is_a_promise_about_data() -> None:
    assert limited_use("Any Sensitive Personal Information that you provide will only be used to implement the specific "
                       "activity or event it was submitted for and will then be destroyed.")
    assert limited_use("If an email address is provided, it will only be used for a one-time response back to the child.")
    assert not limited_use("This information will only be used to send the child's wishlist.")   # says nothing alone
    assert not limited_use("Facility security photography will be treated as sensitive information and will only be "
                           "used for security purposes.")
