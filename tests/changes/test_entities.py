"""Entity kinds: extraction, normalisation, and the report's added/removed lists."""

from __future__ import annotations

import pytest

from tracker.changes import compare
from tracker.changes.entities import extract, find_ages, find_durations, find_phones


@pytest.mark.parametrize("text,expected", [
    ("for six (6) months", {"6 months"}),
    ("for thirty days", {"30 days"}),
    ("a 30-day window", {"30 days"}),
    ("within 13 months", {"13 months"}),
    ("for one year", {"1 year"}),
    ("ten business days", {"10 business days"}),
    ("users 16 years or older", set()),
])
def test_durations(text: str, expected: set[str]) -> None:
    assert find_durations(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("children under the age of 13", {"13"}),
    ("You must be at least 16 years old.", {"16"}),
    ("minors under 18 need a parent", {"18"}),
    ("We keep 13 copies of the backup.", set()),
])
def test_ages(text: str, expected: set[str]) -> None:
    assert find_ages(text) == expected


def test_phones_need_a_cue_and_enough_digits() -> None:
    assert find_phones("Call us at +1 (415) 555-0100.") == {"+14155550100"}
    assert find_phones("Phone: (415) 555-0100") == {"+14155550100"}   # same number, same key
    assert find_phones("Tel: 020 7946 0958") == {"02079460958"}
    assert find_phones("In 2023 we served 1 200 000 users") == set()


def test_laws_vendors_emails_domains() -> None:
    e = extract("Under the GDPR and the California Consumer Privacy Act, we use Google Analytics "
                "and Intercom. Email dpo@example.com or see https://help.zendesk.com/x and example.org.",
                ["https://www.privacyshield.gov/list"])
    assert e.laws == {"GDPR", "CCPA"}
    assert e.vendors == {"Google Analytics", "Intercom"}   # "Google" inside is not separate
    assert e.emails == {"dpo@example.com"}
    assert {"zendesk.com", "example.org", "privacyshield.gov"} <= e.domains
    assert "example.com" not in e.domains                  # e-mail domains are e-mails


def test_prose_glued_to_a_word_is_not_a_domain() -> None:
    e = extract("We use it for these purposes.In addition, used.to and law.to are not sites; visit www.example.in.")
    assert e.domains == {"example.in"}


def test_uk_gdpr_is_its_own_law() -> None:
    assert extract("Under the UK GDPR you may complain.").laws == {"UK GDPR"}


def test_ambiguous_vendor_names_need_context() -> None:
    assert "Apple" not in extract("an apple a day").vendors
    assert "X" not in extract("Section X applies.").vendors
    assert "X" in extract("We share with X (formerly Twitter).").vendors


@pytest.mark.parametrize("kind,old,new,value", [
    ("laws", "We follow applicable law.", "We follow the CCPA.", "CCPA"),
    ("vendors", "We use analytics.", "We use Hotjar for analytics.", "Hotjar"),
    ("emails", "Contact us.", "Contact us at dpo@example.org.", "dpo@example.org"),
    ("domains", "See our site.", "See https://trust.acme-cloud.net/faq.", "acme-cloud.net"),
    ("phones", "Call us.", "Call us at +44 20 7946 0958.", "+442079460958"),
    ("durations", "We keep data as long as necessary.", "We keep data for twelve months.", "12 months"),
    ("ages", "The service is for everyone.", "The service is not for children under 16.", "16"),
])
def test_each_kind_reported_added_and_removed(policy: str, kind: str, old: str, new: str, value: str) -> None:
    base = policy + "\n## Extra\n\n"
    r = compare(base + old + "\n", base + new + "\n")
    assert value in r.entities_added[kind], r.entities_added
    back = compare(base + new + "\n", base + old + "\n")
    assert value in back.entities_removed[kind]
    assert r.verdict in ("minor", "substantive")


def test_retention_bullet_says_old_and_new(policy: str) -> None:
    r = compare(policy, policy.replace("30 days", "ninety days"))
    assert r.entities_added["durations"] == ["90 days"]
    assert r.entities_removed["durations"] == ["30 days"]
    assert "The company keeps your data for ninety days after you close your account (was: 30 days)" in r.bullets
    assert r.verdict == "substantive"


def test_lower_case_documents_match_names_in_any_case() -> None:
    e = extract("we use google analytics and hubspot under the gdpr. an apple a day.", fold=True)
    assert e.vendors == {"Google Analytics", "HubSpot"}
    assert e.laws == {"GDPR"}
    assert extract("we use google analytics.").vendors == set()   # capitals matter otherwise


def test_archive_banner_is_neither_a_change_nor_a_date_stamp(policy: str) -> None:
    banner = ("> *The following text is extracted and transformed from the example.com privacy policy "
              "that was archived on {}. Please check the original snapshot.*\n\n")
    r = compare(banner.format("2019-06-10") + policy, banner.format("2020-01-15") + policy)
    assert r.verdict == "cosmetic" and r.changes == ()
    assert r.date_stamp["new"] == "March 1, 2023"        # the policy's own stamp wins
    bare = compare(banner.format("2019-06-10") + "We collect your name.", banner.format("2020-01-15") + "We collect your name.")
    # the wrapper dates the archive's copy, not the policy: neither content nor a date stamp
    assert bare.is_cosmetic and bare.date_stamp == {"old": None, "new": None}


def test_own_company_sites_and_products_are_not_third_parties() -> None:
    from tracker.changes.entities import first_party
    texts = ["Write to privacy@reddit.com or dpo@reddit.com. Reddit, Reddit, Reddit and Reddit use Reddit data; "
             "see https://support.reddithelp.com and Google Analytics."]
    fam, label = first_party(texts, ["https://www.reddit.com/a", "https://redditinc.com/b"])
    assert (fam, label) == ("Reddit", "reddit")
    r = compare("Email dpo@reddit.com. Reddit uses Reddit tools.",
                "Email dpo@reddit.com. Reddit uses Reddit tools. See https://reddithelp.com/x and Zendesk.")
    assert r.entities_added["domains"] == [] and r.entities_added["vendors"] == ["Zendesk"]
