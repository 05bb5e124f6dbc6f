"""The last gate: a fragment of a scraped sentence is never published as a statement."""

from __future__ import annotations

import pytest

from tracker.changes.publishable import fragment, publishable
from tracker.changes.rules.common import Statement


@pytest.mark.parametrize("text", [
    "Archiver service and all purchases are processed by ProQuest on behalf",
    "They may also collect information about",
    "To enable the purchase of these products",
    "Adds “) and personally identifiable information (e.g.” after “cookie and session ID”",
    "Adds: Canada (EN): http://www.intuit.ca/about-intuit-canada/info/privacy-policy.jsp Canada (FR)",
])
def test_fragments_are_not_published(text: str) -> None:
    assert fragment(text) is not None


@pytest.mark.parametrize("text", [
    "Acme keeps server logs for 90 days",
    "Twitter's services are not directed to children, and you may not use its services if you are under 13",
    "Now says G Suite instead of Google Apps",
    "Acme now shares your data with the advertising partners it works with",
    "To opt out of interest-based ads, you can use the settings page at any time",
    "Adds “magazines or other” after “including when you order”",
    "No longer promises: But Apple does not link your IP address to anything personally identifiable",
])
def test_sentences_are_published(text: str) -> None:
    assert fragment(text) is None


def test_a_statement_named_by_kind_is_kept_and_the_rest_keep_their_order() -> None:
    said = [Statement("Adds a section “Terms of”", "other", "section-added"),
            Statement("They may also collect information about", "collection", "practice-changed"),
            Statement("Acme keeps server logs for 90 days", "retention", "retention-stated")]
    assert [s.text for s in publishable(said)] == ["Adds a section “Terms of”", "Acme keeps server logs for 90 days"]


@pytest.mark.parametrize("text", [
    "Adds: More on what the Acme Privacy Policy does not cover",     # a table's title row
    "Adds: Learn more about how Acme uses cookies",                  # a link's title
    "Adds: How does Acme use your information?",                     # a heading asked as a question
    "Drpw019.acme.com (was: drpw060.acme.com)",                      # a server, not a practice
    "Now mentions Practices: “has a specific Notice of Privacy Practices for its practices relating”",
    "Now mentions United States: “users in the northwestern United States who like music.Which Information Can”",
])
def test_structure_quoted_as_a_practice_is_not_published(text: str) -> None:
    assert fragment(text) is not None


@pytest.mark.parametrize("text", [
    "Now mentions Facebook: “you choose to connect your Facebook and Acme accounts and enable sharing”",
    "Acme shares more information about how it uses cookies with advertisers",
])
def test_a_window_that_starts_at_its_subject_is_published(text: str) -> None:
    assert fragment(text) is None


def test_a_host_name_is_no_value_of_a_practice() -> None:
    moved = Statement("Server is now drpw019.acme.com (was: drpw060.acme.com)", "other", "value-changed",
                      "drpw060.acme.com", "drpw019.acme.com")
    period = Statement("Acme keeps logs for 30 days (was: 90 days)", "retention", "retention-changed", "90 days", "30 days")
    assert publishable([moved, period]) == [period]


def test_a_window_cut_before_its_subject_is_mended_to_its_clause_or_dropped() -> None:
    cut = Statement("No longer mentions Privacy Legal: “not the matter is escalated to its Privacy Legal team which "
                    "will work across”", "contact", "reworded", "x", None, (3,))
    noun = Statement("Now mentions Practices: “has a specific Notice of Privacy Practices for its practices relating”",
                     "other", "reworded", None, "x", (4,))
    out = publishable([cut, noun])
    assert [s.text for s in out] == ["No longer mentions Privacy Legal: “the matter is escalated to its Privacy Legal team”"]
    assert out[0].changes == (3,) and out[0].old == "the matter is escalated to its Privacy Legal team"


def test_a_sensitive_collection_worded_by_its_rule_is_published_whatever_the_company_is_called() -> None:
    """'Verizon now collects biometric data' has no article, but the rule worded it: it is a
    statement, not a headline quoted from the page."""
    from tracker.changes.publishable import publishable
    from tracker.changes.rules.common import Statement
    for owner in ("Verizon", "The company"):
        s = Statement(f"{owner} now collects biometric data", "collection", "sensitive-collected", None,
                      "biometric data", (1,))
        assert [x.text for x in publishable([s])] == [s.text]


def test_the_last_item_of_a_list_cut_from_its_sentence_is_no_statement() -> None:
    from tracker.changes.publishable import fragment
    assert fragment("Or, in-store location through the use of beacons, your phone's blue tooth signal, LED light chip "
                    "technologies")
    assert fragment("Or you may opt out of interest-based ads by visiting the settings page") is None


def test_a_heading_line_quoted_as_added_or_gone_is_no_statement() -> None:
    from tracker.changes.publishable import fragment
    assert fragment("No longer says: Security of your Information") == "a heading quoted as a sentence"
    assert fragment("Adds: Data retention") is not None
    # a short sentence with a verb, or one ending in a full stop, stays a statement
    assert fragment("No longer says: We keep your data for 30 days") is None
