"""The claim check over a git history (bench/evaluate_changes.py --history) on a real repository
made by the test: consecutive versions of each policy file, commits that touch other files
skipped, a contradicted claim counted."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest

from tests.support.evaluator import evaluator

V1 = "# Privacy\n\nWe share data with Acme Analytics.\n\nContact privacy@example.com.\n"
V2 = "# Privacy\n\nWe share data with Acme Analytics.\n\nContact privacy@example.com.\n\n# Retention\n\nWe keep logs for 30 days.\n"
V3 = "# Privacy\n\nWe share data with Acme Analytics and Bolt Ads.\n\nContact dpo@example.com.\n\n# Retention\n\nWe keep logs for 90 days.\n"


def _commit(repo: Path, files: dict[str, str], message: str) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.com",
                    "commit", "-q", "-m", message], check=True)


@pytest.fixture()
def history(tmp_path: Path) -> Path:
    repo = tmp_path / "versions"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    _commit(repo, {"Acme/Privacy Policy.md": V1, "Acme/Terms.txt": "terms"}, "first")
    _commit(repo, {"Acme/Privacy Policy.md": V2}, "retention")
    _commit(repo, {"Acme/Terms.txt": "terms 2"}, "terms only")
    _commit(repo, {"Acme/Privacy Policy.md": V3}, "partners")
    return repo


def test_history_pairs_are_the_consecutive_versions_of_each_file(history: Path) -> None:
    ev = evaluator()
    pairs = list(ev.history_pairs(history, "*Privacy Policy.md"))
    assert [(old, new) for _, old, new in pairs] == [(V1, V2), (V2, V3)]
    assert [(old, new) for _, old, new in ev.history_pairs(history, "*Privacy Policy.md", last=1)] == [(V2, V3)]
    assert list(ev.history_pairs(history, "*.pdf")) == []


def test_history_check_counts_claims_and_pairs(history: Path) -> None:
    res = evaluator().run_history_check(history, "*Privacy Policy.md")
    assert res["pairs"] == 2
    assert res["claims"] > 0          # Bolt Ads, the e-mails, the periods and the new section are claims
    assert res["contradicted"] == 0
    assert sum(res["verdicts"].values()) == 2


def test_a_contradicted_claim_is_counted(history: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ev = evaluator()
    real = ev.compare

    def lying(old: str, new: str):  # the report also calls a section that is still there removed
        rep = real(old, new)
        return dataclasses.replace(rep, sections_removed=(*rep.sections_removed, "Privacy"))
    monkeypatch.setattr(ev, "compare", lying)
    res = ev.run_history_check(history, "*Privacy Policy.md")
    assert res["contradicted"] == 2 and res["rate"] > 0
    assert all("section removed but still a heading: Privacy" in x for x in res["examples"])
