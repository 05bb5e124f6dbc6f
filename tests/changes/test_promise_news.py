"""'New commitment' and 'No longer promises' only for news. A promise the other version makes
in other words is no news, even when it made it clause by clause in two sentences ('We never
sell your data, and we'll only share it in the following circumstances' <- 'We do not currently
sell your personal data as sales are defined in …' and 'We will only disclose your personal data
to the following parties') or as a plain promise not to sell beside a law's definition; a
narrower promise not to sell (to advertisers, knowingly, of children's data) or one over more
acts (sell or share) stays news (samepromise.each_promise_made, plain_no_sale). A promise that
held only for a feature the new text no longer writes ('If you choose to register your Facebook
ID, … we will not collect or store such password') left with the feature: the report says the
feature went, not that the company may now do what it promised not to (promisescope.py)."""

from __future__ import annotations

from tests.support.changes import ch, ctx
from tracker.changes.corroborate import Side, corroborated, protection_kinds
from tracker.changes.promisescope import gone_with_practice, promised_about
from tracker.changes.rules.common import Statement
from tracker.changes.rules.promises import promise_statements
from tracker.changes.samepromise import each_promise_made, plain_no_sale, promise_clauses

KINDS = protection_kinds(lambda t: "will not" in t or "do not" in t or "does not" in t or "never" in t)
TWO_PROMISES = "We never sell your data, and we'll only share it in the following circumstances:"
NEW_SIDE = ["We do not currently sell your personal data as sales are defined in Nevada Revised Statutes Chapter 603A.",
            "We will only disclose your personal data to the following parties:"]
FEATURE_PROMISE = ("If you choose to register your Facebook ID, while Facebook may ask you to enter your Facebook "
                   "password, we will not collect or store such password.")


def _kind(text: str):  # type: ignore[no-untyped-def]
    kind = KINDS(text)
    assert kind is not None
    return kind


def test_a_promise_of_two_clauses_is_split_where_the_second_begins() -> None:
    assert promise_clauses(TWO_PROMISES) == ["We never sell your data", "we'll only share it in the following circumstances:"]
    assert promise_clauses("We do not sell your data.") == ["We do not sell your data."]


def test_each_clause_made_apart_is_no_withdrawn_promise() -> None:
    assert each_promise_made(TWO_PROMISES, Side(NEW_SIDE), _kind(TWO_PROMISES))
    # one clause made, the other not: the promise not to sell went
    assert not each_promise_made(TWO_PROMISES, Side(NEW_SIDE[1:]), _kind(TWO_PROMISES))
    said = [Statement(f"No longer promises: {TWO_PROMISES}", "sale", "promise-withdrawn", TWO_PROMISES, None, (0,))]
    changes = [ch("removed", TWO_PROMISES, None)]
    assert corroborated(said, changes, [TWO_PROMISES], NEW_SIDE, KINDS) == []
    assert corroborated(said, changes, [TWO_PROMISES], NEW_SIDE[1:], KINDS) == said


def test_a_plain_promise_not_to_sell_is_made_beside_a_law_definition() -> None:
    assert plain_no_sale("We do not sell your personal information to third parties.") == {"sell"}
    assert plain_no_sale("We do not currently sell your personal data as sales are defined in Nevada law.") == {"sell"}
    assert plain_no_sale('We do not engage in the "sale" or "sharing" of personal information.') == {"sell", "share"}
    claim = "We do not sell your personal information to third parties."
    assert each_promise_made(claim, Side(["Acme does not sell your personal information (as defined in the CCPA)."]),
                             _kind(claim))


def test_a_narrower_or_wider_promise_not_to_sell_stays_news() -> None:
    for narrower in ("We do not knowingly sell your personal information.",
                     "We do not sell your personal information to advertisers.",
                     "We do not sell the personal information of children under 16.",
                     "We do not sell your personal information without your consent.",
                     "We do not sell your personal information for marketing purposes."):
        assert plain_no_sale(narrower) is None, narrower
    claim = "We do not sell or share your personal information."
    # the old text never said it does not share: 'or share' is news
    assert not each_promise_made(claim, Side(["We do not sell your personal information."]), _kind(claim))


def test_a_promise_for_a_feature_the_new_text_drops_is_told_as_the_feature_gone() -> None:
    assert promised_about(FEATURE_PROMISE) == ["Facebook ID"]
    assert gone_with_practice(FEATURE_PROMISE, "You can sign in with your phone number.") == "Facebook ID"
    assert gone_with_practice(FEATURE_PROMISE, "You may register your Facebook ID in Settings.") is None
    context = ctx(ch("removed", FEATURE_PROMISE, None), owner="Line", new_page="You can sign in with your phone number.")
    [said] = promise_statements(context)
    assert said.text.startswith("No longer mentions Facebook ID:") and said.impact != "promise-withdrawn"


def test_a_promise_about_the_users_data_or_children_is_withdrawn_whatever_else_went() -> None:
    for promise in ("We will not combine DoubleClick cookie information with personally identifiable information "
                    "unless we have your opt-in consent.",
                    "We never sell your data.",
                    "If you are under 13, we do not knowingly collect your personal information."):
        assert gone_with_practice(promise, "Your activity may be associated with your account.") is None, promise
    gone = "We will not share your personal data with advertisers."
    context = ctx(ch("removed", gone, None), owner="Line", new_page="Advertisers may receive data. We keep logs.")
    assert [s.impact for s in promise_statements(context)] == ["promise-withdrawn"]


def test_the_promise_of_no_automated_decisions_is_one_in_any_wording() -> None:
    claim = ("We do not carry out any fully automated decision-making or profiling which has a legal or similarly "
             "significant effect on you.")
    old = Side(["We do not use automated decision-making without human intervention, including profiling, in a way "
                "that produces legal effects concerning you or otherwise significantly affects you."])
    assert each_promise_made(claim, old, _kind(claim))
    assert not each_promise_made(claim, Side(["We do not use automated decision-making except where the law permits "
                                              "it, in ways that produce legal effects."]), _kind(claim))
    assert not each_promise_made(claim, Side(["We do not sell your personal information."]), _kind(claim))


def test_a_promise_not_to_sell_some_data_or_for_money_only_is_not_the_plain_one() -> None:
    # 'information that directly identifies you' and 'for money' narrow what is promised: a
    # plain 'we do not sell …' elsewhere does not make them the same promise
    assert plain_no_sale("We do not sell information that directly identifies you to third parties.") is None
    assert plain_no_sale("We do not sell your personal data for money.") is None
    assert plain_no_sale("We do not sell your personal data.") == frozenset({"sell"})
