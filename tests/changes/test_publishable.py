"""The last gate: a fragment of a scraped sentence is never published as a statement."""

from __future__ import annotations

import pytest

from tracker.changes.publishable import fragment, publishable
from tracker.changes.statements import Statement


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
