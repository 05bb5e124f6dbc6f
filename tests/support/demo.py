"""What the demo's sample revisions must model, and their intended changes by document."""

from __future__ import annotations

from tracker.demo.run import iter_intended_changes

# Every kind of change the sample revisions must model somewhere in the set (the list).
REQUIRED_KINDS = {
    "date-stamp", "formatting", "reworded", "section-added", "section-removed",
    "section-renamed", "moved", "third-party-added", "retention-changed", "contact-changed",
    "negation-flip", "law-added", "age-changed",
}
KNOWN_KINDS = REQUIRED_KINDS | {"page-chrome", "third-party-removed", "legal-basis-changed"}
VERDICTS = ("cosmetic", "minor", "substantive", "major")
ENTITY_KINDS = ("laws", "vendors", "emails", "domains", "phones", "durations", "ages")


def notes_by_document() -> dict[tuple[str, str], list[dict]]:
    grouped: dict[tuple[str, str], list[dict]] = {}
    for company, doc_type, revision in iter_intended_changes():
        grouped.setdefault((company, doc_type), []).append(revision)
    return grouped


def revisions() -> list[tuple[str, str, int, dict]]:
    """(company, doc_type, index, note) of every revision after the first version."""
    return [(company, doc_type, i, note)
            for (company, doc_type), notes in sorted(notes_by_document().items())
            for i, note in enumerate(notes) if i > 0]


def case_ids(cases: list[tuple[str, str, int, dict]]) -> list[str]:
    """Test ids of revisions(): company-date."""
    return [f"{company}-{note['date']}" for company, _, _, note in cases]
