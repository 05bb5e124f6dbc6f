"""A changed practice verb in an otherwise identical sentence is a change of meaning."""

from __future__ import annotations

import pytest

from tracker.changes import compare
from tracker.changes.verdict import flips

BASE = ("# Privacy Policy\n\n## Information We Collect\n\nWe collect information about your "
        "visits to improve the service. We keep it safe.\n\n## Contact\n\nWrite to "
        "privacy@example.com.\n")


@pytest.mark.parametrize("old, new, phrase", [
    ("We collect information", "We sell information", "collect → sell"),
    ("We collect information", "We share information", "collect → share"),
    ("We keep it safe.", "We delete it safely.", "keep → delete"),
])
def test_practice_verb_swap_is_substantive_and_named(old, new, phrase):
    report = compare(BASE, BASE.replace(old, new))
    assert report.verdict == "substantive"
    said = report.headline + " " + " ".join(report.bullets)
    before, after = phrase.split(" → ")
    assert after in said and before in said.split("(was: ", 1)[1], said    # the new practice, with the old one


@pytest.mark.parametrize("old, new", [
    ("We collect information", "We gather information"),      # same practice, other word
    ("to improve the service", "to enhance the service"),      # no practice verb involved
])
def test_synonyms_are_not_practice_changes(old, new):
    assert not any(f.startswith("practice") for f in flips(BASE, BASE.replace(old, new)))
    assert compare(BASE, BASE.replace(old, new)).verdict == "minor"


def test_rephrased_clause_is_not_a_practice_swap():
    old = "We use Lucky Orange to anonymously track usage of our website, including clicks."
    new = "We use Lucky Orange to understand how visitors use our website, including clicks."
    assert not any(f.startswith("practice") for f in flips(old, new))


TRANSFERS = ("# Privacy Policy\n\n## International transfers\n\nWe transfer personal data to "
             "servers in the United States and adhere to several frameworks for international "
             "data transfers.\n\n## Contact\n\nWrite to privacy@example.com.\n")


FILLER = "\n## About these terms\n\n" + " ".join(
    f"Clause {n} explains how section {n} of these terms is read." for n in range(1, 40)) + "\n"


def test_new_transfer_framework_is_substantive():
    base = TRANSFERS + FILLER
    new = base.replace("several frameworks", "several frameworks, including the EU-US "
                                                  "Privacy Shield Framework,")
    report = compare(base, new)
    assert report.verdict == "substantive"
    assert "Privacy Shield" in report.headline


def test_law_named_in_passing_stays_minor():
    base = TRANSFERS + FILLER.rstrip("\n") + " These terms are written in plain language.\n"
    new = base.replace("written in plain language.",
                       "written in plain language. For EU users, the guidance under the Digital "
                       "Services Act is part of these terms.")
    assert compare(base, new).verdict == "minor"
