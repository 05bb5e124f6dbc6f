"""Housekeeping told as news: a scheduled version taking effect (the page drops the earlier
version it showed beside it, or its 'will go into effect on <date>' line), and a company's legal
form respelled ('Ltd' / 'Limited', 'PTE. LTD.' read as a label and a sentence)."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.headings import run_in_label
from tracker.changes.trivial import scheduled_notice
from tracker.changes.variants import same_wording
from tracker.changes.versions import earlier_version

SHARED = [
    "We collect your name and e-mail address when you create an account with the service.",
    "We use your e-mail address to send you receipts and notices about your account.",
    "We share payment details with our payment processor to complete your purchases.",
    "We keep server logs for ninety days and then delete them from our systems.",
    "You can ask us to delete your account and the data we hold about you at any time.",
    "You can object to the processing of your data for direct marketing at any time.",
    "We protect your data with encryption in transit and access controls on our servers.",
    "Children under thirteen may not use the service and we do not knowingly collect their data.",
]
OLD_ONLY = [
    "We send you our newsletter every week unless you unsubscribe from it in your settings.",
    "We use an analytics tool hosted in the United States to count visits to our website.",
    "You may write to our office in Dublin about any question on this policy.",
]
NEW_ONLY = [
    "We send you our newsletter once a month unless you unsubscribe from it in your settings.",
    "We count visits to our website with a self-hosted analytics tool that keeps no identifiers.",
    "You may write to our data protection officer about any question on this policy.",
]


def _version(lines: list[str]) -> str:
    return "\n\n".join(lines)


CURRENT = _version(OLD_ONLY + SHARED)
UPCOMING = _version(SHARED + NEW_ONLY)
OLD_PAGE = "Privacy Policy\n==============\n\n" + CURRENT + "\n\n* * *\n\n**Effective January 15, 2025.**\n\n" + UPCOMING
NEW_PAGE = "Privacy Policy\n==============\n\n**Effective January 15, 2025.**\n\n" + UPCOMING


def test_the_earlier_version_a_capture_held_is_cut_off() -> None:
    kept, what = earlier_version(OLD_PAGE, NEW_PAGE)
    assert what is not None and what.where == "before" and what.date == "Effective January 15, 2025"
    assert "every week" not in kept and "once a month" in kept


def test_a_version_taking_effect_is_no_removal() -> None:
    r = compare(OLD_PAGE, NEW_PAGE)
    assert r.verdict == "minor"
    assert r.headline.startswith("The version “Effective January 15, 2025” is now in force")
    assert not any("No longer" in b or "every week" in b for b in r.bullets)


def test_one_version_and_its_copy_is_no_earlier_version() -> None:
    page = "Privacy Policy\n\n" + UPCOMING + "\n\n* * *\n\n" + UPCOMING
    assert earlier_version(page, "Privacy Policy\n\n" + UPCOMING)[1] is None


def test_a_policy_rewritten_on_a_one_version_page_is_still_told() -> None:
    old = "Privacy Policy\n\n" + CURRENT + "\n\n* * *\n\nContact us at privacy@example.com."
    assert earlier_version(old, "Privacy Policy\n\n" + UPCOMING)[1] is None


def test_a_date_of_effect_dropped_is_an_update_notice() -> None:
    assert scheduled_notice("This version will go into effect on March 1, 2025.")
    assert scheduled_notice("The updated Privacy Policy will take effect on January 1, 2026.")
    assert not scheduled_notice("Any changes we make will take effect 30 days after we post them.")
    body = "\n\n".join(SHARED)
    r = compare("# Privacy Policy\n\nThis version will go into effect on March 1, 2025.\n\n" + body,
                "# Privacy Policy\n\n" + body)
    assert r.verdict == "cosmetic" and "update notice removed" in r.headline


def test_a_legal_form_respelled_is_the_same_wording() -> None:
    assert same_wording("This service is run by Acme Ltd (“Acme”).", "This service is run by Acme Limited (“Acme”).")
    assert same_wording("Run by Acme Inc.", "Run by Acme Incorporated.")
    assert not same_wording("Run by Acme Inc.", "Run by Acme Holdings Inc.")
    body = "\n\n".join(SHARED)
    r = compare("# Privacy Policy\n\nThis service is run by Acme Ltd (“Acme”).\n\n" + body,
                "# Privacy Policy\n\nThis service is run by Acme Limited (“Acme”).\n\n" + body)
    assert r.verdict == "cosmetic" and not r.bullets


def test_a_legal_form_is_no_run_in_label() -> None:
    assert run_in_label("TP-LINK CORPORATION PTE. LTD. (“TP-Link,” “we”), takes your privacy seriously.") is None
    assert run_in_label("Service Providers. We share data with service providers who host our site.") is not None


def test_a_version_below_the_new_one_with_its_notice_is_cut_off() -> None:
    banner = "This version will go into effect on March 1, 2025."
    old = ("# Privacy Policy\n\n" + banner + "\n\n" + UPCOMING + "\n\n## Previous version\n\n" + CURRENT)
    new = "# Privacy Policy\n\n" + UPCOMING
    kept, what = earlier_version(old, new)
    assert what is not None and what.where == "after" and what.date == "effective March 1, 2025"
    r = compare(old, new)
    assert r.verdict == "minor" and r.headline.startswith("The version “effective March 1, 2025” is now in force")
    assert not any("No longer" in b for b in r.bullets)
