"""A right said new or gone that the other version gives as the same act on the same object in
other words (sameact.py) is a rewording: no 'New right', 'Right no longer stated' or 'New:'.
A right the other side gives over something else, or only in a sentence both versions still
write, stays news."""

from __future__ import annotations

from tests.support.changes import ch
from tracker.changes import compare
from tracker.changes.corroborate import Side, corroborated, protection_kinds, said_before
from tracker.changes.rules.common import Statement
from tracker.changes.sameact import acts, same_act

KINDS = protection_kinds(lambda t: "does not" in t or "do not" in t)

DOWNLOAD_OLD = ("You can also download a copy of your personal data by visiting your Account Settings page and clicking on "
                "\"Download a copy of your Acme data\".")
DOWNLOAD_NEW = "You can also download information associated with your Acme account through our Download Your Information tool."


def test_the_means_is_not_the_act() -> None:
    said = acts("You may opt out of e-mail marketing by modifying your online profile or by using the unsubscribe link.")
    assert said == (frozenset({"opt-out"}), frozenset({"email", "market"}))
    # 'by removing …' is how one stops sharing, not a right to delete
    assert acts("You can stop sharing that information with us at any time by removing Acme's access to that account.") is None


def test_download_export_and_copy_are_one_act() -> None:
    assert same_act(DOWNLOAD_NEW, Side([DOWNLOAD_OLD]))
    assert not same_act("You can also delete information associated with your Acme account.", Side([DOWNLOAD_OLD]))


def test_withdrawing_consent_to_email_marketing_keeps_the_opt_out() -> None:
    gone = "You may opt out of e-mail marketing by modifying your online profile or by using the unsubscribe link."
    new = "You may withdraw consent you have previously provided, including for email marketing by Acme."
    assert same_act(gone, Side([new]))
    assert not same_act(gone, Side(["You may withdraw consent you have previously provided for cookies."]))


def test_telling_marketing_preferences_on_another_page_is_the_same_choice() -> None:
    old = Side(["You can provide us your marketing preferences by visiting the Privacy Preference Center."])
    assert same_act("You can tell us your marketing preferences by visiting our Communication Preferences page.", old)


def test_a_sentence_both_versions_still_write_restates_nothing() -> None:
    kept = "You may update and/or edit your Home Delivery account information online at the Home Delivery website."
    gone = "You may update your account information in the My Account area."
    assert same_act(gone, Side([kept]))                     # the same act on 'account' …
    assert not same_act(gone, Side([kept]), own=Side([kept, gone]))   # … but in a sentence of both versions


def test_a_new_act_or_another_object_is_news() -> None:
    old = Side(["You may review your account information in the My Account area."])
    assert not same_act("You may review and update your account information in the My Account area.", old)
    assert not same_act("You may review your order history in the My Account area.", old)


def test_a_right_said_gone_is_refuted_by_its_restatement() -> None:
    gone = "You may request deactivation of your Acme account by sending an email to privacy@acme.com."
    new = "You may also make these updates or request deactivation of your Acme account by sending an email to us."
    said = [Statement(f"Right no longer stated: {gone}", "rights", "right-removed", gone, None, (0,))]
    assert corroborated(said, [ch("removed", gone, None)], [gone], [new], KINDS) == []
    assert corroborated(said, [ch("removed", gone, None)], [gone], ["Acme keeps logs."], KINDS) == said


def test_an_added_sentence_giving_an_old_right_is_said_before() -> None:
    written = said_before(Side([DOWNLOAD_OLD]), Side([DOWNLOAD_NEW]))
    assert written(DOWNLOAD_NEW)
    assert not said_before(Side([DOWNLOAD_OLD]))(DOWNLOAD_NEW)       # without the new side: words alone


def test_compare_says_no_new_right_for_a_reworded_download() -> None:
    filler = "Acme collects your name and email address when you register. Acme uses cookies to remember you."
    old = f"Privacy Policy\n\nYour choices\n\n{DOWNLOAD_OLD} {filler}\n"
    new = f"Privacy Policy\n\nYour choices\n\n{DOWNLOAD_NEW} {filler}\n"
    report = compare(old, new)
    lines = [report.headline, *report.bullets]
    assert not any("new right" in line.lower() or line.startswith("New:") for line in lines), lines


def test_a_complaint_taken_to_the_same_body_is_a_reworded_recourse() -> None:
    from tracker.changes.sameact import same_recourse
    old = Side(["If we're not able to resolve the issue, Acme will cooperate with the JAMS Arbitration and Mediation Service.",
                "Acme uses cookies."])
    claim = ("Acme has further committed to refer unresolved Privacy Shield complaints to JAMS Arbitration and Mediation "
             "Services, an alternative dispute resolution provider located in the United States.")
    assert same_recourse(claim, old)
    # the body named in the old text for another thing than this sentence says: news
    assert not same_recourse("JAMS's dispute resolution process is only available in English.", old)
    # the old sentence the new text still writes, reworded, is its own
    kept = Side(["If we're not able to resolve the issue, Acme will cooperate with the JAMS Arbitration and Mediation "
                 "Service in the US."])
    assert not same_recourse(claim, old, own=kept)


def test_a_source_the_old_text_named_in_a_list_is_no_new_source() -> None:
    from tracker.changes.digests import _named_before
    old = ("sometimes we get data from our affiliates or our advertising partners, customers and other third parties "
           "that helps us deliver ads.")
    assert _named_before("third-party partners", old)
    assert _named_before("our partners", "information we obtain about you from partners may be associated.")
    assert not _named_before("trusted partners", "information we obtain about you from partners may be associated.")
    # a qualifier that names another kind of source, or a source never named: news
    assert not _named_before("publicly accessible sources", "we collect data from other sources.")
    assert not _named_before("data brokers", old)
    assert not _named_before("advertisers", "we share data with our partners.")
