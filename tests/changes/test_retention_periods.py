"""Retention periods said rightly (general rules, synthetic texts).

- a rule of keeping data moved to another section with its period grown is said as the change
  with the old period, never as a rule dropped;
- a rule restated in other words, with the same limit, is neither new nor dropped;
- a period changed inside one sentence is quoted as the sentence writes it ('two (2) years'),
  never as a bare 'Period is now …', and never paired with a period that stood there before;
- a period where the old rule kept data until an event is said with that event as the old value;
- a rule in a table cell or after a label names the data its row or label names.
"""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.retained import data_lead, names_no_data, own_words, with_data, written_period

INTRO = ("# Privacy Policy\n\nAcme Corp operates the Acme app. This policy explains how we collect, use and share "
         "your personal information when you use our services.\n\n## Information we collect\n\n"
         "We collect the information you give us when you create an account, such as your name and e-mail address. "
         "We collect information about your device and how you use the app.\n\n## How we use information\n\n"
         "We use your information to provide the services, to keep them safe and to improve them. "
         "We send you service messages about your account.\n\n")
RIGHTS = ("## Your rights\n\nYou can ask us for a copy of your data. You can ask us to correct your data.\n\n"
          "## Contact\n\nWrite to privacy@acme.example with any question about this policy.\n")


def _lines(old: str, new: str) -> list[str]:
    r = compare(old, new)
    return [r.headline, *r.bullets]


def test_a_rule_moved_with_its_period_grown_is_said_as_the_change() -> None:
    old = INTRO + ("## Payments\n\nWe process payments through our payment provider. We keep your transaction "
                   "records and invoices for 7 years after the end of the financial year to meet our tax obligations.\n\n"
                   + RIGHTS)
    new = INTRO + ("## Payments\n\nWe process payments through our payment provider.\n\n" + RIGHTS +
                   "\n## How long we keep data\n\nWe keep most data only while your account is open. Invoices and the "
                   "records of each transaction are retained for ten (10) years from the end of the financial year, to "
                   "meet tax obligations.\n")
    r = compare(old, new)
    lines = [r.headline, *r.bullets]
    assert not any("Retention rule dropped" in x or x.startswith("New") for x in lines), lines
    assert "ten (10) years" in r.headline and r.headline.endswith("(was: 7 years)"), lines


def test_a_rule_restated_with_the_same_limit_is_neither_new_nor_dropped() -> None:
    old = INTRO + ("## Verification\n\nWe verify wallets for the Acme Verify feature. Off-chain attestations "
                   "(Acme Verify) are stored as long as necessary to prevent spam and abuse.\n\n" + RIGHTS)
    new = INTRO + ("## Verification\n\nWe verify wallets and on-chain interactions for the Acme Verify feature.\n\n"
                   + RIGHTS + "\n## Retention\n\nWe keep data only while your account is open. Off-chain data "
                   "generated through these interactions is stored only as long as necessary to prevent fraud, spam "
                   "and abuse, and to ensure platform integrity.\n")
    lines = _lines(old, new)
    assert not any("Retention rule dropped" in x or "New retention rule" in x for x in lines), lines


def test_a_period_changed_in_a_sentence_is_quoted_as_written() -> None:
    old = INTRO + ("## Marketing\n\nWe may continue sending you marketing emails, push notifications, and/or in-app "
                   "messages for up to one (1) year after your Subscription ends, unless you opt out earlier.\n\n" + RIGHTS)
    new = old.replace("one (1) year", "two (2) years")
    lines = _lines(old, new)
    assert not any(x.startswith("Period is now") for x in lines), lines
    assert any("two (2) years" in x and "(was: 1 year)" in x for x in lines), lines


def test_a_period_that_stood_before_is_never_paired_with_one_dropped() -> None:
    old = INTRO + ("## Location\n\nLocation data shared via chat is permanently deleted after 72 hours from the time "
                   "of your sharing, and data of the Nearby feature is permanently deleted after 1 hour from the time "
                   "you leave the feature.\n\n" + RIGHTS)
    new = INTRO + ("## Location\n\nLocation data shared via chat is deleted after 72 hours from the time of your "
                   "sharing, and data of the Nearby feature is deleted shortly after you leave the feature.\n\n" + RIGHTS)
    lines = _lines(old, new)
    assert not any("(was: 1 hour)" in x and "72 hours" in x for x in lines), lines
    assert not any(x.startswith("Period is now") for x in lines), lines


def test_a_period_where_the_old_rule_kept_data_until_an_event_says_that_event() -> None:
    old = INTRO + ("## Retention\n\nWe explain here how long we keep your data. Registration data is retained "
                   "until your account is deleted, or until you unlink your Acme account from your Apple or Facebook "
                   "account, whichever is earlier.\n\n" + RIGHTS)
    new = INTRO + RIGHTS + ("\n## How long we keep data\n\nPlease read this section. Until your account is deleted "
                            "(or for three months thereafter) we retain your registration data and login data; unlinking "
                            "your Acme account from Apple or Facebook also ends it.\n")
    lines = _lines(old, new)
    assert not any("New retention rule" in x or "Retention rule dropped" in x for x in lines), lines
    assert any("three months" in x and "(was: until your account is deleted)" in x for x in lines), lines


def test_a_rule_in_a_table_cell_names_the_data_of_its_row() -> None:
    table = ("## Retention\n\n| Data | Purpose | Period |\n| --- | --- | --- |\n"
             "| Account identifiers, such as your user ID | To support refunds. | Retained for up to 2 years after "
             "the account deletion. |\n\n")
    old = INTRO + RIGHTS
    new = INTRO + table + RIGHTS
    lines = _lines(old, new)
    assert not any(x.split(": ", 1)[-1].startswith("Retained") for x in lines), lines
    assert any("Account identifiers" in x and "2 years" in x for x in lines), lines


def test_the_data_a_rule_keeps_is_read_without_its_period_or_verbs() -> None:
    words = own_words("Pitch content is generally retained for up to 30 days, unless we need to keep it longer.")
    assert {"pitch", "content"} <= words
    assert not words & {"retain", "day", "30", "general"}


def test_a_period_is_found_as_written() -> None:
    assert written_period("for up to two (2) years after it ends", "2 years") == "two (2) years"
    assert written_period("kept for 30 days", "2 years") is None


def test_a_rule_that_names_no_data_takes_its_label_or_row() -> None:
    assert names_no_data("Stored for up to 7 days")
    assert not names_no_data("Chat logs are stored for up to 7 days")
    assert names_no_data("13 months from your last activity")
    assert not names_no_data("2.4 Acme has appointed a Data Protection Officer")
    assert not names_no_data("30 days after you close your account, we delete your data")
    assert data_lead("Selfie images: Stored for up to 7 days.", "") == "Selfie images"
    page = "| Zip code | For tax compliance. | Retained for up to 2 years. |\n"
    assert data_lead("Retained for up to 2 years.", page) == "Zip code"
    assert with_data("Retained for up to 2 years", "Retained for up to 2 years.", "") is None
    assert with_data("Chat logs are kept 2 years", "Chat logs are kept 2 years.", "") == "Chat logs are kept 2 years"
