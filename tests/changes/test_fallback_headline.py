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


def test_a_passage_dropped_for_a_link_to_its_subject_is_one_statement() -> None:
    from tracker.changes.rules.common import Statement
    from tracker.changes.rules.structure import behind_link
    old = ["Under the Privacy Shield Framework, Acme uses EU data for the purposes described here.",
           "Acme is responsible for the processing of EU data that it transfers to an agent.",
           "To learn more about the Privacy Shield Framework, visit the Department of Commerce site."]
    changes = [Change("removed", "Transfers", t, None, ("international-transfer",), True, ()) for t in old]
    changes.append(Change("added", "Transfers", None, "For more information about our Privacy Shield certification, "
                          "please go here.", ("international-transfer",), True, ()))
    cands = [Statement(f"No longer says: {t}", "other", "practice-changed", t, None, (k,)) for k, t in enumerate(old)]
    cands.append(Statement("Adds a link", "other", "pointer", None, None, (3,)))
    promise = Statement("No longer promises: Acme will not sell EU data", "sale", "promise-withdrawn", None, None, (1,))
    out = behind_link(cands + [promise], changes, "Acme")
    assert [s.text for s in out] == ["No longer promises: Acme will not sell EU data",
                                     "Privacy Shield details now given by link instead of in the policy"]
    assert behind_link(cands[:1] + cands[3:], changes, "Acme") == cands[:1] + cands[3:]     # one detail: said as it is


def test_a_subject_named_before_the_link_is_not_what_it_links_to() -> None:
    from tracker.changes.rules.common import Statement
    from tracker.changes.rules.structure import behind_link
    old = ["Acme adheres to the Safe Harbor principles for EU data.", "Complaints under Safe Harbor go to the BBB."]
    changes = [Change("removed", "T", t, None, ("international-transfer",), True, ()) for t in old]
    changes.append(Change("added", "T", None, "Acme uses the Privacy Shield and the Swiss Safe Harbor framework. "
                          "Click here to view our Privacy Shield Policy.", ("international-transfer",), True, ()))
    cands = [Statement(f"No longer says: {t}", "other", "practice-changed", t, None, (k,)) for k, t in enumerate(old)]
    cands.append(Statement("Adds a link", "other", "pointer", None, None, (2,)))
    assert behind_link(cands, changes, "Acme") == cands        # Safe Harbor was dropped, not moved behind the link


def test_the_counted_headline_never_ends_on_a_preposition() -> None:
    words = {**WORDS, "sharing": "who it shares data with"}
    changes = [_c("reworded", "A", ("sharing",)), _c("reworded", "B", ("sharing",))]
    assert changed_sentences_headline(changes, set(), words) == "Rewords 2 sentences about sharing data with others"


def test_changes_with_no_topic_are_counted_without_a_topic_tail() -> None:
    from tracker.changes.report import Change
    from tracker.changes.rules.structure import changed_sentences_headline
    changes = [Change("reworded", "Intro", "The Services are offered by Acme Technologies AG.",
                      "The Services are offered by Acme AG.", (), True),
               Change("reworded", "Contact", "You can write to Acme Technologies AG at its office in Geneva.",
                      "You can write to Acme AG at its office in Geneva.", (), True)]
    said = changed_sentences_headline(changes, set(), WORDS)
    assert said.startswith("Rewords 2 sentences") and "its wording" not in said, said
