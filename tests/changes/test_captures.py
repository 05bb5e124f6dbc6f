"""A capture of another page (a home page saved in the policy's place) is said as such, never
as promises dropped (tracker.changes.captures)."""

from __future__ import annotations

from tracker.changes.captures import not_the_policy
from tracker.changes.detector import compare

POLICY = "# Acme Privacy Policy\n\n" + "\n\n".join(
    f"We collect personal information such as your e-mail address when you use service {k}. "
    f"We do not sell your personal information to third parties. You can opt out of marketing e-mails "
    f"at any time. We keep account data for {k + 1} years after you close your account."
    for k in range(12)) + "\n"
HOME = "\n".join(
    ["Home", "Politics", "Opinions", "Local", "Sports", "Business", "Tech", "Lifestyle"]
    + [f"Senator {k} visits the state fair and talks about the budget for the new year." for k in range(40)]
    + ["Sign up for our newsletter. Privacy policy. Terms of service."]) + "\n"


def test_a_home_page_saved_in_the_policys_place_drops_no_promise() -> None:
    report = compare(POLICY, HOME)
    assert report.headline.startswith("The new capture holds another page, not ")
    assert report.verdict == "minor"
    assert not any(b.startswith(("No longer promises", "Right no longer stated")) for b in report.bullets)


def test_the_policy_back_after_another_page_adds_no_promise() -> None:
    report = compare(HOME, POLICY)
    assert "policy is back after a capture of another page" in report.headline
    assert not any(b.startswith(("New commitment", "New right")) for b in report.bullets)


def test_terms_other_languages_and_short_pages_are_never_taken_for_another_page() -> None:
    sentences = [s + "." for s in POLICY.replace("\n", " ").split(". ") if s.strip()]
    terms = [f"These Terms govern your use of the service and your account number {k}." for k in range(30)]
    german = [f"Wir verarbeiten Ihre Angaben nur im Rahmen der gesetzlichen Bestimmungen, Absatz {k}." for k in range(30)]
    assert not_the_policy(sentences, HOME.splitlines()) == "new"
    assert not_the_policy(terms, terms[:20] + ["Contact us with questions about these Terms."]) is None
    assert not_the_policy(german, HOME.splitlines()) is None
    assert not_the_policy(sentences[:3], HOME.splitlines()[:5]) is None


PART = "\n".join(HOME.splitlines()[:30] + POLICY.replace("\n\n", "\n").splitlines()[:3] + HOME.splitlines()[30:]) + "\n"


def test_a_capture_of_part_of_the_policy_is_said_as_part_of_it_both_ways() -> None:
    report = compare(POLICY, PART)
    assert report.headline.startswith("The new capture holds only part of ")
    assert not any(b.startswith(("No longer promises", "Right no longer stated")) for b in report.bullets)
    back = compare(PART, POLICY)
    assert "whole policy is back after a capture of only part of it" in back.headline
    assert not any(b.startswith(("New commitment", "New right")) for b in back.bullets)
