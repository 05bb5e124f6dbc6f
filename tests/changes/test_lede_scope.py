"""What leads: a policy's scope newly drawn (tracker.changes.rules.scope), never a reassurance,
a right only some law grants after a right over the user's data, and a cut never drops the limit
a practice is stated with (tracker.changes.priorities, tracker.changes.headline)."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.clauses import _purpose_lost
from tracker.changes.headline import _weak_lead, rewrite_digest
from tracker.changes.phrasing import has_verb
from tracker.changes.priorities import narrow_right, reassures, standing, tier
from tracker.changes.rules.common import Statement
from tracker.changes.rules.scope import draws_line, is_scope
from tracker.changes.statements import select

_BASE = ("Acme Privacy Statement\n\nInformation We Collect\n\nWe collect your name and email address when you "
         "register.\n\nHow We Use Information\n\nWe use your email address to send you receipts.\n\n")
_LINKS = "Contact\n\nWrite to us at [privacy@acme.com](mailto:privacy@acme.com).\n"


def test_a_scope_limited_to_one_country_leads() -> None:
    old = _BASE + _LINKS
    new = _BASE + "This statement applies to our business operations in the United States.\n\n" + _LINKS
    r = compare(old, new)
    assert r.headline == "New scope: This statement applies to Acme's business operations in the United States"


def test_a_scope_that_only_names_its_site_is_no_news() -> None:
    old = _BASE + _LINKS
    new = _BASE + "This privacy statement covers the site www.acme.com and its sub-pages.\n\n" + _LINKS
    r = compare(old, new)
    assert not any(s["impact"] == "scope-changed" for s in r.statements)
    assert not draws_line("This privacy statement covers the site www.acme.com")


def test_what_is_a_scope_sentence() -> None:
    assert is_scope("The Acme Privacy Policy addresses information we collect at our web sites and in off-line sales")
    assert is_scope("This statement applies to our business operations in the United States.")
    assert not is_scope("What this Privacy Statement Covers")            # a heading
    assert not is_scope("A separate policy governs the collection of personal data outside the US")   # another document
    assert not is_scope("This Privacy Policy describes how we collect and use your information")


def test_a_scope_leads_a_practice_but_trails_it_in_a_rewrite() -> None:
    scope = Statement("New scope: The policy addresses information Acme collects in off-line sales and marketing",
                      "other", "scope-changed", None, "x", (1,))
    practice = Statement("Acme now shares your email address with advertising partners", "sharing", "sharing-widened",
                         None, "y", (2,))
    assert select([practice, scope], added=frozenset({1, 2}))[0] is scope
    assert rewrite_digest([practice, scope])[0] is practice


def test_a_reassurance_never_leads() -> None:
    slogan = Statement("Acme respects your preferences concerning the collection and use of your personal information",
                       "collection", "collection-widened", None, "x", (1,))
    assert reassures(slogan.text) and _weak_lead(slogan)
    assert standing(slogan.impact, slogan.text) > tier(slogan.impact)
    assert not reassures("Acme may share your preferences with advertising partners")


def test_a_right_only_some_law_grants_trails_a_right_over_your_data() -> None:
    legal = Statement("New right: you can also request to remove content from specific Acme services based on applicable law",
                      "rights", "right-added", None, "x", (1,))
    export = Statement("New right: you can export a copy of content in your Acme Account", "rights", "right-added",
                       None, "y", (2,))
    assert narrow_right(legal.impact, legal.text) and not narrow_right(export.impact, export.text)
    assert select([legal, export], per_level=1)[0] is export


def test_a_cut_never_drops_the_limit_of_a_practice() -> None:
    full = "Acme will now retain and use your information as necessary to comply with its legal obligations"
    assert _purpose_lost(full, "Acme will now retain and use your information")
    assert not _purpose_lost("Acme will now retain and use your information for marketing", "Acme will now retain and use your information")


def test_consent_by_use_is_a_clause() -> None:
    assert has_verb("By using the Services, you consent to the collection, international transfer and storage of your data")


def test_a_right_to_specific_pieces_of_your_data_is_no_narrow_right() -> None:
    assert not narrow_right("right-added", "New right: you can request the specific pieces of personal information Acme holds")
    assert narrow_right("right-added", "New right: you can also delete reviews you've left on apps in the Acme Store")


def test_a_service_taken_out_of_the_covered_list_is_said_as_scope() -> None:
    said = "This Privacy Policy discloses the privacy practices for Acme News, {}Acme Store and other applications.\n\n"
    old = _BASE + said.format("Acme Reader, ") + _LINKS
    new = _BASE + said.format("") + _LINKS
    r = compare(old, new)
    assert r.headline == "The policy no longer covers Acme Reader"
