"""What the user is told and answered: a promise to notify users of changes to the policy (or
before their data passes to a new owner) dropped with nothing new making it is a promise
withdrawn; a deadline for answering rights requests where there was none is a new commitment;
a right given as the way to use it ('If you wish to delete your profile …, please contact …') is
a right (tracker.changes.rules.notice, rules.rights)."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.priorities import standing, tier
from tracker.changes.render import shown_bullets
from tracker.changes.rules.notice import answers_within, tells_of_changes, tells_of_new_owner

BODY = ("# Privacy Policy\n\n## What we collect\n\nAcme collects your name and e-mail address when you register. "
        "Acme uses your e-mail address to send you receipts. Acme keeps your data while your account is open.\n\n")
OLD_CHANGES = ("## Changes to this policy\n\nAcme may update this Privacy Policy from time to time. "
               "We will notify you of such changes before they are implemented.\n")
NEW_CHANGES = ("## Changes to this policy\n\nAcme may update this Privacy Policy from time to time. When we do, we will "
               "post the updated Privacy Policy on this page. Your continued use of the service means you accept it.\n")


def _lines(old: str, new: str) -> list[str]:
    r = compare(old, new)
    return [r.headline, *shown_bullets(r.headline, r.bullets)]


def test_a_dropped_promise_to_notify_before_changes_is_told_first() -> None:
    lines = _lines(BODY + OLD_CHANGES, BODY + NEW_CHANGES)
    assert lines[0] == "No longer promises to notify you before changes to this policy take effect"


def test_a_promise_to_notify_still_made_in_other_words_is_no_news() -> None:
    kept = NEW_CHANGES.replace("post the updated Privacy Policy on this page.",
                               "send you an e-mail to let you know about the updated Privacy Policy.")
    assert not any("notify you" in line for line in _lines(BODY + OLD_CHANGES, BODY + kept))


def test_a_text_that_no_longer_speaks_of_changes_is_not_said_to_drop_the_promise() -> None:
    """A capture that lost the whole section (or moved it to another page) proves nothing gone."""
    assert not any("notify you" in line for line in _lines(BODY + OLD_CHANGES, BODY))


def test_telling_of_changes_is_about_the_policy_not_the_service() -> None:
    assert tells_of_changes("We will notify you of such changes before they are implemented.",
                            "Acme reserves the right to change this Privacy Policy.")
    assert tells_of_changes("If we make material changes, we will provide you with notice by e-mail.")
    assert not tells_of_changes("We will notify you about changes to our services and new features.")
    assert not tells_of_changes("We may change this policy without notice to you.")


def test_a_dropped_promise_to_notify_before_a_new_owner_takes_the_data() -> None:
    old_owner = ("## Business transfers\n\nIf there is a merger or acquisition, your data may be transferred to the new owner. "
                 "Should one of these events occur, we will make reasonable efforts to notify you before your "
                 "information becomes subject to different privacy policies.\n")
    new_owner = "## Business transfers\n\nIf there is a merger or acquisition, your data may be transferred to the new owner.\n"
    assert tells_of_new_owner("We will make reasonable efforts to notify you before your information becomes subject to "
                              "different privacy policies.")
    lines = _lines(BODY + old_owner, BODY + new_owner)
    assert lines[0] == "No longer promises to notify you before your data passes to a new owner"


def test_a_new_deadline_for_answering_requests_is_a_commitment() -> None:
    rights = "## Your rights\n\nYou can ask Acme for a copy of your data by writing to privacy@acme.example.\n"
    deadline = "We will respond to any request to exercise your rights within one month of receipt.\n"
    assert answers_within(deadline)
    assert not answers_within("We will respond to your support ticket as soon as we can.")
    lines = _lines(BODY + rights, BODY + rights + deadline)
    assert any(line.startswith("New commitment: Acme will respond to any request to exercise your rights within one month")
               for line in lines)
    # a deadline the old text already set is no new commitment
    old_deadline = "We will respond to any request to exercise your rights within 45 days.\n"
    assert not any(line.startswith("New commitment") for line in _lines(BODY + rights + old_deadline,
                                                                        BODY + rights + old_deadline + deadline))


def test_a_right_given_as_the_way_to_use_it_is_a_new_right() -> None:
    way = ("If you wish to delete your profile information and any personal data you provided during registration, "
           "please submit the form on our Contact Us page.\n")
    lines = _lines(BODY, BODY + "## Deletion\n\n" + way)
    assert lines[0] == ("New right: you can delete your profile information and any personal data you provided "
                        "during registration")


USE = ("## How we use data\n\n* To send you receipts for your purchases.\n"
       "* To develop and improve products and Services, including AI features, provided you have not opted out.\n\n")


def test_a_use_no_longer_held_back_for_users_who_opted_out_is_a_promise_withdrawn() -> None:
    new_use = "## How we use data\n\n* To send you receipts for your purchases.\n* To develop and improve our Services.\n\n"
    lines = _lines(BODY + USE, BODY + new_use)
    assert lines[0].endswith("drops the opt-out condition on using your data to develop and improve products and "
                             "Services, including AI features")
    # the condition still written elsewhere: nothing was dropped
    kept = new_use + "We use your data for research, provided you have not opted out.\n"
    assert not any("opt-out condition" in line for line in _lines(BODY + USE, BODY + kept))


def test_the_companys_own_products_made_a_purpose_of_a_kept_use_is_told() -> None:
    old = BODY + ("## Content\n\nCustomer Content that is Personal Data will be used by Acme in accordance with Customer's "
                  "instructions, and as required by applicable law.\n")
    new = BODY + ("## Content\n\nCustomer Content that is Personal Data will be used by Acme in accordance with Customer's "
                  "instructions, to provide and improve the Services, and as required by applicable law.\n")
    assert any(line.endswith("now also uses Customer Content that is Personal Data to provide and improve the Services")
               for line in _lines(old, new))


def test_a_right_to_a_document_and_a_defined_term_never_lead_a_practice() -> None:
    """'You can request a copy of the safeguards …' is no control over the user's data, and
    'Customer Content is the information …' explains a term: a practice with a direction goes first."""
    assert standing("right-added", "New right: you can request a copy of the relevant safeguards Acme relies upon") \
        == tier("sharing-widened")
    assert standing("right-added", "New right: you can request a copy of your personal data") == tier("right-added")
    assert standing("collection-widened", "New: Customer Content is the information Acme obtains from you") == 3
    assert standing("collection-widened", "New: Acme collects the information you give it") == tier("collection-widened")
