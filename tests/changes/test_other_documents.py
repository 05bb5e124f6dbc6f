"""Another document the page holds beside the policy in one capture only (a regional notice,
terms of service) is said as a capture note, never as the policy's new or dropped practices;
Cloudflare's e-mail placeholder is one pattern for hidden.py and deobfuscate_emails."""

from __future__ import annotations

from tests.support.changes import SECTIONED_POLICY as POLICY
from tracker.changes import compare
from tracker.changes.documents import document_starts, other_documents
from tracker.changes.hidden import unhide_emails
from tracker.changes.normalize import CF_PLACEHOLDER_RE, deobfuscate_emails

NOTICE = "\n\n".join([
    "- - -",
    "EEA Privacy Notice\n==================",
    "_Last updated: November 1, 2022_",
    "If you live in the European Economic Area this notice applies to you in addition.",
    "You have the right to object to processing and the right to data portability.",
    "You may lodge a complaint with your local supervisory authority at any time.",
    "We transfer your personal data outside the EEA under standard contractual clauses.",
    "We rely on consent, contract and legitimate interests as our legal bases here.",
    "Our representative in the European Union is Example Representative Ltd.",
])

TERMS = "\n\n".join([
    "Terms of Service\n----------------",
    "Last updated: July 31, 2013",
    "By using the service you agree to these terms and to every policy they name.",
    "We may assign this agreement in whole or in part without your consent or notice.",
    "You must not upload content that infringes the rights of any other person.",
    "We may suspend or end your account at any time for any breach of these terms.",
    "These terms are governed by the laws of the State of Delaware, United States.",
    "Any dispute will be settled by binding arbitration in Wilmington, Delaware.",
])


def test_a_notice_after_the_policy_opens_a_document() -> None:
    lines = (POLICY + "\n\n" + NOTICE).split("\n")
    assert [t for _, t in document_starts(lines)] == ["Privacy Policy", "EEA Privacy Notice"]


def test_a_section_of_the_policy_opens_no_document() -> None:
    assert [t for _, t in document_starts(POLICY.split("\n"))] == ["Privacy Policy"]


def test_a_notice_appended_is_taken_out_and_said() -> None:
    old, new, what = other_documents(POLICY, POLICY + "\n\n" + NOTICE)
    assert what is not None and what.side == "new" and what.titles == ("EEA Privacy Notice",)
    assert what.where == "after" and "data portability" not in new


def test_a_notice_appended_is_no_new_right() -> None:
    r = compare(POLICY, POLICY + "\n\n" + NOTICE)
    assert r.verdict == "minor"
    assert r.headline.startswith("The page now also holds another document after the policy: “EEA Privacy Notice”")
    assert not any("right" in b.lower() and "notice" not in b.lower() for b in r.bullets)


def test_terms_before_the_policy_gone_is_no_dropped_promise() -> None:
    r = compare(TERMS + "\n\n" + POLICY, POLICY)
    assert r.verdict == "minor"
    assert r.headline.startswith("The page no longer holds another document it held before the policy: “Terms of Service”")
    assert not any("assign" in b for b in r.bullets)


def test_the_policy_s_own_change_is_still_told() -> None:
    edited = POLICY.replace("We never sell your personal information to anyone for any purpose whatsoever.",
                            "We may sell your personal information to our advertising partners.")
    r = compare(POLICY, edited + "\n\n" + NOTICE)
    assert any("sell" in b.lower() for b in r.bullets)
    assert any("EEA Privacy Notice" in b for b in r.bullets)


def test_a_rewritten_notice_both_sides_hold_is_compared() -> None:
    rewritten = NOTICE.replace("standard contractual clauses", "the EU-US Data Privacy Framework")
    assert other_documents(POLICY + "\n\n" + NOTICE, POLICY + "\n\n" + rewritten)[2] is None


def test_a_new_section_of_the_policy_is_no_other_document() -> None:
    grown = POLICY + "\n\n" + "\n\n".join([
        "Your choices\n------------",
        "You can opt out of marketing emails at any time by clicking the link in them.",
        "You can ask us to delete your account and the information we hold about you.",
        "You can ask us for a copy of the personal information we hold about you.",
        "You can correct your information in your account settings at any time.",
        "You can turn off cookies in your browser, though parts of the site may not work.",
    ])
    assert other_documents(POLICY, grown)[2] is None


def test_one_placeholder_pattern_for_both_uses() -> None:
    link = "[\\[email&#160;protected\\]](/cdn-cgi/l/email-protection#a1b2c3)"
    for text in (link, "[email protected]", "\\[email protected\\]", "[ email protected ]"):
        assert CF_PLACEHOLDER_RE.fullmatch(text), text
    # the link keeps its target, the page's own site, without the fragment that encodes the address anew
    assert deobfuscate_emails(f"Write to {link} today") == \
        "Write to [[email protected]](/cdn-cgi/l/email-protection) today"
    assert deobfuscate_emails("Write to \\[email protected\\] today") == "Write to [email protected] today"
    old, new, side = unhide_emails(f"Write to us at {link} today", "Write to us at jane@example.com today")
    assert (old, side) == ("Write to us at jane@example.com today", "old")
