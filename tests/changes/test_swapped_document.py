"""A capture holding another of the company's documents (its terms, another product's policy) in
the policy's place is said as such, named, never as a rewrite of the policy
(tracker.changes.swapped)."""

from __future__ import annotations

from tracker.changes.captures import Held
from tracker.changes.detector import compare
from tracker.changes.swapped import read_side, swapped_side

POLICY = "# Acme Privacy Policy\n\nLast updated: March 2, 2024\n\n" + "\n\n".join(
    f"This Privacy Policy explains how Acme handles the data of service {k}. We collect your e-mail "
    f"address when you sign up for service {k}. We do not sell your personal information to anyone. "
    f"You can ask us to delete your account data for service {k} at any time."
    for k in range(8)) + "\n"
TERMS = "Effective date: May 1, 2025\n\n" + "\n\n".join(
    [f"Read these terms and conditions (this “Agreement”) for important information about our text alerts {k}. "
     f"You agree that any dispute shall be resolved by final and binding individual arbitration, clause {k}. "
     f"You may opt out of text alerts {k} at any time by texting STOP to the number. "
     f"Message and data rates may apply to alert {k}."
     for k in range(8)]) + "\n"
REWRITE = "# Acme Privacy Policy\n\nLast updated: June 1, 2025\n\n" + "\n\n".join(
    f"This Privacy Policy tells you what Acme does with information about product line {k}. Acme keeps "
    f"purchase records for product line {k} for seven years. You may appeal a refused request about "
    f"product line {k} by writing to privacy@acme.test. Acme shares order data with carriers for delivery {k}."
    for k in range(8)) + "\n"


def _held(text: str) -> Held:
    """A capture's sentences, one per line of text, and its headings."""
    lines = [x for x in text.split("\n") if x.strip()]
    titles = tuple(x.lstrip("# ") for x in lines if x.startswith("#"))
    sentences = tuple(s.strip() + "." for x in lines if not x.startswith("#") for s in x.split(". ") if s.strip())
    return Held(titles, sentences)


def test_terms_in_the_policy_s_place_are_another_document() -> None:
    report = compare(POLICY, TERMS)
    assert report.headline.startswith("The new capture holds another document, not ")
    assert "these terms and conditions" in " ".join([report.headline, *report.bullets])
    assert report.verdict == "minor"
    assert not any(b.startswith(("New right", "New:", "No longer promises")) for b in report.bullets)


def test_the_policy_back_after_terms_is_no_rewrite() -> None:
    report = compare(TERMS, POLICY)
    assert "privacy policy is back after a capture of another document" in report.headline
    assert not any(b.startswith(("New commitment", "New right")) for b in report.bullets)


def test_a_rewrite_of_the_same_policy_is_still_a_rewrite() -> None:
    assert swapped_side(_held(POLICY), _held(REWRITE)) is None
    assert swapped_side(_held(REWRITE), _held(POLICY)) is None
    assert "another document" not in compare(POLICY, REWRITE).headline


def test_a_policy_naming_its_terms_once_names_itself_a_privacy_policy() -> None:
    reading = read_side(["This Privacy Policy is part of these Terms of Service.", "Read these terms too."])
    assert reading.privacy == 1 and len(reading.other) == 2
    assert swapped_side(_held(POLICY), _held(REWRITE + "\n\nPlease also read these Terms of Service.\n")) is None


def test_another_product_s_policy_pointing_to_the_old_one_is_another_document() -> None:
    ads = POLICY.replace("Acme Privacy Policy", "Acme Advertising Technology Privacy Policy")
    site = "# Acme Website Privacy Policy\n\nLast updated: March 2, 2024\n\n" + "\n\n".join(
        f"This Website Privacy Policy covers visits to page {k} of our website. We use cookies on page {k}. "
        f"For our ad services, see the Acme Advertising Technology Privacy Policy. We answer requests {k} in a month."
        for k in range(8)) + "\n"
    assert swapped_side(_held(ads), _held(site)) == ("new", "scope")
    renamed = site.replace("Acme Advertising Technology Privacy Policy", "our help pages").replace("March 2, 2024", "May 5, 2025")
    assert swapped_side(_held(ads), _held(renamed)) is None


def test_another_page_is_named_by_its_title_without_link_counts() -> None:
    docs = "Acme Documentation\n==================\n\n" + "\n\n".join(
        f"Build app number {k} in ten minutes with the toolkit and its components. "
        f"[Read the guide {k}](https://docs.acme.test/kit/{k})" for k in range(25)) + "\n"
    report = compare(POLICY, docs)
    assert report.headline.startswith("The new capture holds another page, not ")
    assert "“Acme Documentation”" in report.headline
    assert report.links_changed == 0
    assert not any("link" in b for b in report.bullets)


def test_terms_leaving_a_bundled_page_say_the_policy_is_unchanged() -> None:
    terms = "\n\n".join(["- - -", "Terms of Service\n----------------", "Last updated: July 31, 2013"] + [
        f"By using service {k} you agree to these terms, and we may end your account {k} for any breach."
        for k in range(6)])
    report = compare(POLICY + "\n" + terms + "\n", POLICY)
    assert report.headline.endswith("“Terms of Service”; the policy itself is unchanged")
    assert report.verdict == "minor"


def test_a_mostly_other_text_dated_before_the_old_one_is_an_older_document() -> None:
    old, new = _held(POLICY), _held(REWRITE)
    dated = (Held(old.titles, old.sentences, date="October 29, 2025"), Held(new.titles, new.sentences, date="March 28, 2025"))
    assert swapped_side(*dated) == ("new", "earlier")
    assert swapped_side(dated[1], dated[0]) is None       # a later date is what an update gives


def test_circumstances_are_no_other_kind_of_document() -> None:
    reading = read_side(["We share data only under these conditions.", "These conditions apply to partners too."])
    assert reading.other == ()
