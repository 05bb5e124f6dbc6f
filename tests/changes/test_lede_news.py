"""The headline leads with the news: a new practice before the reassurance stated with it, a
transfer framework replaced said as a swap, a document's change log and a cut-off condition
never leading, 'etc.' ending a sentence, advertising as a topic."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.headline import _lead_order
from tracker.changes.rules.common import Statement
from tracker.changes.segment import split_sentences
from tracker.changes.statements import reassured_practices, select
from tracker.changes.topics import has_topic

_BASE = ("Acme Privacy Policy\n\nWe collect your name and email address when you register. We use your information "
         "to provide the service. We keep your data as long as your account is open.\n\n")


def test_etc_before_a_sentence_opener_ends_the_sentence() -> None:
    parts = split_sentences("We may target guests interested in groceries, cosmetics, clothing, etc. "
                            "We do not share your shopping history with them.")
    assert len(parts) == 2 and parts[1].startswith("We do not share")


def test_etc_inside_a_sentence_stays() -> None:
    assert len(split_sentences("We collect your name, email, etc. when you register.")) == 1


def test_targeted_ads_are_a_topic() -> None:
    assert has_topic("We may display targeted ads to you through social media platforms.")
    assert has_topic("For example, we may target TV ads to guests who like groceries.")


def test_ads_that_target_no_one_are_no_topic() -> None:
    assert not has_topic("Generic, non-personalized ads will continue to be displayed.")
    assert not has_topic("There are no Local Ads at this time.")


def test_new_practice_leads_the_reassurance_stated_with_it() -> None:
    old = _BASE + "Advertising\n\nWe show ads on our own website.\n\nContact\n\nWrite to us at privacy@acme.com.\n"
    new = _BASE + ("Advertising\n\nWe show ads on our own website.\n\nWe may display targeted ads to you through social "
                   "media platforms. These ads are sent to groups of people. We do not share any of your personal "
                   "information, including your shopping history, with social media platforms.\n\n"
                   "Contact\n\nWrite to us at privacy@acme.com.\n")
    r = compare(old, new)
    assert r.headline.startswith("Acme may now display targeted ads to you through social media platforms")
    assert any(b.startswith("New commitment: Acme does not share") for b in r.bullets)


def test_reassurance_far_from_the_practice_or_about_other_things_keeps_its_place() -> None:
    practice = Statement("Acme may now display targeted ads to you on partner sites", "use", "practice-changed",
                         None, "x", (0,))
    other = Statement("New commitment: Acme does not sell your health records", "sale", "promise-added", None, "y", (1,))
    far = Statement("New commitment: Acme does not share targeted ads data with partner sites", "sharing",
                    "promise-added", None, "z", (9,))
    assert reassured_practices([practice, other, far], frozenset({0, 1, 9})) == {}
    assert select([practice, other], added=frozenset({0, 1}))[0] is other


def test_passive_or_example_sentences_are_no_practice_to_lead() -> None:
    flash = Statement("New: Flash can be used to place a cookie on your computer", "cookies-tracking", "practice-changed",
                      None, "x", (0,))
    limit = Statement("New commitment: Acme does not use flash cookies on your computer for advertising", "use",
                      "promise-added", None, "y", (1,))
    assert reassured_practices([flash, limit], frozenset({0, 1})) == {}


def test_transfer_framework_replaced_is_said_as_a_swap() -> None:
    old = _BASE + ("International transfers\n\nAcme participates in the Safe Harbor program for transfers of personal "
                   "information from the European Union.\n")
    new = _BASE + ("International transfers\n\nAcme participates in the EU-US Privacy Shield framework for transfers "
                   "of personal information from the European Union.\n")
    r = compare(old, new)
    assert r.headline.endswith("now cites the Privacy Shield instead of Safe Harbor for international data transfers")


def test_framework_added_beside_another_is_no_swap() -> None:
    old = _BASE + ("International transfers\n\nAcme participates in the EU-US Privacy Shield framework for transfers "
                   "of personal information from the European Union.\n")
    new = _BASE + ("International transfers\n\nAcme participates in the EU-US Privacy Shield framework and uses "
                   "Standard Contractual Clauses for transfers of personal information from the European Union.\n")
    r = compare(old, new)
    assert "instead of" not in r.headline and "(was: Privacy Shield)" not in r.headline


def test_change_log_line_trails_other_weak_statements() -> None:
    log = Statement("New: Created and added a link to the Privacy Policy archive", "other", "practice-changed", None, "x", (0,))
    frag = Statement("Adds: if you elect to use beta software, some crash data may automatically be transmitted to Acme",
                     "collection", "reworded", None, "y", (1,))
    assert _lead_order([log, frag])[-1] is log
