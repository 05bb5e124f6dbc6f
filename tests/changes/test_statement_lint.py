"""The copy editor's checks of bench/statement_lint.py flag what a reader objects to and pass
what reads well: each check is tried on a line that must fail it and on one that must not."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _lint_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("statement_lint", BENCH / "statement_lint.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["statement_lint"] = mod
    spec.loader.exec_module(mod)
    return mod


L = _lint_module()


@pytest.mark.parametrize(("check", "bad", "good"), [
    ("unbalanced", 'you give Academia permission to use your contacts ("Contacts)',
     'you give Academia permission to use your contacts ("Contacts")'),
    ("cut-end", "please contact Amazon at", "Uber does not knowingly collect data from anyone under the age of 13"),
    ("leading-conjunction", "And Intuit may share reports that combine the information from many users",
     "Intuit may share reports that combine the information from many users"),
    ("dangling-reference", "Twitter does this to help improve its Services",
     "This Privacy Policy applies to the services of Twitter"),
    ("glued-heading", "Information Washington Post Collects We may collect personal information",
     "The Washington Post may collect personal information about its users"),
    ("redline", "Adds “certain types” after “you with respect”", "New right: you can appeal a refused request"),
    ("too-short", "Industry Solutions", "New right: you can object"),
])
def test_each_check_flags_the_bad_line_and_passes_the_good_one(check: str, bad: str, good: str) -> None:
    fn = L.CHECKS[check]
    assert fn(bad, False)
    assert not fn(good, False)


def test_a_long_headline_is_flagged_only_as_a_headline() -> None:
    line = "Google " + "may now combine your browsing data with your account " * 3
    assert L.long_headline(line, True)
    assert not L.long_headline(line, False)
    assert not L.long_headline("Google may now combine DoubleClick data with your account", True)


def test_a_bullet_repeating_the_headline_and_a_duplicate_bullet_are_flagged() -> None:
    head = "Twitter no longer honours Do Not Track signals"
    found = L.lint(head, ["Twitter no longer honours Do Not Track signals (was: Twitter honors Do Not Track)",
                          "New commitment: Twitter never sells your data",
                          "New commitment: Twitter never sells your data."])
    assert [n for n, _ in found] == ["repeats-headline", "duplicate"]


def test_a_clean_summary_has_no_problem() -> None:
    assert L.lint("Search queries are deleted after 90 days (was: kept until you delete them)",
                  ["New right: you can appeal a refused request",
                   "Now shares precise location with advertising partners"]) == []


def test_tally_counts_problems_per_check_and_pairs_flagged() -> None:
    res = L.tally({"a": ["Twitter does this to help", "Industry Solutions"], "b": ["Google now sells your data"]})
    assert res["pairs"] == 2 and res["lines"] == 3 and res["pairs_flagged"] == 1
    assert res["counts"]["dangling-reference"] == 1 and res["counts"]["too-short"] == 1


@pytest.mark.parametrize(("check", "bad", "good"), [
    ("example-lead", "For example, some apps use information such as your friends list",
     "Some apps now receive your friends list"),
    ("verbless-headline", "Information obtained from third parties on your interests",
     "Oracle now collects information from third parties on your interests"),
    ("dangling-reference", "If you use those services, Google now collects precise location",
     "If you use location-enabled services, Google now collects precise location"),
    ("dangling-reference", "New right: you can disable the foregoing feature at any time",
     "Google may share information such as your name with advertisers"),
    ("glued-heading", "New right: Access requests You can access and correct most of your personal data",
     "New right: you can access and correct most of your personal data"),
    ("glued-heading", "New: Usernames and User IDsUsernames and User IDs are the same thing",
     "New: Usernames and User IDs are the same thing"),
    ("cut-end", "Target Corporation subsidiaries and affiliates include, but are not limited",
     "Target Corporation subsidiaries and affiliates include Target Bank"),
    ("debris", "Examples of processing activities: * Google collects IP addresses",
     "Google collects IP addresses to protect against automated abuse"),
    ("debris", "NextRoll has sold data for the commercial purpose of of providing ads",
     "NextRoll has sold data for the commercial purpose of providing ads"),
    ("debris", "Please contact Chayn at privacy@chayn.co (was: team @chayn.co)",
     "Please contact Chayn at privacy@chayn.co (was: team@chayn.co)"),
    ("debris", "Now names CMP: New: Clicking on the icon opens the consent platform",
     "New: Clicking on the icon opens the consent management platform (CMP)"),
    ("debris", "No longer says: if you take part in offers that require it, Comcast will",
     "No longer says: if you take part in such offers, Comcast will share data only with your consent"),
])
def test_the_fifth_readers_failure_classes_are_flagged_in_a_headline(check: str, bad: str, good: str) -> None:
    fn = L.CHECKS[check]
    assert fn(bad, True)
    assert not fn(good, True)


def test_headline_only_checks_pass_a_bullet() -> None:
    assert not L.example_lead("For example, some apps use information such as your friends list", False)
    assert not L.verbless_headline("Information obtained from third parties on your interests", False)


@pytest.mark.parametrize(("bad", "good"), [
    ("New retention rule: Retention and Deletion Oracle will retain your Personal Information",
     "New retention rule: Oracle will retain your Personal Information while your account is active"),
    ("Third-Party Automated Collection and Interest-Based Advertising Target participates in IBA",
     "Target participates in interest-based advertising (IBA)"),
    ("Personal and Other Information Oracle Collects Through your interaction with the Channels",
     "Through your interaction with the Channels, Oracle may collect Personal Information"),
    ("Adds: the company may share data with Administrators, Owners, and Organizers.it has never sold data",
     "Adds: the company has never sold data, and the site acme.it is run by Acme Italy"),
    ("Data Processing Agreement (GDPR)1Password.eu and 1Password.ca fully comply with the GDPR",
     "1Password.eu and 1Password.ca fully comply with the GDPR (General Data Protection Regulation)"),
])
def test_glued_heading_finds_headings_before_the_company_and_lost_spaces(bad: str, good: str) -> None:
    assert L.glued_heading(bad, False)
    assert not L.glued_heading(good, False)
