"""Evaluation on the labelled real pairs and the label-free claim check (skipped when
../shared/corpus is absent). Floors are what the detector reaches today on both sets; the
issue's targets that are not met yet are listed in README "Change detector evaluation"."""

from __future__ import annotations

from pathlib import Path

from tests.support.evaluator import evaluator
from tracker.changes import compare



def _false_alerts(results: dict, name: str) -> list[str]:
    return [p["pair"] for p in results["per_pair"]
            if p["set"] == name and p["label"] == "cosmetic" and p["got"] != "cosmetic"]


def test_no_false_alerts_on_ota_cosmetic_pairs(results: dict) -> None:
    assert results["sets"]["ota"]["false_alerts_cosmetic"] == 0, _false_alerts(results, "ota")


def test_cosmetic_pairs_never_get_more_than_minor(results: dict) -> None:
    bad = [p["pair"] for p in results["per_pair"] if p["label"] == "cosmetic" and p["got"] in ("substantive", "major")]
    assert not bad


def test_verdict_accuracy(results: dict) -> None:
    assert results["sets"]["ota"]["verdict_accuracy"] >= 0.9
    assert results["both"]["verdict_accuracy"] >= 0.8


def test_entity_precision_and_recall(results: dict) -> None:
    """The two sets label a company's own sites and branches differently (ptt/ names
    'help.uber.com' and 'Apple UK Limited', ota/ leaves out 'store.wikimedia.org' and 'Reddit UK
    Limited'); the detector reports them apart from third parties (own_entities), so ptt/
    recall is the lower one."""
    ota = results["sets"]["ota"]["entities"]["overall"]
    ptt = results["sets"]["ptt"]["entities"]["overall"]
    both = results["both"]["entities"]["overall"]
    assert ota["recall"] >= 0.95 and ota["precision"] >= 0.8
    assert ptt["recall"] >= 0.85 and ptt["precision"] >= 0.95
    assert both["precision"] >= 0.9 and both["recall"] >= 0.9


def test_added_section_recall_on_ota(results: dict) -> None:
    assert results["sets"]["ota"]["sections"]["added"]["recall"] >= 0.9


def test_summaries_are_statements_not_word_lists(results: dict) -> None:
    """Headline under 140 characters, no topic tail, no redline, no cut quote; at most 6
    statements, none of them a word list."""
    for p in results["per_pair"]:
        h = p["headline"]
        assert len(h) < 140 and "changes to " not in h and "[" not in h and "…" not in h, (p["pair"], h)
        assert len(p["bullets"]) <= 6, p["pair"]
        for b in p["bullets"]:
            assert not b.startswith(("Topics changed", "Key new terms", "Newly named", "Third parties added")), b
            assert "…" not in b and " → " not in b, b


def test_claim_check_on_every_pair(corpus_dir: Path) -> None:
    """No report claims an entity came or went that the other text still writes, or a heading
    came or went that the other text still has (all 319 consecutive pairs)."""
    res = evaluator().run_claim_check(corpus_dir)
    for name, c in res.items():
        assert c["claims"] > 100, name
        assert c["rate"] < 0.01 and c["headline_contradictions"] == 0, (name, c["examples"])


def test_every_real_pair_is_deterministic(corpus_dir: Path) -> None:
    files = sorted((corpus_dir / "ota" / "reddit").glob("*.md"))[:3]
    texts = [f.read_text(encoding="utf-8") for f in files]
    for a, b in zip(texts, texts[1:]):
        assert compare(a, b).to_json() == compare(a, b).to_json()
