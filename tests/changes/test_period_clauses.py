"""Periods of a sentence that holds several, aligned by the data each governs (synthetic texts).

- a period changed for the same data inside a list of periods is said as '<data> kept for <new>
  (was: <old>)', also when other periods came into the sentence; a period given to data no old
  period kept is a new rule;
- never a period paired with one about other data, nor a new, narrower rule read as a change;
- a rule of keeping too long to lead gets a headline form: a figure after its word left out, a
  list said by its first item '(…)', never a period left out.
"""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.retained import changed_clauses, clause_line, condensed, new_clauses, period_clauses

INTRO = ("# Privacy Policy\n\nAcme Corp operates the Acme app. This policy explains how we collect, use and share "
         "your personal information when you use our services.\n\n## Information we collect\n\n"
         "We collect the information you give us when you create an account, such as your name and e-mail address. "
         "We collect information about your device and how you use the app.\n\n")
RIGHTS = ("## Your rights\n\nYou can ask us for a copy of your data. You can ask us to correct your data.\n\n"
          "## Contact\n\nWrite to privacy@acme.example with any question about this policy.\n")
OLD_RULE = ("We keep limited data for our legitimate interests: we keep support tickets and call notes 6 years from "
            "the date of the ticket, to defend ourselves against claims, device identifiers and approximate location "
            "of signup for one year to prevent fraud, and data of banned members for as long as necessary.")
NEW_RULE = ("We keep limited data for our legitimate interests: we keep photos of banned members for two years; "
            "support tickets and call notes for six years from the date of the ticket, to defend ourselves against "
            "claims; approximate location of signup/payment for five years to prevent fraud; device identifiers for "
            "one year; and data of banned members for as long as necessary.")


def test_each_period_is_read_with_the_data_of_its_clause() -> None:
    clauses = {c.period: c for c in period_clauses(NEW_RULE)}
    assert set(clauses) == {"2 years", "6 years", "5 years", "1 year"}
    assert clause_line(clauses["5 years"]) == "approximate location of signup/payment kept for five years"
    assert clause_line(clauses["6 years"]) == ("support tickets and call notes kept for six years from the date of "
                                               "the ticket")


def test_a_period_changed_among_several_is_paired_by_its_data() -> None:
    pairs = changed_clauses(OLD_RULE, NEW_RULE)
    assert [(o.period, n.period) for o, n in pairs] == [("1 year", "5 years")]


def test_a_period_given_to_data_no_old_period_kept_is_a_new_rule() -> None:
    came = new_clauses(OLD_RULE, NEW_RULE)
    assert [c.period for c in came] == ["2 years"]
    assert clause_line(came[0]) == "we keep photos of banned members for two years"
    elsewhere = "Photos of banned members are kept for two years to stop them from signing up again."
    assert new_clauses(OLD_RULE, NEW_RULE, (elsewhere,)) == []


def test_a_new_narrower_rule_is_no_changed_period() -> None:
    old = "We keep server logs for one year, and billing records for 7 years."
    new = "We keep server logs for one year, security server logs for two years, and billing records for 7 years."
    assert changed_clauses(old, new) == []


def test_periods_of_other_data_are_never_paired() -> None:
    old = "We keep chat messages for 30 days, and payment records for 7 years."
    new = "We keep chat messages for 30 days, payment records for 7 years, and voice recordings for 90 days."
    assert changed_clauses(old, new) == []


def test_a_clause_that_opens_on_an_event_is_no_data() -> None:
    old = "Your e-mail address is retained for marketing for one year after an account has been inactive for one year."
    new = "Your e-mail address is retained for marketing for one year after an account has been inactive for 24 months."
    assert changed_clauses(old, new) == []


def test_the_changed_period_is_told_in_the_report() -> None:
    old = INTRO + "## Retention\n\n" + OLD_RULE + "\n\n" + RIGHTS
    new = INTRO + "## Retention\n\n" + NEW_RULE + "\n\n" + RIGHTS
    r = compare(old, new)
    lines = [r.headline, *r.bullets]
    assert any(x.startswith("Approximate location of signup/payment kept for five years (was: one year)")
               for x in lines), lines
    assert not any("(was: 6 years)" in x or "device identifiers kept" in x.lower() for x in lines), lines


def test_a_long_rule_is_condensed_to_lead() -> None:
    quote = ("Acme may continue sending you marketing emails, push notifications, and/or in-app messages for up to "
             "two (2) years after your Subscription ends, unless you opt out earlier")
    short = condensed(quote, {"2 years"}, 126)
    assert short == ("Acme may continue sending you marketing emails (…) for up to two years after your "
                     "Subscription ends")
    assert condensed(quote, {"2 years"}, 40) is None
    periods = {"30 days", "60 days", "90 days"}     # a form that would leave out a period is none
    assert condensed("We keep logs for 30 days, backups for 60 days, and exports for 90 days", periods, 60) is None


def test_a_long_period_change_leads_in_its_condensed_form() -> None:
    old = INTRO + ("## Marketing\n\nWe may continue sending you marketing emails, push notifications, and/or in-app "
                   "messages for up to one (1) year after your Subscription ends, unless you opt out earlier.\n\n" + RIGHTS)
    new = old.replace("one (1) year", "two (2) years")
    r = compare(old, new)
    assert r.headline.startswith("Acme may continue sending you marketing emails (…) for up to two years"), r.headline
    assert r.headline.endswith("(was: 1 year)"), r.headline
