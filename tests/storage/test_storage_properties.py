"""Property: however dated versions arrive (batches, order), the history is the same."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.properties import examples
from tests.support.git import fsck, git
from tests.support.records import META, T0, ex, item
from tracker.storage.repo import CompanyRepo


@st.composite
def scenarios(draw):
    days = draw(st.lists(st.integers(0, 60), min_size=1, max_size=10, unique=True))
    texts = draw(st.lists(st.sampled_from("ABC"), min_size=len(days), max_size=len(days)))
    versions = list(zip(days, texts))
    cuts = sorted(draw(st.lists(st.integers(0, len(versions)), max_size=3)))
    batches = [versions[a:b] for a, b in zip([0, *cuts], [*cuts, len(versions)])]
    order = draw(st.permutations(range(len(batches))))
    terms_day = draw(st.integers(0, 60))
    return [batches[i] for i in order], terms_day


def expected(versions: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Date order; a version identical to its predecessor is not a version."""
    out: list[tuple[int, str]] = []
    for day, text in sorted(versions):
        if not out or out[-1][1] != text:
            out.append((day, text))
    return out


@pytest.mark.slow
@settings(max_examples=examples(20), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scenarios())
def test_history_does_not_depend_on_arrival_order(scenario):
    batches, terms_day = scenario
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "acme"
        with CompanyRepo.open(path, create=True, company_name="Acme") as repo:
            repo.record("terms", ex("Terms."), META, T0 + timedelta(days=terms_day, hours=5),
                        "Terms")
            for batch in batches:
                repo.insert_versions("privacy-policy", [item(d, t) for d, t in batch])
            got = [((v.date - T0).days, repo.text_at(v.commit, "privacy-policy").strip())
                   for v in reversed(repo.versions("privacy-policy"))]
            assert got == expected([v for b in batches for v in b])
            subjects = [v.subject.split(" of ")[0] for v in repo.versions("privacy-policy")]
            assert subjects[-1] == "First record"
            assert set(subjects[:-1]) <= {"Record new changes"}
            terms = repo.versions("terms")
            assert len(terms) == 1 and terms[0].date == T0 + timedelta(days=terms_day, hours=5)
            head = repo.head()
            for batch in batches:  # everything again: nothing changes
                assert repo.insert_versions("privacy-policy",
                                            [item(d, t) for d, t in batch]) == []
            assert repo.head() == head
        dates = git(path, "log", "--format=%at").split()
        assert dates == sorted(dates, reverse=True)
        fsck(path)
