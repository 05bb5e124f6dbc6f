"""The headline when no statement can lead: concrete, never 'Changes what it says about …'."""

from __future__ import annotations

from tracker.changes.report import Change
from tracker.changes.rules.structure import changed_sentences_headline, first_clause

WORDS = {"rights": "your rights", "security": "security", "other": "its wording"}


def _c(kind: str, section: str, topics: tuple[str, ...] = ("rights",), material: bool = True) -> Change:
    old = None if kind == "added" else "We may share your data with partners for advertising."
    new = None if kind == "removed" else "We may share your data with partners for marketing."
    return Change(kind, section, old, new, topics, material, ())


def test_changes_in_one_section_are_counted_and_placed() -> None:
    changes = [_c("reworded", "Your choices"), _c("reworded", "Your choices"), _c("added", "Your choices")]
    assert changed_sentences_headline(changes, set(), WORDS) == "Rewords 2 sentences and adds 1 in “Your choices”"


def test_changes_across_sections_name_their_topic_and_skip_trivial_and_immaterial_ones() -> None:
    changes = [_c("removed", "A", ("security",)), _c("removed", "B", ("security",)), _c("reworded", "C"),
               _c("added", "D", ("rights",), material=False)]
    assert changed_sentences_headline(changes, {2}, WORDS) == "Drops 2 sentences about security"


def test_first_clause_keeps_the_first_of_two_coordinated_clauses() -> None:
    text = ("Acme will now send your friend an email or instant message in your name inviting him to visit the "
            "site, and may send up to two reminders to them")
    assert first_clause(text, 139) == ("Acme will now send your friend an email or instant message in your name "
                                       "inviting him to visit the site")
    assert first_clause("We collect your name and your e-mail address when you register", 139) is None
